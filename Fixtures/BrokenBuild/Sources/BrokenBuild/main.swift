// Deliberately does not compile: capcheck must report a build failure.
let count: Int = "not a number"
print(count)
