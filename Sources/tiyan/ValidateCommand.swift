import ArgumentParser
import Foundation
import TiyanConfig
import TiyanProbes
import TiyanScoring

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check targets.yaml and probes/; every error names file, line and field.",
        discussion: ExitStatus.validate)

    @Argument(help: ArgumentHelp(DefaultData.targetsHelp, valueName: "targets.yaml"))
    var targetsFile: String?

    @Argument(help: ArgumentHelp(DefaultData.probesHelp, valueName: "probes"))
    var probesDirectory: String?

    @Flag(help: """
        After the checks, list every indicator: its kind (or `rule` for a Swift type of its own), \
        the Swift file of its logic, the YAML file and line that configure it, and its number of examples.
        """)
    var list = false

    func run() throws {
        let targets: String, probes: String
        do {
            targets = try DefaultData.targets(targetsFile)
            probes = try DefaultData.probes(probesDirectory)
        } catch let failure as RunFailure {
            Progress.error("tiyan: \(failure.description)")
            throw ExitCode(1)
        }
        var problems: [String] = []
        var targetCount = 0
        var rules: [RuleDescription] = []
        do {
            targetCount = try TargetList.load(path: targets).targets.count
        } catch let errors as ConfigurationErrors {
            problems += errors.errors.map(\.description)
        }
        do {
            // Rule-level problems (a bad pattern, a wrong example) only show when the rules load.
            let configuration = try ProbeConfiguration.load(directory: probes)
            do {
                let runner = try RunPipeline(probes: configuration).runner
                rules = runner.rules
                // scoring.yaml against what this build implements: a weight for an indicator no
                // module has is a typo that would silently weigh nothing.
                var implemented: [String: [String]] = [:]
                for rule in runner.rules { implemented[rule.module, default: []] += rule.indicators }
                problems += ScoringRules.problems(in: configuration, implemented: implemented).map(\.description)
            } catch let errors as ConfigurationErrors {
                problems += errors.errors.map(\.description)
            }
            _ = try DiscoveryRules.load(from: configuration)
            _ = try SearchCrawlRules.load(from: configuration)
        } catch let errors as ConfigurationErrors {
            problems += errors.errors.map(\.description)
        }
        guard problems.isEmpty else {
            for problem in problems { Progress.error(problem) }
            throw ExitCode(1)
        }
        if list {
            for line in IndicatorListing.lines(rules) { print(line) }
        }
        print("ok: \(targetCount) targets in \(targets), probes in \(probes)/")
    }
}
