import TiyanAccessibility

/// Builds the rules' domain data from the module's shared settings.
enum ACTConfigurationReader {
    static func read(_ settings: RuleSettings) throws -> ACTConfiguration {
        let subtags = try settings.keywords("language_subtags")
        var groups: [String: String] = [:]
        for entry in try settings.keywords("autocomplete_fields") {
            let parts = entry.split(separator: " ").map(String.init)
            guard parts.count == 2 else {
                throw settings.invalid("autocomplete_fields", "expected \"field-name group\", got \"\(entry)\"")
            }
            groups[parts[0]] = parts[1]
        }
        var inputs: [String: Set<String>] = [:]
        for entry in try settings.keywords("autocomplete_controls") {
            let parts = entry.split(separator: " ").map(String.init)
            guard let type = parts.first, parts.count > 1 else {
                throw settings.invalid("autocomplete_controls", "expected \"type group…\", got \"\(entry)\"")
            }
            inputs[type] = Set(parts.dropFirst())
        }
        let contact = Set(try settings.keywords("autocomplete_contact_fields"))
        return ACTConfiguration(
            languageTags: LanguageTagValidator(primarySubtags: subtags),
            autocomplete: AutocompleteGrammar(fieldGroups: groups, contactFields: contact, inputGroups: inputs))
    }
}
