/// M2 Elder-friendly (适老化) and accessibility (无障碍), configured by probes/elder.yaml. EL-14
/// (changes undoable within 10 minutes) needs a running session and is not implemented.
enum ElderModule {
    static let rules: [any Rule.Type] = [
        ElderEntry.self, AccessibilityToolbar.self, ElderAds.self, InducedButtons.self, ElderFontSize.self,
        ElderLineHeight.self, ElderContrast.self, ZoomAllowed.self, ImageAlternatives.self, FormLabels.self,
        LanguageAndTitle.self, CaptchaAlternative.self, TimeLimits.self,
    ]
}
