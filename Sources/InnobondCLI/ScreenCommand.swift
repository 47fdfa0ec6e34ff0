import ArgumentParser
import FixedIncome
import Foundation
import InnobondIO
import InnobondInsights
import InnobondModel
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
        let names = try Self.names(try Self.read(file), file: file == "-" ? "standard input" : file)
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
            let screened = names.map { name in
                ScreenedName(
                    name: name.name, uscc: name.uscc?.value, asOf: day,
                    screen.candidates(for: name.name, uscc: name.uscc, on: day, threshold: threshold))
            }
            switch format {
            case .csv: print(Self.csv(screened), terminator: "")
            case .json:
                let encoder = JSONEncoder.api
                encoder.outputFormatting.insert(.prettyPrinted)
                print(String(decoding: try encoder.encode(screened), as: UTF8.self))
            }
        }
    }

    /// A name to screen, and its code when the file gives one.
    struct Name {
        var name: String
        var uscc: USCC?
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

    /// The names of a file: a CSV with a `name` column (and maybe `uscc`),
    /// else one a line; blank lines skipped. A bad code is an error naming its line.
    static func names(_ bytes: [UInt8], file: String) throws -> [Name] {
        let rows = csvRows(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes)
        guard let header = rows.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
            let nameColumn = header.firstIndex(of: "name"), header.count > 1 || header == ["name"]
        else {
            return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map {
                Name(name: $0.trimmingCharacters(in: .whitespaces), uscc: nil)
            }.filter { !$0.name.isEmpty }
        }
        let usccColumn = header.firstIndex(of: "uscc")
        var names: [Name] = []
        for row in rows.dropFirst() {
            let name = row.fields.indices.contains(nameColumn) ? row.fields[nameColumn] : ""
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            var uscc: USCC?
            if let usccColumn, row.fields.indices.contains(usccColumn), !row.fields[usccColumn].isEmpty {
                do {
                    uscc = try USCC(row.fields[usccColumn])
                } catch {
                    throw UsageFailure(
                        "\(file): line \(row.line), column uscc: not a unified social credit code "
                            + "(\(error.description)): '\(row.fields[usccColumn])'")
                }
            }
            names.append(Name(name: name.trimmingCharacters(in: .whitespaces), uscc: uscc))
        }
        return names
    }

    /// The records of a CSV text, with the line each starts on.
    static func csvRows(_ bytes: [UInt8]) -> [(line: Int, fields: [String])] {
        let parser = CSVRecordParser()
        var rows: [(Int, [String])] = []
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            var line = 1
            while offset < buffer.count, let extent = parser.parse(buffer, from: offset, isFinal: true) {
                if !parser.isBlank { rows.append((line, (0..<parser.fieldCount).map(parser.string))) }
                line += max(1, extent.lineFeeds)
                guard extent.end > offset else { break }
                offset = extent.end
            }
        }
        return rows
    }

    static let csvHeader =
        "name,uscc,score,matched_name,matched_by,measure_id,jurisdiction,authority,citation,kind,standing,"
        + "target_id,target_name,country"

    /// The screened names as CSV: a line a candidate, the same members as
    /// `--format json` gives (aliases and source aside).
    static func csv(_ screened: [ScreenedName]) -> String {
        var lines = [csvHeader]
        for item in screened {
            let given = [item.name, item.uscc ?? ""]
            guard !item.candidates.isEmpty else {
                lines.append((given + Array(repeating: "", count: 12)).map(CSVField.quote).joined(separator: ","))
                continue
            }
            for match in item.candidates {
                lines.append(
                    (given + [
                        String(format: "%.3f", match.score), match.matchedName, match.matchedBy, match.measureId,
                        match.jurisdiction, match.authority, match.citation, match.kind, match.standing,
                        match.targetId, match.targetName, match.country ?? "",
                    ]).map(CSVField.quote).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A name and its candidates, as `--format json` prints them.
    struct ScreenedName: Encodable {
        struct Match: Encodable {
            var score: Double
            var matchedName: String
            var matchedBy: String
            var measureId: String
            var jurisdiction: String
            var authority: String
            var citation: String
            var kind: String
            var standing: String
            var targetId: String
            var targetName: String
            var aliases: [String]
            var country: String?
            var source: String
        }

        var name: String
        var uscc: String?
        var asOf: CivilDate
        var candidates: [Match]

        init(name: String, uscc: String?, asOf: CivilDate, _ candidates: [NameScreen.Candidate]) {
            self.name = name
            self.uscc = uscc
            self.asOf = asOf
            self.candidates = candidates.map {
                Match(
                    score: $0.score, matchedName: $0.matchedName, matchedBy: $0.matchedBy, measureId: $0.measure.id,
                    jurisdiction: $0.measure.jurisdiction, authority: $0.measure.authority,
                    citation: $0.measure.citation, kind: $0.measure.kind.rawValue, standing: $0.standing.rawValue,
                    targetId: $0.target.targetID, targetName: $0.target.name, aliases: $0.target.aliases,
                    country: $0.target.country, source: $0.measure.source)
            }
        }
    }
}
