import Foundation
import TiyanCore
import TiyanHTML

/// PR-05: a consent checkbox or radio must not be ticked before the user ticks it — neither by
/// the `checked` attribute nor by a framework binding whose initial value is true (Vue
/// `v-model` with `agree: true` in data(), jQuery `.prop('checked', true)`, React
/// `defaultChecked`). Pages without a consent control are not_applicable.
struct ConsentDefault: Rule {
    static let id = "PR-05"
    let controls: String
    let consent: Pattern
    let maxLabelLength: Int
    let bindingAttributes: [String]
    let initialTrue: String
    let scriptChecks: String
    let reactDefault: Pattern

    init(settings: RuleSettings) throws {
        controls = try settings.xpath("controls")
        consent = try settings.pattern("consent_text")
        maxLabelLength = try settings.integer("max_label_length")
        bindingAttributes = try settings.keywords("binding_attributes").map { $0.lowercased() }
        initialTrue = try settings.text("initial_true")
        scriptChecks = try settings.text("script_checks")
        reactDefault = try settings.pattern("react_default")
        for key in ["initial_true", "script_checks"] {
            let template = try settings.text(key)
            guard template.contains("NAME"), (try? Pattern(template.replacingOccurrences(of: "NAME", with: "agree"))) != nil
            else { throw settings.invalid(key, "expected a regular expression with the placeholder NAME") }
        }
    }

    func evaluate(_ site: SiteContext) throws -> Finding {
        let pages = try ConsentPages(site)
        var found: [Evidence] = []
        var prechecked: [Evidence] = []
        for source in pages.sources {
            let scripts = scriptTexts(of: source.page, site: site)
            for control in (try? source.document.select(controls)) ?? [] {
                guard let label = ConsentPages.label(
                    of: control, in: source.document, limit: maxLabelLength, matching: consent)
                else { continue }
                let labelText = Evidence.clip(label.text)
                if let how = precheck(control, scripts: scripts) {
                    prechecked.append(source.evidence(control, extra: [("label", .string(labelText)), ("checked_by", .string(how))]))
                } else {
                    found.append(source.evidence(control, extra: [("label", .string(labelText))]))
                }
            }
        }
        // React renders the control from its bundle: the default sits in the script, next to
        // the consent text, not in the DOM. Less sure than a control in the page.
        let inPage = !prechecked.isEmpty
        for page in pages.pages {
            for script in scriptTexts(of: page, site: site) {
                guard let match = reactDefault.firstMatch(in: script.text) else { continue }
                prechecked.append(Evidence(
                    url: script.url, locator: script.locator, snippet: Evidence.clip(match),
                    extra: [("checked_by", "React defaultChecked")]))
            }
        }
        if !prechecked.isEmpty {
            return Finding(
                .fail, value: false, confidence: inPage ? .high : .low, evidence: prechecked,
                reason: "the consent control is checked by default")
        }
        if !found.isEmpty { return Finding(.pass, value: true, evidence: found) }
        let evidence = pages.pages.map { $0.absenceEvidence(footer: "//form", "同意 checkbox") }
        let finding = Finding(
            .notApplicable, value: nil, evidence: evidence,
            reason: "no checkbox or radio next to 同意 / 已阅读 on the login or registration page")
        return pages.pages.contains { $0.shellReason == nil } ? finding : pages.pages[0].negative(finding)
    }

    /// How the control is pre-checked, or nil.
    private func precheck(_ control: HTMLElement, scripts: [ScriptText]) -> String? {
        for attribute in control.attributes {
            let name = attribute.name.lowercased()
            let value = attribute.value.trimmingCharacters(in: .whitespaces)
            // Any static `checked` ticks the box, even checked="false"; checked="{{agree}}" is a binding.
            if name == "checked", !value.contains("{{") { return "checked attribute" }
            guard bindingAttributes.contains(name) else { continue }
            let expression = value.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
                .trimmingCharacters(in: .whitespaces)
            if expression == "true" || expression == "!0" { return "\(name)=\"true\"" }
            guard let variable = expression.split(separator: ".").last.map(String.init),
                  variable.range(of: #"^[A-Za-z_$][\w$]*$"#, options: .regularExpression) != nil,
                  let pattern = try? Pattern(initialTrue.replacingOccurrences(
                      of: "NAME", with: NSRegularExpression.escapedPattern(for: variable)))
            else { continue }
            if let script = scripts.first(where: { pattern.matches($0.text) }), let match = pattern.firstMatch(in: script.text) {
                return "\(name)=\"\(value)\" with \(match)"
            }
        }
        if let id = control.attribute("id"), !id.isEmpty,
           let pattern = try? Pattern(scriptChecks.replacingOccurrences(
               of: "NAME", with: NSRegularExpression.escapedPattern(for: id))),
           let script = scripts.first(where: { pattern.matches($0.text) }), let match = pattern.firstMatch(in: script.text) {
            return "script: \(match)"
        }
        return nil
    }

    struct ScriptText {
        var url: String
        /// The `<script>` element's XPath, or `script` for a file the page loads.
        var locator: String
        var text: String
    }

    /// The page's inline scripts and the fetched scripts it loads.
    private func scriptTexts(of page: SitePage, site: SiteContext) -> [ScriptText] {
        var texts = page.document.scripts.filter { $0.url == nil && !$0.inlineText.isEmpty }
            .map { ScriptText(url: page.url, locator: $0.element.xpath, text: $0.inlineText) }
        let sources = Set(page.document.scripts.compactMap(\.url))
        for record in site.records(.script) where record.hasBody && record.error == nil
            && (sources.contains(record.url) || sources.contains(record.finalURL)) {
            texts.append(ScriptText(
                url: record.finalURL, locator: "script",
                text: site.text(of: record)))
        }
        return texts
    }
}
