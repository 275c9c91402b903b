import Foundation
import Testing
import TiyanTestSupport

/// Broken and hostile portals that once stopped whole runs or gave false results: a style sheet
/// whose numbers overflow, markup nested past libxml2's old limit, a certificate that does not
/// verify; and probes that crash or never end, which must cost their own target only.
@Suite(.serialized) struct FaultTests {
    /// A legacy page: hundreds of unclosed `<font>` tags before the footer, and style sheets
    /// with values no conversion survives.
    static let hostileHome: String = {
        let fonts = String(repeating: "<font face=\"宋体\">", count: 300)
        return """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>险省政务服务网</title>
            <style>body{font-size:1e99999px;line-height:1e308em} .news{font-size:1e300em;color:rgb(1e999,0,0)}
            .main p{font:1e400px/1e400 宋体;background:hsl(1e999,50%,50%)}</style></head>
            <body><div class="main"><p class="news">政务公开 通知公告 办事服务</p>\(fonts)
            <table><tr><td><a href="/art/1.html">关于做好2026年度政务服务工作的通知</a></td></tr></table>
            <div class="footer"><p>主办单位：险省人民政府办公厅 联系电话：0571-87051234</p>
            <p>网站标识码：3300000099 <a href="https://beian.miit.gov.cn/">浙ICP备05001234号-1</a></p></div>
            </body></html>
            """
    }()

    private struct Setup {
        var fixtures: FixtureCrawl
        var hostile: FixtureServer
        var targets: String
        var root: String

        func crawl(_ extra: [String] = []) async throws -> TiyanProcess.Outcome {
            var arguments = fixtures.crawlArguments(out: root, targets: targets)
            // The hostile portal has a server of its own; the route must come before the catch-all.
            let catchAll = try #require(arguments.firstIndex(of: "::127.0.0.1:\(fixtures.server.port)"))
            arguments.insert(contentsOf: ["--connect-to", "www.xianzwfw.gov.cn:80:127.0.0.1:\(hostile.port)"],
                             at: catchAll - 1)
            return try await TiyanProcess.run(arguments + extra)
        }
    }

    private func start() async throws -> Setup {
        let fixtures = try await FixtureCrawl.start()
        let hostile = try await FixtureServer.start { request in
            request.path == "/" ? .html(Self.hostileHome) : .notFound()
        }
        let targets = fixtures.workspace + "/faults.yaml"
        try """
            version: 1
            targets:
              - {id: jia, name: 甲省政务服务网, region: "330000", url: "http://www.jiazwfw.gov.cn/"}
              - {id: xian, name: 险省政务服务网, region: "330000", url: "http://www.xianzwfw.gov.cn/"}
              # served over HTTPS by a relay whose certificate does not name this host
              - {id: badcert, name: 甲省政务服务网, region: "330000", url: "https://www.jiazwfw.gov.cn/"}
            """.write(toFile: targets, atomically: true, encoding: .utf8)
        return Setup(fixtures: fixtures, hostile: hostile, targets: targets, root: fixtures.workspace + "/reports")
    }

    private func results(_ run: String) throws -> [String] {
        try String(contentsOfFile: run + "/results.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
    }

    private func lines(_ all: [String], target: String) -> [String] {
        all.filter { $0.hasPrefix("{\"target\":\"\(target)\",") }
    }

    private func status(_ all: [String], _ target: String, _ indicator: String) -> String? {
        let prefix = "{\"target\":\"\(target)\",\"indicator\":\"\(indicator)\","
        guard let line = all.first(where: { $0.hasPrefix(prefix) }),
            let range = line.range(of: #""status":"[a-z_]+""#, options: .regularExpression)
        else { return nil }
        return String(line[range].dropFirst(10).dropLast())
    }

    @Test func hostilePagesAndFaultyProbesCostOneTargetAtMost() async throws {
        let setup = try await start()
        defer {
            Task {
                try? await setup.hostile.shutdown()
                await setup.fixtures.stop()
            }
        }
        let outcome = try await setup.crawl()
        #expect(outcome.status == 0, "stderr: \(outcome.stderr.suffix(2000))")
        let run = outcome.lastLine
        #expect(FileManager.default.fileExists(atPath: run + "/run.json"))
        let crawled = try results(run)

        // Overflowing CSS is an invalid declaration, not a trap; the footer after 300 unclosed
        // tags is seen.
        #expect(status(crawled, "xian", "SB-05") == "pass")
        #expect(status(crawled, "xian", "SB-07") == "pass")
        #expect(status(crawled, "xian", "SB-09") == "pass")
        #expect(!lines(crawled, target: "xian").contains { $0.contains("\"status\":\"error\"") })
        // The server answered with a certificate that does not verify: reachable, HTTPS fails.
        #expect(status(crawled, "badcert", "SB-01") == "pass")
        #expect(status(crawled, "badcert", "SB-02") == "fail")

        // A probe that traps: its target's undecided indicators are errors, the others unchanged.
        let trapped = try await TiyanProcess.run(["reprobe", run, "--probes", TiyanProcess.repositoryRoot + "/probes"],
                                           environment: ["TIYAN_PROBE_FAULT": "xian:trap"])
        #expect(trapped.status == 0, "stderr: \(trapped.stderr.suffix(2000))")
        #expect(trapped.stderr.contains("the probes of xian died"))
        let afterTrap = try results(run)
        let xian = lines(afterTrap, target: "xian")
        #expect(xian.count == lines(crawled, target: "xian").count)
        let errors = xian.filter { $0.contains("\"status\":\"error\"") }
        #expect(errors.count == xian.count - 1, "everything but the one result decided before the trap")
        #expect(errors.allSatisfy { $0.contains("the probe process died (signal 4") })
        for target in ["jia", "badcert"] {
            #expect(lines(afterTrap, target: target) == lines(crawled, target: target))
        }

        // A probe that never ends: stopped at the budget, the run completes.
        let began = Date()
        let hung = try await TiyanProcess.run(
            ["reprobe", run, "--probes", TiyanProcess.repositoryRoot + "/probes", "--probe-budget", "3"],
            environment: ["TIYAN_PROBE_FAULT": "xian:hang"])
        #expect(hung.status == 0, "stderr: \(hung.stderr.suffix(2000))")
        #expect(Date().timeIntervalSince(began) < 120)
        let afterHang = try results(run)
        #expect(lines(afterHang, target: "xian").filter { $0.contains("time budget (3 s)") }.count == xian.count - 1)
        #expect(lines(afterHang, target: "jia") == lines(crawled, target: "jia"))

        // Without faults, a reprobe through the workers gives the crawl's bytes back.
        let clean = try await TiyanProcess.run(["reprobe", run, "--probes", TiyanProcess.repositoryRoot + "/probes"])
        #expect(clean.status == 0)
        #expect(try results(run) == crawled)
    }
}
