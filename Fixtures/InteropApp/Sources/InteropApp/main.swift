import CxxInterop

print(combine())
