import FixedIncome
import InnobondIO

/// Prices the rows of one chunk of batch input into output rows and
/// diagnostics. One worker per thread; it keeps its parser and cash-flow
/// storage from row to row.
struct AnalyticsWorker {
    /// What a chunk gave.
    struct ChunkResult {
        /// Output rows, in input order.
        var output: ByteBuffer
        /// `line N, column NAME: reason`, in input order.
        var diagnostics: [String]
        /// Rows read (blank lines are not rows).
        var rows = 0
        /// Rows rejected.
        var rejected = 0
        /// Input bytes consumed up to the end of the chunk.
        var endOffset: Int
    }

    /// One reason a row cannot be priced.
    struct Issue {
        var column: String
        var reason: String
    }

    let columns: AnalyticsColumns
    /// Curves for the spread and put columns, when given.
    let curves: CurveSet?
    private let parser = CSVRecordParser()
    private var flows = RemainingCashFlows()
    /// Working storage for Z-spreads.
    private var spreadFlows = RemainingCashFlows()
    private var issues: [Issue] = []
    /// The figures of the row priced last: kept here rather than returned,
    /// which copied them twice a row.
    private var row = RowAnalytics()

    init(columns: AnalyticsColumns, curves: CurveSet? = nil) {
        self.columns = columns
        self.curves = curves
    }

    mutating func process(_ chunk: CSVChunkReader.Chunk) -> ChunkResult {
        var result = ChunkResult(
            output: ByteBuffer(capacity: chunk.bytes.count * 3 + 4096), diagnostics: [], endOffset: chunk.endOffset)
        chunk.bytes.withUnsafeBufferPointer { bytes in
            var offset = chunk.start
            var line = chunk.firstLine
            while offset < bytes.count, let extent = parser.parse(bytes, from: offset, isFinal: true) {
                if !parser.isBlank {
                    result.rows += 1
                    if !priceRow(into: result.output) {
                        result.rejected += 1
                        for issue in issues {
                            result.diagnostics.append("line \(line), column \(issue.column): \(issue.reason)")
                        }
                    }
                }
                offset = extent.end
                line += extent.lineFeeds
            }
        }
        return result
    }

    /// Writes the output row of the record in `parser`; returns whether it was
    /// priced, leaving the reasons in `issues` when not.
    private mutating func priceRow(into output: ByteBuffer) -> Bool {
        if !issues.isEmpty { issues.removeAll(keepingCapacity: true) }
        output.append(csvField: parser.field(columns.id))
        if analyzeRow() {
            let analytics = row
            let figures = analytics.figures
            // The quote given is written as it was read when that is its shortest decimal.
            if analytics.cleanPriceIsShortestText {
                output.append(.comma)
                output.append(parser.trimmedField(columns.cleanPrice))
            } else {
                output.append(commaAndShortest: analytics.cleanPrice)
            }
            if analytics.yieldIsShortestText {
                output.append(.comma)
                output.append(parser.trimmedField(columns.yield))
            } else {
                output.append(commaAndShortest: analytics.yieldPercent)
            }
            output.append(commaAndShortest: figures.accruedInterest)
            output.append(commaAndShortest: figures.dirtyPrice)
            output.append(commaAndShortest: figures.macaulayDuration)
            output.append(commaAndShortest: figures.modifiedDuration)
            output.append(commaAndShortest: figures.convexity)
            output.append(commaAndShortest: figures.dv01)
            if curves != nil {
                func append(_ value: Double?) {
                    if let value { output.append(commaAndShortest: value) } else { output.append(.comma) }
                }
                append(analytics.gSpreadBP)
                append(analytics.zSpreadBP)
                append(analytics.yieldToPutPercent)
                append(analytics.yieldToWorstPercent)
            }
            output.append(.lineFeed)
            return true
        }
        output.append(curves == nil ? ",,,,,,,,\n" : ",,,,,,,,,,,,\n")
        return false
    }

    /// The figures of a priced row, with the price and yield as they are
    /// written: echoed from the input when given, solved otherwise; and the
    /// curve's figures when there is a curve.
    private struct RowAnalytics {
        var figures = BondAnalytics(
            cleanPrice: 0, yield: 0, accruedInterest: 0, dirtyPrice: 0, macaulayDuration: 0, modifiedDuration: 0,
            convexity: 0, dv01: 0)
        var cleanPrice = 0.0
        var yieldPercent = 0.0
        /// Whether the input's text of the clean price, or of the yield, is
        /// the shortest decimal of `cleanPrice` or `yieldPercent`.
        var cleanPriceIsShortestText = false
        var yieldIsShortestText = false
        var gSpreadBP: Double?
        var zSpreadBP: Double?
        var yieldToPutPercent: Double?
        var yieldToWorstPercent: Double?
    }

