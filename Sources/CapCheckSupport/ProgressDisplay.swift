import Foundation

/// Progress of the long stages on standard error. On a terminal, one line per stage that updates in place (`\r`) with
/// its counts and the current item, at most ten times a second; elsewhere (CI logs, pipes), a plain line every
/// `interval` seconds and one when the stage ends. `--quiet` shows none (no display).
public final class ProgressDisplay: Sendable {
    public enum Style: Sendable {
        /// A terminal: the line is rewritten in place.
        case terminal
        /// A log: whole lines, a few seconds apart.
        case plain(interval: Double)
    }

    private let style: Style
    private let write: @Sendable (String) -> Void
    private let last = Locked(0.0)

    /// `write` receives the text to put on standard error (with its own `\r` or newline).
    public init(style: Style, write: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.write = write
    }

    /// The style for standard error: a terminal when it is one, else plain lines every 5 s.
    public static func forStandardError() -> ProgressDisplay {
        ProgressDisplay(style: isatty(STDERR_FILENO) == 1 ? .terminal : .plain(interval: 5)) { text in
            StandardStream.error.write(text)
        }
    }

    /// A counter for a stage of `total` items (`reading records`, `parsing C sources`, …).
    public func counter(_ stage: String, total: Int) -> ProgressCounter {
        ProgressCounter(stage: stage, total: total, display: self)
    }

    fileprivate func show(_ stage: String, done: Int, total: Int, item: String?, finished: Bool) {
        let now = ProcessInfo.processInfo.systemUptime
        let text = "capcheck: \(stage): \(done)/\(total)"
        switch style {
        case .terminal:
            let due = last.withLock { last -> Bool in
                guard finished || now - last >= 0.1 else { return false }
                last = now
                return true
            }
            guard due else { return }
            let current = item.map { " " + Self.shortened($0) } ?? ""
            write("\r\u{1B}[2K" + text + (finished ? "\n" : current))
        case .plain(let interval):
            let due = last.withLock { last -> Bool in
                if last == 0 { last = now }  // the first line waits a whole interval
                guard finished || now - last >= interval else { return false }
                last = now
                return true
            }
            if due { write(text + "\n") }
        }
    }

    /// The end of a long path, so the line fits a terminal.
    private static func shortened(_ item: String) -> String {
        item.count > 60 ? "…" + item.suffix(59) : item
    }
}

/// The count of one stage: each finished item calls `advance`, from any thread; `finish` ends the stage's line.
public final class ProgressCounter: Sendable {
    private let stage: String
    private let total: Int
    private let display: ProgressDisplay?
    private let done = Locked(0)

    init(stage: String, total: Int, display: ProgressDisplay?) {
        self.stage = stage
        self.total = total
        self.display = display
    }

    /// A counter that shows nothing (no display, or `--quiet`).
    public static let silent = ProgressCounter(stage: "", total: 0, display: nil)

    public func advance(_ item: String? = nil) {
        guard let display else { return }
        let count = done.withLock { value -> Int in
            value += 1
            return value
        }
        display.show(stage, done: count, total: total, item: item, finished: false)
    }

    public func finish() {
        guard let display, total > 0 else { return }
        display.show(stage, done: done.withLock { $0 }, total: total, item: nil, finished: true)
    }
}
