import InnobondIO
import InnobondModel

/// Writes rows of one kind as CSV or JSON, in the format that import reads,
/// so that export then import round-trips exactly.
public final class RecordWriter {
    private let kind: RecordKind
    private let format: ImportSource.Format
    private let output: any ByteOutput
    private let buffer = ByteBuffer(capacity: 1 << 16)
    private var rows = 0

    public init(kind: RecordKind, format: ImportSource.Format, output: any ByteOutput) throws(IOError) {
        self.kind = kind
        self.format = format
        self.output = output
        switch format {
        case .csv:
            buffer.append(kind.columns.map(\.name).joined(separator: ","))
            buffer.append(.lineFeed)
        case .json:
            buffer.append("[")
        }
    }

    /// Writes one row's texts, in the kind's column order.
    public func write(_ texts: [String?]) throws(IOError) {
        switch format {
        case .csv:
            for (index, text) in texts.enumerated() {
                if index > 0 { buffer.append(.comma) }
                if let text { buffer.append(csvField: text) }
            }
            buffer.append(.lineFeed)
        case .json:
            buffer.append(rows == 0 ? "\n{" : ",\n{")
            for (index, (column, text)) in zip(kind.columns, texts).enumerated() {
                if index > 0 { buffer.append(",") }
                appendJSONString(column.name)
                buffer.append(":")
                guard let text else {
                    buffer.append("null")
                    continue
                }
                switch column.jsonType {
                case .number, .boolean: buffer.append(text)
                case .string: appendJSONString(text)
                }
            }
            buffer.append("}")
        }
        rows += 1
        if buffer.count > 1 << 16 { try flush() }
    }

    /// Writes what remains, closing the JSON array.
    public func finish() throws(IOError) {
        if format == .json { buffer.append(rows == 0 ? "]\n" : "\n]\n") }
        try flush()
    }

    private func flush() throws(IOError) {
        try output.write(buffer)
        buffer.removeAll()
    }

    private func appendJSONString(_ text: String) {
        buffer.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": buffer.append("\\\"")
            case "\\": buffer.append("\\\\")
            case "\n": buffer.append("\\n")
            case "\r": buffer.append("\\r")
            case "\t": buffer.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                buffer.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: buffer.append(String(scalar))
            }
        }
        buffer.append("\"")
    }
}
