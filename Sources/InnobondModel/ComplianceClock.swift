import FixedIncome

/// One legal clock of a compliance case under the blocking rules (MOFCOM
/// Order No. 1 of 2021): the report to MOFCOM, due 30 days after the case
/// is discovered (Art. 5), and MOFCOM's decision on an exemption, due 30
/// days after the application (Art. 8).
///
/// A period of days counts from the day after its event, and when its last
/// day is not a working day the period ends on the next working day (Civil
/// Code Arts. 201 and 203): a weekend or public holiday moves the deadline,
/// a make-up working day does not. Working days are the State Council's
/// (``WorkingDayCalendar/Market/national``); in a year the calendar does not
/// hold, Saturdays and Sundays alone are rest days, and ``calendarHeld``
/// says so. A clock still running is overdue from the day after its
/// deadline.
public struct ComplianceClock: Sendable, Hashable {
    public enum Name: String, Sendable, CaseIterable {
        /// The case's report to MOFCOM.
        case report
        /// MOFCOM's decision on the case's application for an exemption.
        case exemptionDecision = "exemption_decision"

        /// The clock in words.
        public var label: String {
            switch self {
            case .report: return "report to MOFCOM"
            case .exemptionDecision: return "exemption decision"
            }
        }
    }

    /// Where a clock stands on a day.
    public enum Status: String, Sendable, CaseIterable {
        /// Not yet met, the deadline not yet passed.
        case running
        /// Not met, and the deadline has passed.
        case overdue
        /// Met on or before the deadline.
        case met
        /// Met after the deadline.
        case late
        /// Decided (an exemption granted or denied); the decision's date is not recorded.
        case decided
        /// The case left the clock's states unmet (closed without a report).
        case stopped
    }

    /// The days each clock runs.
    public static let periodDays = 30

    public var name: Name
    /// The event that starts it: discovery, or the exemption application.
    public var started: CivilDate
    /// The period's last day before rolling: `started` + 30 days.
    public var lastDay: CivilDate
    /// The deadline: `lastDay`, or the next working day when it is not one.
    public var due: CivilDate
    /// When it was met (the report's date), if recorded by the day asked about.
    public var metOn: CivilDate?
    public var status: Status
    /// Days from the day asked about to the deadline (negative when past).
    public var daysLeft: Int
    /// Whether the working-day calendar holds every year the deadline was counted in.
    public var calendarHeld: Bool

    /// Whether the clock demands attention: overdue.
    public var isOverdue: Bool { status == .overdue }

    /// The deadline of a period of ``periodDays`` started on `started`.
    ///
    /// - Returns: the deadline, and whether the calendar held its year.
    public static func deadline(from started: CivilDate, calendar: WorkingDayCalendar) -> (
        lastDay: CivilDate, due: CivilDate, calendarHeld: Bool
    ) {
        let lastDay = started.adding(days: periodDays) ?? started
        if let due = try? calendar.adjust(lastDay, .following) { return (lastDay, due, true) }
        var due = lastDay
        while due.weekday == 0 || due.weekday == 6, let next = due.adding(days: 1) { due = next }
        return (lastDay, due, false)
    }

    init(
        _ name: Name, started: CivilDate, metOn: CivilDate?, decided: Bool, stopped: Bool, on day: CivilDate,
        calendar: WorkingDayCalendar
    ) {
        self.name = name
        self.started = started
        self.metOn = metOn.flatMap { $0 <= day ? $0 : nil }
        (lastDay, due, calendarHeld) = Self.deadline(from: started, calendar: calendar)
        daysLeft = due.dayNumber - day.dayNumber
        if let metOn = self.metOn {
            status = metOn <= due ? .met : .late
        } else if decided {
            status = .decided
        } else if stopped {
            status = .stopped
        } else {
            status = day > due ? .overdue : .running
        }
    }
}

extension ComplianceCase {
    /// The case's clocks on `day`: the report's always, the exemption
    /// decision's once the case has applied for one.
    public func clocks(on day: CivilDate, calendar: WorkingDayCalendar) -> [ComplianceClock] {
        let awaitingReport: Set<State> = [.detected, .assessing, .reportDue]
        var clocks = [
            ComplianceClock(
                .report, started: discovered, metOn: reported, decided: false,
                stopped: reported == nil && !awaitingReport.contains(state), on: day, calendar: calendar)
        ]
        if let exemptionFiled {
            clocks.append(
                ComplianceClock(
                    .exemptionDecision, started: exemptionFiled, metOn: nil, decided: state != .exemptionRequested,
                    stopped: false, on: day, calendar: calendar))
        }
        return clocks
    }
}
