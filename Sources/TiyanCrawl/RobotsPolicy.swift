/// robots.txt as RFC 9309 reads it: the group for our product token (or `*`), the longest
/// matching rule wins, Allow wins a tie, `*` and `$` wildcards.
public struct RobotsPolicy: Sendable, Hashable {
    struct Rule: Sendable, Hashable {
        var allow: Bool
        var path: String
    }

    let rules: [Rule]

    /// Everything allowed: no robots.txt, or one that could not be fetched with a 4xx (RFC 9309 §2.3.1.3).
    public static let allowAll = RobotsPolicy(rules: [])
    /// A 5xx or unreachable robots.txt means "assume complete disallow" (RFC 9309 §2.3.1.4).
    public static let disallowAll = RobotsPolicy(rules: [Rule(allow: false, path: "/")])

    init(rules: [Rule]) { self.rules = rules }

    public init(text: String, userAgent: String = "tiyan") {
        var groups: [(agents: [String], rules: [Rule])] = []
        var collectingAgents = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !collectingAgents { groups.append((agents: [], rules: [])) }
                collectingAgents = true
                groups[groups.count - 1].agents.append(value.lowercased())
            case "allow", "disallow":
                collectingAgents = false
                guard !groups.isEmpty, !value.isEmpty else { continue }
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", path: value))
            default:
                continue
            }
        }
        let token = userAgent.lowercased()
        let specific = groups.filter { group in group.agents.contains { $0 != "*" && token.hasPrefix($0) } }
        let chosen = specific.isEmpty ? groups.filter { $0.agents.contains("*") } : specific
        rules = chosen.flatMap(\.rules)
    }

    /// Whether a path (with its query) may be fetched.
    public func allows(path: String) -> Bool {
        var best: Rule?
        for rule in rules where RobotsPolicy.matches(rule.path, path) {
            if let current = best {
                if rule.path.count > current.path.count || (rule.path.count == current.path.count && rule.allow) {
                    best = rule
                }
            } else {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        let anchored = pattern.hasSuffix("$")
        let body = anchored ? String(pattern.dropLast()) : pattern
        let pieces = body.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var index = path.startIndex
        for (offset, piece) in pieces.enumerated() {
            if offset == 0 {
                guard path[index...].hasPrefix(piece) else { return false }
                index = path.index(index, offsetBy: piece.count)
            } else if piece.isEmpty {
                continue
            } else if let found = path.range(of: piece, range: index..<path.endIndex) {
                index = found.upperBound
            } else {
                return false
            }
        }
        if anchored {
            return pieces.last?.isEmpty == true && pieces.count > 1 ? true : index == path.endIndex
        }
        return true
    }
}

import Foundation
