import Foundation

/// Splits the browser's output into messages: over --remote-debugging-pipe each JSON message
/// ends with a NUL byte, and one read may hold part of a message or several.
struct MessageFraming {
    private var buffer = Data()
    /// Bytes already known to hold no NUL, so a multi-megabyte DOM arriving in 64 KiB reads is
    /// scanned once, not once per read.
    private var scanned = 0

    mutating func append(_ chunk: Data) -> [Data] {
        buffer.append(chunk)
        var messages: [Data] = []
        var start = buffer.startIndex
        var index = buffer.startIndex + scanned
        while index < buffer.endIndex {
            if buffer[index] == 0 {
                messages.append(buffer[start..<index])
                start = index + 1
            }
            index += 1
        }
        buffer = Data(buffer[start...])
        scanned = buffer.count
        return messages
    }
}
