//! Administration through the real router: roles and passwords that apply at once, the rules
//! that keep an admin in charge, routing rules and desks edited with the checks of new ones, a
//! "which desk?" tool that agrees with real submissions, the audit log and its filters, and
//! non-admins refused on every one of these routes.

use crate::admin_tests::{PASSWORD, session_of, sign_in, signed_in};
use crate::router_tests::{TestSite, seeded};
use app::models::Role;
use app::server::entities::{audit_log, desk, inquiry, routing_rule, staff_user};
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

async fn user(site: &TestSite, email: &str) -> staff_user::Model {
    crate::admin_tests::account_of(site, email).await
}

async fn desk_of_code(site: &TestSite, code: &str) -> desk::Model {
    desk::Entity::find()
        .filter(desk::Column::Code.eq(code))
        .one(&site.state.db)
        .await
        .expect("query")
        .unwrap_or_else(|| panic!("desk {code} is seeded"))
}

async fn rule_for(site: &TestSite, country: &str) -> routing_rule::Model {
    routing_rule::Entity::find()
        .filter(routing_rule::Column::Country.eq(country))
        .one(&site.state.db)
        .await
        .expect("query")
        .unwrap_or_else(|| panic!("a rule for {country}"))
}

async fn audit_entries(site: &TestSite) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Id)
        .all(&site.state.db)
        .await
        .expect("query")
}

/// The value of `attribute` on the first element marked `data-test="{test}"`.
fn attribute(html: &str, test: &str, attribute: &str) -> Option<String> {
    let element = html.split(&format!("data-test=\"{test}\"")).nth(1)?.split('>').next()?;
    let value = element.split(&format!("{attribute}=\"")).nth(1)?;
    Some(value.split('"').next()?.to_owned())
}

