import TiyanAccessibility

/// M2 accessibility (无障碍): the W3C ACT rules a static prober can decide, configured by
/// probes/accessibility.yaml (weights, sources, examples, language subtags, autofill tokens).
enum AccessibilityModule {
    static let rules: [any Rule.Type] = ACTRules.all.map(indicatorType)

    private static func indicatorType(_ definition: any ACTRule.Type) -> any Rule.Type {
        func open<Definition: ACTRule>(_: Definition.Type) -> any Rule.Type { ACTIndicator<Definition>.self }
        return open(definition)
    }
}
