import Foundation
import Testing
import TiyanCore
@testable import TiyanConfig

@Suite struct TargetListTests {
    private func errors(_ yaml: String) -> [ConfigurationError] {
        do {
            _ = try TargetList.parse(yaml, file: "targets.yaml")
            return []
        } catch let failure as ConfigurationErrors {
            return failure.errors
        } catch {
            Issue.record("unexpected error type: \(error)")
            return []
        }
    }

    @Test func appliesDefaultsAndKindSpecificUserAgent() throws {
        let yaml = """
            version: 1
            defaults:
              max_pages: 25
              hints:
                privacy: https://www.example.gov.cn/privacy.html
            targets:
              - id: zj
                name: 浙江政务服务网
                region: "330000"
                url: https://www.zjzwfw.gov.cn/
                hints:
                  login: https://puser.zjzwfw.gov.cn/sso/login
                search:
                  url: "https://www.zjzwfw.gov.cn/search?q={query}"
                  results: html
                  item: "//ul[@class='result']/li"
                  title: ".//a"
                  link: ".//a/@href"
              - id: zj-h5
                name: 浙里办 H5
                region: 330000
                kind: h5
                url: https://h5.zjzwfw.gov.cn/
                max_pages: 10
            """
        let list = try TargetList.parse(yaml, file: "targets.yaml")
        #expect(list.version == 1)
        #expect(list.targets.map(\.id) == ["zj", "zj-h5"])
        let zj = list.targets[0]
        #expect(zj.userAgent == "desktop")
        #expect(zj.maxPages == 25)
        #expect(zj.hints[.login] == "https://puser.zjzwfw.gov.cn/sso/login")
        #expect(zj.hints[.privacy] == "https://www.example.gov.cn/privacy.html")
        #expect(zj.search?.item == "//ul[@class='result']/li")
        let h5 = list.targets[1]
        #expect(h5.kind == .h5)
        #expect(h5.userAgent == "mobile")
        #expect(h5.maxPages == 10)
        #expect(h5.region == "330000")
    }

    @Test func maxPagesDefaultsToForty() throws {
        let list = try TargetList.parse(
            """
            version: 1
            targets:
              - {id: a, name: A, region: "110000", url: "https://www.beijing.gov.cn/"}
            """, file: "targets.yaml")
        #expect(list.targets.first?.maxPages == 40)
    }

