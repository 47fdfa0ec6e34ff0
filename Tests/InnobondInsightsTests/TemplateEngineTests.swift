import Foundation
import InnobondInsights
import Mustache
import Testing

@testable import InnobondDemo
@testable import InnobondPages

/// The template engine against swift-mustache, the engine the templates were
/// written for and whose output the pages keep byte for byte: the shipped
/// briefings, then thousands of random templates (sections, inverted
/// sections, partials alone on their lines and inline, inheritance with
/// block overrides, content-type pragmas, comments, odd white space) over
/// values of every kind a view holds.
@Suite struct TemplateEngineTests {
    /// The shipped templates, as swift-mustache reads them.
    static let folder = URL(filePath: #filePath).deletingLastPathComponent()
        .appending(path: "../../Sources/InnobondPages/Templates").standardized

    /// swift-mustache with the content types the templates name.
    static func registerContentTypes() {
        MustacheContentTypes.register(Escaping(type: .htmlBytes), named: "HTML_BYTES")
        MustacheContentTypes.register(Escaping(type: .markdown), named: "MARKDOWN")
    }

    @Test func theBriefingsRenderAsSwiftMustacheRendersThem() async throws {
        Self.registerContentTypes()
        let library = try await MustacheLibrary(directory: Self.folder.path)
        let pages = try await Pages()
        let briefings = [Briefing(BriefingTests.demo), BriefingTests.march2024, Briefing(.empty)]
        for briefing in briefings {
            for template in ["report.html", "report.md"] {
                let expected = try #require(library.render(BriefingView(briefing), withTemplate: template))
                #expect(try pages.render(BriefingView(briefing), template: template) == expected, "\(template)")
            }
        }
    }

    @Test func randomTemplatesRenderAsSwiftMustacheRendersThem() throws {
        Self.registerContentTypes()
        var random = DemoRandom(seed: 20_261_207)
        var compared = 0
        for round in 0..<3000 {
            var generator = TemplateGenerator(random: random)
            let texts = [
                "main": generator.template(depth: 3, partials: true),
                "part": generator.template(depth: 2, partials: false),
                "parent": generator.template(depth: 2, partials: false, blocks: true),
            ]
            random = generator.random
            let theirs = try? MustacheLibrary(templates: texts.mapValues { try MustacheTemplate(string: $0) })
            let ours = try? Pages(templates: texts)
            #expect((theirs == nil) == (ours == nil), "round \(round): \(texts)")
            guard let theirs, let ours else { continue }
            let view = generator.view()
            random = generator.random
            let expected = theirs.render(view, withTemplate: "main")
            let rendered = try ours.render(view, template: "main")
            #expect(rendered == expected, "round \(round): \(texts)")
            compared += 1
        }
        // Most random templates are well formed.
        #expect(compared > 1500)
    }

    /// Structs reached through existentials (in an array of `any`, an
    /// optional `any`, a property of `any` type), larger than an
    /// existential holds inline, render as swift-mustache renders them,
    /// before and after the struct's own views laid it out.
    @Test func structsInExistentialsRenderAsSwiftMustacheRendersThem() throws {
        let texts = [
            "main": "{{#cards}}[{{a}}|{{b}}|{{c}}]{{/cards}} {{#one}}<{{a}}>{{/one}} {{#maybe}}({{c}}){{/maybe}}"
        ]
        let theirs = try MustacheLibrary(templates: texts.mapValues { try MustacheTemplate(string: $0) })
        let ours = try Pages(templates: texts)
        let card = Card(a: "1", b: "<2>", c: "3")
        let other = Card(a: "x", b: "y", c: "z")
        let views: [Any] = [
            Deck(cards: [card, other], one: other, maybe: card), Deck(cards: [], one: card, maybe: nil),
            PlainDeck(cards: [card, other], one: other, maybe: card),
            Deck(cards: [other, card], one: card, maybe: other),
        ]
        for (index, view) in views.enumerated() {
            #expect(
                try ours.render(view, template: "main") == theirs.render(view, withTemplate: "main"), "view \(index)")
        }
    }

    @Test func aTemplateErrorNamesItsLineAndColumn() throws {
        #expect(throws: PagesError.self) { try Pages(templates: ["a": "one\n{{#x}}two\n{{/y}}"]) }
        do {
            _ = try Pages(templates: ["a": "one\n{{#x}}two\n{{/y}}"])
        } catch let error as PagesError {
            #expect(error.description == "template a, line 3, column 4: {{/y}} closes x")
        }
        #expect(throws: PagesError.self) { try Pages(templates: ["a": "{{#x}}"]) }
        #expect(throws: PagesError.self) { try Pages(templates: ["a": "{{% CONTENT_TYPE: XML}}"]) }
        #expect(throws: PagesError.self) { try Pages(templates: ["a": "{{=<% %>=}}"]) }
    }
}

/// One of the engine's content types, for swift-mustache.
private struct Escaping: MustacheContentType {
    let type: ContentType
    func escapeText(_ text: String) -> String { type.escape(text) }
}

/// Values of the kinds views hold: strings (with characters to escape and a
/// `<` joined by a combining mark), truth values, numbers, optionals (of
/// strings and of structs), arrays of structs, of strings and of numbers,
/// nested structs.
private struct Row {
    var name: String
    var on: Bool
    var count: Int
    var note: String?
    var tags: [String]
}

