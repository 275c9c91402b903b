import Foundation

/// A calendar date without time or zone. Dates on Chinese portals are Beijing dates; China keeps
/// UTC+8 all year (no DST since 1991), so a fixed offset gives the same answer as Asia/Shanghai
/// without depending on the machine's tz database.
struct CivilDate: Hashable, Comparable, CustomStringConvertible {
    var year: Int
    var month: Int
    var day: Int

    static let beijingOffsetSeconds = 8 * 3600

    /// nil for impossible dates such as 2025-02-30, and for years outside 1…9999: a page's
    /// digits would otherwise overflow the day arithmetic (a trap, not a wrong date).
    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The Beijing calendar date of an instant.
    init(beijingDateOf instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + Self.beijingOffsetSeconds
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        (year, month, day) = Self.civil(fromDays: days)
    }

    var dayNumber: Int { Self.days(fromYear: year, month: month, day: day) }

    func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
    static func days(fromYear y: Int, month m: Int, day d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z: Int) -> (Int, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
