import FixedIncome
import InnobondDemo
import InnobondInsights
import InnobondModel
import Testing

/// The filter's scan against its plain statement.
struct BondFilterScanTests {
    /// Positions matching a filter, each issuer judged once, are those whose
    /// bond passes every condition as written out plainly here.
    @Test func aScanPassesTheBondsEachConditionPasses() {
        var demo = DemoDataSet.build().snapshot
        // A bond whose issuer is not in the registry passes no condition on an issuer.
        var orphan = demo.bonds[0]
        orphan.uscc = USCC.completing("91110000MA0RPHAN0")!
        demo = RegistrySnapshot(
            isDemo: true, issuers: demo.issuers, financials: demo.financials, bonds: demo.bonds + [orphan],
            proceeds: demo.proceeds, curvePoints: demo.curvePoints, macro: demo.macro,
            investments: demo.investments, counts: [:])
        let issuers = demo.issuersByCode
        var random = SystemRandomNumberGenerator()
        let texts = ["", "demo", "SEMI", "zhejiang", "1025", orphan.name.lowercased(), "ke ji", "xx"]
        for _ in 0..<60 {
            func some<T>(_ values: [T]) -> [T] { values.filter { _ in Int.random(in: 0..<4, using: &random) == 0 } }
            let filter = BondFilter(
                markets: Set(some(Market.allCases)), sectors: Set(some(Sector.allCases)),
                ownerships: Set(some(Ownership.allCases)),
                provinces: Set(some(["ZHEJIANG", "jiangsu", "Guangdong", "Beijing"])),
                sciTech: [nil, true, false].randomElement(using: &random)!,
                text: texts.randomElement(using: &random)!)
            let expected = demo.bonds.indices.filter { position in
                let bond = demo.bonds[position]
                let issuer = issuers[bond.uscc]
                let text = filter.text ?? ""
                let search = TextSearch(text)
                return (filter.sciTech.map { $0 == bond.sciTech } ?? true)
                    && (filter.markets.isEmpty || filter.markets.contains(bond.market))
                    && (filter.sectors.isEmpty || issuer.map { filter.sectors.contains($0.sector) } == true)
                    && (filter.ownerships.isEmpty || issuer.map { filter.ownerships.contains($0.ownership) } == true)
                    && (filter.provinces.isEmpty
                        || issuer.map { issuer in
                            filter.provinces.contains { $0.lowercased() == issuer.province.lowercased() }
                        } == true)
                    && (text.isEmpty || search.isHeld(in: bond.code.value) || search.isHeld(in: bond.name)
                        || issuer.map(search.matches) == true)
            }
            #expect(demo.positions(matching: filter) == expected, "\(filter)")
            #expect(
                demo.bonds.indices.filter { filter.matches(demo.bonds[$0], issuer: issuers[demo.bonds[$0].uscc]) }
                    == expected)
        }
    }
}
