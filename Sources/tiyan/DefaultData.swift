import TiyanConfig

/// The probes directory and targets file a command uses when no option names them: the working
/// directory's, else the installed ones (InstalledData). An explicit path is used as given, and
/// any failure to read it later names it with the system's reason.
enum DefaultData {
    static let probesHelp = "The probes directory. Default: ./probes, else the installed share/tiyan/probes."
    static let targetsHelp = "The targets file. Default: ./targets.yaml, else the installed share/tiyan/targets.yaml."

    static func probes(_ explicit: String?) throws -> String {
        try explicit ?? locate("probes", kind: .directory, option: "--probes DIR")
    }

    static func targets(_ explicit: String?) throws -> String {
        try explicit ?? locate("targets.yaml", kind: .file, option: "--targets FILE")
    }

    private static func locate(_ name: String, kind: InstalledData.FileKind, option: String) throws -> String {
        do {
            return try InstalledData.locate(name, kind: kind, executable: InstalledData.currentExecutable)
        } catch let missing as InstalledData.NotInstalled {
            throw RunFailure("\(missing.description); give \(option), or install tiyan with scripts/install")
        }
    }
}
