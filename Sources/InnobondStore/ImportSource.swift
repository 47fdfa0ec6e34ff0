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
    /// The file formats of docs/formats/registry.md.
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
    /// The input, hashed as it is read (none for records in memory).
    private let hashing: HashingInput?
    /// The SHA-256 of the bytes read, once every batch is read: the audit
    /// log's fingerprint of the file or body.
    public var sha256: String? { hashing?.digest }
    /// Batches read ahead, once the first is asked for.
    private var ahead: BatchPrefetcher?
    /// How rows are numbered: JSON records by position, as several may share a line.
    public var rowUnit: LineIssue.Unit { format == .json ? .record : .line }
    /// Where rows come from: CSV chunks validated on several threads, or a
    /// reader of one row at a time.
    private enum Rows {
        case csv(CSVChunkSource)
        case serial(any RowReader)
    }
    private let rows: Rows

    /// Opens the file and checks its header (CSV) or opening bracket (JSON).
    ///
    /// - Throws: ``StoreError/unusableFile(_:)`` naming every header problem:
    ///   unknown, repeated or missing columns.
    public init(kind: RecordKind, format: Format, input: any ByteInput) throws(StoreError) {
        self.kind = kind
        schema = TableSchema.of(kind)
        self.format = format
        size = input.size
        let input = HashingInput(input)
        hashing = input
        switch format {
        case .csv: rows = .csv(try CSVChunkSource(kind: kind, input: input))
        case .json: rows = .serial(JSONRowReader(kind: kind, input: input))
        }
    }

    /// Validated rows from a list of records, as the demo data set provides them.
    public init(kind: RecordKind, records: [any RegistryRecord]) {
        self.kind = kind
        schema = TableSchema.of(kind)
        format = .csv
        size = nil
        hashing = nil
        rows = .serial(RecordListReader(records: records))
    }

    deinit { ahead?.stop() }

    /// The next batch of rows, or `nil` at the end of the file: up to `limit`
    /// rows, or for CSV the records of one chunk of the file.
    ///
    /// The first call starts a thread that reads and validates the following
    /// batches while the caller writes this one; CSV chunks are validated on
    /// as many threads as there are cores, and come out in file order.
    public func nextBatch(limit: Int = 5000) throws(StoreError) -> Batch? {
        if ahead == nil {
            let schema = schema
            let unit = rowUnit
            switch rows {
            case .csv(let chunks):
                // From here on only the prefetching thread touches the chunk source.
                nonisolated(unsafe) let chunks = chunks
                // The store's writer sets the pace beyond a few validators.
                let threads = min(ProcessInfo.processInfo.activeProcessorCount, 8)
                ahead = BatchPrefetcher { (deliver) throws(StoreError) in
                    try Self.validate(chunks, schema: schema, threads: threads, deliver: deliver)
                }
            case .serial(let reader):
                // From here on only the prefetching thread touches the reader.
                nonisolated(unsafe) let reader = reader
                ahead = BatchPrefetcher { (deliver) throws(StoreError) in
                    while let batch = try Self.readBatch(reader, schema: schema, unit: unit, limit: limit) {
                        guard deliver(batch) else { return }
                    }
                }
            }
        }
        return try ahead!.next()
    }

    /// Validates the chunks of a CSV file on `threads` threads, delivering
    /// their batches in file order.
    private static func validate(
        _ chunks: CSVChunkSource, schema: TableSchema, threads: Int,
        deliver: (Batch) -> Bool
    ) throws(StoreError) {
        struct Stopped: Error {}
        do {
            try OrderedParallelPipeline.run(
                threads: threads, inFlightLimit: 2 * threads,
                makeWorker: { CSVChunkValidator(source: chunks, schema: schema) },
                produce: { () throws(StoreError) -> CSVChunkReader.Chunk? in try chunks.next() },
                process: { validator, chunk in validator.batch(of: chunk) },
                consume: { batch in
                    guard deliver(batch) else { throw Stopped() }
                })
        } catch let error as StoreError {
            throw error
        } catch is Stopped {
            return
        } catch {
            throw .database("\(error)")
        }
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
        if object.members.count + object.nestedMembers.count > ImportLimits.columns {
            records += 1
            let count = object.members.count + object.nestedMembers.count
            return RawRow(
                line: records,
                outcome: .issues([
                    FieldIssue(
                        column: "-",
                        reason: "the object has \(count) members; a \(kind.rawValue) record has at most "
                            + "\(kind.columns.count)")
                ]))
        }
        for (name, value) in object.members {
            guard known.contains(name) else {
                issues.append(
                    FieldIssue(column: String(name.prefix(100)), reason: "unknown member for \(kind.rawValue)"))
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
        return RawRow(line: records, outcome: .issues(issues.capped()))
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
