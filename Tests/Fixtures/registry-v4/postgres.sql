--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: registry_v4_fixture; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA registry_v4_fixture;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_tokens; Type: TABLE; Schema: registry_v4_fixture; Owner: -
--

CREATE TABLE registry_v4_fixture.api_tokens (
    id bigint NOT NULL,
    name text NOT NULL,
    role text NOT NULL,
    secret_hash text NOT NULL,
    created_at text NOT NULL,
    revoked_at text,
    CONSTRAINT api_tokens_name_check CHECK ((length(name) > 0)),
    CONSTRAINT api_tokens_role_check CHECK ((role = ANY (ARRAY['viewer'::text, 'analyst'::text, 'admin'::text]))),
    CONSTRAINT api_tokens_secret_hash_check CHECK ((length(secret_hash) = 64))
);


--
-- Name: api_tokens_id_seq; Type: SEQUENCE; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE registry_v4_fixture.api_tokens ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME registry_v4_fixture.api_tokens_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: bonds; Type: TABLE; Schema: registry_v4_fixture; Owner: -
--

CREATE TABLE registry_v4_fixture.bonds (
    code text NOT NULL,
    uscc text NOT NULL,
    name text NOT NULL,
    type text NOT NULL,
    sci_tech boolean NOT NULL,
    regime text,
    issue_date date NOT NULL,
    maturity_date date NOT NULL,
    amount_fen bigint NOT NULL,
    coupon_rate double precision NOT NULL,
    frequency integer NOT NULL,
    day_count text NOT NULL,
    rating text,
    put_date date,
    coupon_reset_date date,
    approval_days integer,
    CONSTRAINT bonds_amount_fen_check CHECK ((amount_fen > 0)),
    CONSTRAINT bonds_approval_days_check CHECK ((approval_days >= 0)),
    CONSTRAINT bonds_check CHECK (((regime IS NULL) OR ((regime = ANY (ARRAY['nafmii_note'::text, 'exchange_2022'::text, 'tech_board_2025'::text, 'legacy_double_innovation'::text])) AND sci_tech))),
    CONSTRAINT bonds_check1 CHECK ((maturity_date > issue_date)),
    CONSTRAINT bonds_check2 CHECK (((put_date > issue_date) AND (put_date < maturity_date))),
    CONSTRAINT bonds_check3 CHECK (((coupon_reset_date > issue_date) AND (coupon_reset_date < maturity_date))),
    CONSTRAINT bonds_code_check CHECK ((code ~ '^[A-Za-z0-9]{1,20}\.(IB|SH|SZ)$'::text)),
    CONSTRAINT bonds_coupon_rate_check CHECK (((coupon_rate >= (0)::double precision) AND (coupon_rate <= (30)::double precision))),
    CONSTRAINT bonds_day_count_check CHECK ((day_count = ANY (ARRAY['ACT/ACT-ICMA'::text, 'ACT/365F'::text, 'ACT/360'::text, '30/360'::text, 'NL/365'::text]))),
    CONSTRAINT bonds_frequency_check CHECK ((frequency = ANY (ARRAY[0, 1, 2, 4, 12]))),
    CONSTRAINT bonds_name_check CHECK ((name <> ''::text)),
    CONSTRAINT bonds_type_check CHECK ((type = ANY (ARRAY['corporate_bond'::text, 'enterprise_bond'::text, 'mtn'::text, 'commercial_paper'::text, 'financial_bond'::text, 'abs'::text])))
);


--
-- Name: curve_points; Type: TABLE; Schema: registry_v4_fixture; Owner: -
--

CREATE TABLE registry_v4_fixture.curve_points (
    curve text NOT NULL,
    date date NOT NULL,
    tenor text NOT NULL,
    yield double precision NOT NULL,
    CONSTRAINT curve_points_curve_check CHECK ((curve <> ''::text)),
    CONSTRAINT curve_points_tenor_check CHECK ((tenor ~ '^[1-9][0-9]*[DWMY]$'::text))
);


--
-- Name: dataset; Type: TABLE; Schema: registry_v4_fixture; Owner: -
--

CREATE TABLE registry_v4_fixture.dataset (
    key text NOT NULL,
    value text NOT NULL
);


--
-- Name: issuer_financials; Type: TABLE; Schema: registry_v4_fixture; Owner: -
--

CREATE TABLE registry_v4_fixture.issuer_financials (
    uscc text NOT NULL,
    year integer NOT NULL,
    revenue_fen bigint NOT NULL,
    rd_spend_fen bigint NOT NULL,
    invention_patents integer,
    CONSTRAINT issuer_financials_invention_patents_check CHECK ((invention_patents >= 0)),
    CONSTRAINT issuer_financials_rd_spend_fen_check CHECK ((rd_spend_fen >= 0)),
    CONSTRAINT issuer_financials_revenue_fen_check CHECK ((revenue_fen >= 0)),
    CONSTRAINT issuer_financials_year_check CHECK (((year >= 1900) AND (year <= 2200)))
);


