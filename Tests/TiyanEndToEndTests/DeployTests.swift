import Foundation
import Testing

/// deploy/: the manifests parse and keep what deploy/README.md promises (check-manifests.py).
@Suite struct DeployTests {
    private var hasPyYAML: Bool {
        (try? TiyanProcess.runProgramBlocking("/usr/bin/env", ["python3", "-c", "import yaml"])) == 0
    }

    @Test func manifestsParseAndKeepTheirPromises() async throws {
        guard hasPyYAML else { return }
        let outcome = try await TiyanProcess.runProgram(
            "/usr/bin/env", ["python3", TiyanProcess.repositoryRoot + "/deploy/check-manifests.py"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    }

    /// The checker itself must fail on the mistakes it is there for.
    @Test func theCheckerCatchesADeadlinePastTheMergeALowMemoryLimitAndATypo() async throws {
        guard hasPyYAML else { return }
        let copy = try temporaryFolder("tiyan-deploy") + "/deploy"
        try FileManager.default.copyItem(atPath: TiyanProcess.repositoryRoot + "/deploy", toPath: copy)
        try FileManager.default.copyItem(atPath: TiyanProcess.repositoryRoot + "/.dockerignore",
                                         toPath: (copy as NSString).deletingLastPathComponent + "/.dockerignore")
        let crawl = copy + "/crawl-cronjob.yaml"
        let text = try String(contentsOfFile: crawl, encoding: .utf8)
        try text.replacingOccurrences(of: "startingDeadlineSeconds: 300", with: "startingDeadlineSeconds: 3600")
            .replacingOccurrences(of: "limits: {memory: 2560Mi}", with: "limits: {memory: 1Gi}")
            .replacingOccurrences(of: "backoffLimitPerIndex: 1", with: "backoffLimitPerIndx: 1")
            .write(toFile: crawl, atomically: true, encoding: .utf8)
        let outcome = try await TiyanProcess.runProgram("/usr/bin/env", ["python3", copy + "/check-manifests.py", copy])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("past the merge at 04:45"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("crawl: memory limit 1Gi"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("JobSpec has no field backoffLimitPerIndx in Kubernetes 1.29"), "\(outcome.stdout)")
    }
}
