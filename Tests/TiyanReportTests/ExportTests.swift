import Foundation
import Testing
import TiyanCore
@testable import TiyanReport
import TiyanScoring

/// The XLSX writer's pieces against published values; the whole workbook is read back by
/// openpyxl in the end-to-end ExportTests.
@Suite struct XLSXWriterTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Data()) == 0)
    }

    @Test func columnNamesRunPastZ() {
        #expect([0, 25, 26, 27, 51, 52, 701, 702].map(XLSXWorkbook.columnName) == ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test func cellTextIsEscapedAndControlCharactersReplaced() {
        let sheet = XLSXWorkbook.Sheet(name: "s", rows: [[.text("h")], [.text("<a&b> \"x\"\u{1}"), .number(88.6), .empty, .number(.nan)]])
        let xml = XLSXWorkbook.worksheet(sheet)
        #expect(xml.contains("<t>&lt;a&amp;b&gt; &quot;x&quot;\u{FFFD}</t>"))
        #expect(xml.contains("<c r=\"B2\"><v>88.6</v></c>") && !xml.contains("C2") && !xml.contains("D2"))
    }

    @Test func sheetNamesKeepExcelsLimits() {
        #expect(XLSXWorkbook.uniqueSheetNames(["a/b", "A/B", String(repeating: "长", count: 40), ""])
                == ["a_b", "A_B~2", String(repeating: "长", count: 31), "Sheet4"])
    }

    @Test func theWorkbookIsAZipWhoseCentralDirectoryNamesEveryPart() {
        let data = XLSXWorkbook(sheets: [.init(name: "得分", rows: [[.text("id")]])]).data()
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let text = String(decoding: data, as: UTF8.self)
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"] {
            #expect(text.components(separatedBy: part).count >= 3, "\(part) in a local header and the central directory")
        }
        let end = Array(data.suffix(22))
        #expect(Array(end.prefix(4)) == [0x50, 0x4B, 0x05, 0x06])
        #expect(end[10] == 6 && end[11] == 0, "six parts in the central directory")
    }

    @Test func csvWithABOMStartsWithItAndEndsRowsWithCRLF() {
        let csv = RunExport.scoresCSV("id,name\nzj,浙江\n", bom: true)
        #expect(csv == "\u{FEFF}id,name\r\nzj,浙江\r\n")
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(RunExport.scoresCSV("id,name\nzj,浙江\n", bom: false) == "id,name\nzj,浙江\n")
    }

    @Test func wcagCriteriaLinkToTheirUnderstandingPages() {
        #expect(IndicatorGuide.understandingPage("3.1.1 Language of Page (A)")
                == "https://www.w3.org/WAI/WCAG21/Understanding/language-of-page.html")
        #expect(IndicatorGuide.understandingPage("4.1.2 Name, Role, Value (A)")
                == "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value.html")
        #expect(IndicatorGuide.understandingPage("the requirement that mirrors WCAG") == nil)
    }
}
