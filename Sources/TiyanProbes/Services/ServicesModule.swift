/// Services and feedback (管用, 好用, 爱用; 中央党校 办事指南准确度 and 申报易用度), configured by
/// probes/services.yaml: what a citizen can see of a portal's services and feedback channels from
/// the outside, without an account.
enum ServicesModule {
    static let rules: [any Rule.Type] = [
        ProgressQuery.self, IntegratedServices.self, SpecialGroups.self,
        ConvenienceQueries.self, GuideCompleteness.self, OnlineHandling.self, GuideDepth.self, ReplyTime.self, CityPortals.self,
    ]
    static let kinds: [any RuleKind.Type] = [ServiceEntry.self]
}
