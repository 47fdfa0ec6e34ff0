import Foundation
import InnobondIO
import InnobondModel

/// A file being imported: read record by record, each validated into the
/// database values of its kind or into the issues that reject it.
///
/// Batches come out in file order and memory stays flat whatever the size of
/// the file. Rows are validated here, once, for every store, on a thread of
/// their own that reads a batch or two ahead while the store writes.
public final class ImportSource {
    /// The file formats of spec/registry-csv.md.
    public enum Format: String, Sendable, CaseIterable {
        case csv
        case json

        /// The format a file name's extension implies, if any.
        public init?(path: String) {
            let lowered = path.lowercased()
            if lowered.hasSuffix(".csv") {
                self = .csv
            } else if lowered.hasSuffix(".json") {
                self = .json
            } else {
                return nil
            }
        }
    }

    /// A validated row with its line (or, for JSON, its record's position).
    public struct Row: Sendable {
        public var line: Int
        /// Values in ``TableSchema/columns`` order.
        public var values: [SQLValue]
    }

    /// What one batch gave.
    public struct Batch: Sendable {
        public var rows: [Row] = []
        /// Issues of the rows rejected in this batch.
        public var issues: [LineIssue] = []
        /// Rows read in this batch, rejected ones included.
        public var rowsRead = 0
        /// Bytes of the file consumed so far.
        public var bytesRead = 0
    }

    public let kind: RecordKind
    public let schema: TableSchema
    public let format: Format
    /// The size of the file when known, for progress.
    public let size: Int?
    /// Batches read ahead, once the first is asked for.
    private var ahead: BatchPrefetcher?
    /// How rows are numbered: JSON records by position, as several may share a line.
    public var rowUnit: LineIssue.Unit { format == .json ? .record : .line }
    private let reader: any RowReader

    /// Opens the file and checks its header (CSV) or opening bracket (JSON).
    ///
    /// - Throws: ``StoreError/unusableFile(_:)`` naming every header problem:
    ///   unknown, repeated or missing columns.
    public init(kind: RecordKind, format: Format, input: any ByteInput) throws(StoreError) {
        self.kind = kind
        schema = TableSchema.of(kind)
        self.format = format
        size = input.size
        switch format {
        case .csv: reader = try CSVRowReader(kind: kind, input: input)
        case .json: reader = JSONRowReader(kind: kind, input: input)
        }
    }

    /// Validated rows from a list of records, as the demo data set provides them.
    public init(kind: RecordKind, records: [any RegistryRecord]) {
        self.kind = kind
        schema = TableSchema.of(kind)
        format = .csv
        size = nil
        reader = RecordListReader(records: records)
    }

    deinit { ahead?.stop() }

    /// The next batch of up to `limit` rows, or `nil` at the end of the file.
    ///
    /// The first call starts a thread that reads and validates the following
    /// batches (of the same `limit`) while the caller writes this one.
    public func nextBatch(limit: Int = 5000) throws(StoreError) -> Batch? {
        if ahead == nil {
            // From here on only the prefetching thread touches the reader.
            nonisolated(unsafe) let reader = reader
            let schema = schema
            let unit = rowUnit
            ahead = BatchPrefetcher { () throws(StoreError) -> Batch? in
                try Self.readBatch(reader, schema: schema, unit: unit, limit: limit)
            }
        }
        return try ahead!.next()
    }

    private static func readBatch(_ reader: any RowReader, schema: TableSchema, unit: LineIssue.Unit, limit: Int)
        throws(StoreError) -> Batch?
    {
        var batch = Batch()
        while batch.rowsRead < limit {
            guard let raw = try reader.next() else { break }
            batch.rowsRead += 1
            switch raw.outcome {
            case .record(let record):
                batch.rows.append(Row(line: raw.line, values: schema.values(of: record)))
            case .issues(let issues):
                batch.issues += issues.map {
                    LineIssue(line: raw.line, column: $0.column, reason: $0.reason, unit: unit)
                }
            }
        }
        batch.bytesRead = reader.bytesRead
        return batch.rowsRead == 0 ? nil : batch
    }
}

/// A row as read: its line and either its record or why not.
struct RawRow {
    enum Outcome {
        case record(any RegistryRecord)
        case issues([FieldIssue])
    }
    var line: Int
    var outcome: Outcome
}

protocol RowReader: AnyObject {
    func next() throws(StoreError) -> RawRow?
    var bytesRead: Int { get }
}

/// Reads CSV records with the header's columns.
final class CSVRowReader: RowReader {
    private let kind: RecordKind
    private let chunks: CSVChunkReader
    private let parser = CSVRecordParser()
    private var chunk: CSVChunkReader.Chunk?
    private var offset = 0
    private var line = 1
    private var positions: [String: Int] = [:]
    private(set) var bytesRead = 0

    init(kind: RecordKind, input: any ByteInput) throws(StoreError) {
        self.kind = kind
        chunks = CSVChunkReader(input: input)
        guard let header = try nextFields() else {
            throw .unusableFile([LineIssue(line: 1, column: "-", reason: "the file is empty; expected a header row")])
        }
        var issues: [LineIssue] = []
        let known = Set(kind.columns.map(\.name))
        for (index, rawName) in header.fields.enumerated() {
            let name = rawName.trimmingSpaces
            if !known.contains(name) {
                issues.append(
                    LineIssue(
                        line: header.line, column: name.isEmpty ? "#\(index + 1)" : name,
                        reason: "unknown column for \(kind.rawValue) (the columns are "
                            + kind.columns.map(\.name).joined(separator: ", ") + ")"))
            } else if positions[name] != nil {
                issues.append(LineIssue(line: header.line, column: name, reason: "the column appears twice"))
            } else {
                positions[name] = index
            }
        }
        for column in kind.columns where column.required && positions[column.name] == nil {
            issues.append(LineIssue(line: header.line, column: column.name, reason: "required column is missing"))
        }
        guard issues.isEmpty else { throw .unusableFile(issues) }
    }

