import FixedIncome
import InnobondInsights
import InnobondModel
import Testing

/// Issuance statistics on four sci-tech bonds of three issuers, every
/// expected figure worked out by hand below.
@Suite struct IssuanceStatisticsTests {
    static let a = Sample.issuer(1, name: "Alpha Semis", sector: .semiconductors, province: "Jiangsu")
    static let b = Sample.issuer(
        2, name: "Beta Software", sector: .aiSoftware, province: "Beijing", ownership: .localSOE)
    static let c = Sample.issuer(
        3, name: "Gamma Bio", sector: .biotechHealth, province: "Shanghai", ownership: .centralSOE)
    static let bonds = [
        // 2025-02-18 + 3Y: 1,095 days.
        Sample.bond("102500001.IB", issuer: a, issued: "2025-02-18", years: 3, yuanBillions: 1, coupon: 2.4),
        // 2025-03-10 + 5Y, across 29 February 2028: 1,826 days.
        Sample.bond("240001.SH", issuer: a, issued: "2025-03-10", years: 5, yuanBillions: 2, coupon: 2.8),
        // 2025-05-09 + 2Y: 730 days.
        Sample.bond(
            "102500002.IB", issuer: b, issued: "2025-05-09", years: 2, yuanBillions: 0.5, coupon: 2.1, rating: "AAA"),
        // 2025-05-20 + 10Y: 3,652 days.
        Sample.bond(
            "148001.SZ", issuer: c, issued: "2025-05-20", years: 10, yuanBillions: 1.5, coupon: 3.0, rating: nil),
        // Conventional, and before the period.
        Sample.bond("102400009.IB", issuer: b, sciTech: false, issued: "2025-06-01", yuanBillions: 3, coupon: 2.6),
        Sample.bond("102400010.IB", issuer: b, issued: "2024-12-01", yuanBillions: 3, coupon: 2.6),
    ]
    static let snapshot = Sample.snapshot(issuers: [a, b, c], bonds: bonds)
    static let year2025 = BondFilter(issued: .year(2025), sciTech: true)

    @Test func totalsAveragesAndMedians() throws {
        let statistics = IssuanceStatistics(Self.snapshot, filter: Self.year2025)
        #expect(statistics.bonds == 4 && statistics.issuers == 3)
        #expect(statistics.amountFen == 500_000_000_000)  // RMB 5.0 bn
        let tenor = try #require(statistics.tenorYears)
        // Mean of 1,095, 1,826, 730 and 3,652 days; median of the middle two; over 365.25.
        let years = [1095.0, 1826, 730, 3652].map { $0 / 365.25 }
        #expect(abs(tenor.mean - years.reduce(0, +) / 4) < 1e-12)
        #expect(abs(tenor.median - (1095.0 / 365.25 + 1826.0 / 365.25) / 2) < 1e-12)
        let coupon = try #require(statistics.couponPercent)
        #expect(abs(coupon.mean - 2.575) < 1e-12)  // (2.4 + 2.8 + 2.1 + 3.0) / 4
        #expect(abs(coupon.median - 2.6) < 1e-12)  // (2.4 + 2.8) / 2
    }

