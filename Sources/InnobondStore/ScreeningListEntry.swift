import FixedIncome
import Foundation
import InnobondIO
import InnobondModel

/// One party of the US Consolidated Screening List as published, in its JSON
/// form (`{"results": [...]}`) or its CSV form (29 columns, `_id` first),
/// docs/formats/screening-lists.md. Every member is optional but `source`
/// and `name`; an empty string counts as absent.
public struct ScreeningListEntry: Sendable, Hashable {
    /// The line where the entry starts in its file.
    public var line: Int
    /// The list's id of the entry (stable only for Treasury lists).
    public var id: String?
    /// The list: `Entity List (EL) - Bureau of Industry and Security`.
    public var source: String
    /// OFAC's number of the entry.
    public var entityNumber: String?
    public var name: String
    public var altNames: [String]
    /// Each address as one text: street, city, state, postal code, country.
    public var addresses: [String]
    /// The country of the first address (or of the entry), as published.
    public var country: String?
    public var startDate: String?
    public var endDate: String?
    public var federalRegisterNotice: String?
    public var sourceListURL: String?
    /// Identifiers as `type: number` (`Unified Social Credit Code (USCC): 9144...`).
    public var ids: [(type: String, number: String)]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        (lhs.line, lhs.id, lhs.source, lhs.name) == (rhs.line, rhs.id, rhs.source, rhs.name)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(id)
        hasher.combine(source)
        hasher.combine(name)
    }

    /// The unified social credit code among its identifiers, when one is valid.
    public var uscc: USCC? {
        ids.lazy.filter { $0.type.localizedCaseInsensitiveContains("Unified Social Credit Code") }
            .compactMap { try? USCC($0.number) }.first
    }
}

extension ScreeningListEntry {
    /// The entries of a file: JSON when its first byte is `{` or `[`, else
    /// CSV, read as a stream.
    ///
    /// - Throws: ``StoreError/unusableFile(_:)`` for a file that cannot be read
    ///   as either form (a syntax error, a header without `source` and `name`).
    public static func read(_ input: any ByteInput, format: ImportSource.Format) throws(StoreError) -> [Self] {
        switch format {
        case .json: return try readJSON(input)
        case .csv: return try readCSV(input)
        }
    }

    static func readJSON(_ input: any ByteInput) throws(StoreError) -> [Self] {
        let stream = JSONObjectStream(input: input)
        var entries: [Self] = []
        do {
            while let object = try stream.next() {
                guard let members = try? JSONSerialization.jsonObject(with: Data(object.bytes)) as? [String: Any]
                else {
                    throw StoreError.unusableFile([
                        LineIssue(
                            line: object.line, column: "entry", reason: "the entry that starts here is not valid JSON")
                    ])
                }
                entries.append(Self(line: object.line, json: members))
            }
        } catch let error as JSONRecordReader.SyntaxError {
            throw .unusableFile([LineIssue(line: error.line, column: "file", reason: error.message)])
        } catch let error as StoreError {
            throw error
        } catch {
            throw .unusableFile([LineIssue(line: stream.line, column: "file", reason: "\(error)")])
        }
        return entries
    }

    init(line: Int, json: [String: Any]) {
        func text(_ name: String) -> String? {
            switch json[name] {
            case let value as String:
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty ? nil : trimmed
            case let value as NSNumber: return value.stringValue
            default: return nil
            }
        }
        func texts(_ name: String) -> [String] {
            ((json[name] as? [Any]) ?? []).compactMap { ($0 as? String)?.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        let addressObjects = (json["addresses"] as? [[String: Any]]) ?? []
        let parts = ["address", "city", "state", "postal_code", "country"]
        self.init(
            line: line, id: text("id") ?? text("_id"), source: text("source") ?? "",
            entityNumber: text("entity_number"),
            name: text("name") ?? "", altNames: texts("alt_names"),
            addresses: addressObjects.map { address in
                parts.compactMap { (address[$0] as? String)?.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }.joined(separator: ", ")
            }.filter { !$0.isEmpty },
            country: addressObjects.lazy.compactMap { ($0["country"] as? String).flatMap { $0.isEmpty ? nil : $0 } }
                .first ?? text("country"),
            startDate: text("start_date"), endDate: text("end_date"),
            federalRegisterNotice: text("federal_register_notice"), sourceListURL: text("source_list_url"),
            ids: ((json["ids"] as? [[String: Any]]) ?? []).compactMap { item in
                guard let type = item["type"] as? String, let number = item["number"] as? String else { return nil }
                return (type, number)
            })
    }

    static func readCSV(_ input: any ByteInput) throws(StoreError) -> [Self] {
        let reader = CSVChunkReader(input: input)
        let parser = CSVRecordParser()
        var columns: [String: Int]?
        var entries: [Self] = []
        do {
            while let chunk = try reader.next() {
                try chunk.bytes.withUnsafeBufferPointer { (buffer) throws(StoreError) in
                    var offset = chunk.start
                    var line = chunk.firstLine
                    while offset < buffer.count, let extent = parser.parse(buffer, from: offset, isFinal: true) {
                        defer {
                            line += max(1, extent.lineFeeds)
                            offset = extent.end
                        }
                        guard !parser.isBlank else { continue }
                        let fields = (0..<parser.fieldCount).map(parser.string)
                        guard let names = columns else {
                            let header = Dictionary(
                                fields.enumerated().map { ($1.trimmingCharacters(in: .whitespaces), $0) },
                                uniquingKeysWith: { first, _ in first })
                            guard header["source"] != nil, header["name"] != nil else {
                                throw .unusableFile([
                                    LineIssue(
                                        line: line, column: "header",
                                        reason: "a screening list's CSV header names source and name columns")
                                ])
                            }
                            columns = header
                            continue
                        }
                        entries.append(Self(line: line, csv: fields, columns: names))
                        if extent.end <= offset { break }
                    }
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .unusableFile([LineIssue(line: 1, column: "file", reason: "\(error)")])
        }
        return entries
    }

    init(line: Int, csv fields: [String], columns: [String: Int]) {
        func text(_ name: String) -> String? {
            guard let index = columns[name], fields.indices.contains(index) else { return nil }
            let value = fields[index].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        func items(_ name: String) -> [String] {
            (text(name) ?? "").components(separatedBy: "; ").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        // The Military End-User list's CSV writes the country twice
        // (`..., China, CN`) where its JSON has the code alone: keep the code.
        let addresses = items("addresses").map { address in
            address.hasSuffix(", China, CN") ? String(address.dropLast(", China, CN".count)) + ", CN" : address
        }
        self.init(
            line: line, id: text("_id") ?? text("id"), source: text("source") ?? "",
            entityNumber: text("entity_number"), name: text("name") ?? "", altNames: items("alt_names"),
            addresses: addresses,
            country: addresses.first.flatMap { $0.components(separatedBy: ", ").last }.flatMap {
                $0.count == 2 ? $0 : nil
            },
            startDate: text("start_date"), endDate: text("end_date"),
            federalRegisterNotice: text("federal_register_notice"), sourceListURL: text("source_list_url"),
            ids: items("ids").compactMap { item in
                let parts = item.components(separatedBy: ", ")
                return parts.count >= 2 ? (parts[0], parts[1]) : nil
            })
    }
}