    @Test func reportsEveryProblemWithLineAndField() {
        let yaml = """
            version: 1
            targets:
              - id: zj
                name: 浙江
                region: "330000"
                url: https://www.zjzwfw.gov.cn/
              - id: zj
                name: 重复
                region: "330000"
                url: ftp://example.gov.cn/
              - id: Bad_ID
                name: 坏
                region: "33"
                url: https://www.example.gov.cn/
                homepage: https://x.gov.cn/
              - name: 缺少
                region: "110000"
              - id: s
                name: 搜索
                region: "110000"
                url: https://www.example.gov.cn/
                hints:
                  checkout: https://www.example.gov.cn/pay
                  login: not a url
                search:
                  url: https://www.example.gov.cn/search
                  item: "//ul[@class='result'/li"
                  title: ".//a"
                  link: ".//a/@href"
            """
        let found = errors(yaml).map(\.description)
        let expected = [
            "targets.yaml:7: targets[1].id: duplicate id \"zj\" (first at line 3)",
            "targets.yaml:10: targets[1].url: not an http(s) URL",
            "targets.yaml:11: targets[2].id: \"Bad_ID\" does not match [a-z0-9-]+",
            "targets.yaml:13: targets[2].region: \"33\" is not a 6-digit 行政区划代码",
            "targets.yaml:15: targets[2].homepage: unknown field",
            "targets.yaml:16: targets[3]: missing required field \"id\"",
            "targets.yaml:16: targets[3]: missing required field \"url\"",
            "targets.yaml:23: targets[4].hints.checkout: not a discoverable role",
            "targets.yaml:24: targets[4].hints.login: not an http(s) URL",
            "targets.yaml:26: targets[4].search.url: must contain {query}",
            "targets.yaml:27: targets[4].search.item: bad XPath",
        ]
        for prefix in expected {
            #expect(
                found.contains { $0.hasPrefix(prefix) }, "missing: \(prefix)\nfound:\n\(found.joined(separator: "\n"))")
        }
        #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
    }

    @Test func rejectsUnsupportedVersionAndUnknownTopLevelKeys() {
        let found = errors(
            """
            version: 2
            target: []
            """
        ).map(\.description)
        #expect(found.contains { $0.hasPrefix("targets.yaml:1: version: unsupported version 2") })
        #expect(found.contains { $0.hasPrefix("targets.yaml:2: target: unknown field") })
        #expect(found.contains { $0.hasPrefix("targets.yaml:1: targets: missing") })
    }

    @Test func syntaxErrorsNameTheLine() {
        let found = errors(
            """
            version: 1
            targets:
              - id: a
                name: "unterminated
            """)
        #expect(found.count == 1)
        #expect(found.first?.line != nil)
        #expect(found.first?.message.hasPrefix("YAML") == true)
    }

    @Test func duplicateKeysNameTheLine() {
        let found = errors(
            """
            version: 1
            targets:
              - id: a
                id: b
                name: A
                region: "110000"
                url: https://a.gov.cn/
            """)
        #expect(found.first?.message.contains("duplicate key 'id'") == true)
        #expect(found.first?.line == 3 || found.first?.line == 4)
    }

    @Test(arguments: [
        "", "   \n# only a comment\n", "42", "just a scalar", "- a\n- b\n", "version: 1\n\ttargets: []\n",
        "version: [1\n", "{", "version: 1\ntargets: 5\n", "version: 1\ntargets:\n  - 5\n  - [1, 2]\n",
        "version: 1\ntargets:\n  - id: {a: b}\n    name: [x]\n    region: ~\n    url: ~\n",
        "\u{0}\u{1}\u{2}garbage", "a: &x [*x]\n", "a: *undefined\n", String(repeating: "[", count: 5000),
        "version: 1\ndefaults: 3\ntargets: []\n", "? [complex, key]\n: value\n",
        "version: 1\ntargets:\n  - <<: {id: a}\n    name: A\n    region: '110000'\n    url: https://a.gov.cn/\n",
    ])
    func neverCrashesOnOddInput(_ yaml: String) {
        // Any outcome but a crash is fine; odd inputs other than the merge key must be rejected.
        do {
            let list = try TargetList.parse(yaml, file: "targets.yaml")
            #expect(list.targets.count == 1)
        } catch let failure as ConfigurationErrors {
            #expect(!failure.errors.isEmpty)
            #expect(failure.errors.allSatisfy { $0.file == "targets.yaml" })
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test func randomYAMLishTextNeverCrashes() {
        // A fixed-seed generator: the same inputs on every run, so a crash is reproducible.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let pieces = [
            "version: 1\n", "targets:\n", "  - ", "id: a\n", "    ", "url: ", "https://a.gov.cn/", "\t", ":", "-",
            "[", "]", "{", "}", "&x ", "*x", "<<: ", "'", "\"", "\n", "# c\n", "? ", "|\n", ">\n", "!!int ",
            "~", "search:\n", "hints:\n", "政务", "\u{0}", "%YAML 1.1\n", "---\n", "...\n",
        ]
        for _ in 0..<300 {
            let text = (0..<(next() % 40)).map { _ in pieces[next() % pieces.count] }.joined()
            do {
                _ = try TargetList.parse(text, file: "fuzz.yaml")
            } catch let failure as ConfigurationErrors {
                #expect(failure.errors.allSatisfy { $0.file == "fuzz.yaml" })
            } catch {
                Issue.record("unexpected error type for \(text.debugDescription): \(error)")
            }
        }
    }

    @Test func binaryFileIsRejectedNotCrashed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tiyan-binary-\(getpid()).yaml").path
        let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x89, 0x50, 0x4E, 0x47]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ConfigurationErrors.self) { try TargetList.load(path: path) }
        #expect(throws: ConfigurationErrors.self) { try TargetList.load(path: path + ".missing") }
    }
}
