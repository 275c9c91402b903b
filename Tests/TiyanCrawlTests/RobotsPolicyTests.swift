import Testing
@testable import TiyanCrawl

/// robots.txt as RFC 9309 reads it.
@Suite struct RobotsPolicyTests {
    let text = """
        # a portal's robots.txt
        User-agent: Baiduspider
        Disallow:

        User-agent: *
        Disallow: /uc/
        Disallow: /*.action$
        Allow: /uc/public/
        Disallow: /search
        """

    @Test func theStarGroupAppliesToTiyan() {
        let policy = RobotsPolicy(text: text)
        #expect(!policy.allows(path: "/uc/center.html"))
        #expect(policy.allows(path: "/uc/public/help.html"), "the longer Allow wins")
        #expect(!policy.allows(path: "/search?q=护照"))
        #expect(!policy.allows(path: "/a/b/login.action"))
        #expect(policy.allows(path: "/a/b/login.action?x=1"), "$ anchors the end")
        #expect(policy.allows(path: "/col/col1/index.html"))
    }

    @Test func aGroupNamingTiyanReplacesTheStarGroup() {
        let policy = RobotsPolicy(text: text + "\n\nUser-agent: tiyan\nDisallow: /private/\n")
        #expect(policy.allows(path: "/uc/center.html"))
        #expect(!policy.allows(path: "/private/x"))
    }

    @Test func emptyOrGarbageAllowsEverything() {
        #expect(RobotsPolicy(text: "").allows(path: "/x"))
        #expect(RobotsPolicy(text: "\u{0}\u{1}<html>not robots</html>").allows(path: "/x"))
        #expect(!RobotsPolicy.disallowAll.allows(path: "/"))
    }
}
