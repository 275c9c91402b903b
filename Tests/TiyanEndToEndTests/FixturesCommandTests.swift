import Foundation
import Testing
import TiyanTestSupport

/// `tiyan-fixtures`, which the demo and the benchmark run: help instead of a server, and the
/// server and its TLS helper stopping together.
@Suite struct FixturesCommandTests {
    private var binary: String? {
        guard let tiyan = TiyanProcess.binary else { return nil }
        let candidate = (tiyan as NSString).deletingLastPathComponent + "/tiyan-fixtures"
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    @Test func helpPrintsHelpInsteadOfServing() async throws {
        let binary = try #require(binary, "tiyan-fixtures not built")
        for flag in ["--help", "-h"] {
            let outcome = try await TiyanProcess.runProgram(binary, [flag])
            #expect(outcome.status == 0)
            #expect(outcome.stdout.hasPrefix("usage: tiyan-fixtures"), "\(outcome.stdout)")
        }
        let bad = try await TiyanProcess.runProgram(binary, ["--nonsense"])
        #expect(bad.status == 2 && bad.stderr.contains("usage:"))
    }

    @Test(.enabled(if: TLSFixture.isAvailable)) func sigtermStopsTheServerAndItsTLSHelperTogether() async throws {
        let binary = try #require(binary, "tiyan-fixtures not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let fields = line.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(fields.count == 3, "first line: \(line)")
        let certificateFolder = ((fields.last ?? "") as NSString).deletingLastPathComponent
        let helpers = children(of: process.processIdentifier)
        #expect(!helpers.isEmpty, "no TLS helper process")
        kill(process.processIdentifier, SIGTERM)
        await process.exited()
        #expect(process.terminationStatus == 0)
        try await Task.sleep(for: .milliseconds(300))
        for helper in helpers {
            #expect(kill(helper, 0) != 0, "TLS helper \(helper) still running")
        }
        #expect(!FileManager.default.fileExists(atPath: certificateFolder), "certificate folder left behind")
    }

    /// Child pids from /proc/<pid>/task/*/children.
    private func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { Int32($0) }
        }
    }
}