#[tokio::test]
async fn a_new_role_applies_at_once_and_an_admin_stays_in_charge() {
    let site = seeded().await;
    let root = signed_in(&site, "root@icic-ca.example", "Root", Role::Admin).await;
    let editor = signed_in(&site, "ed@icic-ca.example", "Ed", Role::Editor).await;
    let ed = user(&site, "ed@icic-ca.example").await;
    let (status, _, _) = site.get_with("/admin/users", &[("cookie", &editor)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "an editor manages no accounts");

    // Made admin: the old session is over, and the next one has the admin's rights.
    let (status, _, _) = site
        .post_form_with(&format!("/admin/users/{}/role", ed.id), &[("role", "admin")], &root)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(user(&site, "ed@icic-ca.example").await.role, "admin");
    let (status, headers, _) = site.get_with("/admin/listings", &[("cookie", &editor)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the old session ended");
    assert!(
        headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|l| l.starts_with("/admin/sign-in"))
    );
    // A new admin must first set up a second factor: the password alone opens nothing else.
    let (_, cookie, _) = sign_in(&site, "ed@icic-ca.example", PASSWORD).await;
    let enrolling = session_of(&cookie.expect("signed in again"));
    let (status, _, _) = site.get_with("/admin/users", &[("cookie", &enrolling)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "not before the second factor is set up");
    let secret = crate::admin_tests::with_authenticator_app(&site, &ed).await;
    let ed_admin =
        crate::admin_tests::sign_in_with_code(&site, "ed@icic-ca.example", &secret).await;
    let (status, _, page) = site.get_with("/admin/users", &[("cookie", &ed_admin)]).await;
    assert_eq!(status, StatusCode::OK, "with the new role's rights");
    assert!(
        page.contains("data-email=\"ed@icic-ca.example\" data-active=\"true\" data-role=\"admin\"")
    );

    // No admin removes their own admin role; their session goes on.
    let me = user(&site, "root@icic-ca.example").await;
    let (status, _, page) = site
        .post_form_with(&format!("/admin/users/{}/role", me.id), &[("role", "editor")], &root)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("data-test=\"user-error\""));
    assert!(page.contains("You cannot remove your own admin role"), "said plainly");
    assert_eq!(user(&site, "root@icic-ca.example").await.role, "admin", "nothing changed");
    let (status, _, _) = site.get_with("/admin/users", &[("cookie", &root)]).await;
    assert_eq!(status, StatusCode::OK);

    // A role that does not exist, an account that does not exist.
    let (status, _, page) = site
        .post_form_with(&format!("/admin/users/{}/role", ed.id), &[("role", "owner")], &root)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("data-test=\"user-error\""));
    let (status, _, _) =
        site.post_form_with("/admin/users/99999/role", &[("role", "desk")], &root).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Ed demotes Root, while Root, whose request was already let through as an admin's, demotes
    // Ed: the second change would leave no admin at all and is refused.
    let root_before = user(&site, "root@icic-ca.example").await;
    let (status, _, _) = site
        .post_form_with(&format!("/admin/users/{}/role", me.id), &[("role", "desk")], &ed_admin)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let ed_now = user(&site, "ed@icic-ca.example").await;
    let outcome = crate::admin::change_role_of(&site.state.db, &root_before, &ed_now, Role::Editor)
        .await
        .expect("database");
    assert!(
        matches!(outcome, crate::admin::RoleChange::Refused(p) if p.contains("last active admin")),
        "{outcome:?}"
    );
    assert_eq!(user(&site, "ed@icic-ca.example").await.role, "admin", "still the admin");
    let (status, _, _) = site.get_with("/admin/users", &[("cookie", &root)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "Root's session ended with the demotion");

    // Both changes are in the audit log, with who made them.
    let entries = audit_entries(&site).await;
    let roles: Vec<(Option<i32>, Option<String>, Option<String>)> = entries
        .iter()
        .filter(|e| e.action == "role" && e.entity == "staff_user")
        .map(|e| (e.actor_id, e.entity_id.clone(), e.detail.clone()))
        .collect();
    assert_eq!(
        roles,
        vec![
            (
                Some(me.id),
                Some(ed.id.to_string()),
                Some("ed@icic-ca.example: editor -> admin; sessions ended".into())
            ),
            (
                Some(ed.id),
                Some(me.id.to_string()),
                Some("root@icic-ca.example: admin -> desk; sessions ended".into())
            ),
        ]
    );
}

#[tokio::test]
async fn an_admin_sets_a_new_password_that_ends_sessions_and_lifts_a_lock_out() {
    let site = seeded().await;
    let root = signed_in(&site, "root@icic-ca.example", "Root", Role::Admin).await;
    let desk_session = signed_in(&site, "farida@icic-ca.example", "Farida", Role::Desk).await;
    let farida = user(&site, "farida@icic-ca.example").await;
    for _ in 0..app::server::sessions::MAX_FAILURES {
        sign_in(&site, "farida@icic-ca.example", "a wrong guess, again").await;
    }
    let (status, _, _) = sign_in(&site, "farida@icic-ca.example", PASSWORD).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "locked out");
    let locked = user(&site, "farida@icic-ca.example").await;
    assert!(locked.locked_until.is_some());

    // Weak passwords are refused beside the field, and nothing changes.
    let path = format!("/admin/users/{}/password", farida.id);
    for weak in ["short one", "password1234", "farida farida farida"] {
        let (status, _, page) = site.post_form_with(&path, &[("password", weak)], &root).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{weak}");
        assert!(page.contains("data-test=\"user-error\""), "{weak}");
        assert!(page.contains("The new password is refused"), "{weak}");
    }
    assert_eq!(user(&site, "farida@icic-ca.example").await, locked, "nothing changed");
    let (status, _, _) = site.get_with("/admin/inquiries", &[("cookie", &desk_session)]).await;
    assert_eq!(status, StatusCode::OK, "the session goes on");

    // A good one: sessions end, the lock-out is lifted, the old password opens nothing.
    let new_password = "caravanserai at the crossing 88";
    let (status, _, _) = site.post_form_with(&path, &[("password", new_password)], &root).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let reset = user(&site, "farida@icic-ca.example").await;
    assert_eq!((reset.failed_logins, reset.locked_until), (0, None));
    let (status, _, _) = site.get_with("/admin/inquiries", &[("cookie", &desk_session)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the old session ended");
    let (status, cookie, _) = sign_in(&site, "farida@icic-ca.example", PASSWORD).await;
    assert_eq!((status, cookie), (StatusCode::UNAUTHORIZED, None), "the old password is refused");
    let (status, cookie, _) = sign_in(&site, "farida@icic-ca.example", new_password).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the new one is accepted");
    assert!(cookie.is_some());

    let (status, _, _) = site
        .post_form_with("/admin/users/99999/password", &[("password", new_password)], &root)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The audit log says it happened, and never what the password is.
    let entries = audit_entries(&site).await;
    let entry = entries.iter().find(|e| e.action == "password").expect("recorded");
    assert_eq!(entry.entity_id.as_deref(), Some(farida.id.to_string().as_str()));
    assert_eq!(entries.iter().filter(|e| e.action == "password").count(), 1, "only the good one");
    for e in &entries {
        let detail = e.detail.as_deref().unwrap_or_default();
        for secret in
            [new_password, PASSWORD, "$argon2", reset.password_hash.as_deref().unwrap_or("?")]
        {
            assert!(!detail.contains(secret), "{detail}");
        }
    }
}

#[tokio::test]
async fn rules_and_desks_are_edited_under_the_checks_of_new_ones() {
    let site = seeded().await;
    let root = signed_in(&site, "root@icic-ca.example", "Root", Role::Admin).await;
    let korea = desk_of_code(&site, "korea").await;
    let cn = rule_for(&site, "CN").await;
    let path = format!("/admin/routing/{}", cn.id);
    let korea_id = korea.id.to_string();
    for (fields, why) in [
        (vec![("desk", korea_id.as_str()), ("priority", "10")], "no condition"),
        (vec![("desk", korea_id.as_str()), ("priority", "10"), ("country", "XX")], "bad country"),
        (vec![("desk", "9999"), ("priority", "10"), ("country", "CN")], "unknown desk"),
        (vec![("desk", korea_id.as_str()), ("priority", "-1"), ("country", "CN")], "bad priority"),
        (vec![("desk", korea_id.as_str()), ("priority", "10"), ("zone", "moon")], "bad zone"),
    ] {
        let (status, _, page) = site.post_form_with(&path, &fields, &root).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{why}");
        assert!(page.contains("data-test=\"rule-error\""), "{why}");
        assert!(page.contains("<details open>"), "{why}: the rule's form is open at the message");
    }
    assert_eq!(rule_for(&site, "CN").await, cn, "nothing changed");

    let (status, _, _) = site
        .post_form_with(
            &path,
            &[("desk", korea_id.as_str()), ("priority", "50"), ("country", "cn"), ("sector", "")],
            &root,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let edited = rule_for(&site, "CN").await;
    assert_eq!(
        (edited.desk_id, edited.priority, edited.sector.as_deref(), edited.active),
        (korea.id, 50, None, true)
    );
    let (status, _, _) = site
        .post_form_with(
            "/admin/routing/99999",
            &[("desk", korea_id.as_str()), ("priority", "1"), ("country", "CN")],
            &root,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A desk: a name and real addresses.
    let desk_path = format!("/admin/desks/{}", korea.id);
    for (fields, why) in [
        (
            vec![("name", "Korea desk"), ("emails", "korea.desk@icic-ca.example, not an address")],
            "bad address",
        ),
        (vec![("name", "Korea desk"), ("emails", "")], "no address"),
        (vec![("name", " "), ("emails", "korea.desk@icic-ca.example")], "no name"),
    ] {
        let (status, _, page) = site.post_form_with(&desk_path, &fields, &root).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{why}");
        assert!(page.contains("data-test=\"rule-error\""), "{why}");
    }
    assert_eq!(desk_of_code(&site, "korea").await, korea, "nothing changed");
    let (status, _, _) = site
        .post_form_with(
            &desk_path,
            &[
                ("name", "Korea and Japan desk"),
                ("emails", "Korea.Desk@icic-ca.example; park.minji@icic-ca.example"),
            ],
            &root,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let saved = desk_of_code(&site, "korea").await;
    assert_eq!(
        (saved.name.as_str(), saved.emails.as_str()),
        ("Korea and Japan desk", "korea.desk@icic-ca.example,park.minji@icic-ca.example")
    );
    let (status, _, _) = site
        .post_form_with("/admin/desks/99999", &[("name", "X"), ("emails", "x@y.example")], &root)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let entries = audit_entries(&site).await;
    let edits: Vec<(&str, &str, Option<&str>)> = entries
        .iter()
        .map(|e| (e.action.as_str(), e.entity.as_str(), e.entity_id.as_deref()))
        .collect();
    assert_eq!(
        edits,
        vec![
            ("edit", "routing_rule", Some(cn.id.to_string().as_str())),
            ("edit", "desk", Some(korea.id.to_string().as_str())),
        ],
        "one entry for each change, none for refused ones"
    );
    assert_eq!(
        entries[0].detail.as_deref(),
        Some(
            "desk china, priority 10, country CN, sector any, zone any -> desk korea, priority 50, country CN, sector any, zone any"
        )
    );
}

#[tokio::test]
async fn the_routing_test_picks_the_desk_a_real_inquiry_goes_to() {
    let site = seeded().await;
    let root = signed_in(&site, "root@icic-ca.example", "Root", Role::Admin).await;
    let china = desk_of_code(&site, "china").await;
    let cn = rule_for(&site, "CN").await;
    let send = |country: &'static str, email: &'static str| {
        let fields = [
            ("name", "Wang Li"),
            ("company", "Jiangsu Packaging"),
            ("country", country),
            ("email", email),
            ("investor_type", "manufacturer"),
            ("investment_range", "5m-20m"),
            ("message", "A packaging line."),
            ("listing", "KZ-P1"),
            ("consent", "yes"),
        ];
        let site = &site;
        async move {
            let (status, _, _) = site.post_form("/en/inquire", &fields, [198, 51, 100, 9]).await;
            assert_eq!(status, StatusCode::SEE_OTHER, "submitted");
            inquiry::Entity::find()
                .filter(inquiry::Column::Email.eq(email))
                .one(&site.state.db)
                .await
                .expect("query")
                .expect("stored")
                .desk_id
        }
    };
    let tool = |query: &'static str| {
        let (site, root) = (&site, &root);
        async move { site.get_with(&format!("/admin/routing/test?{query}"), &[("cookie", root)]).await }
    };

    // China: the China desk, by the seeded CN rule, as a real inquiry.
    let (status, _, page) = tool("country=cn&listing=KZ-P1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute(&page, "route-result", "data-desk").as_deref(), Some("china"));
    assert_eq!(attribute(&page, "route-result", "data-rule"), Some(cn.id.to_string()));
    assert!(page.contains("China desk"));
    assert_eq!(send("CN", "wang1@example.cn").await, Some(china.id));

    // Brazil: no rule, the default desk.
    let (status, _, page) = tool("country=BR&listing=KZ-P1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute(&page, "route-result", "data-desk").as_deref(), Some("general"));
    assert_eq!(attribute(&page, "route-result", "data-rule").as_deref(), Some(""));
    assert!(page.contains("default desk"));
    let general = desk_of_code(&site, "general").await;
    assert_eq!(send("BR", "ana@example.br").await, Some(general.id));

    // A higher rule on the listing's zone sends China's inquiry about KZ-P1 to Korea: the tool
    // and a submission agree again.
    let zone = site.row("KZ-P1").await.zone;
    let korea = desk_of_code(&site, "korea").await;
    let (status, _, _) = site
        .post_form_with(
            "/admin/routing",
            &[("desk", korea.id.to_string().as_str()), ("priority", "20"), ("zone", zone.as_str())],
            &root,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, page) = tool("country=CN&listing=KZ-P1").await;
    assert_eq!(attribute(&page, "route-result", "data-desk").as_deref(), Some("korea"));
    assert_eq!(send("CN", "wang2@example.cn").await, Some(korea.id));
    let (_, _, page) = tool("country=CN").await;
    assert_eq!(
        attribute(&page, "route-result", "data-desk").as_deref(),
        Some("china"),
        "without the listing, its zone rule does not apply"
    );

    // What an inquiry could not name is said beside the field.
    for (query, field) in [
        ("country=XX&listing=KZ-P1", "test-country"),
        ("listing=KZ-P1", "test-country"),
        ("country=CN&listing=NOPE-1", "test-listing"),
    ] {
        let (status, _, page) = tool(query).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        let field_html = page.split(&format!("id=\"{field}\"")).nth(1).unwrap_or_default();
        assert!(
            field_html
                .split("</div>")
                .next()
                .unwrap_or_default()
                .contains("data-test=\"rule-error\""),
            "{query}: the message is beside {field}"
        );
        assert!(!page.contains("data-test=\"route-result\""), "{query}");
    }
    let (_, _, page) = tool("country=CN&listing=NOPE-1").await;
    assert!(page.contains("No published listing has the code NOPE-1"));
}

#[tokio::test]
async fn the_audit_log_lists_changes_newest_first_and_filters_them() {
    let site = seeded().await;
    let root = signed_in(&site, "root@icic-ca.example", "Root", Role::Admin).await;
    let other = signed_in(&site, "amina@icic-ca.example", "Amina Admin", Role::Admin).await;
    let amina = user(&site, "amina@icic-ca.example").await;
    let today = chrono::Utc::now().date_naive();

    // Changes by both admins: an account, a rate, a rule, a desk.
    let (status, _, _) = site
        .post_form_with(
            "/admin/users",
            &[
                ("email", "new.desk@icic-ca.example"),
                ("name", "New Desk"),
                ("role", "desk"),
                ("password", "apricots from fergana valley"),
            ],
            &root,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let new_desk = user(&site, "new.desk@icic-ca.example").await;
    let (status, _, _) = site
        .post_form_with(
            "/admin/rates",
            &[("currency", "krw"), ("rate", "1400"), ("as_of", &today.to_string())],
            &other,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let kr = rule_for(&site, "KR").await;
    let (status, _, _) = site
        .post_form_with(&format!("/admin/routing/{}/active", kr.id), &[("active", "0")], &root)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) = site
        .post_form_with(&format!("/admin/users/{}/active", new_desk.id), &[("active", "0")], &other)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    let audit = |query: String| {
        let (site, root) = (&site, &root);
        async move { site.get_with(&format!("/admin/audit?{query}"), &[("cookie", root)]).await }
    };
    let actions = |page: &str| -> Vec<String> {
        page.split("data-test=\"audit-row\" data-action=\"")
            .skip(1)
            .map(|r| r.split('"').next().unwrap_or_default().to_owned())
            .collect()
    };
    let (status, _, page) = audit(String::new()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(actions(&page), ["deactivate", "switch_off", "set", "create"], "newest first");
    assert!(page.contains("Amina Admin (amina@icic-ca.example)"), "who, by name and email");
    assert!(page.contains("data-entity=\"exchange_rate\" data-entity-id=\"krw\""), "which record");
    assert!(page.contains("1400 per USD from"), "the detail");
    assert!(page.contains(&today.format("%Y-%m-%d").to_string()), "when");

    let (_, _, page) = audit(format!("actor={}", amina.id)).await;
    assert_eq!(actions(&page), ["deactivate", "set"], "by person");
    let (_, _, page) = audit("entity=staff_user".into()).await;
    assert_eq!(actions(&page), ["deactivate", "create"], "by kind of record");
    let (_, _, page) = audit("action=switch_off".into()).await;
    assert_eq!(actions(&page), ["switch_off"], "by action");
    assert!(page.contains("<option value=\"switch_off\" selected>"), "the filter stays chosen");
    let yesterday = today.pred_opt().expect("a day before");
    let (_, _, page) = audit(format!("from={yesterday}&to={yesterday}")).await;
    assert!(actions(&page).is_empty(), "nothing yesterday");
    let (_, _, page) = audit(format!("from={today}&to={today}&entity=routing_rule")).await;
    assert_eq!(actions(&page), ["switch_off"], "today, and a rule");
    for bad in ["from=yesterday", "actor=root", "from=2027-02-01&to=2027-01-01", "page=0"] {
        let (status, _, page) = audit(bad.into()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(page.contains("data-test=\"audit-error\""), "{bad}");
    }

    // 50 a page, the filter kept from page to page.
    let me = user(&site, "root@icic-ca.example").await;
    for n in 0..60 {
        crate::admin::record(&site.state.db, &me, "edit", "desk", n, "bulk").await.expect("record");
    }
    let (_, _, page) = audit("entity=desk".into()).await;
    assert_eq!(actions(&page).len(), 50);
    assert!(page.contains("href=\"/admin/audit?entity=desk&amp;page=2\""), "{page}");
    let (_, _, page) = audit("entity=desk&page=2".into()).await;
    assert_eq!(actions(&page).len(), 10);
    assert!(page.contains("data-entity-id=\"0\""), "the oldest last");
}

#[tokio::test]
async fn only_admins_reach_the_administration() {
    let site = seeded().await;
    let _root = signed_in(&site, "root@icic-ca.example", "Root", Role::Admin).await;
    let editor = signed_in(&site, "ed@icic-ca.example", "Ed", Role::Editor).await;
    let desk = signed_in(&site, "li.desk@icic-ca.example", "Li", Role::Desk).await;
    let target = user(&site, "li.wei@icic-ca.example").await;
    let rule = rule_for(&site, "CN").await;
    let china = desk_of_code(&site, "china").await;
    let role = format!("/admin/users/{}/role", target.id);
    let password = format!("/admin/users/{}/password", target.id);
    let active = format!("/admin/users/{}/active", target.id);
    let rule_path = format!("/admin/routing/{}", rule.id);
    let rule_active = format!("/admin/routing/{}/active", rule.id);
    let desk_path = format!("/admin/desks/{}", china.id);
    let china_id = china.id.to_string();
    let posts: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (role.as_str(), vec![("role", "admin")]),
        (password.as_str(), vec![("password", "caravanserai at the crossing 88")]),
        (active.as_str(), vec![("active", "0")]),
        (
            "/admin/users",
            vec![
                ("email", "x@icic-ca.example"),
                ("role", "admin"),
                ("password", "caravanserai at the crossing 88"),
            ],
        ),
        (
            rule_path.as_str(),
            vec![("desk", china_id.as_str()), ("priority", "99"), ("country", "BR")],
        ),
        (
            "/admin/routing",
            vec![("desk", china_id.as_str()), ("priority", "99"), ("country", "BR")],
        ),
        (rule_active.as_str(), vec![("active", "0")]),
        (desk_path.as_str(), vec![("name", "Taken"), ("emails", "evil@example.com")]),
    ];
    let gets = [
        "/admin/audit",
        "/admin/routing/test?country=CN&listing=KZ-P1",
        "/admin/routing",
        "/admin/users",
    ];
    for (who, cookie) in [("editor", &editor), ("desk", &desk)] {
        for path in gets {
            let (status, _, _) = site.get_with(path, &[("cookie", cookie)]).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{who} GET {path}");
        }
        for (path, fields) in &posts {
            let (status, _, _) = site.post_form_with(path, fields, cookie).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{who} POST {path}");
        }
    }
    // Without a session, to sign-in.
    for path in gets {
        let (status, _, _) = site.get_with(path, &[]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "anonymous GET {path}");
    }
    for (path, fields) in &posts {
        let (status, _, _) = site.post_form_with(path, fields, "").await;
        assert_eq!(status, StatusCode::SEE_OTHER, "anonymous POST {path}");
    }
    // And nothing changed.
    assert_eq!(user(&site, "li.wei@icic-ca.example").await, target);
    assert_eq!(rule_for(&site, "CN").await, rule);
    assert_eq!(desk_of_code(&site, "china").await, china);
    assert_eq!(audit_log::Entity::find().count(&site.state.db).await.expect("count"), 0);
}
