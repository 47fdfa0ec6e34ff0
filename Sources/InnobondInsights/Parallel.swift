import Dispatch

/// Two independent computations on two cores.
enum Parallel {
    /// `first()` and `second()`, run at the same time; both must be free of
    /// shared mutable state (the analyses are pure functions of a snapshot).
    static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        let a = Outcome<A>()
        let b = Outcome<B>()
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                nonisolated(unsafe) let first = first
                nonisolated(unsafe) let second = second
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { a.value = first() } else { b.value = second() }
                }
            }
        }
        return (a.value!, b.value!)
    }

    /// Where one computation leaves its value; written once, read after both end.
    private final class Outcome<Value>: @unchecked Sendable {
        var value: Value?
    }
}
