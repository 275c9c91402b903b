import Foundation
import Testing

/// An installed tiyan (scripts/install: PREFIX/bin/tiyan, PREFIX/share/tiyan/{probes,targets.yaml})
/// runs from any folder, and `tiyan probes export` writes the default probes out for editing.
@Suite struct InstalledLayoutTests {
    /// A copy of the built binary under `prefix/bin`, with or without the share folder.
    private func install(withData: Bool) throws -> (binary: String, prefix: String) {
        guard let built = TiyanProcess.binary else { throw TestFailure("tiyan not built") }
        let prefix = try temporaryFolder("tiyan-prefix")
        let manager = FileManager.default
        try manager.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try manager.copyItem(atPath: built, toPath: prefix + "/bin/tiyan")
        if withData {
            try manager.createDirectory(atPath: prefix + "/share/tiyan", withIntermediateDirectories: true)
            try manager.copyItem(atPath: TiyanProcess.repositoryRoot + "/probes", toPath: prefix + "/share/tiyan/probes")
            try manager.copyItem(atPath: TiyanProcess.repositoryRoot + "/targets.yaml", toPath: prefix + "/share/tiyan/targets.yaml")
        }
        return (prefix + "/bin/tiyan", prefix)
    }

    @Test func anInstalledBinaryFindsItsProbesAndTargetsFromAnyFolder() async throws {
        let (binary, prefix) = try install(withData: true)
        let elsewhere = try temporaryFolder("tiyan-cwd")
        let validate = try await TiyanProcess.runProgram(binary, ["validate"], in: elsewhere)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("41 targets in \(prefix)/share/tiyan/targets.yaml"), "\(validate.stdout)")
        let path = try await TiyanProcess.runProgram(binary, ["probes", "path"], in: elsewhere)
        #expect(path.stdout == prefix + "/share/tiyan/probes\n")

        let page = elsewhere + "/page.html"
        try "<html lang=zh><head><title>首页</title></head><body>办事</body></html>".write(toFile: page, atomically: true, encoding: .utf8)
        let check = try await TiyanProcess.runProgram(binary, ["check", page], in: elsewhere)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("SB-05"))
    }

    @Test func probesExportWritesTheDefaultSetAndNeverOverwrites() async throws {
        let (binary, prefix) = try install(withData: true)
        let elsewhere = try temporaryFolder("tiyan-cwd")
        let export = try await TiyanProcess.runProgram(binary, ["probes", "export", "mine"], in: elsewhere)
        #expect(export.status == 0, "\(export.stderr)")
        let manager = FileManager.default
        let names = try manager.contentsOfDirectory(atPath: prefix + "/share/tiyan/probes").sorted()
        #expect(try manager.contentsOfDirectory(atPath: elsewhere + "/mine").sorted() == names)
        for name in names {
            #expect(manager.contents(atPath: elsewhere + "/mine/" + name) == manager.contents(atPath: prefix + "/share/tiyan/probes/" + name))
        }
        let again = try await TiyanProcess.runProgram(binary, ["probes", "export", "mine"], in: elsewhere)
        #expect(again.status == 1 && again.stderr.contains("mine is not empty"), "\(again.stderr)")
        // The exported folder is what --probes takes.
        let validate = try await TiyanProcess.runProgram(binary, ["validate", prefix + "/share/tiyan/targets.yaml", "mine"], in: elsewhere)
        #expect(validate.status == 0, "\(validate.stderr)")
    }

    @Test func withoutInstalledDataTheErrorNamesEveryPlaceLookedAt() async throws {
        let (binary, prefix) = try install(withData: false)
        let elsewhere = try temporaryFolder("tiyan-cwd")
        let outcome = try await TiyanProcess.runProgram(binary, ["validate"], in: elsewhere)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("no targets.yaml found (looked in targets.yaml, \(prefix)/share/tiyan/targets.yaml)"),
                "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }
}
