import FixedIncome
import InnobondDemo
import InnobondModel
import Testing

/// The demo data set holds the facts of DOMAIN.md as they are, and a market
/// of the size the registry issue asks for.
@Suite struct DemoDataSetTests {
    static let data = DemoDataSet.build()

    func date(_ text: String) -> CivilDate { try! CivilDate(iso8601: text) }

    func billions(_ bonds: [Bond]) -> Double { Double(bonds.reduce(Int64(0)) { $0 + $1.amount.fen }) / 1e11 }

    @Test func isTheSameOnEveryBuild() {
        let again = DemoDataSet.build()
        #expect(again.bonds == Self.data.bonds)
        #expect(again.quotes.count == Self.data.quotes.count && again.quotes.last == Self.data.quotes.last)
        #expect(again.curves == Self.data.curves)
    }

    @Test func hasTheSizeOfAMarket() {
        let data = Self.data
        #expect(data.issuers.count >= 400)
        #expect(Set(data.issuers.map(\.uscc)).count == data.issuers.count)
        #expect(Set(data.issuers.map(\.sector)).count >= 10 && Set(data.issuers.map(\.province)).count >= 12)
        #expect(data.financials.count == 3 * data.issuers.count)
        #expect(data.bonds.count == 3000)
        #expect(Set(data.bonds.map(\.code)).count == 3000)
        #expect(data.bonds.filter { $0.sciTech && $0.issueDate >= date("2025-02-01") }.count >= 1000)
        let quoted = Set(data.quotes.map(\.bondCode))
        #expect(quoted.count >= 300)
        let days = Set(data.quotes.map(\.date))
        #expect(days.min()! <= date("2024-11-25") && days.max()! >= date("2026-11-19"))
        #expect(data.issuers.filter { $0.name.hasPrefix("演示") }.count == data.issuers.count)
    }

    /// A synthetic quote says where it comes from: no valuation agency.
    @Test func everyQuoteNamesTheDemoAsItsSource() {
        #expect(!Self.data.quotes.isEmpty)
        #expect(Self.data.quotes.allSatisfy { $0.source == "demo" })
    }

    /// No real company is in the demo: every issuer's name says demo, and
    /// none carries a real one's name or listing.
    @Test func noIssuerIsARealCompany() {
        #expect(Self.data.issuers.allSatisfy { $0.name.hasPrefix("演示") && $0.nameEnglish?.hasPrefix("Demo ") != false })
        #expect(!Self.data.issuers.contains { $0.listedCode == "600745.SH" || $0.name.contains("闻泰") })
    }

    @Test func theFlagshipOpensTheFirstWave() {
        let flagship = Self.data.issuers.first { $0.nameEnglish == "Demo Flagship Semiconductor Co., Ltd." }
        let bond = Self.data.bonds.first { $0.uscc == flagship?.uscc && $0.sciTech }
        #expect(bond?.code.value == "102500166.IB" && bond?.amount == Money(fen: 150_000_000_000))
        #expect(bond?.issueDate == date("2025-02-18"))
        let uses = Self.data.proceeds.filter { $0.bondCode == bond?.code }
        #expect(Set(uses.map(\.category)) == [.rd, .capacity])
    }

    @Test func followsTheSciTechCalendar() {
        let sciTech = Self.data.bonds.filter(\.sciTech)
        let firstWave = sciTech.filter { $0.issueDate >= date("2025-02-01") && $0.issueDate <= date("2025-05-06") }
        #expect((55...65).contains(Set(firstWave.map(\.uscc)).count))
        #expect(billions(firstWave) > 34 && billions(firstWave) < 35)
        let launchDay = sciTech.filter { $0.issueDate == date("2025-05-09") && $0.market == .interbank }
        #expect(launchDay.count == 36 && abs(billions(launchDay) - 21) < 0.01)
        let window = sciTech.filter { $0.issueDate >= date("2025-05-07") && $0.issueDate <= date("2025-06-19") }
        #expect(window.count == 334 && abs(billions(window) - 534.9) < 0.05)
        #expect(window.allSatisfy { $0.regime == .techBoard2025 })
    }

