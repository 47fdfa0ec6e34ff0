import FixedIncome
import Foundation
import InnobondInsights
import InnobondModel
import Testing

/// Sample statistics, number text, sector flows, takeaways and charts.
@Suite struct SmallPiecesTests {
    @Test func sampleStatistics() throws {
        let statistics = try #require(SampleStatistics([4, 1, 3, 2]))
        #expect(statistics.mean == 2.5 && statistics.median == 2.5)
        // Squares of deviations 2.25 + 0.25 + 0.25 + 2.25, over 3.
        #expect(abs(statistics.standardDeviation - (5.0 / 3).squareRoot()) < 1e-15)
        #expect(statistics.minimum == 1 && statistics.maximum == 4)
        #expect(SampleStatistics([7])?.confidenceInterval95 == nil)
        #expect(SampleStatistics([]) == nil)
        // Student's t, 97.5 %: SciPy's stats.t.ppf(0.975, df).
        #expect(SampleStatistics.studentT975(degreesOfFreedom: 1) == 12.70620474)
        #expect(abs(SampleStatistics.studentT975(degreesOfFreedom: 31) - 2.039513446396408) < 1e-7)
        #expect(abs(SampleStatistics.studentT975(degreesOfFreedom: 100) - 1.9839715185235518) < 1e-9)
        #expect(abs(SampleStatistics.studentT975(degreesOfFreedom: 100_000) - 1.9599877075346095) < 1e-9)
    }

    @Test(arguments: [
        (4.75, 1, "4.8"), (4.74, 1, "4.7"), (-0.04, 1, "0.0"), (-15.0, 0, "−15"), (2.5, 0, "3"), (0.0, 2, "0.00"),
        (1234567.891, 2, "1234567.89"), (Double.nan, 1, "–"),
    ])
    func fixedDecimals(value: Double, places: Int, text: String) {
        #expect(NumberText.fixed(value, places) == text)
    }

    /// A filter's sets are written in a fixed order, whatever their hashing.
    @Test func aFilterEncodesItsSetsInOrder() throws {
        let filter = BondFilter(
            markets: [.shenzhen, .interbank, .shanghai], sectors: [.aerospace, .semiconductors, .aiSoftware],
            ratings: [Rating("AA")!, Rating("AAA")!], provinces: ["Jiangsu", "Beijing"])
        let text = String(decoding: try JSONEncoder().encode(filter), as: UTF8.self)
        #expect(text.contains(#""markets":["IB","SH","SZ"]"#), "\(text)")
        #expect(text.contains(#""sectors":["semiconductors","ai_software","aerospace"]"#), "\(text)")
        #expect(text.contains(#""ratings":["AAA","AA"]"#), "\(text)")
        #expect(text.contains(#""provinces":["Beijing","Jiangsu"]"#), "\(text)")
        #expect(try JSONDecoder().decode(BondFilter.self, from: JSONEncoder().encode(filter)) == filter)
    }

