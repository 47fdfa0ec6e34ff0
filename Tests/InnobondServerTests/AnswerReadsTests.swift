import FixedIncome
import Foundation
import Hummingbird
import HummingbirdTesting
import InnobondModel
import Logging
import Testing

@testable import InnobondServer

/// An answer the cache keeps across writes of the kinds it does not read
/// must not depend on them: each API read that names the kinds it reads
/// gives the same bytes on a registry holding those kinds alone, with the
/// kinds their rows refer to (the rest empty), as on the whole demo registry.
@Suite struct AnswerReadsTests {
    static var logger: Logger {
        var logger = Logger(label: "innobond-test")
        logger.logLevel = .warning
        return logger
    }

    /// The URIs of the answers kept, grouped by the kinds they read (those that name them).
    static func urisByReads(_ state: RegistryState) -> [Set<RecordKind>: [String]] {
        var grouped: [Set<RecordKind>: [String]] = [:]
        for key in state.responses.keys {
            guard let reads = state.responses.reads(key), let reads, let slash = key.firstIndex(of: "/") else {
                continue
            }
            grouped[reads, default: []].append(String(key[slash...]))
        }
        return grouped.mapValues { $0.sorted() }
    }

    @Test func anAnswerIsTheSameOnARegistryOfTheKindsItReads() async throws {
        let day = AnswerStabilityTests.day
        let whole = try await RegistryState(
            store: try await ServerFixture.make().store, today: day, logger: Self.logger)
        let asked = try await IncrementalReloadTests.application(whole).test(.router) { client in
            try await AnswerStabilityTests.uris(client)
        }.filter { $0.hasPrefix("/api/") }
        // Every read but the bond lists, and one list in seven (every sort and direction over the filters):
        // the lists all read the same kinds.
        let lists = asked.filter { $0.hasPrefix("/api/v1/bonds?") }
        let uris =
            asked.filter { !$0.hasPrefix("/api/v1/bonds?") }
            + lists.enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
        _ = try await IncrementalReloadTests.bodies(whole, uris)
        // Lists, bond and issuer reads, curves, money series, the shield and insights name what they read.
        let grouped = Self.urisByReads(whole)
        #expect(grouped.count >= 10 && grouped.values.map(\.count).reduce(0, +) >= 80, "\(grouped.keys)")
        // One registry for the kinds that, with what they refer to, make the same registry.
        var byRegistry: [Set<RecordKind>: [(reads: Set<RecordKind>, uris: [String])]] = [:]
        for (reads, uris) in grouped { byRegistry[ServerFixture.referenced(reads), default: []].append((reads, uris)) }
        for (kinds, groups) in byRegistry {
            let part = try await RegistryState(
                store: try await ServerFixture.make(kinds: kinds).store, today: day, logger: Self.logger)
            let (reads, uris) = (groups.map(\.reads), groups.flatMap(\.uris))
            let (expected, found) = (
                try await IncrementalReloadTests.bodies(whole, uris),
                try await IncrementalReloadTests.bodies(part, uris)
            )
            let differing = zip(uris, zip(expected, found)).filter { $1.0 != $1.1 }.map(\.0)
            #expect(
                differing.isEmpty, "reading \(reads.map { $0.map(\.rawValue).sorted() }): \(differing.prefix(5))")
        }
        // The comparison has teeth: without the quotes it reads, a list sorted by yield is another answer.
        let list = "/api/v1/bonds?sort=yield&limit=5"
        let withoutQuotes = try await RegistryState(
            store: try await ServerFixture.make(kinds: RegistryState.Reads.bondIndex.subtracting([.quotes])).store,
            today: day, logger: Self.logger)
        #expect(
            try await IncrementalReloadTests.bodies(whole, [list])
                != IncrementalReloadTests.bodies(withoutQuotes, [list]))
    }

    @Test func aWriteKeepsTheAnswersThatDoNotReadWhatItChanged() async throws {
        let day = AnswerStabilityTests.day
        let store = try await ServerFixture.make().store
        let state = try await RegistryState(store: store, today: day, logger: Self.logger)
        let (series, list, page) = ("/api/v1/macro", "/api/v1/bonds?sort=yield&limit=5", "/bonds?sort=yield")
        let before = try await IncrementalReloadTests.bodies(state, [series, list, page])
        let kept = state.responses.keys.first { $0.hasSuffix(series) }.flatMap(state.responses.entry)
        try await ServerFixture.importText(
            store, .quotes,
            "bond_code,date,clean_price,yield,source\n\(ServerFixture.flagshipBond),2026-11-30,87.5,,test\n")
        try await state.refresh()
        #expect(state.lastReload == [.quotes])
        // The money series stays, the answer kept; the list and the page (which shows the version) go.
        let keys = state.responses.keys
        #expect(keys.count == 1 && keys.first.flatMap(state.responses.entry)?.body == kept?.body)
        let after = try await IncrementalReloadTests.bodies(state, [series, list, page])
        #expect(after[0] == before[0] && after[1] != before[1] && after[2] != before[2])
    }
}
