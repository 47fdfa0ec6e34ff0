import GRDB
import InnobondStore

/// The SQLite schema, as versioned migrations: a shipped migration never
/// changes; a change of schema is a new migration appended to the list.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: registry") { db in
            try db.execute(sql: registryV1)
        }
        migrator.registerMigration("v2: api tokens") { db in
            try db.execute(sql: apiTokensV2)
        }
        migrator.registerMigration(SpellingMigration.version) { db in
            try db.execute(sql: SpellingMigration.sql(.sqlite))
        }
        migrator.registerMigration(equalityChecksVersion) { db in
            try db.execute(sql: equalityChecksV4)
        }
        migrator.registerMigration("v5: sessions") { db in
            try db.execute(sql: sessionsV5)
        }
        migrator.registerMigration(AuditStatements.version) { db in
            try db.execute(sql: AuditStatements.migration(.sqlite))
        }
        // The kinds whose tables their declarations create.
        for (version, schema) in TableSchema.declaredTables {
            migrator.registerMigration(version) { db in
                for statement in schema.createTable(.sqlite) { try db.execute(sql: statement) }
            }
        }
        return migrator
    }

    /// The registry of docs/formats/registry.md with its invariants as constraints.
    /// Dates are `YYYY-MM-DD` text that `date()` returns unchanged; money is
    /// integer fen.
    static let registryV1 = """
        CREATE TABLE dataset (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE issuers (
            uscc TEXT PRIMARY KEY NOT NULL CHECK (length(uscc) = 18),
            name TEXT NOT NULL CHECK (name <> ''),
            name_en TEXT,
            sector TEXT NOT NULL CHECK (sector IN ('semiconductors', 'ai_software', 'advanced_manufacturing',
                'nev_batteries', 'quantum_communications', 'biotech_health', 'aerospace', 'new_materials',
                'new_energy', 'financial', 'pe_vc', 'other')),
            province TEXT NOT NULL CHECK (province <> ''),
            ownership TEXT NOT NULL CHECK (ownership IN ('central_soe', 'local_soe', 'private', 'mixed', 'foreign')),
            listed_code TEXT
        ) WITHOUT ROWID;

        CREATE TABLE issuer_financials (
            uscc TEXT NOT NULL REFERENCES issuers (uscc),
            year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            revenue_fen INTEGER NOT NULL CHECK (revenue_fen >= 0),
            rd_spend_fen INTEGER NOT NULL CHECK (rd_spend_fen >= 0),
            invention_patents INTEGER CHECK (invention_patents >= 0),
            PRIMARY KEY (uscc, year)
        ) WITHOUT ROWID;

        CREATE TABLE bonds (
            code TEXT PRIMARY KEY NOT NULL CHECK (code GLOB '*.IB' OR code GLOB '*.SH' OR code GLOB '*.SZ'),
            uscc TEXT NOT NULL REFERENCES issuers (uscc),
            name TEXT NOT NULL CHECK (name <> ''),
            type TEXT NOT NULL CHECK (type IN ('corporate_bond', 'enterprise_bond', 'mtn', 'commercial_paper',
                'financial_bond', 'abs')),
            sci_tech INTEGER NOT NULL CHECK (sci_tech IN (0, 1)),
            regime TEXT CHECK (regime IS NULL OR (regime IN ('nafmii_note', 'exchange_2022', 'tech_board_2025',
                'legacy_double_innovation') AND sci_tech = 1)),
            issue_date TEXT NOT NULL CHECK (date(issue_date) IS issue_date),
            maturity_date TEXT NOT NULL CHECK (date(maturity_date) IS maturity_date AND maturity_date > issue_date),
            amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
            coupon_rate REAL NOT NULL CHECK (coupon_rate BETWEEN 0 AND 30),
            frequency INTEGER NOT NULL CHECK (frequency IN (0, 1, 2, 4, 12)),
            day_count TEXT NOT NULL CHECK (day_count IN ('ACT/ACT-ICMA', 'ACT/365F', 'ACT/360', '30/360', 'NL/365')),
            rating TEXT,
            put_date TEXT CHECK (put_date IS NULL OR (date(put_date) IS put_date
                AND put_date > issue_date AND put_date < maturity_date)),
            coupon_reset_date TEXT CHECK (coupon_reset_date IS NULL OR (date(coupon_reset_date) IS coupon_reset_date
                AND coupon_reset_date > issue_date AND coupon_reset_date < maturity_date)),
            approval_days INTEGER CHECK (approval_days >= 0)
        ) WITHOUT ROWID;

        CREATE TABLE use_of_proceeds (
            bond_code TEXT NOT NULL REFERENCES bonds (code),
            project TEXT NOT NULL CHECK (project <> ''),
            category TEXT NOT NULL CHECK (category IN ('rd', 'capacity', 'mna', 'equity_investment', 'sci_tech_fund',
                'park_infrastructure', 'refinancing', 'working_capital')),
            planned_fen INTEGER NOT NULL CHECK (planned_fen > 0),
            PRIMARY KEY (bond_code, project)
        ) WITHOUT ROWID;

        CREATE TABLE quotes (
            bond_code TEXT NOT NULL REFERENCES bonds (code),
            date TEXT NOT NULL CHECK (date(date) IS date),
            clean_price REAL CHECK (clean_price > 0),
            yield REAL,
            source TEXT NOT NULL CHECK (source <> ''),
            CHECK (clean_price IS NOT NULL OR yield IS NOT NULL),
            PRIMARY KEY (bond_code, date, source)
        ) WITHOUT ROWID;

        CREATE TABLE curve_points (
            curve TEXT NOT NULL CHECK (curve <> ''),
            date TEXT NOT NULL CHECK (date(date) IS date),
            tenor TEXT NOT NULL CHECK (tenor GLOB '[1-9]*[DWMY]'),
            yield REAL NOT NULL,
            PRIMARY KEY (curve, date, tenor)
        ) WITHOUT ROWID;

        CREATE TABLE macro_observations (
            series TEXT NOT NULL CHECK (series <> ''),
            period TEXT NOT NULL CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
                OR period GLOB '[12][0-9][0-9][0-9]-Q[1-4]'),
            value REAL,
            yoy_pct REAL,
            unit TEXT NOT NULL CHECK (unit <> ''),
            definition TEXT NOT NULL CHECK (definition <> ''),
            published TEXT NOT NULL CHECK (date(published) IS published),
            CHECK (value IS NOT NULL OR yoy_pct IS NOT NULL),
            PRIMARY KEY (series, period, definition, published)
        ) WITHOUT ROWID;

        CREATE TABLE sector_investments (
            sector TEXT NOT NULL CHECK (sector <> ''),
            year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            amount_usd_bn REAL NOT NULL CHECK (amount_usd_bn >= 0),
            source TEXT NOT NULL CHECK (source <> ''),
            PRIMARY KEY (sector, year, source)
        ) WITHOUT ROWID;
        """

    /// API tokens, their secrets only as SHA-256 hashes.
    static let apiTokensV2 = """
        CREATE TABLE api_tokens (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) > 0),
            role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
            secret_hash TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
            created_at TEXT NOT NULL,
            revoked_at TEXT
        );
        """

    /// Browser sessions: a cookie holds a session's secret, kept only as its
    /// SHA-256 hash, never an API token.
    static let sessionsV5 = """
        CREATE TABLE sessions (
            secret_hash TEXT PRIMARY KEY NOT NULL CHECK (length(secret_hash) = 64),
            token_id INTEGER NOT NULL REFERENCES api_tokens (id),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            ended_at TEXT
        );
        CREATE INDEX sessions_by_token ON sessions (token_id);
        """
}
