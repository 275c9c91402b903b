import Foundation
import Testing

/// The W3C ACT Rules development set (`../shared/act-dev` beside the repository, on the
/// development machine only; CI has the repository alone): runs it with the built binary and
/// prints the agreement per rule and overall.
@Suite struct ACTDevSetTests {
    static var devSet: String {
        URL(fileURLWithPath: TiyanProcess.repositoryRoot).deletingLastPathComponent()
            .appendingPathComponent("shared/act-dev").path
    }

    static var available: Bool {
        FileManager.default.fileExists(atPath: devSet + "/run_act.py") && TiyanProcess.binary != nil
    }

    @Test(.enabled(if: available, "../shared/act-dev is not beside the repository"))
    func agreementWithTheACTDevelopmentSet() async throws {
        let binary = try #require(TiyanProcess.binary)
        let outcome = try await TiyanProcess.runProgram("/usr/bin/env", ["python3", Self.devSet + "/run_act.py", "--tiyan", binary])
        print(outcome.stdout)
        let last = outcome.lastLine
        #expect(last.hasPrefix("act: "), "run_act.py said: \(outcome.stderr.suffix(500))")
        // "act: N/M cases agree (P%) over K rules"
        let fraction = last.split(separator: " ").dropFirst().first?.split(separator: "/").compactMap { Int($0) } ?? []
        let agreed = fraction.first ?? 0
        let total = fraction.last ?? 0
        #expect(total > 0 && Double(agreed) >= 0.95 * Double(total), "\(last)")
    }
}
