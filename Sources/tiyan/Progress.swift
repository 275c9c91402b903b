import Foundation

/// Progress goes to stderr so that stdout carries only results (SPEC.md).
enum Progress {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// A run that could not be done: printed to stderr, exit status 1.
struct RunFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
