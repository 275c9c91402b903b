/// Chromium's command line for rendering archived pages.
enum LaunchFlags {
    static func arguments(profile: String) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--remote-debugging-pipe",
            "--user-data-dir=\(profile)",
            // Chrome turns http:// navigations into https:// tries of its own (HTTPS-Upgrades):
            // the page the crawl archived is the http one, and SB-02 judges HTTPS separately.
            "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,HttpsFirstModeIncognito,"
                + "MediaRouter,OptimizationHints,Translate",
            "--disable-client-side-phishing-detection",
            // Every request is answered through Fetch interception; should one slip past it
            // (a worker, a cross-site frame), name resolution fails, so nothing reaches a network.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "about:blank",
        ]
    }
}
