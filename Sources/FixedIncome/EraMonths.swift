/// The firsts of the months of a 400-year era of the Gregorian calendar,
/// from 1 January of its first year (a multiple of 400).
enum EraMonths {
    /// Months in an era.
    static let count = 4800
    /// Days in an era.
    static let days = 146_097

    /// One month of the era.
    struct Month {
        /// Days from 1 January of the era's first year to the first of the month.
        var firstDay: Int32
        /// The same on a calendar without 29 February: 365 a year, then the
        /// days of a common year before the month.
        var noLeapFirstDay: Int32
    }

    /// `count + 1` months (the last is the first month of the next era), in
    /// memory that is never freed nor written after it is filled, read
    /// without the reference counting of an array.
    nonisolated(unsafe) static let table: UnsafePointer<Month> = {
        let table = UnsafeMutablePointer<Month>.allocate(capacity: count + 1)
        var firstDay = 0
        for index in 0...count {
            let year = index / 12
            let month = index % 12 + 1
            let noLeapFirstDay = year * 365 + CivilDate.daysBeforeMonth(month)
            table[index] = Month(firstDay: Int32(firstDay), noLeapFirstDay: Int32(noLeapFirstDay))
            // The era's year 0 is a multiple of 400, so its leap years are those of year + 400.
            firstDay += CivilDate.daysInMonth(year: year + 400, month: month)
        }
        return UnsafePointer(table)
    }()
}
