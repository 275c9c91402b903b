import Testing
import TiyanCore

/// results.jsonl must be byte-identical across reprobes: the writer is deterministic and escapes
/// what JSON requires.
@Suite struct JSONValueTests {
    @Test func objectsKeepTheirKeyOrder() {
        let value: JSONValue = .object([("z", 1), ("a", .array([true, nil, "x"]))])
        #expect(value.serialized() == #"{"z":1,"a":[true,null,"x"]}"#)
    }

    @Test func numbersPrintWithoutFloatingPointNoise() {
        #expect(JSONValue.number(0.1 + 0.2).serialized() == "0.3")
        #expect(JSONValue.number(2).serialized() == "2")
        #expect(JSONValue.number(1.0 / 3.0).serialized() == "0.333333")
        #expect(JSONValue.number(.nan).serialized() == "null")
    }

    @Test func stringsEscapeControlsQuotesAndLineSeparators() {
        #expect(JSONValue.string("a\"b\\c\n\u{01}\u{2028}政务").serialized() == #""a\"b\\c\n\u0001\u2028政务""#)
    }

    @Test func parsingRoundTripsWhatWasWritten() throws {
        let value: JSONValue = .object([("b", false), ("n", 1.5), ("s", "登录"), ("l", .array([]))])
        let parsed = try JSONValue.parse(value.serialized())
        #expect(parsed["b"] == .bool(false))
        #expect(parsed["n"] == .number(1.5))
        #expect(parsed["s"] == .string("登录"))
        #expect(parsed["l"] == .array([]))
    }
}

@Suite struct StatusTests {
    @Test func onlyPassFailAndPartialCarryAScore() {
        for status in Status.allCases {
            let result = IndicatorResult(target: "t", indicator: "SB-01", module: "basics", status: status)
            #expect((result.score != nil) == [.pass, .fail, .partial].contains(status), "\(status)")
        }
    }

    @Test func fetchErrorsMapToTheStatusSpecGives() {
        #expect(FetchErrorClass.challenge.indicatorStatus == .blocked)
        #expect(FetchErrorClass.robotsDisallowed.indicatorStatus == .undetermined)
        for error in FetchErrorClass.allCases where error != .challenge && error != .robotsDisallowed {
            #expect(error.indicatorStatus == .unreachable, "\(error)")
        }
        #expect(Set(FetchErrorClass.allCases.filter(\.isTransient)) == [.connect, .timeout, .http5xx])
    }
}
