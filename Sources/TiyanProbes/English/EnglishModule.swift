/// M1 English mode (多用户覆盖, foreigners), configured by probes/english.yaml.
enum EnglishModule {
    static let rules: [any Rule.Type] = [
        EnglishEntry.self, EnglishPageValidity.self, EnglishServiceScope.self, ForeignerRegistration.self,
        TranslationWidget.self,
    ]
}
