import Hummingbird
import InnobondIO
import InnobondModel
import InnobondStore
import NIOCore

/// `/bonds.csv`: every bond the list's filters pass, in the list's order,
/// streamed a thousand rows at a time (memory flat whatever the count): in
/// the registry's import format (`form=registry`, the default), so that a
/// download, edited or not, imports back; or with the list's columns as
/// shown (`form=shown`), for spreadsheets.
enum BondDownload {
    enum Form: String, CaseIterable {
        case registry
        case shown
    }

    static let batch = 1000

    static func response(_ bonds: [Bond], issuers: [USCC: Issuer], form: Form) -> Response {
        let body = ResponseBody { writer in
            let output = MemoryOutput()
            func send(_ writer: inout any ResponseBodyWriter) async throws {
                let bytes = output.take()
                if !bytes.isEmpty { try await writer.write(NIOCore.ByteBuffer(bytes: bytes)) }
            }
            switch form {
            case .registry:
                let schema = TableSchema.of(.bonds)
                let records = try RecordWriter(kind: .bonds, format: .csv, output: output)
                for (index, bond) in bonds.enumerated() {
                    try records.write(schema.texts(of: schema.values(of: bond)))
                    if index % batch == batch - 1 { try await send(&writer) }
                }
                try records.finish()
            case .shown:
                try output.write(Array((BondListPage.shownHeader + "\n").utf8))
                for (index, bond) in bonds.enumerated() {
                    try output.write(Array((BondListPage.shownLine(bond, issuer: issuers[bond.uscc]) + "\n").utf8))
                    if index % batch == batch - 1 { try await send(&writer) }
                }
            }
            try await send(&writer)
            try await writer.finish(nil)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] =
            "attachment; filename=\"\(form == .registry ? "bonds.csv" : "bonds-as-shown.csv")\""
        return Response(status: .ok, headers: headers, body: body)
    }
}
