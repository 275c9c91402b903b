import TiyanCore

/// Browser identities for pages that vary by device. Chrome's reduced User-Agent format (frozen
/// platform and minor version) is what current Chrome sends; portals sniff "Mobile", "Android",
/// "iPhone" and "MicroMessenger", so those tokens matter more than the exact numbers.
enum UserAgentStrings {
    static let desktop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/138.0.0.0 Safari/537.36"
    static let mobile = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/138.0.0.0 Mobile Safari/537.36"
    /// WeChat's in-app browser (XWEB on Android), the way 政务 mini-program web views are opened.
    static let wechat =
        "Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300289 MMWEBSDK/20250201 MMWEBID/5121 "
        + "MicroMessenger/8.0.56.2800(0x28003837) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64"

    /// The honest part every request carries, so operators can tell who is visiting.
    static func tiyan(contactURL: String) -> String {
        "tiyan/\(TiyanVersion.current) (+\(contactURL))"
    }
}
