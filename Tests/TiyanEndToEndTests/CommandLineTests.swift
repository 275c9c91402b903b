import Foundation
import Testing
import TiyanTestSupport

/// Exit statuses and messages cron and operators rely on (SPEC.md "Exit status").
@Suite struct CommandLineTests {
    @Test func usageErrorsExitWithTwo() async throws {
        let outcome = try await TiyanProcess.run(["crawl", "--concurrency", "0"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("concurrency"))
        #expect(try await TiyanProcess.run(["no-such-command"]).status == 2)
    }

    @Test func badConfigurationExitsWithOneAndNamesTheLine() async throws {
        let workspace = NSTemporaryDirectory() + "tiyan-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        let targets = workspace + "/targets.yaml"
        try "version: 1\ntargets:\n  - id: Bad Id\n    name: x\n    region: \"110000\"\n    url: notaurl\n"
            .write(toFile: targets, atomically: true, encoding: .utf8)
        let outcome = try await TiyanProcess.run(["crawl", "--render", "never", "--targets", targets, "--probes", TiyanProcess.repositoryRoot + "/probes",
                                            "--out", workspace + "/reports"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("targets.yaml:"))
        #expect(outcome.stdout.isEmpty)
        let validate = try await TiyanProcess.run(["validate", targets, TiyanProcess.repositoryRoot + "/probes"])
        #expect(validate.status == 1)
    }

    @Test func checkRejectsAMissingFileAsUsage() async throws {
        let outcome = try await TiyanProcess.run(["check", "/nonexistent/page.html"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cannot read"))
    }

    @Test func validateListNamesEachIndicatorsKindAndFiles() async throws {
        let root = TiyanProcess.repositoryRoot
        let outcome = try await TiyanProcess.run(["validate", root + "/targets.yaml", root + "/probes", "--list"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("indicator") == true)
        #expect(lines.contains { $0.hasPrefix("SB-07 ") && $0.contains("filing_mark") && $0.contains("basics.yaml:") })
        #expect(lines.contains { $0.hasPrefix("SV-01 ") && $0.contains("service_entry") })
        #expect(lines.last?.hasPrefix("ok: ") == true)
    }

    @Test func defaultTargetsValidate() async throws {
        let root = TiyanProcess.repositoryRoot
        let outcome = try await TiyanProcess.run(["validate", root + "/targets.yaml", root + "/probes"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("41 targets"))
    }

    /// The default crawl covers the mobile ends of the mission, each in its province's region.
    @Test func defaultTargetsIncludeTheMobileEnds() throws {
        let text = try String(contentsOfFile: TiyanProcess.repositoryRoot + "/targets.yaml", encoding: .utf8)
        #expect(text.components(separatedBy: "kind: h5").count - 1 >= 5)
        #expect(text.components(separatedBy: "kind: miniprogram-web").count - 1 >= 2)
        #expect(text.contains("user_agent: wechat"))
    }

    @Test func checkPrintsJSONForALocalFile() async throws {
        let file = FixturePortals().root + "/www.yi-bianmin.com/index.html"
        let outcome = try await TiyanProcess.run(["check", "--format", "json", "--probes", TiyanProcess.repositoryRoot + "/probes", file])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"indicators\""))
        #expect(outcome.stdout.contains("SB-05"))
        // Site rules need a crawl: a single file has no reachability or HTTPS to judge.
        #expect(!outcome.stdout.contains("\"SB-01\""))
        #expect(!outcome.stdout.contains("\"SB-11\""))
    }

    @Test func aSecondRunOnTheSameOutputIsRefused() async throws {
        let workspace = NSTemporaryDirectory() + "tiyan-lock-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workspace + "/reports", withIntermediateDirectories: true)
        // Hold the lock the way a running crawl does, from another process (--no-fork: the
        // process that holds it is the one the test ends).
        let lock = workspace + "/reports/.tiyan.lock"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--no-fork", "-n", lock, "sleep", "120"]
        try holder.run()
        defer { kill(holder.processIdentifier, SIGKILL) }
        // Wait until it holds the lock: on a loaded machine flock may not have run yet.
        // The bound is the holder itself (it sleeps 120 s), not a count of tries: a busy CI
        // machine took longer than 200 tries to start it.
        var held = false
        while !held, holder.isRunning {
            held = try await TiyanProcess.runProgram("/usr/bin/flock", ["-n", lock, "true"]).status != 0
            if !held { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(held, "flock never took the lock")
        try FixturePortals.targetsYAML(ids: ["jia"]).write(toFile: workspace + "/targets.yaml", atomically: true, encoding: .utf8)
        let outcome = try await TiyanProcess.run(["crawl", "--render", "never", "--targets", workspace + "/targets.yaml",
                                            "--probes", TiyanProcess.repositoryRoot + "/probes",
                                            "--out", workspace + "/reports", "--connect-to", "::127.0.0.1:9"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("lock"))
    }
}
