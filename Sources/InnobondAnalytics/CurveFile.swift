import FixedIncome
import InnobondIO

/// A file of curve points in the registry's `curves` format (`curve`,
/// `date`, `tenor`, `yield` in percent), turned into curves: one per date of
/// the chosen curve.
public struct CurveFile: Sendable {
    /// How par yields become a curve.
    public enum Method: String, Sendable, CaseIterable {
        /// Discount factors that reprice par bonds, log-linear in between.
        case bootstrap
        /// Monotone cubic Hermite interpolation of par yields (ChinaBond's method).
        case hermite
        /// A Nelson–Siegel–Svensson fit.
        case nss
    }

    /// A point of the file.
    public struct Point: Sendable, Hashable {
        public var curve: String
        public var date: CivilDate
        public var tenor: Tenor
        /// Percent.
        public var yieldPercent: Double
    }

    /// Every point, in file order.
    public let points: [Point]

    /// What identifies a point, as in the registry: 12M and 1Y are one tenor.
    private struct PointKey: Hashable {
        var curve: String
        var date: CivilDate
        var tenor: Tenor
    }

    /// Reads a file; every bad row is reported as `line N, column NAME: reason`.
    public init(input: any ByteInput) throws(AnalyticsError) {
        let reader = CSVChunkReader(input: input)
        let parser = CSVRecordParser()
        var points: [Point] = []
        var problems: [String] = []
        var positions: [String: Int]?
        /// The line of each point, by curve, date and tenor in its largest exact unit.
        var lines: [PointKey: Int] = [:]
        do {
            while let chunk = try reader.next() {
                if let positions, Self.missingColumns(positions) != nil { break }
                chunk.bytes.withUnsafeBufferPointer { bytes in
                    var offset = chunk.start
                    var line = chunk.firstLine
                    while offset < bytes.count, let extent = parser.parse(bytes, from: offset, isFinal: true) {
                        defer {
                            offset = extent.end
                            line += extent.lineFeeds
                        }
                        if parser.isBlank { continue }
                        let fields = (0..<parser.fieldCount).map { parser.string($0).trimmingSpaces }
                        guard let columns = positions else {
                            positions = Dictionary(
                                fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                            // Not a curve file: its header says so; its rows need no reading.
                            if Self.missingColumns(positions!) != nil { return }
                            continue
                        }

                        func field(_ name: String) -> String {
                            columns[name].flatMap { $0 < fields.count ? fields[$0] : nil } ?? ""
                        }
                        let curve = field("curve")
                        let date = try? CivilDate(iso8601: field("date"))
                        let tenor = Tenor(field("tenor"))
                        let yield = DecimalParserBridge.double(field("yield"))
                        if curve.isEmpty { problems.append("line \(line), column curve: missing value") }
                        if date == nil {
                            problems.append("line \(line), column date: not a YYYY-MM-DD date: '\(field("date"))'")
                        }
                        if tenor == nil {
                            problems.append("line \(line), column tenor: not a tenor: '\(field("tenor"))'")
                        }
                        if yield == nil {
                            problems.append("line \(line), column yield: not a number: '\(field("yield"))'")
                        }
                        if let date, let tenor, let yield, !curve.isEmpty {
                            let key = PointKey(curve: curve, date: date, tenor: tenor.canonical)
                            if let first = lines[key] {
                                problems.append(
                                    "line \(line), column tenor: repeats the point (curve, date, tenor) of line \(first)"
                                )
                            } else {
                                lines[key] = line
                                points.append(Point(curve: curve, date: date, tenor: tenor, yieldPercent: yield))
                            }
                        }
                    }
                }
            }
        } catch {
            throw .io(error)
        }
        guard let positions else { throw .badCurveFile(["line 1: the file is empty; expected a header row"]) }
        if let missing = Self.missingColumns(positions) {
            throw .badCurveFile([
                "line 1: missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) "
                    + "(a curve file's header names curve, date, tenor and yield)"
            ])
        }
        guard problems.isEmpty else { throw .badCurveFile(problems) }
        self.points = points
    }

    /// The columns a curve file needs that `positions` lacks, if any.
    private static func missingColumns(_ positions: [String: Int]) -> [String]? {
        let missing = ["curve", "date", "tenor", "yield"].filter { positions[$0] == nil }
        return missing.isEmpty ? nil : missing
    }

    /// The names of the curves in the file.
    public var curveNames: [String] { Array(Set(points.map(\.curve))).sorted() }

    /// The curves of one name by date, built with `method`.
    ///
    /// - Throws: ``AnalyticsError/badCurveFile(_:)`` naming the date whose
    ///   points make no curve, or an unknown curve name.
    public func curves(named name: String, method: Method) throws(AnalyticsError) -> CurveSet {
        let chosen = points.filter { $0.curve == name }
        guard !chosen.isEmpty else {
            throw .badCurveFile(["no curve named \(name) (the file has \(curveNames.joined(separator: ", ")))"])
        }
        var byDate: [CivilDate: [ParYield]] = [:]
        // Of tenors maturing together, the first in tenor order, as the registry's curves take.
        for point in chosen.sorted(by: { ($0.date, $0.tenor) < ($1.date, $1.tenor) }) {
            guard let maturity = point.tenor.advance(point.date) else { continue }
            byDate[point.date, default: []].append(ParYield(maturity: maturity, yield: point.yieldPercent / 100))
        }
        var curves: [(CivilDate, any YieldCurve)] = []
        for (date, points) in byDate.sorted(by: { $0.key < $1.key }) {
            let yields = ParYield.firstByMaturity(points)
            do {
                switch method {
                case .bootstrap:
                    curves.append((date, try DiscountCurve.bootstrap(referenceDate: date, parYields: yields)))
                case .hermite: curves.append((date, try HermiteCurve(referenceDate: date, parYields: yields)))
                case .nss: curves.append((date, try NelsonSiegelSvensson.fit(referenceDate: date, parYields: yields)))
                }
            } catch {
                throw .badCurveFile(["curve \(name) on \(date): \(error.description)"])
            }
        }
        return CurveSet(curves: curves)
    }
}

/// Curves by date: the curve of a day is the latest on or before it, at
/// most ``CurveDates/maximumAgeDays`` older, as the registry's pages choose.
public struct CurveSet: Sendable {
    private let curves: [(date: CivilDate, curve: any YieldCurve)]

    init(curves: [(CivilDate, any YieldCurve)]) {
        self.curves = curves.map { (date: $0.0, curve: $0.1) }
    }

    /// The latest curve on or before `date` and recent enough, if any.
    public func curve(on date: CivilDate) -> (any YieldCurve)? {
        CurveDates.latest(in: curves, onOrBefore: date) { $0.date }?.curve
    }
}

/// Number parsing shared with the batch: the strict decimal grammar.
enum DecimalParserBridge {
    static func double(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { DecimalParser.parseDouble($0) }.flatMap { $0.isFinite ? $0 : nil }
    }
}
