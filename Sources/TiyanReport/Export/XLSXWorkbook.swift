public import Foundation

/// A minimal Office Open XML workbook (ECMA-376 SpreadsheetML): sheets of text and number cells,
/// the first row bold and frozen, strings inline (no shared-string table), written as a ZIP of
/// stored parts. No XLSX package exists for Swift on Linux beyond a ZIP library, and the subset
/// needed is small enough to get exactly right; tests read it back with openpyxl.
public struct XLSXWorkbook: Sendable {
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double)
        case empty
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]
        /// Column widths in characters, first column first; missing ones take the default.
        public var widths: [Double]

        public init(name: String, rows: [[Cell]], widths: [Double] = []) {
            self.name = name
            self.rows = rows
            self.widths = widths
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    public func data() -> Data {
        var zip = ZipArchive()
        let names = Self.uniqueSheetNames(sheets.map(\.name))
        zip.add("[Content_Types].xml", Data(contentTypes().utf8))
        zip.add("_rels/.rels", Data(Self.packageRelationships.utf8))
        zip.add("xl/workbook.xml", Data(workbook(names).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Data(workbookRelationships().utf8))
        zip.add("xl/styles.xml", Data(Self.styles.utf8))
        for (index, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", Data(Self.worksheet(sheet).utf8))
        }
        return zip.finished()
    }

    // MARK: parts

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private func contentTypes() -> String {
        var out = Self.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in sheets.indices {
            out += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return out + "</Types>"
    }

    private static let packageRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private func workbook(_ names: [String]) -> String {
        var out = Self.declaration + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><sheets>"
        for (index, name) in names.enumerated() {
            out += "<sheet name=\"\(Self.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return out + "</sheets></workbook>"
    }

    private func workbookRelationships() -> String {
        var out = Self.declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in sheets.indices {
            out += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(Self.relationships)/worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>"
        return out + "</Relationships>"
    }

    /// Style 0 plain, 1 bold (the header row), 2 wrapped text.
    private static let styles = declaration + "<styleSheet xmlns=\"\(main)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
        + "<alignment wrapText=\"1\" vertical=\"top\"/></xf></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    static func worksheet(_ sheet: Sheet) -> String {
        var out = declaration + "<worksheet xmlns=\"\(main)\">"
        if sheet.rows.count > 1 {
            out += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
                + "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !sheet.widths.isEmpty {
            out += "<cols>" + sheet.widths.enumerated().map { index, width in
                "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(number(width))\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        out += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            out += "<row r=\"\(rowIndex + 1)\">"
            let style = rowIndex == 0 ? " s=\"1\"" : ""
            for (columnIndex, cell) in row.enumerated() {
                let reference = columnName(columnIndex) + String(rowIndex + 1)
                switch cell {
                case .empty:
                    continue
                case let .number(value) where value.isFinite:
                    out += "<c r=\"\(reference)\"\(style)><v>\(number(value))</v></c>"
                case .number:
                    continue
                case let .text(text):
                    let cleaned = xmlText(text)
                    let preserve = cleaned.first?.isWhitespace == true || cleaned.last?.isWhitespace == true
                        || cleaned.contains("\n")
                    let textStyle = rowIndex == 0 ? style : cleaned.contains("\n") ? " s=\"2\"" : ""
                    out += "<c r=\"\(reference)\" t=\"inlineStr\"\(textStyle)><is><t"
                        + (preserve ? " xml:space=\"preserve\"" : "") + ">\(escape(cleaned))</t></is></c>"
                }
            }
            out += "</row>"
        }
        return out + "</sheetData></worksheet>"
    }

    // MARK: text

    /// A, B, …, Z, AA, AB, …
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// Shortest text that reads back as the same Double.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// XML 1.0 forbids most control characters even escaped; a cell can hold at most 32767.
    static func xmlText(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
            scalars.append(allowed ? scalar : "\u{FFFD}")
        }
        let cleaned = String(scalars).replacingOccurrences(of: "\r\n", with: "\n")
        return cleaned.count > 32767 ? String(cleaned.prefix(32766)) + "…" : cleaned
    }

    /// Excel's limits: 31 characters, none of []:*?/\, unique ignoring case.
    static func uniqueSheetNames(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.enumerated().map { index, name in
            var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
            if base.isEmpty { base = "Sheet\(index + 1)" }
            var candidate = base
            var suffix = 2
            while !seen.insert(candidate.lowercased()).inserted {
                candidate = String(base.prefix(28)) + "~\(suffix)"
                suffix += 1
            }
            return candidate
        }
    }
}
