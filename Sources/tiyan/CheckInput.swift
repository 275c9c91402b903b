import Foundation
import TiyanCore

/// What `tiyan check` says of one input apart from its results: whether it could be judged at
/// all, and what the text output must add (an unverified certificate), so a 404 is one line,
/// not a page of `unreachable`.
enum CheckInput {
    /// A usage problem with a local path (missing, unreadable, a directory), nil for URLs.
    static func pathProblem(_ input: String) -> String? {
        guard !isURL(input) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            return "cannot read \(input): \(FileAccess.problem(reading: input, as: .file))"
        }
        if isDirectory.boolValue { return "\(input) is a directory; give the HTML files in it" }
        guard FileManager.default.isReadableFile(atPath: input) else {
            return "cannot read \(input): \(FileAccess.problem(reading: input, as: .file))"
        }
        return nil
    }

    static func isURL(_ input: String) -> Bool {
        input.hasPrefix("http://") || input.hasPrefix("https://")
    }

    /// The line for stderr when the input gave no page to judge (no answer, an HTTP error, a
    /// bot challenge instead of the page), nil when it can be judged. A bad certificate alone is
    /// judged (the content was fetched once without verification, SPEC.md), and so is a body
    /// that is not HTML: a policy published as a PDF is a finding of PR-01.
    static func failure(of record: FetchRecord, input: String) -> String? {
        guard let error = record.error else { return nil }
        if [.tlsCertificate, .notHTML].contains(error), record.hasBody { return nil }
        var line = "tiyan: \(input): \(error.rawValue)"
        if let status = record.status { line += " (HTTP \(status))" }
        if let detail = record.errorDetail, !detail.isEmpty {
            line += ": " + detail.replacingOccurrences(of: "\n", with: " ")
        }
        return line + "; not judged"
    }

    /// What the text header adds after the input's name: a certificate that did not verify.
    static func note(of record: FetchRecord) -> String? {
        guard record.tlsVerified == false || record.fetchedWithoutVerification else { return nil }
        var note = "certificate did not verify"
        if let detail = record.errorDetail, !detail.isEmpty {
            note += " (\(detail.replacingOccurrences(of: "\n", with: " ")))"
        }
        return note + "; judged from a fetch without verification"
    }

    /// The JSON entry of an input that could not be judged: the same shape as a judged one.
    static func unjudged(_ input: String, record: FetchRecord) -> JSONValue {
        .object([
            ("file", .string(input)), ("error", .string(record.error?.rawValue ?? "")),
            ("status", record.status.map { .number(Double($0)) } ?? .null),
            ("rules", .array([])), ("indicators", .array([])),
        ])
    }
}
