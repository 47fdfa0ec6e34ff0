import FixedIncome
import InnobondModel
import Testing

/// Reads a record from a dictionary of column texts.
func read<Record: RegistryRecord>(_ type: Record.Type, _ fields: [String: String]) throws(RowIssues) -> Record {
    try Record.read { fields[$0] }
}

@Suite struct RecordTests {
    static let bond: [String: String] = [
        "code": "102580123.IB", "uscc": "91350100M000100Y43", "name": "25闻泰科创债01", "type": "mtn",
        "sci_tech": "true", "regime": "tech_board_2025", "issue_date": "2025-02-20", "maturity_date": "2028-02-20",
        "amount_cny": "1660000000", "coupon_rate": "2.10", "frequency": "1", "day_count": "ACT/ACT-ICMA",
        "rating": "AA+", "put_date": "2027-02-20",
    ]

    @Test func aBondReadsAndWritesItsFields() throws {
        let bond = try read(Bond.self, Self.bond)
        #expect(bond.amount.fen == 166_000_000_000)
        #expect(bond.couponRatePercent == 2.1)
        #expect(bond.market == .interbank)
        let texts = bond.fieldTexts
        #expect(texts[Bond.columns.firstIndex { $0.name == "coupon_rate" }!] == "2.1")
        // Written back and read again: the same record.
        let again = try Bond.read { name in texts[Bond.columns.firstIndex { $0.name == name }!] }
        #expect(again == bond)
    }

