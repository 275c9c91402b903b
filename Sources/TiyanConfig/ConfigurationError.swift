/// A configuration problem that names the file, line and field, as `tiyan validate` prints it.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String

    public init(file: String, line: Int?, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `targets.yaml:12: targets[3].url: not an http(s) URL`
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(field.map { "\($0): " } ?? "")\(message)"
    }
}

/// All problems found in a configuration at once, so one validate run lists them all.
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ConfigurationError]

    public init(_ errors: [ConfigurationError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Collects problems while a file is checked, so that one pass reports every problem instead of
/// stopping at the first.
public final class ConfigurationIssues {
    public let file: String
    public private(set) var errors: [ConfigurationError] = []

    public init(file: String) { self.file = file }

    public func report(line: Int?, field: String?, _ message: String) {
        errors.append(ConfigurationError(file: file, line: line, field: field, message: message))
    }

    public func report(_ node: ConfigNode, field: String?, _ message: String) {
        report(line: node.line, field: field, message)
    }

    public func append(contentsOf other: [ConfigurationError]) { errors.append(contentsOf: other) }

    /// Throws everything reported so far, in file order, or nothing when all is well.
    public func throwIfAny() throws {
        guard !errors.isEmpty else { return }
        throw ConfigurationErrors(errors.sorted(by: ConfigurationIssues.fileOrder))
    }

    static func fileOrder(_ a: ConfigurationError, _ b: ConfigurationError) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        return (a.field ?? "") < (b.field ?? "")
    }
}
