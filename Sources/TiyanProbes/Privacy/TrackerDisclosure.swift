import Foundation
import TiyanCore
import TiyanHTML

/// PR-09: every analytics tracker the portal's pages load (by `<script src>`, by an inline
/// loader or inside a loaded script) must be named in the privacy policy. Value: the number
/// of trackers the policy does not name.
struct TrackerDisclosure: Rule {
    static let id = "PR-09"

    struct Tracker {
        var host: String
        /// Names the policy may use for it; the host itself always counts.
        var names: [String]
    }

    let trackers: [Tracker]
    let minCharacters: Int

    init(settings: RuleSettings) throws {
        trackers = try settings.keywords("trackers").map { entry in
            let parts = entry.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw settings.invalid("trackers", "expected \"HOST: name|name\", found \"\(entry)\"")
            }
            let names = parts[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return Tracker(host: parts[0].lowercased(), names: names)
        }
        minCharacters = try settings.integer("min_policy_characters")
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let loaded = loadedTrackers(site)
        guard !loaded.isEmpty else {
            let home = try site.page(.home)
            return home.negative(Finding(
                .pass, value: 0, evidence: [home.evidence(locator: "//script", snippet: "no tracker host in the pages' scripts")],
                reason: "no known tracker is loaded"))
        }
        var policyText = ""
        var policyEvidence: Evidence?
        if !site.records(.privacy).isEmpty {
            let copy = try PolicyCopy.locate(.privacy, in: site, minCharacters: minCharacters)
            let page = try copy.readable("tracker disclosure")
            policyText = page.document.visibleText.lowercased()
            policyEvidence = copy.evidence
        }
        var undisclosed: [String] = []
        var evidence: [Evidence] = []
        for (tracker, location) in loaded {
            let named = ([tracker.host] + tracker.names).first { policyText.contains($0.lowercased()) }
            var item = location
            item.extra.append(("tracker", .string(tracker.host)))
            item.extra.append(("named_in_policy", named.map { .string($0) } ?? false))
            evidence.append(item)
            if named == nil { undisclosed.append(tracker.host) }
        }
        if let policyEvidence { evidence.append(policyEvidence) }
        if undisclosed.isEmpty { return Finding(.pass, value: 0, evidence: evidence) }
        let reason = policyEvidence == nil
            ? "trackers are loaded and no privacy policy was found: \(undisclosed.joined(separator: ", "))"
            : "the policy does not name: \(undisclosed.joined(separator: ", "))"
        return Finding(.fail, value: .number(Double(undisclosed.count)), evidence: evidence, reason: reason)
    }

    /// Each tracker once, with where it is loaded first.
    private func loadedTrackers(_ site: SiteContext) -> [(Tracker, Evidence)] {
        var found: [(Tracker, Evidence)] = []
        func note(_ text: String, _ evidence: @autoclosure () -> Evidence) {
            let lowered = text.lowercased()
            for tracker in trackers where lowered.contains(tracker.host) && !found.contains(where: { $0.0.host == tracker.host }) {
                found.append((tracker, evidence()))
            }
        }
        for role in PageRole.allCases where role.isPage && role != .privacy && role != .agreement {
            for record in site.records(role) {
                guard case let .usable(page) = FetchOutcome.judge(record, parse: site.parse) else { continue }
                for script in page.document.scripts {
                    if let url = script.url { note(url, page.evidence(script.element)) }
                    if !script.inlineText.isEmpty {
                        note(script.inlineText, page.evidence(
                            locator: script.element.xpath, snippet: Evidence.clip(script.inlineText)))
                    }
                }
            }
        }
        for record in site.records(.script) where record.hasBody && record.error == nil {
            let text = site.text(of: record)
            note(text, Evidence(url: record.finalURL, locator: "script", snippet: Evidence.clip(text)))
        }
        return found
    }
}
