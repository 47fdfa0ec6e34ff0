import ArgumentParser
import FixedIncome
import Foundation
import InnobondIO
import InnobondInsights
import InnobondModel
import InnobondStore

/// `innobond exposure PARTY`: the measures that reach a party of the register on a day.
struct ExposureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure",
        abstract: "Which measures reach an issuer or a party of the holdings on a day, and how.",
        discussion: """
            PARTY is a unified social credit code or a name (matched by its key: case, punctuation, width, \
            script and legal form do not matter) of a registry issuer or of a party the holdings name. Prints \
            one line a measure and route: named directly, or through an owner holding at least an ownership \
            rule's share, with the chains of holdings, and the Chinese measures that counter it (docs/shield.md).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case json
    }

    @Argument(help: "A unified social credit code or a name.")
    var party: String

    @Option(help: "The day, YYYY-MM-DD (default: today).")
    var asOf: DateArgument?

    @Option(help: "How the answer is printed.")
    var format = Format.csv

    @OptionGroup var database: DatabaseOptions

    /// One measure and route, as printed.
    struct Line: Encodable {
        var party: String
        var asOf: CivilDate
        var measureId: String
        var citation: String
        var direct: Bool
        var matchedBy: String
        var owner: String?
        var ownedPercent: Double?
        var ruleId: String?
        var chains: [String]
        var counterMeasures: [String]
    }

    func run() async throws {
        let day = asOf?.date ?? .today
        try await database.withStore(existing: true) { store in
            let register: ShieldRegister
            do {
                register = try ShieldRegister(try await store.loadSnapshot())
            } catch let error as OwnershipGraph.Problem {
                throw UsageFailure("the register's holdings cannot be read: \(error.description)")
            } catch let error as StoreError {
                throw UsageFailure(error)
            }
            guard let found = register.party(named: party) else {
                throw UsageFailure("no issuer or party of the holdings is named '\(party)'")
            }
            let lines = register.exposure(of: found, on: day).map { exposure in
                Line(
                    party: found.names.first ?? found.key, asOf: day, measureId: exposure.measure.id,
                    citation: exposure.measure.citation, direct: exposure.isDirect, matchedBy: exposure.matchedBy,
                    owner: exposure.owner.map { register.parties[$0]?.names.first ?? $0 },
                    ownedPercent: exposure.ownedPercent, ruleId: exposure.rule?.id,
                    chains: exposure.chains.map(register.describe),
                    counterMeasures: register.counterMeasures(to: exposure.measure.id, on: day).map(\.id))
            }
            switch format {
            case .json:
                let encoder = JSONEncoder.api
                encoder.outputFormatting.insert(.prettyPrinted)
                print(String(decoding: try encoder.encode(lines), as: UTF8.self))
            case .csv:
                print(
                    "party,as_of,measure_id,citation,direct,matched_by,owner,owned_percent,rule_id,chains,"
                        + "counter_measures")
                for line in lines {
                    print(
                        [
                            line.party, day.iso8601, line.measureId, line.citation, String(line.direct),
                            line.matchedBy, line.owner ?? "", line.ownedPercent.map { NumberText.fixed($0, 1) } ?? "",
                            line.ruleId ?? "", line.chains.joined(separator: "; "),
                            line.counterMeasures.joined(separator: "; "),
                        ]
                        .map(CSVField.quote).joined(separator: ","))
                }
                if lines.isEmpty { printError("\(found.names.first ?? found.key): no measure reaches it on \(day)") }
            }
        }
    }
}
