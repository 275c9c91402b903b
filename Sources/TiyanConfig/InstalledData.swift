import Foundation

/// Where tiyan finds its own data — the probes/ directory and the default targets.yaml — when no
/// option names them. An installed binary has no repository around it, so besides the working
/// directory it looks where an install puts them: `<prefix>/share/tiyan/` beside
/// `<prefix>/bin/tiyan`, and, for a binary still in a SwiftPM build folder, the package it was
/// built from.
public enum InstalledData {
    /// The places `name` (e.g. "probes", "targets.yaml") is looked for, in order: the working
    /// directory (as the relative `name`, so messages and run.json keep the short form),
    /// `share/tiyan/` one level above the executable's folder, then the nearest ancestor of the
    /// executable's folder that holds a Package.swift (up to four levels: `.build/<triple>/debug`).
    public static func candidates(_ name: String, executable: String?) -> [String] {
        var found = [name]
        guard let executable, executable.hasPrefix("/") else { return found }
        let folder = (executable as NSString).deletingLastPathComponent
        found.append(((folder as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("share/tiyan/" + name))
        var ancestor = folder
        for _ in 0..<4 {
            ancestor = (ancestor as NSString).deletingLastPathComponent
            guard ancestor != "/" else { break }
            if FileManager.default.fileExists(atPath: ancestor + "/Package.swift") {
                found.append(ancestor + "/" + name)
                break
            }
        }
        return found
    }

    /// The first candidate that exists as a `kind`, or an error naming every place looked at.
    public static func locate(_ name: String, kind: FileKind, executable: String?) throws -> String {
        let places = candidates(name, executable: executable)
        for place in places {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: place, isDirectory: &isDirectory),
               isDirectory.boolValue == (kind == .directory)
            {
                return place
            }
        }
        throw NotInstalled(name: name, places: places)
    }

    public enum FileKind: Sendable { case file, directory }

    public struct NotInstalled: Error, CustomStringConvertible, Sendable {
        public var name: String
        public var places: [String]

        public var description: String {
            "no \(name) found (looked in \(places.joined(separator: ", ")))"
        }
    }

    /// This process's executable, symbolic links resolved (`/proc/self/exe` on Linux), so a
    /// `/usr/local/bin/tiyan` linked to `/opt/tiyan/bin/tiyan` finds `/opt/tiyan/share/tiyan`.
    public static var currentExecutable: String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        let absolute = first.hasPrefix("/") ? first : FileManager.default.currentDirectoryPath + "/" + first
        return URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
    }
}
