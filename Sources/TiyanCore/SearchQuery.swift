/// What a search request asked and how its answer is judged, stored with the response in the
/// archive: probes judge search precision from the archive alone, so a run made with
/// `--queries FILE` re-probes the same way without that file.
public struct SearchQuery: Sendable, Hashable, Codable {
    /// What was typed.
    public var text: String
    /// The base query this one belongs to (equal to `text` for the base query itself).
    public var base: String
    /// `typo`, `pinyin`, `colloquial`, `english`…; nil for the base query.
    public var variant: String?
    /// The service's name and its synonyms: a relevant result's title contains one of them.
    public var gold: String
    public var synonyms: [String]
    /// Regex a relevant result's link matches (a service or guide page, not news).
    public var relevantLink: String
    /// Results judged per query.
    public var k: Int
    /// True for the nonsense query the crawl adds per engine: what the engine answers when
    /// nothing matches, the contrast that tells the result list from the page template. It is
    /// judged by no indicator. Optional so that archives written before it decode unchanged.
    public var baseline: Bool?

    public var isBaseline: Bool { baseline == true }

    public init(text: String, base: String, variant: String? = nil, gold: String, synonyms: [String],
                relevantLink: String, k: Int, baseline: Bool? = nil) {
        self.text = text
        self.base = base
        self.variant = variant
        self.gold = gold
        self.synonyms = synonyms
        self.relevantLink = relevantLink
        self.k = k
        self.baseline = baseline
    }
}
