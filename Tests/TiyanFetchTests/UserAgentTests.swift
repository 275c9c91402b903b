import Testing
import TiyanCore
import TiyanFetch

@Suite struct UserAgentTests {
    @Test(arguments: ["desktop", "mobile", "wechat", "tiyan"])
    func namedProfilesRoundTrip(name: String) {
        #expect(UserAgent(profile: name).profileName == name)
    }

    @Test func anyOtherStringIsCustomAndLiteral() {
        let agent = UserAgent(profile: "Mozilla/5.0 Custom")
        #expect(agent == .custom("Mozilla/5.0 Custom"))
        #expect(agent.headerValue(contactURL: "https://x") == "Mozilla/5.0 Custom")
    }

    @Test func honestAgentNamesToolAndContact() {
        let honest = "tiyan/\(TiyanVersion.current) (+https://x.example/)"
        #expect(UserAgent.tiyan.headerValue(contactURL: "https://x.example/") == honest)
        #expect(UserAgent.desktop.headerValue(contactURL: "https://x.example/").hasSuffix(" " + honest))
        #expect(UserAgent.wechat.headerValue(contactURL: "https://x.example/").contains("MicroMessenger"))
    }
}

@Suite struct FetcherEnvironmentTests {
    @Test func libcurlVersionNamesTheLibrary() {
        #expect(Fetcher.libcurlVersion.hasPrefix("libcurl/"))
    }
}
