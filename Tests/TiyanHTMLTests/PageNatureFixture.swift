import Foundation
import TiyanConfig
import TiyanCore

/// The repository's probes/page-nature.yaml: the markers the crawl and the probes use.
enum PageNatureFixture {
    static let markers: PageNatureMarkers = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        do {
            return try PageNatureFile.load(
                from: ProbeConfiguration.load(directory: url.appendingPathComponent("probes").path))
        } catch {
            fatalError("probes/page-nature.yaml does not load: \(error)")
        }
    }()
}
