//! The back office's dashboard (issue 5, item 9): filings received per day over the last 30 days,
//! by status, by procedure and office, and the median days from reception to decision — for the
//! officer's office, or every office (or one chosen) for an administrator.

use super::Forbidden;
use crate::officers::OfficerSession;
use crate::{App, AppError};
use zairyu_domain::ApplicationStatus;
use zairyu_domain::officer::Permission;
use zairyu_store::stats;

pub const DAYS: i64 = 30;

#[derive(Debug, Clone)]
pub struct Dashboard {
    /// The office shown; None for every office.
    pub office: Option<String>,
    /// (day number in Japan, filings submitted that day), oldest first, every one of the last
    /// `DAYS` days (today included), zeros too.
    pub per_day: Vec<(i64, i64)>,
    pub by_status: Vec<(ApplicationStatus, i64)>,
    /// (procedure id, office, filings), most first.
    pub by_procedure_office: Vec<(String, String, i64)>,
    /// Median days from reception to decision over the filings decided in the last year, and how
    /// many there were.
    pub median_days: Option<f64>,
    pub decided: usize,
}

/// The median of sorted values, in days (one decimal is enough for a dashboard).
pub fn median_days(sorted_ms: &[i64]) -> Option<f64> {
    let n = sorted_ms.len();
    if n == 0 {
        return None;
    }
    let mid = if n % 2 == 1 {
        sorted_ms[n / 2] as f64
    } else {
        (sorted_ms[n / 2 - 1] as f64 + sorted_ms[n / 2] as f64) / 2.0
    };
    Some((mid / crate::clock::DAY as f64 * 10.0).round() / 10.0)
}

pub async fn load(
    app: &App,
    s: &OfficerSession,
    office: Option<&str>,
) -> Result<Result<Dashboard, Forbidden>, AppError> {
    if !s.allows(Permission::ViewDashboard) {
        return Ok(Err(Forbidden));
    }
    // Not an administrator: always the officer's own office, whatever was asked.
    let office = s.office_scope().or_else(|| {
        office
            .filter(|o| zairyu_domain::officer::office(o).is_some())
            .map(str::to_owned)
    });
    let now = app.now();
    let today = stats::jst_day(now);
    let first = today - (DAYS - 1);
    let since = first * crate::clock::DAY - 9 * crate::clock::HOUR;
    let mut conn = app.db.read().await?;
    let got = stats::filed_per_day(&mut conn, office.as_deref(), since).await?;
    let per_day = (first..=today)
        .map(|d| (d, got.iter().find(|(x, _)| *x == d).map_or(0, |(_, n)| *n)))
        .collect();
    let by_procedure_office = stats::by_procedure_office(&mut conn, office.as_deref()).await?;
    let times =
        stats::decision_times(&mut conn, office.as_deref(), now - 365 * crate::clock::DAY).await?;
    drop(conn);
    let by_status = crate::officers::counts(app, s, office.as_deref()).await?;
    Ok(Ok(Dashboard {
        office,
        per_day,
        by_status,
        by_procedure_office,
        median_days: median_days(&times),
        decided: times.len(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        let d = crate::clock::DAY;
        assert_eq!(median_days(&[]), None);
        assert_eq!(median_days(&[2 * d]), Some(2.0));
        assert_eq!(median_days(&[d, 2 * d]), Some(1.5));
        assert_eq!(median_days(&[d, 2 * d, 9 * d]), Some(2.0));
    }
}
