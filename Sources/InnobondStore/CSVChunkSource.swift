import InnobondIO
import InnobondModel

/// A CSV file being imported: its header, checked against its kind's
/// columns, then its records in chunks of whole records that can be
/// validated on several threads (``CSVChunkValidator``).
final class CSVChunkSource {
    let kind: RecordKind
    /// The field index of each column the header names.
    let positions: [String: Int]
    private let chunks: CSVChunkReader
    /// The records after the header in the chunk that held it.
    private var rest: CSVChunkReader.Chunk?

    /// Reads the header: the first record that is not blank.
    ///
    /// - Throws: ``StoreError/unusableFile(_:)`` naming every header problem:
    ///   unknown, repeated or missing columns, or no header at all.
    init(kind: RecordKind, input: any ByteInput) throws(StoreError) {
        self.kind = kind
        chunks = CSVChunkReader(input: input)
        let parser = CSVRecordParser()
        var header: (names: [String], line: Int)?
        while header == nil {
            var chunk: CSVChunkReader.Chunk
            do {
                guard let next = try chunks.next() else { break }
                chunk = next
            } catch {
                throw .io(error)
            }
            if let encoding = Self.otherEncoding(chunk.bytes) {
                throw .unusableFile([
                    LineIssue(line: 1, column: "-", reason: "the file is \(encoding), not UTF-8: save it as UTF-8")
                ])
            }
            var offset = chunk.start
            var line = chunk.firstLine
            while header == nil, offset < chunk.bytes.count {
                let parsed: (extent: CSVRecordParser.Extent, names: [String]?)? = chunk.bytes.withUnsafeBufferPointer {
                    bytes in
                    guard let extent = parser.parse(bytes, from: offset, isFinal: true) else { return nil }
                    return (extent, parser.isBlank ? nil : (0..<parser.fieldCount).map(parser.string))
                }
                guard let parsed else { break }
                if let names = parsed.names { header = (names, line) }
                offset = parsed.extent.end
                line += parsed.extent.lineFeeds
            }
            chunk.start = offset
            chunk.firstLine = line
            rest = chunk
        }
        guard let header else {
            throw .unusableFile([LineIssue(line: 1, column: "-", reason: "the file is empty; expected a header row")])
        }
        guard header.names.count <= ImportLimits.columns else {
            throw .unusableFile([
                LineIssue(
                    line: header.line, column: "-",
                    reason: "the header names \(header.names.count) columns; a \(kind.rawValue) file has at most "
                        + "\(kind.columns.count) (\(kind.columns.map(\.name).joined(separator: ", ")))")
            ])
        }
        var issues: [LineIssue] = []
        var positions: [String: Int] = [:]
        let known = Set(kind.columns.map(\.name))
        var unknown = 0
        for (index, rawName) in header.names.enumerated() {
            let name = rawName.trimmingSpaces
            if !known.contains(name) {
                unknown += 1
                // The columns of the kind once, with the first unknown one.
                let reason =
                    unknown == 1
                    ? "unknown column for \(kind.rawValue) (the columns are "
                        + kind.columns.map(\.name).joined(separator: ", ") + ")" : "unknown column"
                issues.append(
                    LineIssue(
                        line: header.line, column: name.isEmpty ? "#\(index + 1)" : String(name.prefix(100)),
                        reason: reason))
            } else if positions[name] != nil {
                issues.append(LineIssue(line: header.line, column: name, reason: "the column appears twice"))
            } else {
                positions[name] = index
            }
        }
        for column in kind.columns where column.required && positions[column.name] == nil {
            issues.append(LineIssue(line: header.line, column: column.name, reason: "required column is missing"))
        }
        guard issues.isEmpty else {
            if issues.count > ImportLimits.issuesPerRow {
                let kept = ImportLimits.issuesPerRow - 1
                issues =
                    Array(issues.prefix(kept)) + [
                        LineIssue(
                            line: header.line, column: "-",
                            reason: "and \(issues.count - kept) more problems with the header, not listed")
                    ]
            }
            throw .unusableFile(issues)
        }
        self.positions = positions
    }

    /// The encoding a file starts in when it is plainly not UTF-8: a UTF-16
    /// or UTF-32 byte-order mark, or NUL bytes between the first characters
    /// (UTF-16 without a mark). (A UTF-8 byte-order mark is UTF-8, and skipped.)
    static func otherEncoding(_ bytes: [UInt8]) -> String? {
        let start = Array(bytes.prefix(4))
        if start.starts(with: [0xFF, 0xFE, 0, 0]) || start.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32" }
        if start.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if start.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        if start.count >= 2 && start.prefix(2).contains(0) { return "UTF-16 or another encoding with NUL bytes" }
        return nil
    }

    /// The next chunk of records, or `nil` at the end of the file.
    func next() throws(StoreError) -> CSVChunkReader.Chunk? {
        if let chunk = rest {
            rest = nil
            return chunk
        }
        do {
            return try chunks.next()
        } catch {
            throw .io(error)
        }
    }
}
