import FixedIncome

/// A title an issuer relied on to issue sci-tech bonds (NAFMII 2025: an
/// official title, a sci-tech lending list, a STAR or ChiNext listing, core
/// patents), who certified it, under which policy, and while it is valid
/// (key: `uscc`, `title`, `issued_on`). Evidence expires. Versioned.
public struct EligibilityEvidence: RegistryRecord {
    /// The titles and other grounds of eligibility DOMAIN.md lists.
    public enum Title: String, Sendable, CaseIterable {
        /// 高新技术企业
        case highTechEnterprise = "high_tech_enterprise"
        /// 科技型中小企业
        case techSME = "tech_sme"
        /// 专精特新中小企业
        case specialisedSME = "specialised_sme"
        /// 专精特新 "小巨人"
        case littleGiant = "little_giant"
        /// 创新型中小企业
        case innovativeSME = "innovative_sme"
        /// 技术创新示范企业
        case innovationDemonstration = "innovation_demonstration"
        /// 制造业单项冠军
        case singleChampion = "single_champion"
        /// On a sci-tech lending list.
        case sciTechLendingList = "sci_tech_lending_list"
        /// Listed on the STAR Market or ChiNext.
        case starOrChiNextListing = "star_or_chinext_listing"
        /// Core-technology patents.
        case corePatents = "core_patents"
        case other

        /// The title as published, in Chinese where it has one.
        public var label: String {
            switch self {
            case .highTechEnterprise: return "高新技术企业"
            case .techSME: return "科技型中小企业"
            case .specialisedSME: return "专精特新中小企业"
            case .littleGiant: return "专精特新“小巨人”企业"
            case .innovativeSME: return "创新型中小企业"
            case .innovationDemonstration: return "技术创新示范企业"
            case .singleChampion: return "制造业单项冠军企业"
            case .sciTechLendingList: return "sci-tech lending list"
            case .starOrChiNextListing: return "STAR Market or ChiNext listing"
            case .corePatents: return "core-technology patents"
            case .other: return "other"
            }
        }
    }

    public var uscc: USCC
    public var title: Title
    /// The certificate's number, if published.
    public var certificate: String?
    /// Who certified it (`Beijing Municipal Science and Technology Commission`).
    public var certifyingBody: String
    /// The policy it was granted under (`国科发火〔2016〕32号`).
    public var policyBasis: String
    public var issuedOn: CivilDate
    /// The last day it is valid; none for a title without an end.
    public var expiresOn: CivilDate?
    public var sourceTitle: String
    public var sourceURL: String?
    /// The stored revision (files: the revision a change was made from).
    public var revision: Int?

    public init(
        uscc: USCC, title: Title, certificate: String? = nil, certifyingBody: String, policyBasis: String,
        issuedOn: CivilDate, expiresOn: CivilDate? = nil, sourceTitle: String, sourceURL: String? = nil,
        revision: Int? = nil
    ) {
        self.uscc = uscc
        self.title = title
        self.certificate = certificate
        self.certifyingBody = certifyingBody
        self.policyBasis = policyBasis
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.sourceTitle = sourceTitle
        self.sourceURL = sourceURL
        self.revision = revision
    }

    /// Whether the evidence holds on `date`.
    public func isValid(on date: CivilDate) -> Bool {
        issuedOn <= date && (expiresOn.map { date <= $0 } ?? true)
    }

    public static let declaration = RecordDeclaration(
        .eligibilityEvidence, table: "eligibility_evidence", key: ["uscc", "title", "issued_on"],
        references: [.init(["uscc"], to: .issuers, noun: "issuer")], merge: .versioned, writer: .admin,
        summary: "The titles issuers relied on for sci-tech eligibility, with their certifiers and validity",
        createdBy: "v11: eligibility evidence")
    public static let columns = [
        Column("uscc", required: true), Column("title", required: true), Column("certificate", required: false),
        Column("certifying_body", required: true), Column("policy_basis", required: true),
        Column("issued_on", required: true, .date), Column("expires_on", required: false, .date),
        Column("source_title", required: true), Column("source_url", required: false),
        Column("revision", required: false, .integer),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let uscc = fields.uscc("uscc")
        let title: Title? = fields.choice("title", required: true)
        let certificate = fields.text("certificate", required: false)
        let certifyingBody = fields.text("certifying_body", required: true)
        let policyBasis = fields.text("policy_basis", required: true)
        let issuedOn = fields.date("issued_on", required: true)
        let expiresOn = fields.date("expires_on", required: false)
        let sourceTitle = fields.text("source_title", required: true)
        let sourceURL = fields.text("source_url", required: false)
        let revision = fields.integer("revision", required: false, in: 1...Int(Int32.max))
        if let issuedOn, let expiresOn, expiresOn < issuedOn {
            fields.report("expires_on", "is before the title was issued on \(issuedOn)")
        }
        try fields.finish()
        self.init(
            uscc: uscc!, title: title!, certificate: certificate, certifyingBody: certifyingBody!,
            policyBasis: policyBasis!, issuedOn: issuedOn!, expiresOn: expiresOn, sourceTitle: sourceTitle!,
            sourceURL: sourceURL, revision: revision)
    }

    public var fieldTexts: [String?] {
        [
            uscc.value, title.rawValue, certificate, certifyingBody, policyBasis, issuedOn.iso8601,
            expiresOn?.iso8601, sourceTitle, sourceURL, revision.map(String.init),
        ]
    }
}
