import FixedIncome
import InnobondInsights
import InnobondModel

/// `/shield/cases`: compliance cases under the blocking rules with their
/// clocks on a day (``ComplianceClock``), overdue ones first.
struct CasesPage: Sendable {
    static let path = "/shield/cases"

    struct Row: Sendable {
        var id: String
        var issuer: String
        var issuerHref: String
        var citation: String
        var counterparty: String
        var state: String
        var discovered: String
        var clocks: [Clock]
        var overdue: Bool
        var claims: String
        var legalBasis: String
        var revision: String
        var next: String
    }

    struct Clock: Sendable {
        var label: String
        var due: String
        var status: String
        var overdue: Bool
        var detail: String
    }

    var layout: Layout
    var day: String
    var states: [BondListPage.Option]
    var overdueOnly: Bool
    var rows: [Row]
    var hasRows: Bool
    var summary: String
    var apiHref: String
    var csvHref: String

    /// The cases a query asks for, with their clocks on `day`: overdue
    /// first, then by discovery, newest first.
    static func cases(
        _ current: RegistryState.Current, day: CivilDate, state: ComplianceCase.State?, overdueOnly: Bool,
        calendar: WorkingDayCalendar
    ) -> [(ComplianceCase, [ComplianceClock])] {
        current.snapshot.records(ComplianceCase.self)
            .filter { state == nil || $0.state == state }
            .map { ($0, $0.clocks(on: day, calendar: calendar)) }
            .filter { !overdueOnly || $0.1.contains(where: \.isOverdue) }
            .sorted { left, right in
                let (a, b) = (left.1.contains(where: \.isOverdue), right.1.contains(where: \.isOverdue))
                if a != b { return a }
                return (left.0.discovered, left.0.caseID) > (right.0.discovered, right.0.caseID)
            }
    }

    init(
        current: RegistryState.Current, day: CivilDate, state: ComplianceCase.State?, overdueOnly: Bool,
        calendar: WorkingDayCalendar
    ) {
        layout = Layout("Compliance cases", section: .shield, current: current)
        layout.wide = true
        self.day = day.iso8601
        self.overdueOnly = overdueOnly
        states =
            [BondListPage.Option(value: "", label: "any", selected: state == nil)]
            + ComplianceCase.State.allCases.map {
                BondListPage.Option(
                    value: $0.rawValue, label: $0.rawValue.replacing("_", with: " "), selected: $0 == state)
            }
        let query =
            "as_of=\(day)" + (state.map { "&state=\($0.rawValue)" } ?? "") + (overdueOnly ? "&overdue=true" : "")
        apiHref = "/api/v1/cases?" + query
        csvHref = Self.path + ".csv?" + query
        let issuers = current.snapshot.issuersByCode
        let found = Self.cases(current, day: day, state: state, overdueOnly: overdueOnly, calendar: calendar)
        rows = found.map { record, clocks in
            Row(
                id: record.caseID, issuer: issuers[record.uscc]?.name ?? record.uscc.value,
                issuerHref: "/issuers/" + record.uscc.value, citation: record.citation,
                counterparty: record.counterparty ?? "", state: record.state.rawValue.replacing("_", with: " "),
                discovered: record.discovered.iso8601,
                clocks: clocks.map { clock in
                    Clock(
                        label: clock.name.label, due: clock.due.iso8601, status: clock.status.rawValue,
                        overdue: clock.isOverdue, detail: Self.detail(clock))
                }, overdue: clocks.contains(where: \.isOverdue),
                claims: record.claims.map { Format.millions($0.fen) } ?? "", legalBasis: record.legalBasis,
                revision: record.revision.map(String.init) ?? "",
                next: record.state.next.map { $0.rawValue.replacing("_", with: " ") }.joined(separator: ", "))
        }
        hasRows = !rows.isEmpty
        let overdue = rows.filter(\.overdue).count
        summary =
            "\(NumberText.count(rows.count, "case")) on \(day), \(overdue) with a clock overdue. A clock runs "
            + "\(ComplianceClock.periodDays) days from its event; a deadline on a weekend or public holiday moves "
            + "to the next working day of the State Council's calendar."
    }

    /// A clock's state in words: how long is left, or how late.
    static func detail(_ clock: ComplianceClock) -> String {
        var text: String
        switch clock.status {
        case .running: text = clock.daysLeft == 0 ? "due today" : NumberText.count(clock.daysLeft, "day") + " left"
        case .overdue: text = NumberText.count(-clock.daysLeft, "day") + " overdue"
        case .met: text = "met on \(clock.metOn!)"
        case .late: text = "met late on \(clock.metOn!)"
        case .decided: text = "decided"
        case .stopped: text = "closed without it"
        }
        if clock.due != clock.lastDay { text += "; the 30th day, \(clock.lastDay), is a rest day" }
        if !clock.calendarHeld { text += "; weekends only: the calendar does not hold the year" }
        return text
    }
}
