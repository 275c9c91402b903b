/// M4 Login options (登录核验便捷包容), configured by probes/login.yaml.
enum LoginModule {
    static let rules: [any Rule.Type] = [
        ScanLogin.self, UserAreas.self, ForeignerLogin.self, NoSmartphoneLogin.self, LoginInclusiveness.self,
    ]
    static let kinds: [any RuleKind.Type] = [LoginMethodPresence.self]
}
