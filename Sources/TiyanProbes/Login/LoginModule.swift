/// M4 Login options (登录核验便捷包容), configured by probes/login.yaml.
enum LoginModule {
    static let rules: [any Rule.Type] = [
        PasswordLogin.self, SMSLogin.self, ScanLogin.self, SocialSecurityCardLogin.self, FaceLogin.self,
        CertificateLogin.self, BusinessLicenseLogin.self, NetworkIdentityLogin.self, UserAreas.self,
        ForeignerLogin.self, NoSmartphoneLogin.self, LoginInclusiveness.self,
    ]
}
