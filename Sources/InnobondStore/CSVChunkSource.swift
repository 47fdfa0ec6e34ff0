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
        var issues: [LineIssue] = []
        var positions: [String: Int] = [:]
        let known = Set(kind.columns.map(\.name))
        for (index, rawName) in header.names.enumerated() {
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
        self.positions = positions
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
