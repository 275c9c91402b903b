import Foundation

/// What WAI-ARIA 1.2 (with DPUB-ARIA 1.0 and Graphics ARIA 1.0 role names) says about one role.
public struct ARIARole: Sendable, Hashable {
    public var name: String
    /// States and properties the role requires (ARIA 1.2 "Required States and Properties").
    public var required: Set<String>
    /// Role-specific states and properties, inherited ones included; globals are not listed.
    public var supported: Set<String>
    /// Roles one of which must own an element of this role ("Required Context Role").
    public var context: [String]
    /// Roles the element must own ("Required Owned Elements"); `group>option` means an
    /// option inside a group.
    public var owned: [String]
    public var nameFromContent: Bool
    /// aria-label and aria-labelledby are prohibited (ARIA 1.2 "Prohibited States and Properties").
    public var nameProhibited: Bool
    /// "Children Presentational: True".
    public var childrenPresentational: Bool
}

/// The WAI-ARIA 1.2 role table. It is the specification's own data (§5.4 "Definition of
/// Roles"), fixed per ARIA version, so it lives here beside the code that reads it rather than in
/// a tunable probes file.
public enum ARIARoles {
    // name | required | supported | context | owned | flags (c: name from content,
    // p: name prohibited, x: children presentational)
    private static let table = """
        alert||||
        alertdialog||aria-modal|||
        application||aria-activedescendant aria-expanded|||
        article||aria-posinset aria-setsize|||
        banner|||||
        blockquote|||||
        button||aria-expanded aria-pressed|||cx
        caption|||figure grid table treegrid||p
        cell||aria-colindex aria-colspan aria-rowindex aria-rowspan|row||c
        checkbox|aria-checked|aria-checked aria-expanded aria-readonly aria-required|||cx
        code|||||p
        columnheader||aria-sort aria-colindex aria-colspan aria-rowindex aria-rowspan aria-expanded aria-readonly aria-required aria-selected|row||c
        combobox|aria-controls aria-expanded|aria-activedescendant aria-autocomplete aria-controls aria-expanded aria-readonly aria-required|||
        complementary|||||
        contentinfo|||||
        definition|||||
        deletion|||||p
        dialog||aria-modal|||
        directory||||listitem|
        document|||||
        emphasis|||||p
        feed||||article|
        figure|||||
        form|||||
        generic|||||p
        grid||aria-activedescendant aria-colcount aria-multiselectable aria-readonly aria-rowcount||row rowgroup>row|
        gridcell||aria-colindex aria-colspan aria-rowindex aria-rowspan aria-expanded aria-readonly aria-required aria-selected|row||c
        group||aria-activedescendant|||
        heading|aria-level|aria-level|||c
        img|||||x
        insertion|||||p
        link||aria-expanded|||c
        list||||listitem|
        listbox||aria-activedescendant aria-expanded aria-multiselectable aria-orientation aria-readonly aria-required||group>option option|
        listitem||aria-level aria-posinset aria-setsize|directory list||
        log|||||
        main|||||
        marquee|||||
        math|||||x
        menu||aria-activedescendant aria-orientation||group>menuitem group>menuitemradio group>menuitemcheckbox menuitem menuitemcheckbox menuitemradio|
        menubar||aria-activedescendant aria-orientation||group>menuitem group>menuitemradio group>menuitemcheckbox menuitem menuitemcheckbox menuitemradio|
        menuitem||aria-expanded aria-posinset aria-setsize|group menu menubar||c
        menuitemcheckbox|aria-checked|aria-checked aria-expanded aria-posinset aria-setsize|group menu menubar||cx
        menuitemradio|aria-checked|aria-checked aria-expanded aria-posinset aria-setsize|group menu menubar||cx
        meter|aria-valuenow|aria-valuemax aria-valuemin aria-valuenow aria-valuetext|||x
        navigation|||||
        none|||||p
        note|||||
        option||aria-checked aria-posinset aria-selected aria-setsize|group listbox||cx
        paragraph|||||p
        presentation|||||p
        progressbar||aria-valuemax aria-valuemin aria-valuenow aria-valuetext|||x
        radio|aria-checked|aria-checked aria-posinset aria-setsize|||cx
        radiogroup||aria-activedescendant aria-orientation aria-readonly aria-required|||
        region|||||
        row||aria-activedescendant aria-colindex aria-expanded aria-level aria-posinset aria-rowindex aria-selected aria-setsize|grid rowgroup table treegrid|cell columnheader gridcell rowheader|c
        rowgroup|||grid table treegrid|row|
        rowheader||aria-sort aria-colindex aria-colspan aria-rowindex aria-rowspan aria-expanded aria-readonly aria-required aria-selected|row||c
        scrollbar|aria-controls aria-valuenow|aria-controls aria-orientation aria-valuemax aria-valuemin aria-valuenow aria-valuetext|||x
        search|||||
        searchbox||aria-activedescendant aria-autocomplete aria-multiline aria-placeholder aria-readonly aria-required|||
        separator||aria-orientation aria-valuemax aria-valuemin aria-valuenow aria-valuetext|||x
        slider|aria-valuenow|aria-orientation aria-readonly aria-valuemax aria-valuemin aria-valuenow aria-valuetext|||x
        spinbutton||aria-activedescendant aria-readonly aria-required aria-valuemax aria-valuemin aria-valuenow aria-valuetext|||
        status|||||
        strong|||||p
        subscript|||||p
        superscript|||||p
        switch|aria-checked|aria-checked aria-expanded aria-readonly aria-required|||cx
        tab||aria-expanded aria-posinset aria-selected aria-setsize|tablist||cx
        table||aria-colcount aria-rowcount||row rowgroup>row|
        tablist||aria-activedescendant aria-multiselectable aria-orientation||tab|
        tabpanel|||||
        term|||||
        textbox||aria-activedescendant aria-autocomplete aria-multiline aria-placeholder aria-readonly aria-required|||
        time|||||
        timer|||||
        toolbar||aria-activedescendant aria-orientation|||
        tooltip|||||c
        tree||aria-activedescendant aria-multiselectable aria-orientation aria-required||group>treeitem treeitem|
        treegrid||aria-activedescendant aria-colcount aria-multiselectable aria-orientation aria-readonly aria-required aria-rowcount||row rowgroup>row|
        treeitem||aria-checked aria-expanded aria-level aria-posinset aria-selected aria-setsize|group tree||c
        graphics-document|||||
        graphics-object|||||
        graphics-symbol|||||x
        """

