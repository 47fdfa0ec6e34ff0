import ArgumentParser
import FixedIncome
import Foundation
import InnobondIO
import InnobondInsights
import InnobondModel
import InnobondPages
import InnobondStore

/// `innobond report`: a briefing from the registry.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A briefing: financing conditions, issuance, financing advantage, sector flows, risks.",
        discussion: """
            Bonds issued from --from to --to are covered (default: 1 January of the year before the registry's \
            latest date, to that date). The financing-conditions table averages the last full year and the last \
            full quarter ending by --to, with trends over the ten months to that quarter's end.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md
        case html
        case json
    }

    @OptionGroup var period: PeriodOptions

    @Option(help: "The briefing's format.")
    var format: Format = .md

    @Option(help: "Output file (default: standard output).")
    var output: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withStore(existing: true) { try await run(on: $0) }
    }

    private func run(on store: any RegistryStore) async throws {
        let snapshot: RegistrySnapshot
        do {
            snapshot = try await store.loadSnapshot()
        } catch let error as StoreError {
            throw UsageFailure(error)
        }
        let options = Briefing.Options(period: period.period, asOf: period.asOfDate, today: CivilDate.today)
        if Briefing.latestDate(snapshot) != nil {
            try period.checkStart(against: Briefing.period(of: snapshot, options: options))
        }
        let briefing = Briefing(snapshot, options: options)
        let text: String
        switch format {
        case .json:
            let encoder = JSONEncoder.api
            encoder.outputFormatting.insert(.prettyPrinted)
            text = String(decoding: try encoder.encode(briefing), as: UTF8.self) + "\n"
        case .md, .html:
            text = try await Pages().render(BriefingView(briefing), template: "report.\(format.rawValue)")
        }
        do throws(IOError) {
            let sink = try output.map(FileOutput.init(path:)) ?? FileOutput.standardOutput()
            try sink.write(Array(text.utf8))
            try sink.commit()
        } catch {
            throw UsageFailure(error.description)
        }
    }
}
