import FixedIncome
import InnobondModel
import Testing

/// The blocking rules' 30-day clocks. Expected deadlines are worked by hand:
/// the period's last day is the event's date plus 30 days, moved to the next
/// working day of the State Council's calendar (DOMAIN.md, "Working days")
/// when it is a weekend or public holiday (Civil Code Arts. 201, 203).
@Suite struct ComplianceClockTests {
    let calendar = WorkingDayCalendar(market: .national)

    func date(_ text: String) throws -> CivilDate { try CivilDate(iso8601: text) }

    func aCase(
        discovered: String, reported: String? = nil, exemptionFiled: String? = nil,
        state: ComplianceCase.State = .assessing
    ) throws -> ComplianceCase {
        ComplianceCase(
            caseID: "C-1", uscc: try USCC("91350100M000100Y43"), jurisdiction: "United States",
            citation: "FR 2024-28267",
            discovered: try date(discovered), reported: try reported.map(date),
            exemptionFiled: try exemptionFiled.map(date),
            legalBasis: "MOFCOM Order No. 1 of 2021", state: state)
    }

    @Test(arguments: [
        // A month end and a Sunday: 31 January + 30 days is Sunday 2 March.
        ("2025-01-31", "2025-03-02", "2025-03-03"),
        // The Spring Festival: 1 February 2025 is inside 28 January – 4 February.
        ("2025-01-02", "2025-02-01", "2025-02-05"),
        // A make-up working day counts: Saturday 11 October 2025 is one.
        ("2025-09-11", "2025-10-11", "2025-10-11"),
        // National Day: 1–8 October 2025 off.
        ("2025-09-01", "2025-10-01", "2025-10-09"),
        // A leap day, a Thursday, is a working day.
        ("2024-01-30", "2024-02-29", "2024-02-29"),
        // New Year 2026 (1–3 January off) ends on Sunday 4 January, a make-up working day.
        ("2025-12-02", "2026-01-01", "2026-01-04"),
    ])
    func deadlinesMoveOffRestDays(started: String, lastDay: String, due: String) throws {
        let deadline = ComplianceClock.deadline(from: try date(started), calendar: calendar)
        #expect(deadline.lastDay == (try date(lastDay)))
        #expect(deadline.due == (try date(due)))
        #expect(deadline.calendarHeld)
    }

    @Test func outsideTheCalendarOnlyWeekendsMoveADeadline() throws {
        // 4 January 2030 + 30 days is Sunday 3 February; 2030's notice is not held.
        let deadline = ComplianceClock.deadline(from: try date("2030-01-04"), calendar: calendar)
        #expect(deadline.due == (try date("2030-02-04")))
        #expect(!deadline.calendarHeld)
    }

    @Test func theReportIsOverdueFromTheDayAfterItsDeadline() throws {
        let open = try aCase(discovered: "2025-01-02")
        let onDue = open.clocks(on: try date("2025-02-05"), calendar: calendar)
        #expect(onDue.map(\.name) == [.report])
        #expect(onDue[0].status == .running && onDue[0].daysLeft == 0)
        // During the holiday the period has ended but the deadline has not passed.
        #expect(open.clocks(on: try date("2025-02-03"), calendar: calendar)[0].status == .running)
        let after = open.clocks(on: try date("2025-02-06"), calendar: calendar)[0]
        #expect(after.status == .overdue && after.isOverdue && after.daysLeft == -1)
    }

    @Test func aReportIsMetOrLateByItsDate() throws {
        let onTime = try aCase(discovered: "2025-01-02", reported: "2025-02-05", state: .reported)
        #expect(onTime.clocks(on: try date("2025-06-01"), calendar: calendar)[0].status == .met)
        let late = try aCase(discovered: "2025-01-02", reported: "2025-02-06", state: .reported)
        #expect(late.clocks(on: try date("2025-06-01"), calendar: calendar)[0].status == .late)
        // Asked about a day before the report, the clock had not been met.
        let before = late.clocks(on: try date("2025-02-06"), calendar: calendar)[0]
        let reportedOn = try date("2025-02-06")
        #expect(before.status == .late && before.metOn == reportedOn)
        let earlier = late.clocks(on: try date("2025-02-04"), calendar: calendar)[0]
        #expect(earlier.status == .running && earlier.metOn == nil)
        // A case closed without a report stops the clock rather than running it over.
        let closed = try aCase(discovered: "2025-01-02", state: .closed)
        #expect(closed.clocks(on: try date("2025-06-01"), calendar: calendar)[0].status == .stopped)
    }

    @Test func anExemptionDecisionIsDueThirtyDaysAfterTheApplication() throws {
        let requested = try aCase(
            discovered: "2025-11-01", reported: "2025-11-20", exemptionFiled: "2025-12-02",
            state: .exemptionRequested)
        let onDue = requested.clocks(on: try date("2026-01-04"), calendar: calendar)
        #expect(onDue.map(\.name) == [.report, .exemptionDecision])
        let due = try date("2026-01-04")
        #expect(onDue[1].due == due && onDue[1].status == .running)
        #expect(requested.clocks(on: try date("2026-01-05"), calendar: calendar)[1].status == .overdue)
        var granted = requested
        granted.state = .granted
        #expect(granted.clocks(on: try date("2026-01-05"), calendar: calendar)[1].status == .decided)
    }
}
