/// What tells a bot challenge, a WAF block page and a script shell from a page, read from
/// probes/page-nature.yaml: the crawl steers by it, and the probes re-derive every page's
/// nature from the archived bytes with it, so a false "blocked" is fixed by editing the file
/// and running `reprobe`, not by a new crawl.
public struct PageNatureMarkers: Sendable, Hashable {
    /// Strings only challenge mechanisms put in a page (cookie names, script variables).
    public var challengeMarkers: [String]
    /// Wording of WAF block pages: counts only on a small page with few links and no mount point.
    public var blockPageMarkers: [String]
    /// Ways a challenge script sends the browser back once its cookie is set.
    public var reloadMarkers: [String]
    /// Ids of the elements single-page applications mount into.
    public var mountPointIDs: [String]
    /// Element names applications mount into.
    public var mountPointElements: [String]
    /// Words bundler output file names start with (`app.3f2a9c.js`).
    public var bundleNamePrefixes: [String]
    /// Statuses challenge and block pages come with (412 is always a challenge).
    public var challengeStatuses: Set<Int>
    /// A page with at least this many visible characters is content, never a challenge.
    public var challengeVisibleTextLimit: Int
    /// Below this many visible characters a page shows nothing of its own.
    public var shellVisibleTextLimit: Int
    /// A page with this many links is a site's own page even if it asks for JavaScript.
    public var blockPageMaximumLinks: Int
    /// A cookie-and-reload page larger than this is an application doing its work.
    public var cookieChallengeMaximumBytes: Int
    /// Inline script from which a page with no text counts as a shell without bundle names.
    public var shellInlineScriptBytes: Int
    /// How much of a page is searched for markers.
    public var searchedPrefixBytes: Int

    public init(
        challengeMarkers: [String], blockPageMarkers: [String], reloadMarkers: [String], mountPointIDs: [String],
        mountPointElements: [String], bundleNamePrefixes: [String], challengeStatuses: Set<Int>,
        challengeVisibleTextLimit: Int, shellVisibleTextLimit: Int, blockPageMaximumLinks: Int,
        cookieChallengeMaximumBytes: Int, shellInlineScriptBytes: Int, searchedPrefixBytes: Int
    ) {
        self.challengeMarkers = challengeMarkers
        self.blockPageMarkers = blockPageMarkers
        self.reloadMarkers = reloadMarkers
        self.mountPointIDs = mountPointIDs
        self.mountPointElements = mountPointElements
        self.bundleNamePrefixes = bundleNamePrefixes
        self.challengeStatuses = challengeStatuses
        self.challengeVisibleTextLimit = challengeVisibleTextLimit
        self.shellVisibleTextLimit = shellVisibleTextLimit
        self.blockPageMaximumLinks = blockPageMaximumLinks
        self.cookieChallengeMaximumBytes = cookieChallengeMaximumBytes
        self.shellInlineScriptBytes = shellInlineScriptBytes
        self.searchedPrefixBytes = searchedPrefixBytes
    }
}
