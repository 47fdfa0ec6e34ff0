import GRDB
import GRDBSQLite
import InnobondStore

/// The current row of a stepped SQLite statement, read in place: valid
/// until the statement steps again.
struct StatementRow: StoredValues {
    let handle: SQLiteStatement
    let count: Int

    func isNull(_ index: Int) -> Bool { sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL }

    func integer(_ index: Int) -> Int64? {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_INTEGER ? sqlite3_column_int64(handle, Int32(index)) : nil
    }

    func real(_ index: Int) -> Double? {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_FLOAT: return sqlite3_column_double(handle, Int32(index))
        case SQLITE_INTEGER: return Double(sqlite3_column_int64(handle, Int32(index)))
        default: return nil
        }
    }

    /// Text and blobs alike, as UTF-8.
    func withText<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT: return nil
        default:
            // The bytes are asked after the text, as SQLite's documentation advises.
            let start = sqlite3_column_text(handle, column)
            let count = Int(sqlite3_column_bytes(handle, column))
            return body(UnsafeBufferPointer(start: start, count: start == nil ? 0 : count))
        }
    }
}
