import FixedIncome
import Foundation
import Hummingbird
import InnobondInsights

/// Query parameters read with their checks: a bad value is a 400 naming the parameter.
struct Query {
    let parameters: QueryParameters

    init(_ request: Request) {
        parameters = QueryParameters(request)
    }

    init(_ parameters: QueryParameters) {
        self.parameters = parameters
    }

    /// The values of a list parameter, given once with commas or repeated,
    /// trimmed, empty ones dropped.
    func values(_ name: String) -> [String] {
        parameters.getAll(name).flatMap {
            $0.split(separator: ",").map { part in
                // A `+` typed into a URL arrives as a space: `rating=AA+` as `AA `.
                let text =
                    name == "rating" && part.hasSuffix(" ") && part.dropLast().last?.isLetter == true
                    ? part.dropLast() + "+" : part
                let padded = [text.unicodeScalars.first, text.unicodeScalars.last].contains {
                    $0?.properties.isWhitespace == true
                }
                return padded ? text.trimmingCharacters(in: .whitespaces) : String(text)
            }
        }
        .filter { !$0.isEmpty }
    }

    /// The values of a list parameter, each parsed; a 400 naming the first
    /// that does not parse and saying what was `expected`.
    func set<T: Hashable>(_ name: String, expected: @autoclosure () -> String, _ parse: (String) -> T?)
        throws(APIError) -> Set<T>
    {
        var result = Set<T>()
        for text in values(name) {
            guard let value = parse(text) else { throw .badParameter(name, "'\(text)' is not \(expected())") }
            result.insert(value)
        }
        return result
    }

    /// The query, once it names no parameter but `names`; else a 400 naming
    /// the first stranger.
    func taking(_ names: [String], on what: String) throws(APIError) -> Query {
        try parameters.checkNames(names, of: what)
        return self
    }

    /// The most characters a search text may have.
    static let searchLimit = 200

    /// The search text `q`, trimmed; `nil` when empty.
    func search() throws(APIError) -> String? {
        try Self.search(parameters.get("q"))
    }

    /// `text` trimmed as a search text; `nil` when empty, a 400 naming `q`
    /// when longer than ``searchLimit``.
    static func search(_ text: String?) throws(APIError) -> String? {
        guard let value = text?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard value.count <= searchLimit else {
            throw .badParameter("q", "a search text is at most \(searchLimit) characters, not \(value.count)")
        }
        return value
    }

    func text(_ name: String) -> String? {
        guard let value = parameters.get(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        return value
    }

    func date(_ name: String) throws(APIError) -> CivilDate? {
        guard let text = text(name) else { return nil }
        guard let date = CivilDate(text) else { throw .badParameter(name, "'\(text)' is not a YYYY-MM-DD date") }
        if let problem = DateRange.problem(with: date) { throw .badParameter(name, problem) }
        return date
    }

    func number(_ name: String, in range: ClosedRange<Double>) throws(APIError) -> Double? {
        guard let text = text(name) else { return nil }
        // Decimal notation only: Double("0x10") would read hexadecimal.
        guard text.wholeMatch(of: /[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?/) != nil,
            let number = Double(text), number.isFinite, range.contains(number)
        else {
            throw .badParameter(name, "'\(text)' is not a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A number parameter within its declared range.
    func number(_ parameter: APIRoute.Parameter) throws(APIError) -> Double? {
        try number(
            parameter.name, in: parameter.range ?? -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
    }

    /// A whole-number parameter within its declared range.
    func integer(_ parameter: APIRoute.Parameter) throws(APIError) -> Int? {
        let range = parameter.range.map { Int($0.lowerBound)...Int($0.upperBound) } ?? Int.min...Int.max
        return try integer(parameter.name, in: range)
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let text = text(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw .badParameter(name, "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A flag given without a value (`?skip_invalid`) is a 400 rather than a
    /// silent false: it changes what a request does.
    func boolean(_ name: String) throws(APIError) -> Bool? {
        guard let text = text(name) else {
            if parameters.get(name) != nil { throw .badParameter(name, "give true or false") }
            return nil
        }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .badParameter(name, "'\(text)' is not true or false")
        }
    }
}