--
-- Name: issuers; Type: TABLE; Schema: registry_v4_fixture; Owner: -
--

CREATE TABLE registry_v4_fixture.issuers (
    uscc text NOT NULL,
    name text NOT NULL,
    name_en text,
    sector text NOT NULL,
    province text NOT NULL,
    ownership text NOT NULL,
    listed_code text,
    CONSTRAINT issuers_name_check CHECK ((name <> ''::text)),
    CONSTRAINT issuers_ownership_check CHECK ((ownership = ANY (ARRAY['central_soe'::text, 'local_soe'::text, 'private'::text, 'mixed'::text, 'foreign'::text]))),
    CONSTRAINT issuers_province_check CHECK ((province <> ''::text)),
    CONSTRAINT issuers_sector_check CHECK ((sector = ANY (ARRAY['semiconductors'::text, 'ai_software'::text, 'advanced_manufacturing'::text, 'nev_batteries'::text, 'quantum_communications'::text, 'biotech_health'::text, 'aerospace'::text, 'new_materials'::text, 'new_energy'::text, 'financial'::text, 'pe_vc'::text, 'other'::text]))),
    CONSTRAINT issuers_uscc_check CHECK ((length(uscc) = 18))
);


--
-- Name: macro_observations; Type: TABLE; Schema: registry_v4_fixture; Owner: -
--

CREATE TABLE registry_v4_fixture.macro_observations (
    series text NOT NULL,
    period text NOT NULL,
    value double precision,
    yoy_pct double precision,
    unit text NOT NULL,
    definition text NOT NULL,
    published date NOT NULL,
    CONSTRAINT macro_observations_check CHECK (((value IS NOT NULL) OR (yoy_pct IS NOT NULL))),
    CONSTRAINT macro_observations_definition_check CHECK ((definition <> ''::text)),
    CONSTRAINT macro_observations_period_check CHECK ((period ~ '^[12][0-9]{3}-(0[1-9]|1[0-2]|Q[1-4])$'::text)),
    CONSTRAINT macro_observations_series_check CHECK ((series <> ''::text)),
    CONSTRAINT macro_observations_unit_check CHECK ((unit <> ''::text))
);


--
-- Name: quotes; Type: TABLE; Schema: registry_v4_fixture; Owner: -
--

CREATE TABLE registry_v4_fixture.quotes (
    bond_code text NOT NULL,
    date date NOT NULL,
    clean_price double precision,
    yield double precision,
    source text NOT NULL,
    CONSTRAINT quotes_check CHECK (((clean_price IS NOT NULL) OR (yield IS NOT NULL))),
    CONSTRAINT quotes_clean_price_check CHECK ((clean_price > (0)::double precision)),
    CONSTRAINT quotes_source_check CHECK ((source <> ''::text))
);


--
-- Name: schema_migrations; Type: TABLE; Schema: registry_v4_fixture; Owner: -
--

