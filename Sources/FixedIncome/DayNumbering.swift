/// How a day count that counts days numbers a walk's dates.
protocol DayNumbering {
    static func dayNumber(of walk: CouponDateWalk) -> Int
}

/// Actual days: ACT/365F and ACT/360.
enum ActualDays: DayNumbering {
    @inline(__always)
    static func dayNumber(of walk: CouponDateWalk) -> Int { walk.dayNumber }
}

/// Days without 29 February: NL/365.
enum NoLeapDays: DayNumbering {
    @inline(__always)
    static func dayNumber(of walk: CouponDateWalk) -> Int { walk.noLeapDayNumber }
}
