extension CivilDate {
    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`, exactly ten ASCII bytes.
    ///
    /// - Throws: ``FixedIncomeError/malformedDate(_:)`` when the text is not of
    ///   that shape, ``FixedIncomeError/nonexistentDate(_:)`` when it is but no
    ///   such day exists (`2023-02-29`, `2099-12-00`).
    public init(iso8601 bytes: UnsafeBufferPointer<UInt8>) throws(FixedIncomeError) {
        if let date = Self(parsingISO8601: bytes) {
            self = date
        } else if bytes.count == 10, Self.isoFields(UnsafeRawPointer(bytes.baseAddress!)) != nil {
            throw .nonexistentDate(String(decoding: bytes, as: UTF8.self))
        } else {
            throw .malformedDate(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`, as
    /// ``init(iso8601:)-(UnsafeBufferPointer<UInt8>)`` does; `nil` where it throws.
    ///
    /// Inlinable, and without the error's text: for readers of many dates.
    @inlinable @inline(__always)
    public init?(parsingISO8601 bytes: UnsafeBufferPointer<UInt8>) {
        // Four digits make at most 9999, the last of ``years``; 1 is the first.
        guard bytes.count == 10, let (year, month, day) = Self.isoFields(UnsafeRawPointer(bytes.baseAddress!)),
            year >= 1, month >= 1, month <= 12, day >= 1,
            day <= Self.daysInMonth(year: year, month: month)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// The numbers of the ten bytes `YYYY-MM-DD` at `start`, or `nil` when
    /// those bytes are not four digits, a hyphen, two digits, a hyphen and
    /// two digits.
    ///
    /// Method: the first eight bytes are read as one word. With the hyphens
    /// turned into zeros, every byte must be an ASCII digit: its high nibble
    /// 3, and still 3 after adding 6 (D. Lemire, "Fast float parsing in
    /// practice", 2021). Multiplying the digit bytes by 10 and adding each
    /// byte's neighbour gives the two-digit numbers of the word at once.
    @inlinable @inline(__always)
    static func isoFields(_ start: UnsafeRawPointer) -> (year: Int, month: Int, day: Int)? {
        let head = start.loadUnaligned(as: UInt64.self).littleEndian
        let tail = UInt64(start.loadUnaligned(fromByteOffset: 8, as: UInt16.self).littleEndian)
        let hyphens: UInt64 = 0x2D00_002D_0000_0000
        guard head & 0xFF00_00FF_0000_0000 == hyphens else { return nil }
        // The hyphens become "0"; the day's two bytes fill the upper half of a second word.
        let digits = head ^ (hyphens ^ 0x3000_0030_0000_0000)
        let dayDigits = tail | 0x3030_3030_3030_0000
        let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        func allDigits(_ word: UInt64) -> Bool {
            (word & high) | ((word &+ 0x0606_0606_0606_0606) & high) &>> 4 == 0x3333_3333_3333_3333
        }
        guard allDigits(digits), allDigits(dayDigits) else { return nil }
        // Byte i holds digit i; byte 2k then holds the number of digits 2k and 2k+1.
        let values = digits &- 0x3030_3030_3030_3030
        let pairs = values &* 10 &+ values &>> 8
        let dayValues = tail &- 0x3030
        return (
            year: Int(truncatingIfNeeded: pairs & 0xFF) &* 100 &+ Int(truncatingIfNeeded: (pairs &>> 16) & 0xFF),
            month: Int(truncatingIfNeeded: (pairs &>> 40) & 0xFF),
            day: Int(truncatingIfNeeded: (dayValues & 0xFF) &* 10 &+ dayValues &>> 8)
        )
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
