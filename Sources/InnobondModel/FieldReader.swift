import FixedIncome

/// Reads the fields of one row by column name, turning text into typed
/// values and collecting every issue instead of stopping at the first.
///
/// Values are trimmed of surrounding spaces; an empty value is absent.
public struct FieldReader {
    private let value: (String) -> String?
    /// The issues found so far.
    public private(set) var issues: [FieldIssue] = []
    /// The longest text a field may hold (characters): names, projects and
    /// sources are far shorter; a field longer than this is a broken file.
    public static let maximumLength = 2000

    /// - Parameter value: the raw text of a column, `nil` when the row has none.
    public init(_ value: @escaping (String) -> String?) {
        self.value = value
    }

    /// The column's value as the file writes it, without surrounding spaces.
    func written(_ column: String) -> String? {
        value(column)?.trimmingCharacters(in: [" ", "\t"])
    }

    /// Records an issue with a column.
    public mutating func report(_ column: String, _ reason: String) {
        issues.append(FieldIssue(column: column, reason: reason))
    }

    /// Throws the issues found, if any.
    public func finish() throws(RowIssues) {
        if !issues.isEmpty { throw RowIssues(issues) }
    }

    /// The trimmed text of a column, `nil` when empty or absent (an issue
    /// when `required`).
    public mutating func text(_ column: String, required: Bool) -> String? {
        var raw = value(column)
        if let text = raw, let first = text.utf8.first, let last = text.utf8.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        {
            raw = text.trimmingCharacters(in: [" ", "\t"])
        }
        guard let raw, !raw.isEmpty else {
            if required { report(column, "missing value") }
            return nil
        }
        // Bytes that are not UTF-8 reach here as U+FFFD (EF BF BD).
        if raw.utf8.contains(0xEF), raw.unicodeScalars.contains("\u{FFFD}") {
            report(column, "not UTF-8 text (bytes that are not UTF-8, or U+FFFD): save the file as UTF-8")
            return nil
        }
        if raw.utf8.count > Self.maximumLength, raw.count > Self.maximumLength {
            report(column, "longer than \(Self.maximumLength) characters (\(raw.count))")
            return nil
        }
        // NUL ends text in C, and so in SQLite's text functions and exports.
        if raw.utf8.contains(0) {
            report(column, "contains a NUL character (U+0000)")
            return nil
        }
        return raw
    }

    /// A `YYYY-MM-DD` date.
    public mutating func date(_ column: String, required: Bool) -> CivilDate? {
        guard let text = text(column, required: required) else { return nil }
        do {
            let date = try CivilDate(iso8601: text)
            guard RegistryCalendar.dates.contains(date) else {
                report(column, "outside the years 1900 to 2199 the registry holds: '\(text)'")
                return nil
            }
            return date
        } catch {
            report(column, error.description)
            return nil
        }
    }

    /// A decimal number within `range`.
    public mutating func number(_ column: String, required: Bool, in range: ClosedRange<Double>? = nil)
        -> Double?
    {
        guard let text = text(column, required: required) else { return nil }
        guard let number = Double.strictDecimal(text) else {
            report(column, "not a number: '\(text)'")
            return nil
        }
        if let range, !range.contains(number) {
            report(column, "must be between \(range.lowerBound.shortText) and \(range.upperBound.shortText): '\(text)'")
            return nil
        }
        // -0 is 0: SQLite keeps no sign of zero and PostgreSQL does, so
        // that the two stores export the same text.
        return number == 0 ? 0 : number
    }

    /// A whole number within `range`.
    public mutating func integer(_ column: String, required: Bool, in range: ClosedRange<Int>) -> Int? {
        guard let text = text(column, required: required) else { return nil }
        guard let integer = Int(text), range.contains(integer) else {
            report(column, "must be a whole number from \(range.lowerBound) to \(range.upperBound): '\(text)'")
            return nil
        }
        return integer
    }

    /// An amount of yuan with at most two decimals, as fen, at most `maximum`
    /// (in size, when `signed` allows a negative amount, a reversal).
    public mutating func money(
        _ column: String, required: Bool, positive: Bool, signed: Bool = false, maximum: Money? = nil
    ) -> Money? {
        guard let text = text(column, required: required) else { return nil }
        guard let money = Money(yuan: text) else {
            let digits = text.prefix { $0 != "." }.filter(\.isNumber).count
            report(
                column,
                digits > 16
                    ? "more than 16 digits of yuan: '\(text)'"
                    : "not an amount of yuan with at most two decimals: '\(text)'")
            return nil
        }
        if signed {
            if positive && money.fen == 0 {
                report(column, "must not be 0: '\(text)'")
                return nil
            }
        } else if positive && money.fen <= 0 || money.fen < 0 {
            report(column, "must be \(positive ? "greater than 0" : "0 or more"): '\(text)'")
            return nil
        }
        if let maximum, money > maximum || signed && Money(fen: -money.fen) > maximum {
            report(column, "must be at most \(maximum.yuanText) yuan: '\(text)'")
            return nil
        }
        return money
    }

    /// `true` or `false` (also `1`/`0`, `yes`/`no`, any case).
    public mutating func boolean(_ column: String, required: Bool) -> Bool? {
        guard let text = text(column, required: required) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default:
            report(column, "must be true or false (or yes/no, 1/0): '\(text)'")
            return nil
        }
    }

    /// One of the raw values of `Value`.
    public mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ column: String, required: Bool, as type: Value.Type = Value.self
    ) -> Value? where Value.RawValue == String {
        guard let text = text(column, required: required) else { return nil }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            report(column, "unknown value '\(text)' (one of \(allowed))")
            return nil
        }
        return value
    }

    /// A value parsed by `parse`, whose failure is described by `expected`.
    public mutating func parsed<Value>(
        _ column: String, required: Bool, expected: String, _ parse: (String) -> Value?
    ) -> Value? {
        guard let text = text(column, required: required) else { return nil }
        guard let value = parse(text) else {
            report(column, "\(expected): '\(text)'")
            return nil
        }
        return value
    }
}

extension String {
    /// The string without leading and trailing characters of `set`.
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

extension Double {
    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]`; `nil` for anything else
    /// (no `nan`, `inf`, hexadecimal or spaces) and for non-finite results.
    static func strictDecimal(_ text: String) -> Double? {
        var sawDigit = false
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        func digits() {
            while index < utf8.endIndex, (48...57).contains(utf8[index]) {
                sawDigit = true
                index = utf8.index(after: index)
            }
        }
        if index < utf8.endIndex, utf8[index] == 43 || utf8[index] == 45 { index = utf8.index(after: index) }
        digits()
        if index < utf8.endIndex, utf8[index] == 46 {
            index = utf8.index(after: index)
            digits()
        }
        guard sawDigit else { return nil }
        if index < utf8.endIndex, utf8[index] | 0x20 == 101 {
            index = utf8.index(after: index)
            if index < utf8.endIndex, utf8[index] == 43 || utf8[index] == 45 { index = utf8.index(after: index) }
            sawDigit = false
            digits()
            guard sawDigit else { return nil }
        }
        guard index == utf8.endIndex, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The shortest text that reads back as this value, without a trailing `.0`.
    public var shortText: String {
        let text = description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
