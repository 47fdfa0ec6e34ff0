import InnobondModel
import InnobondStore
import NIOCore
import PostgresNIO

extension PostgresRegistryStore {
    public func importRows(
        from sources: [ImportSource], options: ImportOptions, markDemo: Bool?,
        progress: (@Sendable (_ rows: Int, _ bytes: Int) -> Void)?
    ) async throws -> [ImportReport] {
        let work = Unchecked(sources)
        return try await call("the import", writes: true) { connection, watch in
            var reports: [ImportReport] = []
            do {
                reports = try await self.transaction(on: connection, progress: watch) {
                    for source in work.value {
                        reports.append(
                            try await self.stageCheckAndMerge(
                                source, options: options, connection: connection, watch: watch, progress: progress))
                    }
                    if reports.contains(where: { $0.badRows > 0 && !options.skipInvalid }) {
                        throw RolledBack()
                    }
                    if let markDemo {
                        try await self.execute(
                            """
                            INSERT INTO dataset (key, value) VALUES ('demo', '\(markDemo ? "true" : "false")') \
                            ON CONFLICT (key) DO UPDATE SET value = excluded.value
                            """, on: connection, progress: watch)
                    }
                    let version = try await self.bumpVersion(on: connection, progress: watch)
                    for (source, report) in zip(work.value, reports) {
                        try await self.audit(
                            AuditDraft(
                                action: .import, actor: options.actor, kind: source.kind, report: report,
                                sha256: source.sha256),
                            version: version, on: connection, progress: watch)
                    }
                    return reports
                }
            } catch is RolledBack {
                return reports.map { report in
                    var report = report
                    report.committed = false
                    return report
                }
            }
            return reports
        }
    }

    /// Adds one to the registry's version: its new value. The version row
    /// stays locked until the transaction ends: writers reach the audit log
    /// one at a time.
    func bumpVersion(on connection: PostgresConnection, progress: BoundedCall.Progress) async throws -> Int64 {
        let rows = try await self.rows(
            """
            INSERT INTO dataset (key, value) VALUES ('version', '1') \
            ON CONFLICT (key) DO UPDATE SET value = (dataset.value::bigint + 1)::text RETURNING value
            """, on: connection, progress: progress)
        return Int64(rows.first?.first?.textValue ?? "0") ?? 0
    }

    /// What an audit entry says, before its time, version and chain.
    struct AuditDraft {
        var action: AuditEntry.Action
        var actor: WriteActor
        var kind: RecordKind? = nil
        var report: ImportReport? = nil
        var sha256: String? = nil
        var detail: String? = nil
    }

    /// Appends an entry to the audit log, chained after the last: the log
    /// is locked against other appends until the transaction ends.
    func audit(
        _ draft: AuditDraft, version: Int64? = nil, on connection: PostgresConnection,
        progress: BoundedCall.Progress
    ) async throws {
        try await execute("LOCK TABLE audit_log IN EXCLUSIVE MODE", on: connection, progress: progress)
        let previous =
            try await rows(AuditStatements.lastHash, on: connection, progress: progress).first?.first?.textValue
            ?? AuditEntry.genesis
        let current: Int64
        if let version {
            current = version
        } else {
            current =
                Int64(
                    try await rows(
                        "SELECT value FROM dataset WHERE key = 'version'", on: connection, progress: progress
                    )
                    .first?.first?.textValue ?? "0") ?? 0
        }
        let entry = AuditEntry(
            at: AuditEntry.now, actor: draft.actor, action: draft.action, kind: draft.kind, report: draft.report,
            sha256: draft.sha256, detail: draft.detail, version: current, previousHash: previous)
        _ = try await rows(
            AuditStatements.insert(.postgres), AuditStatements.values(entry), on: connection, progress: progress)
    }

    /// Thrown to roll an import with bad rows back.
    private struct RolledBack: Error {}

