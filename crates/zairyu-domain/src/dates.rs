//! Calendar dates as people type them on the forms of SPEC §6.2: `YYYYMMDD` typed on a keyboard,
//! `YYYY-MM-DD` from a date picker, `YYYY/MM/DD` from habit, full-width digits folded. A date of birth
//! may have unknown parts ("no unknown part / year-month-day unknown / month-day unknown / day
//! unknown"), which is a value of its own ([`PartialDate`]) rather than a date with made-up parts, so
//! nothing later mistakes "day unknown" for the 1st of the month.

use crate::text::fold_width;

/// Why a typed date was refused. Kept apart from [`crate::Invalid`] because "there is no 30 February"
/// is a message of its own, different from "not in the form YYYYMMDD".
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Nothing was entered.
    #[error("required")]
    Required,
    /// Not shaped like a date (`2025-1`, `abc`, a five-digit year …).
    #[error("format")]
    Format,
    /// Shaped like a date but no such day exists (`20250230`, month 13).
    #[error("no such date")]
    NoSuchDate,
}

/// A day of the Gregorian calendar between the years 1000 and 9999 (four-digit years only, because
/// that is what the forms ask for).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

impl Date {
    /// Reads `YYYYMMDD`, `YYYY-MM-DD` or `YYYY/MM/DD` (months and days of one digit are accepted with
    /// separators), after folding full-width digits and trimming spaces.
    pub fn parse(raw: &str) -> Result<Date, DateError> {
        let s = fold_width(raw).trim().to_owned();
        if s.is_empty() {
            return Err(DateError::Required);
        }
        let parts = split_date(&s).ok_or(DateError::Format)?;
        match parts {
            (y, Some(m), Some(d)) => Date::from_ymd(y, m, d).ok_or(DateError::NoSuchDate),
            _ => Err(DateError::Format),
        }
    }

    /// A date from its parts, `None` when no such day exists or the year has not four digits.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1000..=9999).contains(&year) {
            return None;
        }
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Date)
    }

    /// Wraps a `time::Date` (today's date from the application's clock, typically).
    pub fn from_time(d: time::Date) -> Date {
        Date(d)
    }

    /// The `time::Date`, for arithmetic such as the 14-day notification deadline.
    pub fn as_time(self) -> time::Date {
        self.0
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// `YYYY-MM-DD`: the stored form, also accepted back by [`Date::parse`].
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }

    /// The date `days` later (earlier when negative), `None` beyond the supported years.
    pub fn plus_days(self, days: i64) -> Option<Date> {
        let d = self.0.checked_add(time::Duration::days(days))?;
        Date::from_ymd(d.year(), u8::from(d.month()), d.day())
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.iso())
    }
}

/// Splits a date-shaped string into year, month and day. `YYYYMMDD`, `YYYYMM` and `YYYY` without
/// separators; `Y-M-D`, `Y-M` with `-` or `/` (one or two digits for month and day). `None` when the
/// shape is wrong; ranges are not checked here.
fn split_date(s: &str) -> Option<(i32, Option<u8>, Option<u8>)> {
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if all_digits(s) {
        let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
        return match s.len() {
            8 => Some((
                i32::try_from(num(0..4)?).ok()?,
                Some(u8::try_from(num(4..6)?).ok()?),
                Some(u8::try_from(num(6..8)?).ok()?),
            )),
            6 => Some((
                i32::try_from(num(0..4)?).ok()?,
                Some(u8::try_from(num(4..6)?).ok()?),
                None,
            )),
            4 => Some((i32::try_from(num(0..4)?).ok()?, None, None)),
            _ => None,
        };
    }
    let sep = if s.contains('-') { '-' } else { '/' };
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() < 2 || parts.len() > 3 || !parts.iter().all(|p| all_digits(p)) {
        return None;
    }
    if parts[0].len() != 4 || parts[1..].iter().any(|p| p.len() > 2) {
        return None;
    }
    let year = parts[0].parse::<i32>().ok()?;
    let month = parts[1].parse::<u8>().ok()?;
    let day = match parts.get(2) {
        Some(p) => Some(p.parse::<u8>().ok()?),
        None => None,
    };
    Some((year, Some(month), day))
}

/// Which parts of a date are unknown: the four choices the manuals offer for a date of birth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateUnknown {
    /// Every part is known.
    None,
    /// Year, month and day are all unknown.
    All,
    /// Only the year is known.
    MonthDay,
    /// Year and month are known.
    Day,
}

impl DateUnknown {
    /// In the order the manuals list them.
    pub const ALL: [DateUnknown; 4] = [
        DateUnknown::None,
        DateUnknown::All,
        DateUnknown::MonthDay,
        DateUnknown::Day,
    ];

