//! The staff second factor in the database: enrolment (a secret the app must prove it holds
//! before it counts), the code at sign-in (each time step accepted once, atomically, so a code
//! seen over someone's shoulder or replayed by a proxy is refused), and single-use recovery codes
//! kept only as hashes.

use super::entities::{staff_recovery_code, staff_user};
use super::totp;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set, sea_query::Expr,
};
use sha2::{Digest, Sha256};

/// Recovery codes issued at a time.
pub const RECOVERY_CODES: usize = 10;
/// Random bytes in a recovery code: 80 bits, written as 16 base32 characters.
const RECOVERY_BYTES: usize = 10;
/// The name an authenticator app shows for the portal's entries.
pub const ISSUER: &str = "ICIC Central Asia portal";

#[derive(Debug, thiserror::Error)]
pub enum SecondFactorError {
    /// The code is not the app's current one, was used already, or is not a recovery code.
    #[error("the code is not right")]
    Wrong,
    /// There is no enrolment to confirm, or the factor is already on.
    #[error("there is no second factor being set up")]
    NotEnrolling,
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// How a sign-in was completed.
#[derive(Debug, PartialEq, Eq)]
pub enum Verified {
    /// With the app's code.
    Code,
    /// With a recovery code; this many remain unused.
    RecoveryCode { remaining: u64 },
}

fn secret_of(user: &staff_user::Model) -> Option<Vec<u8>> {
    user.totp_secret.as_deref().and_then(|stored| hex::decode(stored).ok())
}

fn now_step() -> i64 {
    totp::step_at(Utc::now().timestamp())
}

/// Starts (or starts again) setting up the app for `user`: a new secret, which counts only once
/// [`confirm_enrolment`] has seen a code made from it. Refused while the factor is on.
pub async fn begin_enrolment(
    db: &impl ConnectionTrait,
    user: &staff_user::Model,
) -> Result<Vec<u8>, SecondFactorError> {
    if user.has_second_factor() {
        return Err(SecondFactorError::NotEnrolling);
    }
    let secret = totp::new_secret();
    staff_user::Entity::update_many()
        .col_expr(staff_user::Column::TotpSecret, Expr::value(hex::encode(&secret)))
        .col_expr(staff_user::Column::TotpLastStep, Expr::value(Option::<i64>::None))
        .filter(staff_user::Column::Id.eq(user.id))
        .filter(staff_user::Column::TotpEnabledAt.is_null())
        .exec(db)
        .await?;
    Ok(secret)
}

/// The secret being set up, for the page that shows it.
pub fn pending_secret(user: &staff_user::Model) -> Option<Vec<u8>> {
    if user.has_second_factor() { None } else { secret_of(user) }
}

/// Switches the factor on when `typed` is the app's current code for the secret being set up;
/// returns the new recovery codes, to be shown once. Run it in a transaction, so that the
/// factor is never on without its recovery codes.
pub async fn confirm_enrolment(
    db: &impl ConnectionTrait,
    user: &staff_user::Model,
    typed: &str,
) -> Result<Vec<String>, SecondFactorError> {
    let secret = pending_secret(user).ok_or(SecondFactorError::NotEnrolling)?;
    let code = totp::parse_code(typed).ok_or(SecondFactorError::Wrong)?;
    let step =
        totp::matching_step(&secret, code, now_step(), None).ok_or(SecondFactorError::Wrong)?;
    let switched = staff_user::Entity::update_many()
        .col_expr(staff_user::Column::TotpEnabledAt, Expr::value(Some(Utc::now())))
        .col_expr(staff_user::Column::TotpLastStep, Expr::value(Some(step)))
        .filter(staff_user::Column::Id.eq(user.id))
        // The very secret the code was checked against: not one a second tab made meanwhile.
        .filter(staff_user::Column::TotpSecret.eq(hex::encode(&secret)))
        .filter(staff_user::Column::TotpEnabledAt.is_null())
        .exec(db)
        .await?;
    if switched.rows_affected != 1 {
        return Err(SecondFactorError::NotEnrolling);
    }
    Ok(replace_recovery_codes(db, user.id).await?)
}

/// Checks the second factor of a sign-in: the app's code (its time step then used up), or an
/// unused recovery code (then spent). Both are spent by one conditional update, so two requests
/// racing with the same code cannot both pass.
pub async fn verify(
    db: &impl ConnectionTrait,
    user: &staff_user::Model,
    typed: &str,
) -> Result<Verified, SecondFactorError> {
    if !user.has_second_factor() {
        return Err(SecondFactorError::NotEnrolling);
    }
    if let Some(code) = totp::parse_code(typed) {
        verify_app_code(db, user, code).await?;
        return Ok(Verified::Code);
    }
    let hash = recovery_hash(&normalise_recovery(typed).ok_or(SecondFactorError::Wrong)?);
    let spent = staff_recovery_code::Entity::update_many()
        .col_expr(staff_recovery_code::Column::UsedAt, Expr::value(Some(Utc::now())))
        .filter(staff_recovery_code::Column::UserId.eq(user.id))
        .filter(staff_recovery_code::Column::CodeHash.eq(hash))
        .filter(staff_recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if spent.rows_affected != 1 {
        return Err(SecondFactorError::Wrong);
    }
    Ok(Verified::RecoveryCode { remaining: unused_recovery_codes(db, user.id).await? })
}

/// Checks a code from the app alone (recovery codes do not count): for changes to the factor
/// itself, which ask the person to prove they still hold it.
pub async fn verify_app(
    db: &impl ConnectionTrait,
    user: &staff_user::Model,
    typed: &str,
) -> Result<(), SecondFactorError> {
    if !user.has_second_factor() {
        return Err(SecondFactorError::NotEnrolling);
    }
    let code = totp::parse_code(typed).ok_or(SecondFactorError::Wrong)?;
    verify_app_code(db, user, code).await
}

async fn verify_app_code(
    db: &impl ConnectionTrait,
    user: &staff_user::Model,
    code: u32,
) -> Result<(), SecondFactorError> {
    let secret = secret_of(user).ok_or(SecondFactorError::NotEnrolling)?;
    let step = totp::matching_step(&secret, code, now_step(), user.totp_last_step)
        .ok_or(SecondFactorError::Wrong)?;
    let used = staff_user::Entity::update_many()
        .col_expr(staff_user::Column::TotpLastStep, Expr::value(Some(step)))
        .filter(staff_user::Column::Id.eq(user.id))
        .filter(
            Condition::any()
                .add(staff_user::Column::TotpLastStep.is_null())
                .add(staff_user::Column::TotpLastStep.lt(step)),
        )
        .exec(db)
        .await?;
    if used.rows_affected == 1 { Ok(()) } else { Err(SecondFactorError::Wrong) }
}

/// New recovery codes for `user`, the old ones void: returned once, stored only as hashes.
pub async fn replace_recovery_codes(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Vec<String>, DbErr> {
    staff_recovery_code::Entity::delete_many()
        .filter(staff_recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let now = Utc::now();
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let code = new_recovery_code();
        staff_recovery_code::ActiveModel {
            user_id: Set(user_id),
            code_hash: Set(recovery_hash(&normalise_recovery(&code).unwrap_or_default())),
            used_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        codes.push(code);
    }
    Ok(codes)
}

/// Recovery codes of `user` not yet spent.
pub async fn unused_recovery_codes(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, DbErr> {
    staff_recovery_code::Entity::find()
        .filter(staff_recovery_code::Column::UserId.eq(user_id))
        .filter(staff_recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await
}

/// Switches the factor off and voids the recovery codes (the person's own choice, or an admin's
/// for someone who lost their phone and their codes).
pub async fn turn_off(db: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    staff_user::Entity::update_many()
        .col_expr(staff_user::Column::TotpSecret, Expr::value(Option::<String>::None))
        .col_expr(
            staff_user::Column::TotpEnabledAt,
            Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .col_expr(staff_user::Column::TotpLastStep, Expr::value(Option::<i64>::None))
        .filter(staff_user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    staff_recovery_code::Entity::delete_many()
        .filter(staff_recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The QR code of a provisioning address, as inline SVG (no script, no style attribute, so the
/// content security policy lets it be), labelled for screen readers.
pub fn qr_code_svg(uri: &str) -> String {
    use qrcode::{EcLevel, QrCode, render::svg};
    let Ok(code) = QrCode::with_error_correction_level(uri.as_bytes(), EcLevel::M) else {
        return String::new();
    };
    let image = code
        .render::<svg::Color>()
        .min_dimensions(220, 220)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    let start = image.find("<svg").unwrap_or(0);
    image[start..].replacen("<svg", "<svg role=\"img\" aria-label=\"QR code of the key\"", 1)
}

/// A new recovery code, as shown: `ABCD-EFGH-IJKL-MNOP`.
fn new_recovery_code() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; RECOVERY_BYTES];
    rand::rng().fill_bytes(&mut bytes);
    let plain = totp::base32(&bytes);
    plain
        .as_bytes()
        .chunks(4)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .collect::<Vec<_>>()
        .join("-")
}

/// A typed recovery code in one form: dashes and spaces out, upper case, and exactly the
/// sixteen base32 characters a code has.
pub fn normalise_recovery(typed: &str) -> Option<String> {
    let plain: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let base32 = |c: char| c.is_ascii_uppercase() || ('2'..='7').contains(&c);
    (plain.len() == 16 && plain.chars().all(base32)).then_some(plain)
}

fn recovery_hash(normalised: &str) -> String {
    hex::encode(Sha256::digest(normalised.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_are_sixteen_base32_characters_in_four_groups() {
        let code = new_recovery_code();
        assert_eq!(code.len(), 19, "{code}");
        assert_eq!(code.matches('-').count(), 3, "{code}");
        assert!(normalise_recovery(&code).is_some(), "{code}");
        assert_ne!(new_recovery_code(), code);
    }

    #[test]
    fn recovery_codes_are_read_however_they_are_typed() {
        let expected = Some("ABCDEFGH23456777".to_owned());
        assert_eq!(normalise_recovery("ABCD-EFGH-2345-6777"), expected);
        assert_eq!(normalise_recovery(" abcd efgh 2345 6777 "), expected);
        assert_eq!(normalise_recovery("abcdefgh23456777"), expected);
        for bad in [
            "",
            "ABCD-EFGH-2345",
            "ABCD-EFGH-2345-6778",
            "ABCD-EFGH-2345-67770",
            "ÄBCD-EFGH-2345-6777",
        ] {
            assert_eq!(normalise_recovery(bad), None, "{bad:?}");
        }
    }
}
