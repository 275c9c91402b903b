import Foundation
import Testing

/// `--profile`: where the time went, on stderr, without changing what is printed or decided.
@Suite struct ProfileTests {
    @Test func checkWithProfilePrintsStagesRulesAndArtifactsOnStderrOnly() async throws {
        let folder = try temporaryFolder("tiyan-profile")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/index.html"
        try """
            <html lang="zh-CN"><head><meta charset="utf-8"><title>某省政务服务网</title>
            <style>.hidden{display:none} .nav a{font-size:16px}</style></head><body>
            <div class="nav"><a href="/login">登录</a><a href="/en/">English</a></div>
            <p class="hidden">隐藏</p><div class="footer">浙ICP备05015370号 网站标识码：3300000001</div></body></html>
            """.write(toFile: page, atomically: true, encoding: .utf8)
        let probes = TiyanProcess.repositoryRoot + "/probes"
        let plain = try await TiyanProcess.run(["check", "--probes", probes, "--format", "json", page])
        let profiled = try await TiyanProcess.run(["check", "--probes", probes, "--format", "json", "--profile", page])
        #expect(plain.status == 0 && profiled.status == 0, "\(profiled.stderr)")
        #expect(profiled.stdout == plain.stdout, "the profile goes to stderr, the results are unchanged")
        #expect(profiled.stderr.contains("profile: wall time by stage"), "\(profiled.stderr)")
        for row in ["rule SB-07", "artifact parse", "artifact accessibility view", "artifact selector index"] {
            #expect(profiled.stderr.contains(row), "no \(row) row:\n\(profiled.stderr)")
        }
        #expect(!plain.stderr.contains("profile:"))
    }
}
