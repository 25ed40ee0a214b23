import DynamicCallable
import WrappedLocal
import WrappedProperty

struct Settings {
    @Listed("/tmp") var files: [String]
}

let settings = Settings()
print(settings.files.count)
print(settings.$files ?? "")

func tally() -> Int {
    @Counted var count = 0
    count += 1
    return count
}
print(tally())

let shell = Shell()
_ = shell("-c", "true")
