import Foundation
import Synchronization
import Testing

@testable import InnobondServer

/// Heavy renders run on threads of their own, a bounded number at a time;
/// one that waits past its patience is a 503, and the next gets its turn.
@Suite struct RenderLaneTests {
    @Test func rendersRunOnTheLanesThreads() async throws {
        let lane = RenderLane(renders: 1, patience: .seconds(5))
        #expect(!RenderThreads.isCurrent)
        #expect(try await lane.run { RenderThreads.isCurrent })
        #expect(try await lane.runAside { RenderThreads.isCurrent })
    }

    @Test func aRenderThatWaitsTooLongIsRefusedAndTheNextRuns() async throws {
        let lane = RenderLane(renders: 1, patience: .milliseconds(200))
        let (started, startedSignal) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseSignal) = AsyncStream.makeStream(of: Void.self)
        // The first render holds the only turn until told to stop.
        let first = Task {
            try await lane.run {
                startedSignal.yield()
                for await _ in release { break }
                return "first"
            }
        }
        for await _ in started { break }
        let clock = ContinuousClock()
        let begin = clock.now
        do {
            _ = try await lane.run { "second" }
            Issue.record("a render past its patience ran")
        } catch let error as APIError {
            #expect(error.status == .serviceUnavailable)
            #expect(error.message.contains("try again"))
        }
        #expect(clock.now - begin >= .milliseconds(200))
        #expect(lane.waiting == 0)
        releaseSignal.yield()
        #expect(try await first.value == "first")
        // The turn came back: the next render runs at once.
        #expect(try await lane.run { "third" } == "third")
    }

    @Test func waitingRendersRunInTurnWithinTheirPatience() async throws {
        let lane = RenderLane(renders: 2, patience: .seconds(30))
        final class Count: Sendable {
            let value = Mutex((running: 0, most: 0))
        }
        let count = Count()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await lane.run {
                        count.value.withLock {
                            $0.running += 1
                            $0.most = max($0.most, $0.running)
                        }
                        try await Task.sleep(for: .milliseconds(20))
                        count.value.withLock { $0.running -= 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(count.value.withLock { $0.most } == 2)
    }

    /// Freed memory is given back when the lane's work has all ended, on its
    /// threads, once for work that ends together, and never while a render runs.
    @Test func freedMemoryIsGivenBackOnceTheLaneIsIdle() async throws {
        final class Log: Sendable {
            let value = Mutex((rendering: 0, together: false, releases: 0, duringWork: 0, offLane: 0))
        }
        let log = Log()
        // Threads of its own: the shared lane renders other tests' heavy pages for seconds.
        let lane = RenderLane(
            renders: 2, patience: .seconds(30), executor: RenderThreads(count: 2, name: "innobond-test-lane")
        ) {
            log.value.withLock {
                $0.releases += 1
                if $0.rendering > 0 { $0.duringWork += 1 }
                if !RenderThreads.isCurrent { $0.offLane += 1 }
            }
        }
        /// A render that, once the other has started too, goes on for `rest`.
        func render(together: Bool, rest: Duration) async throws {
            try await lane.run {
                log.value.withLock {
                    $0.rendering += 1
                    if $0.rendering == 2 { $0.together = true }
                }
                while together && !log.value.withLock({ $0.together }) { try await Task.sleep(for: .milliseconds(5)) }
                try await Task.sleep(for: rest)
                log.value.withLock { $0.rendering -= 1 }
            }
        }
        func releases(reaching count: Int) async throws -> Int {
            let deadline = ContinuousClock.now + .seconds(30)
            while log.value.withLock({ $0.releases }) < count && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            return log.value.withLock { $0.releases }
        }
        // Two renders at once, one ending well before the other: one release, after the second.
        async let short: Void = render(together: true, rest: .zero)
        async let long: Void = render(together: true, rest: .milliseconds(500))
        _ = try await (short, long)
        #expect(try await releases(reaching: 1) == 1)
        try await render(together: false, rest: .milliseconds(10))
        #expect(try await releases(reaching: 2) == 2)
        #expect(log.value.withLock { $0.duringWork == 0 && $0.offLane == 0 })
    }
}
