import FixedIncome
import Foundation
import InnobondIO
import InnobondInsights
import InnobondModel

/// A list of names to screen against the legal shield (`innobond screen`,
/// `POST /api/v1/screen`): a CSV whose header has a `name` column and
/// optionally a `uscc` column, or else one name a line; blank lines skipped.
public struct NameList: Sendable {
    /// A name to screen, and its code when the list gives one.
    public struct Name: Sendable {
        public var name: String
        public var uscc: USCC?

        public init(name: String, uscc: USCC?) {
            self.name = name
            self.uscc = uscc
        }
    }

    /// A code that is not one, with its line.
    public struct BadCode: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var value: String
        public var reason: String
        public var description: String {
            "line \(line), column uscc: not a unified social credit code (\(reason)): '\(value)'"
        }
    }

    public var names: [Name]

    public init(names: [Name]) { self.names = names }

    /// Reads a list (UTF-8, a byte-order mark allowed).
    public init(_ bytes: [UInt8]) throws(BadCode) {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let rows = Self.csvRows(body)
        guard let header = rows.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
            let nameColumn = header.firstIndex(of: "name"), header.count > 1 || header == ["name"]
        else {
            names = String(decoding: body, as: UTF8.self).split(whereSeparator: \.isNewline).map {
                Name(name: $0.trimmingCharacters(in: .whitespaces), uscc: nil)
            }.filter { !$0.name.isEmpty }
            return
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
                    throw BadCode(line: row.line, value: row.fields[usccColumn], reason: error.description)
                }
            }
            names.append(Name(name: name.trimmingCharacters(in: .whitespaces), uscc: uscc))
        }
        self.names = names
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

    /// Each name with its candidates on `day` scoring at least `threshold`.
    public func screened(by screen: NameScreen, on day: CivilDate, threshold: Double) -> [ScreenedName] {
        names.map { name in
            ScreenedName(
                name: name.name, uscc: name.uscc?.value, asOf: day,
                screen.candidates(for: name.name, uscc: name.uscc, on: day, threshold: threshold))
        }
    }
}

/// A screened name and its candidates.
public struct ScreenedName: Encodable, Sendable {
    public struct Match: Encodable, Sendable {
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

    static let csvHeader =
        "name,uscc,score,matched_name,matched_by,measure_id,jurisdiction,authority,citation,kind,standing,"
        + "target_id,target_name,country"

    /// Screened names as CSV: a line a candidate, the members of the JSON
    /// form (aliases and source aside); a name without candidates once,
    /// its candidate columns empty.
    public static func csv(_ screened: [ScreenedName]) -> String {
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
}
