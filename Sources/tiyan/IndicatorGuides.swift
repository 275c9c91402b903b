import TiyanConfig
import TiyanProbes
import TiyanReport

/// The indicator guide of a probes directory: names and sources from the modules' YAML (via the
/// loaded rules), pass requirements and fixes from probes/report.yaml.
enum IndicatorGuides {
    static func make(runner: ProbeRunner, configuration: ProbeConfiguration) throws -> IndicatorGuide {
        var guide = IndicatorGuide(rules: runner.rules.map { rule in
            IndicatorGuide.Rule(
                id: rule.id, name: rule.name,
                sources: rule.sources.map { .init(standard: $0.standard, clause: $0.clause, tag: $0.tag.rawValue) },
                indicators: rule.indicators)
        })
        do {
            try guide.loadAdvice(from: configuration)
        } catch let errors as ConfigurationErrors {
            throw RunFailure("bad configuration:\n" + errors.description)
        }
        return guide
    }
}
