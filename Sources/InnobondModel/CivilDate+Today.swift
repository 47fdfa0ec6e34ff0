import FixedIncome
import Foundation

extension CivilDate {
    /// Today's date in UTC.
    public static var today: CivilDate {
        CivilDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))!
    }
}
