import FixedIncome

/// A moment the registry is read as of, as the registry records moments
/// (UTC, `YYYY-MM-DDTHH:MM:SSZ`): a day means its end in China Standard
/// Time (UTC+8). Made from validated dates and times only, so that its text
/// can stand in SQL.
public struct KnownMoment: Sendable, Hashable {
    /// The moment as the registry writes moments.
    public let text: String
    /// The day it falls on in Beijing: what dated rows are compared with.
    public let date: CivilDate

    /// The last second of `date` in Beijing: 15:59:59 UTC.
    public init(endOf date: CivilDate) {
        self.init(text: date.iso8601 + "T15:59:59Z", date: date)
    }

    private init(text: String, date: CivilDate) {
        self.text = text
        self.date = date
    }

    /// A day (`2026-09-30`, its end in Beijing) or a moment in UTC
    /// (`2026-09-30T08:15:00Z`); nil for anything else.
    public init?(_ given: String) {
        if let day = try? CivilDate(iso8601: given) {
            self.init(endOf: day)
            return
        }
        let parts = given.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = try? CivilDate(iso8601: String(parts[0])), parts[1].hasSuffix("Z") else {
            return nil
        }
        let clock = parts[1].dropLast().split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
            (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second)
        else { return nil }
        self.init(text: given, date: hour >= 16 ? day.adding(days: 1) ?? day : day)
    }

    /// Now, to the second.
    public static var now: KnownMoment { KnownMoment(AuditEntry.now)! }
}
