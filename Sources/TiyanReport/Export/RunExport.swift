public import Foundation
public import TiyanCore

/// `tiyan export`: a finished run folder as the files the people who receive it open — scores
/// and the 整改清单 as CSV (optionally with a UTF-8 BOM, which Excel and WPS on Chinese Windows need
/// to read UTF-8 rather than GBK) or as one XLSX workbook, and the 整改清单 as a printable HTML page.
public enum RunExport {
    public static let bom = "\u{FEFF}"

    /// Columns of scores.csv that are text even when they look like numbers (a region code).
    static let textColumns: Set<String> = ["id", "name", "region", "grade", "not_rankable", "veto", "algorithm_version"]

    /// The scores sheet: scores.csv cell for cell, scores and coverage as numbers, so a reader of
    /// the workbook sees the very figures of the CSV.
    public static func scoresSheet(csv: String) -> XLSXWorkbook.Sheet {
        let lines = CSVField.parse(csv).filter { $0 != [""] }
        guard let header = lines.first else { return XLSXWorkbook.Sheet(name: "得分 scores", rows: []) }
        let rows = [header.map(XLSXWorkbook.Cell.text)] + lines.dropFirst().map { fields in
            fields.enumerated().map { index, field -> XLSXWorkbook.Cell in
                let column = index < header.count ? header[index] : ""
                if field.isEmpty { return .empty }
                if !textColumns.contains(column), let number = Double(field), number.isFinite { return .number(number) }
                return .text(field)
            }
        }
        return XLSXWorkbook.Sheet(name: "得分 scores", rows: rows, widths: [10, 22, 9])
    }

    public static func rectificationSheet(_ list: Rectification) -> XLSXWorkbook.Sheet {
        let rows = [Rectification.header.map(XLSXWorkbook.Cell.text)] + list.rows().map { fields in
            fields.enumerated().map { index, field -> XLSXWorkbook.Cell in
                if field.isEmpty { return .empty }
                if index == 0 || index == 8, let number = Double(field) { return .number(number) }
                return .text(field)
            }
        }
        return XLSXWorkbook.Sheet(name: "整改清单", rows: rows,
                                  widths: [6, 10, 20, 18, 24, 22, 12, 9, 7, 40, 60, 20, 40, 40, 50])
    }

    public static func workbook(scoresCSV: String, rectification: Rectification) -> Data {
        XLSXWorkbook(sheets: [scoresSheet(csv: scoresCSV), rectificationSheet(rectification)]).data()
    }

    /// CSV text with CRLF rows when `bom` is set (what Excel writes and expects), LF otherwise.
    public static func csv(_ rows: [[String]], bom: Bool) -> String {
        let body = rows.map(CSVField.row).joined(separator: bom ? "\r\n" : "\n") + (bom ? "\r\n" : "\n")
        return (bom ? Self.bom : "") + body
    }

    public static func scoresCSV(_ csv: String, bom: Bool) -> String {
        Self.csv(CSVField.parse(csv).filter { $0 != [""] }, bom: bom)
    }

    public static func rectificationCSV(_ list: Rectification, bom: Bool) -> String {
        Self.csv([Rectification.header] + list.rows(), bom: bom)
    }
}
