//! User accounts. The login lockout is kept correct under concurrency by reserving an attempt with
//! one atomic UPDATE before the password is checked: five reservations in a row without a success
//! lock the account, so parallel wrong attempts can never get a sixth try.

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use sqlx::Row;
use sqlx::any::AnyRow;

/// A user as stored.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: i64,
    pub login_id: String,
    pub user_type: String,
    pub email: String,
    pub name_en: String,
    pub telephone: String,
    pub password_hash: String,
    pub sex: Option<String>,
    pub date_of_birth: Option<String>,
    pub postal_code: Option<String>,
    pub address: Option<String>,
    pub locale: String,
    pub ens_approved_at: Option<Millis>,
    pub rasens_approved_at: Option<Millis>,
    pub failed_logins: i64,
    pub locked_until: Option<Millis>,
    pub previous_login_at: Option<Millis>,
    pub current_login_at: Option<Millis>,
}

const COLUMNS: &str = "id, login_id, user_type, email, name_en, telephone, password_hash, sex, date_of_birth, \
    postal_code, address, locale, ens_approved_at, rasens_approved_at, failed_logins, locked_until, \
    previous_login_at, current_login_at";

fn row(r: AnyRow) -> Result<UserRow, StoreError> {
    Ok(UserRow {
        id: r.try_get("id").map_err(q)?,
        login_id: r.try_get("login_id").map_err(q)?,
        user_type: r.try_get("user_type").map_err(q)?,
        email: r.try_get("email").map_err(q)?,
        name_en: r.try_get("name_en").map_err(q)?,
        telephone: r.try_get("telephone").map_err(q)?,
        password_hash: r.try_get("password_hash").map_err(q)?,
        sex: r.try_get("sex").map_err(q)?,
        date_of_birth: r.try_get("date_of_birth").map_err(q)?,
        postal_code: r.try_get("postal_code").map_err(q)?,
        address: r.try_get("address").map_err(q)?,
        locale: r.try_get("locale").map_err(q)?,
        ens_approved_at: r.try_get("ens_approved_at").map_err(q)?,
        rasens_approved_at: r.try_get("rasens_approved_at").map_err(q)?,
        failed_logins: r.try_get("failed_logins").map_err(q)?,
        locked_until: r.try_get("locked_until").map_err(q)?,
        previous_login_at: r.try_get("previous_login_at").map_err(q)?,
        current_login_at: r.try_get("current_login_at").map_err(q)?,
    })
}

/// What registration stores.
pub struct NewUser<'a> {
    pub login_id: &'a str,
    pub user_type: &'a str,
    pub email: &'a str,
    pub email_norm: &'a str,
    pub name_en: &'a str,
    pub telephone: &'a str,
    pub password_hash: &'a str,
    pub locale: &'a str,
}

/// Inserts a user; `UniqueViolation` means the login id was taken (the caller draws another).
pub async fn insert(conn: &mut Conn, u: &NewUser<'_>, now: Millis) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO users (login_id, user_type, email, email_norm, name_en, telephone, password_hash, locale, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(u.login_id)
    .bind(u.user_type)
    .bind(u.email)
    .bind(u.email_norm)
    .bind(u.name_en)
    .bind(u.telephone)
    .bind(u.password_hash)
    .bind(u.locale)
    .bind(now)
    .fetch_one(conn)
    .await
    .map_err(q)
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<UserRow>, StoreError> {
    let r = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
        .map_err(q)?;
    r.map(row).transpose()
}

pub async fn by_login_id(conn: &mut Conn, login_id: &str) -> Result<Option<UserRow>, StoreError> {
    let r = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE login_id = $1"))
        .bind(login_id)
        .fetch_optional(conn)
        .await
        .map_err(q)?;
    r.map(row).transpose()
}

/// Accounts registered with this address and name (one address may hold several accounts).
pub async fn by_email_and_name(
    conn: &mut Conn,
    email_norm: &str,
    name_en: &str,
) -> Result<Vec<UserRow>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM users WHERE email_norm = $1 AND name_en = $2 ORDER BY id"
    ))
    .bind(email_norm)
    .bind(name_en)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter().map(row).collect()
}

