import Hummingbird
import InnobondIO
import InnobondModel
import InnobondStore
import NIOCore

/// `/bonds.csv`, `/issuers.csv` and the like: every row a list's filters
/// pass, streamed a thousand rows at a time (memory flat whatever the
/// count): in the registry's import format (`form=registry`, the default),
/// so that a download, edited or not, imports back; or with the list's
/// columns as shown, in the list's order (`form=shown`), for spreadsheets.
enum RecordDownload {
    enum Form: String, CaseIterable {
        case registry
        case shown
    }

    static let batch = 1000

    /// The form a request asks for: a 400 naming `form` for another.
    static func form(_ parameters: QueryParameters) throws(APIError) -> Form {
        let text = parameters.get("form") ?? Form.registry.rawValue
        guard let form = Form(rawValue: text) else {
            throw .badParameter("form", "'\(text)' is not registry or shown")
        }
        return form
    }

    /// `records` of their kind as a download named `file` (`bonds`): each
    /// record as `innobond export` writes it, or as `shown` writes it under
    /// `shownHeader`.
    static func response<Record: RegistryRecord>(
        _ records: [Record], form: Form, file: String, shownHeader: String,
        shown: @escaping @Sendable (Record) -> String
    ) -> Response {
        let body = ResponseBody { writer in
            let output = MemoryOutput()
            func send(_ writer: inout any ResponseBodyWriter) async throws {
                let bytes = output.take()
                if !bytes.isEmpty { try await writer.write(NIOCore.ByteBuffer(bytes: bytes)) }
            }
            switch form {
            case .registry:
                let schema = TableSchema.of(Record.kind)
                let rows = try RecordWriter(kind: Record.kind, format: .csv, output: output)
                for (index, record) in records.enumerated() {
                    try rows.write(schema.texts(of: schema.values(of: record)))
                    if index % batch == batch - 1 { try await send(&writer) }
                }
                try rows.finish()
            case .shown:
                try output.write(Array((shownHeader + "\n").utf8))
                for (index, record) in records.enumerated() {
                    try output.write(Array((shown(record) + "\n").utf8))
                    if index % batch == batch - 1 { try await send(&writer) }
                }
            }
            try await send(&writer)
            try await writer.finish(nil)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] =
            "attachment; filename=\"\(form == .registry ? "\(file).csv" : "\(file)-as-shown.csv")\""
        return Response(status: .ok, headers: headers, body: body)
    }
}
