import FixedIncome

/// The dates the registry holds and analyses cover: 1900 to 2199, so that
/// the years and months an analysis steps back and forth from them stay on
/// the calendar, and no bond's life or average tenor runs to centuries.
public enum RegistryCalendar {
    public static let dates = CivilDate(year: 1900, month: 1, day: 1)!...CivilDate(year: 2199, month: 12, day: 31)!
}
