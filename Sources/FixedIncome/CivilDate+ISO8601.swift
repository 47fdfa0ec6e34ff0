extension CivilDate {
    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`, exactly ten ASCII bytes.
    ///
    /// - Throws: ``FixedIncomeError/malformedDate(_:)`` when the text is not of
    ///   that shape, ``FixedIncomeError/nonexistentDate(_:)`` when it is but no
    ///   such day exists (`2023-02-29`, `2099-12-00`).
    public init(iso8601 bytes: UnsafeBufferPointer<UInt8>) throws(FixedIncomeError) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
        else { throw .malformedDate(String(decoding: bytes, as: UTF8.self)) }
        var fields = (0, 0, 0)
        for index in 0..<10 where index != 4 && index != 7 {
            let digit = Int(bytes[index]) &- 48
            guard digit >= 0 && digit <= 9 else {
                throw .malformedDate(String(decoding: bytes, as: UTF8.self))
            }
            switch index {
            case 0..<4: fields.0 = fields.0 * 10 + digit
            case 5..<7: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        guard let date = CivilDate(year: fields.0, month: fields.1, day: fields.2) else {
            throw .nonexistentDate(String(decoding: bytes, as: UTF8.self))
        }
        self = date
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`.
    public init(iso8601 text: String) throws(FixedIncomeError) {
        var utf8 = text
        var result = Result<CivilDate, FixedIncomeError>.failure(.malformedDate(text))
        utf8.withUTF8 { bytes in
            result = Result { () throws(FixedIncomeError) in try CivilDate(iso8601: bytes) }
        }
        self = try result.get()
    }

    /// The ISO 8601 form, `YYYY-MM-DD`.
    public var iso8601: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

extension CivilDate: CustomStringConvertible, LosslessStringConvertible {
    public var description: String { iso8601 }

    /// Parses `YYYY-MM-DD`; `nil` when the text is not a calendar date.
    public init?(_ description: String) {
        guard let date = try? CivilDate(iso8601: description) else { return nil }
        self = date
    }
}

extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CivilDate(iso8601: text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}
