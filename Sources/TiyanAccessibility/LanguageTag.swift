import Foundation

/// BCP 47 language tags as the ACT rules judge them: well-formed (RFC 5646 §2.1 subtag shapes)
/// and with a primary language subtag from the IANA Language Subtag Registry. The list of
/// subtags is data (probes/accessibility.yaml).
public struct LanguageTagValidator: Sendable {
    public let primarySubtags: Set<String>

    public init(primarySubtags: some Sequence<String>) {
        self.primarySubtags = Set(primarySubtags.map { $0.lowercased() })
    }

    /// The primary language subtag, lower-cased.
    public static func primarySubtag(of tag: String) -> String {
        tag.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .split(separator: "-", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }

    public func isValid(_ tag: String) -> Bool {
        let trimmed = tag.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let subtags = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, primarySubtags.contains(String(primary)) else { return false }
        // ACT "known primary language tag": any hyphen-separated run of alphanumerics is a
        // subtag; RFC 5646 lengths and order do not matter (`de-hello` is German).
        return subtags.dropFirst().allSatisfy { subtag in
            !subtag.isEmpty && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