    /// The stable code sent by forms and stored.
    pub fn code(self) -> &'static str {
        match self {
            DateUnknown::None => "none",
            DateUnknown::All => "all",
            DateUnknown::MonthDay => "month_day",
            DateUnknown::Day => "day",
        }
    }

    /// The Fluent message id of the choice's label.
    pub fn label_key(self) -> &'static str {
        match self {
            DateUnknown::None => "date-unknown-none",
            DateUnknown::All => "date-unknown-all",
            DateUnknown::MonthDay => "date-unknown-month-day",
            DateUnknown::Day => "date-unknown-day",
        }
    }

    /// Reads a code; an empty code means "no unknown part", the default choice of the form.
    pub fn parse(code: &str) -> Option<DateUnknown> {
        let code = code.trim();
        if code.is_empty() {
            return Some(DateUnknown::None);
        }
        DateUnknown::ALL.into_iter().find(|u| u.code() == code)
    }
}

/// A date some of whose parts may be unknown (a date of birth, SPEC §6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    /// A whole date.
    Full(Date),
    /// Year and month; the day is unknown.
    YearMonth { year: i32, month: u8 },
    /// Only the year.
    Year(i32),
    /// Nothing is known.
    Unknown,
}

impl PartialDate {
    /// Reads what was typed under the chosen unknown parts. With the day unknown, `YYYYMM`,
    /// `YYYY-MM`, `YYYY/MM` are read, and a whole date (from a date picker) keeps its year and month;
    /// with month and day unknown, `YYYY` or anything longer keeps its year; with everything unknown
    /// the text is ignored.
    pub fn parse(unknown: DateUnknown, raw: &str) -> Result<PartialDate, DateError> {
        if unknown == DateUnknown::All {
            return Ok(PartialDate::Unknown);
        }
        let s = fold_width(raw).trim().to_owned();
        if s.is_empty() {
            return Err(DateError::Required);
        }
        let (year, month, day) = split_date(&s).ok_or(DateError::Format)?;
        if !(1000..=9999).contains(&year) {
            return Err(DateError::NoSuchDate);
        }
        let month_ok = |m: u8| (1..=12).contains(&m);
        match unknown {
            DateUnknown::None => match (month, day) {
                (Some(m), Some(d)) => Date::from_ymd(year, m, d)
                    .map(PartialDate::Full)
                    .ok_or(DateError::NoSuchDate),
                _ => Err(DateError::Format),
            },
            DateUnknown::Day => match (month, day) {
                (Some(m), None) if month_ok(m) => Ok(PartialDate::YearMonth { year, month: m }),
                (Some(m), Some(d)) => Date::from_ymd(year, m, d)
                    .map(|_| PartialDate::YearMonth { year, month: m })
                    .ok_or(DateError::NoSuchDate),
                (Some(_), None) => Err(DateError::NoSuchDate),
                (None, _) => Err(DateError::Format),
            },
            DateUnknown::MonthDay => match (month, day) {
                (None, _) => Ok(PartialDate::Year(year)),
                (Some(m), None) if month_ok(m) => Ok(PartialDate::Year(year)),
                (Some(m), Some(d)) => Date::from_ymd(year, m, d)
                    .map(|_| PartialDate::Year(year))
                    .ok_or(DateError::NoSuchDate),
                (Some(_), None) => Err(DateError::NoSuchDate),
            },
            DateUnknown::All => Ok(PartialDate::Unknown),
        }
    }

    /// Which parts are unknown.
    pub fn unknown(&self) -> DateUnknown {
        match self {
            PartialDate::Full(_) => DateUnknown::None,
            PartialDate::YearMonth { .. } => DateUnknown::Day,
            PartialDate::Year(_) => DateUnknown::MonthDay,
            PartialDate::Unknown => DateUnknown::All,
        }
    }

    /// The stored text: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or empty when nothing is known. Read back
    /// with [`PartialDate::parse`] and [`PartialDate::unknown`].
    pub fn canonical(&self) -> String {
        match self {
            PartialDate::Full(d) => d.iso(),
            PartialDate::YearMonth { year, month } => format!("{year:04}-{month:02}"),
            PartialDate::Year(year) => format!("{year:04}"),
            PartialDate::Unknown => String::new(),
        }
    }

    /// The first day the value may stand for, so "not in the future" refuses only what surely is.
    pub fn earliest(&self) -> Option<Date> {
        match *self {
            PartialDate::Full(d) => Some(d),
            PartialDate::YearMonth { year, month } => Date::from_ymd(year, month, 1),
            PartialDate::Year(year) => Date::from_ymd(year, 1, 1),
            PartialDate::Unknown => None,
        }
    }

