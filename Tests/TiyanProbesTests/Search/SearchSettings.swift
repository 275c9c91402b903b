import Foundation
import Testing
import TiyanConfig
import TiyanCore
@testable import TiyanProbes

/// The shared settings of the repository's probes/search.yaml, as the search rules read them.
enum SearchSettings {
    static func judging() throws -> SearchJudging {
        let path = Fixtures.probesDirectory + "/search.yaml"
        let root = try #require(try YAMLReader.parse(try YAMLReader.readText(path: path), file: path))
        let shared = root["shared"]?.entries ?? []
        let settings = RuleSettings(ruleID: "SR-04", file: path, own: [], ownField: "settings", shared: shared,
                                    sharedField: "shared")
        return try SearchJudging(settings: settings)
    }
}
