import ArgumentParser
import FixedIncome
import Foundation
import InnobondIO
import InnobondInsights
import InnobondModel
import InnobondServer
import InnobondStore

/// `innobond screen`: names against the parties the registry's measures name.
struct ScreenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen names against the parties the registry's measures name.",
        discussion: """
            Reads names one a line, or a CSV file whose header has a name column and optionally a uscc column \
            (a unified social credit code matches a target with that code whatever its name). Prints, for each \
            name, every target of a measure in effect on the day (in force or suspended) scoring at least the \
            threshold, best first: the score (1 for the same code or name key; docs/shield.md), the name or \
            alias that matched, the measure and where it stands. A name without candidates is printed once \
            with the candidate columns empty.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case json
    }

    @Argument(help: "The names: a file, or - (the default) for standard input.")
    var file = "-"

    @Option(help: "The day screened, YYYY-MM-DD (default: today).")
    var asOf: DateArgument?

    @Option(help: "The least score printed, more than 0 and at most 1 (default: \(PartyName.defaultThreshold)).")
    var threshold = PartyName.defaultThreshold

    @Option(help: "How the candidates are printed.")
    var format = Format.csv

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard threshold > 0 && threshold <= 1 else {
            throw ValidationError("--threshold must be more than 0 and at most 1: \(threshold)")
        }
    }

    func run() async throws {
        let bytes = try Self.read(file)
        let list: NameList
        do {
            list = try NameList(bytes)
        } catch {
            throw UsageFailure("\(file == "-" ? "standard input" : file): \(error.description)")
        }
        try await database.withStore(existing: true) { store in
            let screen: NameScreen
            do {
                screen = NameScreen(
                    measures: try await store.records(Measure.self),
                    targets: try await store.records(MeasureTarget.self))
            } catch let error as StoreError {
                throw UsageFailure(error)
            }
            let day = asOf?.date ?? .today
            let screened = list.screened(by: screen, on: day, threshold: threshold)
            switch format {
            case .csv: print(ScreenedName.csv(screened), terminator: "")
            case .json:
                let encoder = JSONEncoder.api
                encoder.outputFormatting.insert(.prettyPrinted)
                print(String(decoding: try encoder.encode(screened), as: UTF8.self))
            }
        }
    }

    static func read(_ file: String) throws -> [UInt8] {
        let input: FileInput
        do {
            input = file == "-" ? FileInput.standardInput() : try FileInput(path: file)
        } catch {
            throw UsageFailure(error.description)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { buffer in
                do { return try input.read(into: buffer) } catch { throw UsageFailure("\(error)") }
            }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }
}
