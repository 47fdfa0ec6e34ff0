import FixedIncome
import Hummingbird
import InnobondModel

extension APIRoutes {
    /// The market whose working days are asked for.
    static let calendarMarket = APIRoute.Parameter(
        name: "market", kind: .string,
        description: "national (the State Council's working days, make-up days included; the default), exchange "
            + "(never a weekend) or interbank",
        values: WorkingDayCalendar.Market.allCases.map(\.rawValue))

    static let calendar: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/calendar/day",
            summary: "What a day is in China's working-day calendar: working day, weekend, holiday or make-up day",
            tag: "calendar",
            parameters: [
                .init(name: "date", kind: .date, description: "The day", required: true), calendarMarket,
            ], errors: [400: "A parameter is not valid, or the calendar holds no notice for the year"],
            schema: "CalendarDay"
        ) { request, _, state in
            let query = Query(request)
            let calendar = try state.calendar(query)
            let date = try required(query.date("date"), "date")
            let day = try compute("date") { () throws(CalendarError) in try calendar.day(date) }
            return Rendering.response(try Rendering.entry(json: CalendarAnswer.Day(day, market: calendar.market)))
        },
        APIRoute(
            method: .get, path: "/api/v1/calendar/between",
            summary: "Working days after from up to and including to, as a clock counts them (negative backwards)",
            tag: "calendar",
            parameters: [
                .init(name: "from", kind: .date, description: "The first day (not counted)", required: true),
                .init(name: "to", kind: .date, description: "The last day (counted)", required: true), calendarMarket,
            ], errors: [400: "A parameter is not valid, or the calendar holds no notice for a year"],
            schema: "CalendarBetween"
        ) { request, _, state in
            let query = Query(request)
            let calendar = try state.calendar(query)
            let from = try required(query.date("from"), "from")
            let to = try required(query.date("to"), "to")
            let count = try compute("to") { () throws(CalendarError) in try calendar.workingDays(from: from, to: to) }
            return Rendering.response(
                try Rendering.entry(
                    json: CalendarAnswer.Between(from: from, to: to, market: calendar.market, workingDays: count)))
        },
        APIRoute(
            method: .get, path: "/api/v1/calendar/add",
            summary: "The working day a number of working days after a date (before it when negative)",
            tag: "calendar",
            parameters: [
                .init(name: "date", kind: .date, description: "The day counted from", required: true),
                calendarDays, calendarMarket,
            ], errors: [400: "A parameter is not valid, or the calendar holds no notice for a year"],
            schema: "CalendarAdded"
        ) { request, _, state in
            let query = Query(request)
            let calendar = try state.calendar(query)
            let date = try required(query.date("date"), "date")
            let days = try required(query.integer(calendarDays), "working_days")
            let result = try compute("working_days") { () throws(CalendarError) in
                try calendar.advance(date, by: days)
            }
            return Rendering.response(
                try Rendering.entry(
                    json: CalendarAnswer.Added(from: date, workingDays: days, market: calendar.market, date: result)))
        },
    ]

    /// Working days to add.
    static let calendarDays = APIRoute.Parameter(
        name: "working_days", kind: .integer, description: "Working days to add (negative: before the date)",
        required: true, range: -5000...5000)

    /// A required parameter's value, or a 400 naming it.
    static func required<T>(_ value: T?, _ name: String) throws -> T {
        guard let value else { throw APIError.badParameter(name, "give \(name)") }
        return value
    }

    /// A calendar answer, a year the calendar lacks a 400 on `field`.
    static func compute<T>(_ field: String, _ body: () throws(CalendarError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw APIError.badParameter(field, error.description)
        }
    }
}

extension RegistryState {
    /// The calendar of the request's market.
    func calendar(_ query: Query) throws -> WorkingDayCalendar {
        var market = WorkingDayCalendar.Market.national
        if let text = query.text("market") {
            guard let value = WorkingDayCalendar.Market(rawValue: text) else {
                throw APIError.badParameter("market", "'\(text)' is not national, exchange or interbank")
            }
            market = value
        }
        return WorkingDayCalendar(market: market, data: calendarData)
    }
}
