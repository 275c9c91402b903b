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

    /// Reads `<key>_text` and, when `hasMarkup`, `<key>_markup` from the module's shared settings.
    init(key: String, settings: RuleSettings, hasMarkup: Bool = false) throws {
        self.key = key
        text = try settings.pattern("\(key)_text")
        markup = hasMarkup ? try settings.xpath("\(key)_markup") : nil
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
        if let xpath = markup, let element = (try? page.document.select(xpath))?.first {
            return MethodHit(key: key, evidence: page.evidence(element), confidence: .high, text: element.text)
        }
        if let match = text.firstMatch(in: source.text) {
            let element = TextLocator.element(showing: match, pattern: text, in: page.document)
            let evidence = element.map { page.evidence($0) } ?? page.evidence(locator: "/html/body", snippet: match)
            return MethodHit(key: key, evidence: evidence, confidence: .high, text: element?.text ?? match)
        }
        // Labels that are attributes, not text: <input type=button value="短信登录">, placeholders,
        // icon tabs (<img alt="支付宝登录">, title, aria-label).
        for field in page.document.forms.flatMap(\.fields) {
            let label = [field.value, field.element.attribute("placeholder") ?? "", field.element.attribute("title") ?? ""]
            if label.contains(where: { !$0.isEmpty && text.matches($0) }) {
                return MethodHit(key: key, evidence: page.evidence(field.element), confidence: .high, text: field.value)
            }
        }
        let labelled = (try? page.document.select("//body//*[@alt or @title or @aria-label]")) ?? []
        for element in labelled {
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
