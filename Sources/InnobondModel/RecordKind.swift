/// The kinds of rows the registry holds, each with its file format
/// (docs/formats/registry.md): the raw value is the name used on the command
/// line and in file names.
public enum RecordKind: String, Sendable, Hashable, CaseIterable, Codable {
    case issuers
    case issuerFinancials = "issuer_financials"
    case bonds
    case useOfProceeds = "use_of_proceeds"
    case quotes
    case curves
    case macro
    case investments
    case complianceCases = "compliance_cases"
    case allocations
    case unallocatedBalances = "unallocated_balances"
    case useChanges = "use_changes"
    case eligibilityEvidence = "eligibility_evidence"
    case impactReports = "impact_reports"
    case measures
    case measureTargets = "measure_targets"
    case ownership
    case matchReviews = "match_reviews"

    /// The record type of the kind.
    public var recordType: any RegistryRecord.Type {
        switch self {
        case .issuers: return Issuer.self
        case .issuerFinancials: return IssuerFinancials.self
        case .bonds: return Bond.self
        case .useOfProceeds: return UseOfProceeds.self
        case .quotes: return Quote.self
        case .curves: return CurvePoint.self
        case .macro: return MacroObservation.self
        case .investments: return SectorInvestment.self
        case .complianceCases: return ComplianceCase.self
        case .allocations: return Allocation.self
        case .unallocatedBalances: return UnallocatedBalance.self
        case .useChanges: return UseChange.self
        case .eligibilityEvidence: return EligibilityEvidence.self
        case .impactReports: return ImpactReport.self
        case .measures: return Measure.self
        case .measureTargets: return MeasureTarget.self
        case .ownership: return OwnershipLink.self
        case .matchReviews: return MatchReview.self
        }
    }

    /// The kind's declaration: table, key, references, merge, writer, checks.
    public var declaration: RecordDeclaration { recordType.declaration }

    /// The columns, in file order.
    public var columns: [Column] { recordType.columns }

    /// The columns whose values identify a row: a later row with the same key
    /// replaces it.
    public var keyColumns: [String] { declaration.key }
}

/// A row of one of the registry's kinds: validated from text fields, and
/// written back to exactly the text it was read from, up to number formatting.
public protocol RegistryRecord: Sendable, Hashable {
    /// What the registry knows of the kind.
    static var declaration: RecordDeclaration { get }
    /// The file columns, in order.
    static var columns: [Column] { get }
    /// Reads and validates a row; every issue is reported.
    init(fields: inout FieldReader) throws(RowIssues)
    /// The text of each column in ``columns`` order, `nil` when absent.
    var fieldTexts: [String?] { get }
}

extension RegistryRecord {
    /// The kind of row.
    public static var kind: RecordKind { declaration.kind }

    /// The columns that identify a row.
    public static var keyColumns: [String] { declaration.key }

    /// Reads a row from a function giving each column's raw text.
    public static func read(_ value: @escaping (String) -> String?) throws(RowIssues) -> Self {
        var reader = FieldReader(value)
        return try Self(fields: &reader)
    }

    /// The text of the key columns, joined: equal for rows that replace each other.
    public var keyText: String {
        let texts = fieldTexts
        return Self.keyColumns.map { key in texts[Self.columns.firstIndex { $0.name == key }!] ?? "" }
            .joined(separator: "\u{1F}")
    }
}
