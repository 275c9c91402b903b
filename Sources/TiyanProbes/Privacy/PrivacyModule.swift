/// M3 Privacy-agreement compliance (用户协议合规), configured by probes/privacy.yaml.
enum PrivacyModule {
    static let rules: [any Rule.Type] = [
        PolicyDepth.self, ConsentPrompt.self, ConsentDefault.self,
        ElementCoverage.self, AccountCancellation.self, SharingList.self, TrackerDisclosure.self,
        PolicyReadability.self, PolicyCurrency.self, SeparateConsent.self,
    ]
    static let kinds: [any RuleKind.Type] = [DocumentPresence.self]
}
