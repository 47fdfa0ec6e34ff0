/// The values of a stored row by position, as a store reads them: the
/// store's ``SQLValue``s, or a database cursor read in place, whose text is
/// parsed without first becoming a string where it need not be one.
public protocol StoredValues {
    /// How many values the row holds.
    var count: Int { get }
    /// Whether the value at `index` is NULL.
    func isNull(_ index: Int) -> Bool
    /// The value at `index` when it is an integer.
    func integer(_ index: Int) -> Int64?
    /// The value at `index` when it is a number (an integer too).
    func real(_ index: Int) -> Double?
    /// `body`'s result on the UTF-8 of the value at `index`, when it is text.
    func withText<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result?
}

extension StoredValues {
    /// The value at `index` when it is text.
    @inlinable
    public func text(_ index: Int) -> String? { withText(index) { String(decoding: $0, as: UTF8.self) } }

    /// The row as the store's values.
    public var sqlValues: [SQLValue] {
        (0..<count).map { index in
            if isNull(index) { return .null }
            if let integer = integer(index) { return .integer(integer) }
            if let real = real(index) { return .real(real) }
            return text(index).map(SQLValue.text) ?? .null
        }
    }
}

extension Array: StoredValues where Element == SQLValue {
    @inlinable
    public func isNull(_ index: Int) -> Bool {
        if case .null = self[index] { return true }
        return false
    }

    @inlinable
    public func integer(_ index: Int) -> Int64? {
        if case .integer(let value) = self[index] { return value }
        return nil
    }

    @inlinable
    public func real(_ index: Int) -> Double? {
        switch self[index] {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    @inlinable
    public func withText<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard case .text(var text) = self[index] else { return nil }
        return text.withUTF8(body)
    }

    @inlinable
    public func text(_ index: Int) -> String? {
        if case .text(let text) = self[index] { return text }
        return nil
    }

    public var sqlValues: [SQLValue] { self }
}
