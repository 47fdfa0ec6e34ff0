import FixedIncome
import PropertyBased
import Testing

/// Each case is worked by hand in its comment, from the definitions in
/// spec/bond-analytics.md (ISDA 2006 Definitions §4.16 for ACT/360, ACT/365F
/// and 30/360 bond basis; ICMA Rule 251 for ACT/ACT-ICMA).
@Suite struct DayCountTests {
    func fraction(
        _ dayCount: DayCount, _ start: String, _ end: String,
        reference: (String, String)? = nil, frequency: Frequency = .semiannual
    ) -> Double {
        let reference = reference ?? (start, end)
        return dayCount.yearFraction(
            from: date(start), to: date(end), referenceStart: date(reference.0),
            referenceEnd: date(reference.1), frequency: frequency)
    }

    @Test func rawValuesAreTheContractNames() {
        #expect(DayCount.allCases.map(\.rawValue) == ["ACT/ACT-ICMA", "ACT/365F", "ACT/360", "30/360", "NL/365"])
    }

    @Test func actual360And365Fixed() {
        // 2024-01-15 to 2024-07-15: 17 + 29 + 31 + 30 + 31 + 30 + 14 = 182 days.
        #expect(fraction(.actual360, "2024-01-15", "2024-07-15") == 182.0 / 360)
        #expect(fraction(.actual365Fixed, "2024-01-15", "2024-07-15") == 182.0 / 365)
        // A leap year: 2024-01-01 to 2025-01-01 is 366 days.
        #expect(fraction(.actual365Fixed, "2024-01-01", "2025-01-01") == 366.0 / 365)
    }

    @Test func noLeap365SkipsTheTwentyNinthOfFebruary() {
        // 182 actual days, and 2024-02-29 lies in (2024-01-15, 2024-07-15]: 181.
        #expect(fraction(.noLeap365, "2024-01-15", "2024-07-15") == 181.0 / 365)
        // From 29 February: it is not in (d1, d2], so 1 day.
        #expect(fraction(.noLeap365, "2024-02-29", "2024-03-01") == 1.0 / 365)
        // To 29 February: it is in (d1, d2], so 0 days.
        #expect(fraction(.noLeap365, "2024-02-28", "2024-02-29") == 0)
        // Four years with one leap day: 1461 - 1 = 1460 days.
        #expect(fraction(.noLeap365, "2023-01-01", "2027-01-01") == 1460.0 / 365)
    }

    @Test func thirty360BondBasis() {
        // D1 = 31 -> 30; then D1 = 30 so D2 = 31 -> 30: 30 * 2 + 0 = 60.
        #expect(fraction(.thirty360, "2024-01-31", "2024-03-31") == 60.0 / 360)
        // D1 = 29 is not 30, so D2 stays 31: 30 * 1 + (31 - 29) = 32.
        #expect(fraction(.thirty360, "2024-02-29", "2024-03-31") == 32.0 / 360)
        // D1 = 30, D2 = 29: 30 * 1 + (29 - 30) = 29.
        #expect(fraction(.thirty360, "2024-01-30", "2024-02-29") == 29.0 / 360)
        // D1 = 15, D2 = 31 stays: 360 * 1 + 30 * 0 + 16 = 376.
        #expect(fraction(.thirty360, "2024-05-15", "2025-05-31") == 376.0 / 360)
        // Day 30 to day 31 of the next month counts one whole month: 30.
        #expect(DayCount.thirty360Days(from: date("2030-04-30"), to: date("2030-05-31")) == 30)
    }

    @Test func actualActualICMAMeasuresAgainstTheReferencePeriod() {
        // Semiannual period 2024-01-15 to 2024-07-15 (182 days); 46 days
        // accrued to 2024-03-01: 46 / (2 * 182).
        #expect(
            fraction(.actualActualICMA, "2024-01-15", "2024-03-01", reference: ("2024-01-15", "2024-07-15"))
                == 46.0 / 364)
        // A whole regular period is exactly 1/frequency.
        #expect(fraction(.actualActualICMA, "2024-01-15", "2024-07-15") == 0.5)
        #expect(fraction(.actualActualICMA, "2025-02-28", "2025-03-31", frequency: .monthly) == 1.0 / 12)
        // A short stub from 2024-03-01 to 2024-07-15 against the regular period
        // 2024-01-15 to 2024-07-15: 136 / (2 * 182).
        #expect(
            fraction(.actualActualICMA, "2024-03-01", "2024-07-15", reference: ("2024-01-15", "2024-07-15"))
                == 136.0 / 364)
    }

    /// A period's two fractions at once are exactly those computed one by
    /// one, for every day count, first stubs and regular periods alike.
    @Test func bothFractionsOfAPeriodAtOnce() async {
        await propertyCheck(count: 300, input: BondCases.bonds) { bondCase in
            let (bond, settlement) = bondCase
            let holding = bond.schedule.periodIndex(containing: settlement).map { bond.schedule.period($0) }
            for period in Array(bond.schedule.periods.prefix(3)) + (holding.map { [$0] } ?? []) {
                for date in [period.start, settlement, period.end] where date >= period.start && date <= period.end {
                    let both = period.yearFractions(to: date, dayCount: bond.dayCount, frequency: bond.frequency)
                    #expect(
                        both.toDate == period.yearFraction(to: date, dayCount: bond.dayCount, frequency: bond.frequency)
                    )
                    #expect(both.whole == period.length(dayCount: bond.dayCount, frequency: bond.frequency))
                }
            }
        }
    }
}