    @Test func breakdowns() {
        let statistics = IssuanceStatistics(Self.snapshot, filter: Self.year2025)
        func rows(_ groups: [IssuanceStatistics.Group]) -> [String] {
            groups.map { "\($0.key) \($0.bonds) \($0.issuers) \($0.amountFen / 100_000_000) \($0.share)" }
        }
        // Amounts in millions of yuan (fen / 10^8).
        #expect(
            rows(statistics.bySector) == [
                "semiconductors 2 1 3000 0.6", "biotech_health 1 1 1500 0.3", "ai_software 1 1 500 0.1",
            ])
        // April has no issue and is still a month of the series.
        #expect(
            rows(statistics.byMonth) == [
                "2025-02 1 1 1000 0.2", "2025-03 1 1 2000 0.4", "2025-04 0 0 0 0.0", "2025-05 2 2 2000 0.4",
            ])
        #expect(rows(statistics.byRating) == ["AAA 1 1 500 0.1", "AA+ 2 1 3000 0.6", "unrated 1 1 1500 0.3"])
        // 1,095 and 730 days round to 36 and 24 months; 1,826 to 60; 3,652 to 120.
        #expect(
            rows(statistics.byTenor) == [
                "<=1Y 0 0 0 0.0", "1-3Y 2 2 1500 0.3", "3-5Y 1 1 2000 0.4", "5-10Y 1 1 1500 0.3",
                ">10Y 0 0 0 0.0",
            ])
        #expect(
            rows(statistics.byIssuerType) == [
                "private 2 1 3000 0.6", "central_soe 1 1 1500 0.3", "local_soe 1 1 500 0.1",
            ])
        // Equal amounts order by key.
        #expect(rows(statistics.byMarket) == ["SH 1 1 2000 0.4", "IB 2 2 1500 0.3", "SZ 1 1 1500 0.3"])
        #expect(statistics.league.map(\.name) == ["Alpha Semis", "Gamma Bio", "Beta Software"])
        #expect(statistics.league.map(\.bonds) == [2, 1, 1])
        #expect(IssuanceStatistics(Self.snapshot, filter: Self.year2025, leagueSize: 1).league.count == 1)
    }

    @Test(arguments: [
        (BondFilter(issued: .year(2025), markets: [.interbank], sciTech: true), ["102500001.IB", "102500002.IB"]),
        (BondFilter(issued: .year(2025), sectors: [.aiSoftware], sciTech: true), ["102500002.IB"]),
        (BondFilter(issued: .year(2025), ratings: [Rating("AAA")!], sciTech: true), ["102500002.IB"]),
        (BondFilter(issued: .year(2025), ownerships: [.centralSOE], sciTech: true), ["148001.SZ"]),
        (BondFilter(issued: .year(2025), provinces: ["Beijing"]), ["102500002.IB", "102400009.IB"]),
        (BondFilter(issued: .year(2025), sciTech: false), ["102400009.IB"]),
        (BondFilter(text: "gamma"), ["148001.SZ"]),
        (BondFilter(text: "240001.sh"), ["240001.SH"]),
        (BondFilter(issued: DateRange(to: Sample.date("2025-02-18"))), ["102500001.IB", "102400010.IB"]),
        (BondFilter(regimes: [.exchange2022]), []),
    ])
    func filters(filter: BondFilter, codes: [String]) {
        #expect(Self.snapshot.bonds(matching: filter).map(\.code.value) == codes)
    }

    @Test func nothingIssuedGivesZerosNotNaN() {
        let statistics = IssuanceStatistics(Self.snapshot, filter: BondFilter(regimes: [.exchange2022]))
        #expect(statistics.bonds == 0 && statistics.amountFen == 0)
        #expect(statistics.tenorYears == nil && statistics.couponPercent == nil)
        #expect(statistics.byMonth.isEmpty && statistics.league.isEmpty)
        #expect(statistics.byTenor.allSatisfy { $0.share == 0 })
    }

    @Test(arguments: [
        (365, TenorBucket.upToOneYear), (366, .upToOneYear), (380, .upToOneYear), (381, .oneToThreeYears),
        (1110, .oneToThreeYears), (1111, .threeToFiveYears), (1841, .threeToFiveYears), (1842, .fiveToTenYears),
        (3667, .fiveToTenYears), (3668, .overTenYears),
    ])
    func tenorBucketsRoundToMonths(days: Int, bucket: TenorBucket) {
        // 380 / 30.436875 = 12.48 → 12 months; 381 → 12.52 → 13; 1,110 → 36.47; 1,111 → 36.50;
        // 1,841 → 60.49; 1,842 → 60.52; 3,667 → 120.48; 3,668 → 120.51.
        let start = Sample.date("2025-01-01")
        #expect(TenorBucket(from: start, to: start.adding(days: days)!) == bucket)
    }

    @Test func aPutBondIsPricedToItsPut() {
        let bond = Sample.bond("102500003.IB", issuer: Self.a, issued: "2025-03-10", years: 5, put: 3)
        #expect(bond.tenorBucket == .threeToFiveYears)
        #expect(bond.pricingTenorBucket == .oneToThreeYears)
    }
}