    /// The last day the value may stand for, so "not before" refuses only what surely is.
    pub fn latest(&self) -> Option<Date> {
        match *self {
            PartialDate::Full(d) => Some(d),
            PartialDate::YearMonth { year, month } => {
                let (ny, nm) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                match Date::from_ymd(ny, nm, 1) {
                    Some(first_of_next) => first_of_next.plus_days(-1),
                    None => Date::from_ymd(year, 12, 31),
                }
            }
            PartialDate::Year(year) => Date::from_ymd(year, 12, 31),
            PartialDate::Unknown => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn three_typed_shapes_and_full_width() {
        for raw in [
            "20250105",
            "2025-01-05",
            "2025/01/05",
            "2025-1-5",
            " ２０２５０１０５ ",
        ] {
            assert_eq!(Date::parse(raw), Ok(d(2025, 1, 5)), "{raw}");
        }
        assert_eq!(d(2025, 1, 5).iso(), "2025-01-05");
        assert_eq!(Date::parse(&d(2025, 1, 5).iso()), Ok(d(2025, 1, 5)));
    }

    #[test]
    fn refuses_wrong_shapes_and_impossible_days() {
        assert_eq!(Date::parse(""), Err(DateError::Required));
        assert_eq!(Date::parse("  "), Err(DateError::Required));
        for raw in [
            "2025",
            "202501",
            "2025-01",
            "25-01-05",
            "2025.01.05",
            "abc",
            "2025-01-05-1",
            "2025-001-05",
            "2025/01-05",
            "+2025-01-05",
        ] {
            assert_eq!(Date::parse(raw), Err(DateError::Format), "{raw}");
        }
        for raw in [
            "20250230",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "09990101",
        ] {
            assert_eq!(Date::parse(raw), Err(DateError::NoSuchDate), "{raw}");
        }
        assert_eq!(Date::parse("20240229"), Ok(d(2024, 2, 29)));
        assert_eq!(Date::parse("20230229"), Err(DateError::NoSuchDate));
    }

    #[test]
    fn dates_order_and_move() {
        assert!(d(2025, 1, 5) < d(2025, 1, 6));
        assert_eq!(d(2025, 1, 31).plus_days(14), Some(d(2025, 2, 14)));
        assert_eq!(d(9999, 12, 31).plus_days(1), None);
    }

    #[test]
    fn unknown_codes() {
        for u in DateUnknown::ALL {
            assert_eq!(DateUnknown::parse(u.code()), Some(u));
        }
        assert_eq!(DateUnknown::parse(""), Some(DateUnknown::None));
        assert_eq!(DateUnknown::parse("week"), None);
    }

    #[test]
    fn the_four_cases_of_a_date_of_birth() {
        use DateUnknown as U;
        assert_eq!(
            PartialDate::parse(U::None, "19900415"),
            Ok(PartialDate::Full(d(1990, 4, 15)))
        );
        assert_eq!(
            PartialDate::parse(U::None, "199004"),
            Err(DateError::Format)
        );
        assert_eq!(
            PartialDate::parse(U::None, "19900431"),
            Err(DateError::NoSuchDate)
        );
        assert_eq!(
            PartialDate::parse(U::Day, "199004"),
            Ok(PartialDate::YearMonth {
                year: 1990,
                month: 4
            })
        );
        assert_eq!(
            PartialDate::parse(U::Day, "1990-04-15"),
            Ok(PartialDate::YearMonth {
                year: 1990,
                month: 4
            })
        );
        assert_eq!(
            PartialDate::parse(U::Day, "1990-13"),
            Err(DateError::NoSuchDate)
        );
        assert_eq!(PartialDate::parse(U::Day, "1990"), Err(DateError::Format));
        assert_eq!(
            PartialDate::parse(U::MonthDay, "1990"),
            Ok(PartialDate::Year(1990))
        );
        assert_eq!(
            PartialDate::parse(U::MonthDay, "1990/04/15"),
            Ok(PartialDate::Year(1990))
        );
        assert_eq!(
            PartialDate::parse(U::MonthDay, ""),
            Err(DateError::Required)
        );
        assert_eq!(PartialDate::parse(U::All, ""), Ok(PartialDate::Unknown));
        assert_eq!(PartialDate::parse(U::All, "junk"), Ok(PartialDate::Unknown));
        assert_eq!(
            PartialDate::parse(U::None, "0999"),
            Err(DateError::NoSuchDate)
        );
    }

    #[test]
    fn canonical_round_trips_and_ranges() {
        let cases = [
            PartialDate::Full(d(1990, 4, 15)),
            PartialDate::YearMonth {
                year: 1990,
                month: 2,
            },
            PartialDate::Year(1990),
            PartialDate::Unknown,
        ];
        for p in cases {
            assert_eq!(PartialDate::parse(p.unknown(), &p.canonical()), Ok(p));
        }
        let feb = PartialDate::YearMonth {
            year: 2024,
            month: 2,
        };
        assert_eq!(feb.canonical(), "2024-02");
        assert_eq!(feb.earliest(), Some(d(2024, 2, 1)));
        assert_eq!(feb.latest(), Some(d(2024, 2, 29)));
        let dec = PartialDate::YearMonth {
            year: 2024,
            month: 12,
        };
        assert_eq!(dec.latest(), Some(d(2024, 12, 31)));
        assert_eq!(PartialDate::Year(1990).latest(), Some(d(1990, 12, 31)));
        assert_eq!(PartialDate::Unknown.earliest(), None);
    }
}
