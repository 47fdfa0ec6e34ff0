import FixedIncome
import InnobondModel

/// Government (CGB) and AAA corporate yield curves for the demo market:
/// daily par yields from January 2022, and the same curves as functions of
/// any date from 2016 on, which price the demo bonds at issue and in their
/// quotes.
///
/// The CGB 10-year yield follows a path through monthly anchors close to the
/// published ChinaBond levels (2.8 % in 2022 falling to 1.6–1.9 % in
/// 2025–2026), with a fixed curve shape. The AAA corporate curve is CGB plus
/// a credit spread, shifted so that its 5-year yield averages exactly 3.05 %
/// over 2023 and 2.95 % over 2024 Q1, the founding briefing's figures.
struct DemoMarket {
    /// CGB tenors and their spread to the 10-year point, in percent.
    static let governmentShape: [(Tenor, Double)] = [
        (Tenor("3M")!, -0.45), (Tenor("6M")!, -0.40), (Tenor("1Y")!, -0.35), (Tenor("2Y")!, -0.25),
        (Tenor("3Y")!, -0.18), (Tenor("5Y")!, -0.10), (Tenor("7Y")!, -0.03), (Tenor("10Y")!, 0),
        (Tenor("30Y")!, 0.22), (Tenor("50Y")!, 0.25),
    ]
    /// AAA corporate tenors and their credit spread over CGB, in percent.
    static let corporateSpread: [(Tenor, Double)] = [
        (Tenor("3M")!, 0.22), (Tenor("6M")!, 0.25), (Tenor("1Y")!, 0.28), (Tenor("2Y")!, 0.32),
        (Tenor("3Y")!, 0.36), (Tenor("5Y")!, 0.45), (Tenor("7Y")!, 0.55), (Tenor("10Y")!, 0.62),
    ]
    /// The CGB 10-year yield at the first of some months, percent.
    static let anchors: [(String, Double)] = [
        ("2016-01-01", 2.85), ("2017-06-01", 3.55), ("2018-01-01", 3.95), ("2019-01-01", 3.15), ("2020-04-01", 2.55),
        ("2020-12-01", 3.15), ("2021-12-01", 2.78), ("2022-06-01", 2.82), ("2022-12-01", 2.84), ("2023-06-01", 2.68),
        ("2023-12-01", 2.56), ("2024-03-01", 2.29), ("2024-06-01", 2.22), ("2024-09-01", 2.15), ("2024-12-01", 1.68),
        ("2025-03-01", 1.81), ("2025-06-01", 1.65), ("2025-09-01", 1.86), ("2025-12-01", 1.82), ("2026-03-01", 1.78),
        ("2026-06-01", 1.75), ("2026-09-01", 1.80), ("2026-12-01", 1.83),
    ]

    /// The first day of the daily curves.
    static let curveStart = CivilDate(year: 2022, month: 1, day: 4)!

    /// Daily noise of the 10-year level by day number (AR(1), 1.5 bp steps).
    private let noise: [Int: Double]
    /// The AAA shift by day number, fitted to the briefing's averages.
    private var corporateShift: [Int: Double] = [:]
    let workingDays: [CivilDate]

    /// The interbank market's calendar: the demo's curves and quotes are
    /// dated on its working days.
    static let calendar = WorkingDayCalendar(market: .interbank)

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

    /// Whether the interbank market works on `date`; in a year the calendar
    /// does not hold (synthetic bonds issued before 2022), Monday to Friday.
    static func isWorkingDay(_ date: CivilDate) -> Bool {
        guard let working = try? calendar.isBusinessDay(date) else { return date.weekday != 0 && date.weekday != 6 }
        return working
    }

    init(through end: CivilDate, random: inout DemoRandom) {
        workingDays = Self.workingDays(from: Self.curveStart, through: end)
        var noise: [Int: Double] = [:]
        var level = 0.0
        for day in workingDays {
            level = 0.95 * level + 0.015 * random.normal()
            noise[day.dayNumber] = level
        }
        self.noise = noise
        fitCorporateShift()
    }

