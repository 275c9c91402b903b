import TiyanCore
import TiyanHTML

/// One way of proving identity as probes/login.yaml describes it: a label pattern (tab, button,
/// heading, hint text) and optionally markup that implements it (a password field, an SMS-code
/// input, a QR image, an ActiveX certificate object).
struct LoginMethod: Sendable {
    /// The method's key in LG-12's list (`password`, `sms`, …).
    let key: String
    let text: Pattern
    let markup: String?
    /// Logins that are not the citizen's (办公系统, 内网, OA): their fields and labels are skipped.
    let staff: Pattern?
    /// What looks like the method but is something else (a QR code that shares the page).
    let exclude: Pattern?
    /// What a citizen's login names (个人, 法人, 扫码…), which a staff-only box does not.
    let citizen: Pattern?

    /// Reads the method's settings among the module's shared ones: `<key>_text`, and
    /// `<key>_markup` / `<key>_exclude` where the YAML gives them; with `citizenOnly`,
    /// `staff_login` and `citizen_login` too. The method's key is data (LG-11 and LG-12 list
    /// methods by it), so its setting names are made from it.
    init(key: String, settings: RuleSettings, citizenOnly: Bool = false) throws {
        self.key = key
        text = try settings.pattern("\(key)_text")
        markup = settings.has("\(key)_markup") ? try settings.xpath("\(key)_markup") : nil
        staff = citizenOnly ? try settings.pattern("staff_login") : nil
        citizen = citizenOnly ? try settings.pattern("citizen_login") : nil
        exclude = settings.has("\(key)_exclude") ? try settings.pattern("\(key)_exclude") : nil
    }

    /// Whether an element is a citizen's way in: neither it nor a block around it (four levels
    /// up, or its form) is a staff login or this method's look-alike.
    func accepts(_ element: HTMLElement, in document: HTMLDocument) -> Bool {
        Self.isClear(element, in: document, staff: staff.map { ($0, citizen) }, exclude: exclude)
    }

    /// Whether a login form is the citizen's (a staff check only, for the home page's login box).
    func acceptsAsLogin(_ element: HTMLElement, in document: HTMLDocument) -> Bool {
        Self.isClear(element, in: document, staff: staff.map { ($0, citizen) }, exclude: nil)
    }

    /// A block is a staff login when its id, class, action or link names one, or when its short
    /// text does and names nothing a citizen logs in with (a login page may offer 工作人员登录
    /// beside 个人登录 / 法人登录: that page is still the citizen's).
    static func isClear(
        _ element: HTMLElement, in document: HTMLDocument, staff: (Pattern, Pattern?)?, exclude: Pattern?
    ) -> Bool {
        guard staff != nil || exclude != nil else { return true }
        let blocks = (try? document.select(
            "\(element.xpath)/ancestor-or-self::*[position()<=4] | \(element.xpath)/ancestor::form")) ?? [element]
        for block in blocks where block.name != "body" && block.name != "html" {
            let names = ["id", "class", "action", "href", "name", "alt", "title", "src"]
            let attributes = names.compactMap(block.attribute)
            let text = block.text.count <= 80 ? block.text : nil
            if let exclude, (attributes + (text.map { [$0] } ?? [])).contains(where: exclude.matches) { return false }
            guard let (staffPattern, citizenPattern) = staff else { continue }
            if attributes.contains(where: staffPattern.matches) { return false }
            if let text, staffPattern.matches(text), block == element || !(citizenPattern?.matches(text) ?? false) {
                return false
            }
        }
        return true
    }

    /// Where the method shows: the DOM first (high), then markup written by scripts (medium or
    /// low), then the raw text of loaded bundles (low: the code path may never render it).
    func find(in material: LoginMaterial) -> MethodHit? {
        for source in material.sources {
            if let hit = domHit(source) { return hit }
        }
        for source in material.sources {
            for fragment in source.fragments {
                guard let match = text.firstMatch(in: fragment.document.visibleText) else { continue }
                let element = TextLocator.element(showing: match, pattern: text, in: fragment.document)
                return MethodHit(key: key, evidence: fragment.evidence(snippet: match, element: element),
                                 confidence: fragment.confidence, text: element?.text ?? match)
            }
        }
        for source in material.sources {
            for bundle in source.bundles {
                if let match = text.firstMatch(in: bundle.text) {
                    return MethodHit.bundle(key: key, bundle: bundle, match: match)
                }
            }
        }
        return nil
    }

    private func domHit(_ source: LoginMaterial.Source) -> MethodHit? {
        let page = source.page
        let document = page.document
        if let xpath = markup,
           let element = ((try? document.select(xpath)) ?? []).first(where: { accepts($0, in: document) })
        {
            return MethodHit(key: key, evidence: page.evidence(element), confidence: .high, text: element.text)
        }
        var seen = Set<String>()
        let matches = text.allMatches(in: source.text).compactMap { $0.first ?? nil }
        for match in matches where seen.insert(match).inserted {
            let element = TextLocator.element(showing: match, pattern: text, in: document)
            if let element, !accepts(element, in: document) { continue }
            let evidence = element.map { page.evidence($0) } ?? page.evidence(locator: "/html/body", snippet: match)
            return MethodHit(key: key, evidence: evidence, confidence: .high, text: element?.text ?? match)
        }
        // Labels that are attributes, not text: <input type=button value="短信登录">, placeholders,
        // icon tabs (<img alt="支付宝登录">, title, aria-label).
        for field in document.forms.flatMap(\.fields) where accepts(field.element, in: document) {
            let label = [field.value, field.element.attribute("placeholder") ?? "", field.element.attribute("title") ?? ""]
            if label.contains(where: { !$0.isEmpty && text.matches($0) }) {
                return MethodHit(key: key, evidence: page.evidence(field.element), confidence: .high, text: field.value)
            }
        }
        let labelled = (try? document.select("//body//*[@alt or @title or @aria-label]")) ?? []
        for element in labelled where accepts(element, in: document) {
            let label = ["alt", "title", "aria-label"].compactMap(element.attribute).first { text.matches($0) }
            if let label { return MethodHit(key: key, evidence: page.evidence(element), confidence: .high, text: label) }
        }
        return nil
    }
}

/// Where a login method was seen.
struct MethodHit {
    var key: String
    var evidence: Evidence
    var confidence: Confidence
    /// The text around the hit, for rules that read more from it (e.g. app names near a QR code).
    var text: String

    static func bundle(key: String, bundle: LoginMaterial.Bundle, match: String) -> MethodHit {
        let context = ScriptText.context(of: match, in: bundle.text)
        var extra: [(String, JSONValue)] = [("source", "script_bundle")]
        if bundle.unverifiedTLS { extra.append(("unverified_tls", true)) }
        return MethodHit(key: key, evidence: Evidence(url: bundle.url, locator: "script", snippet: Evidence.clip(context), extra: extra),
                         confidence: .low, text: ScriptText.context(of: match, in: bundle.text, radius: 200))
    }
}

extension Finding {
    /// A method found: pass, with the confidence of where it was seen.
    static func found(_ hits: [MethodHit], value: JSONValue = true) -> Finding {
        let confidence: Confidence = hits.contains { $0.confidence == .high } ? .high
            : hits.contains { $0.confidence == .medium } ? .medium : .low
        var finding = Finding(.pass, value: value, confidence: confidence, evidence: hits.map(\.evidence))
        if confidence == .low { finding.reason = "seen only in a script bundle the login page loads" }
        return finding
    }
}
