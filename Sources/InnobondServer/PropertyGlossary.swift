/// What each member of the API's answers means, with its unit: one
/// description a member name, and by schema path where one name means
/// different things in different answers.
enum PropertyGlossary {
    /// Descriptions by member name.
    static let byName: [String: String] = [
        "accrued_interest": "Accrued interest per 100 face at settlement, under the market's rules",
        "action": "What was done: import, restore, token.create, token.revoke, session.start, session.end or change",
        "actor": "Who wrote: token N (name, role), cli (the operating-system user), or innobond itself",
        "advantage": "The financing advantage of the period: sci-tech bonds against matched conventional bonds",
        "advantage_section": "The financing-advantage section: its sentences and charts",
        "after": "The column's value after the change, as files write it; absent when empty",
        "all_issuance": "Issuance statistics of every bond issued in the period, sci-tech or not",
        "allocated_fen": "Amount allocated, net of reversals, integer fen (1 yuan = 100 fen)",
        "allocated_sci_tech_share":
            "Share of the allocated amount that went to sci-tech uses, 0 to 1; absent before anything is allocated",
        "amount_fen": "Amount issued (the bond's amount), integer fen (1 yuan = 100 fen)",
        "approval_days": "Working days from filing to registration; absent when not known",
        "as_of": "The date the figures are as of (YYYY-MM-DD)",
        "at": "When the write was made: a UTC timestamp, YYYY-MM-DDTHH:MM:SSZ",
        "bad_rows": "Rows rejected",
        "balance_fen": "Unallocated balance the report states, integer fen (1 yuan = 100 fen)",
        "balances": "Unallocated balances reported, by report date, with where the money was placed",
        "before": "The column's value before the change, as files write it; absent when empty",
        "bond": "The bond's terms",
        "bond_scores": "Sci-tech bonds scored, worst first (then by code), up to the limit",
        "bonds": "Bonds: how many, or the bonds themselves or their codes",
        "bonds_fen":
            "Part of the unallocated balance placed in bonds, integer fen (1 yuan = 100 fen); absent when not "
            + "reported",
        "breaks":
            "Dates from which a line's figures are not comparable with those before (a definition change), each with "
            + "its label",
        "by_issuer_type": "Breakdown by the issuer's ownership, largest amount first",
        "by_market": "Breakdown by market, largest amount first",
        "by_month":
            "Breakdown by month of issue (YYYY-MM), every month from the first to the last, empty months included",
        "by_rating": "Breakdown by rating, best first; unrated bonds last, as unrated",
        "by_sector": "Breakdown by the issuer's sector, largest amount first",
        "by_tenor":
            "Breakdown by tenor at issue (<=1Y, 1-3Y, 3-5Y, 5-10Y, >10Y), shortest first, every bucket included",
        "capacity":
            "Net amount allocated to sci-tech capacity and project construction by this report date, "
            + "integer fen (1 yuan = 100 fen)",
        "categories":
            "Categories: a chart's categories (its x axis), or the proceeds categories of a ledger with their "
            + "amounts",
        "category":
            "Proceeds category: rd, capacity, mna, equity_investment, sci_tech_fund, park_infrastructure, "
            + "refinancing, working_capital or other",
        "certifying_body": "Who certified the evidence",
        "change":
            "Fitted change over the window, in the series' unit: percent or percentage points (for a yield, percent: "
            + "0.1 is 10 bp)",
        "change_date": "Date the change of use took effect (YYYY-MM-DD)",
        "change_id": "The change's identifier, unique within the bond",
        "changed": "The columns the change altered, each with its value before and after",
        "changes": "Changes of use after issuance, by date, with their approvals",
        "charts": "The section's charts",
        "check": "The check's identifier: allocated_below_floor, conventional_dominant, ... (docs/integrity.md)",
        "clean_price":
            "Clean price per 100 face (without accrued interest); absent from a quote that gave only a yield",
        "code": "Bond code: 1 to 20 letters or digits, then .IB, .SH or .SZ",
        "codes": "Codes of the bonds (or issuers) flagged, in code order",
        "column": "The column (CSV) or member (JSON) at fault or changed",
        "committed": "Whether anything was written",
        "committed_fen":
            "Amount committed to the category at issuance (the planned uses), integer fen (1 yuan = 100 fen)",
        "committed_sci_tech_share":
            "Share of the committed uses that is sci-tech, 0 to 1; absent without committed uses",
        "conclusion":
            "What the coupon difference allows one to say: cheaper, dearer, no_significant_difference or "
            + "too_few_pairs",
        "conditions": "The financing-conditions table",
        "conditions_section": "The financing-conditions section: its sentences and charts",
        "confidence_interval95_bp":
            "Two-sided 95 % confidence interval of the mean coupon difference (Student's t), [low, high] in basis "
            + "points; absent with fewer than 2 pairs",
        "convention": "The market's pricing rules: CIBM, SSE or SZSE",
        "conventional":
            "Figures of the conventional bonds compared (number, tenor, coupon, issue spread); in a pair, the "
            + "conventional bond's code",
        "convexity": "Convexity in years squared",
        "count": "How many: values in a sample, points averaged, or bonds with a facet's value",
        "coupon": "Coupon paid on the date, per 100 face",
        "coupon_difference_bp":
            "Sci-tech coupon minus conventional coupon within matched pairs, basis points: a pair's, or summary "
            + "statistics over the pairs",
        "coupon_percent": "Summary statistics of the coupon rates, percent",
        "coupon_rate": "Annual coupon rate in percent (3.25 is 3.25 %)",
        "coupon_reset_date": "The issuer's coupon adjustment date (YYYY-MM-DD); absent when none",
        "current": "Investment in the year, billions of US dollars; absent when not reported",
        "current_revision": "With 409: the record's current revision",
        "curve": "The curve's name: CGB, CDB, AAA_corporate, ...",
        "curve_date":
            "Date of the CGB curve the spreads are measured on: the latest on or before the settlement, at most 10 "
            + "days before it; absent without one",
        "curve_method":
            "How the CGB curve behind the spreads was built: hermite (ChinaBond's method); absent without a curve",
        "date": "The date the entry is for (YYYY-MM-DD)",
        "day_count": "Day-count convention as registered: ACT/ACT-ICMA, ACT/365F, ACT/360, 30/360 or NL/365",
        "days": "Number of dates with points",
        "definition":
            "The definition version a figure belongs to (M1_2001, M1_2025); growth is never computed across two",
        "definitions": "The series' definitions, each with the first and last period it covers, oldest first",
        "deposits_fen":
            "Part of the unallocated balance held as bank deposits, integer fen (1 yuan = 100 fen); absent when not "
            + "reported",
        "detail": "What else there is to say: a token's name and role, a restore's source",
        "details": "Further problems, such as each bad row of a body",
        "dirty_price": "Dirty (full) price per 100 face: clean price plus accrued interest",
        "discount_factor":
            "Discount factor to the point's maturity on the curve's Hermite fit; absent when the points do not make "
            + "a curve",
        "dv01": "Price change per 100 face for one basis point of yield (modified duration x dirty price x 0.0001)",
        "equity_investment":
            "Net amount allocated to equity in sci-tech firms by this report date, integer fen (1 yuan = 100 fen)",
        "error": "What went wrong",
        "evidence": "The issuer's eligibility evidence issued by as_of, with its validity on the issue date",
        "expected_fen":
            "What the bond's amount less the allocations dated by the report date leaves, "
            + "integer fen (1 yuan = 100 fen)",
        "expires_on": "Last day the evidence is valid (YYYY-MM-DD); absent for a title without an end",
        "explanation": "One sentence: what fired and why",
        "facets":
            "Counts of the bonds that pass every other filter, by value of market, regime, sector (the issuer's) and "
            + "rating; each facet an array of {value, count}",
        "field": "The parameter or member at fault",
        "figure": "The figure measured, in figure_unit",
        "figure_unit": "Unit of figure and limit: percent, yuan, count or days",
        "figures": "The figures the sentence states, in the order it states them, each with its source",
        "filter":
            "Which bonds the figures cover: issue dates and the registry's attributes (an empty list restricts "
            + "nothing)",
        "financials": "The issuer's revenue, R&D spending and invention patents by fiscal year, oldest first",
        "findings": "The checks that fired, in check order",
        "first":
            "The earliest: date of the first point averaged (YYYY-MM-DD), or the first period a definition covers "
            + "(YYYY-MM or YYYY-Qn)",
        "first_date": "First date with points (YYYY-MM-DD)",
        "frequency": "Coupons a year: 1, 2, 4 or 12, or 0 for interest paid only at maturity",
        "from":
            "Where it starts: the first date of a range (YYYY-MM-DD), the day a count starts from, or the use a "
            + "change moved money from",
        "g_spread_bp":
            "G-spread: yield minus the CGB par yield at maturity, on the Hermite interpolation of the CGB curve on "
            + "or before the valuation date (at most 10 days older), basis points; absent without that curve",
        "growth":
            "Growth over a year: a ratio, current / previous - 1 (0.51 is +51 %), for investment; a macro series' "
            + "growth by period",
        "hash": "SHA-256 of the entry's fields and the previous hash, 64 lowercase hex digits",
        "headline": "The summary sentences: issuance, the financing advantage, and the conditions' gap and yield rows",
        "id": "Identifier: an audit entry's number (from 1), or a risk's stable name (below_sci_tech_floor, ...)",
        "impacts": "Impact figures the bond's reports give for periods ending by as_of, by period end and KPI",
        "implication": "What the trend means for issuers, one short clause; empty without a trend",
        "indicator":
            "The indicator's name: M2–M1 gap, TSF growth, Tech-sector loan growth, AAA 5-year corporate yield",
        "inserted": "Good rows whose key was new",
        "integrity": "The bond's integrity score and findings as of as_of",
        "integrity_section": "The integrity section: the period's sci-tech bonds scored on the use of their proceeds",
        "invention_patents": "Invention patents held at the fiscal year's end; absent when not known",
        "is_demo": "Whether the registry holds innobond's synthetic demo data set, not market data",
        "issuance": "Issuance statistics of the sci-tech bonds issued in the period",
        "issuance_section": "The issuance section: its sentences and charts",
        "issue_date": "Issue date (YYYY-MM-DD)",
        "issue_spread_bp":
            "Summary statistics of issue spreads: coupon over the CGB par yield at the priced tenor, on the Hermite "
            + "curve of the issue date, basis points (bonds with a curve only)",
        "issued": "Issue dates included: from and to, both included; an open end is absent",
        "issued_on": "Date the evidence was issued (YYYY-MM-DD)",
        "issuer": "The issuer",
        "issuer_name": "The issuer's registered name; absent when the issuer is not in the registry",
        "issuer_scores": "Issuers scored, worst first (then by code), up to the limit",
        "issuers": "Number of issuers",
        "issues": "The bad rows, the first by line up to a limit",
        "items": "The entries of this page or list",
        "key":
            "Key: a breakdown's value (a raw enum value, YYYY-MM, a rating or a tenor bucket), or a record's key "
            + "values",
        "kind":
            "What sort: a record kind (bonds, allocations, ...), an indicator's or trend's kind (gap, growth, "
            + "yield), or a chart's (bar, line, stacked_bar, xy)",
        "known": "Which rows were read: then (those recorded by as_of) or now (every row recorded until now)",
        "kpi":
            "The figure reported: rd_spending_financed, patents_filed, patents_granted, rd_staff, "
            + "financed_product_revenue or other",
        "label":
            "A label for people: of a breakdown's key, a chart's break, an evidence title (in Chinese where it has "
            + "one) or an impact figure",
        "last":
            "The latest: date of the last point averaged (YYYY-MM-DD), or the last period a definition covers "
            + "(YYYY-MM or YYYY-Qn)",
        "last_date": "Last date with points (YYYY-MM-DD)",
        "latest_quote":
            "The bond's latest quote (the latest date; of several sources that day, the last by name); absent "
            + "without quotes",
        "league": "Issuers by amount issued, largest first, up to the league size",
        "leaves_sci_tech": "Whether the change moved money from a sci-tech use to a conventional one",
        "limit": "The limit the figure is measured against, in figure_unit; absent when none",
        "line": "The line of the body (for CSV, where the row starts)",
        "listed_code": "Equity listing code (600745.SH); absent when not listed",
        "macaulay_duration": "Macaulay duration in years",
        "market":
            "Market: a bond's, from its code (IB interbank, SH Shanghai, SZ Shenzhen), or a calendar's (national, "
            + "exchange or interbank)",
        "markets": "Markets included: IB, SH, SZ",
        "maturity": "The date the tenor after the curve's date (YYYY-MM-DD)",
        "maturity_date": "Final maturity date (YYYY-MM-DD)",
        "maximum": "Largest value, in the values' unit",
        "mean": "Mean of the values, in their unit",
        "median": "Median of the values, in their unit",
        "message": "What is wrong, in a sentence",
        "method":
            "How it was computed: a curve's interpolation (hermite, ChinaBond's method), or a growth figure's source "
            + "(published, or from_levels: two levels of one definition)",
        "methods": "How the figures were computed, one line each",
        "minimum": "Smallest value, in the values' unit",
        "minimum_pairs": "Fewest matched pairs that allow a conclusion",
        "missing": "What the registry lacks for a full briefing, in plain sentences",
        "mna": "Net amount allocated to M&A of sci-tech firms by this report date, integer fen (1 yuan = 100 fen)",
        "modified_duration": "Modified duration in years: Macaulay duration over 1 + y/f",
        "money_market_funds_fen":
            "Part of the unallocated balance placed in money-market funds, integer fen (1 yuan = 100 fen); absent "
            + "when not reported",
        "name": "Name: a bond's short name, an issuer's registered name, a holiday, a figure or a chart series",
        "name_en": "The issuer's English name; absent when not known",
        "next_after": "The after of the next page; absent on the last",
        "next_cursor": "Passed back as cursor for the next page; absent on the last",
        "note": "Printed under the chart's source, such as the demo-data notice; absent when none",
        "observations": "The observations known on as_of, by period then definition",
        "other": "Net amount allocated to other uses by this report date, integer fen (1 yuan = 100 fen)",
        "other_fen":
            "Part of the unallocated balance placed elsewhere than deposits, money-market funds and bonds, "
            + "integer fen (1 yuan = 100 fen); absent when not reported",
        "outstanding_fen":
            "Amount outstanding on as_of, integer fen (1 yuan = 100 fen): the amount issued while outstanding, 0 "
            + "when not yet issued or matured",
        "ownership": "Who owns the issuer: central_soe, local_soe, private, mixed or foreign",
        "ownerships": "Issuer ownerships included",
        "pairs": "Matched pairs, each a sci-tech bond and the conventional bond it was matched to (or their number)",
        "park_infrastructure":
            "Net amount allocated to parks and incubators by this report date, integer fen (1 yuan = 100 fen)",
        "period":
            "The period covered: a month (YYYY-MM) or a quarter (YYYY-Qn), or a briefing's issue dates (from, to)",
        "period_end": "Last day of the period reported (YYYY-MM-DD)",
        "planned_fen": "Amount planned for the project at issuance, integer fen (1 yuan = 100 fen)",
        "points": "Points of a curve or a chart's line; in a trend, how many points the window holds",
        "policy_basis": "The policy the title was granted under",
        "previous": "Investment in the year before, billions of US dollars; absent when not reported",
        "previous_hash": "The hash of the entry before (64 zeros before the first)",
        "principal": "Principal repaid on the date, per 100 face (100 at maturity, else 0)",
        "project": "Project name",
        "province": "The issuer's province-level region, in pinyin",
        "provinces": "Provinces included, in pinyin",
        "published": "Date the figure was published (YYYY-MM-DD); for growth, the later of its inputs'",
        "put_date": "Investor put date (YYYY-MM-DD), year 3 of a 3+2 bond; absent when none",
        "quarter": "The last calendar quarter ending on or before the table's end: from and to",
        "quarter_average": "The indicator's mean over the quarter; absent without points in it",
        "quote_age_days":
            "Working days after the latest quote's date up to as_of, in the calendar of the bond's market "
            + "(interbank, or the exchanges'); weekdays in years the calendar does not hold; absent without a quote",
        "quote_date": "Date of the bond's latest quote (YYYY-MM-DD); absent without a quote",
        "quote_source":
            "Source of the bond's latest quote (of several that day, the last by name); absent without a quote",
        "quote_stale":
            "Whether quote_age_days exceeds the server's stale-quote setting (--stale-quote-days, default 5 working "
            + "days); absent without a quote",
        "range": "The dates averaged over: from and to, both included",
        "rating": "Domestic credit rating: AAA, AA+, ..., C, or short-term A-1, A-2, A-3; absent when unrated",
        "ratings": "Ratings included",
        "rd": "Net amount allocated to R&D by this report date, integer fen (1 yuan = 100 fen)",
        "rd_intensity": "R&D spending over revenue in the fiscal year, percent; absent without revenue",
        "rd_spend_fen": "Research and development spending in the fiscal year, integer fen (1 yuan = 100 fen)",
        "reason": "The reason for the change, as disclosed; absent when none",
        "record": "The record: its values now by column, as files write them; or its position in a JSON body, from 1",
        "reference": "Where a dashed reference line is drawn, in the y axis's unit; absent when none",
        "reference_label": "What the reference line is, written beside it",
        "refinancing": "Net amount allocated to refinancing by this report date, integer fen (1 yuan = 100 fen)",
        "regime":
            "Rules a sci-tech bond was issued under: nafmii_note, exchange_2022, tech_board_2025 or "
            + "legacy_double_innovation; absent for conventional bonds",
        "regimes": "Sci-tech regimes included",
        "rejected": "Rows rejected",
        "remaining_years": "Years from as_of to maturity (actual days / 365); 0 when matured",
        "replaced": "Good rows that replaced a different stored row",
        "report_date": "Date of the report (YYYY-MM-DD)",
        "resolution": "The bondholders' meeting resolution that approved the change; absent when none is named",
        "resolution_date": "Date of the resolution (YYYY-MM-DD); absent when none is named",
        "revenue_fen": "Revenue in the fiscal year, integer fen (1 yuan = 100 fen)",
        "revision": "The record's revision now",
        "risks": "Risks and open questions the data flags about the period's sci-tech bonds",
        "rows": "Rows: of a table, or the registry rows a finding came from (each its kind and key values)",
        "rows_read": "Rows read from the file or body",
        "rows_written": "Rows written (inserted or replaced)",
        "sci_tech":
            "Whether the bond carries the sci-tech innovation label, or the use counts towards the sci-tech share; "
            + "in a filter, sci-tech bonds only (true) or conventional only (false)",
        "sci_tech_fund": "Net amount allocated to sci-tech funds by this report date, integer fen (1 yuan = 100 fen)",
        "score":
            "Integrity score, 0 (no check fires) to 100: a bond's the sum of the weights of the checks that fire, an "
            + "issuer's the amount-weighted mean of its sci-tech bonds' scores",
        "sector":
            "Sector: an issuer's (semiconductors, ai_software, ..., other), or a technology sector of investment "
            + "figures",
        "sector_flows":
            "Investment into technology sectors in a year and the year before, from one source; absent without two "
            + "consecutive years",
        "sector_section": "The sector-flows section: its sentences and charts",
        "sectors": "Issuer sectors included",
        "series": "A series: a macro series' name (M2, TSF_stock, ...), or a chart's data series",
        "settlement": "Settlement date (YYYY-MM-DD)",
        "sha256": "SHA-256 of the file or body imported, 64 lowercase hex digits",
        "share": "Share of the total, 0 to 1",
        "since": "Date the condition became true (YYYY-MM-DD)",
        "source":
            "Where it comes from: a quote's source (chinabond, cfets, trade, ...), a document's title or a data "
            + "source's name, or the registry rows the figures were computed from",
        "spacing_days":
            "Median days between the series' points in and around the range (about 1 daily, 30 monthly, 91 "
            + "quarterly); absent with fewer than two gaps",
        "stale_since": "Since when the store has not answered (UTC); reads serve the registry as last read",
        "standard_deviation":
            "Sample standard deviation (n - 1 in the denominator), in the values' unit; 0 for one value",
        "status":
            "State: of a bond in its life, of a day in a market's calendar, or of the server (ok, unavailable); in "
            + "an error, the HTTP status code",
        "status_on": "The date the status is for: the server's today (UTC), YYYY-MM-DD",
        "store": "The store's location: a SQLite file, or a PostgreSQL URL without its password",
        "store_error": "Why the store does not answer",
        "summary": "One line on the import's outcome",
        "takeaway": "The sentence, with the figures it states",
        "takeaways": "The section's sentences, each with the figures it states",
        "tenor": "Tenor of the point: 3M, 1Y, 10Y, ...",
        "tenor_difference_years":
            "Sci-tech priced tenor (to the put date where there is one) minus conventional, years (days / 365.25): a "
            + "pair's, or summary statistics over the pairs",
        "tenor_years": "Summary statistics of tenors from issue to final maturity, years (days / 365.25)",
        "text": "Text: a sentence, a figure as the sentence prints it (4.8 pp), or the text a filter searched for",
        "timeline": "Cumulative allocation at each report date, oldest first",
        "title": "Title: of the briefing, a chart, a risk or a finding; an evidence title's identifier",
        "to": "Where it ends: the last date of a range (YYYY-MM-DD, included), or the use a change moved money to",
        "token_id": "The id of the token that wrote; absent for writes from the command line",
        "total": "Total: the number of items matching the query, all pages together; in sector flows, the summed row",
        "total_fen": "Net amount allocated in all categories by this report date, integer fen (1 yuan = 100 fen)",
        "trend": "The indicator's trend over the window ending with the quarter; absent with too few points",
        "trend_class":
            "The trend's name: narrow and stable, wide and stable, widening, narrowing, accelerating, stable, "
            + "decelerating, rising, gradual decline or sharp decline",
        "type": "Kind of instrument: corporate_bond, enterprise_bond, mtn, commercial_paper, financial_bond or abs",
        "unallocated_age_days":
            "Calendar days from issue to as_of with part of the amount unallocated; absent when nothing is left",
        "unallocated_fen": "The bond's amount less the net amount allocated by then, integer fen (1 yuan = 100 fen)",
        "unchanged": "Good rows equal to the stored row of their key",
        "unit":
            "Unit of the value beside it: percent or %, pp, bp, CNY (yuan), USD_bn, count, years; or a series' or "
            + "report's unit as published (CNY_trn, pct, persons, ...)",
        "unmatched": "Sci-tech bonds without a comparable conventional bond",
        "uscc": "The issuer's unified social credit code (18 characters)",
        "use_of_proceeds": "What the proceeds were committed to at issuance, by project",
        "valid_at_issue": "Whether the evidence was valid on the bond's issue date",
        "value": "The number, in the unit given beside it or of its series; in a facet, the value counted",
        "value_percent": "Year-on-year growth, percent",
        "values": "Values aligned with the chart's categories, in the y axis's unit; null where there is none",
        "version": "The registry's version (in an audit entry, after the write)",
        "weekday": "Day of the week, in English",
        "weight": "Points of the 0-100 score the check adds",
        "window": "The months the trend looks back over, ending with the quarter: from and to",
        "working_capital":
            "Net amount allocated to working capital by this report date, integer fen (1 yuan = 100 fen)",
        "working_day": "Whether the market works that day",
        "working_days": "Working days: counted after from up to and including to, or added to from; negative backwards",
        "x": "Value on the x axis",
        "x_label": "The x axis's label",
        "xy": "Points on two numeric axes, for xy charts",
        "y": "Value on the y axis",
        "y_label": "The y axis's label, with its unit",
        "year": "A calendar or fiscal year; in the conditions table, the last full calendar year to its end (from, to)",
        "year_average": "The indicator's mean over the year; absent without points in it",
        "yield": "Yield in percent (3.25 is 3.25 %); absent from a quote that gave only a price",
        "yield_to_put": "Yield to the put date, redeemed at par there, percent; absent without a put after settlement",
        "yield_to_worst": "The lower of the yield to put and the yield to maturity, percent",
        "yoy_pct": "Year-on-year growth as published, percent; absent when not published",
        "z_spread_bp":
            "Z-spread: the constant shift of the CGB zero curve (Hermite fit of the CGB curve on or before the "
            + "valuation date, at most 10 days older) at which the bond's flows are worth its dirty price, basis "
            + "points; absent without that curve",
        "zero_rate":
            "Zero rate to the point's maturity on the curve's Hermite fit, percent, continuously compounded "
            + "(ACT/365F); absent when the points do not make a curve",
        "aliases": "Other names the party is published under (a.k.a., f.k.a., its Chinese name)",
        "amount_outstanding_fen": "Amount of the sci-tech bonds outstanding on the day, in fen",
        "authority": "The authority that made the measure (BIS, OFAC, MOFCOM)",
        "calendar_held":
            "Whether the working-day calendar holds every year the deadline was counted in (else weekends alone are rest days)",
        "candidates": "The parties named by measures that score at least the threshold, best first",
        "case_id": "The compliance case's key",
        "chains": "Every chain of holdings from the listed owner down to the party on the day, with its product share",
        "citation": "Where the measure is published (Federal Register 2024-28267)",
        "claims_fen": "Losses claimed in the case, in fen",
        "clocks": "The case's 30-day clocks (report, exemption decision) on the day",
        "counterparty": "The counterparty whose dealings the foreign measure restricts, if named",
        "country": "The party's country as published (ISO code or name)",
        "days_left": "Calendar days from the day asked about to the deadline; negative when it has passed",
        "direct": "Whether the measure names the party itself (else it reaches through an owner)",
        "discovered": "The day the issuer found the measure reaches it: the report clock starts",
        "due": "The deadline: the period's last day, or the next working day when that is a weekend or holiday",
        "effective_from": "The first day the measure has effect",
        "ended_on": "The first day the measure no longer has effect; absent while it has",
        "exemption_filed": "The day the case applied to MOFCOM for an exemption: the decision clock starts",
        "exposures": "Each foreign measure that reaches the issuer on the day, and how",
        "instrument": "What the measure is, as published (Entity List final rule)",
        "issuer_count": "Number of registry issuers foreign measures reach on the day",
        "jurisdiction": "The state whose measure it is (United States, Netherlands, China)",
        "last_day": "The period's last day: its event plus 30 days, before moving off a rest day",
        "legal_basis": "The rule the case stands under, with its version (MOFCOM Order No. 1 of 2021)",
        "listed_on": "The first day the measure names the party, when later than the measure's own",
        "matched_by": "How the party was recognised: uscc (its code), name (a name's key), or the similarity of names",
        "matched_name": "The published name or alias that scored best",
        "measure_id": "The measure's key",
        "measures_in_force": "Number of foreign measures in force on the day",
        "met_on": "The day the clock was met (the report's date), when recorded by the day asked about",
        "named": "Whether a measure names the issuer itself (else it is reached only through its owners)",
        "named_in_force": "Whether the measure names the party on the day and is in force then",
        "next_states": "The states the case may go to from its state",
        "notes": "Notes on the record, as written",
        "overdue": "Whether a clock of the case is past its deadline unmet",
        "overdue_count": "Number of cases with a clock overdue on the day",
        "owned_percent": "The listed owner's effective share of the party on the day, percent (summed over chains)",
        "owner": "The listed owner through which the measure reaches the party (its code or name key)",
        "ownership_percent": "For an ownership rule: the share, percent, at or above which it reaches",
        "parties": "The parties of a chain of holdings, from the owner down",
        "parties_named": "Number of parties the measure names on the day",
        "percent": "The chain's share: the product of its holdings' shares, percent",
        "removed_on": "The first day the measure no longer names the party",
        "reported": "The day the case was reported to MOFCOM",
        "rule_id": "The ownership rule that extends the listing to the party",
        "shield_section":
            "The external shield: measures that reach the registry's issuers, their bonds, and compliance cases",
        "side": "Whose measure: foreign, or chinese (a counter-measure)",
        "standing": "Where the measure stands on the day: not_yet_effective, in_force, suspended or ended",
        "started": "The event that starts the clock: the discovery, or the exemption application",
        "suspended_from": "The first day of the measure's suspension",
        "suspended_until": "The first day after the suspension; absent while it lasts",
        "target_count": "Number of named parties that match the search (the list gives at most 500)",
        "target_id": "The named party's key within its measure",
        "target_name": "The named party's name as published",
        "targets": "The named parties that match the search or measure",
        "threshold": "The least score a candidate has",
        "counter_measures":
            "Chinese measures in force that counter the measure (a prohibition order naming it), by key",
        "counts_now": "Whether the candidate counts as named while undecided (it has the issuer's name key)",
        "decided": "The decisions made, newest first",
        "decided_on": "The day of the decision",
        "decision": "confirmed (the party is the issuer) or rejected (it is not)",
        "matched_issuer_name": "The issuer's name that scored",
        "pending": "The candidates no analyst has decided, best score first",
    ]