    func next() throws(StoreError) -> RawRow? {
        guard let row = try nextFields() else { return nil }
        var issues: [FieldIssue] = []
        switch row.problem {
        case .unterminatedQuote(let field)?:
            issues.append(
                FieldIssue(column: name(of: field), reason: "quoted field is not closed before the end of the file"))
        case .textAfterClosingQuote(let field)?:
            issues.append(FieldIssue(column: name(of: field), reason: "text after the closing quote of a quoted field"))
        case nil: break
        }
        if row.fields.count > positions.count, row.fields[positions.count...].contains(where: { !$0.isEmpty }) {
            issues.append(
                FieldIssue(
                    column: "#\(positions.count + 1)",
                    reason: "the row has \(row.fields.count) fields but the header names \(positions.count)"))
        }
        if !issues.isEmpty { return RawRow(line: row.line, outcome: .issues(issues)) }
        let fields = row.fields
        let positions = positions
        do {
            let record = try kind.recordType.read { name in
                positions[name].flatMap { $0 < fields.count ? fields[$0] : nil }
            }
            return RawRow(line: row.line, outcome: .record(record))
        } catch {
            return RawRow(line: row.line, outcome: .issues(error.issues))
        }
    }

    private func name(of field: Int) -> String {
        positions.first { $0.value == field }?.key ?? "#\(field + 1)"
    }

    /// The fields of the next non-blank record, with its line.
    private func nextFields() throws(StoreError) -> (fields: [String], line: Int, problem: CSVRecordParser.Problem?)? {
        while true {
            if chunk == nil || offset >= chunk!.bytes.count {
                do {
                    guard let next = try chunks.next() else { return nil }
                    chunk = next
                    offset = next.start
                    line = next.firstLine
                    bytesRead = next.endOffset
                } catch {
                    throw .io(error)
                }
            }
            let current = chunk!
            let parsed: (extent: CSVRecordParser.Extent, fields: [String])? = current.bytes.withUnsafeBufferPointer {
                bytes in
                guard let extent = parser.parse(bytes, from: offset, isFinal: true) else { return nil }
                return (extent, parser.isBlank ? [] : (0..<parser.fieldCount).map(parser.string))
            }
            guard let parsed else { return nil }
            let recordLine = line
            offset = parsed.extent.end
            line += parsed.extent.lineFeeds
            if !parsed.fields.isEmpty { return (parsed.fields, recordLine, parser.problem) }
        }
    }
}

/// Reads JSON objects with the kind's member names.
final class JSONRowReader: RowReader {
    private let kind: RecordKind
    private let reader: JSONRecordReader
    private let known: Set<String>
    /// Records read so far: each row is numbered by its position.
    private var records = 0

    init(kind: RecordKind, input: any ByteInput) {
        self.kind = kind
        reader = JSONRecordReader(input: input)
        known = Set(kind.columns.map(\.name))
    }

    var bytesRead: Int { reader.bytesRead }

    func next() throws(StoreError) -> RawRow? {
        let object: JSONRecordReader.Record
        do {
            guard let next = try reader.next() else { return nil }
            object = next
        } catch let error as JSONRecordReader.SyntaxError {
            throw .unusableFile([
                LineIssue(
                    line: error.line, column: "-", reason: "JSON, byte \(error.byte) of the line: \(error.message)")
            ])
        } catch let error as IOError {
            throw .io(error)
        } catch {
            throw .database("\(error)")
        }
        var issues: [FieldIssue] = []
        var values: [String: String] = [:]
        for (name, value) in object.members {
            guard known.contains(name) else {
                issues.append(FieldIssue(column: name, reason: "unknown member for \(kind.rawValue)"))
                continue
            }
            guard values[name] == nil else {
                issues.append(FieldIssue(column: name, reason: "the member appears twice"))
                continue
            }
            switch value {
            case .string(let text), .number(let text): values[name] = text
            case .bool(let flag): values[name] = flag ? "true" : "false"
            case .null: break
            }
        }
        for name in object.nestedMembers {
            issues.append(
                FieldIssue(column: name, reason: "must be a string, number, boolean or null, not an array or object"))
        }
        records += 1
        // The known members are checked too, so that one pass names every
        // problem of the record (a member already at fault once).
        do {
            let record = try kind.recordType.read { values[$0] }
            if issues.isEmpty { return RawRow(line: records, outcome: .record(record)) }
        } catch {
            let named = Set(issues.map(\.column))
            issues += error.issues.filter { !named.contains($0.column) }
        }
        return RawRow(line: records, outcome: .issues(issues))
    }
}

/// Records already in memory, numbered from line 2 as if below a header.
final class RecordListReader: RowReader {
    private let records: [any RegistryRecord]
    private var index = 0

    init(records: [any RegistryRecord]) {
        self.records = records
    }

    var bytesRead: Int { 0 }

    func next() throws(StoreError) -> RawRow? {
        guard index < records.count else { return nil }
        defer { index += 1 }
        return RawRow(line: index + 2, outcome: .record(records[index]))
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
