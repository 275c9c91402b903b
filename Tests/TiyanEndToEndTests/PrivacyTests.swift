import Foundation
import Testing
import TiyanCore

/// Every privacy indicator decided from what the crawl really fetched: 己省 (ji) has a complete
/// policy linked only from its registration page, a consent box ticked by a Vue binding and a
/// disclosed Baidu tracker; 巳省 (si) a three-sentence 隐私声明 in 11px type, a box ticked by
/// the `checked` attribute, face login without separate consent and an undisclosed CNZZ tracker; 未市 (wei) publishes its policy as a PDF; 乙市 (yi)
/// has no policy at all.
@Suite struct PrivacyTests {
    static let cases: [(indicator: String, passing: String, failing: String?)] = [
        ("PR-01", "ji", "yi"), ("PR-02", "ji", "si"), ("PR-03", "ji", nil), ("PR-04", "ji", "si"),
        ("PR-05", "wei", "si"), ("PR-06", "ji", "si"), ("PR-07", "ji", "si"), ("PR-08", "ji", "si"),
        ("PR-09", "ji", "si"), ("PR-10", "ji", "si"), ("PR-11", "ji", "si"), ("PR-12", "ji", "si"),
    ]

    @Test(arguments: cases.map(\.indicator))
    func passingAndFailingFixtures(indicator: String) async throws {
        let run = try await FixtureRun.shared.value
        let entry = try #require(Self.cases.first { $0.indicator == indicator })
        let passing = try run.result(entry.passing, indicator)
        #expect(passing["status"]?.stringValue == "pass", "\(entry.passing): \(passing.serialized().prefix(800))")
        var results = [passing]
        if let failingTarget = entry.failing {
            let failing = try run.result(failingTarget, indicator)
            #expect(failing["status"]?.stringValue == "fail", "\(failingTarget): \(failing.serialized().prefix(800))")
            results.append(failing)
        }
        for result in results {
            let evidence = result["evidence"]?.arrayValue ?? []
            #expect(!evidence.isEmpty, "\(indicator) has no evidence")
            for item in evidence {
                #expect(item["url"]?.stringValue?.isEmpty == false && item["locator"]?.stringValue?.isEmpty == false)
            }
        }
    }

    @Test func aPolicyLinkedOnlyFromTheRegistrationPageIsFoundTwoClicksDeep() async throws {
        let run = try await FixtureRun.shared.value
        let pages = try run.pages("ji", role: "privacy")
        #expect(pages.first?["url"]?.stringValue == "http://www.jizwfw.gov.cn/user/privacy.html")
        #expect(try run.result("ji", "PR-03")["value"]?.doubleValue == 2)
    }

