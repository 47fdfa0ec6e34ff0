import InnobondModel
import Testing

/// Sums of fen stop at the bounds of 64 bits instead of trapping, so that a
/// registry of however many bonds can be summed.
@Suite struct MoneyTests {
    @Test func sumsStopAtTheBounds() {
        #expect(Int64.max.addingClamped(1) == .max)
        #expect(Int64.min.addingClamped(-1) == .min)
        #expect(Int64(40).addingClamped(2) == 42)
        var total = Int64.max - 1
        total.addClamped(Int64.max)
        #expect(total == .max)
        #expect(Money(fen: .max) + Money(fen: 1) == Money(fen: .max))
        let bonds = [Money](repeating: .largestIssue, count: 100_000)
        #expect(bonds.reduce(Money.zero, +) == Money(fen: .max))
        #expect(bonds.prefix(92_000).reduce(Money.zero, +) == Money(fen: 92_000 * Money.largestIssue.fen))
    }
}
