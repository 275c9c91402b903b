import Foundation

public enum WARCReader {
    /// Reads an archive written by WARCWriter. A damaged tail (a killed run's cut-off member, a
    /// corrupt last member) ends the reading without an error: everything before it is returned.
    /// A file that does not start with tiyan's warcinfo record, or a complete record that does
    /// not parse, throws `ArchiveError.malformed`.
    public static func read(path: String) throws -> ArchiveContents {
        let members = try GzipMemberReader(path: path)
        var assembler = ArchiveAssembler()
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
            let records: [WARCRecord]
            do {
                records = try WARCRecord.parseAll(member.bytes)
            } catch {
                throw ArchiveError.malformed(offset: member.offset, reason: error.reason)
            }
            for record in records { try assembler.add(record, offset: member.offset) }
        }
        guard let info = assembler.info else {
            throw ArchiveError.malformed(offset: 0, reason: "empty file: no warcinfo record")
        }
        return ArchiveContents(info: info, targets: assembler.targets, resources: assembler.resources)
    }
}
