/// Reads Mustache text into a ``Template``, with the spec's rules for tags
/// alone on their lines (the line disappears, and a partial's indentation
/// applies to each of its lines) and template inheritance (`{{< parent}}`
/// with `{{$block}}` overrides). Set delimiters, dynamic partials and
/// transforms are not supported and are errors. A template may end in a
/// lone `{`, printed as such (swift-mustache rejects it).
struct TemplateParser {
    private let characters: [Character]
    private var position = 0

    /// Where the parser is: in a section, at the start of a line, in the
    /// body of `{{< parent}}`.
    private struct State {
        /// The section, block or parent whose closing tag ends this part.
        var section: String?
        /// Only spaces and tabs so far on this line.
        var atLineStart = true
        /// Inside the body of `{{< parent}}`, where blocks are overrides.
        var inParentBody = false
        /// Directly in that body, not in one of its blocks.
        var atParentBodyTop = false
        /// How many leading spaces and tabs the first line of an override
        /// had; they are taken off each of its lines.
        var overrideIndent: Int?

        func entering(_ name: String, atLineStart: Bool) -> State {
            var state = self
            state.section = name
            state.atParentBodyTop = false
            if !atLineStart { state.atLineStart = false }
            return state
        }

        func enteringParent(_ name: String) -> State {
            var state = self
            state.section = name
            state.atLineStart = true
            state.inParentBody = true
            state.atParentBodyTop = true
            return state
        }
    }

