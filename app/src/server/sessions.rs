//! Staff sign-in and sessions. Sessions live in the database (so several portal processes share
//! them); the cookie holds a random token whose SHA-256 is the session's id, so a copy of the
//! table does not hold usable cookies. A session ends after `IDLE` without use or `LIFETIME`
//! in all, and at sign-out. Repeated wrong passwords slow down, then lock the account for
//! `LOCK`; the answer never tells whether the email exists.

use super::entities::{staff_session, staff_user};
use super::users::verify_password;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
    sea_query::Expr,
};
use sha2::{Digest, Sha256};

/// A session unused this long ends.
pub const IDLE: Duration = Duration::minutes(30);
/// A session ends this long after sign-in, however much it is used.
pub const LIFETIME: Duration = Duration::hours(12);
/// Wrong passwords in a row that lock an account.
pub const MAX_FAILURES: i32 = 5;
/// How long a locked account stays locked.
pub const LOCK: Duration = Duration::minutes(15);
/// The session cookie's name.
pub const COOKIE: &str = "portal_session";

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// Wrong email or password, said the same way for both.
    #[error("the email or the password is not right")]
    Refused,
    /// Too many wrong passwords: locked until then.
    #[error("the account is locked until {0}")]
    Locked(DateTime<Utc>),
    #[error(transparent)]
    Database(#[from] DbErr),
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A hash to verify against when the email is unknown, so that both cases cost the same.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        super::users::hash_password("no account has this password").unwrap_or_default()
    })
}

/// Checks an email and password; on success, the account (its failures reset).
pub async fn authenticate(
    db: &DatabaseConnection,
    email: &str,
    password: &str,
) -> Result<staff_user::Model, SignInError> {
    let email = email.trim().to_lowercase();
    let now = Utc::now();
    let Some(user) =
        staff_user::Entity::find().filter(staff_user::Column::Email.eq(&email)).one(db).await?
    else {
        let _ = verify_password(password, decoy_hash());
        return Err(SignInError::Refused);
    };
    if let Some(until) = user.locked_until.filter(|until| *until > now) {
        return Err(SignInError::Locked(until));
    }
    let good = user.active
        && user.password_hash.as_deref().is_some_and(|hash| verify_password(password, hash));
    if !good {
        let failures = user.failed_logins + 1;
        let locked_until = (failures >= MAX_FAILURES).then_some(now + LOCK);
        staff_user::Entity::update_many()
            .col_expr(
                staff_user::Column::FailedLogins,
                Expr::value(if locked_until.is_some() { 0 } else { failures }),
            )
            .col_expr(staff_user::Column::LockedUntil, Expr::value(locked_until))
            .filter(staff_user::Column::Id.eq(user.id))
            .exec(db)
            .await?;
        // Each wrong password in a row costs a little more time.
        let pause = 200 * u64::try_from(failures.min(MAX_FAILURES)).unwrap_or(1);
        tokio::time::sleep(std::time::Duration::from_millis(pause)).await;
        return Err(match locked_until {
            Some(until) => SignInError::Locked(until),
            None => SignInError::Refused,
        });
    }
    let mut signed_in: staff_user::ActiveModel = user.into();
    signed_in.failed_logins = Set(0);
    signed_in.locked_until = Set(None);
    signed_in.last_login_at = Set(Some(now));
    Ok(signed_in.update(db).await?)
}

/// Opens a new session for `user`; returns the cookie's token.
pub async fn open(
    db: &DatabaseConnection,
    user: &staff_user::Model,
    user_agent: Option<&str>,
) -> Result<String, DbErr> {
    let token = new_token();
    let now = Utc::now();
    staff_session::ActiveModel {
        id: Set(hash(&token)),
        user_id: Set(user.id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + LIFETIME),
        user_agent: Set(user_agent.map(|ua| ua.chars().take(200).collect())),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The signed-in account of a session token, if the session is still open; marks it used.
pub async fn find(
    db: &DatabaseConnection,
    token: &str,
) -> Result<Option<staff_user::Model>, DbErr> {
    if token.len() != 64 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let now = Utc::now();
    let id = hash(token);
    let Some(session) = staff_session::Entity::find_by_id(id.clone()).one(db).await? else {
        return Ok(None);
    };
    if session.expires_at <= now || session.last_seen_at + IDLE <= now {
        staff_session::Entity::delete_by_id(id).exec(db).await?;
        return Ok(None);
    }
    let user = staff_user::Entity::find_by_id(session.user_id).one(db).await?.filter(|u| u.active);
    if user.is_some() && now - session.last_seen_at > Duration::minutes(1) {
        staff_session::Entity::update_many()
            .col_expr(staff_session::Column::LastSeenAt, Expr::value(now))
            .filter(staff_session::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    Ok(user)
}

/// Ends a session.
pub async fn close(db: &DatabaseConnection, token: &str) -> Result<(), DbErr> {
    staff_session::Entity::delete_by_id(hash(token)).exec(db).await?;
    Ok(())
}
