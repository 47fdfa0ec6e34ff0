import InnobondModel
import InnobondStore

/// `/audit`: the audit log, newest first, for admins.
struct AuditPage: Sendable {
    struct Row: Sendable {
        var id: String
        var at: String
        var actor: String
        var action: String
        var kind: String
        var counts: String
        var sha256: String
        var detail: String
    }

    var layout: Layout
    var kinds: [BondListPage.Option]
    var since: String
    var token: String
    var rows: [Row]
    /// The entries a page shows.
    static let pageSize = 200

    /// The link to older entries, when there are more.
    var older: String?

    init(current: RegistryState.Current, entries: [AuditEntry], filter: AuditFilter, hasMore: Bool) {
        layout = Layout("Audit log", section: nil, current: current)
        kinds =
            [BondListPage.Option(value: "", label: "any", selected: filter.kind == nil)]
            + RecordKind.allCases.map {
                BondListPage.Option(value: $0.rawValue, label: $0.rawValue, selected: $0 == filter.kind)
            }
        since = filter.since ?? ""
        token = filter.tokenID.map(String.init) ?? ""
        rows = entries.map { entry in
            Row(
                id: String(entry.id ?? 0), at: entry.at, actor: entry.actor, action: entry.action.rawValue,
                kind: entry.kind?.rawValue ?? "",
                counts: entry.action == .import
                    ? "\(entry.rowsRead) read: \(entry.inserted) new, \(entry.replaced) replaced, "
                        + "\(entry.unchanged) unchanged, \(entry.rejected) rejected" : "",
                sha256: entry.sha256.map { String($0.prefix(12)) } ?? "", detail: entry.detail ?? "")
        }
        var query = [filter.kind.map { "kind=\($0.rawValue)" }, filter.since.map { "since=\($0)" }]
        query.append(filter.tokenID.map { "token=\($0)" })
        older =
            hasMore
            ? entries.last.flatMap(\.id).map { (query.compactMap { $0 } + ["before=\($0)"]).joined(separator: "&") }
                .map { "/audit?" + $0 } : nil
    }
}
