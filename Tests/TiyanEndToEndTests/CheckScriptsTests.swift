import Foundation
import Testing

/// `tiyan check` on a saved page reads the scripts saved beside it; a header/footer script it
/// cannot load leaves the marks it would write undetermined, never failed.
@Suite struct CheckScriptsTests {
    private func check(_ arguments: [String]) async throws -> [String: String] {
        let outcome = try await TiyanProcess.run(
            ["check", "--format", "json", "--probes", TiyanProcess.repositoryRoot + "/probes"] + arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // `check --format json` prints a list, one report per input.
        let json = (try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])?.first
        let indicators = json?["indicators"] as? [[String: Any]] ?? []
        var statuses: [String: String] = [:]
        for line in indicators {
            if let id = line["indicator"] as? String, let status = line["status"] as? String { statuses[id] = status }
        }
        return statuses
    }

    @Test func aSavedPageIsJudgedWithTheFooterScriptBesideIt() async throws {
        let folder = NSTemporaryDirectory() + "tiyan-check-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/page_files", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/page.html"
        try """
            <html><head><meta charset="utf-8"><title>某省政务服务网</title></head><body>
            <div id="header"><a href="/">首页</a></div><div id="footer"></div>
            <script src="page_files/footer.js"></script></body></html>
            """.write(toFile: page, atomically: true, encoding: .utf8)
        try "document.write('<div class=\"footer\">蜀ICP备05003120号-1 川公网安备: 51010402000385</div>');"
            .write(toFile: folder + "/page_files/footer.js", atomically: true, encoding: .utf8)
        let read = try await check([page])
        #expect(read["SB-07"] == "pass" && read["SB-08"] == "pass", "\(read)")

        try FileManager.default.removeItem(atPath: folder + "/page_files/footer.js")
        let unread = try await check([page])
        for id in ["SB-05", "SB-07", "SB-08"] { #expect(unread[id] == "undetermined", "\(id): \(unread)") }
        #expect(unread["SB-13"] == "fail", "a rule that does not read the footer is still judged")
    }

    @Test func aLoginPageIsJudgedForItsMarksAndEntries() async throws {
        let folder = NSTemporaryDirectory() + "tiyan-check-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/login.html"
        try """
            <html><head><meta charset="utf-8"><title>统一身份认证</title></head><body>
            <div class="top"><a href="/en/">English</a><a href="/care/">长者专区</a></div>
            <form><input name="u"><input type="password" name="p"></form>
            <div class="footer">滇ICP备12003456号 网站标识码：5300000036</div></body></html>
            """.write(toFile: page, atomically: true, encoding: .utf8)
        let statuses = try await check(["--role", "login", page])
        for id in ["SB-05", "SB-07", "EL-01", "EN-01", "LG-01"] { #expect(statuses[id] == "pass", "\(id): \(statuses)") }
    }
}
