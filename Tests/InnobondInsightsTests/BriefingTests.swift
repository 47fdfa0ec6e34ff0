import FixedIncome
import Foundation
import InnobondDemo
import InnobondInsights
import InnobondModel
import InnobondPages
import Testing

/// The briefing on the demo data reproduces the founding briefing's tables,
/// computed from the series; on empty or thin data it says what is missing.
@Suite struct BriefingTests {
    static let demo = DemoDataSet.build().snapshot
    static let march2024 = Briefing(demo, options: Briefing.Options(period: DateRange(to: Sample.date("2024-03-31"))))

    /// Without scrutiny (the overview) the briefing leaves out the integrity
    /// checks and the integrity and shield sections, and nothing else.
    @Test func withoutScrutinyOnlyTheLedgerAndShieldSectionsAreLeftOut() throws {
        let options = Briefing.Options(period: DateRange(to: Sample.date("2025-12-31")))
        var full = Briefing(Self.demo, options: options)
        let market = Briefing(Self.demo, options: options, scrutiny: false)
        #expect(!full.risks.isEmpty && !full.integritySection.takeaways.isEmpty)
        #expect(!full.shieldSection.takeaways.isEmpty)
        #expect(market.risks.isEmpty && market.integritySection.takeaways.isEmpty)
        #expect(market.shieldSection.takeaways.isEmpty && market.shieldSection.charts.isEmpty)
        full.risks = []
        full.integritySection = market.integritySection
        full.shieldSection = market.shieldSection
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(full) == encoder.encode(market))
    }

    /// The API's encoder writes keys as Foundation's snake-case strategy
    /// does (it converts each name once), dictionary keys included.
    @Test func theAPIEncoderWritesFoundationsSnakeCase() throws {
        let foundation = JSONEncoder()
        foundation.keyEncodingStrategy = .convertToSnakeCase
        foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let oddNames = ["URLValue": 1, "myURLValue": 2, "_leading": 3, "trailing_": 4, "a1B2": 5, "already_snake": 6]
        for _ in 0..<2 {
            #expect(try JSONEncoder.api.encode(Self.march2024) == foundation.encode(Self.march2024))
            #expect(try JSONEncoder.api.encode(oddNames) == foundation.encode(oddNames))
        }
    }

    @Test func theFinancingConditionsTableOfTheFoundingBriefing() throws {
        let conditions = Self.march2024.conditions
        #expect(conditions.yearLabel == "2023 average" && conditions.quarterLabel == "2024 Q1 average")
        let rows = conditions.rows.map { row in
            [
                row.indicator, row.yearAverage.map { FinancingConditions.text($0.value, kind: row.kind) } ?? "",
                row.quarterAverage.map { FinancingConditions.text($0.value, kind: row.kind) } ?? "",
                row.trend?.trendClass.rawValue ?? "",
            ]
        }
        // DOMAIN.md, "From the founding briefing".
        #expect(
            rows == [
                ["M2–M1 gap", "4.8", "4.6", "narrow and stable"],
                ["TSF growth", "9.7", "9.5", "stable"],
                ["Tech-sector loan growth", "15.2", "16.1", "accelerating"],
                ["AAA 5-year corporate yield", "3.05", "2.95", "gradual decline"],
            ])
        #expect(conditions.rows.allSatisfy { !$0.implication.isEmpty })
    }

    @Test func theSectorTableOfTheFoundingBriefing() throws {
        let flows = try #require(Self.march2024.sectorFlows)
        #expect(
            flows.rows.map { NumberText.signed($0.growth! * 100, 0) + " %" } == ["+51 %", "+11 %", "+63 %", "+66 %"])
        #expect(flows.rows.map(\.sector).first == "Semiconductor design & equipment")
    }

    @Test func theDemoBriefingOfItsLatestYear() throws {
        let briefing = Briefing(Self.demo)
        #expect(briefing.period == DateRange(from: Sample.date("2025-01-01"), to: Sample.date("2026-11-20")))
        #expect(briefing.isDemo && briefing.missing.isEmpty)
        #expect(briefing.issuance.bonds >= 1000)
        // The demo prices sci-tech coupons about 17 bp under comparable bonds.
        #expect(briefing.advantage.conclusion == .cheaper)
        let mean = try #require(briefing.advantage.couponDifferenceBp?.mean)
        #expect(mean < -5 && mean > -30)
        #expect(briefing.risks.contains { $0.id == "refinancing_and_working_capital" })
        #expect(briefing.conditions.year == .year(2025) && briefing.conditions.quarter == .quarter(2026, 3))
    }

    @Test func asOfADateTheVintagesOfThatDate() {
        // On 1 February 2025 the M1 figures under the 2025 definition were not yet published.
        let early = Briefing(
            Self.demo,
            options: Briefing.Options(period: DateRange(to: Sample.date("2024-12-31")), asOf: Sample.date("2025-02-01"))
        )
        let gap = early.conditions.rows[0]
        #expect(gap.source.contains("M1_2001") && !gap.source.contains("M1_2025"))
    }

    @Test func emptyDataSaysWhatIsMissingWithoutNaN() async throws {
        let briefing = Briefing(.empty, options: Briefing.Options(today: Sample.date("2026-11-22")))
        #expect(briefing.period == DateRange(from: Sample.date("2025-01-01"), to: Sample.date("2026-11-22")))
        #expect(briefing.issuance.bonds == 0)
        #expect(briefing.missing.contains { $0.contains("No money and credit series") })
        #expect(briefing.missing.contains { $0.contains("No sci-tech bonds") })
        #expect(briefing.conditions.rows.allSatisfy { $0.trend == nil && $0.takeaway.figures.isEmpty })
        let pages = try await Pages()
        for template in ["report.md", "report.html"] {
            let text = try pages.render(BriefingView(briefing), template: template)
            #expect(!Self.hasNonFinite(text), "\(template)")
            #expect(text.contains("What the data lacks"))
        }
        let json = String(decoding: try JSONEncoder().encode(briefing), as: UTF8.self)
        #expect(!Self.hasNonFinite(json))
    }

    /// Whether a text prints a NaN or an infinity as Swift, JSON or C would.
    static func hasNonFinite(_ text: String) -> Bool {
        text.contains(/\b(nan|NaN|inf|Infinity)\b/)
    }

    @Test func thinDataStillRenders() async throws {
        // One sci-tech bond, no conventional bond, no curve, no macro series.
        let issuer = Sample.issuer(31)
        let snapshot = Sample.snapshot(
            issuers: [issuer], bonds: [Sample.bond("102500001.IB", issuer: issuer, issued: "2025-03-01")])
        let briefing = Briefing(snapshot)
        #expect(briefing.issuance.bonds == 1 && briefing.advantage.conclusion == .tooFewPairs)
        #expect(briefing.missing.contains { $0.contains("issue spreads are not computed") })
        let html = try await Pages().render(BriefingView(briefing), template: "report.html")
        #expect(html.contains("No conventional bonds issued in the period"))
        // One bond, in the singular; its sector's issuers named as such.
        let texts = briefing.issuanceSection.takeaways.map(\.text)
        #expect(texts.contains { $0.hasPrefix("Its tenor is 3.00 years") }, "\(texts)")
        #expect(texts.contains { $0.hasPrefix("Semiconductor issuers raised the most") }, "\(texts)")
    }

    @Test func templatesEscapeWhatTheyPrint() async throws {
        let hostile = Sample.issuer(32, name: "<script>alert(1)</script> | *bold* &amp; R&D")
        let snapshot = Sample.snapshot(
            issuers: [hostile], bonds: [Sample.bond("102500001.IB", issuer: hostile, issued: "2025-03-01")])
        let view = BriefingView(Briefing(snapshot))
        let pages = try await Pages()
        let html = try pages.render(view, template: "report.html")
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let markdown = try pages.render(view, template: "report.md")
        #expect(!markdown.contains("<script>") && markdown.contains("&lt;script&gt;"))
        #expect(markdown.contains("\\| \\*bold\\*"))
        // An entity in the data shows as typed; a lone & stays readable.
        #expect(markdown.contains("&amp;amp; R&D"))
    }

    @Test func htmlEscapesEveryByteThatCouldStartMarkup() async throws {
        // A combining mark joins "<" into one character, which an escaping
        // by characters passes over.
        let hostile = Sample.issuer(33, name: "<\u{338}b title='x'>\"q\" & R&D 科创")
        let snapshot = Sample.snapshot(
            issuers: [hostile], bonds: [Sample.bond("102500001.IB", issuer: hostile, issued: "2025-03-01")])
        let html = try await Pages().render(BriefingView(Briefing(snapshot)), template: "report.html")
        #expect(html.contains("&lt;\u{338}b title=&#39;x&#39;&gt;&quot;q&quot; &amp; R&amp;D 科创"))
        #expect(!html.contains("<\u{338}b"))
    }

    /// An optional's kind is its type's, whatever value it held first: a
    /// string that is there, then missing, then there again.
    @Test func anOptionalStringRendersWhetherItHoldsOneOrNot() async throws {
        struct Line {
            var text: String?
            var hasFigures = false
        }
        let pages = try await Pages()
        let rendered = try ["a <b>", nil, "c"].map { try pages.render(Line(text: $0), template: "takeaway-html") }
        #expect(rendered == ["<li>a &lt;b&gt;</li>\n", "<li></li>\n", "<li>c</li>\n"])
    }

    /// Partials and layouts start with their own content type (the engine
    /// gives each partial its default HTML escaping otherwise); pages that
    /// extend the layout are rendered in the layout's.
    @Test func everyHTMLTemplateChoosesByteWiseEscaping() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/InnobondPages/Templates").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".mustache")
        }
        #expect(names.count > 20)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let markup = text.replacingOccurrences(of: "{{% CONTENT_TYPE: HTML_BYTES}}", with: "")
            guard !text.hasPrefix("{{<"), !text.contains("CONTENT_TYPE: MARKDOWN"), markup.contains("{{") else {
                continue
            }
            #expect(text.hasPrefix("{{% CONTENT_TYPE: HTML_BYTES}}\n"), "\(name)")
        }
    }
}