CREATE TABLE registry_v4_fixture.schema_migrations (
    version text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: sector_investments; Type: TABLE; Schema: registry_v4_fixture; Owner: -
--

CREATE TABLE registry_v4_fixture.sector_investments (
    sector text NOT NULL,
    year integer NOT NULL,
    amount_usd_bn double precision NOT NULL,
    source text NOT NULL,
    CONSTRAINT sector_investments_amount_usd_bn_check CHECK ((amount_usd_bn >= (0)::double precision)),
    CONSTRAINT sector_investments_sector_check CHECK ((sector <> ''::text)),
    CONSTRAINT sector_investments_source_check CHECK ((source <> ''::text)),
    CONSTRAINT sector_investments_year_check CHECK (((year >= 1900) AND (year <= 2200)))
);


--
-- Name: use_of_proceeds; Type: TABLE; Schema: registry_v4_fixture; Owner: -
--

CREATE TABLE registry_v4_fixture.use_of_proceeds (
    bond_code text NOT NULL,
    project text NOT NULL,
    category text NOT NULL,
    planned_fen bigint NOT NULL,
    CONSTRAINT use_of_proceeds_category_check CHECK ((category = ANY (ARRAY['rd'::text, 'capacity'::text, 'mna'::text, 'equity_investment'::text, 'sci_tech_fund'::text, 'park_infrastructure'::text, 'refinancing'::text, 'working_capital'::text]))),
    CONSTRAINT use_of_proceeds_planned_fen_check CHECK ((planned_fen > 0)),
    CONSTRAINT use_of_proceeds_project_check CHECK ((project <> ''::text))
);


--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: registry_v4_fixture; Owner: -
--

INSERT INTO registry_v4_fixture.api_tokens OVERRIDING SYSTEM VALUE VALUES (1, 'fixture-admin', 'admin', '7bb8a41d14aadde3f382243ebde82b3f5f22d4a60b02dd8ee443a578c5b2b4d8', '2026-12-06T12:07:28Z', NULL);


--
-- Data for Name: bonds; Type: TABLE DATA; Schema: registry_v4_fixture; Owner: -
--

INSERT INTO registry_v4_fixture.bonds VALUES ('102580123.IB', '91350100M000100Y43', '25示例科创债01', 'mtn', true, 'tech_board_2025', '2025-05-09', '2030-05-09', 166000000000, 2.1, 1, 'ACT/ACT-ICMA', 'AA+', '2028-05-09', '2028-05-09', 7);
INSERT INTO registry_v4_fixture.bonds VALUES ('240001.SH', '91440300708461136T', '24华为01', 'corporate_bond', false, NULL, '2024-03-15', '2027-03-15', 300000000000, 2.45, 1, 'ACT/365F', 'AAA', NULL, NULL, 21);
INSERT INTO registry_v4_fixture.bonds VALUES ('012580001.IB', '91350100M000100Y43', '25示例SCP001', 'commercial_paper', false, NULL, '2025-06-03', '2026-02-28', 50000000000, 1.8, 0, 'ACT/365F', NULL, NULL, NULL, NULL);


--
-- Data for Name: curve_points; Type: TABLE DATA; Schema: registry_v4_fixture; Owner: -
--

INSERT INTO registry_v4_fixture.curve_points VALUES ('CGB', '2025-06-03', '3M', 1.4301);
INSERT INTO registry_v4_fixture.curve_points VALUES ('CGB', '2025-06-03', '10Y', 1.6502);
INSERT INTO registry_v4_fixture.curve_points VALUES ('AAA_corporate', '2025-06-03', '5Y', 1.9);


--
-- Data for Name: dataset; Type: TABLE DATA; Schema: registry_v4_fixture; Owner: -
--

INSERT INTO registry_v4_fixture.dataset VALUES ('version', '8');


--
-- Data for Name: issuer_financials; Type: TABLE DATA; Schema: registry_v4_fixture; Owner: -
--

INSERT INTO registry_v4_fixture.issuer_financials VALUES ('91350100M000100Y43', 2023, 120000000050, 15000000000, 310);
INSERT INTO registry_v4_fixture.issuer_financials VALUES ('91350100M000100Y43', 2024, 150000000000, 18000000025, NULL);


--
-- Data for Name: issuers; Type: TABLE DATA; Schema: registry_v4_fixture; Owner: -
--

INSERT INTO registry_v4_fixture.issuers VALUES ('91350100M000100Y43', '示例芯片股份有限公司', 'Example Chips Co., Ltd.', 'semiconductors', 'Fujian', 'private', '600001.SH');
INSERT INTO registry_v4_fixture.issuers VALUES ('91440300708461136T', '华为技术有限公司', 'Huawei Technologies Co. Ltd.', 'ai_software', 'Guangdong', 'private', NULL);


--
-- Data for Name: macro_observations; Type: TABLE DATA; Schema: registry_v4_fixture; Owner: -
--

INSERT INTO registry_v4_fixture.macro_observations VALUES ('M2', '2025-02', 320.52, 7, 'CNY_trn', 'M2_2001', '2025-03-13');
INSERT INTO registry_v4_fixture.macro_observations VALUES ('M1', '2025-02', 109.44, 0.1, 'CNY_trn', 'M1_2025', '2025-03-13');
INSERT INTO registry_v4_fixture.macro_observations VALUES ('M1', '2024-01', 63.3, NULL, 'CNY_trn', 'M1_2001', '2024-02-13');
INSERT INTO registry_v4_fixture.macro_observations VALUES ('tech_sme_loans', '2025-Q4', 3.63, 19.8, 'CNY_trn', 'tech_sme_loans_2023', '2026-01-27');


--
-- Data for Name: quotes; Type: TABLE DATA; Schema: registry_v4_fixture; Owner: -
--

INSERT INTO registry_v4_fixture.quotes VALUES ('102580123.IB', '2025-06-03', 100.25, 2.0412, 'chinabond');
INSERT INTO registry_v4_fixture.quotes VALUES ('102580123.IB', '2025-06-04', NULL, 2.0388, 'chinabond');
INSERT INTO registry_v4_fixture.quotes VALUES ('102580123.IB', '2025-06-05', 100.31, NULL, 'trade');
INSERT INTO registry_v4_fixture.quotes VALUES ('240001.SH', '2025-06-03', 101.5, 1.98, 'chinabond');


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: registry_v4_fixture; Owner: -
--

INSERT INTO registry_v4_fixture.schema_migrations VALUES ('v1: registry', '2026-12-06 12:07:25.859229+00');
INSERT INTO registry_v4_fixture.schema_migrations VALUES ('v2: api tokens', '2026-12-06 12:07:25.859229+00');
INSERT INTO registry_v4_fixture.schema_migrations VALUES ('v3: canonical spellings', '2026-12-06 12:07:25.859229+00');


--
-- Data for Name: sector_investments; Type: TABLE DATA; Schema: registry_v4_fixture; Owner: -
--

INSERT INTO registry_v4_fixture.sector_investments VALUES ('Semiconductor design & equipment', 2022, 12.4, 'founding briefing');
INSERT INTO registry_v4_fixture.sector_investments VALUES ('Semiconductor design & equipment', 2023, 18.7, 'founding briefing');


--
-- Data for Name: use_of_proceeds; Type: TABLE DATA; Schema: registry_v4_fixture; Owner: -
--

INSERT INTO registry_v4_fixture.use_of_proceeds VALUES ('102580123.IB', '第三代半导体研发', 'rd', 90000000000);
INSERT INTO registry_v4_fixture.use_of_proceeds VALUES ('102580123.IB', '偿还有息债务', 'refinancing', 76000000000);


--
-- Name: api_tokens_id_seq; Type: SEQUENCE SET; Schema: registry_v4_fixture; Owner: -
--

SELECT pg_catalog.setval('registry_v4_fixture.api_tokens_id_seq', 1, true);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);