    /// Prices the record in `parser` into `row`; returns whether it was
    /// priced, leaving the reasons in `issues` when not.
    private mutating func analyzeRow() -> Bool {
        checkRecordShape()
        // A quoting problem leaves the record's fields unknown: it is the one issue.
        guard parser.problem == nil else { return false }
        checkText(columns.id)
        let convention = convention()
        // A convention written, even if unknown, makes the day count optional.
        let conventionGiven = columns.convention.map { !parser.trimmedField($0).isEmpty } ?? false
        let issueDate = date(columns.issueDate)
        let maturityDate = date(columns.maturityDate)
        let settlementDate = date(columns.settlementDate)
        let couponPercent = number(columns.couponRate, required: true)
        let frequency = frequency(columns.frequency, atMaturityAllowed: conventionGiven)
        let dayCount = columns.dayCount.flatMap { column in
            conventionGiven && parser.trimmedField(column).isEmpty ? nil : self.dayCount(column)
        }
        if !conventionGiven, columns.dayCount == nil, let column = columns.convention {
            report(column, "missing value: without a day_count column, each row needs a convention (CIBM, SSE, SZSE)")
        }
        let cleanPriceRead = numberRead(columns.cleanPrice, required: false)
        let yieldRead = numberRead(columns.yield, required: false)
        let cleanPrice = cleanPriceRead?.value
        let yieldPercent = yieldRead?.value
        let putDate = columns.putDate.flatMap { parser.trimmedField($0).isEmpty ? nil : date($0) }
        // A put lies inside the bond's life, as the registry requires.
        if let column = columns.putDate, let putDate, let issueDate, let maturityDate,
            !(putDate > issueDate && putDate < maturityDate)
        {
            report(column, "must be after issue_date and before maturity_date: '\(putDate)'")
        }
        // A number read is a value given; a field that gave none may still hold text.
        let priceGiven = cleanPriceRead != nil || !parser.trimmedField(columns.cleanPrice).isEmpty
        let yieldGiven = yieldRead != nil || !parser.trimmedField(columns.yield).isEmpty
        if priceGiven && yieldGiven {
            report(columns.yield, "both clean_price and yield given; give exactly one")
        } else if !priceGiven && !yieldGiven {
            report(columns.yield, "neither clean_price nor yield given; give exactly one")
        }
        guard issues.isEmpty, let issueDate, let maturityDate, let settlementDate, let couponPercent,
            let frequency, convention != nil || dayCount != nil
        else { return false }

        let quote: BondQuote
        if let cleanPrice {
            quote = .cleanPrice(cleanPrice)
        } else if let yieldPercent {
            quote = .yield(yieldPercent / 100)
        } else {
            return false
        }
        do {
            let figures: BondAnalytics
            // Under a convention, the curve figures price the flows the market
            // prices, as the registry's bond pages do. The bond is kept only
            // for them (a copy of a bond a row).
            var market: MarketBond?
            var periodic: FixedRateBond?
            if let convention {
                let bond = try MarketBond(
                    convention: convention, issueDate: issueDate, maturityDate: maturityDate,
                    couponRate: couponPercent / 100, frequency: frequency)
                figures = try bond.analytics(settlement: settlementDate, quote: quote)
                if curves != nil { market = bond }
            } else {
                let bond = try FixedRateBond(
                    issueDate: issueDate, maturityDate: maturityDate, couponRate: couponPercent / 100,
                    frequency: frequency!, dayCount: dayCount!)
                try flows.load(bond: bond, settlement: settlementDate)
                figures = try flows.analytics(quote)
                if curves != nil { periodic = bond }
            }
            row.figures = figures
            row.cleanPrice = cleanPrice ?? figures.cleanPrice
            row.yieldPercent = yieldPercent ?? figures.yield * 100
            row.cleanPriceIsShortestText = cleanPriceRead?.isShortestText ?? false
            row.yieldIsShortestText = yieldRead?.isShortestText ?? false
            row.gSpreadBP = nil
            row.zSpreadBP = nil
            row.yieldToPutPercent = nil
            row.yieldToWorstPercent = nil
            if let curves, let curve = curves.curve(on: settlementDate) {
                row.gSpreadBP = (figures.yield - curve.maturityYield(at: maturityDate)) * 10_000
                let zSpread: Double?
                if let market {
                    zSpread = try? market.zSpread(
                        cleanPrice: figures.cleanPrice, settlement: settlementDate, curve: curve, scratch: &spreadFlows)
                } else {
                    zSpread = try? periodic!.zSpread(
                        cleanPrice: figures.cleanPrice, settlement: settlementDate, curve: curve, scratch: &spreadFlows)
                }
                row.zSpreadBP = zSpread.map { $0 * 10_000 }
            }
            // The yields to put and to worst need no curve; they come with the curve figures.
            if curves != nil {
                row.yieldToWorstPercent = row.yieldPercent
                if let putDate, putDate > settlementDate, putDate < maturityDate {
                    let toPut: Double
                    if let market {
                        toPut = try market.yieldToPut(
                            cleanPrice: figures.cleanPrice, settlement: settlementDate, putDate: putDate)
                    } else {
                        toPut = try periodic!.yieldToPut(
                            cleanPrice: figures.cleanPrice, settlement: settlementDate, putDate: putDate)
                    }
                    row.yieldToPutPercent = toPut * 100
                    row.yieldToWorstPercent = min(toPut * 100, row.yieldPercent)
                }
            }
            return true
        } catch {
            report(columns.column(for: error, quotedByPrice: cleanPrice != nil), error.description)
            return false
        }
    }

