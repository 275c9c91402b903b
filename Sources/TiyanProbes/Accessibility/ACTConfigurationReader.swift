import TiyanAccessibility

/// Builds the rules' domain data from the module's shared settings.
enum ACTConfigurationReader {
    static func read(_ settings: RuleSettings) throws -> ACTConfiguration {
        let subtags = try settings.keywords("language_subtags")
        let fields = try settings.keywords("autocomplete_fields")
        let contact = try settings.keywords("autocomplete_contact_fields")
        for field in contact where !fields.contains(field) {
            throw settings.invalid("autocomplete_contact_fields", "\"\(field)\" is not one of autocomplete_fields")
        }
        return ACTConfiguration(
            languageTags: LanguageTagValidator(primarySubtags: subtags),
            autocomplete: AutocompleteGrammar(fieldNames: fields, contactFields: contact))
    }
}
