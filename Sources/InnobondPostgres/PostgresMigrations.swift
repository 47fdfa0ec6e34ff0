import Foundation
import InnobondStore
import PostgresNIO

/// The PostgreSQL schema, as versioned migrations: a shipped migration never
/// changes; a change of schema is a new migration appended to the list.
enum PostgresMigrations {
    /// Migrations by version, in order: those written here, then the
    /// tables of the kinds whose declarations create them.
    static let all: [(version: String, sql: String)] =
        written
        + TableSchema.declaredTables.map { ($0.version, $0.schema.createTable(.postgres).joined(separator: ";\n")) }

    /// The migrations written here.
    static let written: [(version: String, sql: String)] = [
        ("v1: registry", registryV1), ("v2: api tokens", apiTokensV2),
        (SpellingMigration.version, SpellingMigration.sql(.postgres)), ("v5: sessions", sessionsV5),
        (AuditStatements.version, AuditStatements.migration(.postgres)),
    ]

    /// Browser sessions: a cookie holds a session's secret, kept only as its
    /// SHA-256 hash, never an API token.
    static let sessionsV5 = """
        CREATE TABLE sessions (
            secret_hash TEXT PRIMARY KEY CHECK (length(secret_hash) = 64),
            token_id BIGINT NOT NULL REFERENCES api_tokens (id),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            ended_at TEXT
        );
        CREATE INDEX sessions_by_token ON sessions (token_id)
        """

    /// API tokens, their secrets only as SHA-256 hashes.
    static let apiTokensV2 = """
        CREATE TABLE api_tokens (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) > 0),
            role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
            secret_hash TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
            created_at TEXT NOT NULL,
            revoked_at TEXT
        )
        """

