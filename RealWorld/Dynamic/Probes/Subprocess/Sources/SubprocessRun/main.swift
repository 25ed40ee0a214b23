import Subprocess

let result = try await run(.path("/bin/true"), output: .discarded)
print(result.terminationStatus)
