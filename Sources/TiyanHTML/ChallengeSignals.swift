import TiyanCore

/// The marker lists of probes/page-nature.yaml in the form they are searched in: lower-cased,
/// without white space, like the page source they are matched against.
struct ChallengeSignals {
    private let challenge: [(String, String)]
    private let blockPage: [(String, String)]
    private let reload: [(String, String)]
    private let searchedPrefixBytes: Int

    init(_ markers: PageNatureMarkers) {
        challenge = markers.challengeMarkers.map { ($0, Self.compacted($0)) }
        blockPage = markers.blockPageMarkers.map { ($0, Self.compacted($0)) }
        reload = markers.reloadMarkers.map { ($0, Self.compacted($0)) }
        searchedPrefixBytes = markers.searchedPrefixBytes
    }

    /// Challenge pages put their markers near the top, and a 10 MB page must not cost a pass
    /// per marker: only a prefix is searched.
    func searchableSource(of text: String) -> String {
        let prefix = text.utf8.count > searchedPrefixBytes
            ? String(decoding: text.utf8.prefix(searchedPrefixBytes), as: UTF8.self) : text
        return Self.compacted(prefix)
    }

    /// Lower-cased, without white space, so `document.cookie = ` and `Access  Denied` match.
    static func compacted(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars where !scalar.isFastWhitespace {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    func marker(in source: String) -> String? {
        challenge.first { source.contains($0.1) }?.0
    }

    func blockPageMarker(in source: String) -> String? {
        blockPage.first { source.contains($0.1) }?.0
    }

    /// The reload call of a script that sets `document.cookie`, if both are there.
    func cookieReload(in source: String) -> String? {
        guard source.contains("document.cookie=") else { return nil }
        return reload.first { source.contains($0.1) }?.0
    }
}
