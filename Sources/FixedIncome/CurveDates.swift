/// Choosing, among curves by date, the one to price on a day: the latest on
/// or before it, if recent enough.
public enum CurveDates {
    /// A curve prices dates at most this many days after its own: enough for
    /// a holiday week and its weekends (the Spring Festival), not for a
    /// stale curve to pass for a current one.
    public static let maximumAgeDays = 10

    /// The latest element of `items` (in ascending order of `dateOf`) dated
    /// on or before `date` and at most `maximumAgeDays` before it.
    public static func latest<Items: RandomAccessCollection>(
        in items: Items, onOrBefore date: CivilDate, maximumAgeDays: Int = maximumAgeDays,
        dateOf: (Items.Element) -> CivilDate
    ) -> Items.Element? {
        var low = items.startIndex
        var count = items.count
        // Binary search for the first element dated after `date`.
        while count > 0 {
            let half = count / 2
            let middle = items.index(low, offsetBy: half)
            if dateOf(items[middle]) <= date {
                low = items.index(after: middle)
                count -= half + 1
            } else {
                count = half
            }
        }
        guard low != items.startIndex else { return nil }
        let found = items[items.index(before: low)]
        return dateOf(found).days(to: date) <= maximumAgeDays ? found : nil
    }
}
