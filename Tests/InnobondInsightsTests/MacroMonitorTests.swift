import FixedIncome
import Foundation
import InnobondInsights
import InnobondModel
import Testing

/// Growth, gaps, vintages and averages of money series, on a handful of
/// observations modelled on the M1 definition change of January 2025.
@Suite struct MacroMonitorTests {
    typealias O = Sample

    /// M1 under the 2001 definition through December 2024 with published
    /// growth; under the 2025 definition, levels from January 2024 (a
    /// revision published with the January 2025 data) and growth from
    /// January 2025; the old definition also has a January 2025 level.
    static let m1 = [
        O.observation("M1", "2024-01", value: 63.3, yoy: 5.9, definition: "M1_2001", published: "2024-02-13"),
        O.observation("M1", "2024-12", value: 67.1, yoy: 1.2, definition: "M1_2001", published: "2025-01-13"),
        O.observation("M1", "2025-01", value: 61.0, definition: "M1_2001", published: "2025-02-13"),
        O.observation("M1", "2024-01", value: 105.1, definition: "M1_2025", published: "2025-02-14"),
        O.observation("M1", "2024-02", value: 106.0, definition: "M1_2025", published: "2025-02-14"),
        O.observation("M1", "2025-01", value: 106.6, yoy: 0.4, definition: "M1_2025", published: "2025-02-14"),
        O.observation("M1", "2025-02", value: 109.44, definition: "M1_2025", published: "2025-03-13"),
    ]
    static let m2 = [
        O.observation("M2", "2024-01", value: 297.6, yoy: 8.7, definition: "M2_2001", published: "2024-02-13"),
        O.observation("M2", "2024-12", value: 313.5, yoy: 7.3, definition: "M2_2001", published: "2025-01-13"),
        O.observation("M2", "2025-01", value: 318.52, yoy: 7.0, definition: "M2_2001", published: "2025-02-13"),
        O.observation("M2", "2025-02", value: 320.52, yoy: 7.0, definition: "M2_2001", published: "2025-03-13"),
    ]

    @Test func growthIsNeverComputedAcrossADefinitionChange() {
        let monitor = MacroMonitor(Self.m1)
        let growth = Dictionary(uniqueKeysWithValues: monitor.growth("M1").map { ($0.period.description, $0) })
        // 2024: the old definition's published rates (the new one has no level a year earlier).
        #expect(growth["2024-01"]?.valuePercent == 5.9 && growth["2024-01"]?.definition == "M1_2001")
        #expect(growth["2024-12"]?.definition == "M1_2001")
        // January 2025: the new definition's published rate, not 61.0 / 63.3 − 1 (old) nor
        // 106.6 / 63.3 − 1 (across the break).
        #expect(growth["2025-01"]?.valuePercent == 0.4 && growth["2025-01"]?.definition == "M1_2025")
        // February 2025: levels of the new definition only: 109.44 / 106.0 − 1.
        #expect(growth["2025-02"]?.method == .fromLevels)
        #expect(growth["2025-02"].map { abs($0.valuePercent - (109.44 / 106.0 - 1) * 100) < 1e-12 } == true)
        // No period anywhere has growth from levels of two definitions.
        let acrossBreak = (109.44 / 63.3 - 1) * 100
        #expect(monitor.growth("M1").allSatisfy { abs($0.valuePercent - acrossBreak) > 1 })
        #expect(growth.count == 4)
    }

    @Test func withoutThePublishedRateTheOldDefinitionUsesItsOwnLevels() {
        // Without the new definition's January 2025 figures, January 2025 growth comes
        // from the old definition's own levels: 61.0 / 63.3 − 1.
        let rows = Self.m1.filter { !($0.definition == "M1_2025" && $0.period == MacroPeriod("2025-01")!) }
        let growth = MacroMonitor(rows).growth("M1").first { $0.period == MacroPeriod("2025-01")! }
        #expect(growth?.definition == "M1_2001" && growth?.method == .fromLevels)
        #expect(growth.map { abs($0.valuePercent - (61.0 / 63.3 - 1) * 100) < 1e-12 } == true)
    }

