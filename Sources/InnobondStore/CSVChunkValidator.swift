import InnobondIO
import InnobondModel

/// Validates the records of CSV chunks into batches of database values or
/// issues; one per thread.
struct CSVChunkValidator {
    private let kind: RecordKind
    private let schema: TableSchema
    private let positions: [String: Int]
    private let parser = CSVRecordParser()

    init(source: CSVChunkSource, schema: TableSchema) {
        kind = source.kind
        positions = source.positions
        self.schema = schema
    }

    /// The rows and issues of the records in `chunk`, numbered by line.
    func batch(of chunk: CSVChunkReader.Chunk) -> ImportSource.Batch {
        var batch = ImportSource.Batch()
        var offset = chunk.start
        var line = chunk.firstLine
        chunk.bytes.withUnsafeBufferPointer { bytes in
            while offset < bytes.count, let extent = parser.parse(bytes, from: offset, isFinal: true) {
                let recordLine = line
                offset = extent.end
                line += extent.lineFeeds
                guard !parser.isBlank else { continue }
                batch.rowsRead += 1
                let fields = (0..<parser.fieldCount).map(parser.string)
                switch outcome(of: fields, problem: parser.problem) {
                case .record(let record):
                    batch.rows.append(ImportSource.Row(line: recordLine, values: schema.values(of: record)))
                case .issues(let issues):
                    batch.issues += issues.map {
                        LineIssue(line: recordLine, column: $0.column, reason: $0.reason, unit: .line)
                    }
                }
            }
        }
        batch.bytesRead = chunk.endOffset
        return batch
    }

    /// The record of a row's fields, or every reason it is not one.
    private func outcome(of fields: [String], problem: CSVRecordParser.Problem?) -> RawRow.Outcome {
        var issues: [FieldIssue] = []
        switch problem {
        case .unterminatedQuote(let field)?:
            issues.append(
                FieldIssue(column: name(of: field), reason: "quoted field is not closed before the end of the file"))
        case .textAfterClosingQuote(let field)?:
            issues.append(FieldIssue(column: name(of: field), reason: "text after the closing quote of a quoted field"))
        case nil: break
        }
        if fields.count > positions.count, fields[positions.count...].contains(where: { !$0.isEmpty }) {
            issues.append(
                FieldIssue(
                    column: "#\(positions.count + 1)",
                    reason: "the row has \(fields.count) fields but the header names \(positions.count)"))
        }
        if !issues.isEmpty { return .issues(issues) }
        let positions = positions
        do {
            return .record(
                try kind.recordType.read { name in
                    positions[name].flatMap { $0 < fields.count ? fields[$0] : nil }
                })
        } catch {
            return .issues(error.issues.capped())
        }
    }

    private func name(of field: Int) -> String {
        positions.first { $0.value == field }?.key ?? "#\(field + 1)"
    }
}
