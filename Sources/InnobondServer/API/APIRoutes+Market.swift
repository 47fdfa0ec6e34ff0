import FixedIncome
import Hummingbird
import InnobondInsights
import InnobondModel

extension APIRoutes {
    static let market: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/curves", summary: "The curves of the registry and the dates they cover",
            tag: "market", schema: "CurveList"
        ) { request, _, state in
            try await Rendering.cached(request, state, reads: [.curves]) { current in
                try Rendering.entry(
                    json: APIModels.Items(
                        items: current.curves.names.map { name in
                            let days = current.curves.days[name]!
                            return APIModels.CurveItem(
                                curve: name, firstDate: days.first!.date, lastDate: days.last!.date, days: days.count)
                        }))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/curves/:curve",
            summary: "A curve's par yields on a date, with the zero rates and discount factors of its Hermite fit",
            tag: "market",
            parameters: [.init(name: "date", kind: .date, description: "The date (default: the latest)")],
            errors: [400: "A parameter is not valid", 404: "No such curve or no points on or before the date"],
            schema: "CurveDay"
        ) { request, context, state in
            let name = context.parameters.decoded("curve") ?? ""
            let date = try Query(request).date("date")
            return try await Rendering.cached(request, state, reads: [.curves]) { current in
                guard let days = current.curves.days[name] else {
                    throw APIError.notFound("curve \(name)", field: "curve")
                }
                var library = current.curves
                library.maximumAgeDays = Int.max
                guard let day = date.flatMap({ library.day(name, on: $0) }) ?? (date == nil ? days.last : nil) else {
                    throw APIError(.notFound, "curve \(name) has no points on or before \(date!)", field: "date")
                }
                let curve = library.curve(day)
                return try Rendering.entry(
                    json: APIModels.CurveDay(
                        curve: name, date: day.date, method: "hermite",
                        points: day.points.map { point in
                            let maturity = point.tenor.advance(day.date)
                            return APIModels.CurvePointItem(
                                tenor: point.tenor.description, maturity: maturity, yield: point.yieldPercent,
                                zeroRate: curve.flatMap { curve in maturity.map { curve.zeroRate(at: $0) * 100 } },
                                discountFactor: curve.flatMap { curve in maturity.map { curve.discountFactor(at: $0) } }
                            )
                        }))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/macro", summary: "The money and credit series and their definitions",
            tag: "market", schema: "SeriesList"
        ) { request, _, state in
            try await Rendering.cached(request, state, reads: [.macro]) { current in
                try Rendering.entry(
                    json: APIModels.Items(
                        items: current.monitor.seriesNames.map {
                            APIModels.SeriesItem(series: $0, definitions: current.monitor.definitions(of: $0))
                        }))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/macro/:series",
            summary: "A series as known on a date: growth (never across a definition change) and observations",
            tag: "market",
            parameters: [.init(name: "as_of", kind: .date, description: "Vintages as known on this date")],
            errors: [400: "A parameter is not valid", 404: "No such series"], schema: "SeriesDetail"
        ) { request, context, state in
            let name = context.parameters.decoded("series") ?? ""
            let asOf = try Query(request).date("as_of")
            return try await Rendering.cached(request, state, reads: [.macro]) { current in
                guard current.monitor.observations[name] != nil else {
                    throw APIError.notFound("series \(name)", field: "series")
                }
                let monitor = asOf.map { MacroMonitor(current.snapshot.macro, asOf: $0) } ?? current.monitor
                return try Rendering.entry(
                    json: APIModels.SeriesDetail(
                        series: name, asOf: asOf, definitions: monitor.definitions(of: name),
                        growth: monitor.growth(name),
                        observations: (monitor.observations[name] ?? []).map {
                            APIModels.ObservationItem(
                                period: $0.period.description, value: $0.value, yoyPct: $0.yoyPercent, unit: $0.unit,
                                definition: $0.definition, published: $0.published)
                        }))
            }
        },
    ]
}
