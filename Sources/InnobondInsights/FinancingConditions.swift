import FixedIncome
import InnobondModel

/// The financing-conditions table of a briefing: each indicator's average
/// over the last full year and the last full quarter to a date, its trend
/// over the window ending with that quarter, and what that implies.
public struct FinancingConditions: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public var indicator: String
        public var kind: TrendKind
        /// `pp` or `%`.
        public var unit: String
        public var yearAverage: PeriodAverage?
        public var quarterAverage: PeriodAverage?
        public var trend: Trend?
        /// Empty when there is no trend.
        public var implication: String
        /// The rows the figures come from.
        public var source: String
        public var takeaway: Takeaway
    }

    /// The last calendar year ending on or before the date.
    public var year: DateRange
    /// The last calendar quarter ending on or before the date.
    public var quarter: DateRange
    public var rows: [Row]

    public init(
        monitor: MacroMonitor, curves: CurveLibrary, through date: CivilDate,
        indicators: [ConditionIndicator] = ConditionIndicator.standard, thresholds: TrendThresholds = .standard
    ) {
        let lastYear = date.month == 12 && date.day == 31 ? date.year : date.year - 1
        year = .year(lastYear)
        var quarterEnd = date.endOfMonth(addingMonths: -((date.month - 1) % 3) - 1)
        if date.month % 3 == 0, date.isEndOfMonth { quarterEnd = date }
        quarter = .quarter(quarterEnd.year, (quarterEnd.month - 1) / 3 + 1)
        let (year, quarter) = (year, quarter)

        rows = indicators.map { indicator in
            let points: [TimePoint]
            let unit: String
            var source: String
            switch indicator.measure {
            case .gap(let broad, let narrow):
                let gap = monitor.gap(broad: broad, narrow: narrow)
                points = gap.map(\.timePoint)
                unit = "pp"
                let used = Set(
                    gap.filter { year.contains($0.period.lastDay) || quarter.contains($0.period.lastDay) }
                        .map(\.definition)
                ).sorted()
                source = "macro: \(broad) growth minus \(narrow) growth" + Self.definitions(used)
            case .growth(let series):
                let growth = monitor.growth(series)
                points = growth.map(\.timePoint)
                unit = "%"
                let used = Set(
                    growth.filter {
                        year.contains($0.period.lastDay) || quarter.contains($0.period.lastDay)
                    }.map(\.definition)
                ).sorted()
                source = "macro: \(series) year-on-year growth" + Self.definitions(used)
            case .curveYield(let curve, let tenor):
                points = curves.series(curve, tenor: tenor, asOf: monitor.asOf)
                unit = "%"
                source = "curves: \(curve) \(tenor) par yield, daily"
            }
            let yearAverage = PeriodAverage(points, over: year)
            let quarterAverage = PeriodAverage(points, over: quarter)
            let trend = Trend(points, kind: indicator.kind, endingOn: quarter.to!, thresholds: thresholds)
            if let yearAverage, let quarterAverage {
                source +=
                    ", \(NumberText.count(yearAverage.count, "value")) in the year, "
                    + "\(NumberText.count(quarterAverage.count, "value")) in the quarter"
            }
            return Row(
                indicator: indicator.name, kind: indicator.kind, unit: unit, yearAverage: yearAverage,
                quarterAverage: quarterAverage,
                trend: trend, implication: trend.flatMap { indicator.implications[$0.trendClass] } ?? "",
                source: source,
                takeaway: Self.takeaway(
                    indicator, unit: unit, year: yearAverage, quarter: quarterAverage, trend: trend,
                    yearRange: year, quarterRange: quarter, source: source, windowMonths: thresholds.windowMonths,
                    absence: Self.absence(of: indicator, points: points, monitor: monitor, curves: curves)))
        }
    }

    private static func definitions(_ used: [String]) -> String {
        used.isEmpty ? "" : " (definitions: \(used.joined(separator: "; ")))"
    }

    /// The column headings: `2023 average`, `2024 Q1 average`.
    public var yearLabel: String { "\(year) average" }
    public var quarterLabel: String { "\(quarter) average" }

    /// A name as it reads inside a sentence: `tech-sector loan growth` for
    /// `Tech-sector loan growth`; names that open with an acronym (`TSF`,
    /// `M2`, `AAA`) keep their capitals.
    static func midSentence(_ name: String) -> String {
        let letters = Array(name.prefix(2))
        guard letters.count == 2, letters[0].isUppercase, letters[1].isLowercase else { return name }
        return name.prefix(1).lowercased() + name.dropFirst()
    }

    /// A number of the table as printed: 2 decimals for yields, 1 otherwise.
    public static func text(_ value: Double, kind: TrendKind) -> String {
        NumberText.fixed(value, kind == .yield ? 2 : 1)
    }

    /// A cell of the table as printed: the average, with the months it
    /// covers when it covers only part of its period (`3.1 (Jul–Dec)`), or
    /// `–` when there is none.
    public static func cell(_ average: PeriodAverage?, kind: TrendKind) -> String {
        guard let average else { return "–" }
        let value = text(average.value, kind: kind)
        return average.shortCoverage.map { "\(value) (\($0))" } ?? value
    }

    private static func takeaway(
        _ indicator: ConditionIndicator, unit: String, year: PeriodAverage?, quarter: PeriodAverage?, trend: Trend?,
        yearRange: DateRange, quarterRange: DateRange, source: String, windowMonths: Int, absence: String
    ) -> Takeaway {
        func figure(_ label: String, _ value: Double) -> Figure {
            let name = "\(indicator.name), \(label) average"
            let places = indicator.kind == .yield ? 2 : 1
            return unit == "pp"
                ? .points(name, value, places: places, source: source)
                : .percent(name, value, places: places, source: source)
        }
        /// `{first} in 2025 (January to March only)`.
        func averaged(_ key: String, _ average: PeriodAverage, _ range: DateRange) -> String {
            "{\(key)} in \(range)" + (average.coverage.map { " (\($0))" } ?? "")
        }
        guard year != nil || quarter != nil else {
            return Takeaway(
                plain: "No \(Self.midSentence(indicator.name)) figures for \(yearRange) or \(quarterRange): \(absence)."
            )
        }
        var figures: [String: Figure] = [:]
        var parts: [String] = []
        if let year {
            figures["first"] = figure(yearRange.description, year.value)
            parts.append(averaged("first", year, yearRange))
        }
        if let quarter {
            figures["second"] = figure(quarterRange.description, quarter.value)
            parts.append(averaged("second", quarter, quarterRange))
        }
        var sentence = "\(indicator.name) averaged " + parts.joined(separator: " and ")
        if year == nil { sentence += "; no figures for \(yearRange)" }
        if quarter == nil { sentence += "; no figures for \(quarterRange)" }
        let end = quarterRange.to!
        let window = "the \(windowMonths) months to \(MonthName.long(end.month)) \(end.year)"
        guard let trend else {
            return Takeaway(sentence + "; too few values for a trend over \(window).", figures)
        }
        switch indicator.kind {
        case .yield:
            figures["change"] = .basisPoints("\(indicator.name), fitted change", trend.change * 100, source: source)
        default:
            figures["change"] = .points("\(indicator.name), fitted change", trend.change, places: 2, source: source)
        }
        return Takeaway(
            sentence + ": \(trend.trendClass.rawValue) over \(window) (fitted change {change}).", figures)
    }

    /// Why an indicator has no figures in the table's periods, as a clause.
    private static func absence(
        of indicator: ConditionIndicator, points: [TimePoint], monitor: MacroMonitor, curves: CurveLibrary
    ) -> String {
        if let first = points.map(\.date).min(), let last = points.map(\.date).max() {
            // A definition change explains a run that stops short.
            let series: [String]
            switch indicator.measure {
            case .growth(let name): series = [name]
            case .gap(let broad, let narrow): series = [broad, narrow]
            case .curveYield: series = []
            }
            let changes = series.compactMap { name -> String? in
                let definitions = monitor.definitions(of: name)
                // Figures of the series past the run's end, under another definition.
                guard definitions.count > 1, let latest = definitions.map(\.last).max(), latest.lastDay > last
                else { return nil }
                return "\(name) growth is never computed across its definition change ("
                    + definitions.map(\.definition).joined(separator: " to ") + ")"
            }
            return "its figures run from \(first) to \(last)"
                + (changes.isEmpty ? "" : "; " + changes.joined(separator: "; "))
        }
        switch indicator.measure {
        case .curveYield(let curve, let tenor):
            return curves.days[curve] == nil
                ? "import the \(curve) curve" : "the \(curve) curve has no \(tenor) point"
        case .growth(let series):
            return growthAbsence(series, monitor: monitor)
        case .gap(let broad, let narrow):
            let broadPoints = monitor.growth(broad)
            return broadPoints.isEmpty
                ? growthAbsence(broad, monitor: monitor) : growthAbsence(narrow, monitor: monitor)
        }
    }

    private static func growthAbsence(_ series: String, monitor: MacroMonitor) -> String {
        let definitions = monitor.definitions(of: series)
        if definitions.isEmpty {
            if let asOf = monitor.asOf { return "no \(series) figures had been published by \(asOf)" }
            return "import the \(series) series (macro kind)"
        }
        if definitions.count > 1 {
            return "\(series) growth is never computed across its definition change ("
                + definitions.map(\.definition).joined(separator: " to ")
                + "): import published growth rates or a year of levels under one definition"
        }
        return "\(series) has no published growth rates and no two levels a year apart"
    }
}

/// English month names.
public enum MonthName {
    static let names = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `March` for 3.
    public static func long(_ month: Int) -> String { names[month - 1] }
    /// `Jan`, …, `Dec`.
    public static func short(_ month: Int) -> String { String(names[month - 1].prefix(3)) }
}
