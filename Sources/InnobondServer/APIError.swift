import Foundation
import HTTPTypes
import Hummingbird
import InnobondStore
import NIOCore

/// An error a client can act on: an HTTP status, a message, and the field
/// (query parameter, path parameter or body member) at fault.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var field: String?
    /// Further problems, such as every bad row of an import.
    public var details: [Detail]
    /// A record's current revision, for a change that named a stale one.
    public var currentRevision: Int?

    /// A problem at a place in a request's body: named as the import
    /// report names a bad row's (`line`, `column`).
    public struct Detail: Sendable, Codable, Equatable {
        public var line: Int?
        public var column: String?
        public var message: String
    }

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, details: [Detail] = []) {
        self.status = status
        self.message = message
        self.field = field
        self.details = details
    }

    static func badParameter(_ field: String, _ message: String) -> APIError {
        APIError(.badRequest, message, field: field)
    }

    /// How long a client is asked to wait before trying again after a 503 (seconds).
    static let retryAfterSeconds = 5

    /// The store was unavailable or busy: 503, and the client may try again.
    static func unavailable(_ error: StoreError) -> APIError {
        APIError(.serviceUnavailable, error.description + "; try again in \(retryAfterSeconds) s")
    }

    /// A write the store refused or could not make: a 400 naming each bad
    /// row of `what` (a usable file is what the body was not), a 503 when it
    /// may succeed later, else a 500.
    static func writing(_ error: StoreError, what: String) -> APIError {
        switch error {
        case .unusableFile(let issues):
            return APIError(
                .badRequest, "the body is not a usable \(what)", field: "body",
                details: issues.map { .init(line: $0.line, column: $0.column, message: $0.reason) })
        default:
            if error.isTransient { return .unavailable(error) }
            return APIError(.internalServerError, error.description)
        }
    }

    static func notFound(_ what: String, field: String? = nil) -> APIError {
        APIError(.notFound, "no \(what)", field: field)
    }

    /// The JSON body: `{"error": {"status": 400, "message": "...", "field": "settlement"}}`.
    var jsonBody: [UInt8] {
        struct Body: Encodable {
            struct Content: Encodable {
                var status: Int
                var message: String
                var field: String?
                var details: [Detail]?
                var currentRevision: Int?
            }
            var error: Content
        }
        let body = Body(
            error: .init(
                status: status.code, message: message, field: field, details: details.isEmpty ? nil : details,
                currentRevision: currentRevision))
        return Array((try? JSONEncoder.api.encode(body)) ?? Data("{}".utf8))
    }
}
