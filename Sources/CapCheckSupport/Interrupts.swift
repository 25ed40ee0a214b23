import CProcessControl
import Foundation

/// What capcheck does when SIGINT, SIGTERM or SIGHUP asks it to stop (Ctrl-C, a CI job's cancel, a closed terminal):
/// it sends the same signal to everything it started and kills what is still running after `ChildProcesses.grace`
/// (`ChildProcesses`), deletes its temporary files (`TemporaryFiles`), and exits 128 + the signal (130, 143, 129).
/// (SIGHUP was added after a robustness sweep found the build's compilers left running when a terminal closed.)
///
/// Both signals are blocked in every thread and taken by one thread of their own with `sigwait`, so that all of
/// this runs as ordinary code, never in a signal handler.
public enum Interrupts {
    /// Installs the handling. Call it first in `main`, before any other thread starts: threads inherit the mask
    /// that blocks the signals (and children do not: `Process` resets it). A signal capcheck was started with
    /// ignored (a background job's SIGINT) stays ignored, as in every Unix tool. Also makes capcheck the child
    /// subreaper of its descendants (Linux), so that a compiler whose parent has died is still found and stopped.
    public static func install() {
        _ = capcheck_become_child_subreaper()
        let taken = [SIGINT, SIGTERM, SIGHUP].filter { !isIgnored($0) }
        guard !taken.isEmpty else { return }
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in taken { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let handled = signals
        Thread {
            var signals = handled
            var received: Int32 = 0
            while sigwait(&signals, &received) != 0 {}
            stop(received)
        }.start()
    }

    private static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        sigaction(signal, nil, &current)
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static func stop(_ signal: Int32) -> Never {
        let name = signal == SIGINT ? "SIGINT" : signal == SIGHUP ? "SIGHUP" : "SIGTERM"
        StandardStream.error.write("capcheck: interrupted (\(name)); stopping what it started\n")
        ChildProcesses.stopAll(signal: signal)
        TemporaryFiles.shared.removeAll()
        _exit(128 + signal)
    }

    /// Blocks the calling thread for good: capcheck is being interrupted, and the thread that handles it ends the
    /// process. Work that would go on after a stopped child, or create a file, waits here instead.
    package static func waitForExit() -> Never {
        while true { pause() }
    }
}
