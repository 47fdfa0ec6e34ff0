import FixedIncome
import Foundation
import InnobondModel

/// Holdings are refused at import when, with those stored, they would go
/// round in a circle or own a party more than whole on some day
/// (``OwnershipGraph``). Checked after the merge, in the import's
/// transaction, over every stored holding: on PostgreSQL imports hold the
/// audit log's lock, so two imports are checked one after the other and
/// cannot make a circle between them.
///
/// A party is its unified social credit code when it is one, else its name
/// as written; a circle through two spellings of one name is caught when
/// the register is read (docs/shield.md).
public enum OwnershipCheck {
    /// Every stored holding, dates as text.
    public static let storedHoldings =
        "SELECT parent, child, share_percent, CAST(held_from AS TEXT), CAST(held_until AS TEXT) FROM ownership"
    /// The good staged rows: their line and parties.
    public static let stagedRows =
        "SELECT line, parent, child FROM \(ImportStatements.stagingTable) WHERE bad = 0 ORDER BY line"

    /// The issue that refuses the import, on the first staged row among the
    /// parties of the problem; `nil` when the holdings make a graph.
    public static func issue(stored: [[SQLValue]], staged: [[SQLValue]]) -> LineIssue? {
        func text(_ value: SQLValue?) -> String? {
            if case .text(let text) = value { return text }
            return nil
        }
        func key(_ value: SQLValue?) -> String {
            let text = (text(value) ?? "").trimmingCharacters(in: .whitespaces)
            return (try? USCC(text))?.value ?? text
        }
        let links = stored.compactMap { row -> OwnershipGraph.Link? in
            guard row.count == 5, let from = text(row[3]).flatMap({ try? CivilDate(iso8601: $0) }) else { return nil }
            let share: Double
            switch row[2] {
            case .real(let value): share = value
            case .integer(let value): share = Double(value)
            default: return nil
            }
            return OwnershipGraph.Link(
                parent: key(row[0]), child: key(row[1]), sharePercent: share, from: from,
                until: text(row[4]).flatMap { try? CivilDate(iso8601: $0) })
        }
        do {
            _ = try OwnershipGraph(links)
            return nil
        } catch {
            let parties: Set<String>
            switch error {
            case .cycle(let circle, _): parties = Set(circle)
            case .overOwned(let party, _, _): parties = [party]
            }
            let line = staged.first { row in
                row.count == 3 && (parties.contains(key(row[1])) || parties.contains(key(row[2])))
            }.flatMap { row -> Int? in
                if case .integer(let line) = row[0] { return Int(line) }
                return nil
            }
            return LineIssue(line: line ?? 1, column: "child", reason: error.description + ": nothing written")
        }
    }
}
