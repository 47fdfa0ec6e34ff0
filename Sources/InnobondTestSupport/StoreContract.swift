import Crypto
import Foundation
import InnobondIO
import InnobondModel
import InnobondStore
import Testing

/// The behaviour every registry store must show, run against SQLite always
/// and PostgreSQL when a server is given. Each case gets a new, empty store.
public enum StoreContract {
    /// Makes a new, empty store.
    public typealias StoreMaker = @Sendable () async throws -> any RegistryStore

    /// One contract case.
    public struct Case: Sendable, CustomTestStringConvertible {
        public let name: String
        let body: @Sendable (any RegistryStore, StoreMaker) async throws -> Void
        public var testDescription: String { name }

        init(name: String, run: @escaping @Sendable (any RegistryStore) async throws -> Void) {
            self.name = name
            body = { store, _ in try await run(store) }
        }

        init(name: String, run: @escaping @Sendable (any RegistryStore, StoreMaker) async throws -> Void) {
            self.name = name
            body = run
        }

        /// Runs the case on a new store from `makeStore`, which it may call for more.
        public func run(_ makeStore: @escaping StoreMaker) async throws {
            let store = try await makeStore()
            try await body(store, makeStore)
            try await store.close()
        }
    }

    /// Every case.
    public static let cases = coreCases + ledgerCases + integrityCases + shieldCases

    /// The cases of every kind and of the store itself.
    static let coreCases: [Case] = [
        Case(name: "every kind imports and round-trips through CSV and JSON", run: roundTrip),
        Case(name: "importing the same file twice leaves the same registry", run: idempotentImport),
        Case(name: "a file with a bad row writes nothing", run: badRowWritesNothing),
        Case(name: "skipping invalid rows writes the rest", run: skipInvalid),
        Case(name: "each kind of bad value is named by line and column", run: badValues),
        Case(name: "unknown, repeated and missing columns make a file unusable", run: badHeaders),
        Case(name: "a key repeated within a file is a bad row", run: duplicateKeys),
        Case(name: "references to missing rows are bad rows", run: danglingReferences),
        Case(name: "planned uses may not exceed a bond's amount", run: proceedsWithinAmount),
        Case(name: "a file cut off mid-row reports the cut row", run: truncatedFile),
        Case(name: "a file of many chunks is read in order, every line counted", run: manyChunks),
        Case(name: "JSON members are checked like CSV columns", run: jsonProblems),
        Case(name: "the snapshot and quote ranges read what was written", run: snapshotAndQuotes),
        Case(name: "the version grows with each committed import only", run: versionGrows),
        Case(name: "tokens are kept by hash, found while valid, and revoked", run: tokens),
        Case(name: "sessions resolve to their token until ended, expired or revoked", run: sessions),
        Case(name: "a negative zero is stored and exported as 0", run: negativeZero),
        Case(name: "every write appends a chained audit entry; a refused import none", run: audited),
        Case(name: "a versioned kind keeps every revision and refuses a stale one", run: versioned),
    ]

    // MARK: Fixtures