    private func stageCheckAndMerge(
        _ source: ImportSource, options: ImportOptions, connection: PostgresConnection, watch: BoundedCall.Progress,
        progress: (@Sendable (_ rows: Int, _ bytes: Int) -> Void)?
    ) async throws -> ImportReport {
        let statements = ImportStatements(
            schema: source.schema, dialect: .postgres, rowNoun: source.rowUnit.rawValue)
        var report = ImportReport(kind: source.kind)
        var issues = IssueCollector(limit: options.issueLimit, unit: source.rowUnit)
        try await execute(statements.dropStaging, on: connection, progress: watch)
        try await execute(statements.createStaging, on: connection, progress: watch)
        let storages = source.schema.columns.map(\.storage)
        var storageError: (any Error)?
        watch.touch()
        try await connection.copyFrom(
            table: ImportStatements.stagingTable, columns: statements.stagingColumns, logger: logger
        ) { writer in
            var buffer = NIOCore.ByteBuffer()
            do {
                while let batch = try source.nextBatch() {
                    report.rowsRead += batch.rowsRead
                    issues.addRowIssues(batch.issues)
                    for row in batch.rows {
                        buffer.writeString(String(row.line))
                        for (value, storage) in zip(row.values, storages) {
                            buffer.writeInteger(UInt8(ascii: "\t"))
                            Self.writeCopyText(value, storage, into: &buffer)
                        }
                        buffer.writeInteger(UInt8(ascii: "\n"))
                    }
                    if buffer.readableBytes > 1 << 20 {
                        try await writer.write(buffer)
                        watch.touch()
                        buffer.clear()
                    }
                    progress?(report.rowsRead, batch.bytesRead)
                }
            } catch let error as StoreError {
                // Reading the file failed: end the copy cleanly and report that.
                storageError = error
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
        watch.touch()
        if let storageError { throw storageError }
        for statement in statements.prepare { try await execute(statement, on: connection, progress: watch) }
        for check in statements.checks {
            if let applies = check.applies, try await rows(applies, on: connection, progress: watch).isEmpty {
                continue
            }
            let listing = check.list + " ORDER BY 1 LIMIT \(options.issueLimit)"
            let listedFirst =
                check.listsMarkedRows ? [] : try await rows(listing, on: connection, progress: watch)
            let marked = try await count(
                "WITH marked AS (\(check.mark) RETURNING 1) SELECT count(*) FROM marked", on: connection,
                progress: watch)
            let listed =
                check.listsMarkedRows && marked > 0
                ? try await rows(listing, on: connection, progress: watch) : listedFirst
            issues.addCheck(check, listed: listed, marked: marked)
        }
        issues.complete(&report)
        if report.badRows == 0 || options.skipInvalid {
            let existing = try await rows(statements.countExisting, on: connection, progress: watch).first ?? []
            report.count(
                existing: Int(existing.first?.integerValue ?? 0),
                unchanged: Int(existing.dropFirst().first?.integerValue ?? 0))
            for statement in statements.merge.dropLast() {
                try await execute(statement, on: connection, progress: watch)
            }
            report.rowsWritten = try await count(
                "WITH written AS (\(statements.merge.last!) RETURNING 1) SELECT count(*) FROM written",
                on: connection, progress: watch)
            report.committed = true
            if source.kind == .ownership {
                let stored = try await rows(OwnershipCheck.storedHoldings, on: connection, progress: watch)
                let staged = try await rows(OwnershipCheck.stagedRows, on: connection, progress: watch)
                if let issue = OwnershipCheck.issue(stored: stored, staged: staged) {
                    throw StoreError.unusableFile([issue])
                }
            }
        }
        try await execute(statements.dropStaging, on: connection, progress: watch)
        return report
    }

    /// A value in COPY's text format: `\N` for null, escapes for backslash and
    /// the separators.
    static func writeCopyText(
        _ value: SQLValue, _ storage: TableSchema.Storage, into buffer: inout NIOCore.ByteBuffer
    ) {
        switch value {
        case .null: buffer.writeString("\\N")
        case .integer(let number):
            if storage == .boolean {
                buffer.writeString(number != 0 ? "t" : "f")
            } else {
                buffer.writeString(String(number))
            }
        case .real(let number): buffer.writeString(number.description)
        case .text(let text):
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeString("\\t")
                case UInt8(ascii: "\n"): buffer.writeString("\\n")
                case UInt8(ascii: "\r"): buffer.writeString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }
}
