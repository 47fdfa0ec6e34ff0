/// The sector of an issuer.
public enum Sector: String, Sendable, Hashable, CaseIterable, Codable {
    case semiconductors
    case aiSoftware = "ai_software"
    case advancedManufacturing = "advanced_manufacturing"
    case nevBatteries = "nev_batteries"
    case quantumCommunications = "quantum_communications"
    case biotechHealth = "biotech_health"
    case aerospace
    case newMaterials = "new_materials"
    case newEnergy = "new_energy"
    case financial
    case peVC = "pe_vc"
    case other

    /// A short English label.
    public var label: String {
        switch self {
        case .semiconductors: return "Semiconductors"
        case .aiSoftware: return "AI & software"
        case .advancedManufacturing: return "Advanced manufacturing"
        case .nevBatteries: return "NEV & batteries"
        case .quantumCommunications: return "Quantum & communications"
        case .biotechHealth: return "Biotech & health"
        case .aerospace: return "Aerospace"
        case .newMaterials: return "New materials"
        case .newEnergy: return "New energy"
        case .financial: return "Financial"
        case .peVC: return "PE/VC"
        case .other: return "Other"
        }
    }

    /// The sector's issuers, for the middle of a sentence:
    /// `semiconductor issuers`, `issuers in other sectors`.
    public var issuersPhrase: String {
        switch self {
        case .semiconductors: return "semiconductor issuers"
        case .aiSoftware: return "AI and software issuers"
        case .advancedManufacturing: return "advanced-manufacturing issuers"
        case .nevBatteries: return "NEV and battery issuers"
        case .quantumCommunications: return "quantum and communications issuers"
        case .biotechHealth: return "biotech and health issuers"
        case .aerospace: return "aerospace issuers"
        case .newMaterials: return "new-materials issuers"
        case .newEnergy: return "new-energy issuers"
        case .financial: return "financial issuers"
        case .peVC: return "PE/VC issuers"
        case .other: return "issuers in other sectors"
        }
    }
}

/// Who owns an issuer.
public enum Ownership: String, Sendable, Hashable, CaseIterable, Codable {
    case centralSOE = "central_soe"
    case localSOE = "local_soe"
    case privateOwned = "private"
    case mixed
    case foreign

    /// A short English label.
    public var label: String {
        switch self {
        case .centralSOE: return "Central SOE"
        case .localSOE: return "Local SOE"
        case .privateOwned: return "Private"
        case .mixed: return "Mixed ownership"
        case .foreign: return "Foreign-invested"
        }
    }
}

/// The kind of debt instrument.
public enum BondType: String, Sendable, Hashable, CaseIterable, Codable {
    case corporateBond = "corporate_bond"
    case enterpriseBond = "enterprise_bond"
    case mtn
    case commercialPaper = "commercial_paper"
    case financialBond = "financial_bond"
    case abs

    /// An English label.
    public var label: String {
        switch self {
        case .corporateBond: return "corporate bond"
        case .enterpriseBond: return "enterprise bond"
        case .mtn: return "medium-term note"
        case .commercialPaper: return "commercial paper"
        case .financialBond: return "financial bond"
        case .abs: return "asset-backed security"
        }
    }
}

/// The rules a sci-tech innovation bond was issued under.
public enum Regime: String, Sendable, Hashable, CaseIterable, Codable {
    /// NAFMII sci-tech notes (科创票据), from 2021.
    case nafmiiNote = "nafmii_note"
    /// SSE/SZSE sci-tech corporate bonds (科技创新公司债券), from May 2022.
    case exchange2022 = "exchange_2022"
    /// The bond market's "technology board" (债市科技板), from 7 May 2025.
    case techBoard2025 = "tech_board_2025"
    /// 2015–2017 double-innovation bonds (双创债).
    case legacyDoubleInnovation = "legacy_double_innovation"

    /// An English label.
    public var label: String {
        switch self {
        case .nafmiiNote: return "NAFMII sci-tech note"
        case .exchange2022: return "exchange sci-tech corporate bond (2022 rules)"
        case .techBoard2025: return "bond-market technology board (2025)"
        case .legacyDoubleInnovation: return "double-innovation bond (2015–2017)"
        }
    }
}

/// What proceeds are for: committed at issuance, allocated, or moved by a
/// change of use.
public enum ProceedsCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case rd
    /// Sci-tech capacity and project construction.
    case capacity
    case mna
    case equityInvestment = "equity_investment"
    case sciTechFund = "sci_tech_fund"
    case parkInfrastructure = "park_infrastructure"
    case refinancing
    case workingCapital = "working_capital"
    /// Anything else an allocation report or a change of use names; a
    /// committed use (`use_of_proceeds`) always names one of the others.
    case other

    /// Whether the use counts towards the sci-tech share (DOMAIN.md): R&D,
    /// capacity, M&A of tech firms, equity in tech firms, sci-tech funds.
    public var isSciTech: Bool {
        switch self {
        case .rd, .capacity, .mna, .equityInvestment, .sciTechFund: return true
        case .parkInfrastructure, .refinancing, .workingCapital, .other: return false
        }
    }

    /// An English label.
    public var label: String {
        switch self {
        case .rd: return "R&D"
        case .capacity: return "Capacity and projects"
        case .mna: return "M&A of sci-tech firms"
        case .equityInvestment: return "Equity in sci-tech firms"
        case .sciTechFund: return "Sci-tech funds"
        case .parkInfrastructure: return "Parks and incubators"
        case .refinancing: return "Refinancing"
        case .workingCapital: return "Working capital"
        case .other: return "Other"
        }
    }
}
