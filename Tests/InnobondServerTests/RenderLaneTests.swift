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
}
