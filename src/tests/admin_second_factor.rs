//! The second factor through the real router: an admin is made to set up an authenticator app
//! before anything else opens; sign-in then asks for its code; a wrong code, a replayed code and
//! a spent recovery code are refused; wrong codes lock the account like wrong passwords; others
//! may turn the factor on and off; an admin may reset it for someone who lost their phone.

use crate::admin_tests::{PASSWORD, session_of, sign_in};
use crate::router_tests::{TestSite, seeded};
use app::models::Role;
use app::server::entities::{audit_log, staff_user};
use app::server::{totp, users::create_user};
use axum::http::{HeaderMap, StatusCode};
use sea_orm::EntityTrait;

fn location(headers: &HeaderMap) -> String {
    headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

fn new_cookie(headers: &HeaderMap) -> String {
    session_of(headers.get("set-cookie").and_then(|v| v.to_str().ok()).expect("a session cookie"))
}

async fn account(site: &TestSite, email: &str) -> staff_user::Model {
    crate::admin_tests::account_of(site, email).await
}

async fn secret_of(site: &TestSite, email: &str) -> Vec<u8> {
    hex::decode(account(site, email).await.totp_secret.expect("a secret")).expect("hex")
}

/// A code the server accepts now and has not seen yet: of the earliest step it still accepts
/// (one step back, for a slow typist) that is later than the last one used. When the three steps
/// around now are all used up, waits for the next step.
async fn fresh_code(site: &TestSite, email: &str) -> String {
    let user = account(site, email).await;
    let secret = hex::decode(user.totp_secret.expect("a secret")).expect("hex");
    loop {
        let now = totp::step_at(chrono::Utc::now().timestamp());
        let step = user
            .totp_last_step
            .map_or(now - totp::WINDOW, |last| (now - totp::WINDOW).max(last + 1));
        if step <= now + totp::WINDOW {
            return totp::format_code(totp::code_at(&secret, step));
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

/// A six-digit code that is none of those the server accepts now.
fn wrong_code(secret: &[u8]) -> String {
    let now = totp::step_at(chrono::Utc::now().timestamp());
    let accepted: Vec<u32> = (now - 2 * totp::WINDOW..=now + 2 * totp::WINDOW)
        .map(|s| totp::code_at(secret, s))
        .collect();
    let wrong = (0..).find(|c| !accepted.contains(c)).expect("a code nobody accepts");
    totp::format_code(wrong)
}

/// Whether a cookie opens the inbox (rather than leading to sign-in).
async fn opens_the_inbox(site: &TestSite, cookie: &str) -> bool {
    let (status, _, _) = site.get_with("/admin/inquiries", &[("cookie", cookie)]).await;
    status == StatusCode::OK
}

/// Signs in with the password: the half-way session's cookie and where it leads.
async fn password_step(site: &TestSite, email: &str) -> (String, String) {
    let (status, headers, _) = site
        .post_form(
            "/admin/sign-in",
            &[("email", email), ("password", PASSWORD), ("next", "/admin/inquiries")],
            [203, 0, 113, 9],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the password is right");
    (new_cookie(&headers), location(&headers))
}

async fn code_step(site: &TestSite, cookie: &str, code: &str) -> (StatusCode, HeaderMap, String) {
    site.post_form_with(
        "/admin/sign-in/code",
        &[("code", code), ("next", "/admin/inquiries")],
        cookie,
    )
    .await
}

#[tokio::test]
async fn an_admin_sets_up_the_app_then_signs_in_with_its_codes_or_a_recovery_code() {
    let site = seeded().await;
    let email = "root@icic-ca.example";
    create_user(&site.state.db, email, "Root", Role::Admin, PASSWORD).await.expect("user");

    // The password alone leads to setting up the app, and opens nothing else.
    let (status, headers, _) = site
        .post_form(
            "/admin/sign-in",
            &[("email", email), ("password", PASSWORD), ("next", "/admin/rates")],
            [203, 0, 113, 9],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/admin/account?next=%2Fadmin%2Frates");
    let enrolling = new_cookie(&headers);
    assert!(!opens_the_inbox(&site, &enrolling).await, "a half-way session opens nothing");
    let (status, _, page) =
        site.get_with("/admin/account?next=%2Fadmin%2Frates", &[("cookie", &enrolling)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Admins must set up a second factor"), "{page}");

    // A key, shown as text and as a QR code; a wrong code does not switch it on.
    let (status, headers, _) =
        site.post_form_with("/admin/account/totp", &[("next", "/admin/rates")], &enrolling).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/admin/account?next=%2Fadmin%2Frates");
    let secret = secret_of(&site, email).await;
    let (_, _, page) = site.get_with("/admin/account", &[("cookie", &enrolling)]).await;
    let shown: String = totp::base32(&secret)
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(page.contains(&shown), "the page shows the stored key {shown}: {page}");
    assert!(page.contains("<svg role=\"img\""), "a QR code");
    let wrong = wrong_code(&secret);
    let (status, _, page) =
        site.post_form_with("/admin/account/totp/confirm", &[("code", &wrong)], &enrolling).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("That code is not right"), "{page}");
    assert!(!account(&site, email).await.has_second_factor());

    // The app's code switches it on: ten recovery codes, once, and a new, full session.
    let code = fresh_code(&site, email).await;
    let (status, headers, page) = site
        .post_form_with(
            "/admin/account/totp/confirm",
            &[("code", &code), ("next", "/admin/rates")],
            &enrolling,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let recovery: Vec<String> = page
        .split("<li><code>")
        .skip(1)
        .filter_map(|item| item.split("</code>").next())
        .map(str::to_owned)
        .collect();
    assert_eq!(recovery.len(), 10, "{page}");
    assert!(page.contains("href=\"/admin/rates\""), "continues where the admin was going");
    let signed_in = new_cookie(&headers);
    assert_ne!(signed_in, enrolling, "a new session id");
    assert!(opens_the_inbox(&site, &signed_in).await);
    assert!(!opens_the_inbox(&site, &enrolling).await, "the half-way session is gone");
    assert!(account(&site, email).await.has_second_factor());

    // Signing in again: the password leads to the code page, and opens nothing by itself.
    let (half, to) = password_step(&site, email).await;
    assert_eq!(to, "/admin/sign-in/code?next=%2Fadmin%2Finquiries");
    assert!(!opens_the_inbox(&site, &half).await);
    let (status, _, page) = site.get_with("/admin/sign-in/code", &[("cookie", &half)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("autocomplete=\"one-time-code\""), "{page}");

    // The code used to switch the app on is refused: a code counts once.
    let (status, _, page) = code_step(&site, &half, &code).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a replayed code");
    assert!(page.contains("used already"), "{page}");
    // A wrong one too.
    let (status, _, _) = code_step(&site, &half, &wrong).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a wrong code");
    assert!(!opens_the_inbox(&site, &half).await);

    // The next code signs in, in a new session; the half-way one ends.
    let next_code = fresh_code(&site, email).await;
    let (status, headers, _) = code_step(&site, &half, &next_code).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/admin/inquiries");
    let full = new_cookie(&headers);
    assert!(opens_the_inbox(&site, &full).await);
    assert!(!opens_the_inbox(&site, &half).await);
    assert_eq!(account(&site, email).await.failed_logins, 0, "a completed sign-in clears failures");

    // The same code, replayed on a new sign-in, is refused.
    let (half, _) = password_step(&site, email).await;
    let (status, _, _) = code_step(&site, &half, &next_code).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a replayed code");

    // A recovery code, typed in lower case without dashes, signs in once.
    let typed = recovery[3].replace('-', "").to_lowercase();
    let (status, headers, _) = code_step(&site, &half, &typed).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/admin/account?recovered=1");
    let full = new_cookie(&headers);
    let (_, _, page) = site.get_with("/admin/account?recovered=1", &[("cookie", &full)]).await;
    assert!(page.contains("You signed in with a recovery code"), "{page}");
    assert!(page.contains("9 of 10 recovery codes are unused"), "{page}");
    let (half, _) = password_step(&site, email).await;
    let (status, _, _) = code_step(&site, &half, &recovery[3]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a spent recovery code");
    let (status, _, _) = code_step(&site, &half, "AAAA-BBBB-CCCC-DDDD").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a made-up recovery code");

    // The audit log tells when the factor went on and when a recovery code was used.
    let actions: Vec<String> = audit_log::Entity::find()
        .all(&site.state.db)
        .await
        .expect("query")
        .into_iter()
        .map(|row| row.action)
        .collect();
    assert!(actions.contains(&"second_factor_on".to_owned()), "{actions:?}");
    assert!(actions.contains(&"recovery_code_used".to_owned()), "{actions:?}");
}

/// An account with the app set up, directly through the data layer.
async fn with_app(site: &TestSite, email: &str, role: Role) {
    let user = create_user(&site.state.db, email, email, role, PASSWORD).await.expect("user");
    crate::admin_tests::with_authenticator_app(site, &user).await;
}

#[tokio::test]
async fn wrong_codes_lock_the_account_and_a_right_password_does_not_clear_them() {
    let site = seeded().await;
    let email = "li.desk@icic-ca.example";
    with_app(&site, email, Role::Desk).await;
    let wrong = &wrong_code(&secret_of(&site, email).await);

    let (half, _) = password_step(&site, email).await;
    for _ in 0..3 {
        let (status, _, _) = code_step(&site, &half, wrong).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    // Signing in again with the right password does not start the count again.
    let (half, _) = password_step(&site, email).await;
    let (status, _, _) = code_step(&site, &half, wrong).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, page) = code_step(&site, &half, wrong).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(page.contains("locked the account"), "the fifth wrong code locks: {page}");
    // Locked: the half-way session is gone, and the right password and code open nothing.
    let right = fresh_code(&site, email).await;
    let (status, headers, _) = code_step(&site, &half, &right).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location(&headers).starts_with("/admin/sign-in"), "back to sign-in");
    let (status, cookie, _) = sign_in(&site, email, PASSWORD).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "locked");
    assert!(cookie.is_none());
    assert!(account(&site, email).await.totp_last_step.is_some());
}

#[tokio::test]
async fn others_turn_the_factor_on_and_off_and_an_admin_resets_a_lost_one() {
    let site = seeded().await;
    // An editor signs in with a password alone, and may set up the app.
    let editor = "ed@icic-ca.example";
    create_user(&site.state.db, editor, "Ed", Role::Editor, PASSWORD).await.expect("user");
    let (status, cookie, _) = sign_in(&site, editor, PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let cookie = session_of(&cookie.expect("cookie"));
    assert!(opens_the_inbox(&site, &cookie).await, "no second factor asked of an editor");
    let (_, _, page) = site.get_with("/admin/account", &[("cookie", &cookie)]).await;
    assert!(page.contains("Set up an authenticator app"), "{page}");
    site.post_form_with("/admin/account/totp", &[], &cookie).await;
    let code = fresh_code(&site, editor).await;
    let (status, _, page) =
        site.post_form_with("/admin/account/totp/confirm", &[("code", &code)], &cookie).await;
    assert_eq!(status, StatusCode::OK);
    let first: Vec<&str> = page.split("<li><code>").skip(1).collect();
    assert_eq!(first.len(), 10);

    // New recovery codes need the app's current code; the old ones then stop working.
    let (status, _, _) =
        site.post_form_with("/admin/account/recovery-codes", &[("code", &code)], &cookie).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a used code changes nothing");
    let code = fresh_code(&site, editor).await;
    let (status, _, page) =
        site.post_form_with("/admin/account/recovery-codes", &[("code", &code)], &cookie).await;
    assert_eq!(status, StatusCode::OK);
    let renewed: Vec<&str> = page.split("<li><code>").skip(1).collect();
    assert_eq!(renewed.len(), 10);
    assert_ne!(first, renewed);
    let old = first[0].split("</code>").next().expect("a code").to_owned();
    let (half, _) = password_step(&site, editor).await;
    let (status, _, _) = code_step(&site, &half, &old).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a recovery code replaced by new ones");

    // Turning it off needs a current code too.
    let (status, _, _) =
        site.post_form_with("/admin/account/totp/disable", &[("code", "12345")], &cookie).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(account(&site, editor).await.has_second_factor());
    let code = fresh_code(&site, editor).await;
    let (status, headers, _) =
        site.post_form_with("/admin/account/totp/disable", &[("code", &code)], &cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/admin/account?off=1");
    assert!(!account(&site, editor).await.has_second_factor());
    let (status, _, _) = sign_in(&site, editor, PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // An admin may not turn their own off; they may reset someone's lost one, which ends that
    // person's sessions.
    let admin_email = "root@icic-ca.example";
    with_app(&site, admin_email, Role::Admin).await;
    let root = crate::admin_tests::session_for_existing(&site, admin_email).await;
    let code = fresh_code(&site, admin_email).await;
    let (status, _, _) =
        site.post_form_with("/admin/account/totp/disable", &[("code", &code)], &root).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(account(&site, admin_email).await.has_second_factor());
    let desk = "lost.phone@icic-ca.example";
    with_app(&site, desk, Role::Desk).await;
    let desk_session = crate::admin_tests::session_for_existing(&site, desk).await;
    assert!(opens_the_inbox(&site, &desk_session).await);
    let id = account(&site, desk).await.id;
    let (_, _, page) = site.get_with("/admin/users", &[("cookie", &root)]).await;
    assert!(page.contains(&format!("action=\"/admin/users/{id}/second-factor\"")), "{page}");
    let (status, _, _) =
        site.post_form_with(&format!("/admin/users/{id}/second-factor"), &[], &root).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(!account(&site, desk).await.has_second_factor());
    assert!(!opens_the_inbox(&site, &desk_session).await, "the sessions ended");
    let left = app::server::second_factor::unused_recovery_codes(&site.state.db, id).await;
    assert_eq!(left.expect("count"), 0, "the recovery codes are void");
    let (status, _, _) = sign_in(&site, desk, PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "signs in with the password again");
}