    @Test func groupedAndSignedNumbers() {
        #expect(NumberText.fixed(1234567.891, 1, grouped: true) == "1,234,567.9")
        #expect(NumberText.group(-1_000) == "−1,000")
        #expect(NumberText.count(1, "bond") == "1 bond" && NumberText.count(3_001, "bond") == "3,001 bonds")
        #expect(
            NumberText.count(0, "issuer") == "0 issuers"
                && NumberText.count(2, "entry", plural: "entries") == "2 entries")
        #expect(NumberText.signed(50.8, 0) == "+51" && NumberText.signed(-17, 0) == "−17")
        #expect(NumberText.signed(0.2, 0) == "0")
        #expect(NumberText.yuanBillions(fen: 3_440_000_000_000) == "RMB 34.4 bn")
    }

    @Test func sectorFlowsOfTheFoundingBriefing() throws {
        // The founding briefing's table (DOMAIN.md), USD bn.
        let rows: [(String, Double, Double)] = [
            ("Semiconductor design & equipment", 12.4, 18.7), ("Industrial & AI software", 8.1, 13.2),
            ("Next-gen hardware", 5.6, 9.3), ("Biotech & health tech", 14.2, 15.8),
        ]
        let investments = rows.flatMap { sector, first, second in
            [
                SectorInvestment(sector: sector, year: 2022, amountUSDBillions: first, source: "briefing"),
                SectorInvestment(sector: sector, year: 2023, amountUSDBillions: second, source: "briefing"),
            ]
        }
        let flows = try #require(SectorFlows(investments))
        #expect(flows.year == 2023)
        let growth = Dictionary(
            uniqueKeysWithValues: flows.rows.map { ($0.sector, NumberText.signed($0.growth! * 100, 0)) })
        #expect(growth["Semiconductor design & equipment"] == "+51")  // 18.7 / 12.4 − 1 = 50.8 %
        #expect(growth["Industrial & AI software"] == "+63")  // 13.2 / 8.1 − 1 = 63.0 %
        #expect(growth["Next-gen hardware"] == "+66")  // 9.3 / 5.6 − 1 = 66.1 %
        #expect(growth["Biotech & health tech"] == "+11")  // 15.8 / 14.2 − 1 = 11.3 %
        #expect(flows.rows.first?.sector == "Semiconductor design & equipment")  // largest in 2023
        #expect(abs(flows.total.current! - 57.0) < 1e-12 && abs(flows.total.previous! - 40.3) < 1e-12)
        #expect(abs(flows.rows[0].share! - 18.7 / 57.0) < 1e-15)
        #expect(SectorFlows(investments.filter { $0.year == 2023 }) == nil)
        #expect(SectorFlows([]) == nil)
    }

    @Test func takeawaysCarryTheirFiguresInOrder() {
        let takeaway = Takeaway(
            "{b} then {a}.",
            ["a": .count("A", 1, source: "rows a"), "b": .percent("B", 12.34, source: "rows b")])
        #expect(takeaway.text == "12.3 % then 1.")
        #expect(takeaway.figures.map(\.name) == ["B", "A"])
        #expect(takeaway.figures[0].source == "rows b")
    }

    @Test func chartsAreLegibleAndEscaped() {
        let chart = Chart(
            kind: .bar, title: "Issuance <by> month", xLabel: "Month of issue", yLabel: "RMB bn",
            categories: ["2025-01", "<script>alert(1)</script>"],
            series: [Chart.Series(name: "Amount", values: [1.5, 2.25])], source: "registry bonds",
            note: Briefing.demoNotice)
        let svg = chart.svg()
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        for text in ["Issuance &lt;by&gt; month", "Month of issue", "RMB bn", "Source: registry bonds", "DEMO DATA"] {
            #expect(svg.contains(text), "\(text)")
        }
        #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        let empty = Chart(kind: .line, title: "Nothing", xLabel: "Date", yLabel: "%", series: [], source: "none")
        #expect(empty.svg().contains("No data for this chart"))
        let line = Self.line(from: ("2023-01-31", 3.1), to: ("2024-03-31", 2.9))
        #expect(line.svg().contains("<polyline") && line.svg().contains("2024 Q1"))
    }

    /// A line chart of one series through two points.
    static func line(from first: (String, Double), to last: (String, Double)) -> Chart {
        Chart(
            kind: .line, title: "Yield", xLabel: "Date", yLabel: "%",
            series: [
                Chart.Series(
                    name: "AAA 5Y",
                    points: [first, last].map { TimePoint(date: Sample.date($0.0), value: $0.1) })
            ], source: "curves")
    }

    /// A date axis is labelled whatever its span: a month of daily quotes as
    /// well as decades of monthly figures.
    @Test(arguments: [
        ("2025-02-10", "2025-03-12", ["10 Feb", "17 Feb", "24 Feb", "3 Mar", "10 Mar"]),
        ("2025-02-10", "2025-05-20", ["Mar 2025", "Apr 2025", "May 2025"]),
        ("2025-02-10", "2025-11-20", ["2025 Q2", "2025 Q3", "2025 Q4"]),
        ("2022-01-01", "2025-06-30", ["2022", "2023", "2024", "2025"]),
        ("1990-06-01", "2025-06-30", ["1995", "2000", "2005", "2010", "2015", "2020", "2025"]),
    ])
    func dateAxesHaveLabelsAtEverySpan(from: String, to: String, labels: [String]) {
        let chart = Self.line(from: (from, 100), to: (to, 101))
        let shown = chart.svg().matches(of: /text-anchor="middle">([^<]+)<\/text>/).map { String($0.output.1) }
        #expect(shown.filter { !$0.hasPrefix("Date") } == labels)
    }
}