    /// Shifts the AAA curve so that its 5-year yield averages 3.05 % over
    /// 2023 and 2.95 % over 2024 Q1, fading in over 2022 and out over 2024 Q2.
    private mutating func fitCorporateShift() {
        func average(_ range: ClosedRange<CivilDate>) -> Double {
            let days = workingDays.filter { range.contains($0) }
            return days.reduce(0) { $0 + rawCorporate5Y($1) } / Double(days.count)
        }
        let year2023 = CivilDate(year: 2023, month: 1, day: 1)!...CivilDate(year: 2023, month: 12, day: 31)!
        let quarter2024 = CivilDate(year: 2024, month: 1, day: 1)!...CivilDate(year: 2024, month: 3, day: 31)!
        let shift2023 = 3.05 - average(year2023)
        let shift2024 = 2.95 - average(quarter2024)
        let fadeOutEnd = CivilDate(year: 2024, month: 6, day: 30)!
        for day in workingDays {
            let shift: Double
            if day < year2023.lowerBound {
                shift =
                    shift2023 * Double(Self.curveStart.days(to: day))
                    / Double(Self.curveStart.days(to: year2023.lowerBound))
            } else if year2023.contains(day) {
                shift = shift2023
            } else if quarter2024.contains(day) {
                shift = shift2024
            } else if day <= fadeOutEnd {
                shift =
                    shift2024 * Double(day.days(to: fadeOutEnd)) / Double(quarter2024.upperBound.days(to: fadeOutEnd))
            } else {
                shift = 0
            }
            corporateShift[day.dayNumber] = shift
        }
    }

    /// The CGB 10-year yield on a date, percent.
    func government10Y(_ date: CivilDate) -> Double {
        let day = date.dayNumber
        let points = Self.anchors.map { (CivilDate($0.0)!.dayNumber, $0.1) }
        var base = points.last!.1
        if day <= points[0].0 {
            base = points[0].1
        } else {
            for (left, right) in zip(points, points.dropFirst()) where day <= right.0 {
                base = left.1 + (right.1 - left.1) * Double(day - left.0) / Double(right.0 - left.0)
                break
            }
        }
        return base + (noise[day] ?? 0)
    }

    /// The CGB par yield for `years` to maturity on a date, percent,
    /// interpolated linearly in years along the curve's shape.
    func government(_ date: CivilDate, years: Double) -> Double {
        government10Y(date) + Self.interpolate(Self.governmentShape, years)
    }

    /// The AAA corporate par yield for `years` on a date, percent.
    func corporate(_ date: CivilDate, years: Double) -> Double {
        government(date, years: years) + Self.interpolate(Self.corporateSpread, years)
            + (corporateShift[date.dayNumber] ?? 0)
    }

    private func rawCorporate5Y(_ date: CivilDate) -> Double {
        government(date, years: 5) + Self.interpolate(Self.corporateSpread, 5)
    }

    static func interpolate(_ shape: [(Tenor, Double)], _ years: Double) -> Double {
        let points = shape.map { ($0.0.approximateYears, $0.1) }
        if years <= points[0].0 { return points[0].1 }
        for (left, right) in zip(points, points.dropFirst()) where years <= right.0 {
            return left.1 + (right.1 - left.1) * (years - left.0) / (right.0 - left.0)
        }
        return points.last!.1
    }

    /// Daily CGB and AAA corporate curve points, yields to 4 decimals.
    func curvePoints() -> [CurvePoint] {
        var points: [CurvePoint] = []
        points.reserveCapacity(workingDays.count * 18)
        for day in workingDays {
            for (tenor, _) in Self.governmentShape {
                points.append(
                    CurvePoint(
                        curve: "CGB", date: day, tenor: tenor,
                        yieldPercent: round4(government(day, years: tenor.approximateYears))))
            }
            for (tenor, _) in Self.corporateSpread {
                points.append(
                    CurvePoint(
                        curve: "AAA_corporate", date: day, tenor: tenor,
                        yieldPercent: round4(corporate(day, years: tenor.approximateYears))))
            }
        }
        return points
    }
}

func round4(_ value: Double) -> Double { (value * 10000).rounded() / 10000 }
