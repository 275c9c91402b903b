import Foundation

/// WARC-Date values: ISO 8601 in UTC with microseconds (W3C-DTF allows a decimal fraction).
/// Formatted by hand so the output never depends on a locale, a time zone or formatter quirks.
enum WARCDate {
    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: W3C-DTF has four-digit years.
    private static let earliest: TimeInterval = -62_167_219_200
    private static let latest: TimeInterval = 253_402_300_799

    static func string(from date: Date) -> String {
        var time = date.timeIntervalSince1970
        if !time.isFinite { time = 0 }
        time = min(max(time, earliest), latest)
        let whole = time.rounded(.down)
        let micros = min(999_999, Int(((time - whole) * 1_000_000).rounded(.down)))
        let seconds = Int64(whole)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civil(fromDays: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(secondOfDay / 3600, 2) + ":"
            + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2) + "." + pad(micros, 6) + "Z"
    }

    /// Howard Hinnant's days-to-civil conversion (proleptic Gregorian calendar).
    private static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
