import Foundation

/// The processes running on this machine, read from `/proc` (Linux), for tests that check nothing was left behind.
enum RunningProcesses {
    /// The command lines (arguments joined by spaces) of the live processes whose command line contains `text`.
    static func mentioning(_ text: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.filter { Int32($0) != nil && Int32($0) != getpid() }.compactMap { pid in
            guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
                  let state = String(decoding: stat, as: UTF8.self).split(separator: ")").last?.split(separator: " ").first,
                  state != "Z", state != "X",
                  let arguments = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let command = String(decoding: arguments, as: UTF8.self).split(separator: "\0").joined(separator: " ")
            return command.contains(text) ? command : nil
        }
    }

    /// Polls until no live process mentions `text`, for at most `seconds`; the ones still running then.
    static func awaitNone(mentioning text: String, within seconds: TimeInterval) -> [String] {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while true {
            let left = mentioning(text)
            if left.isEmpty || Date() >= deadline { return left }
            usleep(100_000)
        }
    }
}
