import InnobondModel
import InnobondStore
import PostgresNIO

extension PostgresRegistryStore {
    public func change(_ change: RecordChange, actor: WriteActor) async throws -> RecordChange.Outcome {
        let schema = TableSchema.of(change.kind)
        guard schema.isVersioned else {
            throw StoreError.rejected("\(change.kind.rawValue) records are not changed one by one: import them")
        }
        let key = try change.keyValues(schema)
        let statements = ChangeStatements(schema: schema, dialect: .postgres)
        let select = schema.columns.map { Self.selectExpression($0.name, $0.storage) }
        return try await call("the change", writes: true) { connection, progress in
            try await self.transaction(on: connection, progress: progress) {
                // The current row, locked: a second change of the record waits
                // here, then finds the first one's revision current.
                var rows = try await self.rows(
                    statements.selectCurrent(lock: true, select: select), key, on: connection, progress: progress)
                if rows.isEmpty {
                    // Superseded while this change waited for its lock: read
                    // what is current now.
                    rows = try await self.rows(
                        statements.selectCurrent(lock: false, select: select), key, on: connection, progress: progress)
                }
                guard let row = rows.first else {
                    throw StoreError.notFound("no \(change.kind.rawValue) record has the key \(change.key)")
                }
                let current = schema.texts(of: row)
                let position = schema.positions[RecordDeclaration.revisionColumn] ?? 0
                let revision = Int(current[position] ?? "0") ?? 0
                guard revision == change.revision else {
                    throw StoreError.conflict(
                        "revision \(change.revision) is stale: the record is at revision \(revision) (changed since "
                            + "it was read); read it again", currentRevision: revision)
                }
                let outcome = try change.apply(to: current, schema: schema)
                let moment = AuditEntry.now
                _ = try await self.rows(statements.supersede, [.text(moment)] + key, on: connection, progress: progress)
                _ = try await self.rows(
                    statements.insert, schema.values(ofTexts: outcome.texts) + [.text(moment)], on: connection,
                    progress: progress)
                let version = try await self.bumpVersion(on: connection, progress: progress)
                try await self.audit(
                    AuditDraft(
                        action: .change, actor: actor, kind: change.kind,
                        detail: outcome.detail(key: change.key, from: revision)),
                    version: version, on: connection, progress: progress)
                return outcome
            }
        }
    }
}