    @Test func theGapIsBroadMinusNarrowGrowth() {
        let monitor = MacroMonitor(Self.m1 + Self.m2)
        let gap = monitor.gap()
        #expect(gap.map(\.period.description) == ["2024-01", "2024-12", "2025-01", "2025-02"])
        #expect(abs(gap[0].valuePercent - (8.7 - 5.9)) < 1e-12)
        #expect(abs(gap[2].valuePercent - (7.0 - 0.4)) < 1e-12)
        #expect(gap[2].definition == "M2_2001 − M1_2025" && gap[2].method == .published)
        #expect(gap[3].method == .fromLevels)
    }

    @Test func vintagesShowWhatWasKnownOnADate() {
        let first = O.observation(
            "TSF_stock", "2024-12", value: 408.34, yoy: 8.0, definition: "TSF_2019", published: "2025-01-13")
        let revised = O.observation(
            "TSF_stock", "2024-12", value: 408.71, yoy: 8.0, definition: "TSF_2019", published: "2025-02-14")
        let rows = [first, revised]
        #expect(MacroMonitor(rows).observations["TSF_stock"]?.map(\.value) == [408.71])
        #expect(MacroMonitor(rows, asOf: Sample.date("2025-02-13")).observations["TSF_stock"]?.map(\.value) == [408.34])
        #expect(MacroMonitor(rows, asOf: Sample.date("2025-01-12")).observations["TSF_stock"] == nil)
        #expect(MacroMonitor(rows).vintages["TSF_stock"]?.count == 2)
        // As known on 13 February 2025 the new M1 definition was not yet published.
        let before = MacroMonitor(Self.m1, asOf: Sample.date("2025-02-13"))
        #expect(before.definitions(of: "M1").map(\.definition) == ["M1_2001"])
        #expect(MacroMonitor(Self.m1).definitions(of: "M1").map(\.definition) == ["M1_2001", "M1_2025"])
    }

    @Test func periodAveragesTakeThePointsDatedInTheRange() throws {
        let points = (1...12).map { TimePoint(date: MacroPeriod.month(2023, $0).lastDay, value: Double($0)) }
        let year = try #require(PeriodAverage(points, over: .year(2023)))
        #expect(year.value == 6.5 && year.count == 12)
        let quarter = try #require(PeriodAverage(points, over: .quarter(2023, 2)))
        #expect(quarter.value == 5 && quarter.count == 3)  // April to June: 4, 5, 6
        let range = try #require(PeriodAverage(points, over: DateRange(from: Sample.date("2023-11-01"))))
        #expect(range.value == 11.5)
        #expect(PeriodAverage(points, over: .year(2024)) == nil)
        #expect(DateRange.quarter(2024, 1).description == "2024 Q1" && DateRange.year(2023).description == "2023")
    }
}

/// The conditions table says when an average covers part of its period, and
/// why a row is empty.
@Suite struct FinancingConditionsCoverageTests {
    typealias O = Sample

    /// M2 growth for every month of 2024 and 2025; M1 growth only for
    /// January to March 2025: the 2025 gap averages three months and says so.
    @Test func aPartialYearIsNamed() {
        var macro: [MacroObservation] = []
        for year in [2024, 2025] {
            for month in 1...12 {
                let period = "\(year)-\(String(format: "%02d", month))"
                macro.append(O.observation("M2", period, yoy: 7, definition: "M2_2001", published: "\(year + 1)-01-20"))
                if year == 2025 && month <= 3 {
                    macro.append(
                        O.observation("M1", period, yoy: Double(month), definition: "M1_2025", published: "2025-04-20"))
                }
            }
        }
        let conditions = FinancingConditions(
            monitor: MacroMonitor(macro), curves: CurveLibrary([]), through: O.date("2025-12-31"))
        let gap = conditions.rows[0]
        // (7 − 1 + 7 − 2 + 7 − 3) / 3 = 5.
        #expect(gap.yearAverage?.value == 5 && gap.yearAverage?.count == 3)
        #expect(gap.yearAverage?.coverage == "January to March only")
        #expect(gap.yearAverage?.shortCoverage == "Jan–Mar")
        #expect(gap.quarterAverage == nil)
        #expect(gap.takeaway.text.contains("in 2025 (January to March only); no figures for 2025 Q4"))
        // TSF: not imported at all.
        #expect(conditions.rows[1].takeaway.text.hasSuffix("import the TSF_stock series (macro kind)."))
        // A name inside a sentence: lower case, acronyms kept.
        #expect(conditions.rows[2].takeaway.text.hasPrefix("No tech-sector loan growth figures for 2025"))
        #expect(conditions.rows[1].takeaway.text.hasPrefix("No TSF growth figures"))
        // The AAA yield: no curve.
        #expect(conditions.rows[3].takeaway.text.hasSuffix("import the AAA_corporate curve."))
    }

