import ArgumentParser
import TiyanConfig
import TiyanCore
import TiyanScoring

/// `--assert FILE` of crawl and reprobe: loaded before any work so a bad file costs nothing,
/// checked after the run folder is complete so a breach never leaves a half-written run.
struct AssertionCheck {
    /// Exit status when the run completed but an assertion does not hold (README "Exit status").
    static let exitStatus: Int32 = 5

    let assertions: Assertions

    init?(path: String?, rules: ScoringRules) throws {
        guard let path else { return nil }
        do {
            assertions = try Assertions.load(path: path, rules: rules)
        } catch let errors as ConfigurationErrors {
            throw RunFailure("bad assertion file:\n" + errors.description)
        }
    }

    /// Prints the summary on stderr and throws exit status 5 when anything breached.
    func enforce(scores: [TargetScore], results: [IndicatorResult]) throws {
        let breaches = assertions.check(scores: scores, results: results)
        Progress.line(Assertions.summary(breaches, checked: assertions.assertions.count))
        if !breaches.isEmpty { throw ExitCode(Self.exitStatus) }
    }
}