    @Test func elementCoverageHasTheFixedShapeAndCitesSentences() async throws {
        let run = try await FixtureRun.shared.value
        let complete = try run.result("ji", "PR-06")
        let value = try #require(complete["value"])
        let present = value["present"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let missing = value["missing"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(Set(present + missing).count == 12 && present.count + missing.count == 12)
        #expect(present.count == 12, "missing: \(missing)")
        #expect(value["coverage"]?.doubleValue == 1)
        let evidence = complete["evidence"]?.arrayValue ?? []
        let retention = evidence.filter { $0["element"]?.stringValue == "retention" }
        #expect(retention.contains { $0["snippet"]?.stringValue?.contains("最短期限内保存") == true })
        let sharing = evidence.filter { $0["element"]?.stringValue == "sharing" }
        #expect(sharing.first?["snippet"]?.stringValue?.contains("共享") == true)

        let thin = try #require(try run.result("si", "PR-06")["value"])
        let thinPresent = thin["present"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(thinPresent.count <= 3, "\(thinPresent)")
        for key in ["retention", "security", "minors", "user_rights", "complaint", "contact"] {
            #expect(!thinPresent.contains(key), "\(key) reported present in a three-sentence notice")
        }
    }

    @Test func consentBoxesTickedByAttributeOrBindingFailWithTheControlAsEvidence() async throws {
        let run = try await FixtureRun.shared.value
        let bound = try run.result("ji", "PR-05")
        #expect(bound["status"]?.stringValue == "fail")
        let boundEvidence = bound["evidence"]?.arrayValue?.first
        #expect(boundEvidence?["checked_by"]?.stringValue?.contains("v-model") == true)
        #expect(boundEvidence?["label"]?.stringValue?.contains("我已阅读并同意") == true)
        let attribute = try run.result("si", "PR-05")["evidence"]?.arrayValue?.first
        #expect(attribute?["checked_by"]?.stringValue == "checked attribute")
        #expect(attribute?["snippet"]?.stringValue?.contains("checked") == true)
    }

    @Test func aPDFPolicyIsKeptAndReportedAsPDF() async throws {
        let run = try await FixtureRun.shared.value
        let presence = try run.result("wei", "PR-01")
        #expect(presence["status"]?.stringValue == "pass")
        #expect(presence["value"]?["form"]?.stringValue == "pdf")
        #expect(try run.status("wei", "PR-06") == "undetermined")
        #expect(try run.status("wei", "PR-10") == "undetermined")
        let page = try #require(try run.pages("wei", role: "privacy").first)
        #expect(page["error"]?.stringValue == "not_html")
        #expect((page["bytes"]?.doubleValue ?? 0) > 100)
    }

    @Test func aFramedAgreementIsFetchedThroughItsFrame() async throws {
        let run = try await FixtureRun.shared.value
        let pages = try run.pages("wei", role: "agreement").compactMap { $0["url"]?.stringValue }
        #expect(pages == ["http://www.weishi.gov.cn/xy/index.html", "http://www.weishi.gov.cn/xy/content.html"])
        let presence = try run.result("wei", "PR-02")
        #expect(presence["status"]?.stringValue == "pass")
        #expect(presence["value"]?["url"]?.stringValue == "http://www.weishi.gov.cn/xy/content.html")
    }

    @Test func anUndisclosedTrackerIsCounted() async throws {
        let run = try await FixtureRun.shared.value
        let result = try run.result("si", "PR-09")
        #expect(result["value"]?.doubleValue == 1)
        let evidence = result["evidence"]?.arrayValue ?? []
        #expect(evidence.contains { $0["tracker"]?.stringValue == "cnzz.com" && $0["named_in_policy"]?.boolValue == false })
        #expect(try run.result("ji", "PR-09")["value"]?.doubleValue == 0)
    }

    /// The development measure runs `tiyan check --role privacy` over policy files.
    @Test func checkJudgesAPolicyFileAsThePrivacyRole() async throws {
        let root = TiyanProcess.repositoryRoot
        let outcome = try await TiyanProcess.run([
            "check", "--role", "privacy", "--format", "json", "--probes", root + "/probes",
            root + "/Tests/Fixtures/portals/www.jizwfw.gov.cn/user/privacy.html",
            root + "/Tests/Fixtures/portals/www.sizwfw.gov.cn/ysbh.html",
        ])
        let files = try JSONValue.parse(outcome.stdout).arrayValue ?? []
        #expect(files.count == 2)
        let coverage = files.map { file in
            (file["indicators"]?.arrayValue ?? []).first { $0["indicator"]?.stringValue == "PR-06" }
        }
        #expect(coverage[0]?["status"]?.stringValue == "pass")
        #expect(coverage[0]?["value"]?["coverage"]?.doubleValue == 1)
        #expect(coverage[1]?["status"]?.stringValue == "fail")
        #expect((coverage[1]?["value"]?["missing"]?.arrayValue?.count ?? 0) >= 10)
    }

    @Test func withoutFaceOrRealNameVerificationSeparateConsentIsNotApplicable() async throws {
        let run = try await FixtureRun.shared.value
        #expect(try run.status("wei", "PR-12") == "not_applicable")
    }
}