    /// The registry of docs/formats/registry.md with its invariants as constraints.
    static let registryV1 = """
        CREATE TABLE dataset (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        CREATE TABLE issuers (
            uscc TEXT PRIMARY KEY CHECK (length(uscc) = 18),
            name TEXT NOT NULL CHECK (name <> ''),
            name_en TEXT,
            sector TEXT NOT NULL CHECK (sector IN ('semiconductors', 'ai_software', 'advanced_manufacturing',
                'nev_batteries', 'quantum_communications', 'biotech_health', 'aerospace', 'new_materials',
                'new_energy', 'financial', 'pe_vc', 'other')),
            province TEXT NOT NULL CHECK (province <> ''),
            ownership TEXT NOT NULL CHECK (ownership IN ('central_soe', 'local_soe', 'private', 'mixed', 'foreign')),
            listed_code TEXT
        );

        CREATE TABLE issuer_financials (
            uscc TEXT NOT NULL REFERENCES issuers (uscc),
            year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            revenue_fen BIGINT NOT NULL CHECK (revenue_fen >= 0),
            rd_spend_fen BIGINT NOT NULL CHECK (rd_spend_fen >= 0),
            invention_patents INTEGER CHECK (invention_patents >= 0),
            PRIMARY KEY (uscc, year)
        );

        CREATE TABLE bonds (
            code TEXT PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9]{1,20}\\.(IB|SH|SZ)$'),
            uscc TEXT NOT NULL REFERENCES issuers (uscc),
            name TEXT NOT NULL CHECK (name <> ''),
            type TEXT NOT NULL CHECK (type IN ('corporate_bond', 'enterprise_bond', 'mtn', 'commercial_paper',
                'financial_bond', 'abs')),
            sci_tech BOOLEAN NOT NULL,
            regime TEXT CHECK (regime IS NULL OR (regime IN ('nafmii_note', 'exchange_2022', 'tech_board_2025',
                'legacy_double_innovation') AND sci_tech)),
            issue_date DATE NOT NULL,
            maturity_date DATE NOT NULL CHECK (maturity_date > issue_date),
            amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
            coupon_rate DOUBLE PRECISION NOT NULL CHECK (coupon_rate BETWEEN 0 AND 30),
            frequency INTEGER NOT NULL CHECK (frequency IN (0, 1, 2, 4, 12)),
            day_count TEXT NOT NULL CHECK (day_count IN ('ACT/ACT-ICMA', 'ACT/365F', 'ACT/360', '30/360', 'NL/365')),
            rating TEXT,
            put_date DATE CHECK (put_date > issue_date AND put_date < maturity_date),
            coupon_reset_date DATE CHECK (coupon_reset_date > issue_date AND coupon_reset_date < maturity_date),
            approval_days INTEGER CHECK (approval_days >= 0)
        );

        CREATE TABLE use_of_proceeds (
            bond_code TEXT NOT NULL REFERENCES bonds (code),
            project TEXT NOT NULL CHECK (project <> ''),
            category TEXT NOT NULL CHECK (category IN ('rd', 'capacity', 'mna', 'equity_investment', 'sci_tech_fund',
                'park_infrastructure', 'refinancing', 'working_capital')),
            planned_fen BIGINT NOT NULL CHECK (planned_fen > 0),
            PRIMARY KEY (bond_code, project)
        );

        CREATE TABLE quotes (
            bond_code TEXT NOT NULL REFERENCES bonds (code),
            date DATE NOT NULL,
            clean_price DOUBLE PRECISION CHECK (clean_price > 0),
            yield DOUBLE PRECISION,
            source TEXT NOT NULL CHECK (source <> ''),
            CHECK (clean_price IS NOT NULL OR yield IS NOT NULL),
            PRIMARY KEY (bond_code, date, source)
        );

        CREATE TABLE curve_points (
            curve TEXT NOT NULL CHECK (curve <> ''),
            date DATE NOT NULL,
            tenor TEXT NOT NULL CHECK (tenor ~ '^[1-9][0-9]*[DWMY]$'),
            yield DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (curve, date, tenor)
        );

        CREATE TABLE macro_observations (
            series TEXT NOT NULL CHECK (series <> ''),
            period TEXT NOT NULL CHECK (period ~ '^[12][0-9]{3}-(0[1-9]|1[0-2]|Q[1-4])$'),
            value DOUBLE PRECISION,
            yoy_pct DOUBLE PRECISION,
            unit TEXT NOT NULL CHECK (unit <> ''),
            definition TEXT NOT NULL CHECK (definition <> ''),
            published DATE NOT NULL,
            CHECK (value IS NOT NULL OR yoy_pct IS NOT NULL),
            PRIMARY KEY (series, period, definition, published)
        );

        CREATE TABLE sector_investments (
            sector TEXT NOT NULL CHECK (sector <> ''),
            year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            amount_usd_bn DOUBLE PRECISION NOT NULL CHECK (amount_usd_bn >= 0),
            source TEXT NOT NULL CHECK (source <> ''),
            PRIMARY KEY (sector, year, source)
        );
        """
}

extension PostgresRegistryStore {
    /// Applies the migrations not yet applied, under an advisory lock of the
    /// schema so that servers starting together on one schema do not race
    /// (and stores of other schemas do not wait for each other).
    func migrate(on connection: PostgresConnection, progress: BoundedCall.Progress) async throws {
        // Unquoted, PostgreSQL folds the schema's name to lower case.
        let schemaName = (schema ?? "public").lowercased()
        try await transaction(on: connection, progress: progress) {
            try await connection.query(
                "SELECT pg_advisory_xact_lock(7291504, hashtext(\(schemaName)))", logger: logger)
            progress.touch()
            if let schema {
                // The name was checked to be letters, digits and underscores.
                try await execute("CREATE SCHEMA IF NOT EXISTS \(schema)", on: connection, progress: progress)
            }
            try await execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, "
                    + "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                on: connection, progress: progress)
            let applied = Set(
                try await rows("SELECT version FROM schema_migrations", on: connection, progress: progress)
                    .compactMap { $0.first?.textValue })
            for (version, sql) in PostgresMigrations.all where !applied.contains(version) {
                for statement in sql.components(separatedBy: ";\n") {
                    let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !trimmed.isEmpty else { continue }
                    try await execute(trimmed, on: connection, progress: progress)
                }
                _ = try await rows(
                    "INSERT INTO schema_migrations (version) VALUES ($1)", [.text(version)], on: connection,
                    progress: progress)
            }
        }
    }
}
