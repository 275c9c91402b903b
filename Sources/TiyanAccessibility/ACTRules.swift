/// Every ACT rule this build implements, in the order of probes/accessibility.yaml.
public enum ACTRules {
    public static let all: [any ACTRule.Type] = [
        PageHasLanguage.self, PageLanguageIsValid.self, PageLanguagesMatch.self, PageHasTitle.self,
        MetaRefreshNoDelay.self, MetaRefreshNoDelayStrict.self, ViewportAllowsZoom.self,
        ARIAAttributeDefined.self, RoleIsValid.self, ARIAValueIsValid.self, RequiredStatesPresent.self,
        ARIAAttributePermitted.self, GlobalPropertyNotProhibited.self, RequiredReferencesExist.self,
        ImageHasName.self, ImageButtonHasName.self, ButtonHasName.self, LinkHasName.self, FormFieldHasName.self,
        IframeHasName.self, HeadingHasName.self, SummaryHasName.self, SVGHasName.self, MenuItemHasName.self,
        ObjectHasName.self, ElementLanguageIsValid.self, AutocompleteIsValid.self, HeadersReferToSameTable.self,
        HeaderHasAssignedCells.self, LetterSpacingWideEnough.self, WordSpacingWideEnough.self,
        LineHeightWideEnough.self, IdentifierIsUnique.self, RequiredContextRole.self, RequiredOwnedElements.self,
        HiddenHasNoFocusableContent.self, PresentationalChildrenNotFocusable.self, DecorativeNotExposed.self,
        IframeNotExcludedFromTabOrder.self, AttributeNotDuplicated.self,
    ]
}
