import FixedIncome
import PropertyBased
import Testing

func date(_ text: String) -> CivilDate {
    do { return try CivilDate(iso8601: text) } catch { fatalError("bad test date \(text): \(error)") }
}

@Suite struct CivilDateTests {
    /// Day numbers from Python's `date.toordinal() - date(1970, 1, 1).toordinal()`.
    @Test(arguments: [
        ("1970-01-01", 0), ("2000-01-01", 10957), ("2024-02-29", 19782), ("1969-12-31", -1),
        ("0001-01-01", -719_162), ("9999-12-31", 2_932_896), ("2100-03-01", 47541),
    ])
    func dayNumbers(text: String, dayNumber: Int) {
        #expect(date(text).dayNumber == dayNumber)
        #expect(CivilDate(dayNumber: dayNumber) == date(text))
    }

    @Test func dayNumbersRoundTripAndCountEveryDay() async {
        await propertyCheck(input: Gen.int(in: -719_162...2_932_895)) { dayNumber in
            let day = CivilDate(dayNumber: dayNumber)!
            #expect(day.dayNumber == dayNumber)
            let next = CivilDate(dayNumber: dayNumber + 1)!
            #expect(next > day)
            let expected =
                day.day < CivilDate.daysInMonth(year: day.year, month: day.month)
                ? CivilDate(year: day.year, month: day.month, day: day.day + 1)
                : day.month < 12
                    ? CivilDate(year: day.year, month: day.month + 1, day: 1)
                    : CivilDate(year: day.year + 1, month: 1, day: 1)
            #expect(next == expected)
            #expect(CivilDate(day.iso8601) == day)
        }
    }

    @Test func outsideTheYearsThereIsNoDate() {
        #expect(CivilDate(dayNumber: -719_163) == nil)
        #expect(CivilDate(dayNumber: 2_932_897) == nil)
        #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
        #expect(date("9999-12-31").adding(days: 1) == nil)
    }

    /// Month arithmetic clamps the day to the end of a shorter month.
    @Test(arguments: [
        ("2024-08-31", -6, "2024-02-29"), ("2023-08-31", -6, "2023-02-28"), ("2025-01-31", 1, "2025-02-28"),
        ("2024-03-31", -1, "2024-02-29"), ("2025-05-15", 12, "2026-05-15"), ("2025-01-15", -1, "2024-12-15"),
        ("2025-03-31", -13, "2024-02-29"), ("2024-12-31", 2, "2025-02-28"), ("2025-06-30", 0, "2025-06-30"),
    ])
    func monthArithmetic(start: String, months: Int, expected: String) {
        #expect(date(start).adding(months: months) == date(expected))
    }

    @Test(arguments: [
        ("28.05.2016", FixedIncomeError.malformedDate("28.05.2016")),
        ("2046/09/23", .malformedDate("2046/09/23")),
        (" 2025-01-01", .malformedDate(" 2025-01-01")),
        ("2025-1-01", .malformedDate("2025-1-01")),
        ("", .malformedDate("")),
        ("1993-02-29", .nonexistentDate("1993-02-29")),
        ("2099-12-00", .nonexistentDate("2099-12-00")),
        ("2066-02-30", .nonexistentDate("2066-02-30")),
        ("2025-13-01", .nonexistentDate("2025-13-01")),
        ("0000-06-01", .nonexistentDate("0000-06-01")),
    ])
    func badDatesSayWhy(text: String, error: FixedIncomeError) {
        #expect(throws: error) { try CivilDate(iso8601: text) }
    }

    /// Every byte value at every position of a date: the parser takes
    /// exactly the digits at digit positions and the hyphens at theirs as
    /// the shape, and reads the numbers a digit at a time would give.
    @Test func everyByteAtEveryPosition() {
        let valid = Array("1987-06-15".utf8)
        for position in 0..<10 {
            for value in 0...255 {
                var bytes = valid
                bytes[position] = UInt8(value)
                let shapeHolds = position == 4 || position == 7 ? value == 45 : (48...57).contains(value)
                func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1]) - 48 } }
                let result = bytes.withUnsafeBufferPointer { buffer in
                    Result { () throws(FixedIncomeError) in try CivilDate(iso8601: buffer) }
                }
                let text = String(decoding: bytes, as: UTF8.self)
                switch result {
                case .success(let parsed):
                    #expect(shapeHolds, "byte \(value) at \(position)")
                    #expect(parsed == CivilDate(year: number(0..<4), month: number(5..<7), day: number(8..<10)))
                case .failure(let error):
                    let expected: FixedIncomeError =
                        shapeHolds && CivilDate(year: number(0..<4), month: number(5..<7), day: number(8..<10)) == nil
                        ? .nonexistentDate(text) : .malformedDate(text)
                    #expect(error == expected, "byte \(value) at \(position)")
                }
            }
        }
    }

    @Test func formatsWithPadding() {
        #expect(CivilDate(year: 1, month: 2, day: 3)!.iso8601 == "0001-02-03")
        #expect(date("2000-02-29").description == "2000-02-29")
        #expect(date("2000-02-29").isEndOfMonth)
        #expect(!date("2100-02-28").adding(days: -1)!.isEndOfMonth)
        #expect(date("2100-02-28").isEndOfMonth)
    }
}