    /// A small valid registry, one file text per kind, in import order. The
    /// codes carry valid check characters (GB 32100-2015).
    public static let files: [(RecordKind, String)] = [
        (
            .issuers,
            """
            uscc,name,name_en,sector,province,ownership,listed_code
            91350100M000100Y43,示例芯片股份有限公司,"Example Chips Co., Ltd.",semiconductors,Fujian,private,600001.SH
            91440300708461136T,华为技术有限公司,Huawei Technologies Co. Ltd.,ai_software,Guangdong,private,
            """
        ),
        (
            .issuerFinancials,
            """
            uscc,year,revenue_cny,rd_spend_cny,invention_patents
            91350100M000100Y43,2023,1200000000.50,150000000,310
            91350100M000100Y43,2024,1500000000,180000000.25,
            """
        ),
        (
            .bonds,
            """
            code,uscc,name,type,sci_tech,regime,issue_date,maturity_date,amount_cny,coupon_rate,frequency,day_count,rating,put_date,coupon_reset_date,approval_days
            102580123.IB,91350100M000100Y43,25示例科创债01,mtn,true,tech_board_2025,2025-05-09,2030-05-09,1660000000,2.10,1,ACT/ACT-ICMA,AA+,2028-05-09,2028-05-09,7
            240001.SH,91440300708461136T,24华为01,corporate_bond,false,,2024-03-15,2027-03-15,3000000000.00,2.45,1,ACT/365F,AAA,,,21
            012580001.IB,91350100M000100Y43,25示例SCP001,commercial_paper,false,,2025-06-03,2026-02-28,500000000,1.80,0,ACT/365F,,,,
            """
        ),
        (
            .useOfProceeds,
            """
            bond_code,project,category,planned_cny
            102580123.IB,第三代半导体研发,rd,900000000
            102580123.IB,偿还有息债务,refinancing,760000000
            """
        ),
        (
            .quotes,
            """
            bond_code,date,clean_price,yield,source
            102580123.IB,2025-06-03,100.25,2.0412,chinabond
            102580123.IB,2025-06-04,,2.0388,chinabond
            102580123.IB,2025-06-05,100.31,,trade
            240001.SH,2025-06-03,101.5,1.98,chinabond
            """
        ),
        (
            .curves,
            """
            curve,date,tenor,yield
            CGB,2025-06-03,3M,1.4301
            CGB,2025-06-03,10Y,1.6502
            AAA_corporate,2025-06-03,5Y,1.9
            """
        ),
        (
            .macro,
            """
            series,period,value,yoy_pct,unit,definition,published
            M2,2025-02,320.52,7.0,CNY_trn,M2_2001,2025-03-13
            M1,2025-02,109.44,0.1,CNY_trn,M1_2025,2025-03-13
            M1,2024-01,63.3,,CNY_trn,M1_2001,2024-02-13
            tech_sme_loans,2025-Q4,3.63,19.8,CNY_trn,tech_sme_loans_2023,2026-01-27
            """
        ),
        (
            .investments,
            """
            sector,year,amount_usd_bn,source
            Semiconductor design & equipment,2022,12.4,founding briefing
            Semiconductor design & equipment,2023,18.7,founding briefing
            """
        ),
        (
            .allocations,
            """
            bond_code,entry,report_date,project,category,amount_cny,reverses,source_title,source_url,source_filing,source_page
            102580123.IB,2025A-01,2025-12-31,第三代半导体研发,rd,300000000,,2025年度募集资金使用情况报告,https://example.com/2025.pdf,,12
            102580123.IB,2025A-02,2025-12-31,偿还有息债务,working_capital,200000000.50,,2025年度募集资金使用情况报告,,,13
            102580123.IB,2026S-01,2026-06-30,偿还有息债务,working_capital,-200000000.50,2025A-02,2026年半年度募集资金使用情况报告,,SH-2026-0831-7,
            102580123.IB,2026S-02,2026-06-30,偿还有息债务,refinancing,200000000.50,,2026年半年度募集资金使用情况报告,,SH-2026-0831-7,
            """
        ),
        (
            .unallocatedBalances,
            """
            bond_code,report_date,balance_cny,deposits_cny,money_market_funds_cny,bonds_cny,other_cny,source_title,source_url,revision
            102580123.IB,2025-12-31,1159999999.50,1000000000,159999999.50,,,2025年度募集资金使用情况报告,,
            102580123.IB,2026-06-30,1160000000,,,,,2026年半年度募集资金使用情况报告,,
            """
        ),
        (
            .useChanges,
            """
            bond_code,change_id,change_date,from_project,from_category,to_project,to_category,amount_cny,resolution,resolution_date,reason,source_title,source_url
            102580123.IB,C1,2026-03-20,第三代半导体研发,rd,,working_capital,100000000,2026年第一次债券持有人会议决议,2026-03-18,研发进度调整,关于变更募集资金用途的公告,
            """
        ),
        (
            .eligibilityEvidence,
            """
            uscc,title,certificate,certifying_body,policy_basis,issued_on,expires_on,source_title,source_url,revision
            91350100M000100Y43,high_tech_enterprise,GR202335000123,福建省科学技术厅,国科发火〔2016〕32号,2023-12-01,2026-11-30,募集说明书,,
            91350100M000100Y43,little_giant,,工业和信息化部,工信部企业函〔2022〕191号,2022-08-01,,募集说明书,,
            """
        ),
        (
            .impactReports,
            """
            bond_code,period_end,kpi,description,value,unit,source_title,source_url,revision
            102580123.IB,2025-12-31,patents_filed,,14,count,2025年度存续期信息披露报告,,
            102580123.IB,2025-12-31,rd_spending_financed,,285000000.5,CNY,2025年度存续期信息披露报告,,
            """
        ),
    ]

    static func text(_ kind: RecordKind) -> String { files.first { $0.0 == kind }!.1 + "\n" }

    /// Imports a file's text.
    public static func importText(
        _ store: any RegistryStore, _ kind: RecordKind, _ text: String, format: ImportSource.Format = .csv,
        skipInvalid: Bool = false
    ) async throws -> ImportReport {
        let source = try ImportSource(kind: kind, format: format, input: MemoryInput(Array(text.utf8), readLimit: 7))
        return try await store.importRows(from: source, options: ImportOptions(skipInvalid: skipInvalid))
    }

    /// Exports a kind to text.
    public static func exportText(_ store: any RegistryStore, _ kind: RecordKind, format: ImportSource.Format = .csv)
        async throws -> String
    {
        let output = MemoryOutput()
        try await store.export(kind: kind, to: try RecordWriter(kind: kind, format: format, output: output))
        return output.text
    }

