/// M0 Site basics (政府网站发展指引 / 检查指标), configured by probes/basics.yaml.
enum BasicsModule {
    static let rules: [any Rule.Type] = [
        Reachability.self, HTTPSSupport.self, IPv6Support.self, GovernmentDomain.self, SiteIdentifierCode.self,
        GovernmentSiteMark.self, SponsorContact.self, PageMetadata.self,
        DeadLinks.self, HomeFreshness.self, MobileAdaptation.self,
    ]
    static let kinds: [any RuleKind.Type] = [FilingMark.self]
}