    /// As known on a date, a curve counts only its points up to that date.
    @Test func curvesAreKnownOnTheirOwnDates() {
        let curves = CurveLibrary(
            Sample.flatCurve("2024-03-01", 3.0, name: "AAA_corporate")
                + Sample.flatCurve("2024-11-01", 2.0, name: "AAA_corporate"))
        let through = Sample.date("2024-12-31")
        let latest = FinancingConditions(monitor: MacroMonitor([]), curves: curves, through: through)
        #expect(latest.rows[3].yearAverage?.value == 2.5)
        let known = FinancingConditions(
            monitor: MacroMonitor([], asOf: Sample.date("2024-06-30")), curves: curves, through: through)
        #expect(known.rows[3].yearAverage?.value == 3.0)
        #expect(known.rows[3].quarterAverage == nil)
    }

    /// Coverage is judged by the series' own spacing near the range; a lone
    /// point gives no spacing to judge by.
    @Test func coverageFollowsTheSeriesSpacing() {
        let quarter = DateRange(from: O.date("2024-04-01"), to: O.date("2024-06-30"))
        let lone = [TimePoint(date: O.date("2024-06-30"), value: 1)]
        #expect(PeriodAverage(lone, over: quarter)?.isPartial == false)
        // Quarterly figures cover a year with four points; three leave a quarter out.
        let quarterly = ["2023-12-31", "2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"].map {
            TimePoint(date: O.date($0), value: 1)
        }
        let year = DateRange(from: O.date("2024-01-01"), to: O.date("2024-12-31"))
        #expect(PeriodAverage(quarterly, over: year)?.isPartial == false)
        // A quarterly figure dated 31 March stands for January to March.
        #expect(PeriodAverage(Array(quarterly.dropLast()), over: year)?.coverage == "January to September only")
        let secondHalf = ["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31", "2024-09-30", "2024-12-31"].map {
            TimePoint(date: O.date($0), value: 1)
        }
        #expect(PeriodAverage(secondHalf, over: year)?.coverage == "July to December only")
        #expect(PeriodAverage(secondHalf, over: year)?.shortCoverage == "Jul–Dec")
    }

    /// M2 growth rates and M1 levels, month by month through each year, M1
    /// under the definition of its year (M1_2025 from 2025), published in
    /// January of the next year.
    static func m1Levels(_ levels: [(year: Int, value: Double)]) -> [MacroObservation] {
        levels.flatMap { year, value in
            (1...12).flatMap { month in
                let period = "\(year)-\(String(format: "%02d", month))"
                let published = "\(year + 1)-01-20"
                return [
                    O.observation("M2", period, yoy: 7, definition: "M2_2001", published: published),
                    O.observation(
                        "M1", period, value: value, definition: year >= 2025 ? "M1_2025" : "M1_2001",
                        published: published),
                ]
            }
        }
    }

    /// M1 levels under two definitions and no published rates: no growth at
    /// all, and the row says it is the definition change.
    @Test func aDefinitionChangeIsGivenAsTheReason() {
        let macro = Self.m1Levels([(2024, 60), (2025, 105)])
        let conditions = FinancingConditions(
            monitor: MacroMonitor(macro), curves: CurveLibrary([]), through: O.date("2025-12-31"))
        #expect(conditions.rows[0].yearAverage == nil && conditions.rows[0].quarterAverage == nil)
        #expect(
            conditions.rows[0].takeaway.text.contains(
                "M1 growth is never computed across its definition change (M1_2001 to M1_2025)"),
            "\(conditions.rows[0].takeaway.text)")
    }

    /// M1 levels for two years under the old definition, then a year under
    /// the new one: growth runs to the change, and the row past it says why.
    @Test func aRunThatStopsAtADefinitionChangeSaysSo() {
        let macro = Self.m1Levels([(2023, 23), (2024, 24), (2025, 105)])
        let conditions = FinancingConditions(
            monitor: MacroMonitor(macro), curves: CurveLibrary([]), through: O.date("2025-12-31"))
        let text = conditions.rows[0].takeaway.text
        #expect(text.contains("its figures run from 2024-01-31 to 2024-12-31"), "\(text)")
        #expect(
            text.contains("M1 growth is never computed across its definition change (M1_2001 to M1_2025)"), "\(text)")
    }
}
