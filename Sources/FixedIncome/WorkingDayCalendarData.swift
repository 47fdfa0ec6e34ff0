/// The holidays, make-up working days and market closures of the years a
/// calendar holds, read from text (one line a span, below), so that a year
/// is added by a file, never by code.
///
///     # comments and blank lines are skipped
///     kind,from,to,markets,name,source
///     year,2024,,,,国务院办公厅关于2024年部分节假日安排的通知
///     holiday,2024-02-10,2024-02-17,,春节 Spring Festival,
///     workday,2024-02-04,,,春节 Spring Festival,
///     closure,2024-12-31,,exchange,year-end closure,
///
/// `year` names a year whose notice the data holds, with its source;
/// `holiday` spans are off; `workday` dates are weekend days worked
/// (调休上班); `closure` spans close the markets named (`exchange`,
/// `interbank`, separated by `;`) on days otherwise worked. `to` may be
/// empty for a single day.
public struct WorkingDayCalendarData: Sendable {
    /// The years held, with the notice each comes from.
    public private(set) var sources: [Int: String] = [:]
    public private(set) var holidays: [CivilDate: String] = [:]
    public private(set) var makeUpDays: [CivilDate: String] = [:]
    public private(set) var closures: [WorkingDayCalendar.Market: [CivilDate: String]] = [:]

    /// The years held.
    public var years: Set<Int> { Set(sources.keys) }

    /// The first and last years held.
    public var heldYears: ClosedRange<Int>? { sources.keys.min().map { $0...sources.keys.max()! } }

    public init() {}

    /// Reads calendar text.
    ///
    /// - Throws: ``CalendarError/badLine(_:_:)`` naming the first line that
    ///   cannot be read.
    public init(text: String) throws(CalendarError) {
        try add(text)
    }

    /// Adds the spans of `text`; a year held already is replaced whole.
    public mutating func add(_ text: String) throws(CalendarError) {
        var read = WorkingDayCalendarData()
        var sawHeader = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let number = index + 1
            if line.allSatisfy({ $0 == " " }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingSpaces
            }
            if !sawHeader {
                guard fields.prefix(4) == ["kind", "from", "to", "markets"] else {
                    throw .badLine(number, "expected the header kind,from,to,markets,name,source")
                }
                sawHeader = true
                continue
            }
            guard fields.count >= 4 else { throw .badLine(number, "expected kind,from,to,markets,name,source") }
            let name = fields.count > 4 ? fields[4] : ""
            let source = fields.count > 5 ? fields[5...].joined(separator: ",") : ""
            switch fields[0] {
            case "year":
                guard let year = Int(fields[1]), CivilDate.years.contains(year) else {
                    throw .badLine(number, "'\(fields[1])' is not a year")
                }
                read.sources[year] = source.isEmpty ? "unnamed notice" : source
            case "holiday", "workday", "closure":
                guard let from = CivilDate(parsing: fields[1]) else {
                    throw .badLine(number, "'\(fields[1])' is not a YYYY-MM-DD date")
                }
                let to = fields[2].isEmpty ? from : CivilDate(parsing: fields[2])
                guard let to, to >= from, from.days(to: to) < 366 else {
                    throw .badLine(number, "'\(fields[2])' is not a date from \(from) within a year")
                }
                var day = from
                while day <= to {
                    switch fields[0] {
                    case "holiday": read.holidays[day] = name
                    case "workday":
                        guard day.weekday == 0 || day.weekday == 6 else {
                            throw .badLine(number, "\(day) is a weekday: a make-up working day is a Saturday or Sunday")
                        }
                        read.makeUpDays[day] = name
                    default:
                        let markets = fields[3].split(separator: ";").map { String($0).trimmingSpaces }
                        guard !markets.isEmpty else { throw .badLine(number, "a closure names its markets") }
                        for text in markets {
                            guard let market = WorkingDayCalendar.Market(rawValue: text), market != .national else {
                                throw .badLine(number, "'\(text)' is not exchange or interbank")
                            }
                            read.closures[market, default: [:]][day] = name
                        }
                    }
                    day = day.adding(days: 1)!
                }
            default:
                throw .badLine(number, "'\(fields[0])' is not year, holiday, workday or closure")
            }
        }
        // A year read replaces what was held of it.
        for year in read.years {
            sources[year] = read.sources[year]
            holidays = holidays.filter { $0.key.year != year }
            makeUpDays = makeUpDays.filter { $0.key.year != year }
            for market in closures.keys { closures[market] = closures[market]!.filter { $0.key.year != year } }
        }
        holidays.merge(read.holidays) { _, new in new }
        makeUpDays.merge(read.makeUpDays) { _, new in new }
        for (market, days) in read.closures { closures[market, default: [:]].merge(days) { _, new in new } }
    }
}

extension CivilDate {
    /// The date of `YYYY-MM-DD` text, `nil` for any other text.
    init?(parsing text: String) {
        var bytes = Array(text.utf8)
        guard let date = bytes.withUnsafeMutableBufferPointer({ CivilDate(parsingISO8601: UnsafeBufferPointer($0)) })
        else { return nil }
        self = date
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
