extension WorkingDayCalendarData {
    /// China's working days as the State Council General Office's holiday
    /// notices set them, 2022 to 2026 (the notices cited on each `year`
    /// line); later years come as calendar files.
    public static let china: WorkingDayCalendarData = {
        do {
            return try WorkingDayCalendarData(text: chinaText)
        } catch {
            preconditionFailure("the shipped calendar does not read: \(error)")
        }
    }()

    /// The shipped calendar, in the format ``add(_:)`` reads.
    public static let chinaText = """
        kind,from,to,markets,name,source
        year,2022,,,,国务院办公厅关于2022年部分节假日安排的通知 (国办发明电〔2021〕11号; 2021-10-25)
        holiday,2022-01-01,2022-01-03,,元旦 New Year's Day,
        holiday,2022-01-31,2022-02-06,,春节 Spring Festival,
        workday,2022-01-29,2022-01-30,,春节 Spring Festival,
        holiday,2022-04-03,2022-04-05,,清明节 Qingming Festival,
        workday,2022-04-02,,,清明节 Qingming Festival,
        holiday,2022-04-30,2022-05-04,,劳动节 Labour Day,
        workday,2022-04-24,,,劳动节 Labour Day,
        workday,2022-05-07,,,劳动节 Labour Day,
        holiday,2022-06-03,2022-06-05,,端午节 Dragon Boat Festival,
        holiday,2022-09-10,2022-09-12,,中秋节 Mid-Autumn Festival,
        holiday,2022-10-01,2022-10-07,,国庆节 National Day,
        workday,2022-10-08,2022-10-09,,国庆节 National Day,
        holiday,2022-12-31,,,元旦 New Year's Day (2023),
        year,2023,,,,国务院办公厅关于2023年部分节假日安排的通知 (国办发明电〔2022〕16号; 2022-12-08)
        holiday,2023-01-01,2023-01-02,,元旦 New Year's Day,
        holiday,2023-01-21,2023-01-27,,春节 Spring Festival,
        workday,2023-01-28,2023-01-29,,春节 Spring Festival,
        holiday,2023-04-05,,,清明节 Qingming Festival,
        holiday,2023-04-29,2023-05-03,,劳动节 Labour Day,
        workday,2023-04-23,,,劳动节 Labour Day,
        workday,2023-05-06,,,劳动节 Labour Day,
        holiday,2023-06-22,2023-06-24,,端午节 Dragon Boat Festival,
        workday,2023-06-25,,,端午节 Dragon Boat Festival,
        holiday,2023-09-29,2023-10-06,,中秋节、国庆节 Mid-Autumn Festival and National Day,
        workday,2023-10-07,2023-10-08,,中秋节、国庆节 Mid-Autumn Festival and National Day,
        year,2024,,,,国务院办公厅关于2024年部分节假日安排的通知
        holiday,2024-01-01,,,元旦 New Year's Day,
        holiday,2024-02-10,2024-02-17,,春节 Spring Festival,
        workday,2024-02-04,,,春节 Spring Festival,
        workday,2024-02-18,,,春节 Spring Festival,
        holiday,2024-04-04,2024-04-06,,清明节 Qingming Festival,
        workday,2024-04-07,,,清明节 Qingming Festival,
        holiday,2024-05-01,2024-05-05,,劳动节 Labour Day,
        workday,2024-04-28,,,劳动节 Labour Day,
        workday,2024-05-11,,,劳动节 Labour Day,
        holiday,2024-06-10,,,端午节 Dragon Boat Festival,
        holiday,2024-09-15,2024-09-17,,中秋节 Mid-Autumn Festival,
        workday,2024-09-14,,,中秋节 Mid-Autumn Festival,
        holiday,2024-10-01,2024-10-07,,国庆节 National Day,
        workday,2024-09-29,,,国庆节 National Day,
        workday,2024-10-12,,,国庆节 National Day,
        year,2025,,,,国务院办公厅关于2025年部分节假日安排的通知
        holiday,2025-01-01,,,元旦 New Year's Day,
        holiday,2025-01-28,2025-02-04,,春节 Spring Festival,
        workday,2025-01-26,,,春节 Spring Festival,
        workday,2025-02-08,,,春节 Spring Festival,
        holiday,2025-04-04,2025-04-06,,清明节 Qingming Festival,
        holiday,2025-05-01,2025-05-05,,劳动节 Labour Day,
        workday,2025-04-27,,,劳动节 Labour Day,
        holiday,2025-05-31,2025-06-02,,端午节 Dragon Boat Festival,
        holiday,2025-10-01,2025-10-08,,国庆节、中秋节 National Day and Mid-Autumn Festival,
        workday,2025-09-28,,,国庆节、中秋节 National Day and Mid-Autumn Festival,
        workday,2025-10-11,,,国庆节、中秋节 National Day and Mid-Autumn Festival,
        year,2026,,,,国务院办公厅关于2026年部分节假日安排的通知
        holiday,2026-01-01,2026-01-03,,元旦 New Year's Day,
        workday,2026-01-04,,,元旦 New Year's Day,
        holiday,2026-02-15,2026-02-23,,春节 Spring Festival,
        workday,2026-02-14,,,春节 Spring Festival,
        workday,2026-02-28,,,春节 Spring Festival,
        holiday,2026-04-04,2026-04-06,,清明节 Qingming Festival,
        holiday,2026-05-01,2026-05-05,,劳动节 Labour Day,
        workday,2026-05-09,,,劳动节 Labour Day,
        holiday,2026-06-19,2026-06-21,,端午节 Dragon Boat Festival,
        holiday,2026-09-25,2026-09-27,,中秋节 Mid-Autumn Festival,
        workday,2026-09-20,,,中秋节 Mid-Autumn Festival,
        holiday,2026-10-01,2026-10-07,,国庆节 National Day,
        workday,2026-10-10,,,国庆节 National Day,
        """
}