    /// Descriptions by `Schema.member.member` path (`[]` steps into an array's items), which win over `byName`.
    static let byPath: [String: String] = [
        "Advantage.pairs": "Number of sci-tech bonds matched to a conventional bond",
        "Advantage.sci_tech": "Figures of the sci-tech bonds compared (number, tenor, coupon, issue spread)",
        "Analytics.yield":
            "Yield to maturity in percent, compounded at the bond's coupon frequency (the yield given, when the "
            + "request gave one)",
        "BondDetail.status": "Where the bond stands in its life on status_on: outstanding, matured or not_yet_issued",
        "BondPage.as_of":
            "The date statuses, remaining tenors and quote ages are measured at: the server's today (UTC), "
            + "YYYY-MM-DD",
        "BondPage.facets":
            "Counts of the bonds that pass every other filter, by value of market, regime, sector (the issuer's) and "
            + "rating; each facet an array of {value, count}",
        "BondPage.facets.market": "Bonds passing every other filter, by market (IB, SH, SZ): {value, count}",
        "BondPage.facets.rating":
            "Bonds passing every other filter, by rating, best first (ratings held only): {value, count}",
        "BondPage.facets.regime": "Sci-tech bonds passing every other filter, by regime: {value, count}",
        "BondPage.facets.sector": "Bonds passing every other filter, by their issuer's sector: {value, count}",
        "BondPage.items[].clean_price":
            "Clean price per 100 face of the latest quote, valued at its date; absent when the bond has no quote, "
            + "has matured, or the quote cannot be priced",
        "BondPage.items[].g_spread_bp":
            "G-spread of the latest quote at its date: yield minus the CGB par yield at maturity (Hermite method, "
            + "CGB curve on or before the quote date, at most 10 days older), basis points; absent when the bond has "
            + "no quote or has matured, when the quote cannot be priced, or without that curve",
        "BondPage.items[].modified_duration":
            "Modified duration at the latest quote, valued at its date, years; absent when the bond has no quote, "
            + "has matured, or the quote cannot be priced",
        "BondPage.items[].status": "Where the bond stands in its life on as_of: outstanding, matured or not_yet_issued",
        "BondPage.items[].yield":
            "Yield to maturity of the latest quote, valued at its date (a yield quoted alone, as quoted), percent; "
            + "absent when the bond has no quote, has matured, or the quote cannot be priced",
        "BondPage.items[].z_spread_bp":
            "Z-spread of the latest quote at its date over the CGB zero curve (Hermite method, CGB curve on or "
            + "before the quote date, at most 10 days older), basis points; absent when the bond has no quote or has "
            + "matured, when the quote cannot be priced, or without that curve",
        "Briefing.advantage.pairs[].conventional":
            "Code of the conventional bond matched: same rating, market, issue month and priced-tenor bucket, "
            + "nearest in issue date",
        "Briefing.advantage.pairs[].sci_tech": "Code of the sci-tech bond",
        "Briefing.advantage.sci_tech": "Figures of the sci-tech bonds compared (number, tenor, coupon, issue spread)",
        "Briefing.as_of": "Macro figures as known on this date (YYYY-MM-DD); absent for the latest vintages",
        "Briefing.sector_flows.total": "The sectors reported in both years, summed",
        "CalendarAdded.date": "The working day reached (YYYY-MM-DD)",
        "CalendarAdded.from": "The day counted from (YYYY-MM-DD)",
        "CalendarBetween.from": "The first day (YYYY-MM-DD), not counted",
        "CalendarBetween.to": "The last day (YYYY-MM-DD), counted",
        "CalendarDay.status":
            "What the day is in the market: working_day, make_up_working_day, weekend, make_up_day_closed, holiday "
            + "or closure",
        "CurveDay.points[].yield": "Par yield at the tenor, percent",
        "Error.error.status": "The HTTP status code",
        "IntegrityRanking.as_of": "Scored as at the end of this day, Beijing time (YYYY-MM-DD)",
        "IntegrityRanking.issuer_scores[].bonds": "Codes of the issuer's sci-tech bonds scored, in code order",
        "IssuerDetail.bonds": "The issuer's bonds",
        "LedgerView.as_of":
            "The ledger as at the end of this day, Beijing time: entries dated on or before it (YYYY-MM-DD)",
        "LedgerView.changes[].amount_fen": "Amount the change moved, integer fen (1 yuan = 100 fen)",
        "LedgerView.changes[].from": "The use the money left: its project, when named, and (category)",
        "LedgerView.changes[].to": "The use the money went to: its project, when named, and (category)",
        "LedgerView.evidence[].title":
            "The title's identifier: high_tech_enterprise, tech_sme, specialised_sme, little_giant, ..., other",
        "LedgerView.timeline[].allocated_fen":
            "Cumulative net allocation by category at this report date, integer fen (1 yuan = 100 fen), by category "
            + "name",
        "SeriesDetail.as_of": "Vintages as known on this date, as asked (YYYY-MM-DD); absent for the latest",
        "SeriesDetail.growth": "Year-on-year growth by period, never computed across a definition change",
        "SeriesDetail.observations[].value": "The level, in unit; absent when only growth was published",
        "CaseList.items[].authority": "The authority that made the foreign measure, if known",
        "CaseList.items[].citation": "The foreign measure as published",
        "CaseList.items[].clocks[].name": "Which clock: report (to MOFCOM) or exemption_decision",
        "CaseList.items[].clocks[].status":
            "running, overdue (from the day after the deadline), met, late, decided or stopped",
        "CaseList.items[].jurisdiction": "The foreign jurisdiction whose measure the case is about",
        "CaseList.items[].state":
            "Where the case stands: detected, assessing, report_due, reported, order_issued, no_order, exemption_requested, granted, denied, remediation, litigation or closed",
        "MeasureList.measures": "Every measure of the register, with where it stands on the day",
        "ScreenAnswer.items": "Each name of the list with its candidates",
        "MeasureList.targets[].address": "The party's addresses as published, separated by '; '",
        "PartyExposure.party": "The party's key in the register: its unified social credit code, or its name's key",
        "PartyExposure.names": "The names the register knows the party by",
        "PartyExposure.items": "One a measure and route by which it reaches the party on the day",
        "PartyExposure.named_holdings": "The parties it holds on the day, at any share, that measures in force name",
        "PartyExposure.named_holdings[].party": "The held party's key: its code, or its name's key",
        "PartyExposure.named_holdings[].names": "The names the register knows it by",
        "PartyExposure.named_holdings[].held_percent":
            "The effective share held on the day, percent (over every chain)",
        "PartyExposure.named_holdings[].items": "The measures that name it",
        "ShieldAnswer.bond_count": "Sci-tech bonds outstanding on the day from the issuers reached",
        "ShieldAnswer.issuers": "The issuers reached, by amount outstanding, largest first",
        "ShieldAnswer.issuers[].bond_count": "The issuer's sci-tech bonds outstanding on the day",
        "ShieldAnswer.issuers[].bonds": "Their codes",
    ]

