// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("InternalImportsByDefault")]

let package = Package(
    name: "tiyan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tiyan", targets: ["tiyan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
    ],
    targets: [
        // C modules only: system libraries and typed forwarders for variadic/macro APIs.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .target(name: "CXMLShim", dependencies: ["CLibXML2"]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // The pipeline: crawl → archive → probe → score → report.
        .target(name: "TiyanCore", swiftSettings: strict),
        .target(name: "TiyanFetch", dependencies: ["TiyanCore", "CCurl", "CCurlShim"], swiftSettings: strict),
        .target(name: "TiyanHTML", dependencies: ["TiyanCore", "CLibXML2", "CXMLShim"], swiftSettings: strict),
        .target(name: "TiyanCSS", swiftSettings: strict),
        .target(name: "TiyanArchive", dependencies: ["TiyanCore", "CZlib", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        .target(name: "TiyanConfig", dependencies: ["TiyanCore", "Yams",
                                                    .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        .target(name: "TiyanCrawl", dependencies: ["TiyanCore", "TiyanFetch", "TiyanHTML", "TiyanArchive",
                                                   "TiyanConfig", "TiyanCSS", "TiyanBrowser"], swiftSettings: strict),
        .target(name: "TiyanAccessibility", dependencies: ["TiyanCore", "TiyanHTML", "TiyanCSS"], swiftSettings: strict),
        .target(name: "TiyanProbes", dependencies: ["TiyanCore", "TiyanHTML", "TiyanConfig", "TiyanAccessibility", "TiyanCSS"],
                swiftSettings: strict),
        .target(name: "TiyanScoring", dependencies: ["TiyanCore", "TiyanConfig"], swiftSettings: strict),
        .target(name: "TiyanReport", dependencies: ["TiyanCore", "TiyanScoring", "TiyanConfig"], swiftSettings: strict),
        // The render stage: child processes over pipes (the only Glibc/UnsafePointer code), and
        // headless Chromium driven over the DevTools protocol.
        .target(name: "TiyanProcess", swiftSettings: strict),
        .target(name: "TiyanBrowser", dependencies: ["TiyanCore", "TiyanProcess"], swiftSettings: strict),
        .executableTarget(name: "tiyan", dependencies: [
            "TiyanCore", "TiyanFetch", "TiyanHTML", "TiyanArchive", "TiyanConfig", "TiyanCrawl",
            "TiyanProbes", "TiyanScoring", "TiyanReport", "TiyanBrowser",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict),

        // Serves the fixture portals for the offline demo (README) and the benchmark.
        .executableTarget(name: "tiyan-fixtures", dependencies: ["TiyanTestSupport"], swiftSettings: strict),

        // Tests mirror the modules; TiyanTestSupport serves fixture portals on loopback.
        .target(name: "TiyanTestSupport", dependencies: [
            "TiyanCore", "CZlib",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], path: "Tests/TiyanTestSupport", swiftSettings: strict),
        .testTarget(name: "TiyanCoreTests", dependencies: ["TiyanCore"]),
        .testTarget(name: "TiyanFetchTests", dependencies: ["TiyanFetch", "TiyanTestSupport"]),
        .testTarget(name: "TiyanHTMLTests", dependencies: ["TiyanHTML", "TiyanConfig"]),
        .testTarget(name: "TiyanAccessibilityTests", dependencies: ["TiyanAccessibility", "TiyanHTML"]),
        .testTarget(name: "TiyanCSSTests", dependencies: ["TiyanCSS"]),
        .testTarget(name: "TiyanArchiveTests", dependencies: ["TiyanArchive"]),
        .testTarget(name: "TiyanConfigTests", dependencies: ["TiyanConfig"]),
        .testTarget(name: "TiyanCrawlTests", dependencies: ["TiyanCrawl", "TiyanConfig", "TiyanHTML", "TiyanCore",
                                                             "TiyanTestSupport", "TiyanBrowser", "TiyanArchive", "TiyanFetch"]),
        .testTarget(name: "TiyanProbesTests", dependencies: ["TiyanProbes", "TiyanHTML", "TiyanConfig"]),
        .testTarget(name: "TiyanScoringTests", dependencies: ["TiyanScoring", "TiyanConfig", "TiyanCore"]),
        .testTarget(name: "TiyanBrowserTests", dependencies: ["TiyanBrowser", "TiyanProcess", "TiyanCore", "TiyanHTML"]),
        .testTarget(name: "TiyanReportTests", dependencies: ["TiyanReport", "TiyanScoring"], exclude: ["Golden"]),
        .testTarget(name: "TiyanEndToEndTests", dependencies: ["TiyanTestSupport", "TiyanArchive"], exclude: ["Golden"]),
    ]
)
