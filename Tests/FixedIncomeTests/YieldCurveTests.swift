import FixedIncome
import Foundation
import RealModule
import Testing

/// The fixtures of Tests/Fixtures/curves, computed with QuantLib-Python 1.44
/// by `scripts/reference/run.sh` (see scripts/reference/quantlib_curves.py).
enum CurveFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/curves")

    static func rows(_ name: String) -> [[String: String]] {
        let text = try! String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    static let reference = date("2025-06-03")

    /// The par yields of cgb-par-yields.csv.
    static let parYields: [ParYield] = rows("cgb-par-yields.csv").map { row in
        ParYield(maturity: Tenor(row["tenor"]!)!.advance(reference)!, yield: Double(row["yield"]!)! / 100)
    }
}

@Suite struct YieldCurveTests {
    /// Cash flows of a par bond of the inputs, to reprice.
    func parBondPrice(_ point: ParYield, on curve: some YieldCurve) throws -> Double {
        let bond = try FixedRateBond(
            issueDate: CurveFixtures.reference, maturityDate: point.maturity, couponRate: point.yield,
            frequency: .annual, dayCount: .actualActualICMA)
        return bond.cashFlows.reduce(0) { $0 + $1.amount * curve.discountFactor(at: $1.date) }
    }

    @Test func theBootstrapMatchesQuantLibAndRepricesItsInputs() throws {
        let curve = try DiscountCurve.bootstrap(
            referenceDate: CurveFixtures.reference, parYields: CurveFixtures.parYields)
        for point in CurveFixtures.parYields {
            #expect(abs(try parBondPrice(point, on: curve) - 100) < 1e-10)
        }
        for row in CurveFixtures.rows("bootstrap.csv") {
            let day = date(row["date"]!)
            let expected = Double(row["discount_factor"]!)!
            #expect(abs(curve.discountFactor(at: day) - expected) < 1e-12, "\(day)")
            #expect(abs(curve.zeroRate(at: day) - Double(row["zero_rate_continuous"]!)!) < 1e-11, "\(day)")
        }
    }

    @Test func theNelsonSiegelSvenssonFitAgreesWithQuantLibWithinATenthOfABasisPoint() throws {
        let curve = try NelsonSiegelSvensson.fit(
            referenceDate: CurveFixtures.reference, parYields: CurveFixtures.parYields)
        for row in CurveFixtures.rows("nss.csv") {
            let maturity = date(row["date"]!)
            let fitted = curve.parRate(maturity: maturity)
            #expect(abs(fitted - Double(row["par_yield"]!)!) < 1e-5, "\(maturity): \(fitted) \(curve.parameters)")
        }
    }

    @Test func theHermiteCurvePassesThroughItsInputs() throws {
        let curve = try HermiteCurve(referenceDate: CurveFixtures.reference, parYields: CurveFixtures.parYields)
        for point in CurveFixtures.parYields {
            #expect(curve.parYield(at: point.maturity) == point.yield)
            #expect(abs(curve.parRate(maturity: point.maturity) - point.yield) < 1e-12)
            #expect(abs(try parBondPrice(point, on: curve) - 100) < 1e-10)
        }
        // Monotone inputs give monotone yields in between; the discount
        // factors give back the interpolated par yield at every month.
        var previous = 0.0
        for month in 3...HermiteCurve.horizonMonths {
            let maturity = CurveFixtures.reference.adding(months: month)!
            let yield = curve.parYield(at: maturity)
            #expect(yield >= previous - 1e-15)
            #expect(abs(curve.parRate(maturity: maturity) - yield) < 1e-12, "\(maturity)")
            previous = yield
        }
    }

    /// Past its last point the curve's par yield stays flat, and so do the
    /// par rates of its discount factors: G- and Z-spreads of long bonds
    /// measure the same curve.
    @Test func theHermiteCurveStaysFlatPastItsLastPoint() throws {
        let tenYears = CurveFixtures.parYields.filter {
            $0.maturity <= CurveFixtures.reference.adding(months: 120)!
        }
        let curve = try HermiteCurve(referenceDate: CurveFixtures.reference, parYields: tenYears)
        let last = tenYears[tenYears.count - 1].yield
        for years in [11, 20, 30, 55, 100] {
            let maturity = CurveFixtures.reference.adding(months: 12 * years)!
            #expect(curve.parYield(at: maturity) == last)
            #expect(abs(curve.parRate(maturity: maturity) - last) < 1e-12, "\(years)Y")
        }
    }

    @Test func ratesFollowFromDiscountFactors() throws {
        let curve = try DiscountCurve.bootstrap(
            referenceDate: CurveFixtures.reference, parYields: CurveFixtures.parYields)
        let start = date("2027-06-03")
        let end = date("2030-06-03")
        let forward = curve.forwardRate(from: start, to: end)
        let t1 = curve.time(to: start)
        let t2 = curve.time(to: end)
        #expect(abs(forward - (curve.zeroRate(at: end) * t2 - curve.zeroRate(at: start) * t1) / (t2 - t1)) < 1e-14)
        let annual = curve.zeroRate(at: end, compounding: .compounded(.annual))
        #expect(abs(Double.pow(1 + annual, -t2) - curve.discountFactor(at: end)) < 1e-15)
        #expect(curve.discountFactor(at: CurveFixtures.reference) == 1)
    }

    @Test func badPointsSayWhy() {
        let reference = CurveFixtures.reference
        #expect(throws: CurveError.noPoints) { try DiscountCurve.bootstrap(referenceDate: reference, parYields: []) }
        #expect(throws: CurveError.repeatedMaturity(date("2026-06-03"))) {
            try DiscountCurve.bootstrap(
                referenceDate: reference,
                parYields: [
                    ParYield(maturity: date("2026-06-03"), yield: 0.01),
                    ParYield(maturity: date("2026-06-03"), yield: 0.02),
                ])
        }
        #expect(throws: CurveError.maturityNotAfterReference(reference)) {
            try HermiteCurve(referenceDate: reference, parYields: [ParYield(maturity: reference, yield: 0.01)])
        }
        #expect(throws: CurveError.tooFewPoints(needed: 4, given: 2)) {
            try NelsonSiegelSvensson.fit(referenceDate: reference, parYields: Array(CurveFixtures.parYields.prefix(2)))
        }
        let error = #expect(throws: CurveError.self) {
            try DiscountCurve.bootstrap(
                referenceDate: reference, parYields: [ParYield(maturity: date("2030-01-01"), yield: .nan)])
        }
        #expect(error?.description == "a yield must be a finite number, not nan")
    }
}