/// The outcome of asking for a login attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The attempt may check the password; `slot` counts attempts since the last success.
    Granted { slot: i64 },
    /// The account is locked (or all attempts are taken by requests in flight).
    Refused,
}

/// Reserves one login attempt. The attempt that takes the last slot also sets the lock, so a crash
/// between reserving and checking leaves the account locked rather than open; a success clears it.
/// A lock whose time has passed is lifted here and counting starts again.
pub async fn reserve_attempt(
    conn: &mut Conn,
    id: i64,
    now: Millis,
    max_failures: i64,
    lock_until: Millis,
) -> Result<Attempt, StoreError> {
    reserve_attempt_in(conn, "users", id, now, max_failures, lock_until).await
}

/// The lockout counter of `reserve_attempt`, for a table with `failed_logins` and `locked_until`
/// (users and officers).
pub(crate) async fn reserve_attempt_in(
    conn: &mut Conn,
    table: &'static str,
    id: i64,
    now: Millis,
    max_failures: i64,
    lock_until: Millis,
) -> Result<Attempt, StoreError> {
    let slot: Option<i64> = sqlx::query_scalar(&format!(
        "UPDATE {table} SET \
           failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 ELSE failed_logins + 1 END, \
           locked_until = CASE \
             WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN (CASE WHEN 1 >= $3 THEN $4 ELSE NULL END) \
             WHEN failed_logins + 1 >= $3 THEN $4 \
             ELSE locked_until END \
         WHERE id = $1 AND ((locked_until IS NULL AND failed_logins < $3) OR locked_until <= $2) \
         RETURNING failed_logins"
    ))
    .bind(id)
    .bind(now)
    .bind(max_failures)
    .bind(lock_until)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    Ok(match slot {
        Some(slot) => Attempt::Granted { slot },
        None => Attempt::Refused,
    })
}

/// Records a successful login. The holder of the last slot clears the lock it set itself; any other
/// attempt succeeds only while no lock is set, so a right password during a lock does not get in.
/// Returns false when the login must be refused after all.
pub async fn login_succeeded(
    conn: &mut Conn,
    id: i64,
    slot: i64,
    max_failures: i64,
    now: Millis,
) -> Result<bool, StoreError> {
    let sql = if slot >= max_failures {
        "UPDATE users SET failed_logins = 0, locked_until = NULL, previous_login_at = current_login_at, current_login_at = $2 \
         WHERE id = $1 AND failed_logins >= $3"
    } else {
        "UPDATE users SET failed_logins = 0, locked_until = NULL, previous_login_at = current_login_at, current_login_at = $2 \
         WHERE id = $1 AND locked_until IS NULL AND $3 > 0"
    };
    let done = sqlx::query(sql)
        .bind(id)
        .bind(now)
        .bind(max_failures)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(done.rows_affected() == 1)
}

/// Sets a new password hash; a password reset also lifts any lock (SPEC §4.2).
pub async fn set_password(
    conn: &mut Conn,
    id: i64,
    hash: &str,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(hash)
    .bind(now)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

pub async fn set_email(
    conn: &mut Conn,
    id: i64,
    email: &str,
    email_norm: &str,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET email = $2, email_norm = $3, updated_at = $4 WHERE id = $1")
        .bind(id)
        .bind(email)
        .bind(email_norm)
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

/// Changes telephone, and (for users allowed to) postal code and address.
pub async fn set_contact(
    conn: &mut Conn,
    id: i64,
    telephone: &str,
    postal_code: Option<&str>,
    address: Option<&str>,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE users SET telephone = $2, postal_code = COALESCE($3, postal_code), address = COALESCE($4, address), updated_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(telephone)
    .bind(postal_code)
    .bind(address)
    .bind(now)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

/// Remembers the language the user last chose, so their emails come in it.
pub async fn set_locale(conn: &mut Conn, id: i64, locale: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET locale = $2 WHERE id = $1")
        .bind(id)
        .bind(locale)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}
