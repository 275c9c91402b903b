import Testing
import TiyanConfig
import TiyanCore

@Suite struct QuerySetTests {
    @Test func readsTheSpecShapeWithBasesBeforeVariants() throws {
        let set = try QuerySet.read("""
            version: 1
            k: 5
            relevant_link: "bszn|guide"
            queries:
              - q: 公积金提取
                gold: 住房公积金提取
                synonyms: [公积金提取]
                variants: {typo: 公积金题取, pinyin: gongjijin}
              - q: 护照
                gold: 普通护照签发
            """, file: "q.yaml")
        let queries = set.searchQueries
        #expect(queries.map(\.text) == ["公积金提取", "护照", "公积金题取", "gongjijin"])
        #expect(queries[2].variant == "typo" && queries[2].base == "公积金提取" && queries[2].gold == "住房公积金提取")
        #expect(queries.allSatisfy { $0.k == 5 && $0.relevantLink == "bszn|guide" })
    }

    @Test func errorsNameTheLineAndField() throws {
        do {
            _ = try QuerySet.read("""
                version: 1
                relevant_link: "("
                queries:
                  - q: 护照
                    gold: 普通护照签发
                    varients: {typo: 户照}
                """, file: "q.yaml")
            Issue.record("a bad query set was accepted")
        } catch let errors as ConfigurationErrors {
            let fields = errors.errors.map { $0.field ?? "" }
            #expect(fields.contains("relevant_link"))
            #expect(fields.contains("queries[0].varients"))
            #expect(errors.errors.first { $0.field == "queries[0].varients" }?.line == 6)
        }
    }

    @Test func theDefaultSetHasTwentyServicesWithFourVariantsEach() throws {
        let configuration = try ProbeConfiguration.load(directory: "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/probes")
        let set = try #require(try QuerySet.load(from: configuration))
        #expect(set.entries.count == 20)
        #expect(set.entries.allSatisfy { Set($0.variants.map(\.kind)) == ["typo", "pinyin", "colloquial", "english"] })
        let rules = try #require(try SearchCrawlRules.load(from: configuration))
        #expect(rules.budget >= set.searchQueries.count)
    }
}
