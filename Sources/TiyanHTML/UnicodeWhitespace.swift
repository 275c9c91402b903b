extension Unicode.Scalar {
    /// `properties.isWhitespace` with an ASCII fast path: the property lookup dominated crawl
    /// profiles (every character of every page's visible text goes through here).
    var isFastWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}
