import Foundation

extension JSONEncoder {
    /// The encoder of the API and of the commands' JSON: snake_case keys,
    /// sorted, dates as written.
    public static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
