// PUBLIC API SKELETON — helper "probes" replaces these bodies with the real implementation and may
// split this file into one file per concern. Signatures are a contract other modules code against.
public import TiyanCore
public import TiyanConfig

/// Runs every probe module over archived sites. Pure: no network, no clock (dates come from
/// `ArchivedSite.runStart`), so a reprobe of the same archive gives byte-identical results.
public struct ProbeRunner: Sendable {
    public init(configuration: ProbeConfiguration) throws {}

    /// The module names in report order (e.g. `["basics"]`).
    public var modules: [String] { [] }

    /// Every indicator of every module for one target, sorted by indicator id. A probe that
    /// throws yields `error` for its own indicators only.
    public func evaluate(_ site: ArchivedSite) -> [IndicatorResult] { [] }
}
