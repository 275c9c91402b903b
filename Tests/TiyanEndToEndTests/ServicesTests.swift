import Foundation
import Testing
import TiyanCore

/// The services module on two fixture portals crawled over loopback: 震省 (zhen), whose home page
/// offers every feedback channel and service area, whose guides are found from a home-page link
/// and from its search (a 基本信息 table, tabs, sections and terms), with a 留言 list and a city
/// block two of whose five portals are dead; and 坎省 (kan), a GBK JSP hall whose entries its header
/// script and a chat widget write, whose 办件查询 wants a login and whose one guide is incomplete.
@Suite struct ServicesTests {
    static let statuses: [(indicator: String, zhen: String, kan: String)] = [
        ("SV-01", "pass", "pass"), ("SV-02", "pass", "pass"), ("SV-03", "pass", "fail"), ("SV-04", "pass", "pass"),
        ("SV-05", "pass", "fail"), ("SV-06", "pass", "partial"), ("SV-07", "pass", "fail"),
        ("SV-08", "pass", "partial"), ("SV-09", "pass", "partial"), ("SV-10", "pass", "partial"),
        ("SV-11", "partial", "fail"), ("SV-12", "partial", "fail"), ("SV-13", "pass", "pass"),
        ("SV-14", "pass", "not_applicable"), ("SV-15", "partial", "fail"),
    ]

    @Test(arguments: statuses.map(\.indicator))
    func statusesOfBothPortals(indicator: String) async throws {
        let run = try await FixtureRun.shared.value
        let entry = try #require(Self.statuses.first { $0.indicator == indicator })
        for (target, expected) in [("zhen", entry.zhen), ("kan", entry.kan)] {
            let result = try run.result(target, indicator)
            #expect(result["status"]?.stringValue == expected, "\(target) \(indicator): \(result.serialized().prefix(900))")
            #expect((result["evidence"]?.arrayValue?.count ?? 0) > 0, "\(target) \(indicator) has no evidence")
        }
    }

