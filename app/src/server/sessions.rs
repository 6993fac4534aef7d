//! Staff sign-in and sessions. Sessions live in the database (so several portal processes share
//! them); the cookie holds a random token whose SHA-256 is the session's id, so a copy of the
//! table does not hold usable cookies. A session ends after `IDLE` without use or `LIFETIME`
//! in all, and at sign-out. Repeated wrong passwords slow down, then lock the account for
//! `LOCK`; the answer never tells whether the email exists.
//!
//! With a second factor, a sign-in passes through a [`Stage`]: a right password opens a session
//! that only the code page accepts, for [`HALF_WAY`]; the code then opens a new, full session.
//! Wrong codes count with wrong passwords towards the lock, and a right password alone does not
//! reset that count, so codes cannot be guessed by signing in again and again.

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
/// How long a session may stay half-way through signing in.
pub const HALF_WAY: Duration = Duration::minutes(10);

/// How far a session has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Signed in: the staff area is open, as the role allows.
    SignedIn,
    /// The password was right; the code from the authenticator app is still to come.
    AwaitingCode,
    /// An admin with no second factor yet: only the page that sets one up is open.
    MustEnrol,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::SignedIn => "signed-in",
            Stage::AwaitingCode => "awaiting-code",
            Stage::MustEnrol => "must-enrol",
        }
    }

    fn parse(stored: &str) -> Option<Stage> {
        [Stage::SignedIn, Stage::AwaitingCode, Stage::MustEnrol]
            .into_iter()
            .find(|stage| stage.as_str() == stored)
    }

    /// Where a right password leads `user`.
    pub fn after_password(user: &staff_user::Model) -> Stage {
        if user.has_second_factor() {
            Stage::AwaitingCode
        } else if user.role == crate::models::Role::Admin.as_str() {
            Stage::MustEnrol
        } else {
            Stage::SignedIn
        }
    }
}

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
        return Err(record_failure(db, &user).await?);
    }
    if user.has_second_factor() {
        // Only the code completes the sign-in, and only it clears the count of failures.
        return Ok(user);
    }
    Ok(record_success(db, user).await?)
}

/// Counts a wrong password or code: each one in a row costs a little more time, and
/// [`MAX_FAILURES`] lock the account for [`LOCK`]. The error to answer with.
pub async fn record_failure(
    db: &DatabaseConnection,
    user: &staff_user::Model,
) -> Result<SignInError, DbErr> {
    let now = Utc::now();
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
    let pause = 200 * u64::try_from(failures.min(MAX_FAILURES)).unwrap_or(1);
    tokio::time::sleep(std::time::Duration::from_millis(pause)).await;
    Ok(match locked_until {
        Some(until) => SignInError::Locked(until),
        None => SignInError::Refused,
    })
}

/// A completed sign-in: the count of failures starts again.
pub async fn record_success(
    db: &DatabaseConnection,
    user: staff_user::Model,
) -> Result<staff_user::Model, DbErr> {
    let mut signed_in: staff_user::ActiveModel = user.into();
    signed_in.failed_logins = Set(0);
    signed_in.locked_until = Set(None);
    signed_in.last_login_at = Set(Some(Utc::now()));
    signed_in.update(db).await
}

/// Whether the account is locked now.
pub fn is_locked(user: &staff_user::Model) -> bool {
    user.locked_until.is_some_and(|until| until > Utc::now())
}

/// Opens a new, signed-in session for `user`; returns the cookie's token.
pub async fn open(
    db: &DatabaseConnection,
    user: &staff_user::Model,
    user_agent: Option<&str>,
) -> Result<String, DbErr> {
    open_at(db, user, user_agent, Stage::SignedIn).await
}

/// Opens a new session at `stage`; one half-way through signing in lasts [`HALF_WAY`].
pub async fn open_at(
    db: &DatabaseConnection,
    user: &staff_user::Model,
    user_agent: Option<&str>,
    stage: Stage,
) -> Result<String, DbErr> {
    let token = new_token();
    let now = Utc::now();
    let lifetime = if stage == Stage::SignedIn { LIFETIME } else { HALF_WAY };
    staff_session::ActiveModel {
        id: Set(hash(&token)),
        user_id: Set(user.id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + lifetime),
        user_agent: Set(user_agent.map(|ua| ua.chars().take(200).collect())),
        stage: Set(stage.as_str().to_owned()),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The signed-in account of a session token, if the session is still open and past every
/// stage of signing in; marks it used.
pub async fn find(
    db: &DatabaseConnection,
    token: &str,
) -> Result<Option<staff_user::Model>, DbErr> {
    Ok(find_at(db, token)
        .await?
        .and_then(|(user, stage)| (stage == Stage::SignedIn).then_some(user)))
}

/// The account of a session token and how far its session has come, if it is still open.
pub async fn find_at(
    db: &DatabaseConnection,
    token: &str,
) -> Result<Option<(staff_user::Model, Stage)>, DbErr> {
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
    // A stage this version does not know opens nothing.
    let Some(stage) = Stage::parse(&session.stage) else {
        return Ok(None);
    };
    let user = staff_user::Entity::find_by_id(session.user_id).one(db).await?.filter(|u| u.active);
    if user.is_some() && now - session.last_seen_at > Duration::minutes(1) {
        staff_session::Entity::update_many()
            .col_expr(staff_session::Column::LastSeenAt, Expr::value(now))
            .filter(staff_session::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    Ok(user.map(|user| (user, stage)))
}

/// Ends a session.
pub async fn close(db: &DatabaseConnection, token: &str) -> Result<(), DbErr> {
    staff_session::Entity::delete_by_id(hash(token)).exec(db).await?;
    Ok(())
}
