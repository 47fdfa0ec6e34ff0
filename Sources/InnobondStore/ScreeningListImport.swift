import FixedIncome
import InnobondModel

/// A release of the US Consolidated Screening List brought into the
/// register (docs/formats/screening-lists.md): each list of the release (its
/// `source`) is a measure `US-CSL-<abbreviation>`, each entry a party it
/// names. Against what the store holds:
///
/// - an entry's key is its OFAC entity number, else its name (the lists'
///   ids of other entries change between releases);
/// - it is named from its `start_date`, else from the first release that
///   held it;
/// - an entry a release no longer holds is not deleted: it is removed on
///   the release's date, so that "as of" questions keep their answer;
/// - rows that did not change stay as they are; changed ones become a new
///   revision, written with the revision read, so that a concurrent change
///   is refused rather than overwritten.
public enum ScreeningListImport {
    /// The key prefix of the measures the lists become.
    public static let measurePrefix = "US-CSL-"
    /// Where the list is published, when an entry does not say.
    public static let publishedAt =
        "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json"

    /// What an import did.
    public struct Report: Sendable {
        /// Entries read.
        public var entries: Int
        /// Lists (measures) the release holds.
        public var lists: Int
        /// Parties stored before that the release no longer holds, now removed.
        public var removed: Int
        /// The store's reports, measures then parties.
        public var imports: [ImportReport]
    }

    /// The measure a list becomes: `Entity List (EL) - Bureau of Industry and
    /// Security` → `US-CSL-EL`.
    public static func measureID(source: String) -> String {
        let abbreviation: Substring
        if let open = source.firstIndex(of: "("), let close = source[open...].firstIndex(of: ")") {
            abbreviation = source[source.index(after: open)..<close]
        } else {
            abbreviation = source.split(separator: " - ").first ?? Substring(source)
        }
        return measurePrefix
            + abbreviation.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    /// The measure of a list, from its source string.
    static func measure(source: String, effectiveFrom: CivilDate, url: String?) -> Measure {
        let id = measureID(source: source)
        let agency = source.components(separatedBy: " - ").last ?? ""
        let authority =
            agency.contains("Industry and Security")
            ? "BIS" : agency.contains("Treasury") ? "OFAC" : agency.contains("State") ? "State Department" : agency
        let list = String(id.dropFirst(measurePrefix.count))
        let kind: Measure.Kind =
            list == "EL"
            ? .entityListing
            : ["MEU", "UVL", "DPL", "DTC"].contains(list)
                ? .exportControl
                : .sanctionsDesignation
        return Measure(
            id: id, side: .foreign, jurisdiction: "United States", authority: authority, instrument: source,
            citation: "Consolidated Screening List: \(source)", kind: kind, effectiveFrom: effectiveFrom,
            source: url ?? publishedAt)
    }

    /// A date of the list (`2024-12-05`, or a time after it): `nil` for none,
    /// an issue for one that is not a date.
    static func date(_ text: String?, _ column: String, line: Int, issues: inout [LineIssue]) -> CivilDate? {
        guard let text else { return nil }
        if let date = try? CivilDate(iso8601: String(text.prefix(10))) { return date }
        issues.append(LineIssue(line: line, column: column, reason: "'\(text)' is not a date (YYYY-MM-DD)"))
        return nil
    }

    /// Brings `entries`, a release published on `published`, into `store`, in one transaction.
    ///
    /// - Throws: ``StoreError/unusableFile(_:)`` naming every bad entry
    ///   (nothing written), or the store's errors (a stale revision when
    ///   another writer changed a party meanwhile).
    public static func run(
        _ entries: [ScreeningListEntry], published: CivilDate, store: any RegistryStore, actor: WriteActor
    ) async throws -> Report {
        var issues: [LineIssue] = []
        var rows: [(entry: ScreeningListEntry, start: CivilDate?, end: CivilDate?)] = []
        for entry in entries {
            if entry.source.isEmpty { issues.append(LineIssue(line: entry.line, column: "source", reason: "is empty")) }
            if entry.name.isEmpty { issues.append(LineIssue(line: entry.line, column: "name", reason: "is empty")) }
            let start = date(entry.startDate, "start_date", line: entry.line, issues: &issues)
            let end = date(entry.endDate, "end_date", line: entry.line, issues: &issues)
            rows.append((entry, start, end))
        }
        guard issues.isEmpty else { throw StoreError.unusableFile(issues.sorted()) }

        let storedMeasures = Dictionary(
            try await store.records(Measure.self).filter { $0.id.hasPrefix(measurePrefix) }.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first })
        var stored: [String: MeasureTarget] = [:]
        for target in try await store.records(MeasureTarget.self) where target.measureID.hasPrefix(measurePrefix) {
            stored[target.measureID + "\u{1F}" + target.targetID] = target
        }

        var targets: [MeasureTarget] = []
        var seen: Set<String> = []
        var firstDay: [String: CivilDate] = [:]
        var sources: [String: (source: String, url: String?)] = [:]
        for (entry, start, end) in rows {
            let measureID = measureID(source: entry.source)
            sources[measureID] = sources[measureID] ?? (entry.source, entry.sourceListURL)
            var targetID = entry.entityNumber ?? entry.name
            for suffix in [entry.country, entry.id ?? String(entry.line)]
            where seen.contains(measureID + "\u{1F}" + targetID) {
                targetID += " | " + (suffix ?? "")
            }
            let key = measureID + "\u{1F}" + targetID
            seen.insert(key)
            let before = stored[key]
            let listed = start ?? before?.listedOn ?? published
            var target = MeasureTarget(
                measureID: measureID, targetID: targetID, name: entry.name, aliases: entry.altNames,
                country: entry.country,
                address: entry.addresses.isEmpty ? nil : entry.addresses.joined(separator: "; "),
                uscc: entry.uscc, listedOn: listed, removedOn: end.flatMap { $0 > listed ? $0 : nil },
                revision: before?.revision)
            if let before, before.uscc != nil, target.uscc == nil { target.uscc = before.uscc }
            targets.append(target)
            firstDay[measureID] = min(firstDay[measureID] ?? listed, listed)
        }
        var removed = 0
        for (key, target) in stored where !seen.contains(key) && target.removedOn == nil {
            var gone = target
            let listed = target.listedOn ?? published
            gone.removedOn = published > listed ? published : listed.adding(days: 1)
            targets.append(gone)
            removed += 1
        }
        var measures: [Measure] = []
        for (id, source) in sources.sorted(by: { $0.key < $1.key }) {
            let before = storedMeasures[id]
            var measure = Self.measure(
                source: source.source,
                effectiveFrom: min(firstDay[id] ?? published, before?.effectiveFrom ?? published), url: source.url)
            measure.revision = before?.revision
            measures.append(measure)
        }
        let imports = try await store.importRows(
            from: [
                ImportSource(kind: .measures, records: measures),
                ImportSource(
                    kind: .measureTargets,
                    records: targets.sorted { ($0.measureID, $0.targetID) < ($1.measureID, $1.targetID) }),
            ], options: ImportOptions(actor: actor), markDemo: nil, progress: nil)
        return Report(entries: entries.count, lists: measures.count, removed: removed, imports: imports)
    }
}