    /// The three forms of an entry: a link, an image known by its alt text, markup a header script
    /// writes, and a widget loader.
    @Test func entryForms() async throws {
        let run = try await FixtureRun.shared.value
        #expect(try run.result("zhen", "SV-01")["value"]?["form"]?.stringValue == "link")
        #expect(try run.result("zhen", "SV-01")["value"]?["found_on"]?.arrayValue?.compactMap(\.stringValue)
            == ["home", "guide"])
        let hotline = try run.result("zhen", "SV-03")
        #expect(hotline["value"]?["form"]?.stringValue == "image")
        #expect(hotline["value"]?["text"]?.stringValue == "12345政务服务便民热线")
        #expect(try run.result("zhen", "SV-04")["value"]?["form"]?.stringValue == "image")
        let written = try run.result("kan", "SV-01")
        #expect(written["value"]?["form"]?.stringValue == "script")
        #expect(written["evidence"]?.arrayValue?.first?["url"]?.stringValue == "http://www.kanzwfw.gov.cn/js/header.js")
        // The chat widget's loader writes its floating button: script-written markup.
        let widget = try run.result("kan", "SV-04")
        #expect(widget["value"]?["form"]?.stringValue == "script")
        #expect(widget["evidence"]?.arrayValue?.first?["url"]?.stringValue
            == "http://www.kanzwfw.gov.cn/js/zhkf/robot-sdk.js")
        // A news title that names 12345 is not the hotline's entry.
        #expect(try run.status("kan", "SV-03") == "fail")
    }

    @Test func progressQueryWithAndWithoutLogin() async throws {
        let run = try await FixtureRun.shared.value
        let open = try run.result("zhen", "SV-06")
        #expect(open["value"]?["login_required"]?.boolValue == false)
        #expect(open["value"]?["page"]?.stringValue == "http://www.zhenzwfw.gov.cn/bjcx/")
        let closed = try run.result("kan", "SV-06")
        #expect(closed["value"]?["login_required"]?.boolValue == true)
        #expect(closed["score"]?.doubleValue == 0.5)
        #expect(try run.pages("kan", role: "progress").first?["url"]?.stringValue
            == "http://www.kanzwfw.gov.cn/wsbs/bjcx.jsp")
    }

    @Test func serviceOffer() async throws {
        let run = try await FixtureRun.shared.value
        let yjs = try run.result("zhen", "SV-08")
        #expect(yjs["value"]?["items"]?.doubleValue == 5, "\(yjs.serialized().prefix(600))")
        #expect(yjs["value"]?["title"]?.stringValue == "一件事一次办")
        // 坎省's 一件事 is a link in a mixed 热门服务 list: its neighbours are not its items.
        #expect(try run.result("kan", "SV-08")["value"]?["items"]?.doubleValue == 0)
        #expect(try run.result("zhen", "SV-09")["value"]?["present"]?.arrayValue?.compactMap(\.stringValue)
            == ["老年人", "残疾人", "外籍人士"])
        let kan = try run.result("kan", "SV-09")
        #expect(kan["value"]?["missing"]?.arrayValue?.compactMap(\.stringValue) == ["残疾人", "外籍人士"])
        #expect(try run.result("zhen", "SV-10")["value"]?["count"]?.doubleValue == 4)
    }

    /// The crawl follows the first relevant result of each sampled service to its guide and
    /// archives it with the query; SV-11 reads each layout's labels and values.
    @Test func guidesInThreeLayouts() async throws {
        let run = try await FixtureRun.shared.value
        let guides = try run.pages("zhen", role: "guide").compactMap { $0["url"]?.stringValue }
        #expect(guides == ["http://www.zhenzwfw.gov.cn/bszn/sfz.html", "http://www.zhenzwfw.gov.cn/bszn/sbk.html",
                           "http://www.zhenzwfw.gov.cn/bszn/gjj.html"])
        let result = try run.result("zhen", "SV-11")
        let services = try #require(result["value"]?["services"]?.arrayValue)
        func service(_ name: String) -> JSONValue? { services.first { $0["service"]?.stringValue == name } }
        #expect(service("居民身份证换领")?["coverage"]?.doubleValue == 1, "\(result.serialized().prefix(1500))")
        #expect(service("住房公积金提取")?["coverage"]?.doubleValue == 1, "\(result.serialized().prefix(1500))")
        let tabs = try #require(service("社会保障卡申领"))
        #expect(tabs["missing"]?.arrayValue?.compactMap(\.stringValue)
            == ["time_limit_legal", "fees", "complaint_phone", "legal_basis", "result"], "\(tabs.serialized())")
        #expect(tabs["empty"]?.arrayValue?.compactMap(\.stringValue) == ["fees"])
        // Each present element is stated by the cell or sentence the evidence quotes.
        let evidence = try #require(result["evidence"]?.arrayValue)
        let condition = evidence.first {
            $0["service"]?.stringValue == "社会保障卡申领" && $0["element"]?.stringValue == "acceptance_conditions"
        }
        #expect(condition?["snippet"]?.stringValue == "申请条件：参加本省社会保险的人员。")
        let legal = evidence.first {
            $0["service"]?.stringValue == "居民身份证换领" && $0["element"]?.stringValue == "legal_basis"
        }
        #expect(legal?["snippet"]?.stringValue == "设定依据：《中华人民共和国居民身份证法》第十一条")
        // The GBK JSP guide decodes and is read cell by cell.
        let kan = try run.result("kan", "SV-11")
        let kanGuide = try #require(kan["value"]?["services"]?.arrayValue?.first)
        #expect(kanGuide["present"]?.arrayValue?.compactMap(\.stringValue)
            == ["acceptance_conditions", "materials", "fees", "place", "consultation_phone"], "\(kan.serialized())")
        #expect(kanGuide["empty"]?.arrayValue?.compactMap(\.stringValue) == ["time_limit_promised"])
    }

    @Test func onlineHandlingAndClicks() async throws {
        let run = try await FixtureRun.shared.value
        let online = try run.result("zhen", "SV-12")
        #expect(online["value"]?["offered"]?.doubleValue == 2)
        #expect(online["value"]?["services"]?.arrayValue?.first?["fully_online"]?.boolValue == true)
        let depth = try run.result("zhen", "SV-13")
        let clicks = depth["value"]?["services"]?.arrayValue?.compactMap { $0["clicks"]?.doubleValue }
        #expect(clicks == [1, 2, 2], "\(depth.serialized().prefix(900))")
    }

    @Test func replyDaysAndCityPortals() async throws {
        let run = try await FixtureRun.shared.value
        let replies = try run.result("zhen", "SV-14")
        // 1, 7, 4, 5 and 36 days: the median is 5.
        #expect(replies["value"]?["median_days"]?.doubleValue == 5, "\(replies.serialized().prefix(900))")
        #expect(replies["evidence"]?.arrayValue?.first?["asked"]?.stringValue == "2025-06-12")
        let cities = try run.result("zhen", "SV-15")
        #expect(cities["value"]?["prefectures"]?.doubleValue == 5)
        #expect(cities["value"]?["linked"]?.doubleValue == 5)
        #expect(cities["value"]?["answered"]?.doubleValue == 3, "\(cities.serialized().prefix(1200))")
        #expect(cities["score"]?.doubleValue == 0.6)
        let dead = cities["value"]?["dead"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(dead == ["固原市", "中卫市"])
    }

    /// scores.csv carries the services module, and 管用, 好用 and 爱用 move with what the module
    /// measured: 震省 (every channel, most guide elements) scores above 坎省, and a portal without
    /// 好差评 loses 爱用.
    @Test func scoresFollowTheMeasuredServices() async throws {
        let run = try await FixtureRun.shared.value
        let lines = try run.file("scores.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(lines.first).map(String.init)
        #expect(header.contains("services"))
        func value(_ target: String, _ column: String) throws -> Double? {
            let index = try #require(header.firstIndex(of: column), "\(column) not in \(header)")
            let row = try #require(lines.first { $0.first.map(String.init) == target })
            return Double(row[index])
        }
        for column in ["services", "dimension:管用", "dimension:好用", "item:指南准确度"] {
            let zhen = try #require(try value("zhen", column), "zhen \(column)")
            let kan = try #require(try value("kan", column), "kan \(column)")
            #expect(zhen > kan, "\(column): zhen \(zhen), kan \(kan)")
        }
        #expect(try value("kan", "item:指南准确度") == 0)
        // 爱用 is no longer 100 for want of ads alone: 甲省 offers no 好差评.
        let jia = try #require(try value("jia", "dimension:爱用"))
        let zhenPreference = try value("zhen", "dimension:爱用")
        #expect(jia < 100 && zhenPreference == 100, "jia 爱用 \(jia)")
    }

    /// A JSON search API configured in targets.yaml (寅省) is followed to guides too: by its dotted
    /// paths, with the engine's <em> highlighting removed before the gold name is compared.
    @Test func guidesFromAJSONSearch() async throws {
        let run = try await FixtureRun.shared.value
        let guides = try run.pages("yin", role: "guide")
        #expect(!guides.isEmpty, "no guide followed from yin's JSON search")
        #expect(guides.allSatisfy { $0["url"]?.stringValue?.hasPrefix("http://www.yinzwfw.gov.cn/") == true })
    }
}