private struct Root {
    var title: String
    var on: Bool
    var off: Bool
    var rows: [Row]
    var none: [Row]
    var missing: String?
    var ratio: Double
    var first: Row
    var name: String?
    var maybe: Row?
    var numbers: [Int]
}

private protocol CardLike {}

/// Three strings: larger than an existential holds inline.
private struct Card: CardLike {
    var a: String
    var b: String
    var c: String
}

private struct Deck {
    var cards: [any CardLike]
    var one: any CardLike
    var maybe: (any CardLike)?
}

private struct PlainDeck {
    var cards: [Card]
    var one: Card
    var maybe: Card?
}

/// Random templates from the parts Mustache has, and random views.
private struct TemplateGenerator {
    var random: DemoRandom

    static let names = [
        "title", "on", "off", "rows", "none", "missing", "ratio", "first", "first.name", "first.tags", "name",
        "count", "note", "tags", ".", ".name", ".on", "unknown", "rows.name", "maybe", "maybe.name", "numbers",
    ]
    /// Names of values a template prints. swift-mustache prints a list or
    /// a struct as Swift describes it, and this engine prints nothing: no
    /// template prints one.
    static let printed = [
        "title", "on", "off", "missing", "ratio", "first.name", "name", "count", "note", ".name", ".on", "unknown",
        "rows.name", "maybe.name",
    ]
    static let texts = [
        "a", "b c", " ", "  ", "\t", "\n", "\n", "\n", "  \n", "\r\n", "<p>", "&", "{", "}", "é", "x\n  ",
    ]
    static let strings = ["", "plain", "<b>&\"'", "a<\u{0301}b", "line\nbreak", "*md* [x](y) #", "中文"]
    static let contentTypes = ["HTML", "HTML_BYTES", "MARKDOWN", "TEXT"]

    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    /// `{{name}}` with white space inside the braces now and then.
    mutating func tag(_ sigil: String, _ name: String) -> String {
        chance(20) ? "{{\(sigil) \(name) }}" : "{{\(sigil)\(name)}}"
    }

    /// A template, ending in a full stop: swift-mustache rejects a template
    /// that ends in a lone `{`, which this engine prints.
    mutating func template(depth: Int, partials: Bool, blocks: Bool = false) -> String {
        body(depth: depth, partials: partials, blocks: blocks) + "."
    }

    mutating func body(depth: Int, partials: Bool, blocks: Bool = false) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            text += part(depth: depth, partials: partials, blocks: blocks)
        }
        return text
    }

    mutating func part(depth: Int, partials: Bool, blocks: Bool) -> String {
        let name = pick(Self.names)
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<30:
            return pick(Self.texts)
        case 30..<43:
            return tag("", pick(Self.printed))
        case 43..<45:
            return "{{#first.tags}}{{.}}, {{/first.tags}}"
        case 45..<50:
            let name = pick(Self.printed)
            return chance(50) ? "{{{\(name)}}}" : tag("&", name)
        case 50..<65 where depth > 0:
            let sigil = chance(70) ? "#" : "^"
            let close = chance(3) ? "other" : name
            let newline = chance(50) ? "\n" : ""
            return tag(sigil, name) + newline + body(depth: depth - 1, partials: partials, blocks: blocks)
                + newline + (chance(50) ? "  " : "") + tag("/", close)
        case 65..<70:
            return "{{! a comment }}"
        case 70..<78 where partials:
            let indent = chance(50) ? "  " : ""
            return "\n" + indent + tag(">", "part") + (chance(70) ? "\n" : "")
        case 78..<84 where partials:
            let indent = chance(50) ? " " : ""
            var overrides = ""
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let block = pick(["b", "c"])
                let line = chance(50) ? "\n" : ""
                overrides +=
                    line + (chance(30) ? "  " : "") + tag("$", block) + line
                    + body(depth: 1, partials: false) + line + tag("/", block)
            }
            if chance(5) { overrides += tag("", "title") }
            return "\n" + indent + tag("<", "parent") + (chance(50) ? "\n" : "") + overrides + "\n"
                + tag("/", "parent")
        case 84..<92 where blocks:
            let block = pick(["b", "c"])
            let line = chance(50) ? "\n" : ""
            return line + tag("$", block) + line + body(depth: max(depth - 1, 0), partials: false) + line
                + tag("/", block)
        case 92..<97:
            return "{{% CONTENT_TYPE: \(pick(Self.contentTypes))}}" + (chance(50) ? "\n" : "")
        default:
            return pick(Self.texts)
        }
    }

    mutating func row() -> Row {
        Row(
            name: pick(Self.strings), on: chance(50), count: Int.random(in: -2...1000, using: &random),
            note: chance(50) ? pick(Self.strings) : nil,
            tags: (0..<Int.random(in: 0...2, using: &random)).map { "t\($0)" })
    }

    mutating func view() -> Any {
        Root(
            title: pick(Self.strings), on: true, off: false,
            rows: (0..<Int.random(in: 0...3, using: &random)).map { _ in row() }, none: [],
            missing: nil, ratio: pick([0.1, 2.5, -3.0, 1e21]), first: row(), name: chance(50) ? "root" : nil,
            maybe: chance(50) ? row() : nil, numbers: (0..<Int.random(in: 0...3, using: &random)).map { $0 * 7 })
    }
}
