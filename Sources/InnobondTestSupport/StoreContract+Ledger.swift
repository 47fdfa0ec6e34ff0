import InnobondModel
import InnobondStore
import Testing

/// The use-of-proceeds ledger's contract: allocations within their planned
/// use, corrections by reversal, entries never changed, balances the entries
/// explain. The fixtures allocate 300 m of the research use's 900 m and
/// 200,000,000.50 of the refinancing use's 760 m.
extension StoreContract {
    static let ledgerCases = [
        Case(name: "allocations stay within their planned use, dated in the bond's life", run: allocationLimits),
        Case(name: "a ledger entry is never changed; a reversal corrects it", run: ledgerCorrections),
        Case(name: "an unallocated balance is what the entries before it leave", run: balancesExplained),
    ]

    static let allocationHeader = "bond_code,entry,report_date,project,category,amount_cny,reverses,source_title\n"

    static func allocationLimits(_ store: any RegistryStore) async throws {
        try await importAll(store)
        // 300 m of 900 m are allocated: 600,000,000.01 more is one fen too many.
        try await expectRejected(
            store, .allocations,
            allocationHeader + "102580123.IB,X-1,2026-12-31,第三代半导体研发,rd,600000000.01,,report\n",
            [(2, "amount_cny")], reason: "allocations would total 900000000.01 yuan, more than its planned amount")
        let fits = try await importText(
            store, .allocations,
            allocationHeader + "102580123.IB,X-1,2026-12-31,第三代半导体研发,capacity,600000000,,report\n")
        #expect(fits.committed && fits.inserted == 1, "\(fits.issues)")
        // After maturity, and on a use the bond does not have.
        try await expectRejected(
            store, .allocations,
            allocationHeader + "102580123.IB,X-2,2030-05-09,偿还有息债务,refinancing,1,,report\n"
                + "102580123.IB,X-3,2026-12-31,Unknown project,rd,1,,report\n",
            [(2, "report_date"), (3, "project")], reason: "outside the bond's life")
        // A planned use may not drop below what was allocated to it.
        try await expectRejected(
            store, .useOfProceeds, "bond_code,project,category,planned_cny\n102580123.IB,第三代半导体研发,rd,899999999.99\n",
            [(2, "planned_cny")], reason: "900000000 yuan of allocations already committed for this planned use")
        // other is for allocations and changes, not for committed uses.
        try await expectRejected(
            store, .useOfProceeds, "bond_code,project,category,planned_cny\n102580123.IB,Other,other,1\n",
            [(2, "category")])
        #expect(try await store.check().isClean)
    }

    static func ledgerCorrections(_ store: any RegistryStore) async throws {
        try await importAll(store)
        // The same file again leaves the ledger as it was recorded.
        let again = try await importText(store, .allocations, text(.allocations))
        #expect(again.committed && again.unchanged == 4 && again.inserted == 0, "\(again)")
        // Another amount under a recorded entry is refused.
        try await expectRejected(
            store, .allocations,
            allocationHeader + "102580123.IB,2025A-01,2025-12-31,第三代半导体研发,rd,300000001,,report\n",
            [(2, "entry")], reason: "never changed; record a correction as a new row")
        // A reversal of more than was allocated to the use, of an unknown
        // entry, and a negative amount that names no entry.
        try await expectRejected(
            store, .allocations,
            allocationHeader + "102580123.IB,R-1,2026-12-31,第三代半导体研发,rd,-300000000.01,2025A-01,report\n",
            [(2, "amount_cny")], reason: "less than nothing")
        try await expectRejected(
            store, .allocations,
            allocationHeader + "102580123.IB,R-1,2026-12-31,第三代半导体研发,rd,-1,NOPE,report\n"
                + "102580123.IB,R-2,2026-12-31,第三代半导体研发,rd,-1,,report\n",
            [(2, "reverses"), (3, "reverses")], reason: "no allocation entry '102580123.IB, NOPE'")
        // A reversal and its restatement, and an entry reversed in its own file.
        let corrected = try await importText(
            store, .allocations,
            allocationHeader + "102580123.IB,R-1,2026-12-31,第三代半导体研发,rd,-300000000,2025A-01,correction\n"
                + "102580123.IB,R-2,2026-12-31,第三代半导体研发,capacity,250000000,,correction\n"
                + "102580123.IB,R-3,2026-12-31,第三代半导体研发,other,1000,,correction\n"
                + "102580123.IB,R-4,2026-12-31,第三代半导体研发,other,-1000,R-3,correction\n")
        #expect(corrected.committed && corrected.inserted == 4, "\(corrected.issues)")
        let snapshot = try await store.loadSnapshot()
        let research = snapshot.records(Allocation.self).filter { $0.project == "第三代半导体研发" }
        #expect(research.map(\.amount.fen).reduce(0, +) == 25_000_000_000)
        // Each entry keeps the moment it was recorded.
        let recorded = try await store.withConsistentReader { reader in
            try await reader.rows(of: StoredTable(TableSchema.of(.allocations)), after: nil, limit: 100)
        }
        #expect(recorded.count == 8 && recorded.allSatisfy { $0.last?.textValue?.hasSuffix("Z") == true })
    }

    static func balancesExplained(_ store: any RegistryStore) async throws {
        try await importAll(store)
        let header = "bond_code,report_date,balance_cny,deposits_cny,money_market_funds_cny,source_title\n"
        // 1,660 m less 500,000,000.50 allocated by the end of 2025: 10,000
        // yuan apart is within the tolerance, a fen more is not.
        let within = try await importText(
            store, .unallocatedBalances, header + "102580123.IB,2025-12-31,1160009999.50,,,restated\n")
        #expect(within.committed && within.replaced == 1, "\(within.issues)")
        try await expectRejected(
            store, .unallocatedBalances, header + "102580123.IB,2025-12-31,1160009999.51,,,restated\n",
            [(2, "balance_cny")],
            reason: "less the 500000000.50 yuan of allocations recorded by this date leaves 1159999999.50")
        // Placements that do not add up to the balance.
        try await expectRejected(
            store, .unallocatedBalances, header + "102580123.IB,2026-06-30,1160000000,1000000000,1,placed\n",
            [(2, "balance_cny")], reason: "the placements add up to 1000000001 yuan")
    }
}
