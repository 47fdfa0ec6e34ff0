import Foundation
import InnobondIO
import Testing

@Suite struct OrderedParallelPipelineTests {
    struct Failure: Error, Equatable {}

    @Test(arguments: [1, 2, 4, 8])
    func outputKeepsInputOrderWhateverTheThreads(threads: Int) throws {
        var next = 0
        var consumed: [Int] = []
        var workersMade = 0
        try OrderedParallelPipeline.run(
            threads: threads, inFlightLimit: 3,
            makeWorker: { () -> Int in
                workersMade += 1
                return 0
            },
            produce: { () -> Int? in
                guard next < 500 else { return nil }
                next += 1
                return next
            },
            process: { processed, item in
                processed += 1
                // Uneven work so that later items often finish first.
                if item % 7 == 0 { usleep(200) }
                return item * 2
            },
            consume: { consumed.append($0) })
        #expect(consumed == (1...500).map { $0 * 2 })
        #expect(workersMade == threads)
    }

    @Test func anErrorStopsThePipelineAndIsRethrown() {
        var produced = 0
        #expect(throws: Failure()) {
            try OrderedParallelPipeline.run(
                threads: 3, inFlightLimit: 4, makeWorker: { 0 },
                produce: { () -> Int? in
                    produced += 1
                    return produced
                },
                process: { _, item in item },
                consume: { item in if item == 50 { throw Failure() } })
        }
        // Production stops soon after the failure rather than running forever.
        #expect(produced < 100)
    }
}
