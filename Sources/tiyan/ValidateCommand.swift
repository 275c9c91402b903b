import ArgumentParser
import Foundation
import TiyanConfig
import TiyanProbes

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check targets.yaml and probes/; every error names file, line and field.")

    @Argument(help: "The targets file.")
    var targets: String = "targets.yaml"

    @Argument(help: "The probes directory.")
    var probes: String = "probes"

    func run() throws {
        var problems: [String] = []
        var targetCount = 0
        do {
            targetCount = try TargetList.load(path: targets).targets.count
        } catch let errors as ConfigurationErrors {
            problems += errors.errors.map(\.description)
        }
        do {
            // Rule-level problems (a bad pattern, a wrong example) only show when the rules load.
            let configuration = try ProbeConfiguration.load(directory: probes)
            _ = try ProbeRunner(configuration: configuration)
            _ = try DiscoveryRules.load(from: configuration)
            _ = try SearchCrawlRules.load(from: configuration)
        } catch let errors as ConfigurationErrors {
            problems += errors.errors.map(\.description)
        }
        guard problems.isEmpty else {
            for problem in problems { Progress.line(problem) }
            throw ExitCode(1)
        }
        print("ok: \(targetCount) targets in \(targets), probes in \(probes)/")
    }
}
