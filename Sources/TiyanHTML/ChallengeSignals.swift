extension PageNature {
    /// Strings that only bot-challenge and WAF mechanisms put in a page: cookie names and script
    /// variables of 加速乐 (`__jsl_clearance`), Aliyun WAF (`acw_sc__v2`, `_waf_`), 360 网站卫士
    /// (`WZWS`, `wzws_cid`), 云锁 (`yunsuo_session_verify`), 瑞数 Ruishu (`FSSBBIl1UgzbN7N…`
    /// cookies, `$_ts`), Cloudflare (`cf-chl`, `cf_chl`, `/cdn-cgi/challenge-platform`). Matched
    /// case-insensitively, ignoring white space, in the page source of a page with little text.
    public static let challengeMarkers: [String] = [
        "__jsl_clearance", "acw_sc__v2", "_waf_", "wzws_cid", "WZWS", "yunsuo_session_verify", "FSSBBIl1UgzbN7N",
        "$_ts", "cf-chl", "cf_chl", "/cdn-cgi/challenge-platform",
    ]

    /// The wording of WAF block pages (安全狗, 创宇盾 / Knownsec, generic 网站防火墙, Akamai's
    /// Access Denied, Cloudflare's interstitials). Weaker than `challengeMarkers`: they count only
    /// on a page with little text, fewer than `blockPageMaximumLinks` links and no app mount
    /// point, because app shells and small pages also ask to enable JavaScript in `<noscript>`. The bare word "Cloudflare" is not a marker: ordinary pages load scripts from
    /// cdnjs.cloudflare.com.
    public static let blockPageMarkers: [String] = [
        "安全狗", "safedog", "创宇盾", "knownsec", "网站防火墙", "请开启JavaScript", "请启用JavaScript",
        "Access Denied", "您的访问被拦截", "访问已被拦截", "Attention Required! | Cloudflare", "Just a moment...",
        "Checking your browser",
    ]

    /// Ways a challenge script sends the browser back to the page once the cookie is set.
    public static let reloadMarkers: [String] = [
        "location.reload", "location.href=", "location.replace(", "location.assign(", "window.location=",
        "document.location=", "location=",
    ]
}

enum ChallengeSignals {
    private static let challenge = PageNature.challengeMarkers.map { ($0, compacted($0)) }
    private static let blockPage = PageNature.blockPageMarkers.map { ($0, compacted($0)) }
    private static let reload = PageNature.reloadMarkers.map { ($0, compacted($0)) }

    /// How much of a page is searched for markers: challenge pages put them near the top, and a
    /// 10 MB page must not cost a pass per marker.
    static let searchedPrefixBytes = 512 * 1024

    static func searchableSource(of text: String) -> String {
        let prefix = text.utf8.count > searchedPrefixBytes
            ? String(decoding: text.utf8.prefix(searchedPrefixBytes), as: UTF8.self) : text
        return compacted(prefix)
    }

    /// Lower-cased, without white space, so `document.cookie = ` and `Access  Denied` match.
    static func compacted(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars where !scalar.isFastWhitespace {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    static func marker(in source: String) -> String? {
        challenge.first { source.contains($0.1) }?.0
    }

    static func blockPageMarker(in source: String) -> String? {
        blockPage.first { source.contains($0.1) }?.0
    }

    /// The reload call of a script that sets `document.cookie`, if both are there.
    static func cookieReload(in source: String) -> String? {
        guard source.contains("document.cookie=") else { return nil }
        return reload.first { source.contains($0.1) }?.0
    }
}