    @Test func everyIssueOfABondIsReported() {
        var fields = Self.bond
        fields["uscc"] = "91350100M000100Y44"
        fields["maturity_date"] = "2024-01-01"
        fields["amount_cny"] = "0"
        fields["coupon_rate"] = "31"
        fields["frequency"] = "3"
        fields["sci_tech"] = "maybe"
        fields["put_date"] = nil
        fields["code"] = "102580123"
        do {
            _ = try read(Bond.self, fields)
            Issue.record("accepted a bad bond")
        } catch {
            #expect(
                error.issues.map(\.column) == [
                    "code", "uscc", "sci_tech", "amount_cny", "coupon_rate", "frequency", "maturity_date",
                ])
            #expect(error.issues.first { $0.column == "uscc" }?.reason.contains("check character") == true)
        }
    }

    @Test func regimeBelongsToSciTechBonds() {
        var fields = Self.bond
        fields["sci_tech"] = "false"
        #expect(throws: RowIssues.self) { try read(Bond.self, fields) }
    }

    /// Registry dates lie in 1900 to 2199, the years analyses cover.
    @Test func datesLieInTheRegistrysYears() throws {
        for (column, date) in [
            ("issue_date", "0001-01-01"), ("maturity_date", "9999-12-31"), ("issue_date", "1899-12-31"),
        ] {
            do {
                _ = try read(Bond.self, Self.bond.merging([column: date]) { $1 })
                Issue.record("accepted \(column) \(date)")
            } catch {
                #expect(error.issues.map(\.column) == [column])
                #expect(error.issues.first?.reason.contains("1900 to 2199") == true)
            }
        }
        #expect(
            try read(Bond.self, Self.bond.merging(["maturity_date": "2199-12-31"]) { $1 }).maturityDate.year == 2199)
    }

    /// NAFMII notes are interbank instruments and the 2022 exchange bonds
    /// exchange ones (DOMAIN.md's lineage); the technology board spans both.
    @Test func regimeMatchesMarket() throws {
        for (code, regime, valid) in [
            ("102580123.IB", "nafmii_note", true), ("240001.SH", "nafmii_note", false),
            ("240001.SH", "exchange_2022", true), ("149123.SZ", "exchange_2022", true),
            ("102580123.IB", "exchange_2022", false), ("240001.SH", "tech_board_2025", true),
        ] {
            let fields = Self.bond.merging(["code": code, "regime": regime]) { $1 }
            if valid {
                #expect(try read(Bond.self, fields).regime?.rawValue == regime)
            } else {
                #expect(throws: RowIssues.self, "\(code) \(regime)") { try read(Bond.self, fields) }
            }
        }
    }

    @Test func quotesAndMacroNeedOneOfTheirFigures() throws {
        #expect(throws: RowIssues([FieldIssue(column: "yield", reason: "give clean_price or yield (or both)")])) {
            try read(Quote.self, ["bond_code": "240001.SH", "date": "2025-03-03", "source": "chinabond"])
        }
        let quote = try read(
            Quote.self, ["bond_code": "240001.SH", "date": "2025-03-03", "yield": "2.05", "source": "cfets"])
        #expect(quote.yieldPercent == 2.05 && quote.cleanPrice == nil)
        #expect(throws: RowIssues.self) {
            try read(
                MacroObservation.self,
                [
                    "series": "M1", "period": "2025-02", "unit": "CNY_trn", "definition": "M1_2025",
                    "published": "2025-03-13",
                ])
        }
    }

    /// Values the formats allow in shape but the field does not: a province
    /// that is none, markup for a listing code, a curve past 50 years or an
    /// implausible yield, a figure published before its period ended.
    @Test func implausibleValuesAreBadValues() throws {
        let issuer = [
            "uscc": "91350100M000100Y43", "name": "示例", "sector": "other", "province": "jiangsu",
            "ownership": "private", "listed_code": "600745.SH",
        ]
        #expect(try read(Issuer.self, issuer).province == "Jiangsu")
        #expect(try read(Issuer.self, issuer.merging(["province": "Xizang"]) { $1 }).province == "Tibet")
        #expect(throws: RowIssues.self) { try read(Issuer.self, issuer.merging(["province": "Atlantis"]) { $1 }) }
        #expect(throws: RowIssues.self) {
            try read(Issuer.self, issuer.merging(["listed_code": "<b>600001.SH</b>"]) { $1 })
        }
        // Listing codes in any case, kept in capitals as bond codes are.
        #expect(try read(Issuer.self, issuer.merging(["listed_code": "688001.sh"]) { $1 }).listedCode == "688001.SH")
        #expect(throws: RowIssues.self) { try read(Issuer.self, issuer.merging(["listed_code": "ı88001.SH"]) { $1 }) }
        let point = ["curve": "CGB", "date": "2025-06-03", "tenor": "50Y", "yield": "1.9"]
        #expect(try read(CurvePoint.self, point).tenor.description == "50Y")
        // Tenors in their largest exact unit, so that 12M and 1Y are one key.
        for (text, canonical) in [("12M", "1Y"), ("14D", "2W"), ("18M", "18M"), ("365D", "365D")] {
            #expect(try read(CurvePoint.self, point.merging(["tenor": text]) { $1 }).tenor.description == canonical)
        }
        for (column, bad) in [("tenor", "51Y"), ("tenor", "18300D"), ("yield", "-50")] {
            do {
                _ = try read(CurvePoint.self, point.merging([column: bad]) { $1 })
                Issue.record("accepted \(column) \(bad)")
            } catch {
                #expect(error.issues.map(\.column) == [column])
                // The value is named as written, not as the registry would spell it.
                #expect(error.issues.first?.reason.contains("'\(bad)'") == true, "\(error.issues)")
            }
        }
        let macro = [
            "series": "M1", "period": "2025-01", "value": "109", "unit": "CNY_trn", "definition": "M1_2025",
            "published": "2025-02-01",
        ]
        #expect(try read(MacroObservation.self, macro).published.iso8601 == "2025-02-01")
        // The official PMI of a month is published on its last day.
        let pmi = macro.merging(["series": "PMI", "value": "50.2", "unit": "index", "definition": "PMI_NBS"]) { $1 }
        #expect(try read(MacroObservation.self, pmi.merging(["published": "2025-01-31"]) { $1 }).published.day == 31)
        do {
            _ = try read(MacroObservation.self, macro.merging(["published": "2025-01-30"]) { $1 })
            Issue.record("accepted a figure published before its period ended")
        } catch {
            #expect(error.issues.map(\.column) == ["published"])
        }
    }

    @Test func keysIdentifyRows() throws {
        let a = try read(CurvePoint.self, ["curve": "CGB", "date": "2025-03-03", "tenor": "10Y", "yield": "1.75"])
        let b = try read(CurvePoint.self, ["curve": "CGB", "date": "2025-03-03", "tenor": "10Y", "yield": "1.80"])
        #expect(a.keyText == b.keyText)
        #expect(RecordKind.curves.keyColumns == ["curve", "date", "tenor"])
        #expect(RecordKind.allCases.allSatisfy { $0.recordType.kind == $0 })
    }
}
