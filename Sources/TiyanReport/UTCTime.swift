import Foundation

/// UTC calendar fields of a date, whole seconds. Run ids and run.json must not depend on the
/// machine's time zone or locale, and cron hosts in China run on UTC+8.
struct UTCTime {
    var year, month, day, hour, minute, second: Int

    init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let fields = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        year = fields.year ?? 1970
        month = fields.month ?? 1
        day = fields.day ?? 1
        hour = fields.hour ?? 0
        minute = fields.minute ?? 0
        second = fields.second ?? 0
    }

    /// `2026-11-23T02:00:00Z`
    var iso8601: String {
        pad(year, 4) + "-" + pad(month) + "-" + pad(day) + "T" + pad(hour) + ":" + pad(minute) + ":" + pad(second) + "Z"
    }

    /// `20261123T020000Z`: the ISO 8601 basic format, safe in file names and sorting by time.
    var basic: String {
        pad(year, 4) + pad(month) + pad(day) + "T" + pad(hour) + pad(minute) + pad(second) + "Z"
    }

    fileprivate func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension UTCTime {
    /// `2026-11-23 10:00:00 北京时间`: China Standard Time is UTC+8 all year (no daylight saving
    /// since 1991), so the offset is fixed rather than taken from a zone database.
    static func beijing(_ date: Date) -> String {
        let local = UTCTime(date.addingTimeInterval(8 * 3600))
        return local.pad(local.year, 4) + "-" + local.pad(local.month) + "-" + local.pad(local.day) + " "
            + local.pad(local.hour) + ":" + local.pad(local.minute) + ":" + local.pad(local.second) + " 北京时间"
    }
}