    // MARK: Fields

    private mutating func report(_ column: Int, _ reason: String) {
        issues.append(Issue(column: columns.name(at: column), reason: reason))
    }

    /// Reports quoting problems and fields beyond the header that hold data.
    private mutating func checkRecordShape() {
        switch parser.problem {
        case .unterminatedQuote(let field)?:
            report(field, "quoted field is not closed before the end of the input")
        case .textAfterClosingQuote(let field)?:
            report(field, "text after the closing quote of a quoted field")
        case nil:
            break
        }
        if parser.fieldCount > columns.names.count {
            for index in columns.names.count..<parser.fieldCount where !parser.field(index).isEmpty {
                report(
                    index,
                    "the row has \(parser.fieldCount) fields but the header names \(columns.names.count)")
                break
            }
        }
    }

    /// Reports a field that is not UTF-8 text, as the contract's input is.
    private mutating func checkText(_ column: Int) {
        let field = parser.field(column)
        guard !ByteScan.isASCII(field), String(validating: field, as: UTF8.self) == nil else { return }
        report(column, "not UTF-8 text")
    }

    // Helpers that do not report are static or the parser's: a non-mutating
    // method of the worker, called from a mutating one, copies the whole
    // worker at each call (5 % of the instructions of a batch, callgrind).

