import Foundation
import Testing
import TiyanConfig

/// Where a binary finds its default probes and targets without a working directory.
@Suite struct InstalledDataTests {
    @Test func looksInTheWorkingDirectoryThenShareThenTheBuildPackage() throws {
        #expect(InstalledData.candidates("probes", executable: "/usr/local/bin/tiyan")
            == ["probes", "/usr/local/share/tiyan/probes"])
        #expect(InstalledData.candidates("probes", executable: nil) == ["probes"])
        #expect(InstalledData.candidates("probes", executable: "tiyan") == ["probes"], "a bare name says nothing")

        let package = NSTemporaryDirectory() + "tiyan-package-\(UUID().uuidString)"
        let build = package + "/.build/x86_64-unknown-linux-gnu/debug"
        try FileManager.default.createDirectory(atPath: build, withIntermediateDirectories: true)
        try "// swift-tools-version:6.1\n".write(toFile: package + "/Package.swift", atomically: true, encoding: .utf8)
        #expect(InstalledData.candidates("probes", executable: build + "/tiyan").last == package + "/probes")
    }

    @Test func locateTakesTheFirstOfTheRightKindAndOtherwiseNamesEveryPlace() throws {
        let prefix = NSTemporaryDirectory() + "tiyan-prefix-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: prefix + "/share/tiyan/probes", withIntermediateDirectories: true)
        let executable = prefix + "/bin/tiyan"
        // Relative names are looked up in the working directory, which has neither here.
        let found = try InstalledData.locate("probes", kind: .directory, executable: executable)
        if found != "probes" { #expect(found == prefix + "/share/tiyan/probes") }
        // A directory where a file is wanted does not count.
        try FileManager.default.createDirectory(atPath: prefix + "/share/tiyan/no-such.yaml", withIntermediateDirectories: true)
        #expect(throws: InstalledData.NotInstalled.self) {
            try InstalledData.locate("no-such.yaml", kind: .file, executable: executable)
        }
        do {
            _ = try InstalledData.locate("no-such.yaml", kind: .file, executable: executable)
        } catch let missing as InstalledData.NotInstalled {
            #expect(missing.description == "no no-such.yaml found (looked in no-such.yaml, \(prefix)/share/tiyan/no-such.yaml)")
        }
    }
}