    /// DPUB-ARIA 1.0 roles: valid role values with no role-specific attributes for these rules.
    private static let publishing = """
        doc-abstract doc-acknowledgments doc-afterword doc-appendix doc-backlink doc-biblioentry
        doc-bibliography doc-biblioref doc-chapter doc-colophon doc-conclusion doc-cover doc-credit
        doc-credits doc-dedication doc-endnote doc-endnotes doc-epigraph doc-epilogue doc-errata
        doc-example doc-footnote doc-foreword doc-glossary doc-glossref doc-index doc-introduction
        doc-noteref doc-notice doc-pagebreak doc-pagelist doc-part doc-preface doc-prologue
        doc-pullquote doc-qna doc-subtitle doc-tip doc-toc
        """

    public static let all: [String: ARIARole] = {
        var roles: [String: ARIARole] = [:]
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            func words(_ index: Int) -> [String] {
                index < fields.count ? fields[index].split(separator: " ").map(String.init) : []
            }
            let flags = fields.count > 5 ? fields[5] : ""
            roles[fields[0]] = ARIARole(
                name: fields[0], required: Set(words(1)), supported: Set(words(2)), context: words(3),
                owned: words(4), nameFromContent: flags.contains("c"), nameProhibited: flags.contains("p"),
                childrenPresentational: flags.contains("x"))
        }
        for name in publishing.split(whereSeparator: \.isWhitespace).map(String.init) {
            let content = ["doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref"].contains(name)
            roles[name] = ARIARole(
                name: name, required: [], supported: [], context: [], owned: [], nameFromContent: content,
                nameProhibited: false, childrenPresentational: name == "doc-pagebreak")
        }
        return roles
    }()

    public static func role(_ name: String) -> ARIARole? { all[name] }

    /// ARIA 1.2 §5.3.2 widget roles and §5.3.3 composite widget roles.
    static let widgets: Set<String> = [
        "button", "checkbox", "gridcell", "link", "menuitem", "menuitemcheckbox", "menuitemradio", "option",
        "progressbar", "radio", "scrollbar", "searchbox", "separator", "slider", "spinbutton", "switch", "tab",
        "tabpanel", "textbox", "treeitem", "combobox", "grid", "listbox", "menu", "menubar", "radiogroup",
        "tablist", "tree", "treegrid",
    ]

    public static func isWidget(_ name: String?) -> Bool { name.map(widgets.contains) ?? false }

    public static func isValid(_ name: String) -> Bool { all[name] != nil }
}