    private static func text(_ field: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: field, as: UTF8.self)
    }

    // The readers of fields are split: the usual value, with no spaces
    // around it, is read inline; a field with spaces is read again trimmed,
    // and anything else reported, by a function of its own (a function with
    // the error paths saved and restored registers at every field).

    @inline(__always)
    private mutating func date(_ column: Int) -> CivilDate? {
        if let date = CivilDate(parsingISO8601: parser.field(column)) { return date }
        return trimmedDate(column)
    }

    /// The date of field `column` without its spaces; reports why when there is none.
    @inline(never)
    private mutating func trimmedDate(_ column: Int) -> CivilDate? {
        let field = parser.trimmedField(column)
        if let date = CivilDate(parsingISO8601: field) { return date }
        guard !field.isEmpty else {
            report(column, "missing value")
            return nil
        }
        do {
            return try CivilDate(iso8601: field)
        } catch {
            report(column, error.description)
            return nil
        }
    }

    private mutating func number(_ column: Int, required: Bool) -> Double? {
        numberRead(column, required: required)?.value
    }

    /// ``number(_:required:)`` with the form of its text.
    @inline(__always)
    private mutating func numberRead(_ column: Int, required: Bool) -> DecimalParser.Number? {
        let field = parser.field(column)
        if field.isEmpty {
            if required { report(column, "missing value") }
            return nil
        }
        if let number = DecimalParser.parseNumber(field), number.value.isFinite { return number }
        return trimmedNumber(column, required: required)
    }

    /// The number of field `column` without its spaces; reports why when
    /// there is none, or when it is missing and `required`.
    @inline(never)
    private mutating func trimmedNumber(_ column: Int, required: Bool) -> DecimalParser.Number? {
        let field = parser.trimmedField(column)
        guard !field.isEmpty else {
            if required { report(column, "missing value") }
            return nil
        }
        guard let number = DecimalParser.parseNumber(field) else {
            report(column, "not a number: '\(Self.text(field))'")
            return nil
        }
        guard number.value.isFinite else {
            report(column, "not a finite number: '\(Self.text(field))'")
            return nil
        }
        return number
    }

    /// The coupon frequency; 0 (interest at maturity, as `nil`) only under a convention.
    @inline(__always)
    private mutating func frequency(_ column: Int, atMaturityAllowed: Bool) -> Frequency?? {
        // The four counts as they are usually written, without the general parser.
        let field = parser.field(column)
        if field.count == 1 {
            switch field[0] {
            case UInt8(ascii: "1"): return .annual
            case UInt8(ascii: "2"): return .semiannual
            case UInt8(ascii: "4"): return .quarterly
            default: break
            }
        } else if field.count == 2, field[0] == UInt8(ascii: "1"), field[1] == UInt8(ascii: "2") {
            return .monthly
        }
        return trimmedFrequency(column, atMaturityAllowed: atMaturityAllowed)
    }

    /// ``frequency(_:atMaturityAllowed:)`` of field `column` without its
    /// spaces; reports why when there is none.
    @inline(never)
    private mutating func trimmedFrequency(_ column: Int, atMaturityAllowed: Bool) -> Frequency?? {
        let field = parser.trimmedField(column)
        guard !field.isEmpty else {
            report(column, "missing value")
            return nil
        }
        let count = DecimalParser.parseInt(field)
        if atMaturityAllowed && count == 0 { return .some(nil) }
        if let count, let frequency = Frequency(rawValue: count) { return frequency }
        report(
            column,
            atMaturityAllowed
                ? "must be 0, 1, 2, 4 or 12: '\(Self.text(field))'" : "must be 1, 2, 4 or 12: '\(Self.text(field))'")
        return nil
    }

    /// The market convention of the row, if the file has the column and the row a value.
    private mutating func convention() -> MarketConvention? {
        guard let column = columns.convention else { return nil }
        let field = parser.trimmedField(column)
        guard !field.isEmpty else { return nil }
        guard let convention = MarketConvention(rawValue: Self.text(field).uppercased()) else {
            report(column, "unknown convention: '\(Self.text(field))' (one of CIBM, SSE, SZSE)")
            return nil
        }
        return convention
    }

    @inline(__always)
    private mutating func dayCount(_ column: Int) -> DayCount? {
        if let dayCount = DayCount(name: parser.field(column)) { return dayCount }
        return trimmedDayCount(column)
    }

    /// The day count of field `column` without its spaces; reports why when there is none.
    @inline(never)
    private mutating func trimmedDayCount(_ column: Int) -> DayCount? {
        let field = parser.trimmedField(column)
        if let dayCount = DayCount(name: field) { return dayCount }
        guard !field.isEmpty else {
            report(column, "missing value")
            return nil
        }
        report(
            column,
            "unknown day count: '\(Self.text(field))' (one of "
                + DayCount.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        return nil
    }
}

extension DayCount {
    /// The day count whose raw value is exactly these bytes.
    init?(name: UnsafeBufferPointer<UInt8>) {
        let count = name.count
        guard count >= 6, count <= 12, let start = name.baseAddress else { return nil }
        // Each name differs from the others in its length or first byte.
        // The raw values as static text: no string is made for each row.
        let candidate: DayCount
        let spelling: StaticString
        switch (count, start[0]) {
        case (12, UInt8(ascii: "A")): (candidate, spelling) = (.actualActualICMA, "ACT/ACT-ICMA")
        case (8, UInt8(ascii: "A")): (candidate, spelling) = (.actual365Fixed, "ACT/365F")
        case (7, UInt8(ascii: "A")): (candidate, spelling) = (.actual360, "ACT/360")
        case (6, UInt8(ascii: "3")): (candidate, spelling) = (.thirty360, "30/360")
        case (6, UInt8(ascii: "N")): (candidate, spelling) = (.noLeap365, "NL/365")
        default: return nil
        }
        assert(candidate.rawValue == spelling.description)
        // Compared four bytes at a time: the first four, the last four and,
        // in twelve, the four between; every byte of 6 to 12 is covered.
        let text = UnsafeRawPointer(start)
        let expected = UnsafeRawPointer(spelling.utf8Start)
        func word(_ bytes: UnsafeRawPointer, _ offset: Int) -> UInt32 {
            bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        }
        guard word(text, 0) == word(expected, 0), word(text, count &- 4) == word(expected, count &- 4),
            count <= 8 || word(text, 4) == word(expected, 4)
        else { return nil }
        self = candidate
    }
}
