import ArgumentParser
import Foundation
import InnobondInsights
import InnobondModel
import InnobondStore

/// `innobond stats`: what the registry holds.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts per kind, and sci-tech bonds by sector and by month of issue."
    )

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withStore(existing: true) { try await run(on: $0) }
    }

    private func run(on store: any RegistryStore) async throws {
        let statistics: RegistryStatistics
        do {
            statistics = RegistryStatistics(try await store.loadSnapshot())
        } catch let error as StoreError {
            throw UsageFailure(error)
        }
        if json {
            let encoder = JSONEncoder.api
            encoder.outputFormatting.insert(.prettyPrinted)
            print(String(decoding: try encoder.encode(statistics), as: UTF8.self))
            return
        }
        print(StatisticsText.render(statistics))
    }
}

/// The plain-text tables of `innobond stats`.
enum StatisticsText {
    static func render(_ statistics: RegistryStatistics) -> String {
        var lines: [String] = []
        if statistics.isDemo { lines.append(Briefing.demoNotice + "\n") }
        lines.append("Rows")
        for kind in RecordKind.allCases {
            lines.append("  " + pad(kind.rawValue, 20) + leftPad(grouped(statistics.counts[kind.rawValue] ?? 0), 12))
        }
        lines.append("")
        lines.append(
            "Sci-tech innovation bonds: \(NumberText.count(statistics.sciTechBonds, "bond")) by "
                + "\(NumberText.count(statistics.sciTechIssuers, "issuer")), "
                + "RMB \(billions(statistics.sciTechAmountFen)) bn")
        lines.append("")
        lines.append(
            "By issuer sector" + String(repeating: " ", count: 10) + leftPad("bonds", 8) + leftPad("RMB bn", 12))
        for group in statistics.bySector {
            lines.append(
                "  " + pad(group.key, 24) + leftPad(grouped(group.bonds), 8) + leftPad(billions(group.amountFen), 12))
        }
        lines.append("")
        lines.append(
            "By month of issue" + String(repeating: " ", count: 9) + leftPad("bonds", 8) + leftPad("RMB bn", 12))
        for group in statistics.byMonth {
            lines.append(
                "  " + pad(group.key, 24) + leftPad(grouped(group.bonds), 8) + leftPad(billions(group.amountFen), 12))
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - columns(text)))
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - columns(text))) + text
    }

    /// The terminal columns `text` takes: two for each wide East Asian
    /// character (Chinese names), one for the rest.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                return total + 2
            default:
                return total + 1
            }
        }
    }

    static func grouped(_ value: Int) -> String { NumberText.group(Int64(value)) }

    /// Fen as billions of yuan with one decimal.
    static func billions(_ fen: Int64) -> String {
        NumberText.fixed(Double(fen) / 1e11, 1, grouped: true)
    }
}
