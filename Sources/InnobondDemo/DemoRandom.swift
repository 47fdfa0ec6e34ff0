import RealModule

/// A seeded random number generator, so that the demo data set is the same
/// on every machine and every run.
///
/// Method: SplitMix64 (G. Steele, D. Lea, C. Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014).
struct DemoRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }

    /// An integer in `range`.
    mutating func integer(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { uniform(0...1) < probability }

    /// A standard normal number (Box–Muller).
    mutating func normal() -> Double {
        let u = max(uniform(0...1), 1e-12)
        let v = uniform(0...1)
        return (-2 * _log(u)).squareRoot() * _cos(2 * Double.pi * v)
    }

    /// One of `items`, chosen with the given weights.
    mutating func weighted<T>(_ items: [(T, Double)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var pick = uniform(0...total)
        for (item, weight) in items {
            pick -= weight
            if pick <= 0 { return item }
        }
        return items[items.count - 1].0
    }

    /// One of `items`, uniformly.
    mutating func element<T>(_ items: [T]) -> T { items[integer(0...(items.count - 1))] }
}

private func _log(_ x: Double) -> Double { .log(x) }
private func _cos(_ x: Double) -> Double { .cos(x) }
