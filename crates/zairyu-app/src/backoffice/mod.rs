//! The back office's administration (issue 5, items 1 (the screens' side), 6–10): General Notices,
//! procedures' reception periods and form versions, the audit log, the dashboard, officers' API
//! tokens and the management of officers. Every function takes the signed-in officer and asks
//! `Role::allows` itself, so the screens and the JSON API cannot differ on who may do what.

pub mod api_tokens;
pub mod audit_log;
pub mod dashboard;
pub mod notices;
pub mod officer_admin;
pub mod procedures;
pub mod svg;

use crate::AppError;
use crate::officers::OfficerSession;
use zairyu_domain::Invalid;
use zairyu_store::{Conn, audit};

/// What a back-office function answers when the officer may not do it.
#[derive(Debug, PartialEq, Eq)]
pub struct Forbidden;

/// Writes the audit record of an officer's change, inside the change's transaction.
pub(crate) async fn record(
    conn: &mut Conn,
    s: &OfficerSession,
    action: &str,
    subject: &str,
    ip: &str,
    detail: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    audit::record(
        conn,
        &audit::AuditEntry {
            actor: &s.actor(),
            action,
            subject: Some(subject),
            ip: Some(ip),
            detail,
        },
        now,
    )
    .await?;
    Ok(())
}

fn jst() -> time::UtcOffset {
    time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC)
}

/// A date and time typed in Japan time: `2026-12-01T09:00` (what `<input type="datetime-local">`
/// sends), `2026-12-01 09:00` or `2026/12/01 09:00`.
pub fn parse_jst_datetime(raw: &str) -> Result<i64, Invalid> {
    let s = raw.trim().replace('/', "-").replace(' ', "T");
    let (date, clock) = s.split_once('T').ok_or(Invalid::Format)?;
    let date = parse_date(date)?;
    let (h, m) = clock.split_once(':').ok_or(Invalid::Format)?;
    let m = m
        .get(..2)
        .filter(|_| m.len() == 2 || m.get(2..3) == Some(":"))
        .ok_or(Invalid::Format)?;
    let h: u8 = h.parse().map_err(|_| Invalid::Format)?;
    let m: u8 = m.parse().map_err(|_| Invalid::Format)?;
    let t = time::Time::from_hms(h, m, 0).map_err(|_| Invalid::Format)?;
    Ok(millis(date.with_time(t).assume_offset(jst())))
}

fn parse_date(s: &str) -> Result<time::Date, Invalid> {
    let mut it = s.trim().splitn(3, '-');
    let (Some(y), Some(mo), Some(d)) = (it.next(), it.next(), it.next()) else {
        return Err(Invalid::Format);
    };
    let y: i32 = y.parse().map_err(|_| Invalid::Format)?;
    let mo: u8 = mo.parse().map_err(|_| Invalid::Format)?;
    let d: u8 = d.parse().map_err(|_| Invalid::Format)?;
    if !(2000..=2999).contains(&y) {
        return Err(Invalid::Format);
    }
    let mo = time::Month::try_from(mo).map_err(|_| Invalid::Format)?;
    time::Date::from_calendar_date(y, mo, d).map_err(|_| Invalid::Format)
}

/// The first instant of a day typed as `2026-12-01` (or `2026/12/01`), in Japan time.
pub fn parse_jst_day(raw: &str) -> Result<i64, Invalid> {
    let d = parse_date(&raw.trim().replace('/', "-"))?;
    Ok(millis(d.midnight().assume_offset(jst())))
}

fn millis(t: time::OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

fn jst_time(ms: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .to_offset(jst())
}

/// An instant as `<input type="datetime-local">` shows it, in Japan time: `2026-12-01T09:00`.
pub fn datetime_input(ms: i64) -> String {
    let t = jst_time(ms);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// A day number (days since 1970-01-01 in Japan) as `11/21`.
pub fn day_label(day: i64) -> String {
    let t = jst_time(day * 86_400_000);
    format!("{}/{}", u8::from(t.month()), t.day())
}

/// Today's day number in Japan.
pub fn today(now: i64) -> i64 {
    zairyu_store::stats::jst_day(now)
}

/// A day number as `2026-11-21`.
pub fn day_iso(day: i64) -> String {
    let t = jst_time(day * 86_400_000);
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japan_times_round_trip() {
        let t = parse_jst_datetime("2026-12-01T09:30").unwrap();
        assert_eq!(datetime_input(t), "2026-12-01T09:30");
        assert_eq!(parse_jst_datetime("2026/12/01 09:30"), Ok(t));
        // 09:30 in Japan is 00:30 UTC.
        assert_eq!(t % 86_400_000, 30 * 60_000);
        assert_eq!(
            parse_jst_day("2026-12-01").unwrap(),
            t - (9 * 60 + 30) * 60_000
        );
        for bad in [
            "",
            "2026-13-01T00:00",
            "2026-02-30T00:00",
            "2026-12-01",
            "2026-12-01T25:00",
            "x",
        ] {
            assert_eq!(parse_jst_datetime(bad), Err(Invalid::Format), "{bad}");
        }
        assert_eq!(day_iso(zairyu_store::stats::jst_day(t)), "2026-12-01");
        assert_eq!(day_label(zairyu_store::stats::jst_day(t)), "12/1");
    }
}
