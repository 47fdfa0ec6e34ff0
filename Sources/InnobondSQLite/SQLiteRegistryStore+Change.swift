import GRDB
import InnobondModel
import InnobondStore

extension SQLiteRegistryStore {
    public func change(_ change: RecordChange, actor: WriteActor) async throws -> RecordChange.Outcome {
        let schema = TableSchema.of(change.kind)
        guard schema.isVersioned else {
            throw StoreError.rejected("\(change.kind.rawValue) records are not changed one by one: import them")
        }
        let key = try change.keyValues(schema)
        let statements = ChangeStatements(schema: schema, dialect: .sqlite)
        return try await write { db in
            // One writer at a time: what is read here stays current until commit.
            guard
                let row = try Row.fetchOne(
                    db, sql: statements.selectCurrent(lock: true, select: schema.columns.map(\.name)),
                    arguments: StatementArguments(key.map(\.databaseValue)))
            else {
                throw StoreError.notFound("no \(change.kind.rawValue) record has the key \(change.key)")
            }
            let current = schema.texts(of: Array(row.databaseValues.map(\.sqlValue)))
            let revision = Int(current[schema.positions[RecordDeclaration.revisionColumn]!] ?? "0") ?? 0
            guard revision == change.revision else {
                throw StoreError.conflict(
                    "revision \(change.revision) is stale: the record is at revision \(revision) (changed since it "
                        + "was read); read it again", currentRevision: revision)
            }
            let outcome = try change.apply(to: current, schema: schema)
            let moment = AuditEntry.now
            try db.execute(
                sql: statements.supersede,
                arguments: StatementArguments([moment.databaseValue] + key.map(\.databaseValue)))
            let values = schema.values(ofTexts: outcome.texts) + [.text(moment)]
            try db.execute(sql: statements.insert, arguments: StatementArguments(values.map(\.databaseValue)))
            let version = try Self.bumpVersion(db)
            try Self.audit(
                db, action: .change, actor: actor, kind: change.kind,
                detail: outcome.detail(key: change.key, from: revision), version: version)
            return outcome
        }
    }
}
