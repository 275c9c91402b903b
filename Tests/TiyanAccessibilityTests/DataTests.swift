import Testing
import TiyanAccessibility

@Suite struct ARIADataTests {
    @Test func attributeValueTypes() {
        #expect(ARIAAttributes.isDefined("aria-label"))
        #expect(!ARIAAttributes.isDefined("aria-labeled"))
        #expect(ARIAAttributes.isValid("TRUE", for: "aria-hidden"))
        #expect(!ARIAAttributes.isValid("yes", for: "aria-selected"))
        #expect(ARIAAttributes.isValid("mixed", for: "aria-checked"))
        #expect(!ARIAAttributes.isValid("mixed", for: "aria-expanded"))
        #expect(ARIAAttributes.isValid("3", for: "aria-level") && !ARIAAttributes.isValid("3.5", for: "aria-level"))
        #expect(ARIAAttributes.isValid("-1.5e2", for: "aria-valuenow") && !ARIAAttributes.isValid("nan", for: "aria-valuenow"))
        #expect(!ARIAAttributes.isValid("1e400", for: "aria-valuenow"), "a number overflowing to infinity is no number")
        #expect(ARIAAttributes.isValid("additions text", for: "aria-relevant"))
        #expect(!ARIAAttributes.isValid("additions foo", for: "aria-relevant"))
        #expect(ARIAAttributes.isValid("page", for: "aria-current"))
    }

    @Test func roleTable() throws {
        let checkbox = try #require(ARIARoles.role("checkbox"))
        #expect(checkbox.required == ["aria-checked"])
        #expect(checkbox.childrenPresentational && checkbox.nameFromContent)
        #expect(ARIARoles.role("listitem")?.context == ["directory", "list"])
        #expect(ARIARoles.role("list")?.owned == ["listitem"])
        #expect(ARIARoles.role("paragraph")?.nameProhibited == true)
        #expect(ARIARoles.isValid("doc-biblioref") && ARIARoles.isValid("graphics-document"))
        #expect(!ARIARoles.isValid("widget"), "abstract roles are not valid values")
    }
}

@Suite struct LanguageTagTests {
    let validator = LanguageTagValidator(primarySubtags: ["zh", "en", "yue"])

    @Test func primarySubtagAndShape() {
        #expect(validator.isValid("zh"))
        #expect(validator.isValid("zh-Hans-CN"))
        #expect(validator.isValid(" EN-us "))
        #expect(validator.isValid("yue-HK"))
        #expect(!validator.isValid("cn"))
        #expect(!validator.isValid("english"))
        #expect(!validator.isValid("zh-"))
        // ACT "known primary language tag": subtags of any length and order, only alphanumerics.
        #expect(validator.isValid("zh-toolongsubtag"))
        #expect(validator.isValid("en-hello"))
        #expect(!validator.isValid("zh-CN_x"))
        #expect(!validator.isValid("i-klingon"))
        #expect(!validator.isValid(""))
        #expect(LanguageTagValidator.primarySubtag(of: "ZH-cn") == "zh")
    }
}

@Suite struct AutocompleteTests {
    let grammar = PageFixture.configuration.autocomplete

    @Test func tokenGrammar() {
        #expect(grammar.fieldName(of: "name") == "name")
        #expect(grammar.fieldName(of: "section-a shipping work email") == "email")
        #expect(grammar.fieldName(of: "billing tel webauthn") == "tel")
        #expect(grammar.fieldName(of: "off") == "off")
        #expect(grammar.fieldName(of: "work name") == nil, "contact tokens only precede tel, email, impp")
        #expect(grammar.fieldName(of: "email shipping") == nil, "order matters")
        #expect(grammar.fieldName(of: "phone") == nil)
        #expect(grammar.fieldName(of: "section- name") == nil)
        #expect(grammar.fieldName(of: "Work Email") == "email", "tokens are case-insensitive")
        #expect(grammar.fieldName(of: "work photo") == nil)
        #expect(grammar.fieldName(of: "work,email") == nil)
    }
}

@Suite struct InlineStyleTests {
    @Test func declarationsWithImportance() {
        let declarations = InlineStyle.declarations(
            "COLOR: red; background: url('a;b.png'); line-height: 2em !important; /* c: d */ line-height: 1em; bad; :x")
        #expect(declarations.map(\.property) == ["color", "background", "line-height", "line-height"])
        #expect(declarations[1].value == "url('a;b.png')")
        #expect(declarations[2].important && declarations[2].value == "2em")
        #expect(InlineStyle.winning("line-height", in: declarations)?.value == "2em")
        #expect(InlineStyle.winning("color", in: declarations)?.value == "red")
        #expect(InlineStyle.declarations("letter-spacing: 0.1em ! important")[0].important)
    }
}
