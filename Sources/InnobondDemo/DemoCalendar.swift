import FixedIncome

/// Working days of the demo market: Monday to Friday, without the main
/// public holidays (New Year, the Spring Festival week, Labour Day, the
/// National Day week). An approximation of the CIBM calendar, good enough
/// for daily demo series.
enum DemoCalendar {
    /// First day of the Spring Festival holiday week, by year.
    static let springFestival: [Int: (month: Int, day: Int)] = [
        2022: (1, 31), 2023: (1, 21), 2024: (2, 10), 2025: (1, 28), 2026: (2, 15),
    ]

    static func isWorkingDay(_ date: CivilDate) -> Bool {
        let weekday = ((date.dayNumber % 7) + 7 + 4) % 7  // 0 is Sunday; 1970-01-01 was a Thursday
        guard weekday != 0 && weekday != 6 else { return false }
        switch (date.month, date.day) {
        case (1, 1), (5, 1...5), (10, 1...7): return false
        default: break
        }
        if let start = springFestival[date.year],
            let first = CivilDate(year: date.year, month: start.month, day: start.day)
        {
            let offset = first.days(to: date)
            if (0..<7).contains(offset) { return false }
        }
        return true
    }

    /// The working days from `start` through `end`.
    static func workingDays(from start: CivilDate, through end: CivilDate) -> [CivilDate] {
        var days: [CivilDate] = []
        var day = start
        while day <= end {
            if isWorkingDay(day) { days.append(day) }
            day = day.adding(days: 1)!
        }
        return days
    }
}
