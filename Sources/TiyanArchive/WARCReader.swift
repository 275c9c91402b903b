import Foundation
public import TiyanCore

public enum WARCReader {
    /// Reads an archive written by WARCWriter. A damaged tail (a killed run's cut-off member, a
    /// corrupt last member) ends the reading without an error: everything before it is returned.
    /// A file that does not start with tiyan's warcinfo record, or a complete record that does
    /// not parse, throws `ArchiveError.malformed`. With `bodies: false` every resource comes
    /// back with an empty body (see `loadingBodies`).
    public static func read(path: String, bodies: Bool = true) throws -> ArchiveContents {
        let members = try GzipMemberReader(path: path)
        var assembler = ArchiveAssembler()
        assembler.keepsBodies = bodies
        while true {
            let member: GzipMember
            do {
                guard let next = try members.next() else { break }
                member = next
            } catch let damage as GzipDamage {
                guard assembler.info != nil else {
                    throw ArchiveError.malformed(offset: damage.offset, reason: damage.reason)
                }
                break
            }
            for record in try records(in: member) { try assembler.add(record, offset: member.offset) }
        }
        guard let info = assembler.info else {
            throw ArchiveError.malformed(offset: 0, reason: "empty file: no warcinfo record")
        }
        return ArchiveContents(info: info, targets: assembler.targets, resources: assembler.resources,
                               renders: assembler.renders)
    }

    /// The resources with their bodies, read from each one's `warcOffset` (as `read(path:bodies:
    /// false)` left them).
    public static func loadingBodies(of resources: [FetchRecord], info: ArchiveRunInfo, path: String) throws
        -> [FetchRecord]
    {
        try resources.map { resource in
            guard resource.status != nil, let offset = resource.warcOffset else { return resource }
            let members = try GzipMemberReader(path: path, startingAt: offset)
            var assembler = ArchiveAssembler(info: info)
            // A resource is its request, response and metadata records: three members at most.
            for _ in 0..<3 {
                guard let member = try members.next() else { break }
                for record in try records(in: member) { try assembler.add(record, offset: member.offset) }
                if let loaded = assembler.resources.first {
                    var complete = resource
                    complete.body = loaded.body
                    return complete
                }
            }
            throw ArchiveError.malformed(offset: offset, reason: "no complete resource at this offset")
        }
    }

    /// The views complete (DOM, elements, screenshot), read from each one's `warcOffset` (as
    /// `read(path:bodies: false)` left them).
    public static func loadingRenders(of views: [RenderedView], info: ArchiveRunInfo, path: String) throws
        -> [RenderedView]
    {
        try views.map { view in
            guard let offset = view.warcOffset else { return view }
            let members = try GzipMemberReader(path: path, startingAt: offset)
            var assembler = ArchiveAssembler(info: info)
            // A render is its conversion, screenshot and metadata records: three members at most.
            for _ in 0..<3 {
                guard let member = try members.next() else { break }
                for record in try records(in: member) { try assembler.add(record, offset: member.offset) }
                if let loaded = assembler.renders.values.first?.first { return loaded }
            }
            throw ArchiveError.malformed(offset: offset, reason: "no complete render at this offset")
        }
    }

    private static func records(in member: GzipMember) throws -> [WARCRecord] {
        do {
            return try WARCRecord.parseAll(member.bytes)
        } catch {
            throw ArchiveError.malformed(offset: member.offset, reason: error.reason)
        }
    }
}
