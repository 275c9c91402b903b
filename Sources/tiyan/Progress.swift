import Foundation

/// Progress goes to stderr so that stdout carries only results (SPEC.md): on a terminal one
/// status line rewritten in place, in a log (cron) one plain line per event.
enum Progress {
    private static let isTerminal = isatty(STDERR_FILENO) == 1
    private static let lock = NSLock()
    nonisolated(unsafe) private static var fetched = 0

    /// A message that stays.
    static func line(_ text: String) {
        lock.withLock {
            write((isTerminal ? "\r\u{1B}[K" : "") + text + "\n")
        }
    }

    /// One fetched resource: a line in a log, a counter on a terminal.
    static func fetch(_ text: String) {
        lock.withLock {
            fetched += 1
            if isTerminal {
                write("\r\u{1B}[K\(fetched) fetched  " + String(text.prefix(100)))
            } else {
                write(text + "\n")
            }
        }
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A run that could not be done: printed to stderr, exit status 1.
struct RunFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