    @Test func everySciTechBondHasCommittedUsesWithinItsAmount() {
        var planned: [BondCode: Int64] = [:]
        for use in Self.data.proceeds { planned[use.bondCode, default: 0] += use.planned.fen }
        for bond in Self.data.bonds {
            if bond.sciTech { #expect(planned[bond.code] != nil, "\(bond.code)") }
            #expect((planned[bond.code] ?? 0) <= bond.amount.fen)
        }
        // Some lean on refinancing and working capital.
        let heavy = Self.data.bonds.filter(\.sciTech).filter { bond in
            let uses = Self.data.proceeds.filter { $0.bondCode == bond.code }
            let conventional = uses.filter { !$0.category.isSciTech }.reduce(Int64(0)) { $0 + $1.planned.fen }
            return Double(conventional) > 0.3 * Double(bond.amount.fen)
        }
        #expect(heavy.count > 100)
    }

    /// PBOC figures as DOMAIN.md gives them, and the break in M1.
    @Test func moneyFiguresAreThePublishedOnes() {
        func value(_ series: String, _ period: String, _ definition: String) -> MacroObservation? {
            Self.data.macro.first {
                $0.series == series && $0.period.description == period && $0.definition == definition
            }
        }
        #expect(
            value("M2", "2025-02", "M2_2001")?.value == 320.52 && value("M2", "2025-02", "M2_2001")?.yoyPercent == 7.0)
        #expect(
            value("M1", "2025-02", "M1_2025")?.value == 109.44 && value("M1", "2025-02", "M1_2025")?.yoyPercent == 0.1)
        #expect(
            value("M2", "2025-03", "M2_2001")?.value == 326.06 && value("M2", "2025-03", "M2_2001")?.yoyPercent == 7.0)
        #expect(
            value("M1", "2025-03", "M1_2025")?.value == 113.49 && value("M1", "2025-03", "M1_2025")?.yoyPercent == 1.6)
        #expect(value("M1", "2024-01", "M1_2001")?.value == 63.3)
        #expect(value("M1", "2024-01", "M1_2025")?.value == 105.1)
        #expect(value("M1", "2024-01", "M1_2025")?.yoyPercent == nil)
        #expect(value("tech_sme_loans", "2025-Q4", "tech_sme_loans_2023")?.value == 3.63)
        #expect(value("high_tech_enterprise_loans", "2025-Q4", "high_tech_loans_2023")?.yoyPercent == 7.5)
    }

    /// The founding briefing's financing-conditions table, computed from the rows.
    @Test func reproducesTheBriefingsAverages() {
        func growth(_ series: String, _ definition: String, _ periods: [String]) -> Double {
            let values = periods.map { period in
                Self.data.macro.first {
                    $0.series == series && $0.definition == definition && $0.period.description == period
                }!
                .yoyPercent!
            }
            return values.reduce(0, +) / Double(values.count)
        }
        let months2023 = (1...12).map { "2023-\($0 < 10 ? "0" : "")\($0)" }
        let quarter2024 = ["2024-01", "2024-02", "2024-03"]
        let gap2023 = growth("M2", "M2_2001", months2023) - growth("M1", "M1_2001", months2023)
        let gap2024 = growth("M2", "M2_2001", quarter2024) - growth("M1", "M1_2001", quarter2024)
        #expect(abs(gap2023 - 4.8) < 1e-9 && abs(gap2024 - 4.6) < 1e-9)
        #expect(abs(growth("TSF_stock", "TSF_2019", months2023) - 9.7) < 1e-9)
        #expect(abs(growth("TSF_stock", "TSF_2019", quarter2024) - 9.5) < 1e-9)
        #expect(
            abs(growth("tech_loans", "tech_loans_2022", ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]) - 15.2) < 1e-9)
        #expect(growth("tech_loans", "tech_loans_2022", ["2024-Q1"]) == 16.1)

        func aaa5Y(_ from: String, _ through: String) -> Double {
            let points = Self.data.curves.filter {
                $0.curve == "AAA_corporate" && $0.tenor.description == "5Y" && $0.date >= date(from)
                    && $0.date <= date(through)
            }
            return points.reduce(0) { $0 + $1.yieldPercent } / Double(points.count)
        }
        #expect(abs(aaa5Y("2023-01-01", "2023-12-31") - 3.05) < 0.0001)
        #expect(abs(aaa5Y("2024-01-01", "2024-03-31") - 2.95) < 0.0001)
    }

    /// A quote's price and yield agree under its market's rules, to the
    /// rounding of the price to 4 decimals.
    @Test func quotePricesAndYieldsAgree() throws {
        let bonds = Dictionary(uniqueKeysWithValues: Self.data.bonds.map { ($0.code, $0) })
        for quote in Self.data.quotes.enumerated().filter({ $0.offset % 97 == 0 }).map(\.element) {
            let bond = try #require(bonds[quote.bondCode])
            let instrument = try MarketBond(
                convention: bond.market.convention, issueDate: bond.issueDate, maturityDate: bond.maturityDate,
                couponRate: bond.couponRatePercent / 100, frequency: bond.frequency.periodic)
            let figures = try instrument.analytics(settlement: quote.date, quote: .cleanPrice(quote.cleanPrice!))
            // Half a unit of the price's last decimal moves the yield by at most
            // this much (decimal): 0.00005 / (dirty price × modified duration).
            let rounding = 0.000_05 / (figures.dirtyPrice * figures.modifiedDuration)
            #expect(abs(figures.yield - quote.yieldPercent! / 100) <= 1.01 * rounding + 1e-12, "\(quote)")
        }
    }

    @Test func sectorInvestmentsAreTheBriefingsTable() {
        let table = Dictionary(
            uniqueKeysWithValues: Self.data.investments.map { ("\($0.sector) \($0.year)", $0.amountUSDBillions) })
        #expect(
            table["Semiconductor design & equipment 2022"] == 12.4
                && table["Semiconductor design & equipment 2023"] == 18.7)
        #expect(table["Industrial & AI software 2023"] == 13.2 && table["Next-gen hardware 2022"] == 5.6)
        #expect(table["Biotech & health tech 2023"] == 15.8)
    }
}
