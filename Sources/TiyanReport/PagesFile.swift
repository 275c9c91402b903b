/// pages.jsonl: one fetched resource per line, in the order given (fetch order).
public enum PagesFile {
    public static func render(_ pages: [PageLine]) -> String {
        JSONLines.render(pages.map(\.json))
    }
}