    /// Imports every fixture file.
    public static func importAll(_ store: any RegistryStore) async throws {
        for (kind, text) in files {
            let report = try await importText(store, kind, text + "\n")
            #expect(report.badRows == 0, "\(kind): \(report.issues)")
        }
    }

    /// The whole registry as exported text, kind by kind.
    static func exportAll(_ store: any RegistryStore, format: ImportSource.Format = .csv) async throws -> [String] {
        var texts: [String] = []
        for kind in RecordKind.allCases { texts.append(try await exportText(store, kind, format: format)) }
        return texts
    }

    /// Imports `text` and expects it rejected with exactly these `line, column` pairs.
    static func expectRejected(
        _ store: any RegistryStore, _ kind: RecordKind, _ text: String, _ expected: [(Int, String)],
        reason: String? = nil, format: ImportSource.Format = .csv, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await exportAll(store)
        let report = try await importText(store, kind, text, format: format)
        #expect(!report.committed, sourceLocation: sourceLocation)
        #expect(
            report.issues.map { "\($0.line):\($0.column)" } == expected.map { "\($0.0):\($0.1)" },
            "\(report.issues)", sourceLocation: sourceLocation)
        if let reason {
            #expect(
                report.issues.contains { $0.reason.contains(reason) }, "\(report.issues)",
                sourceLocation: sourceLocation)
        }
        #expect(
            try await exportAll(store) == before, "a rejected file changed the registry", sourceLocation: sourceLocation
        )
    }

    // MARK: Cases

    /// Export, import into an empty store, export again: the same files, in
    /// both formats; and importing an export into its own store changes nothing.
    static func roundTrip(_ store: any RegistryStore, _ makeStore: StoreMaker) async throws {
        try await importAll(store)
        let exported = try await exportAll(store)
        #expect(exported[RecordKind.allCases.firstIndex(of: .bonds)!].contains("1660000000,2.1,1,ACT/ACT-ICMA"))
        #expect(
            exported[RecordKind.allCases.firstIndex(of: .issuerFinancials)!].contains("1200000000.50,150000000,310"))
        for format in ImportSource.Format.allCases {
            let texts = try await exportAll(store, format: format)
            let empty = try await makeStore()
            for target in [empty, store] {
                for (kind, text) in zip(RecordKind.allCases, texts) {
                    let report = try await importText(target, kind, text, format: format)
                    #expect(report.badRows == 0 && report.committed, "\(kind) \(format): \(report.issues)")
                }
                #expect(try await exportAll(target, format: format) == texts)
            }
            try await empty.close()
        }
    }

    static func idempotentImport(_ store: any RegistryStore) async throws {
        try await importAll(store)
        let first = try await exportAll(store)
        try await importAll(store)
        #expect(try await exportAll(store) == first)
    }

    static func badRowWritesNothing(_ store: any RegistryStore) async throws {
        try await importAll(store)
        let file =
            text(.issuers) + "91110000600037341L,New Issuer,,semiconductors,Beijing,private,\n"
            + "91110000600037341X,Bad Code,,semiconductors,Beijing,private,\n"
        try await expectRejected(store, .issuers, file, [(5, "uscc")], reason: "check character")
    }

    static func skipInvalid(_ store: any RegistryStore) async throws {
        try await importAll(store)
        let file = """
            uscc,name,sector,province,ownership
            91110000600037341L,New Issuer,semiconductors,Beijing,private
            91110000600037341X,Bad Code,semiconductors,Beijing,private
            91110000600037341L,Repeated,semiconductors,Beijing,private

            """
        let report = try await importText(store, .issuers, file, skipInvalid: true)
        #expect(report.committed)
        #expect(report.rowsRead == 3 && report.rowsWritten == 1 && report.badRows == 2)
        #expect(report.issues.map(\.line) == [3, 4])
        let snapshot = try await store.loadSnapshot()
        #expect(snapshot.issuers.count == 3)
        #expect(snapshot.issuersByCode[try USCC("91110000600037341L")]?.name == "New Issuer")
    }

    static func badValues(_ store: any RegistryStore) async throws {
        try await importAll(store)
        let bondHeader =
            "code,uscc,name,type,sci_tech,regime,issue_date,maturity_date,amount_cny,coupon_rate,frequency,day_count,rating,put_date,coupon_reset_date,approval_days\n"
        let good =
            "260001.SZ,91350100M000100Y43,26示例01,corporate_bond,false,,2026-01-05,2029-01-05,100000000,2,1,ACT/365F,AA,,,"
        func bond(_ replace: (inout [String]) -> Void) -> String {
            var fields = good.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            replace(&fields)
            return bondHeader + good.replacingOccurrences(of: "260001", with: "260002") + "\n"
                + fields.joined(separator: ",") + "\n"
        }
        let cases: [(String, String, String)] = [
            (bond { $0[0] = "260001" }, "code", "bond code"),
            (bond { $0[1] = "91350100M000100Y44" }, "uscc", "check character"),
            (bond { $0[3] = "loan" }, "type", "unknown value"),
            (bond { $0[4] = "yes please" }, "sci_tech", "true or false"),
            (bond { $0[5] = "tech_board_2025" }, "regime", "sci-tech bonds only"),
            (bond { $0[6] = "2026-02-30" }, "issue_date", "no such calendar date"),
            (bond { $0[7] = "2025-01-05" }, "maturity_date", "after issue_date"),
            (bond { $0[8] = "0" }, "amount_cny", "greater than 0"),
            (bond { $0[8] = "100.001" }, "amount_cny", "two decimals"),
            (bond { $0[8] = "1000000000000.01" }, "amount_cny", "at most 1000000000000 yuan"),
            (bond { $0[2] = "26示例\u{0}01" }, "name", "NUL"),
            (bond { $0[9] = "31" }, "coupon_rate", "between 0 and 30"),
            (bond { $0[10] = "3" }, "frequency", "0, 1, 2, 4 or 12"),
            (bond { $0[11] = "30E/360" }, "day_count", "unknown value"),
            (bond { $0[12] = "AAA+" }, "rating", "not a rating"),
            (bond { $0[13] = "2030-01-01" }, "put_date", "before maturity_date"),
            (bond { $0[15] = "-1" }, "approval_days", "whole number"),
            (bond { $0[2] = "" }, "name", "missing value"),
        ]
        for (file, column, reason) in cases {
            try await expectRejected(store, .bonds, file, [(3, column)], reason: reason)
        }
        try await expectRejected(
            store, .useOfProceeds, "bond_code,project,category,planned_cny\n240001.SH,Lab,research,100\n",
            [(2, "category")])
        try await expectRejected(
            store, .quotes, "bond_code,date,clean_price,yield,source\n240001.SH,2025-06-04,,,chinabond\n",
            [(2, "yield")],
            reason: "clean_price or yield")
        try await expectRejected(store, .curves, "curve,date,tenor,yield\nCGB,2025-06-04,3X,1.5\n", [(2, "tenor")])
        try await expectRejected(
            store, .macro,
            "series,period,value,yoy_pct,unit,definition,published\nM2,2025-13,1,,CNY_trn,M2_2001,2026-01-13\n",
            [(2, "period")])
        try await expectRejected(
            store, .investments, "sector,year,amount_usd_bn,source\nChips,2023,-1,briefing\n", [(2, "amount_usd_bn")])
        try await expectRejected(
            store, .issuerFinancials, "uscc,year,revenue_cny,rd_spend_cny\n91350100M000100Y43,1800,1,1\n", [(2, "year")]
        )
    }

    static func badHeaders(_ store: any RegistryStore) async throws {
        for (text, expected) in [
            ("curve,date,tenor,yield,colour\nCGB,2025-06-03,1Y,1.5,red\n", ["1:colour"]),
            ("curve,date,tenor\nCGB,2025-06-03,1Y\n", ["1:yield"]),
            ("curve,date,tenor,yield,tenor\nCGB,2025-06-03,1Y,1.5,1Y\n", ["1:tenor"]),
            ("", ["1:-"]),
        ] {
            do {
                _ = try await importText(store, .curves, text)
                Issue.record("accepted an unusable file: \(text)")
            } catch StoreError.unusableFile(let issues) {
                #expect(issues.map { "\($0.line):\($0.column)" } == expected)
            }
        }
        #expect(try await store.loadSnapshot().counts[.curves] == 0)
    }

    static func duplicateKeys(_ store: any RegistryStore) async throws {
        try await importAll(store)
        let file = "curve,date,tenor,yield\nCGB,2025-06-04,1Y,1.5\nCGB,2025-06-04,2Y,1.6\nCGB,2025-06-04,1Y,1.55\n"
        try await expectRejected(store, .curves, file, [(4, "curve")], reason: "line 2")
        // Each check lists the rows it marked, and only those: a key repeated
        // twice names its first line both times; a missing issuer is its own issue.
        let header =
            "code,uscc,name,type,sci_tech,issue_date,maturity_date,amount_cny,coupon_rate,frequency,day_count\n"
        let bond = "corporate_bond,false,2026-01-05,2029-01-05,1000,2,1,ACT/365F\n"
        let bonds =
            header + "260010.SH,91350100M000100Y43,甲,\(bond)" + "260011.SH,91110000600037341L,无主债,\(bond)"
            + "260010.SH,91350100M000100Y43,乙,\(bond)" + "260010.SH,91350100M000100Y43,丙,\(bond)"
        // One key written 20,000 times: every repeat is named by its first line.
        let repeated = "curve,date,tenor,yield\n" + String(repeating: "CGB,2025-06-04,1Y,1.5\n", count: 20_000)
        let repeats = try await importText(store, .curves, repeated)
        #expect(!repeats.committed && repeats.badRows == 19_999)
        #expect(
            repeats.issues.first.map { "\($0.line) \($0.reason)" } == "3 repeats the key (curve, date, tenor) of line 2"
        )
        let report = try await importText(store, .bonds, bonds)
        #expect(!report.committed && report.badRows == 3)
        #expect(
            report.issues.map { "\($0.line):\($0.column):\($0.reason)" } == [
                "3:uscc:no issuer '91110000600037341L' in the registry (import issuers first)",
                "4:code:repeats the key (code) of line 2", "5:code:repeats the key (code) of line 2",
            ])
    }

    /// 40,000 curve points (about 1 MB, several chunks validated on several
    /// threads): bad rows, blank lines and CRLF lines spread across the file
    /// are named by their own lines, and the good rows are written.
    static func manyChunks(_ store: any RegistryStore) async throws {
        var text = "curve,date,tenor,yield\n"
        var line = 1
        var bad: [Int] = []
        for index in 0..<40_000 {
            if index % 9_001 == 4_000 {
                text += "\n"
                line += 1
            }
            line += 1
            let yield = index % 7_919 == 1_234 ? "x" : "1.5"
            if yield == "x" { bad.append(line) }
            text += "K\(index / 600),2025-06-04,\(index % 600 + 1)M,\(yield)" + (index % 5 == 0 ? "\r\n" : "\n")
        }
        let report = try await importText(store, .curves, text, skipInvalid: true)
        #expect(report.rowsRead == 40_000)
        #expect(report.issues.map(\.line) == bad && report.issues.allSatisfy { $0.column == "yield" })
        #expect(report.committed && report.rowsWritten == 40_000 - bad.count)
        #expect(try await store.loadSnapshot().counts[.curves] == 40_000 - bad.count)
    }

    static func danglingReferences(_ store: any RegistryStore) async throws {
        try await importAll(store)
        let bonds =
            "code,uscc,name,type,sci_tech,issue_date,maturity_date,amount_cny,coupon_rate,frequency,day_count\n"
            + "260009.SH,91110000600037341L,无主债,corporate_bond,false,2026-01-05,2029-01-05,1000,2,1,ACT/365F\n"
        try await expectRejected(store, .bonds, bonds, [(2, "uscc")], reason: "no issuer")
        try await expectRejected(
            store, .quotes, "bond_code,date,yield,source\n999999.SH,2025-06-03,2,chinabond\n", [(2, "bond_code")],
            reason: "no bond")
        // A bond is quoted during its life only (102580123.IB: 2025-05-09 to 2030-05-09).
        try await expectRejected(
            store, .quotes,
            "bond_code,date,yield,source\n102580123.IB,2025-05-08,2,chinabond\n102580123.IB,2030-05-09,2,cfets\n"
                + "102580123.IB,2031-01-02,2,cfets\n",
            [(2, "date"), (3, "date"), (4, "date")],
            reason:
                "outside the bond's life: quotes run from its issue date 2025-05-09 to the day before its maturity 2030-05-09"
        )
        // A bond's new life keeps its quotes (240001.SH is quoted on 2025-06-03).
        let shortened = text(.bonds).replacingOccurrences(
            of: ",2024-03-15,2027-03-15,", with: ",2024-03-15,2025-06-03,")
        try await expectRejected(
            store, .bonds, shortened, [(3, "maturity_date")],
            reason: "would leave 1 quote of this bond (2025-06-03) outside its life")
        // 102580123.IB is quoted from 2025-06-03 to 2025-06-05: a later issue date strands them.
        let later = text(.bonds).replacingOccurrences(
            of: ",2025-05-09,2030-05-09,", with: ",2025-06-04,2030-05-09,")
        try await expectRejected(
            store, .bonds, later, [(2, "issue_date")], reason: "would leave 1 quote of this bond (2025-06-03)")
        try await expectRejected(
            store, .useOfProceeds, "bond_code,project,category,planned_cny\n999999.SH,Lab,rd,100\n", [(2, "bond_code")])
        try await expectRejected(
            store, .issuerFinancials, "uscc,year,revenue_cny,rd_spend_cny\n91110000600037341L,2024,1,1\n", [(2, "uscc")]
        )
    }

    static func proceedsWithinAmount(_ store: any RegistryStore) async throws {
        try await importAll(store)
        // 900 m + 760 m are already planned of 1,660 m: one more yuan is too much.
        try await expectRejected(
            store, .useOfProceeds, "bond_code,project,category,planned_cny\n102580123.IB,Extra,capacity,0.01\n",
            [(2, "planned_cny")], reason: "more than its amount")
        // Replacing a project by key frees its amount.
        let report = try await importText(
            store, .useOfProceeds,
            "bond_code,project,category,planned_cny\n102580123.IB,偿还有息债务,refinancing,700000000\n"
                + "102580123.IB,Extra,capacity,60000000\n")
        #expect(report.committed && report.rowsWritten == 2)
        // A bond's amount may not drop below what is planned.
        let bonds = text(.bonds).replacingOccurrences(of: ",1660000000,", with: ",1000000000,")
        try await expectRejected(store, .bonds, bonds, [(2, "amount_cny")], reason: "planned uses")
    }

    static func truncatedFile(_ store: any RegistryStore) async throws {
        try await importAll(store)
        let file = "curve,date,tenor,yield\nCGB,2025-06-04,1Y,1.5\nCGB,2025-06-04,2"
        try await expectRejected(store, .curves, file, [(3, "tenor"), (3, "yield")])
        let quoted = "curve,date,tenor,yield\nCGB,2025-06-04,1Y,1.5\n\"CGB,2025-06-04,2Y,1.6\n"
        try await expectRejected(store, .curves, quoted, [(3, "curve")], reason: "not closed")
    }

    static func jsonProblems(_ store: any RegistryStore) async throws {
        try await importAll(store)
        let file = """
            [
            {"curve": "CGB", "date": "2025-06-04", "tenor": "1Y", "yield": 1.5},
            {"curve": "CGB", "date": "2025-06-04", "tenor": "2Y", "yield": 1.6, "note": "x"},
            {"curve": "CGB", "date": "2025-06-04", "tenor": {"years": 3}, "yield": 1.7},
            {"curve": "CGB", "date": "2025-02-30", "tenor": "5Y", "yield": 1.8, "extra": 1}
            ]
            """
        // JSON rows are numbered by their position among the records, as several may share a line;
        // an unknown member does not hide the other problems of its record.
        try await expectRejected(
            store, .curves, file, [(2, "note"), (3, "tenor"), (4, "date"), (4, "extra")], format: .json)
        do {
            _ = try await importText(store, .curves, "[{\"curve\": \"CGB\",}]", format: .json)
            Issue.record("accepted malformed JSON")
        } catch StoreError.unusableFile(let issues) {
            #expect(issues.first?.line == 1)
            // Where on the line: the closing brace after the comma, byte 18.
            #expect(issues.first?.reason.hasPrefix("JSON, byte 18 of the line: ") == true, "\(issues)")
        }
    }

    static func versionGrows(_ store: any RegistryStore) async throws {
        #expect(try await store.registryVersion() == 0)
        try await importAll(store)
        let afterAll = try await store.registryVersion()
        #expect(afterAll == Int64(files.count))
        // A rejected file commits nothing and leaves the version as it was.
        let rejected = try await importText(store, .curves, "curve,date,tenor,yield\nCGB,2025-13-01,1Y,1.4\n")
        #expect(!rejected.committed)
        #expect(try await store.registryVersion() == afterAll)
        _ = try await importText(store, .curves, text(.curves))
        #expect(try await store.registryVersion() == afterAll + 1)
    }

    static func tokens(_ store: any RegistryStore) async throws {
        let hash = String(repeating: "ab", count: 32)
        let other = String(repeating: "cd", count: 32)
        let analyst = try await store.createToken(name: "desk", role: .analyst, secretHash: hash, actor: .system)
        let admin = try await store.createToken(name: "ops", role: .admin, secretHash: other, actor: .system)
        #expect(analyst.role == .analyst && analyst.revoked == nil && admin.id > analyst.id)
        #expect(analyst.created.count == 20 && analyst.created.hasSuffix("Z"))
        #expect(try await store.token(secretHash: hash) == analyst)
        #expect(try await store.token(secretHash: String(repeating: "ef", count: 32)) == nil)
        // The same secret hash twice is refused by the database.
        await #expect(throws: (any Error).self) {
            _ = try await store.createToken(name: "again", role: .viewer, secretHash: hash, actor: .system)
        }
        #expect(try await store.revokedTokenCount() == 0)
        #expect(try await store.revokeToken(id: analyst.id, actor: .system))
        #expect(!(try await store.revokeToken(id: analyst.id, actor: .system)))
        // Servers drop their cached tokens when this count moves.
        #expect(try await store.revokedTokenCount() == 1)
        #expect(try await store.token(secretHash: hash) == nil)
        let all = try await store.tokens()
        #expect(all.map(\.name) == ["desk", "ops"] && all[0].revoked != nil && all[1].revoked == nil)
    }

    static func audited(_ store: any RegistryStore) async throws {
        let issuers = text(.issuers)
        let actor = WriteActor(tokenID: 7, name: "token 7 (desk, admin)")
        func importIssuers(_ text: String) async throws -> ImportReport {
            let source = try ImportSource(kind: .issuers, format: .csv, input: MemoryInput(Array(text.utf8)))
            return try await store.importRows(from: source, options: ImportOptions(actor: actor))
        }
        _ = try await importIssuers(issuers)
        _ = try await importIssuers(issuers)
        let renamed = issuers.replacingOccurrences(of: "华为技术有限公司", with: "华为技术有限公司 renamed")
        _ = try await importIssuers(renamed)
        // A refused import writes nothing, in the log neither.
        let refused = try await importIssuers(issuers + "91350100M000100Y4X,bad,,x,Fujian,private,\n")
        #expect(!refused.committed)
        let token = try await store.createToken(
            name: "ops", role: .admin, secretHash: String(repeating: "ef", count: 32), actor: .commandLine)
        #expect(try await store.revokeToken(id: token.id, actor: .commandLine))

        let entries = try await store.auditEntries(AuditFilter())
        #expect(entries.map(\.action) == [.import, .import, .import, .tokenCreate, .tokenRevoke])
        #expect(entries.map(\.id) == [1, 2, 3, 4, 5])
        let counts = entries.prefix(3).map { [$0.rowsRead, $0.inserted, $0.replaced, $0.unchanged, $0.rejected] }
        #expect(counts == [[2, 2, 0, 0, 0], [2, 0, 0, 2, 0], [2, 0, 1, 1, 0]])
        let digest = SHA256.hash(data: Data(issuers.utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(entries[0].sha256 == digest && entries[0].actor == actor.name && entries[0].tokenID == 7)
        #expect(entries[0].kind == .issuers && entries[3].kind == nil)
        #expect(entries.prefix(3).map(\.version) == [1, 2, 3], "imports bump the version")
        #expect(entries[3].version == 3 && entries[3].detail?.contains("ops") == true)
        #expect(entries[0].previousHash == AuditEntry.genesis)
        #expect(AuditEntry.firstBreak(in: entries) == nil)
        #expect(try await store.check().isClean)
        // Filters.
        #expect(try await store.auditEntries(AuditFilter(kind: .issuers)).count == 3)
        #expect(try await store.auditEntries(AuditFilter(tokenID: 7)).count == 3)
        #expect(try await store.auditEntries(AuditFilter(after: 3)).map(\.id) == [4, 5])
        #expect(try await store.auditEntries(AuditFilter(since: "2999-01-01")).isEmpty)
    }

    /// A compliance case of the fixtures' first issuer, in a state.
    public static func caseFile(_ rows: [String], revision: Bool = false) -> String {
        "case_id,uscc,jurisdiction,authority,citation,measure_date,counterparty,discovered,reported,exemption_filed,"
            + "claims_cny,legal_basis,state,notes\(revision ? ",revision" : "")\n" + rows.joined(separator: "\n") + "\n"
    }

    public static let caseRow =
        "C-1,91350100M000100Y43,United States,BIS,Federal Register 2024-28267,2024-12-05,,2024-12-10,,,,"
        + "MOFCOM Order No. 1 of 2021,detected,"

    static func versioned(_ store: any RegistryStore) async throws {
        _ = try await importText(store, .issuers, text(.issuers))
        var report = try await importText(store, .complianceCases, caseFile([caseRow]))
        #expect(report.committed && report.inserted == 1, "\(report.issues)")
        report = try await importText(store, .complianceCases, caseFile([caseRow]))
        #expect(report.unchanged == 1 && report.inserted == 0 && report.replaced == 0)
        #expect(try await exportText(store, .complianceCases).hasSuffix(",detected,,1\n"))
        // A change from the current revision supersedes it.
        report = try await importText(store, .complianceCases, caseFile([caseRow + "first note,1"], revision: true))
        #expect(report.committed && report.replaced == 1, "\(report.issues)")
        #expect(try await exportText(store, .complianceCases).hasSuffix(",detected,first note,2\n"))
        // The same change again, from revision 1: stale.
        report = try await importText(store, .complianceCases, caseFile([caseRow + "other note,1"], revision: true))
        #expect(!report.committed && report.issues.first?.reason.contains("at revision 2") == true, "\(report.issues)")
        // A state change through the write unit.
        let key = ["case_id": "C-1"]
        let outcome = try await store.change(
            RecordChange(kind: .complianceCases, key: key, revision: 2, values: ["state": "assessing"]),
            actor: .commandLine)
        #expect(outcome.revision == 3 && outcome.changed.map(\.column) == ["state"])
        await #expect(throws: StoreError.self) {
            _ = try await store.change(
                RecordChange(kind: .complianceCases, key: key, revision: 2, values: ["state": "report_due"]),
                actor: .commandLine)
        }
        do {
            _ = try await store.change(
                RecordChange(kind: .complianceCases, key: key, revision: 2, values: ["state": "report_due"]),
                actor: .commandLine)
        } catch StoreError.conflict(_, let current) {
            #expect(current == 3)
        }
        // A state the case may not go to, and a date the rules refuse.
        for values: [String: String?] in [["state": "granted"], ["reported": "2024-12-01"]] {
            do {
                _ = try await store.change(
                    RecordChange(kind: .complianceCases, key: key, revision: 3, values: values), actor: .commandLine)
                Issue.record("\(values) was accepted")
            } catch StoreError.rejected {}
        }
        do {
            _ = try await store.change(
                RecordChange(kind: .complianceCases, key: ["case_id": "C-9"], revision: 1, values: ["state": "closed"]),
                actor: .commandLine)
            Issue.record("a change of no record was accepted")
        } catch StoreError.notFound {}
        // Every revision is kept; the snapshot and the export hold the current one.
        let history = try await store.withConsistentReader { reader in
            try await reader.rows(of: StoredTable(TableSchema.of(.complianceCases)), after: nil, limit: 10).count
        }
        #expect(history == 3)
        #expect(try await store.loadSnapshot().records(ComplianceCase.self).map(\.state) == [.assessing])
        let changes = try await store.auditEntries(AuditFilter(kind: .complianceCases)).filter { $0.action == .change }
        #expect(changes.count == 1 && changes[0].detail?.contains("\"before\":{\"state\":\"detected\"}") == true)
        #expect(try await store.check().isClean)
    }

    static func negativeZero(_ store: any RegistryStore) async throws {
        let report = try await importText(
            store, .curves, "curve,date,tenor,yield\nCGB,2025-06-03,1Y,-0\nCGB,2025-06-03,2Y,-0.0e3\n")
        #expect(report.committed)
        #expect(
            try await exportText(store, .curves) == "curve,date,tenor,yield\nCGB,2025-06-03,1Y,0\nCGB,2025-06-03,2Y,0\n"
        )
        #expect(try await exportText(store, .curves, format: .json).contains("\"yield\":0}"))
    }

    static func sessions(_ store: any RegistryStore) async throws {
        let token = try await store.createToken(
            name: "browser", role: .viewer, secretHash: String(repeating: "ab", count: 32), actor: .system)
        let live = String(repeating: "01", count: 32)
        let expired = String(repeating: "02", count: 32)
        try await store.createSession(tokenID: token.id, secretHash: live, lifetime: 3600, actor: .system)
        try await store.createSession(tokenID: token.id, secretHash: expired, lifetime: -1, actor: .system)
        #expect(try await store.sessionToken(secretHash: live) == token)
        #expect(try await store.sessionToken(secretHash: expired) == nil)
        #expect(try await store.sessionToken(secretHash: String(repeating: "03", count: 32)) == nil)
        #expect(try await store.endSession(secretHash: live, actor: .system))
        #expect(!(try await store.endSession(secretHash: live, actor: .system)))
        #expect(try await store.sessionToken(secretHash: live) == nil)
        // A session of a revoked token is no one's.
        let again = String(repeating: "04", count: 32)
        try await store.createSession(tokenID: token.id, secretHash: again, lifetime: 3600, actor: .system)
        #expect(try await store.sessionToken(secretHash: again) == token)
        #expect(try await store.revokeToken(id: token.id, actor: .system))
        #expect(try await store.sessionToken(secretHash: again) == nil)
    }

    static func snapshotAndQuotes(_ store: any RegistryStore) async throws {
        try await importAll(store)
        let snapshot = try await store.loadSnapshot()
        #expect(!snapshot.isDemo)
        #expect(snapshot.issuers.count == 2 && snapshot.bonds.count == 3 && snapshot.proceeds.count == 2)
        #expect(snapshot.counts[.quotes] == 4 && snapshot.counts[.macro] == 4)
        let bond = snapshot.bond(BondCode("102580123.IB")!)
        #expect(bond?.amount == Money(fen: 166_000_000_000) && bond?.putDate?.iso8601 == "2028-05-09")
        #expect(snapshot.bonds.first { $0.type == .commercialPaper }?.frequency == .atMaturity)
        // The typed reading of snapshots gives what the validating reading gives.
        func sameBothWays<Record: RegistryRecord & Equatable>(_ records: [Record]) throws {
            let schema = TableSchema.of(Record.kind)
            for record in records {
                let row = schema.values(of: record)
                #expect(try schema.snapshotRecord(of: row) as? Record == record)
                #expect(try schema.record(of: row) as? Record == record)
            }
        }
        try sameBothWays(snapshot.bonds)
        try sameBothWays(snapshot.curvePoints)
        try sameBothWays(snapshot.proceeds)
        let quotes = try await store.quotes(
            bond: BondCode("102580123.IB")!, from: try .init(iso8601: "2025-06-04"), through: nil)
        #expect(quotes.map(\.date.iso8601) == ["2025-06-04", "2025-06-05"])
        #expect(quotes[0].cleanPrice == nil && quotes[0].yieldPercent == 2.0388)
        #expect(quotes[1].source == "trade")
        // Each bond's latest: its last date, and of two sources that day the last by name.
        let added = try await importText(
            store, .quotes, "bond_code,date,clean_price,yield,source\n102580123.IB,2025-06-05,100.3,,cfets\n")
        #expect(added.committed)
        let latest = try await store.latestQuotes()
        #expect(latest.map(\.bondCode.value) == ["102580123.IB", "240001.SH"])
        #expect(latest.map(\.date.iso8601) == ["2025-06-05", "2025-06-03"])
        #expect(latest.map(\.source) == ["trade", "chinabond"] && latest[0].cleanPrice == 100.31)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
