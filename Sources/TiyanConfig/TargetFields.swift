import TiyanCore

/// A value read from configuration with the line it came from.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}

/// The fields of one target (or of `defaults`) as written, before defaults are applied.
struct TargetFields {
    static let names = ["id", "name", "region", "kind", "url", "user_agent", "max_pages", "hints", "search", "render"]
    static let required = ["id", "name", "region", "url"]
    static let defaultMaxPages = 40

    var id: Located<String>?
    var name: Located<String>?
    var region: Located<String>?
    var kind: Located<Target.Kind>?
    var url: Located<String>?
    var userAgent: Located<String>?
    var maxPages: Located<Int>?
    var hints: [PageRole: Located<String>] = [:]
    var search: Located<Target.SearchConfiguration>?
    var render: Located<RenderMode>?
    /// Fields present but invalid: already reported, so not reported again as missing.
    var invalid: Set<String> = []

    /// These fields with the gaps filled from `defaults`; hints merge role by role.
    func merged(over defaults: TargetFields) -> TargetFields {
        var result = self
        result.id = id ?? defaults.id
        result.name = name ?? defaults.name
        result.region = region ?? defaults.region
        result.kind = kind ?? defaults.kind
        result.url = url ?? defaults.url
        result.userAgent = userAgent ?? defaults.userAgent
        result.maxPages = maxPages ?? defaults.maxPages
        result.hints = defaults.hints.merging(hints) { _, own in own }
        result.search = search ?? defaults.search
        result.render = render ?? defaults.render
        result.invalid = invalid.union(defaults.invalid)
        return result
    }

    /// The target, or nil after reporting each missing required field.
    func target(issues: ConfigurationIssues, prefix: String, line: Int) -> Target? {
        let present: [String: Bool] = [
            "id": id != nil, "name": name != nil, "region": region != nil, "url": url != nil,
        ]
        var complete = invalid.isEmpty
        for field in Self.required where present[field] != true {
            complete = false
            if !invalid.contains(field) {
                issues.report(line: line, field: prefix, "missing required field \"\(field)\"")
            }
        }
        guard complete, let id, let name, let region, let url else { return nil }
        let kind = kind?.value ?? .portal
        return Target(
            id: id.value, name: name.value, region: region.value, kind: kind, url: url.value,
            userAgent: userAgent?.value, maxPages: maxPages?.value ?? Self.defaultMaxPages,
            hints: hints.mapValues(\.value), search: search?.value, render: render?.value)
    }
}
