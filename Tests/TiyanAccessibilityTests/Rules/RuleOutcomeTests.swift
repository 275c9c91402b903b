import Testing
@testable import TiyanAccessibility

/// Applicability edges of the rules (the YAML examples cover passed and failed).
@Suite struct RuleOutcomeTests {
    @Test func pageOutcomeCombinesTargets() {
        #expect(ACTOutcome.combined([]) == .inapplicable)
        #expect(ACTOutcome.combined([.passed, .cantTell]) == .cantTell)
        #expect(ACTOutcome.combined([.passed, .failed, .cantTell]) == .failed)
        #expect(ACTOutcome.combined([.inapplicable, .passed]) == .passed)
    }

    @Test func metaRefreshTakesTheFirstValidDeclaration() {
        let head = "<title>t</title><meta http-equiv=refresh content=\"0: x\"><meta http-equiv=Refresh content=\"30; url=/\">"
        #expect(PageFixture("<p>x</p>", head: head).outcomes(MetaRefreshNoDelay.self) == [.failed])
        let later = "<title>t</title><meta http-equiv=refresh content=\"72001\">"
        #expect(PageFixture("<p>x</p>", head: later).outcomes(MetaRefreshNoDelay.self) == [.passed])
        #expect(PageFixture("<p>x</p>", head: later).outcomes(MetaRefreshNoDelayStrict.self) == [.failed])
        let invalid = "<title>t</title><meta http-equiv=refresh content=\"+5\">"
        #expect(PageFixture("<p>x</p>", head: invalid).outcomes(MetaRefreshNoDelay.self).isEmpty)
    }

