import RealModule

/// How a rate turns into a growth factor over `t` years.
public enum Compounding: Sendable, Hashable {
    /// `exp(r·t)`.
    case continuous
    /// `1 + r·t`.
    case simple
    /// `(1 + r/f)^(f·t)`.
    case compounded(Frequency)

    /// The discount factor of rate `rate` (decimal) over `time` years.
    @inlinable
    public func discountFactor(rate: Double, time: Double) -> Double {
        switch self {
        case .continuous: return .exp(-rate * time)
        case .simple: return 1 / (1 + rate * time)
        case .compounded(let frequency):
            let f = frequency.perYear
            return .pow(1 + rate / f, -f * time)
        }
    }

    /// The rate whose discount factor over `time` years is `discountFactor`.
    @inlinable
    public func rate(discountFactor: Double, time: Double) -> Double {
        precondition(time > 0, "a rate needs a positive time")
        switch self {
        case .continuous: return -.log(discountFactor) / time
        case .simple: return (1 / discountFactor - 1) / time
        case .compounded(let frequency):
            let f = frequency.perYear
            return f * (.pow(discountFactor, -1 / (f * time)) - 1)
        }
    }
}
