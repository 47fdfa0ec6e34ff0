import FixedIncome
import InnobondInsights
import InnobondModel
import Testing

/// Trend classes at their thresholds: a linear series whose fitted change
/// over the window is exactly known, just inside and just outside each band.
@Suite struct TrendTests {
    /// Ten month-end points from June 2023 to March 2024 rising linearly by
    /// `change` from the first to the last, around `mean`.
    func series(change: Double, mean: Double = 4.6) -> [TimePoint] {
        let dates = (0..<10).map { MacroPeriod.month(2023 + ($0 + 5) / 12, ($0 + 5) % 12 + 1).lastDay }
        let span = Double(dates[0].days(to: dates[9]))
        let days = dates.map { Double(dates[0].days(to: $0)) }
        let meanDay = days.reduce(0, +) / 10
        return zip(dates, days).map { date, day in TimePoint(date: date, value: mean + change * (day - meanDay) / span)
        }
    }

    func trend(_ points: [TimePoint], _ kind: TrendKind) -> Trend? {
        Trend(points, kind: kind, endingOn: Sample.date("2024-03-31"))
    }

    static let epsilon = 1e-6

    @Test func fitsTheChangeAndTheWindow() throws {
        let result = try #require(trend(series(change: 0.42), .gap))
        #expect(abs(result.change - 0.42) < 1e-12)
        #expect(result.points == 10)
        #expect(result.window == DateRange(from: Sample.date("2023-06-01"), to: Sample.date("2024-03-31")))
        // Points before the window do not count.
        let longer = [TimePoint(date: Sample.date("2023-05-31"), value: 100)] + series(change: 0.42)
        #expect(trend(longer, .gap)?.change == result.change)
    }

    @Test(arguments: [
        (0.5 - epsilon, 4.6, TrendClass.narrowAndStable), (0.5 + epsilon, 4.6, .widening),
        (-0.5 + epsilon, 4.6, .narrowAndStable), (-0.5 - epsilon, 4.6, .narrowing),
        (0.0, 5.0 - epsilon, .narrowAndStable), (0.0, 5.0 + epsilon, .wideAndStable),
        (0.0, -4.9, .narrowAndStable), (0.0, 6.9, .wideAndStable),
    ])
    func gapClasses(change: Double, mean: Double, expected: TrendClass) {
        #expect(trend(series(change: change, mean: mean), .gap)?.trendClass == expected)
    }

    @Test(arguments: [
        (0.3 - epsilon, TrendClass.stable), (0.3 + epsilon, .accelerating), (-0.3 + epsilon, .stable),
        (-0.3 - epsilon, .decelerating),
    ])
    func growthClasses(change: Double, expected: TrendClass) {
        #expect(trend(series(change: change, mean: 9.5), .growth)?.trendClass == expected)
    }

    @Test(arguments: [
        (0.05 - epsilon, TrendClass.stable), (0.05 + epsilon, .rising), (-0.05 + epsilon, .stable),
        (-0.05 - epsilon, .gradualDecline), (-0.5 + epsilon, .gradualDecline), (-0.5 - epsilon, .sharpDecline),
    ])
    func yieldClasses(change: Double, expected: TrendClass) {
        // Yields in percent: 0.05 is 5 bp, 0.5 is 50 bp.
        #expect(trend(series(change: change, mean: 3.0), .yield)?.trendClass == expected)
    }

    @Test func tooFewPointsGiveNoTrend() {
        let points = Array(series(change: 1).suffix(2))
        #expect(trend(points, .growth) == nil)
        #expect(trend([], .growth) == nil)
        var thresholds = TrendThresholds()
        thresholds.minimumPoints = 2
        #expect(Trend(points, kind: .growth, endingOn: Sample.date("2024-03-31"), thresholds: thresholds) != nil)
    }
}
