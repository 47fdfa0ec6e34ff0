import FixedIncome

/// What a bond's report says is still unallocated on its report date, and
/// where the money sits meanwhile (key: `bond_code`, `report_date`).
/// Versioned: a restated balance supersedes the one before, which is kept.
public struct UnallocatedBalance: RegistryRecord {
    public var bondCode: BondCode
    public var reportDate: CivilDate
    /// The unallocated balance, in yuan.
    public var balance: Money
    /// How the balance is placed, in yuan, where the report says: bank
    /// deposits, money-market funds, bonds, anything else.
    public var deposits: Money?
    public var moneyMarketFunds: Money?
    public var bonds: Money?
    public var other: Money?
    public var sourceTitle: String
    public var sourceURL: String?
    /// The stored revision (files: the revision a change was made from).
    public var revision: Int?

    /// How far a balance may be from the bond's amount less the allocations
    /// reported by its date: 10,000 yuan, for reports that state amounts in
    /// 万元 and round each entry.
    public static let tolerance = Money(fen: 1_000_000)

    public init(
        bondCode: BondCode, reportDate: CivilDate, balance: Money, deposits: Money? = nil,
        moneyMarketFunds: Money? = nil, bonds: Money? = nil, other: Money? = nil, sourceTitle: String,
        sourceURL: String? = nil, revision: Int? = nil
    ) {
        self.bondCode = bondCode
        self.reportDate = reportDate
        self.balance = balance
        self.deposits = deposits
        self.moneyMarketFunds = moneyMarketFunds
        self.bonds = bonds
        self.other = other
        self.sourceTitle = sourceTitle
        self.sourceURL = sourceURL
        self.revision = revision
    }

    public static let declaration = RecordDeclaration(
        .unallocatedBalances, table: "unallocated_balances", key: ["bond_code", "report_date"],
        references: [.init(["bond_code"], to: .bonds, noun: "bond")], merge: .versioned, writer: .admin,
        checks: [
            .dateWithin(
                column: "report_date", reference: .bonds, from: "issue_date", before: "maturity_date",
                what: "unallocated balances", span: "life", fromName: "issue date", beforeName: "maturity"),
            .remainder(
                column: "balance_cny", reference: .bonds, limit: "amount_cny", ledger: .allocations,
                ledgerColumn: "amount_cny", date: "report_date", ledgerDate: "report_date", tolerance: tolerance),
        ],
        summary: "A bond's unallocated proceeds on a report date, and how they are placed meanwhile",
        createdBy: "v9: unallocated balances")
    public static let columns = [
        Column("bond_code", required: true), Column("report_date", required: true, .date),
        Column("balance_cny", required: true, .money), Column("deposits_cny", required: false, .money),
        Column("money_market_funds_cny", required: false, .money), Column("bonds_cny", required: false, .money),
        Column("other_cny", required: false, .money), Column("source_title", required: true),
        Column("source_url", required: false), Column("revision", required: false, .integer),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let code = fields.bondCode("bond_code")
        let reportDate = fields.date("report_date", required: true)
        let balance = fields.money("balance_cny", required: true, positive: false, maximum: .largestIssue)
        let deposits = fields.money("deposits_cny", required: false, positive: false, maximum: .largestIssue)
        let funds = fields.money("money_market_funds_cny", required: false, positive: false, maximum: .largestIssue)
        let bonds = fields.money("bonds_cny", required: false, positive: false, maximum: .largestIssue)
        let other = fields.money("other_cny", required: false, positive: false, maximum: .largestIssue)
        let sourceTitle = fields.text("source_title", required: true)
        let sourceURL = fields.text("source_url", required: false)
        let revision = fields.integer("revision", required: false, in: 1...Int(Int32.max))
        let placed = [deposits, funds, bonds, other].compactMap { $0 }
        if let balance, !placed.isEmpty {
            let total = placed.reduce(Money.zero, +)
            if total != balance {
                fields.report(
                    "balance_cny",
                    "the placements add up to \(total.yuanText) yuan, not the balance of \(balance.yuanText)")
            }
        }
        try fields.finish()
        self.init(
            bondCode: code!, reportDate: reportDate!, balance: balance!, deposits: deposits, moneyMarketFunds: funds,
            bonds: bonds, other: other, sourceTitle: sourceTitle!, sourceURL: sourceURL, revision: revision)
    }

    public var fieldTexts: [String?] {
        [
            bondCode.value, reportDate.iso8601, balance.yuanText, deposits?.yuanText, moneyMarketFunds?.yuanText,
            bonds?.yuanText, other?.yuanText, sourceTitle, sourceURL, revision.map(String.init),
        ]
    }
}
