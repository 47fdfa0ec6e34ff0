import Foundation
import GRDB
import GRDBSQLite
import InnobondIO
import InnobondModel
import InnobondSQLite
import InnobondStore
import InnobondTestSupport
import Testing

/// The checks of an import cost in proportion to the rows imported, not to
/// the registry's size. Measured in SQLite's virtual-machine steps
/// (`SQLITE_STMTSTATUS_VM_STEP`), which are the same on every run and every
/// machine, where seconds are not.
@Suite struct ImportCheckCostTests {
    /// A bond of the contract's issuer 91440300708461136T, numbered.
    static func bondLine(_ prefix: String, _ number: Int) -> String {
        "\(prefix)\(String(format: "%06d", number)).SH,91440300708461136T,Cost bond \(number),corporate_bond,false,,"
            + "2024-03-15,2029-03-15,100000000,2.45,1,ACT/365F,AAA,,,"
    }

    static let bondsHeader =
        "code,uscc,name,type,sci_tech,regime,issue_date,maturity_date,amount_cny,coupon_rate,frequency,day_count,"
        + "rating,put_date,coupon_reset_date,approval_days"

    /// The steps every check of a staged import of `staged` new bonds takes,
    /// in a registry of 1,500 bonds with `usesPerBond` planned uses each.
    static func checkSteps(usesPerBond: Int, staged: Int) async throws -> Int {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("innobond-cost-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("registry.sqlite").path
        let store = try SQLiteRegistryStore(path: path)
        try await StoreContract.importAll(store)
        let stored = (1...1500).map { bondLine("7", $0) }
        _ = try await StoreContract.importText(store, .bonds, ([bondsHeader] + stored).joined(separator: "\n") + "\n")
        if usesPerBond > 0 {
            var uses = ["bond_code,project,category,planned_cny"]
            for number in 1...1500 {
                for project in 0..<usesPerBond {
                    uses.append("7\(String(format: "%06d", number)).SH,Project \(project),rd,10000000")
                }
            }
            let report = try await StoreContract.importText(store, .useOfProceeds, uses.joined(separator: "\n") + "\n")
            #expect(report.rowsWritten == 1500 * usesPerBond)
        }
        try await store.close()

        let queue = try DatabaseQueue(path: path)
        return try await queue.write { db in
            let statements = ImportStatements(schema: TableSchema.of(.bonds), dialect: .sqlite)
            try db.execute(sql: statements.createStaging)
            let source = try ImportSource(
                kind: .bonds, format: .csv,
                input: MemoryInput(
                    Array((([bondsHeader] + (1...staged).map { bondLine("8", $0) }).joined(separator: "\n")).utf8),
                    name: "staged"))
            let placeholders = Array(repeating: "?", count: statements.stagingColumns.count).joined(separator: ", ")
            let insert = try db.makeStatement(
                sql:
                    "INSERT INTO \(ImportStatements.stagingTable) (\(statements.stagingColumns.joined(separator: ", "))) "
                    + "VALUES (\(placeholders))")
            while let batch = try source.nextBatch() {
                for row in batch.rows {
                    try insert.execute(arguments: StatementArguments([row.line] + row.values.map(\.databaseValue)))
                }
            }
            var steps = 0
            for sql in statements.prepare + statements.checks.flatMap({ [$0.mark, $0.list] }) {
                let statement = try db.makeStatement(sql: sql)
                var code = sqlite3_step(statement.sqliteStatement)
                while code == SQLITE_ROW { code = sqlite3_step(statement.sqliteStatement) }
                #expect(code == SQLITE_DONE, "\(sql)")
                steps += Int(sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_VM_STEP, 0))
            }
            return steps
        }
    }

    /// 2,000 new bonds into a registry whose 1,500 bonds carry 3,000 planned
    /// uses cost no more than twice what they cost into one without: the
    /// check "amount at least the planned uses" reads the staged bonds' uses
    /// alone. (It summed every stored use for each staged row: 2,000 × 3,000.)
    @Test func bondChecksDoNotGrowWithThePlannedUsesStored() async throws {
        let without = try await Self.checkSteps(usesPerBond: 0, staged: 2000)
        let with = try await Self.checkSteps(usesPerBond: 2, staged: 2000)
        #expect(without > 0)
        #expect(with <= 2 * without, "\(with) steps with planned uses, \(without) without")
    }
}

extension SQLValue {
    fileprivate var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        }
    }
}
