import Foundation

/// A ZIP file of stored (uncompressed) entries, the container of an XLSX workbook. Stored
/// entries keep the writer small and exactly checkable; a workbook of a run is a few hundred KB,
/// so compression would save little. Names are UTF-8 (general-purpose flag bit 11).
struct ZipArchive {
    private var data = Data()
    private var central = Data()
    private var count = 0

    /// DOS date 1980-01-01 00:00: entries carry no time, so the same run exports the same bytes.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    mutating func add(_ name: String, _ content: Data) {
        let nameBytes = Data(name.utf8)
        let crc = CRC32.checksum(content)
        let offset = UInt32(truncatingIfNeeded: data.count)
        var local = Data()
        local.append(le32: 0x0403_4b50)
        local.append(le16: 20)
        local.append(le16: 0x0800)
        local.append(le16: 0)
        local.append(le16: Self.dosTime)
        local.append(le16: Self.dosDate)
        local.append(le32: crc)
        local.append(le32: UInt32(truncatingIfNeeded: content.count))
        local.append(le32: UInt32(truncatingIfNeeded: content.count))
        local.append(le16: UInt16(truncatingIfNeeded: nameBytes.count))
        local.append(le16: 0)
        local.append(nameBytes)
        data.append(local)
        data.append(content)

        central.append(le32: 0x0201_4b50)
        central.append(le16: 20)
        central.append(le16: 20)
        central.append(le16: 0x0800)
        central.append(le16: 0)
        central.append(le16: Self.dosTime)
        central.append(le16: Self.dosDate)
        central.append(le32: crc)
        central.append(le32: UInt32(truncatingIfNeeded: content.count))
        central.append(le32: UInt32(truncatingIfNeeded: content.count))
        central.append(le16: UInt16(truncatingIfNeeded: nameBytes.count))
        central.append(le16: 0)
        central.append(le16: 0)
        central.append(le16: 0)
        central.append(le16: 0)
        central.append(le32: 0)
        central.append(le32: offset)
        central.append(nameBytes)
        count += 1
    }

    /// The finished file: entries, central directory, end of central directory.
    func finished() -> Data {
        var out = data
        out.append(central)
        out.append(le32: 0x0605_4b50)
        out.append(le16: 0)
        out.append(le16: 0)
        out.append(le16: UInt16(truncatingIfNeeded: count))
        out.append(le16: UInt16(truncatingIfNeeded: count))
        out.append(le32: UInt32(truncatingIfNeeded: central.count))
        out.append(le32: UInt32(truncatingIfNeeded: data.count))
        out.append(le16: 0)
        return out
    }
}

/// CRC-32 (IEEE 802.3, reflected, as ZIP and gzip use it).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
