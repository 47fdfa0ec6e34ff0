import FixedIncome

/// What the working-day calendar answers, in the JSON of the command line
/// and of the API alike.
public enum CalendarAnswer {
    /// A day, its status and what it is for.
    public struct Day: Encodable, Sendable {
        public var date: CivilDate
        public var weekday: String
        public var market: String
        /// `working_day`, `make_up_working_day`, `weekend`, `make_up_day_closed`, `holiday` or `closure`.
        public var status: String
        public var workingDay: Bool
        /// The holiday's name, or the holiday a make-up day pays for.
        public var name: String?

        public init(_ day: WorkingDayCalendar.Day, market: WorkingDayCalendar.Market) {
            date = day.date
            weekday = CalendarAnswer.weekdays[day.date.weekday]
            self.market = market.rawValue
            status = day.status.rawValue
            workingDay = day.status.isWorkingDay
            name = day.name
        }

        /// The day in words: `2025-01-26 Sunday: make-up working day (春节 Spring Festival) [national]`.
        public var text: String {
            let status = WorkingDayCalendar.Status(rawValue: status)?.label ?? status
            return "\(date) \(weekday): \(status)\(name.map { " (\($0))" } ?? "") [\(market)]"
        }
    }

    /// The working days after `from` up to and including `to`.
    public struct Between: Encodable, Sendable {
        public var from: CivilDate
        public var to: CivilDate
        public var market: String
        public var workingDays: Int

        public init(from: CivilDate, to: CivilDate, market: WorkingDayCalendar.Market, workingDays: Int) {
            self.from = from
            self.to = to
            self.market = market.rawValue
            self.workingDays = workingDays
        }
    }

    /// The working day `workingDays` working days after `from`.
    public struct Added: Encodable, Sendable {
        public var from: CivilDate
        public var workingDays: Int
        public var market: String
        public var date: CivilDate

        public init(from: CivilDate, workingDays: Int, market: WorkingDayCalendar.Market, date: CivilDate) {
            self.from = from
            self.workingDays = workingDays
            self.market = market.rawValue
            self.date = date
        }
    }

    public static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
}
