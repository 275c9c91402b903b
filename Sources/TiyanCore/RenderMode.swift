/// When the crawl renders a page in a browser (`--render`, or a target's `render:`).
public enum RenderMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Pages whose facts a browser must build: script shells, every page of H5 and mini-program
    /// web targets, and the pages whose marks portals most often write by script (home, login,
    /// privacy, agreement).
    case auto
    /// Every HTML page of the target.
    case always
    /// None: only the served bytes are judged.
    case never
}
