import InnobondIO

/// `innobond analytics`: prices a CSV of bonds, row by row, as
/// spec/bond-analytics.md states.
///
/// The input streams through in chunks of whole records; chunks are priced
/// on several threads and written in input order, so memory stays flat
/// whatever the size of the file.
public enum BatchAnalytics {
    /// What a run did.
    public struct Summary: Sendable, Equatable {
        /// Rows read, not counting the header and blank lines.
        public var rows: Int
        /// Rows that could not be priced.
        public var rejected: Int

        public init(rows: Int, rejected: Int) {
            self.rows = rows
            self.rejected = rejected
        }
    }

    /// Prices every row of `input` into `output`.
    ///
    /// - Parameters:
    ///   - threads: threads that price rows, at least 1.
    ///   - diagnostics: receives `line N, column NAME: reason` for every
    ///     rejected row, in input order.
    ///   - progress: redrawn as chunks are written, when given.
    ///   - chunkSize: bytes of input handed to a thread at a time.
    ///   - curves: curves by date: adds G- and Z-spreads against the curve of
    ///     each settlement date, and yields to put and to worst.
    /// - Throws: ``AnalyticsError`` when the input has no usable header or a
    ///   read or write fails; rejected rows do not throw.
    public static func run(
        input: any ByteInput, output: any ByteOutput, threads: Int = 1,
        diagnostics: (String) -> Void, progress: ProgressLine? = nil, chunkSize: Int = 256 * 1024,
        curves: CurveSet? = nil
    ) throws(AnalyticsError) -> Summary {
        let reader = CSVChunkReader(input: input, chunkSize: chunkSize)
        var summary = Summary(rows: 0, rejected: 0)
        do {
            guard var first = try reader.next() else { throw AnalyticsError.emptyInput }
            let columns = try readHeader(of: &first)
            let header = curves == nil ? AnalyticsColumns.outputHeader : AnalyticsColumns.outputHeaderWithCurve
            try output.write(Array(header.utf8))
            var pendingFirst: CSVChunkReader.Chunk? = first
            try OrderedParallelPipeline.run(
                threads: threads, inFlightLimit: 4 * threads,
                makeWorker: { AnalyticsWorker(columns: columns, curves: curves) },
                produce: { () throws -> CSVChunkReader.Chunk? in
                    if let chunk = pendingFirst {
                        pendingFirst = nil
                        return chunk
                    }
                    return try reader.next()
                },
                process: { worker, chunk in worker.process(chunk) },
                consume: { result in
                    if !result.diagnostics.isEmpty { progress?.clear() }
                    result.diagnostics.forEach(diagnostics)
                    try output.write(result.output)
                    summary.rows += result.rows
                    summary.rejected += result.rejected
                    progress?.update(count: summary.rows, bytes: result.endOffset)
                })
        } catch let error as AnalyticsError {
            throw error
        } catch let error as IOError {
            throw .io(error)
        } catch {
            fatalError("unexpected error \(error)")
        }
        progress?.clear()
        return summary
    }

    /// Reads the header record at the start of the first chunk and moves the
    /// chunk's start past it.
    private static func readHeader(of chunk: inout CSVChunkReader.Chunk) throws(AnalyticsError)
        -> AnalyticsColumns
    {
        let parser = CSVRecordParser()
        let parsed: (names: [String], extent: CSVRecordParser.Extent)? = chunk.bytes.withUnsafeBufferPointer {
            bytes in
            guard let extent = parser.parse(bytes, from: 0, isFinal: true), !parser.isBlank else { return nil }
            return ((0..<parser.fieldCount).map(parser.string), extent)
        }
        guard let parsed else { throw .emptyInput }
        chunk.start = parsed.extent.end
        chunk.firstLine += parsed.extent.lineFeeds
        return try AnalyticsColumns(header: parsed.names)
    }
}
