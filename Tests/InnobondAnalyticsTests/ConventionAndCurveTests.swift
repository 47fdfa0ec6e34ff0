import FixedIncome
import InnobondAnalytics
import InnobondIO
import InnobondTestSupport
import Testing

/// The optional columns of `innobond analytics`: market conventions, and the
/// curve figures with `--curve`.
@Suite struct ConventionAndCurveTests {
    static let header =
        "id,convention,issue_date,maturity_date,settlement_date,coupon_rate,frequency,day_count,clean_price,yield,put_date"

    func curves() throws -> CurveSet {
        let file = try CurveFile(input: FileInput(path: Fixtures.url("curves/cgb-par-yields.csv").path))
        return try file.curves(named: "CGB", method: .bootstrap)
    }

    @Test func conventionRowsUseTheirMarketsRules() throws {
        let input = [
            Self.header,
            // The worked example of MarketConventionTests: dirty 102.34711911655648 at 2 %.
            "cibm,CIBM,2024-03-15,2029-03-15,2025-06-03,2.5,1,,,2.0,",
            "bill,cibm,2025-03-04,2025-09-03,2025-06-03,0,0,,,1.4,",
            "zero-without-convention,,2025-03-04,2025-09-03,2025-06-03,0,0,ACT/365F,,1.4,",
            "unknown,NYSE,2024-03-15,2029-03-15,2025-06-03,2.5,1,,,2.0,",
            "no-day-count,,2024-03-15,2029-03-15,2025-06-03,2.5,1,,,2.0,",
        ].joined(separator: "\n")
        let result = try runBatch(input)
        let rows = SimpleCSV.parse(result.output)
        #expect(rows[0] == AnalyticsComparison.header)
        #expect(Double(rows[1][4]).map { abs($0 - 102.34711911655648) < 1e-11 } == true)
        #expect(Double(rows[2][4]).map { abs($0 - 99.64836412877298) < 1e-11 } == true)
        #expect(
            result.diagnostics.map { $0.prefix(while: { $0 != ":" }) } == [
                "line 4, column frequency", "line 5, column convention", "line 6, column day_count",
            ])
    }

    /// A put date outside the bond's life is a bad value, as in the registry.
    @Test func aPutOutsideTheLifeIsABadValue() throws {
        let input = [
            Self.header, "late,,2024-05-20,2029-05-20,2025-06-03,2.8,1,ACT/ACT-ICMA,99.5,,2029-05-20",
            "early,,2024-05-20,2029-05-20,2025-06-03,2.8,1,ACT/ACT-ICMA,99.5,,2024-05-20",
            "passed,,2024-05-20,2029-05-20,2025-06-03,2.8,1,ACT/ACT-ICMA,99.5,,2025-05-20",
        ].joined(separator: "\n")
        let result = try runBatch(input)
        #expect(
            result.diagnostics == [
                "line 2, column put_date: must be after issue_date and before maturity_date: '2029-05-20'",
                "line 3, column put_date: must be after issue_date and before maturity_date: '2024-05-20'",
            ])
    }

    @Test func withoutADayCountColumnEveryRowNeedsAConvention() throws {
        let input =
            "id,convention,issue_date,maturity_date,settlement_date,coupon_rate,frequency,clean_price,yield\n"
            + "a,SZSE,2024-03-15,2029-03-15,2025-06-03,2.5,1,,2.0\nb,,2024-03-15,2029-03-15,2025-06-03,2.5,1,,2.0\n"
        let result = try runBatch(input)
        #expect(result.summary == BatchAnalytics.Summary(rows: 2, rejected: 1))
        #expect(result.diagnostics.first?.hasPrefix("line 3, column convention: missing value") == true)
    }

    @Test func aCurveAddsSpreadsAndYieldsToPutAndWorst() throws {
        let input = [
            Self.header,
            "put,,2024-05-20,2029-05-20,2025-06-03,2.8,1,ACT/ACT-ICMA,99.5,,2027-05-20",
            "plain,,2025-06-03,2035-06-03,2025-06-03,1.7102,1,ACT/ACT-ICMA,100,,",
            // A month after the curve's date: too old for spreads, not for the put.
            "stale,,2024-05-20,2029-05-20,2025-07-03,2.8,1,ACT/ACT-ICMA,99.5,,2027-05-20",
            "recent,,2024-05-20,2029-05-20,2025-06-13,2.8,1,ACT/ACT-ICMA,99.5,,2027-05-20",
        ].joined(separator: "\n")
        let output = MemoryOutput()
        var diagnostics: [String] = []
        let summary = try BatchAnalytics.run(
            input: MemoryInput(Array(input.utf8)), output: output, diagnostics: { diagnostics.append($0) },
            curves: try curves())
        #expect(summary.rejected == 0 && diagnostics.isEmpty)
        let rows = SimpleCSV.parse(output.text)
        #expect(rows[0].suffix(4) == ["g_spread_bp", "z_spread_bp", "yield_to_put", "yield_to_worst"])
        let put = rows[1]
        let bond = try FixedRateBond(
            issueDate: date("2024-05-20"), maturityDate: date("2029-05-20"), couponRate: 2.8 / 100, frequency: .annual,
            dayCount: .actualActualICMA)
        let toPut = try bond.yieldToPut(cleanPrice: 99.5, settlement: date("2025-06-03"), putDate: date("2027-05-20"))
        #expect(Double(put[11]) == toPut * 100)
        #expect(Double(put[12]) == min(toPut * 100, Double(put[2])!))
        // A par bond of the curve's own 10-year point: no spreads.
        let plain = rows[2]
        #expect(abs(Double(plain[9])!) < 1e-7 && abs(Double(plain[10])!) < 1e-7)
        #expect(plain[11] == "" && plain[12] == plain[2])
        let stale = rows[3]
        #expect(stale[9] == "" && stale[10] == "" && !stale[11].isEmpty && !stale[12].isEmpty, "\(stale)")
        let recent = rows[4]
        #expect(!recent[9].isEmpty && !recent[10].isEmpty, "\(recent)")
    }

    /// Under a convention the curve figures are those of the flows the
    /// market prices, as the registry's bond pages give them: the Z-spread
    /// of `MarketBond`, interest at maturity included, and the yield to put
    /// under the same convention.
    @Test func conventionRowsTakeTheirMarketsSpreads() throws {
        let input = [
            Self.header,
            "sse,SSE,2024-05-20,2029-05-20,2025-06-03,2.8,1,,99.5,,2027-05-20",
            "bill,CIBM,2025-03-04,2026-03-04,2025-06-03,1.6,0,,,1.4,",
        ].joined(separator: "\n")
        let output = MemoryOutput()
        var diagnostics: [String] = []
        let curveSet = try curves()
        let summary = try BatchAnalytics.run(
            input: MemoryInput(Array(input.utf8)), output: output, diagnostics: { diagnostics.append($0) },
            curves: curveSet)
        #expect(summary.rejected == 0 && diagnostics.isEmpty, "\(diagnostics)")
        let rows = SimpleCSV.parse(output.text)
        let settlement = date("2025-06-03")
        let curve = try #require(curveSet.curve(on: settlement))
        let sse = try MarketBond(
            convention: .sse, issueDate: date("2024-05-20"), maturityDate: date("2029-05-20"), couponRate: 2.8 / 100,
            frequency: .annual)
        let sseSpread = try sse.zSpread(cleanPrice: 99.5, settlement: settlement, curve: curve)
        // Within the solver's own tolerance (|Δs| < 1e-12, 1e-8 bp): the batch
        // keeps the curve's discount factors in its scratch from row to row.
        #expect(Double(rows[1][10]).map { abs($0 - sseSpread * 10_000) < 1e-8 } == true, "\(rows[1])")
        let toPut = try MarketBond(
            convention: .sse, issueDate: date("2024-05-20"), maturityDate: date("2027-05-20"), couponRate: 2.8 / 100,
            frequency: .annual
        ).analytics(settlement: settlement, quote: .cleanPrice(99.5)).yield
        #expect(Double(rows[1][11]) == toPut * 100)
        #expect(Double(rows[1][12]) == min(toPut * 100, Double(rows[1][2])!))
        let sseYield = try sse.analytics(settlement: settlement, quote: .cleanPrice(99.5)).yield
        #expect(Double(rows[1][9]) == (sseYield - curve.maturityYield(at: date("2029-05-20"))) * 10_000)
        let bill = try MarketBond(
            convention: .cibm, issueDate: date("2025-03-04"), maturityDate: date("2026-03-04"), couponRate: 1.6 / 100,
            frequency: nil)
        let billPrice = try bill.analytics(settlement: settlement, quote: .yield(0.014)).cleanPrice
        let billSpread = try bill.zSpread(cleanPrice: billPrice, settlement: settlement, curve: curve)
        #expect(Double(rows[2][10]).map { abs($0 - billSpread * 10_000) < 1e-8 } == true, "\(rows[2])")
    }
}

func date(_ text: String) -> CivilDate { try! CivilDate(iso8601: text) }
