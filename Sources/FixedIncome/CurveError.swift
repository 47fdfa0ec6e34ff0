/// Why a curve could not be built.
public enum CurveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No input points.
    case noPoints
    /// Two points share a maturity.
    case repeatedMaturity(CivilDate)
    /// A point's maturity is not after the reference date.
    case maturityNotAfterReference(CivilDate)
    /// A yield is not a finite number.
    case invalidYield(Double)
    /// No discount factor reprices an instrument.
    case bootstrapFailed(maturity: CivilDate, reason: String)
    /// The fit did not converge.
    case fitFailed(String)
    /// Too few points for the model.
    case tooFewPoints(needed: Int, given: Int)

    public var description: String {
        switch self {
        case .noPoints: return "a curve needs at least one point"
        case .repeatedMaturity(let date): return "two points mature on \(date)"
        case .maturityNotAfterReference(let date): return "a point matures on \(date), not after the curve's date"
        case .invalidYield(let yield): return "a yield must be a finite number, not \(yield)"
        case .bootstrapFailed(let maturity, let reason):
            return "no discount factor at \(maturity) reprices its par bond: \(reason)"
        case .fitFailed(let reason): return "the fit did not converge: \(reason)"
        case .tooFewPoints(let needed, let given): return "the model needs at least \(needed) points, not \(given)"
        }
    }
}

/// A par yield of the market at one maturity: the input of every curve.
public struct ParYield: Sendable, Hashable {
    /// When the par bond matures.
    public var maturity: CivilDate
    /// Its coupon and yield, decimal.
    public var yield: Double

    public init(maturity: CivilDate, yield: Double) {
        self.maturity = maturity
        self.yield = yield
    }

    /// `points` without those maturing on the day of an earlier one (365D
    /// after 1Y from a date with no 29 February in the year after): a curve
    /// takes one par yield a maturity.
    public static func firstByMaturity(_ points: [ParYield]) -> [ParYield] {
        var maturities = Set<CivilDate>()
        return points.filter { maturities.insert($0.maturity).inserted }
    }
}
