/// A charset the decoder can use: the label recorded in pages.jsonl and how its bytes become text.
struct Charset: Hashable, Sendable {
    enum Conversion: Hashable, Sendable {
        case utf8
        case utf16LittleEndian
        case utf16BigEndian
        case windows1252
        /// A glibc iconv converter name.
        case iconv(String)
    }

    /// The declared label, normalised: `gb2312` and `gbk` stay distinct in the record even though
    /// both decode with GB18030, so an evaluator sees what the site declared.
    let label: String
    let conversion: Conversion

    static let utf8 = Charset(label: "utf-8", conversion: .utf8)
    static let gb18030 = Charset(label: "gb18030", conversion: .iconv("GB18030"))

    /// The charset a label names, WHATWG-style (case- and white-space-insensitive, aliases
    /// folded); nil for labels this decoder does not know, so the caller falls through.
    init?(label raw: String) {
        let key = raw.trimmingASCIIWhitespaceAndQuotes().lowercased()
        guard let charset = Charset.byAlias[key] else { return nil }
        self = charset
    }

    private init(label: String, conversion: Conversion) {
        self.label = label
        self.conversion = conversion
    }

    // GB2312 and GBK pages routinely contain characters outside their tables (names of people
    // and places), which browsers display because they decode all three as GB18030, a superset.
    // BIG5 likewise decodes as BIG5-HKSCS.
    private static let families: [(Charset, [String])] = [
        (.utf8, ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"]),
        (Charset(label: "gb2312", conversion: .iconv("GB18030")),
         ["gb2312", "gb_2312", "gb_2312-80", "csgb2312", "chinese", "iso-ir-58", "csiso58gb231280", "x-gb2312",
          "euc-cn"]),
        (Charset(label: "gbk", conversion: .iconv("GB18030")),
         ["gbk", "x-gbk", "cp936", "ms936", "windows-936"]),
        (.gb18030, ["gb18030", "gb-18030"]),
        (Charset(label: "big5", conversion: .iconv("BIG5-HKSCS")),
         ["big5", "big5-hkscs", "big5hkscs", "cn-big5", "csbig5", "x-x-big5"]),
        (Charset(label: "windows-1252", conversion: .windows1252),
         ["windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "latin1",
          "l1", "cp819", "ibm819", "csisolatin1", "iso-ir-100", "us-ascii", "ascii", "ansi_x3.4-1968"]),
        (Charset(label: "utf-16le", conversion: .utf16LittleEndian), ["utf-16le", "utf-16", "unicode", "ucs-2"]),
        (Charset(label: "utf-16be", conversion: .utf16BigEndian), ["utf-16be", "unicodefffe"]),
        (Charset(label: "shift_jis", conversion: .iconv("WINDOWS-31J")),
         ["shift_jis", "shift-jis", "sjis", "ms_kanji", "windows-31j", "x-sjis", "csshiftjis"]),
        (Charset(label: "euc-jp", conversion: .iconv("EUC-JP")), ["euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"]),
        (Charset(label: "euc-kr", conversion: .iconv("CP949")),
         ["euc-kr", "ks_c_5601-1987", "windows-949", "cp949", "cseuckr", "korean"]),
    ]

    private static let byAlias: [String: Charset] = {
        var table: [String: Charset] = [:]
        for (charset, aliases) in families {
            for alias in aliases { table[alias] = charset }
        }
        return table
    }()

    var isUTF16: Bool { conversion == .utf16LittleEndian || conversion == .utf16BigEndian }

    /// The text; nil only when the system has no converter for this charset.
    func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        switch conversion {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .utf16LittleEndian: return UTF16Decoding.decode(bytes, bigEndian: false)
        case .utf16BigEndian: return UTF16Decoding.decode(bytes, bigEndian: true)
        case .windows1252: return Windows1252.decode(bytes)
        case let .iconv(name): return IconvDecoding.decode(bytes, from: name)
        }
    }
}

extension String {
    func trimmingASCIIWhitespaceAndQuotes() -> String {
        let junk: Set<Character> = [" ", "\t", "\n", "\r", "\u{0C}", "\"", "'"]
        var view = Substring(self)
        while let first = view.first, junk.contains(first) { view.removeFirst() }
        while let last = view.last, junk.contains(last) { view.removeLast() }
        return String(view)
    }
}