    /// Descriptions of the registry's record columns by `kind.column`
    /// (`bonds.amount_cny`), with their units, for the `Record_<kind>` schemas.
    static let recordColumns: [String: String] = [
        "allocations.amount_cny":
            "Amount allocated in the period, yuan, at most two decimals; negative for a reversal, never 0",
        "allocations.bond_code": "Code of the bond, with its market suffix (.IB, .SH or .SZ)",
        "allocations.category":
            "What the money actually went to (may differ from the committed use's): rd, capacity, mna, "
            + "equity_investment, sci_tech_fund, park_infrastructure, refinancing, working_capital or other",
        "allocations.entry": "The entry's identifier, unique within the bond (2025A-01)",
        "allocations.project": "The committed use the amount draws on: a use_of_proceeds project of the bond",
        "allocations.report_date": "Date of the report that discloses it (YYYY-MM-DD), within the bond's life",
        "allocations.reverses":
            "The entry of the same bond this one reverses; required for a negative amount, absent otherwise",
        "allocations.source_filing": "The exchange's or NAFMII's filing id of the disclosure; absent when not known",
        "allocations.source_page": "Page of the disclosure, 1 to 100,000; absent when not given",
        "allocations.source_title": "Title of the disclosure",
        "allocations.source_url": "Where the source is published (URL); absent when not known",
        "bonds.amount_cny": "Amount issued, yuan, at most two decimals; more than 0",
        "bonds.approval_days": "Working days from filing to registration, 0 to 3650; absent when not known",
        "bonds.code": "Bond code: 1 to 20 letters or digits, then the market suffix .IB, .SH or .SZ",
        "bonds.coupon_rate": "Annual coupon rate, percent (3.25 is 3.25 %), 0 to 30",
        "bonds.coupon_reset_date":
            "Date the issuer may adjust the coupon (YYYY-MM-DD), after issue and before maturity; absent when none",
        "bonds.day_count":
            "Day-count convention: ACT/ACT-ICMA, ACT/365F, ACT/360, 30/360 or NL/365 (docs/bond-analytics.md)",
        "bonds.frequency": "Coupons a year: 1, 2, 4 or 12, or 0 for interest paid only at maturity",
        "bonds.issue_date": "Issue date (YYYY-MM-DD)",
        "bonds.maturity_date": "Maturity date (YYYY-MM-DD), after the issue date",
        "bonds.name": "Short name, as the market lists it",
        "bonds.put_date":
            "Investor put date (year 3 of a 3+2 bond), YYYY-MM-DD, after issue and before maturity; absent when none",
        "bonds.rating":
            "Domestic rating of the issuer or bond: AAA, AA+, ..., C, or short-term A-1, A-2, A-3; absent when unrated",
        "bonds.regime":
            "Rules a sci-tech bond was issued under: nafmii_note, exchange_2022, tech_board_2025 or "
            + "legacy_double_innovation; absent for conventional bonds",
        "bonds.sci_tech": "Whether the bond is labelled a sci-tech innovation bond: true or false",
        "bonds.type":
            "Kind of instrument: corporate_bond, enterprise_bond, mtn, commercial_paper, financial_bond or abs",
        "bonds.uscc": "The issuer's unified social credit code (18 characters)",
        "compliance_cases.authority": "The authority that made the measure (BIS); absent when not known",
        "compliance_cases.case_id": "The case's own identifier",
        "compliance_cases.citation": "The measure as published (Federal Register 2024-28267)",
        "compliance_cases.claims_cny":
            "Losses claimed, yuan, at most two decimals, 0 or more; absent when none are stated",
        "compliance_cases.counterparty": "Whose dealings the measure restricts; absent when not named",
        "compliance_cases.discovered":
            "Date the issuer found the measure reaches it (YYYY-MM-DD); the 30-day report clock starts then",
        "compliance_cases.exemption_filed":
            "Date the issuer applied for an exemption (YYYY-MM-DD), not before discovered; required in states "
            + "exemption_requested, granted and denied",
        "compliance_cases.jurisdiction": "The foreign jurisdiction whose measure it is (United States)",
        "compliance_cases.legal_basis": "The rule the case stands under, with its version (MOFCOM Order No. 1 of 2021)",
        "compliance_cases.measure_date": "Date the measure took effect (YYYY-MM-DD); absent when not known",
        "compliance_cases.notes": "Free-text notes; absent when none",
        "compliance_cases.reported":
            "Date the issuer reported to MOFCOM (YYYY-MM-DD), not before discovered; required in states reported, "
            + "order_issued, no_order, exemption_requested, granted and denied",
        "compliance_cases.revision":
            "The record's revision, from 1 (export: the stored one); optional on import, and then the current one",
        "compliance_cases.state":
            "Where the case stands: detected, assessing, report_due, reported, order_issued, no_order, "
            + "exemption_requested, granted, denied, remediation, litigation or closed (moves: docs/formats/registry.md)",
        "compliance_cases.uscc": "Unified social credit code of the issuer the measure reaches",
        "curves.curve": "The curve's name: CGB, CDB, AAA_corporate, ...",
        "curves.date": "Curve date (YYYY-MM-DD)",
        "curves.tenor": "Tenor of the point, 1D to 50Y: a number and a unit D, W, M or Y (3M, 1Y, 10Y)",
        "curves.yield": "Par yield to maturity at the tenor, percent (3.25 is 3.25 %)",
        "eligibility_evidence.certificate": "The certificate's number; absent when not published",
        "eligibility_evidence.certifying_body":
            "Who certified the title, as named (a provincial science and technology department, ...)",
        "eligibility_evidence.expires_on":
            "Last day the title is valid (YYYY-MM-DD), on or after issued_on; absent for a title without an end",
        "eligibility_evidence.issued_on": "First day the title is valid (YYYY-MM-DD)",
        "eligibility_evidence.policy_basis": "The policy the title was granted under, as cited",
        "eligibility_evidence.revision":
            "The record's revision, from 1 (export: the stored one); optional on import, and then the current one",
        "eligibility_evidence.source_title": "Title of the document that states the evidence (the prospectus, ...)",
        "eligibility_evidence.source_url": "Where the source is published (URL); absent when not known",
        "eligibility_evidence.title":
            "The title relied on: high_tech_enterprise, tech_sme, specialised_sme, little_giant, innovative_sme, "
            + "innovation_demonstration, single_champion, sci_tech_lending_list, star_or_chinext_listing, "
            + "core_patents or other",
        "eligibility_evidence.uscc": "Unified social credit code of the issuer holding the title",
        "impact_reports.bond_code": "Code of the bond, with its market suffix (.IB, .SH or .SZ)",
        "impact_reports.description":
            "What an other figure is (required for it), or a note on a named one; absent otherwise",
        "impact_reports.kpi":
            "The figure reported: rd_spending_financed, patents_filed, patents_granted, rd_staff, "
            + "financed_product_revenue or other",
        "impact_reports.period_end": "Last day of the period reported (YYYY-MM-DD)",
        "impact_reports.revision":
            "The record's revision, from 1 (export: the stored one); optional on import, and then the current one",
        "impact_reports.source_title": "Title of the report",
        "impact_reports.source_url": "Where the source is published (URL); absent when not known",
        "impact_reports.unit": "Unit of the value as reported: CNY (yuan), count, persons, ...",
        "impact_reports.value": "The figure, 0 or more, in unit (a CNY figure in yuan, not fen)",
        "measure_targets.address": "Its address as published",
        "measure_targets.aliases": "Its other names as published, separated by \"; \"",
        "measure_targets.country": "Its country as published",
        "measure_targets.listed_on": "The first day it is named, when later than the measure (YYYY-MM-DD)",
        "measure_targets.measure_id": "The measure that names the party",
        "measure_targets.name": "The party's name as published",
        "measure_targets.removed_on": "The first day it is no longer named (YYYY-MM-DD)",
        "measure_targets.revision":
            "The revision, from 1 (export: the stored one); optional on import, and then the current one",
        "measure_targets.target_id": "The party's key within its measure: a list's entry number, or its name",
        "measure_targets.uscc": "Its unified social credit code, when known (18 characters, check character verified)",
        "measures.authority": "The authority that made it: BIS, OFAC, MOFCOM, ...",
        "measures.citation": "Where it is published: Federal Register 2024-28267, a MOFCOM order number, ...",
        "measures.effective_from": "The first day it has effect (YYYY-MM-DD)",
        "measures.ended_on": "The first day it no longer has effect (YYYY-MM-DD); empty while it has",
        "measures.instrument":
            "What it is, as published: Entity List final rule, Affiliates rule, prohibition order, ...",
        "measures.jurisdiction": "The state that made it: United States, Netherlands, China, ...",
        "measures.kind":
            "entity_listing, sanctions_designation, export_control, secondary_sanction, judgment_or_order, "
            + "ownership_rule, prohibition_order, countermeasure, unreliable_entity or export_control_order",
        "measures.measure_id": "The measure's key, as the registry names it (US-BIS-2024-28267)",
        "measures.ownership_percent":
            "For an ownership rule: the share, percent, at or above which it reaches what a listed party owns (50 for BIS's Affiliates rule)",
        "measures.revision":
            "The revision, from 1 (export: the stored one); optional on import, and then the current one",
        "measures.side":
            "Whose measure: foreign (reaching Chinese parties) or chinese (against foreign measures or parties)",
        "measures.source": "Where the facts come from: a URL or a document; demo for synthetic rows",
        "measures.suspended_from": "The first day of a suspension (YYYY-MM-DD)",
        "measures.suspended_until": "The first day after the suspension (YYYY-MM-DD); empty: until further notice",
        "match_reviews.uscc": "The issuer decided about",
        "match_reviews.measure_id": "The measure that names the party",
        "match_reviews.target_id": "The named party's key within its measure",
        "match_reviews.decision": "confirmed (the party is the issuer) or rejected (it is not)",
        "match_reviews.score": "The names' score when decided, 0 to 1",
        "match_reviews.decided_on": "The day of the decision (YYYY-MM-DD)",
        "match_reviews.note": "Why, in the reviewer's words",
        "match_reviews.revision": "The record's current revision; a change names it, a stale one is refused",
        "ownership.child": "The party held: a unified social credit code, or a name",
        "ownership.child_name": "The held party's name, when child is a code",
        "ownership.held_from": "The first day the holding stands (YYYY-MM-DD)",
        "ownership.held_until": "The first day it no longer stands (YYYY-MM-DD); empty while it does",
        "ownership.parent": "The holder: a unified social credit code, or a name",
        "ownership.parent_name": "The holder's name, when parent is a code",
        "ownership.share_percent": "The share held directly, percent, more than 0 and at most 100",
        "ownership.source": "Where the fact comes from: a filing, a URL; demo for synthetic rows",
        "investments.amount_usd_bn": "Amount invested in the sector in the year, billions of US dollars, 0 or more",
        "investments.sector": "Free-text label of the technology sector (Semiconductor design & equipment)",
        "investments.source": "Where the figure comes from",
        "investments.year": "Year of the investment, 1900 to 2200",
        "issuer_financials.invention_patents":
            "Invention patents held at the fiscal year's end, 0 or more; absent when not known",
        "issuer_financials.rd_spend_cny":
            "Research and development spending in the fiscal year, yuan, at most two decimals, 0 or more",
        "issuer_financials.revenue_cny": "Revenue in the fiscal year, yuan, at most two decimals, 0 or more",
        "issuer_financials.uscc": "The issuer's unified social credit code (18 characters)",
        "issuer_financials.year": "Fiscal year, 1900 to 2200",
        "issuers.listed_code": "Equity listing code with its exchange (600745.SH); absent when not listed",
        "issuers.name": "Registered name",
        "issuers.name_en": "English name; absent when not known",
        "issuers.ownership": "Who owns the issuer: central_soe, local_soe, private, mixed or foreign",
        "issuers.province": "Province-level region, in pinyin (Jiangsu, Beijing)",
        "issuers.sector":
            "The issuer's sector: semiconductors, ai_software, advanced_manufacturing, nev_batteries, "
            + "quantum_communications, biotech_health, aerospace, new_materials, new_energy, financial, pe_vc or other",
        "issuers.uscc": "Unified social credit code: 18 characters, check character verified",
        "macro.definition": "The definition version the value belongs to (M1_2001, M1_2025)",
        "macro.period": "Period the value is for: a month (YYYY-MM) or a quarter (YYYY-Qn)",
        "macro.published":
            "Date the value was published (YYYY-MM-DD), the start of its vintage; not before the period ends",
        "macro.series": "The series' name: M0, M1, M2, TSF_stock, tech_sme_loans, ...",
        "macro.unit": "Unit of value, as published: CNY_trn, CNY_bn, pct, ...",
        "macro.value": "The level, in unit; absent when only growth was published (value or yoy_pct is given, or both)",
        "macro.yoy_pct": "Year-on-year growth as published, percent; absent when not published",
        "quotes.bond_code": "Code of the bond, with its market suffix (.IB, .SH or .SZ)",
        "quotes.clean_price": "Clean price per 100 face (without accrued interest); absent when only a yield is quoted",
        "quotes.date": "Valuation or trade date (YYYY-MM-DD), within the bond's life",
        "quotes.source": "Where the quote comes from: chinabond, cfets, trade, ...",
        "quotes.yield": "Yield to maturity, percent (3.25 is 3.25 %); absent when only a price is quoted",
        "unallocated_balances.balance_cny":
            "Unallocated balance on the report date, yuan, at most two decimals, 0 or more; the placements, when "
            + "given, add up to it",
        "unallocated_balances.bond_code": "Code of the bond, with its market suffix (.IB, .SH or .SZ)",
        "unallocated_balances.bonds_cny":
            "Part of the balance placed in bonds, yuan, at most two decimals; absent when not reported",
        "unallocated_balances.deposits_cny":
            "Part of the balance placed in bank deposits, yuan, at most two decimals; absent when not reported",
        "unallocated_balances.money_market_funds_cny":
            "Part of the balance placed in money-market funds, yuan, at most two decimals; absent when not reported",
        "unallocated_balances.other_cny":
            "Part of the balance placed otherwise, yuan, at most two decimals; absent when not reported",
        "unallocated_balances.report_date": "Date of the balance (YYYY-MM-DD), within the bond's life",
        "unallocated_balances.revision":
            "The record's revision, from 1 (export: the stored one); optional on import, and then the current one",
        "unallocated_balances.source_title": "Title of the disclosure",
        "unallocated_balances.source_url": "Where the source is published (URL); absent when not known",
        "use_changes.amount_cny": "Amount moved, yuan, at most two decimals; more than 0",
        "use_changes.bond_code": "Code of the bond, with its market suffix (.IB, .SH or .SZ)",
        "use_changes.change_date": "Date the change took effect (YYYY-MM-DD), within the bond's life",
        "use_changes.change_id": "The change's identifier, unique within the bond",
        "use_changes.from_category":
            "Category of the use the money left: rd, capacity, mna, equity_investment, sci_tech_fund, "
            + "park_infrastructure, refinancing, working_capital or other",
        "use_changes.from_project": "The committed use the money left, as disclosed; absent when not named",
        "use_changes.reason": "The reason for the change, as disclosed; absent when not given",
        "use_changes.resolution":
            "The bondholders' meeting resolution that approved the change; absent when none is named",
        "use_changes.resolution_date":
            "Date of the meeting (YYYY-MM-DD), on or before change_date; given with resolution, absent without",
        "use_changes.source_title": "Title of the announcement",
        "use_changes.source_url": "Where the source is published (URL); absent when not known",
        "use_changes.to_category":
            "Category of the use the money went to: rd, capacity, mna, equity_investment, sci_tech_fund, "
            + "park_infrastructure, refinancing, working_capital or other; the same use on both sides is refused",
        "use_changes.to_project": "The use the money went to, as disclosed; absent when not named",
        "use_of_proceeds.bond_code": "Code of the bond, with its market suffix (.IB, .SH or .SZ)",
        "use_of_proceeds.category":
            "What the use is for: rd, capacity, mna, equity_investment, sci_tech_fund, park_infrastructure, "
            + "refinancing or working_capital (never other)",
        "use_of_proceeds.planned_cny":
            "Amount planned for the project at issuance, yuan, at most two decimals; more than 0 (a bond's planned "
            + "amounts add up to at most its amount)",
        "use_of_proceeds.project": "Project name, unique within the bond",
    ]
}
