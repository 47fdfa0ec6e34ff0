import FixedIncome
import InnobondModel

/// Money and credit series as known on a date: growth rates that never
/// cross a definition change, the M2–M1 gap, and period averages.
///
/// Vintages: for each series, period and definition, the value published
/// last on or before ``asOf`` (every vintage when `asOf` is `nil`) is the one
/// known then, as ALFRED keeps them.
public struct MacroMonitor: Sendable {
    /// The date the series are seen from; `nil` for the latest vintages.
    public let asOf: CivilDate?
    /// The observations known on ``asOf``, by series, in period then definition order.
    public let observations: [String: [MacroObservation]]
    /// Every vintage, by series, in period, definition, then publication order.
    public let vintages: [String: [MacroObservation]]

    public init(_ macro: [MacroObservation], asOf: CivilDate? = nil) {
        self.asOf = asOf
        let visible = macro.filter { asOf == nil || $0.published <= asOf! }
        var latest: [String: [Key: MacroObservation]] = [:]
        for observation in visible {
            let key = Key(period: observation.period, definition: observation.definition)
            if let known = latest[observation.series]?[key], known.published >= observation.published { continue }
            latest[observation.series, default: [:]][key] = observation
        }
        observations = latest.mapValues { byKey in
            byKey.values.sorted { ($0.period, $0.definition) < ($1.period, $1.definition) }
        }
        vintages = Dictionary(grouping: macro, by: \.series).mapValues { rows in
            rows.sorted { ($0.period, $0.definition, $0.published) < ($1.period, $1.definition, $1.published) }
        }
    }

    private struct Key: Hashable {
        var period: MacroPeriod
        var definition: String
    }

    /// The series with observations known on ``asOf``, sorted.
    public var seriesNames: [String] { observations.keys.sorted() }

    /// A series' definitions, each with the first and last period it covers, oldest first.
    public func definitions(of series: String) -> [DefinitionSpan] {
        var spans: [String: DefinitionSpan] = [:]
        for observation in observations[series] ?? [] {
            if var span = spans[observation.definition] {
                span.first = min(span.first, observation.period)
                span.last = max(span.last, observation.period)
                spans[observation.definition] = span
            } else {
                spans[observation.definition] = DefinitionSpan(
                    definition: observation.definition, first: observation.period, last: observation.period)
            }
        }
        return spans.values.sorted { ($0.first, $0.definition) < ($1.first, $1.definition) }
    }

    /// Year-on-year growth of a series, period by period.
    ///
    /// For each period, a definition's growth is its published rate, or else
    /// the ratio of its own level to its own level a year earlier (never a
    /// level of another definition). A published rate is preferred to one
    /// computed from levels, and among equals the definition that began
    /// latest.
    public func growth(_ series: String) -> [GrowthPoint] {
        let rows = observations[series] ?? []
        let started = Dictionary(uniqueKeysWithValues: definitions(of: series).map { ($0.definition, $0.first) })
        var byKey: [Key: MacroObservation] = [:]
        for row in rows { byKey[Key(period: row.period, definition: row.definition)] = row }
        var result: [GrowthPoint] = []
        for (period, candidates) in Dictionary(grouping: rows, by: \.period).sorted(by: { $0.key < $1.key }) {
            var best: (point: GrowthPoint, rank: (Int, MacroPeriod, String))?
            for row in candidates {
                let point: GrowthPoint
                let methodRank: Int
                if let yoy = row.yoyPercent {
                    point = GrowthPoint(
                        period: period, valuePercent: yoy, definition: row.definition, method: .published,
                        published: row.published)
                    methodRank = 1
                } else if let level = row.value,
                    let earlier = byKey[Key(period: period.yearEarlier, definition: row.definition)]?.value,
                    earlier > 0
                {
                    point = GrowthPoint(
                        period: period, valuePercent: (level / earlier - 1) * 100, definition: row.definition,
                        method: .fromLevels, published: row.published)
                    methodRank = 0
                } else {
                    continue
                }
                let rank = (methodRank, started[row.definition] ?? period, row.definition)
                if best == nil || rank > best!.rank { best = (point, rank) }
            }
            if let best { result.append(best.point) }
        }
        return result
    }

    /// The gap between two series' growth rates (`broad` minus `narrow`,
    /// percentage points), for each period both have: the M2–M1 gap (剪刀差)
    /// by default.
    public func gap(broad: String = "M2", narrow: String = "M1") -> [GrowthPoint] {
        let narrowByPeriod = Dictionary(growth(narrow).map { ($0.period, $0) }, uniquingKeysWith: { first, _ in first })
        return growth(broad).compactMap { point in
            guard let other = narrowByPeriod[point.period] else { return nil }
            return GrowthPoint(
                period: point.period, valuePercent: point.valuePercent - other.valuePercent,
                definition: "\(point.definition) − \(other.definition)",
                method: point.method == .published && other.method == .published ? .published : .fromLevels,
                published: max(point.published, other.published))
        }
    }
}

/// The periods one definition of a series covers.
public struct DefinitionSpan: Sendable, Hashable, Codable {
    public var definition: String
    public var first: MacroPeriod
    public var last: MacroPeriod
}
