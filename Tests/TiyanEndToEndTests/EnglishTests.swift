import Foundation
import Testing
import TiyanCore

/// English mode on the fixture portals: 甲省 (English entry written by a header script, an English
/// site with services), 戊省 (entry only in a header script, an English site that is news only,
/// a foreigner registration form), 庚省 (an "English" link to a Chinese page, a translation
/// widget, a login app shell) and 辛省 (an English link to a 404, a login behind a bot wall).
@Suite struct EnglishTests {
    static let cases: [(indicator: String, target: String, status: String)] = [
        ("EN-01", "jia", "pass"), ("EN-01", "wu", "pass"), ("EN-01", "geng", "pass"), ("EN-01", "yi", "fail"),
        ("EN-01", "challenge", "blocked"),
        ("EN-02", "jia", "pass"), ("EN-02", "wu", "pass"), ("EN-02", "geng", "fail"), ("EN-02", "yi", "not_applicable"),
        ("EN-02", "challenge", "blocked"),
        ("EN-03", "jia", "pass"), ("EN-03", "wu", "fail"), ("EN-03", "geng", "fail"),
        ("EN-04", "wu", "pass"), ("EN-04", "jia", "pass"), ("EN-04", "geng", "undetermined"),
        ("EN-02", "xin", "unreachable"), ("EN-03", "xin", "unreachable"), ("EN-04", "xin", "blocked"),
        ("EN-05", "geng", "pass"), ("EN-05", "wu", "fail"), ("EN-05", "shell", "undetermined"),
    ]

    @Test(arguments: cases.indices)
    func statusOnFixture(index: Int) async throws {
        let run = try await FixtureRun.shared.value
        let entry = Self.cases[index]
        let result = try run.result(entry.target, entry.indicator)
        #expect(result["status"]?.stringValue == entry.status,
                "\(entry.target) \(entry.indicator): \(result.serialized().prefix(800))")
        #expect((result["evidence"]?.arrayValue?.count ?? 0) > 0, "\(entry.target) \(entry.indicator) has no evidence")
    }

    @Test func anEntryOnlyInAHeaderScriptIsFoundAndFollowed() async throws {
        let run = try await FixtureRun.shared.value
        let result = try run.result("wu", "EN-01")
        let evidence = try #require(result["evidence"]?.arrayValue?.first)
        #expect(evidence["source"]?.stringValue == "script")
        #expect(evidence["entry"]?.stringValue == "http://english.wuzwfw.gov.cn/")
        #expect(evidence["url"]?.stringValue == "http://www.wuzwfw.gov.cn/js/header.js")
        #expect(try run.pages("wu", role: "english").first?["url"]?.stringValue == "http://english.wuzwfw.gov.cn/")
    }

    @Test func anEnglishLinkToAChinesePageFailsByItsText() async throws {
        let run = try await FixtureRun.shared.value
        let value = try run.result("geng", "EN-02")["value"]
        #expect(value?["english"]?.boolValue == false)
        #expect(value?["lang"]?.stringValue == "en", "the page claims English")
        #expect((value?["latin_ratio"]?.doubleValue ?? 1) < 0.2)
        #expect(try run.result("wu", "EN-02")["value"]?["latin_ratio"]?.doubleValue ?? 0 > 0.9)
    }

    @Test func aNewsOnlyEnglishSiteIsToldFromAServicePortal() async throws {
        let run = try await FixtureRun.shared.value
        #expect(try run.result("wu", "EN-03")["value"]?["scope"]?.stringValue == "news_only")
        #expect(try run.result("jia", "EN-03")["value"]?["scope"]?.stringValue == "services")
    }

    @Test func foreignerRegistrationCountsTheIDTypesOffered() async throws {
        let run = try await FixtureRun.shared.value
        let value = try run.result("wu", "EN-04")["value"]
        #expect(value?["foreigner_path"]?.boolValue == true)
        let types = value?["id_types"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(types == ["护照", "外国人永久居留身份证", "港澳居民来往内地通行证", "台湾居民来往大陆通行证"])
        #expect(value?["count"]?.doubleValue == 4)
    }
}
