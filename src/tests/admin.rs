//! The staff area through the real router: a page without a session leads to sign-in and back;
//! wrong passwords are answered alike and lock the account; a session cookie is HttpOnly and
//! SameSite and ends at sign-out; the inbox lists inquiries with their emails; a change of
//! status by a desk officer reaches the investor's private page, and an editor may not make one.

use crate::router_tests::{TestSite, seeded};
use app::models::Role;
use app::server::users::create_user;
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

pub(crate) const PASSWORD: &str = "silk road freight by rail 2027";

pub(crate) async fn sign_in(
    site: &TestSite,
    email: &str,
    password: &str,
) -> (StatusCode, Option<String>, String) {
    let (status, headers, body) = site
        .post_form(
            "/admin/sign-in",
            &[("email", email), ("password", password), ("next", "/admin/inquiries")],
            [203, 0, 113, 1],
        )
        .await;
    let cookie = headers.get("set-cookie").and_then(|v| v.to_str().ok()).map(str::to_owned);
    (status, cookie, body)
}

/// A new account with `role`, signed in through every stage (an admin's authenticator app is
/// set up first, and its code given after the password): its session cookie, for a `Cookie`
/// header.
pub(crate) async fn signed_in(site: &TestSite, email: &str, name: &str, role: Role) -> String {
    let user = create_user(&site.state.db, email, name, role, PASSWORD).await.expect("user");
    if role == Role::Admin {
        let secret = with_authenticator_app(site, &user).await;
        return sign_in_with_code(site, email, &secret).await;
    }
    let (status, cookie, _) = sign_in(site, email, PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{email} signs in");
    session_of(&cookie.expect("a session cookie"))
}

/// Signs in with the password, then the app's code of the current step: the session cookie.
pub(crate) async fn sign_in_with_code(site: &TestSite, email: &str, secret: &[u8]) -> String {
    let (status, cookie, _) = sign_in(site, email, PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{email} signs in");
    let cookie = session_of(&cookie.expect("a session cookie"));
    let step = app::server::totp::step_at(chrono::Utc::now().timestamp());
    let code = app::server::totp::format_code(app::server::totp::code_at(secret, step));
    let (status, headers, _) = site
        .post_form_with("/admin/sign-in/code", &[("code", &code), ("next", "/admin")], &cookie)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{email} gives the app's code");
    session_of(headers.get("set-cookie").and_then(|v| v.to_str().ok()).expect("a new session"))
}

/// Sets up an authenticator app for `user` through the data layer, confirmed with the code of
/// the step before now (still accepted), so that the current step's code is free for a sign-in.
/// Returns the shared secret.
pub(crate) async fn with_authenticator_app(
    site: &TestSite,
    user: &app::server::entities::staff_user::Model,
) -> Vec<u8> {
    use app::server::{second_factor, totp};
    let secret = second_factor::begin_enrolment(&site.state.db, user).await.expect("begins");
    let user = account_of(site, &user.email).await;
    let step = totp::step_at(chrono::Utc::now().timestamp()) - totp::WINDOW;
    let code = totp::format_code(totp::code_at(&secret, step));
    second_factor::confirm_enrolment(&site.state.db, &user, &code).await.expect("switched on");
    secret
}

/// A new account with `role` and an open session, without the (slow) password check: the
/// `Cookie` header value for it.
pub(crate) async fn session_for(site: &TestSite, email: &str, role: Role) -> String {
    let user = create_user(&site.state.db, email, email, role, PASSWORD).await.expect("user");
    let token = app::server::sessions::open(&site.state.db, &user, None).await.expect("session");
    format!("{}={token}", app::server::sessions::COOKIE)
}

/// The account with this email, as stored now.
pub(crate) async fn account_of(
    site: &TestSite,
    email: &str,
) -> app::server::entities::staff_user::Model {
    app::server::entities::staff_user::Entity::find()
        .filter(app::server::entities::staff_user::Column::Email.eq(email))
        .one(&site.state.db)
        .await
        .expect("query")
        .unwrap_or_else(|| panic!("{email} exists"))
}

/// An open, signed-in session for an existing account: the `Cookie` header value for it.
pub(crate) async fn session_for_existing(site: &TestSite, email: &str) -> String {
    let user = account_of(site, email).await;
    let token = app::server::sessions::open(&site.state.db, &user, None).await.expect("session");
    format!("{}={token}", app::server::sessions::COOKIE)
}

pub(crate) fn session_of(cookie: &str) -> String {
    cookie.split(';').next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn staff_sign_in_work_the_inbox_and_sign_out() {
    let site = seeded().await;
    create_user(&site.state.db, "li.desk@icic-ca.example", "Li Desk", Role::Desk, PASSWORD)
        .await
        .expect("user");
    create_user(&site.state.db, "ed.editor@icic-ca.example", "Ed", Role::Editor, PASSWORD)
        .await
        .expect("user");

    // Without a session: to sign-in, and back after it.
    let (status, headers, _) = site.get_with("/admin/inquiries/1", &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers.get("location").and_then(|v| v.to_str().ok()),
        Some("/admin/sign-in?next=%2Fadmin%2Finquiries%2F1")
    );

    // A wrong password and an unknown email get the same answer and no cookie.
    let (status, cookie, wrong) =
        sign_in(&site, "li.desk@icic-ca.example", "not the password at all").await;
    assert_eq!((status, cookie), (StatusCode::UNAUTHORIZED, None));
    let (status, _, unknown) =
        sign_in(&site, "nobody@icic-ca.example", "not the password at all").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let message = |html: &str| {
        html.split("data-test=\"sign-in-error\">")
            .nth(1)
            .map(|r| r.split('<').next().unwrap_or_default().to_owned())
    };
    assert_eq!(message(&wrong), message(&unknown));

    // An inquiry to work.
    let fields = [
        ("name", "Wang Li"),
        ("company", "Jiangsu Packaging"),
        ("country", "CN"),
        ("email", "wang.li@example.cn"),
        ("investor_type", "manufacturer"),
        ("investment_range", "5m-20m"),
        ("message", "A packaging line."),
        ("consent", "yes"),
    ];
    let (status, headers, _) = site.post_form("/zh/inquire", &fields, [198, 51, 100, 9]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let tracking = headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .replace("?sent=1", "");

    // The desk officer signs in: a strict, HttpOnly cookie for the staff area only.
    let (status, cookie, _) = sign_in(&site, "LI.DESK@icic-ca.example", PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let cookie = cookie.expect("a session cookie");
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/admin", "Secure"] {
        assert!(cookie.contains(flag), "{flag} in {cookie}");
    }
    let session = session_of(&cookie);
    let (status, _, inbox) = site.get_with("/admin/inquiries", &[("cookie", &session)]).await;
    assert_eq!(status, StatusCode::OK);
    let row = app::server::entities::inquiry::Entity::find()
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("row");
    assert!(inbox.contains(&format!("data-reference=\"{}\"", row.reference)));
    let (status, _, detail) =
        site.get_with(&format!("/admin/inquiries/{}", row.id), &[("cookie", &session)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        detail.contains("data-kind=\"investor\" data-status=\"pending\""),
        "the emails and their delivery"
    );
    assert!(detail.contains("Jiangsu Packaging"));

    // Answered: the investor's page says so.
    let (status, _, _) = site
        .post_form_with(
            &format!("/admin/inquiries/{}/status", row.id),
            &[("status", "answered"), ("note", "Called back")],
            &session,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = site.get(&tracking).await;
    assert!(page.contains("data-status=\"answered\""), "the investor sees the new status");
    assert!(!page.contains("Called back"), "but not the staff note");

    // An editor may read but not work inquiries.
    let (_, editor_cookie, _) = sign_in(&site, "ed.editor@icic-ca.example", PASSWORD).await;
    let editor = session_of(&editor_cookie.expect("cookie"));
    let (status, _, _) = site
        .post_form_with(
            &format!("/admin/inquiries/{}/status", row.id),
            &[("status", "closed")],
            &editor,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Sign-out ends the session on the server.
    let (status, _, _) = site.post_form_with("/admin/sign-out", &[], &session).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) = site.get_with("/admin/inquiries", &[("cookie", &session)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the old cookie opens nothing");
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_account_for_a_while() {
    let site = seeded().await;
    create_user(&site.state.db, "omar.desk@icic-ca.example", "Omar", Role::Desk, PASSWORD)
        .await
        .expect("user");
    for _ in 0..app::server::sessions::MAX_FAILURES {
        let (status, _, _) =
            sign_in(&site, "omar.desk@icic-ca.example", "a wrong guess, again").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, cookie, _) = sign_in(&site, "omar.desk@icic-ca.example", PASSWORD).await;
    assert_eq!(
        (status, cookie),
        (StatusCode::UNAUTHORIZED, None),
        "locked, even with the right password"
    );
}

#[tokio::test]
async fn admins_set_exchange_rates_that_the_public_pages_follow_at_once() {
    let site = seeded().await;
    let admin = signed_in(&site, "root@icic-ca.example", "Root", Role::Admin).await;
    create_user(&site.state.db, "li.desk@icic-ca.example", "Li", Role::Desk, PASSWORD)
        .await
        .expect("user");
    let (status, _, page) = site.get_with("/admin/rates", &[("cookie", &admin)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-currency=\"krw\""));

    let today = chrono::Utc::now().date_naive().to_string();
    let (status, _, _) = site
        .post_form_with(
            "/admin/rates",
            &[("currency", "krw"), ("rate", "1,455.5"), ("as_of", &today)],
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        site.state.rates.money(app::models::Currency::Krw).per_usd,
        1_455.5,
        "in use at once"
    );
    let (_, html) = site.get("/ko/sites?currency=krw").await;
    assert!(
        html.replace(['\u{2068}', '\u{2069}'], "").contains("1,455.5원"),
        "the public pages say it"
    );

    for bad in [
        ("krw", "zero", today.as_str()),
        ("usd", "1", today.as_str()),
        ("eur", "0.9", "2999-01-01"),
    ] {
        let (status, _, page) = site
            .post_form_with(
                "/admin/rates",
                &[("currency", bad.0), ("rate", bad.1), ("as_of", bad.2)],
                &admin,
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
        assert!(page.contains("data-test=\"rate-error\""), "{bad:?}");
    }

    let (_, cookie, _) = sign_in(&site, "li.desk@icic-ca.example", PASSWORD).await;
    let desk = session_of(&cookie.expect("cookie"));
    let (status, _, _) = site
        .post_form_with(
            "/admin/rates",
            &[("currency", "eur"), ("rate", "0.5"), ("as_of", &today)],
            &desk,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "only admins");
    assert_eq!(site.state.rates.money(app::models::Currency::Eur).per_usd, 0.92);
}

#[tokio::test]
async fn admins_create_and_deactivate_staff_accounts() {
    let site = seeded().await;
    let admin = signed_in(&site, "root@icic-ca.example", "Root", Role::Admin).await;
    let (status, _, page) = site.get_with("/admin/users", &[("cookie", &admin)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-email=\"li.wei@icic-ca.example\""), "the seeded staff are listed");

    let new = |password: &'static str| {
        [
            ("email", "farida.desk@icic-ca.example"),
            ("name", "Farida"),
            ("role", "desk"),
            ("password", password),
        ]
    };
    let (status, _, page) = site.post_form_with("/admin/users", &new("password1234"), &admin).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a common password is refused");
    assert!(page.contains("data-test=\"user-error\""));
    let (status, _, _) =
        site.post_form_with("/admin/users", &new("apricots from fergana valley"), &admin).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) =
        site.post_form_with("/admin/users", &new("apricots from fergana valley"), &admin).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "once per email");

    // The new desk officer signs in, may not manage accounts, and is shut out once deactivated.
    let (status, cookie, _) =
        sign_in(&site, "farida.desk@icic-ca.example", "apricots from fergana valley").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let desk = session_of(&cookie.expect("cookie"));
    let (status, _, _) = site.get_with("/admin/users", &[("cookie", &desk)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let farida = app::server::entities::staff_user::Entity::find()
        .all(&site.state.db)
        .await
        .expect("q")
        .into_iter()
        .find(|u| u.email == "farida.desk@icic-ca.example")
        .expect("created");
    let (status, _, _) = site
        .post_form_with(&format!("/admin/users/{}/active", farida.id), &[("active", "0")], &admin)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) = site.get_with("/admin/inquiries", &[("cookie", &desk)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the session ended with the account");
    let (status, _, _) =
        sign_in(&site, "farida.desk@icic-ca.example", "apricots from fergana valley").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn admins_route_inquiries_with_new_rules_and_switch_rules_off() {
    use app::server::entities::{desk, inquiry, routing_rule};
    use sea_orm::{ColumnTrait, QueryFilter};
    let site = seeded().await;
    let admin = signed_in(&site, "root@icic-ca.example", "Root", Role::Admin).await;
    let (status, _, page) = site.get_with("/admin/routing", &[("cookie", &admin)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-test=\"rule-row\""));

    let korea = desk::Entity::find()
        .filter(desk::Column::Code.eq("korea"))
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("desk");
    let korea_id = korea.id.to_string();
    for (fields, why) in [
        (vec![("desk", korea_id.as_str()), ("priority", "10")], "no condition"),
        (
            vec![("desk", korea_id.as_str()), ("priority", "10"), ("country", "XX")],
            "unknown country",
        ),
        (vec![("desk", "9999"), ("priority", "10"), ("country", "BR")], "unknown desk"),
        (vec![("desk", korea_id.as_str()), ("priority", "ten"), ("country", "BR")], "bad priority"),
        (
            vec![("desk", korea_id.as_str()), ("priority", "10"), ("sector", "piracy")],
            "unknown sector",
        ),
    ] {
        let (status, _, page) = site.post_form_with("/admin/routing", &fields, &admin).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{why}");
        assert!(page.contains("data-test=\"rule-error\""), "{why}");
    }
    // Brazil goes to the default desk, until a rule sends it to Korea.
    let (status, _, _) = site
        .post_form_with(
            "/admin/routing",
            &[("desk", korea_id.as_str()), ("priority", "10"), ("country", "br")],
            &admin,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let send = |email: &'static str| {
        let fields = [
            ("name", "Ana Souza"),
            ("company", "Brasil Agro"),
            ("country", "BR"),
            ("email", email),
            ("investor_type", "trader"),
            ("investment_range", "1m-5m"),
            ("message", "Soy."),
            ("consent", "yes"),
        ];
        let site = &site;
        async move { site.post_form("/en/inquire", &fields, [198, 51, 100, 77]).await }
    };
    send("ana1@example.br").await;
    let desk_of = |email: &'static str| {
        let db = site.state.db.clone();
        async move {
            inquiry::Entity::find()
                .filter(inquiry::Column::Email.eq(email))
                .one(&db)
                .await
                .expect("q")
                .expect("row")
                .desk_id
        }
    };
    assert_eq!(desk_of("ana1@example.br").await, Some(korea.id));

    let rule = routing_rule::Entity::find()
        .filter(routing_rule::Column::Country.eq("BR"))
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("rule");
    let (status, _, _) = site
        .post_form_with(&format!("/admin/routing/{}/active", rule.id), &[("active", "0")], &admin)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    send("ana2@example.br").await;
    assert_ne!(desk_of("ana2@example.br").await, Some(korea.id), "the rule is off");
}

#[tokio::test]
async fn the_listings_say_their_status_and_which_languages_lack_text() {
    use app::server::entities::site_translation;
    use sea_orm::{ColumnTrait, QueryFilter};
    let site = seeded().await;
    let editor = signed_in(&site, "ed@icic-ca.example", "Ed", Role::Editor).await;
    let (status, _, page) = site.get_with("/admin/listings", &[("cookie", &editor)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        page.matches("data-test=\"listing-row\"").count(),
        45,
        "30 sites and 15 opportunities"
    );
    assert!(page.contains("data-code=\"KZ-P1\" data-missing=\"\""), "complete in four languages");

    // Korean text removed: the list says so.
    let kz_p1 = site.row("KZ-P1").await;
    site_translation::Entity::delete_many()
        .filter(site_translation::Column::SiteId.eq(kz_p1.id))
        .filter(site_translation::Column::Lang.eq("ko"))
        .exec(&site.state.db)
        .await
        .expect("delete");
    let (_, _, page) = site.get_with("/admin/listings", &[("cookie", &editor)]).await;
    assert!(page.contains("data-code=\"KZ-P1\" data-missing=\"ko\""));
}

#[tokio::test]
async fn listings_move_through_the_workflow_and_publish_only_when_complete() {
    use app::server::entities::{audit_log, site_translation};
    use sea_orm::{ColumnTrait, QueryFilter};
    let site = seeded().await;
    create_user(&site.state.db, "ed@icic-ca.example", "Ed", Role::Editor, PASSWORD)
        .await
        .expect("user");
    create_user(&site.state.db, "li.desk@icic-ca.example", "Li", Role::Desk, PASSWORD)
        .await
        .expect("user");
    let (_, cookie, _) = sign_in(&site, "ed@icic-ca.example", PASSWORD).await;
    let editor = session_of(&cookie.expect("cookie"));
    let slug = site.slug("UZ-L2").await;
    let status_of = |code: &'static str| {
        let site = &site;
        async move { site.row(code).await.status }
    };
    let change = |to: &'static str, cookie: String| {
        let site = &site;
        async move {
            site.post_form_with("/admin/listings/UZ-L2/status", &[("status", to)], &cookie).await.0
        }
    };

    // Archived: it leaves the public site at once, its address answering 410 Gone.
    assert_eq!(change("archived", editor.clone()).await, StatusCode::SEE_OTHER);
    assert_eq!(status_of("UZ-L2").await, "archived");
    let (status, html) = site.get(&format!("/zh/sites/{slug}")).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(
        html.contains(&app::i18n::text("zh", "error-gone-title")),
        "said in the reader's language"
    );
    let (_, html) = site.get("/en/sites?q=UZ-L2").await;
    assert!(!html.contains("data-code=\"UZ-L2\""), "nor in the lists");
    // No shortcut from archived to published.
    assert_eq!(change("published", editor.clone()).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(change("draft", editor.clone()).await, StatusCode::SEE_OTHER);
    assert_eq!(change("in_review", editor.clone()).await, StatusCode::SEE_OTHER);

    // Without its Arabic text it cannot be published; the answer names what is missing.
    let row = site.row("UZ-L2").await;
    site_translation::Entity::delete_many()
        .filter(site_translation::Column::SiteId.eq(row.id))
        .filter(site_translation::Column::Lang.eq("ar"))
        .exec(&site.state.db)
        .await
        .expect("delete");
    let (status, _, page) = site
        .post_form_with("/admin/listings/UZ-L2/status", &[("status", "published")], &editor)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("missing in ar"), "{page}");
    assert_eq!(status_of("UZ-L2").await, "in_review");

    // A desk officer may not publish.
    let (_, cookie, _) = sign_in(&site, "li.desk@icic-ca.example", PASSWORD).await;
    assert_eq!(change("draft", session_of(&cookie.expect("cookie"))).await, StatusCode::FORBIDDEN);

    // Every change is in the audit log, with who made it.
    let entries = audit_log::Entity::find()
        .filter(audit_log::Column::EntityId.eq("UZ-L2"))
        .all(&site.state.db)
        .await
        .expect("q");
    assert_eq!(entries.len(), 3);
    assert!(entries.iter().all(|e| e.actor_id.is_some()));
    assert_eq!(entries[0].detail.as_deref(), Some("published -> archived"));
}

#[tokio::test]
async fn sessions_end_after_30_idle_minutes_and_after_12_hours_in_all() {
    use app::server::entities::{staff_session, staff_user};
    use app::server::sessions::{IDLE, LIFETIME};
    use chrono::{Duration, Utc};
    use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter, sea_query::Expr};
    let site = seeded().await;
    let db = &site.state.db;
    // The sessions of one account, aged by setting their times.
    let age = |email: &'static str, column: staff_session::Column, when: chrono::DateTime<Utc>| async move {
        let user = staff_user::Entity::find()
            .filter(staff_user::Column::Email.eq(email))
            .one(db)
            .await
            .expect("q")
            .expect("user");
        staff_session::Entity::update_many()
            .col_expr(column, Expr::value(when))
            .filter(staff_session::Column::UserId.eq(user.id))
            .exec(db)
            .await
            .expect("age");
        user.id
    };
    let session = session_for(&site, "idle.desk@icic-ca.example", Role::Desk).await;
    // Last used a minute short of the idle limit: still signed in.
    age(
        "idle.desk@icic-ca.example",
        staff_session::Column::LastSeenAt,
        Utc::now() - IDLE + Duration::minutes(1),
    )
    .await;
    let (status, _, _) = site.get_with("/admin/inquiries", &[("cookie", &session)]).await;
    assert_eq!(status, StatusCode::OK);
    // Unused for longer than the idle limit: to sign-in, and the session is gone.
    let id = age(
        "idle.desk@icic-ca.example",
        staff_session::Column::LastSeenAt,
        Utc::now() - IDLE - Duration::minutes(1),
    )
    .await;
    let (status, headers, _) = site.get_with("/admin/inquiries", &[("cookie", &session)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let location = headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(location.starts_with("/admin/sign-in"), "{location}");
    let left = staff_session::Entity::find()
        .filter(staff_session::Column::UserId.eq(id))
        .count(db)
        .await
        .expect("count");
    assert_eq!(left, 0, "the expired session is deleted");

    // A session in constant use still ends when its lifetime is over.
    let session = session_for(&site, "long.desk@icic-ca.example", Role::Desk).await;
    age("long.desk@icic-ca.example", staff_session::Column::CreatedAt, Utc::now() - LIFETIME).await;
    age(
        "long.desk@icic-ca.example",
        staff_session::Column::ExpiresAt,
        Utc::now() - Duration::seconds(1),
    )
    .await;
    let (status, _, _) = site.get_with("/admin/inquiries", &[("cookie", &session)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn sign_in_attempts_are_limited_per_address_across_accounts() {
    let site = seeded().await;
    create_user(&site.state.db, "real.desk@icic-ca.example", "Real", Role::Desk, PASSWORD)
        .await
        .expect("user");
    let from = |client: [u8; 4], email: String, password: &'static str| {
        let site = &site;
        async move {
            site.post_form(
                "/admin/sign-in",
                &[("email", email.as_str()), ("password", password), ("next", "/admin/inquiries")],
                client,
            )
            .await
        }
    };
    // Twenty guesses, each at another account, from one address: each a plain refusal.
    for n in 0..20 {
        let (status, _, _) =
            from([198, 51, 100, 50], format!("guess{n}@icic-ca.example"), "not the password").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {n}");
    }
    // Then even the right password is not tried from that address for a while.
    let (status, headers, body) =
        from([198, 51, 100, 50], "real.desk@icic-ca.example".into(), PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(headers.contains_key("retry-after"));
    assert!(headers.get("set-cookie").is_none(), "no session");
    assert!(body.contains("Too many sign-in attempts"));
    // Another address signs in as usual.
    let (status, headers, _) =
        from([198, 51, 100, 51], "real.desk@icic-ca.example".into(), PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(headers.get("set-cookie").is_some());
}