    @Test func viewportValuesTranslateAsDeviceAdaptationSays() {
        #expect(ViewportAllowsZoom.properties("width = device-width ,, user-scalable=no;maximum-scale") == [
            "width": "device-width", "user-scalable": "no",
        ])
        #expect(!ViewportAllowsZoom.userScalable("maybe"))
        #expect(!ViewportAllowsZoom.userScalable("0.9"))
        #expect(ViewportAllowsZoom.userScalable("-1"))
        #expect(ViewportAllowsZoom.userScalable("yes"))
        #expect(ViewportAllowsZoom.scale("abc") == 0)
        #expect(ViewportAllowsZoom.scale("3px") == 3)
        #expect(ViewportAllowsZoom.scale("-2") == nil)
        #expect(ViewportAllowsZoom.scale("device-height") == 10)
    }

    @Test func attributeValuesTellASCIIWhiteSpaceFromOther() {
        let f = PageFixture("<p id=a lang=\" \t\">x</p><p id=b lang=\"\u{3000}\">y</p><p id=c>z</p>")
        #expect(f.page.valuedAttribute(f["a"], "lang") == nil)
        #expect(f.page.valuedAttribute(f["b"], "lang") == "\u{3000}")
        #expect(f.page.valuedAttribute(f["c"], "lang") == nil)
        // de46e4 counts any value but "": white space is an invalid tag.
        #expect(f.outcomes(ElementLanguageIsValid.self) == [.failed, .failed])
    }

    @Test func iframesInertOrTinyAreOutOfTabOrderScope() {
        let link = "<a href='/'>x</a>"
        #expect(PageFixture("<iframe tabindex=-1 srcdoc=\"\(link)\"></iframe>").outcomes(IframeNotExcludedFromTabOrder.self) == [.failed])
        #expect(PageFixture("<div inert><iframe tabindex=-1 srcdoc=\"\(link)\"></iframe></div>").outcomes(IframeNotExcludedFromTabOrder.self).isEmpty)
        #expect(PageFixture("<iframe tabindex=-1 srcdoc=\"<a href='/' style='display:none'>x</a>\"></iframe>").outcomes(IframeNotExcludedFromTabOrder.self).isEmpty)
        #expect(PageFixture("<iframe tabindex=-1 src=/f.html></iframe>").outcomes(IframeNotExcludedFromTabOrder.self) == [.cantTell])
    }

    @Test func presentationalRoleConflicts() {
        // Focusable: role none is set aside and the button keeps its role and the rule.
        #expect(PageFixture("<button role=none></button>").outcomes(ButtonHasName.self) == [.failed])
        #expect(PageFixture("<span role=none aria-label=x>t</span>").outcomes(GlobalPropertyNotProhibited.self) == [.failed])
        #expect(PageFixture("<nav role=presentation aria-label=x>t</nav>").outcomes(DecorativeNotExposed.self) == [.failed])
        #expect(PageFixture("<nav role=presentation>t</nav>").outcomes(DecorativeNotExposed.self) == [.passed])
        // A link inside a button is one of its presentational children.
        #expect(PageFixture("<div role=button tabindex=0>x<a href=/></a></div>").outcomes(LinkHasName.self).isEmpty)
    }

    @Test func viewportNeedsAZoomProperty() {
        func outcomes(_ content: String) -> [ACTOutcome] {
            PageFixture("<p>x</p>", head: "<meta name=viewport content=\"\(content)\">").outcomes(ViewportAllowsZoom.self)
        }
        #expect(outcomes("width=device-width").isEmpty)
        #expect(outcomes("user-scalable=yes, maximum-scale=2") == [.passed])
        #expect(outcomes("user-scalable=0") == [.failed])
        #expect(outcomes("maximum-scale=1.5") == [.failed])
    }

    @Test func nameRulesSkipHiddenElements() {
        let f = PageFixture("<a href=/ hidden></a><a href=/ aria-hidden=true></a><a href=/>ok</a><a>no href</a>")
        #expect(f.outcomes(LinkHasName.self) == [.passed])
        #expect(PageFixture("<button></button><input type=image src=x>").outcomes(ButtonHasName.self) == [.failed])
    }

    @Test func textSpacingFollowsInheritanceToTheText() {
        let inherited = PageFixture("<div style=\"font-size:16px; word-spacing: 2px !important\"><p style=\"font-size:10px\">a b</p></div>")
        #expect(inherited.outcomes(WordSpacingWideEnough.self) == [.passed])
        let long = String(repeating: "word ", count: 60)
        let overridden = PageFixture("<div style=\"line-height:1em !important\"><p style=\"line-height:1.5em !important\">\(long)</p></div>")
        #expect(overridden.outcomes(LineHeightWideEnough.self) == [.passed])
        // The text's element is the target, its value inherited from the ancestor's style attribute.
        #expect(PageFixture("<div style=\"letter-spacing: 1px !important\"><p>\(long)</p></div>").outcomes(LetterSpacingWideEnough.self) == [.failed])
        // inherit passes the parent's value on with the parent's (lack of) importance.
        #expect(PageFixture("<div style=\"letter-spacing: 1px\"><p style=\"letter-spacing: inherit !important\">\(long)</p></div>").outcomes(LetterSpacingWideEnough.self).isEmpty)
        // Line height applies only to text with a soft wrap break.
        #expect(PageFixture("<p style=\"line-height: 1 !important\">short</p>").outcomes(LineHeightWideEnough.self).isEmpty)
        #expect(PageFixture("<p style=\"line-height: 1 !important; max-width: 100px\">\(long)</p>").outcomes(LineHeightWideEnough.self) == [.failed])
        #expect(PageFixture("<p style=\"line-height: 1 !important; white-space: nowrap; width: 100px\">\(long)</p>").outcomes(LineHeightWideEnough.self).isEmpty)
        #expect(PageFixture("<p style=\"line-height: inherit !important\">a</p>").outcomes(LineHeightWideEnough.self).isEmpty)
        #expect(PageFixture("<p style=\"letter-spacing: initial !important\">a</p>").outcomes(LetterSpacingWideEnough.self) == [.failed])
        #expect(PageFixture("<p style=\"letter-spacing: calc(1px + 1em) !important\">a</p>").outcomes(LetterSpacingWideEnough.self) == [.cantTell])
        #expect(PageFixture("<p style=\"letter-spacing: 0.05em\">a</p>").outcomes(LetterSpacingWideEnough.self).isEmpty)
    }

    @Test func headerCellsNeedAssignedCells() {
        let html = PageFixture("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td></tr></table>")
        #expect(html.outcomes(HeaderHasAssignedCells.self) == [.passed, .failed])
        let spanned = PageFixture("<table><tr><th>a</th><th>b</th></tr><tr><td colspan=2>1</td></tr></table>")
        #expect(spanned.outcomes(HeaderHasAssignedCells.self) == [.passed, .passed])
        let byHeaders = PageFixture("<table><tr><th id=x>a</th><th id=y>b</th></tr><tr><td headers=y>1</td><td headers=y>2</td></tr></table>")
        #expect(byHeaders.outcomes(HeaderHasAssignedCells.self) == [.failed, .passed])
    }

    @Test func ownershipLooksThroughGenericContainers() {
        #expect(PageFixture("<ul role=tablist><li role=none><span role=tab>t</span></li></ul>").outcomes(RequiredOwnedElements.self) == [.passed])
        #expect(PageFixture("<div role=list><span>loose text</span></div>").outcomes(RequiredOwnedElements.self) == [.failed])
        #expect(PageFixture("<div role=list><div aria-live=polite><div role=listitem>i</div></div></div>").outcomes(RequiredContextRole.self) == [.failed])
        #expect(PageFixture("<div role=list aria-owns=i></div><div id=i role=listitem>i</div>").outcomes(RequiredContextRole.self) == [.passed])
    }

    @Test func duplicateAttributesAreReadFromTheSource() {
        #expect(PageFixture("<img src=a.png alt=\"\" ALT=\"x\">").outcomes(AttributeNotDuplicated.self).contains(.failed))
        #expect(!PageFixture("<script>var s = '<img alt=1 alt=2>'</script><img src=a alt=b>").outcomes(AttributeNotDuplicated.self).contains(.failed))
    }

    @Test func languageOfPartsNeedsOwnText() {
        #expect(PageFixture("<p lang=xx-YY>text</p>").outcomes(ElementLanguageIsValid.self) == [.failed])
        #expect(PageFixture("<p lang=xx><span lang=en>text</span></p>").outcomes(ElementLanguageIsValid.self) == [.passed])
        #expect(PageFixture("<p lang=xx hidden>text</p>").outcomes(ElementLanguageIsValid.self).isEmpty)
    }
}

@Suite struct OwnedGroupTests {
    @Test func nestedGroupsMustOwnTheRequiredRoles() {
        let good = PageFixture("<div role=menu><div role=group><span role=menuitem>a</span><div role=group><span role=menuitem>b</span></div></div></div>")
        #expect(good.outcomes(RequiredOwnedElements.self).first == .passed)
        let bad = PageFixture("<div role=menu><div role=group><span role=menuitem>a</span><div role=group><span role=treeitem>b</span></div></div></div>")
        #expect(bad.outcomes(RequiredOwnedElements.self).first == .failed)
        #expect(PageFixture("<ul role=menu aria-busy=true>Loading</ul>").outcomes(RequiredOwnedElements.self).isEmpty)
    }
}

@Suite struct TemplateContentTests {
    @Test func templateContentIsNotPartOfThePage() {
        let f = PageFixture("<p id=a>x</p><template><p id=a>y</p><img src=x.png></template>")
        #expect(f.outcomes(IdentifierIsUnique.self) == [.passed])
        #expect(f.outcomes(ImageHasName.self).isEmpty)
    }
}
