public import TiyanCore

/// targets.yaml after `defaults` are applied.
public struct TargetList: Sendable {
    public var version: Int
    public var targets: [Target]

    public init(version: Int, targets: [Target]) {
        self.version = version
        self.targets = targets
    }

    /// The only version of the file format this build reads.
    public static let supportedVersion = 1

    /// Throws `ConfigurationErrors` listing every problem (bad YAML, unknown fields, duplicate ids,
    /// bad URLs, bad XPath), each naming file, line and field.
    public static func load(path: String) throws -> TargetList {
        try parse(YAMLReader.readText(path: path), file: path)
    }

    public static func parse(_ text: String, file: String) throws -> TargetList {
        let issues = ConfigurationIssues(file: file)
        guard let root = try YAMLReader.parse(text, file: file) else {
            issues.report(line: nil, field: nil, "empty file: expected `version: 1` and a `targets` list")
            try issues.throwIfAny()
            return TargetList(version: supportedVersion, targets: [])
        }
        let list = TargetListReader(issues: issues).read(root)
        try issues.throwIfAny()
        return list
    }
}
