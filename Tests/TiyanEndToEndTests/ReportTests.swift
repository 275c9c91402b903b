import Foundation
import Testing

@Suite struct ReportTests {
    @Test func pageDerivedStringsAreEscaped() async throws {
        let run = try await FixtureRun.shared.value
        let html = try run.file("index.html")
        #expect(html.contains("甲省政务服务网"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x onerror"))
        #expect(!html.contains("href=\"javascript:"))
    }
}