    /// `text` as a template, or an error naming the line and column where
    /// reading it failed.
    static func parse(_ text: String) throws(TemplateSyntaxError) -> Template {
        var parser = TemplateParser(characters: Array(text))
        do {
            return try parser.parse(State())
        } catch let reason {
            let (line, column) = parser.lineAndColumn()
            throw TemplateSyntaxError(line: line, column: column, reason: reason)
        }
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError.Reason) -> Template {
        var nodes: [Template.Node] = []
        var state = initial
        var whiteSpaceBefore = ""
        /// Writes the white space read before a tag as text.
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(.text(whiteSpaceBefore))
                whiteSpaceBefore = ""
            }
        }
        while !atEnd {
            if state.atLineStart {
                let whiteSpace = read { $0 == " " || $0 == "\t" }
                if state.inParentBody, !state.atParentBodyTop {
                    if let indent = state.overrideIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent))
                    } else {
                        state.overrideIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readUntilTagOrNewline()
            if current.isNewline {
                nodes.append(.text(whiteSpaceBefore + text + String(current)))
                state.atLineStart = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.atLineStart = false
            }
            if atEnd { break }
            var standalone = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName()
                if isStandalone(state) { standalone = true } else { flushWhiteSpace() }
                let body = try parse(state.entering(name, atLineStart: standalone))
                nodes.append(.section(Name(name), body, inverted: inverted))
            case "/":
                position += 1
                let start = position
                let name = try readName()
                guard name == state.section else {
                    position = start
                    throw .closesTheWrongSection(name, expected: state.section)
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return Template(nodes: nodes)
            case "!":
                position += 1
                try skipComment()
                standalone = isStandalone(state)
            case "{", "&":
                let braces = current == "{"
                flushWhiteSpace()
                position += 1
                let name = try readName()
                if braces, !read("}") { throw .unfinishedTag }
                nodes.append(.variable(Name(name), escaped: false))
            case ">":
                position += 1
                let name = try readPartialName()
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                if isStandalone(state) {
                    standalone = true
                    nodes.append(.partial(name, indentation: whiteSpaceBefore, overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = ""
            case "<":
                position += 1
                let name = try readPartialName()
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                standalone = isStandalone(state)
                let body = try parse(state.enteringParent(name))
                var overrides: [String: Template] = [:]
                for node in body.nodes {
                    switch node {
                    case .override(let block, let template): overrides[block] = template
                    case .text: break
                    default: throw .tagInParentBody(name)
                    }
                }
                nodes.append(.partial(name, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = ""
            case "$":
                position += 1
                let name = try readName()
                if state.atParentBodyTop {
                    standalone = isStandalone(state)
                    nodes.append(.override(name, try parse(state.entering(name, atLineStart: standalone))))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                    standalone = isStandalone(state)
                    let body = try parse(state.entering(name, atLineStart: standalone))
                    nodes.append(.block(name, default: body, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
            case "%":
                position += 1
                nodes.append(.contentType(try readPragma()))
                standalone = isStandalone(state)
            case "=":
                throw .unsupported("set delimiters")
            default:
                flushWhiteSpace()
                nodes.append(.variable(Name(try readName()), escaped: true))
            }
            state.atLineStart = standalone
        }
        if let section = state.section { throw .unclosedSection(section) }
        return Template(nodes: nodes)
    }

    // MARK: Reading

    private var atEnd: Bool { position == characters.endIndex }

    /// The character at the position; NUL at the end.
    private var current: Character { atEnd ? "\0" : characters[position] }

    private mutating func read(while belongs: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, belongs(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    /// Reads `text` if it comes next.
    private mutating func read(_ text: String) -> Bool {
        let expected = Array(text)
        guard characters[position...].starts(with: expected) else { return false }
        position += expected.count
        return true
    }

    /// Text up to a line's end (not read) or an opening `{{` (read).
    private mutating func readUntilTagOrNewline() -> String {
        var text = ""
        while !atEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if current.isNewline { break }
            if read("{{") { break }
            if !atEnd {
                text.append(current)
                position += 1
            }
        }
        return text
    }

    /// A tag's name and its closing `}}`.
    private mutating func readName() throws(TemplateSyntaxError.Reason) -> String {
        _ = read(while: \.isWhitespace)
        let name = read { Self.nameCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        guard read("}}") else { throw .unfinishedTag }
        if name.contains("(") || name.contains(")") { throw .unsupported("transforms") }
        return name
    }

    /// A partial's name and its closing `}}`.
    private mutating func readPartialName() throws(TemplateSyntaxError.Reason) -> String {
        _ = read(while: \.isWhitespace)
        if current == "*" { throw .unsupported("dynamic partials") }
        let name = read { Self.nameCharacters.contains($0) || $0 == "/" }
        _ = read(while: \.isWhitespace)
        guard read("}}") else { throw .unfinishedTag }
        return name
    }

    private mutating func skipComment() throws(TemplateSyntaxError.Reason) {
        while !atEnd {
            if read("}}") { return }
            position += 1
        }
        throw .unfinishedTag
    }

    /// `CONTENT_TYPE: NAME}}`.
    private mutating func readPragma() throws(TemplateSyntaxError.Reason) -> ContentType {
        let word: (Character) -> Bool = { Self.nameCharacters.contains($0) && $0 != "(" && $0 != ")" }
        _ = read(while: \.isWhitespace)
        let variable = read(while: word)
        _ = read(while: \.isWhitespace)
        guard read(":") else { throw .badPragma }
        _ = read(while: \.isWhitespace)
        let value = read(while: word)
        _ = read(while: \.isWhitespace)
        guard read("}}"), !variable.isEmpty, !value.isEmpty else { throw .badPragma }
        guard variable == "CONTENT_TYPE" else { throw .unknownPragma(variable) }
        guard let type = ContentType(named: value) else { throw .unknownContentType(value) }
        return type
    }

    /// Whether the tag just read is alone on its line; if so, the rest of
    /// the line (spaces, tabs, its line break) is read.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.atLineStart else { return false }
        if atEnd { return true }
        var end = position
        while end < characters.endIndex, characters[end] == " " || characters[end] == "\t" { end += 1 }
        guard end < characters.endIndex, characters[end].isNewline else { return false }
        position = end + 1
        return true
    }

    /// The 1-based line and column of the position.
    private func lineAndColumn() -> (Int, Int) {
        var line = 1
        var column = 1
        for character in characters[..<min(position, characters.endIndex)] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    private static let nameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
}

/// Why a template could not be read, and where.
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Error, Sendable, CustomStringConvertible {
        case unfinishedTag
        case closesTheWrongSection(String, expected: String?)
        case unclosedSection(String)
        case tagInParentBody(String)
        case badPragma
        case unknownPragma(String)
        case unknownContentType(String)
        case unsupported(String)

        public var description: String {
            switch self {
            case .unfinishedTag: "a tag is not closed with }}"
            case .closesTheWrongSection(let name, let expected?): "{{/\(name)}} closes \(expected)"
            case .closesTheWrongSection(let name, nil): "{{/\(name)}} closes no section"
            case .unclosedSection(let name): "{{/\(name)}} is missing"
            case .tagInParentBody(let name): "only {{$block}} overrides may stand in {{<\(name)}}"
            case .badPragma: "a pragma is written {{% NAME: VALUE}}"
            case .unknownPragma(let name): "no pragma named \(name)"
            case .unknownContentType(let name): "no content type named \(name)"
            case .unsupported(let feature): "\(feature) are not supported"
            }
        }
    }

    /// 1-based.
    public var line: Int
    public var column: Int
    public var reason: Reason

    public var description: String { "line \(line), column \(column): \(reason)" }
}
