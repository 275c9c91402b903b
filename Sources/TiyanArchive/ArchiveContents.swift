public import TiyanCore

/// The archive read back: run info, targets in the order they were recorded, and every resource
/// with `warcOffset` set. Tolerates a truncated last record (a killed run) by stopping there.
public struct ArchiveContents: Sendable {
    public var info: ArchiveRunInfo
    public var targets: [Target]
    public var resources: [FetchRecord]
    /// Rendered views by target id (RenderLayout).
    public var renders: [String: [RenderedView]]

    public init(info: ArchiveRunInfo, targets: [Target], resources: [FetchRecord],
                renders: [String: [RenderedView]] = [:]) {
        self.info = info
        self.targets = targets
        self.resources = resources
        self.renders = renders
    }

    /// One ArchivedSite per recorded target, in recorded order.
    public var sites: [ArchivedSite] {
        targets.map { target in
            ArchivedSite(target: target, runStart: info.startedAt,
                         resources: resources.filter { $0.target == target.id }, renders: renders[target.id] ?? [])
        }
    }
}
