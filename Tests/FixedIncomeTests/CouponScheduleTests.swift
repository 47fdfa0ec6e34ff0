import Testing

@testable import FixedIncome

@Suite struct CouponScheduleTests {
    func schedule(_ issue: String, _ maturity: String, _ frequency: Frequency) throws -> CouponSchedule {
        try CouponSchedule(issueDate: date(issue), maturityDate: date(maturity), frequency: frequency)
    }

    @Test func regularScheduleFromAnIssueDateOnTheGrid() throws {
        let schedule = try schedule("2025-05-25", "2035-05-25", .semiannual)
        #expect(schedule.periodCount == 20)
        #expect(schedule.isFirstPeriodRegular)
        let first = schedule.period(0)
        #expect(first.start == date("2025-05-25") && first.end == date("2025-11-25"))
        #expect(first.isRegular)
        #expect(schedule.periods.last?.end == date("2035-05-25"))
        // Consecutive periods share their boundaries.
        for (earlier, later) in zip(schedule.periods, schedule.periods.dropFirst()) {
            #expect(earlier.end == later.start)
        }
    }

    /// Quarterly from 2028-06-30 back: 03-30 (clamped from maturity's day 30
    /// in a 31-day month stays 30), ..., 2025-03-30 after the issue date
    /// 2025-03-14, 2024-12-30 before it. So a stub 2025-03-14..2025-03-30 with
    /// reference 2024-12-30..2025-03-30, then 13 regular quarters.
    @Test func shortFirstStub() throws {
        let schedule = try schedule("2025-03-14", "2028-06-30", .quarterly)
        #expect(schedule.periodCount == 14)
        #expect(!schedule.isFirstPeriodRegular)
        let stub = schedule.period(0)
        #expect(stub.start == date("2025-03-14"))
        #expect(stub.end == date("2025-03-30"))
        #expect(stub.referenceStart == date("2024-12-30"))
        #expect(stub.referenceEnd == date("2025-03-30"))
        #expect(!stub.isRegular)
        #expect(schedule.period(1).start == date("2025-03-30") && schedule.period(1).end == date("2025-06-30"))
    }

    /// Each date is maturity minus k periods, not the previous date minus one:
    /// from 2030-08-31, 2030-02-28 and then 2029-08-31 again (not 08-28).
    @Test func datesComeFromMaturityDirectly() throws {
        let schedule = try schedule("2029-09-15", "2030-08-31", .semiannual)
        #expect(schedule.couponDate(periodsBeforeMaturity: 1) == date("2030-02-28"))
        #expect(schedule.periodCount == 2)
        let stub = schedule.period(0)
        #expect(stub.end == date("2030-02-28"))
        // The stub's reference period is its end minus six months: 2029-08-28.
        #expect(stub.referenceStart == date("2029-08-28"))
        let long = try self.schedule("2020-08-31", "2030-08-31", .semiannual)
        #expect(long.couponDate(periodsBeforeMaturity: 2) == date("2029-08-31"))
        #expect(long.couponDate(periodsBeforeMaturity: 3) == date("2029-02-28"))
        #expect(long.couponDate(periodsBeforeMaturity: 13) == date("2024-02-29"))
        #expect(long.isFirstPeriodRegular && long.periodCount == 20)
    }

    @Test func aBondShorterThanAPeriodIsOneStub() throws {
        let schedule = try schedule("2025-09-01", "2026-05-28", .annual)
        #expect(schedule.periodCount == 1)
        #expect(schedule.period(0).referenceStart == date("2025-05-28"))
        let sameMonth = try self.schedule("2025-01-10", "2025-01-20", .monthly)
        #expect(sameMonth.periodCount == 1)
        #expect(sameMonth.period(0).referenceStart == date("2024-12-20"))
    }

    @Test func periodHoldingADate() throws {
        let schedule = try schedule("2025-03-14", "2028-06-30", .quarterly)
        #expect(schedule.periodIndex(containing: date("2025-03-14")) == 0)
        #expect(schedule.periodIndex(containing: date("2025-03-29")) == 0)
        // A coupon date starts the next period.
        #expect(schedule.periodIndex(containing: date("2025-03-30")) == 1)
        #expect(schedule.periodIndex(containing: date("2028-06-29")) == 13)
        #expect(schedule.periodIndex(containing: date("2028-06-30")) == nil)
        #expect(schedule.periodIndex(containing: date("2025-03-13")) == nil)
    }

    @Test func maturityMustFollowIssue() {
        #expect(throws: FixedIncomeError.maturityNotAfterIssue(issue: date("2025-01-01"), maturity: date("2025-01-01")))
        {
            try schedule("2025-01-01", "2025-01-01", .annual)
        }
    }
}

/// The incremental walk gives the same dates, day numbers and 30/360 days as
/// computing each coupon date from maturity, across month ends, leap years,
/// the century years of 400-year eras (1600, 2000, 2400) and the ends of the
/// calendar, at every frequency.
@Suite struct CouponDateWalkTests {
    @Test(arguments: Frequency.allCases)
    func walkMatchesTheSchedule(frequency: Frequency) throws {
        let spans = [
            ("1901-01-01", "2100-08-31"), ("1901-01-01", "2099-02-28"), ("1901-01-01", "2096-02-29"),
            ("1901-01-01", "2080-03-30"), ("1901-01-01", "2071-01-15"), ("1901-01-01", "2050-12-31"),
            ("1590-11-30", "2410-08-31"), ("1599-06-15", "2001-02-28"), ("0001-05-31", "0420-05-31"),
            ("9500-01-01", "9999-12-31"),
        ]
        for (issue, maturity) in spans {
            let schedule = try CouponSchedule(
                issueDate: date(issue), maturityDate: date(maturity), frequency: frequency)
            var walk = CouponDateWalk(schedule: schedule, from: schedule.period(0).end)
            var thirty360Walk = walk
            for index in 1..<schedule.periodCount {
                let expected = schedule.period(index).end
                walk.advance()
                #expect(walk.date == expected)
                #expect(walk.dayNumber == expected.dayNumber)
                #expect(walk.noLeapDayNumber == DayCount.noLeapDayNumber(expected))
                let days = thirty360Walk.advanceThirty360Days()
                #expect(days == DayCount.thirty360Days(from: schedule.period(index).start, to: expected))
            }
        }
    }
}
