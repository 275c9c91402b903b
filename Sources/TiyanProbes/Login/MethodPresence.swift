import TiyanCore

/// The LG indicators that are one method each, present or not: the same search (DOM, script
/// markup, bundles) over the login pages, with the method's patterns from probes/login.yaml.
protocol MethodPresence: Rule {
    static var methodKey: String { get }
    /// How a reason names the method, e.g. "SMS-code login".
    static var label: String { get }
    static var hasMarkup: Bool { get }
    var method: LoginMethod { get }
    init(method: LoginMethod)
}

extension MethodPresence {
    static var hasMarkup: Bool { false }

    init(settings: RuleSettings) throws {
        self.init(method: try LoginMethod(key: Self.methodKey, settings: settings, hasMarkup: Self.hasMarkup,
                                          citizenOnly: true))
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let material = try LoginMaterial.gather(site, staff: method)
        guard let hit = method.find(in: material) else { return material.negative(Self.label) }
        return .found([hit])
    }
}

/// LG-01 账号密码.
struct PasswordLogin: MethodPresence {
    static let id = "LG-01"
    static let methodKey = "password"
    static let label = "password login"
    static let hasMarkup = true
    let method: LoginMethod
}

/// LG-02 短信验证码.
struct SMSLogin: MethodPresence {
    static let id = "LG-02"
    static let methodKey = "sms"
    static let label = "SMS-code login"
    static let hasMarkup = true
    let method: LoginMethod
}

/// LG-04 电子社保卡.
struct SocialSecurityCardLogin: MethodPresence {
    static let id = "LG-04"
    static let methodKey = "social_security_card"
    static let label = "electronic social security card login"
    let method: LoginMethod
}

/// LG-05 人脸识别.
struct FaceLogin: MethodPresence {
    static let id = "LG-05"
    static let methodKey = "face"
    static let label = "face-recognition login"
    let method: LoginMethod
}

/// LG-06 CA/UKey.
struct CertificateLogin: MethodPresence {
    static let id = "LG-06"
    static let methodKey = "ca"
    static let label = "CA certificate / UKey login"
    static let hasMarkup = true
    let method: LoginMethod
}

/// LG-07 电子营业执照.
struct BusinessLicenseLogin: MethodPresence {
    static let id = "LG-07"
    static let methodKey = "business_license"
    static let label = "electronic business licence login"
    let method: LoginMethod
}

/// LG-08 网证/CTID.
struct NetworkIdentityLogin: MethodPresence {
    static let id = "LG-08"
    static let methodKey = "ctid"
    static let label = "network identity (CTID) login"
    let method: LoginMethod
}
