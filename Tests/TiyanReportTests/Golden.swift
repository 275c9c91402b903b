import Foundation
import Testing

/// Compares rendered output with a file under Golden/. `TIYAN_RECORD_GOLDEN=1 swift test …`
/// rewrites the files instead; review the diff before committing them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TIYAN_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(name); record with TIYAN_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard text != expected else { return }
        let actual = text.components(separatedBy: "\n")
        let wanted = expected.components(separatedBy: "\n")
        let line = zip(actual, wanted).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actual.count, wanted.count)
        let got = line < actual.count ? actual[line] : "<end of output>"
        let want = line < wanted.count ? wanted[line] : "<end of file>"
        Issue.record("\(name) differs at line \(line + 1):\n  got:  \(got)\n  want: \(want)", sourceLocation: sourceLocation)
    }
}