--
-- Name: api_tokens api_tokens_secret_hash_key; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.api_tokens
    ADD CONSTRAINT api_tokens_secret_hash_key UNIQUE (secret_hash);


--
-- Name: bonds bonds_pkey; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.bonds
    ADD CONSTRAINT bonds_pkey PRIMARY KEY (code);


--
-- Name: curve_points curve_points_pkey; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.curve_points
    ADD CONSTRAINT curve_points_pkey PRIMARY KEY (curve, date, tenor);


--
-- Name: dataset dataset_pkey; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.dataset
    ADD CONSTRAINT dataset_pkey PRIMARY KEY (key);


--
-- Name: issuer_financials issuer_financials_pkey; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.issuer_financials
    ADD CONSTRAINT issuer_financials_pkey PRIMARY KEY (uscc, year);


--
-- Name: issuers issuers_pkey; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.issuers
    ADD CONSTRAINT issuers_pkey PRIMARY KEY (uscc);


--
-- Name: macro_observations macro_observations_pkey; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.macro_observations
    ADD CONSTRAINT macro_observations_pkey PRIMARY KEY (series, period, definition, published);


--
-- Name: quotes quotes_pkey; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.quotes
    ADD CONSTRAINT quotes_pkey PRIMARY KEY (bond_code, date, source);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: sector_investments sector_investments_pkey; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.sector_investments
    ADD CONSTRAINT sector_investments_pkey PRIMARY KEY (sector, year, source);


--
-- Name: use_of_proceeds use_of_proceeds_pkey; Type: CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.use_of_proceeds
    ADD CONSTRAINT use_of_proceeds_pkey PRIMARY KEY (bond_code, project);


--
-- Name: bonds bonds_uscc_fkey; Type: FK CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.bonds
    ADD CONSTRAINT bonds_uscc_fkey FOREIGN KEY (uscc) REFERENCES registry_v4_fixture.issuers(uscc);


--
-- Name: issuer_financials issuer_financials_uscc_fkey; Type: FK CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.issuer_financials
    ADD CONSTRAINT issuer_financials_uscc_fkey FOREIGN KEY (uscc) REFERENCES registry_v4_fixture.issuers(uscc);


--
-- Name: quotes quotes_bond_code_fkey; Type: FK CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.quotes
    ADD CONSTRAINT quotes_bond_code_fkey FOREIGN KEY (bond_code) REFERENCES registry_v4_fixture.bonds(code);


--
-- Name: use_of_proceeds use_of_proceeds_bond_code_fkey; Type: FK CONSTRAINT; Schema: registry_v4_fixture; Owner: -
--

ALTER TABLE ONLY registry_v4_fixture.use_of_proceeds
    ADD CONSTRAINT use_of_proceeds_bond_code_fkey FOREIGN KEY (bond_code) REFERENCES registry_v4_fixture.bonds(code);


--
-- PostgreSQL database dump complete
--


