import Testing

@testable import FixedIncome

/// China's working days against the State Council's notices as the
/// project's domain notes give them (2024, 2025, 2026), and clocks counted
/// across Spring Festival and National Day by hand.
@Suite struct WorkingDayCalendarTests {
    /// The domain notes' table: holidays (inclusive spans) and make-up
    /// working days, by year.
    static let published: [(year: Int, holidays: [(String, String)], makeUp: [String])] = [
        (
            2024,
            [
                ("2024-01-01", "2024-01-01"), ("2024-02-10", "2024-02-17"), ("2024-04-04", "2024-04-06"),
                ("2024-05-01", "2024-05-05"), ("2024-06-10", "2024-06-10"), ("2024-09-15", "2024-09-17"),
                ("2024-10-01", "2024-10-07"),
            ],
            [
                "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
                "2024-10-12",
            ]
        ),
        (
            2025,
            [
                ("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"),
                ("2025-05-01", "2025-05-05"), ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08"),
            ],
            ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]
        ),
        (
            2026,
            [
                ("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"),
                ("2026-05-01", "2026-05-05"), ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"),
                ("2026-10-01", "2026-10-07"),
            ],
            ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
        ),
    ]

    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    /// Every day of 2024 to 2026: off on the published holidays, on on the
    /// make-up days, else on from Monday to Friday.
    @Test(arguments: published.map(\.year))
    func everyDayOfTheYearIsAsPublished(_ year: Int) throws {
        let entry = Self.published.first { $0.year == year }!
        var holidays = Set<CivilDate>()
        for (from, to) in entry.holidays {
            var day = Self.date(from)
            while day <= Self.date(to) {
                holidays.insert(day)
                day = day.adding(days: 1)!
            }
        }
        let makeUp = Set(entry.makeUp.map(Self.date))
        let national = WorkingDayCalendar(market: .national)
        let exchange = WorkingDayCalendar(market: .exchange)
        var day = CivilDate(year: year, month: 1, day: 1)!
        var working = 0
        while day.year == year {
            let weekend = day.weekday == 0 || day.weekday == 6
            let expected = makeUp.contains(day) || (!weekend && !holidays.contains(day))
            #expect(try national.isBusinessDay(day) == expected, "\(day)")
            // The exchanges never trade on a weekend, make-up days included.
            #expect(try exchange.isBusinessDay(day) == (expected && !weekend), "\(day)")
            if expected { working += 1 }
            day = day.adding(days: 1)!
        }
        // 365 or 366 days, 104 or so weekend days, the holidays that fall on
        // weekdays off, the make-up days on.
        #expect(working > 240 && working < 252)
    }

    @Test func aYearWithoutANoticeIsAnError() {
        #expect(throws: CalendarError.yearNotHeld(2030, held: 2022...2026)) {
            _ = try WorkingDayCalendar().isBusinessDay(CivilDate(year: 2030, month: 3, day: 4)!)
        }
    }

    /// Across the 2025 Spring Festival (28 January to 4 February off, Sunday
    /// 26 January and Saturday 8 February worked).
    @Test func clocksAcrossSpringFestival() throws {
        let national = WorkingDayCalendar(market: .national)
        let exchange = WorkingDayCalendar(market: .exchange)
        let friday = Self.date("2025-01-24")
        #expect(try national.advance(friday, by: 1) == Self.date("2025-01-26"))
        #expect(try exchange.advance(friday, by: 1) == Self.date("2025-01-27"))
        #expect(try national.advance(friday, by: 3) == Self.date("2025-02-05"))
        #expect(try national.workingDays(from: Self.date("2025-01-27"), to: Self.date("2025-02-05")) == 1)
        #expect(try national.workingDays(from: Self.date("2025-02-05"), to: Self.date("2025-01-27")) == -1)
        // Ten working days from Monday 3 February: the 5th, 6th, 7th, the
        // make-up Saturday 8th, then 10th to 14th and the 17th.
        #expect(try national.advance(Self.date("2025-02-03"), by: 10) == Self.date("2025-02-17"))
        #expect(try exchange.advance(Self.date("2025-02-03"), by: 10) == Self.date("2025-02-18"))
        // Backwards from the 17th: the 14th to 10th, the 8th to 5th, then
        // over the holiday to Monday 27 January.
        #expect(try national.advance(Self.date("2025-02-17"), by: -10) == Self.date("2025-01-27"))
    }

    /// Across the 2024 National Day (1 to 7 October off, Sunday 29
    /// September and Saturday 12 October worked).
    @Test func clocksAcrossNationalDay() throws {
        let national = WorkingDayCalendar(market: .national)
        let exchange = WorkingDayCalendar(market: .exchange)
        let start = Self.date("2024-09-27")
        #expect(try national.advance(start, by: 10) == Self.date("2024-10-16"))
        #expect(try exchange.advance(start, by: 10) == Self.date("2024-10-18"))
        #expect(try national.workingDays(from: start, to: Self.date("2024-10-16")) == 10)
        #expect(try exchange.workingDays(from: start, to: Self.date("2024-10-16")) == 8)
        // Thirty days after discovery, in working days and calendar days.
        #expect(try national.workingDays(from: start, to: start.adding(days: 30)!) == 17)
        #expect(try national.advance(start, by: 0) == start)
        #expect(try national.advance(Self.date("2024-10-05"), by: 0) == Self.date("2024-10-08"))
    }

    @Test func rollConventions() throws {
        let calendar = WorkingDayCalendar()
        let saturday = Self.date("2026-01-31")
        #expect(try calendar.adjust(saturday, .following) == Self.date("2026-02-02"))
        #expect(try calendar.adjust(saturday, .modifiedFollowing) == Self.date("2026-01-30"))
        #expect(try calendar.adjust(saturday, .preceding) == Self.date("2026-01-30"))
        #expect(try calendar.adjust(Self.date("2026-02-01"), .modifiedPreceding) == Self.date("2026-02-02"))
        #expect(try calendar.adjust(saturday, .unadjusted) == saturday)
        // The make-up Saturday is a working day: nothing to roll.
        #expect(try calendar.adjust(Self.date("2026-02-14"), .following) == Self.date("2026-02-14"))
    }

    /// A later year comes as a file; a year read again replaces the old.
    @Test func aCalendarFileAddsAYear() throws {
        var data = WorkingDayCalendarData.china
        try data.add(
            """
            kind,from,to,markets,name,source
            year,2027,,,,a test notice
            holiday,2027-01-01,,,元旦 New Year's Day,
            workday,2027-01-02,,,元旦 New Year's Day,
            closure,2027-01-04,,exchange,test closure,
            """)
        let national = WorkingDayCalendar(market: .national, data: data)
        let exchange = WorkingDayCalendar(market: .exchange, data: data)
        #expect(try national.day(Self.date("2027-01-01")).status == .holiday)
        #expect(try national.day(Self.date("2027-01-02")).status == .makeUpWorkingDay)
        #expect(try exchange.day(Self.date("2027-01-02")).status == .makeUpDayClosed)
        #expect(try exchange.day(Self.date("2027-01-04")).status == .closure)
        #expect(try national.isBusinessDay(Self.date("2027-01-04")))
        #expect(try national.isBusinessDay(Self.date("2026-10-09")))
        #expect(
            throws: CalendarError.badLine(3, "2027-01-05 is a weekday: a make-up working day is a Saturday or Sunday")
        ) {
            var broken = data
            try broken.add("kind,from,to,markets,name,source\nyear,2027,,,,x\nworkday,2027-01-05,,,x,\n")
        }
    }

    @Test func interbankOnMakeUpDaysIsASetting() throws {
        let open = WorkingDayCalendar(market: .interbank)
        let closed = WorkingDayCalendar(market: .interbank, interbankWorksOnMakeUpDays: false)
        #expect(try open.isBusinessDay(Self.date("2025-01-26")))
        #expect(try !closed.isBusinessDay(Self.date("2025-01-26")))
    }
}
