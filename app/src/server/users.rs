//! Staff accounts: the password policy, argon2id hashing and account creation.

use super::entities::staff_user;
use crate::models::Role;
use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version,
    password_hash::SaltString,
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

/// The shortest password accepted (OWASP ASVS: at least 12 characters).
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest accepted, so that hashing cannot be used to exhaust the server.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Passwords that are long enough but among the most used, lower-cased. Attackers try these first.
const COMMON_PASSWORDS: &str = include_str!("common-passwords.txt");

/// Why a password is refused, said to the person choosing it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password must have at most {MAX_PASSWORD_CHARS} characters")]
    TooLong,
    #[error("the password is one of the most commonly used passwords; choose another")]
    Common,
    #[error("the password repeats too few different characters; choose another")]
    Repetitive,
    #[error("the password must not contain the email address")]
    ContainsEmail,
}

/// Checks a new password against the policy.
pub fn check_password(password: &str, email: &str) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    if COMMON_PASSWORDS.lines().any(|common| common.trim() == lower) {
        return Err(PasswordProblem::Common);
    }
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 5 {
        return Err(PasswordProblem::Repetitive);
    }
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    if local.chars().count() >= 4 && lower.contains(&local) {
        return Err(PasswordProblem::ContainsEmail);
    }
    Ok(())
}

fn argon2() -> Argon2<'static> {
    // OWASP's first recommended argon2id setting: 19 MiB of memory, 2 passes, 1 lane.
    let params = Params::new(19 * 1024, 2, 1, None).expect("constant argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password with argon2id and a random salt, in PHC string form.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Ok(argon2().hash_password(password.as_bytes(), &salt)?.to_string())
}

/// Whether `password` matches a stored PHC hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| argon2().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

/// Why an account could not be created.
#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("'{0}' is not an email address")]
    InvalidEmail(String),
    #[error("{0}")]
    WeakPassword(#[from] PasswordProblem),
    #[error("an account with the email {0} already exists")]
    Exists(String),
    #[error("could not hash the password: {0}")]
    Hash(String),
    #[error("database error: {0}")]
    Db(#[from] DbErr),
}

/// A rough but strict-enough shape check: one `@`, a dot in the domain, no spaces or controls.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && email.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Creates a staff account with a checked, hashed password.
pub async fn create_user(
    db: &impl ConnectionTrait,
    email: &str,
    name: &str,
    role: Role,
    password: &str,
) -> Result<staff_user::Model, CreateUserError> {
    let email = email.trim().to_lowercase();
    if !is_plausible_email(&email) {
        return Err(CreateUserError::InvalidEmail(email));
    }
    check_password(password, &email)?;
    if staff_user::Entity::find()
        .filter(staff_user::Column::Email.eq(&email))
        .one(db)
        .await?
        .is_some()
    {
        return Err(CreateUserError::Exists(email));
    }
    let hash = hash_password(password).map_err(|e| CreateUserError::Hash(e.to_string()))?;
    let now = Utc::now();
    let name = if name.trim().is_empty() { email.clone() } else { name.trim().to_owned() };
    Ok(staff_user::ActiveModel {
        email: Set(email),
        name: Set(name),
        password_hash: Set(Some(hash)),
        role: Set(role.as_str().to_owned()),
        active: Set(true),
        failed_logins: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_common_repetitive_and_email_passwords_are_refused() {
        let email = "aigerim.sadykova@icic-ca.example";
        assert_eq!(check_password("short", email), Err(PasswordProblem::TooShort));
        assert_eq!(check_password("Password1234", email), Err(PasswordProblem::Common));
        assert_eq!(check_password("aaaaaaaaaaaaaaaa", email), Err(PasswordProblem::Repetitive));
        assert_eq!(
            check_password("my aigerim.sadykova pass", email),
            Err(PasswordProblem::ContainsEmail)
        );
        assert_eq!(check_password(&"x".repeat(129), email), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn long_passphrases_are_welcome() {
        assert_eq!(check_password("steppe caravan at dawn 2027", "a@b.example"), Ok(()));
        assert_eq!(check_password("草原上的商队在黎明时分出发", "a@b.example"), Ok(()));
    }

    #[test]
    fn hashes_are_argon2id_and_verify() {
        let hash = hash_password("steppe caravan at dawn").expect("hashes");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_password("steppe caravan at dawn", &hash));
        assert!(!verify_password("steppe caravan at dusk", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn email_shapes() {
        assert!(is_plausible_email("li.wei@icic-ca.example"));
        assert!(!is_plausible_email("li.wei@localhost"));
        assert!(!is_plausible_email("li wei@icic-ca.example"));
        assert!(!is_plausible_email("a@b.example\r\nBcc: x@y.example"));
    }
}
