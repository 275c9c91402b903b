public import TiyanCore

/// Reads probes/page-nature.yaml: the markers and thresholds by which the crawl and the probes
/// tell documents, challenges and script shells apart.
public enum PageNatureFile {
    public static let fileName = "page-nature.yaml"

    static let keys = [
        "module", "version", "source", "challenge_markers", "block_page_markers", "reload_markers",
        "mount_point_ids", "mount_point_elements", "bundle_name_prefixes", "challenge_statuses",
        "challenge_visible_text_limit", "shell_visible_text_limit", "block_page_maximum_links",
        "cookie_challenge_maximum_bytes", "shell_inline_script_bytes", "searched_prefix_bytes",
    ]

    /// Throws `ConfigurationErrors` naming the file, line and field of every problem; every key
    /// is required, so a deleted list cannot silently switch challenge detection off.
    public static func load(from configuration: ProbeConfiguration) throws -> PageNatureMarkers {
        let raw = try configuration.decode(Raw.self, from: fileName)
        let root = try configuration.node(of: fileName)
        let file = configuration.path(of: fileName)
        var errors: [ConfigurationError] = []
        for entry in root?.entries ?? [] where !keys.contains(entry.key) {
            errors.append(ConfigurationError(
                file: file, line: entry.keyLine, field: entry.key,
                message: "unknown field (expected one of: \(keys.joined(separator: ", ")))"))
        }
        func words(_ list: [String]?, _ field: String) -> [String] {
            guard let list, !list.isEmpty, list.allSatisfy({ !$0.isEmpty }) else {
                errors.append(ConfigurationError(file: file, line: root?.line(at: [field]), field: field,
                                                 message: "expected a list of non-empty strings"))
                return []
            }
            return list
        }
        func count(_ value: Int?, _ field: String) -> Int {
            guard let value, value > 0 else {
                errors.append(ConfigurationError(file: file, line: root?.line(at: [field]), field: field,
                                                 message: "expected a positive whole number"))
                return 1
            }
            return value
        }
        let statuses = raw.challenge_statuses ?? []
        if statuses.isEmpty || statuses.contains(where: { !(100..<600).contains($0) }) {
            errors.append(ConfigurationError(file: file, line: root?.line(at: ["challenge_statuses"]),
                                             field: "challenge_statuses", message: "expected a list of HTTP statuses"))
        }
        let markers = PageNatureMarkers(
            challengeMarkers: words(raw.challenge_markers, "challenge_markers"),
            blockPageMarkers: words(raw.block_page_markers, "block_page_markers"),
            reloadMarkers: words(raw.reload_markers, "reload_markers"),
            mountPointIDs: words(raw.mount_point_ids, "mount_point_ids"),
            mountPointElements: words(raw.mount_point_elements, "mount_point_elements"),
            bundleNamePrefixes: words(raw.bundle_name_prefixes, "bundle_name_prefixes"),
            challengeStatuses: Set(statuses),
            challengeVisibleTextLimit: count(raw.challenge_visible_text_limit, "challenge_visible_text_limit"),
            shellVisibleTextLimit: count(raw.shell_visible_text_limit, "shell_visible_text_limit"),
            blockPageMaximumLinks: count(raw.block_page_maximum_links, "block_page_maximum_links"),
            cookieChallengeMaximumBytes: count(raw.cookie_challenge_maximum_bytes, "cookie_challenge_maximum_bytes"),
            shellInlineScriptBytes: count(raw.shell_inline_script_bytes, "shell_inline_script_bytes"),
            searchedPrefixBytes: count(raw.searched_prefix_bytes, "searched_prefix_bytes"))
        guard errors.isEmpty else { throw ConfigurationErrors(errors) }
        return markers
    }

    // Field names mirror the YAML keys.
    private struct Raw: Decodable {
        var challenge_markers: [String]?
        var block_page_markers: [String]?
        var reload_markers: [String]?
        var mount_point_ids: [String]?
        var mount_point_elements: [String]?
        var bundle_name_prefixes: [String]?
        var challenge_statuses: [Int]?
        var challenge_visible_text_limit: Int?
        var shell_visible_text_limit: Int?
        var block_page_maximum_links: Int?
        var cookie_challenge_maximum_bytes: Int?
        var shell_inline_script_bytes: Int?
        var searched_prefix_bytes: Int?
    }
}
