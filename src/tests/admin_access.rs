//! Access control as a table: every staff route, for an anonymous visitor and for each role,
//! allowed or refused as the table says. The routes come from `admin::routes()`, the list the
//! router is built from, so a new staff route that is missing from the table fails this test.

use crate::admin;
use crate::router_tests::{TestSite, seeded};
use app::models::Role;
use app::server::entities::{inquiry, outbox, routing_rule, site, staff_user};
use app::server::users::create_user;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// Who may use a route.
#[derive(Clone, Copy, Debug)]
enum Access {
    /// Anyone, signed in or not (signing in, and the way to it).
    Anyone,
    /// Any signed-in member of staff.
    Staff,
    /// Only these roles.
    Only(&'static [Role]),
}

const DESK: Access = Access::Only(&[Role::Desk, Role::Admin]);
const EDITOR: Access = Access::Only(&[Role::Editor, Role::Admin]);
const ADMIN: Access = Access::Only(&[Role::Admin]);

/// The policy, written out on its own: method, path, who may.
const TABLE: &[(&str, &str, Access)] = &[
    ("GET", "/admin", Access::Anyone),
    ("GET", "/admin/sign-in", Access::Anyone),
    ("POST", "/admin/sign-in", Access::Anyone),
    ("POST", "/admin/sign-out", Access::Anyone),
    ("GET", "/admin/sign-in/code", Access::Anyone),
    ("POST", "/admin/sign-in/code", Access::Anyone),
    ("GET", "/admin/account", Access::Staff),
    ("POST", "/admin/account/totp", Access::Staff),
    ("POST", "/admin/account/totp/confirm", Access::Staff),
    ("POST", "/admin/account/totp/disable", Access::Only(&[Role::Editor, Role::Desk])),
    ("POST", "/admin/account/recovery-codes", Access::Staff),
    ("GET", "/admin/inquiries", Access::Staff),
    ("GET", "/admin/inquiries/{id}", Access::Staff),
    ("GET", "/admin/inquiries.csv", Access::Staff),
    ("POST", "/admin/inquiries/{id}/status", DESK),
    ("POST", "/admin/inquiries/{id}/notes", DESK),
    ("POST", "/admin/inquiries/{id}/assign", DESK),
    ("POST", "/admin/inquiries/{id}/mail/{mail_id}/retry", DESK),
    ("GET", "/admin/listings", Access::Staff),
    ("POST", "/admin/listings/{code}/status", EDITOR),
    ("GET", "/admin/listings/new", EDITOR),
    ("POST", "/admin/listings/new", EDITOR),
    ("GET", "/admin/listings/{code}/edit", EDITOR),
    ("POST", "/admin/listings/{code}/edit", EDITOR),
    ("GET", "/admin/listings/{code}/preview/{lang}", Access::Staff),
    ("GET", "/admin/listings/{code}/media", EDITOR),
    ("POST", "/admin/listings/{code}/media", EDITOR),
    ("POST", "/admin/listings/{code}/media/{id}/delete", EDITOR),
    ("GET", "/admin/rates", Access::Staff),
    ("POST", "/admin/rates", ADMIN),
    ("GET", "/admin/users", ADMIN),
    ("POST", "/admin/users", ADMIN),
    ("POST", "/admin/users/{id}/active", ADMIN),
    ("POST", "/admin/users/{id}/role", ADMIN),
    ("POST", "/admin/users/{id}/password", ADMIN),
    ("POST", "/admin/users/{id}/second-factor", ADMIN),
    ("GET", "/admin/routing", ADMIN),
    ("POST", "/admin/routing", ADMIN),
    ("GET", "/admin/routing/test", ADMIN),
    ("POST", "/admin/routing/{id}", ADMIN),
    ("POST", "/admin/routing/{id}/active", ADMIN),
    ("POST", "/admin/desks/{id}", ADMIN),
    ("GET", "/admin/audit", ADMIN),
];

/// Real records for the parameters of a route's path.
struct Targets {
    inquiry: i32,
    mail: i32,
    user: i32,
    rule: i32,
    desk: i32,
    listing: String,
}

impl Targets {
    fn path(&self, route: &str) -> String {
        let id = if route.starts_with("/admin/users/") {
            self.user
        } else if route.starts_with("/admin/routing/") {
            self.rule
        } else if route.starts_with("/admin/desks/") {
            self.desk
        } else {
            self.inquiry
        };
        route
            .replace("{id}", &id.to_string())
            .replace("{mail_id}", &self.mail.to_string())
            .replace("{code}", &self.listing)
            .replace("{lang}", "en")
    }
}

async fn targets(site: &TestSite) -> Targets {
    let db = &site.state.db;
    let fields = [
        ("name", "Access Test"),
        ("company", "Access Test Ltd"),
        ("country", "DE"),
        ("email", "access@example.de"),
        ("investor_type", "manufacturer"),
        ("investment_range", "1m-5m"),
        ("message", "Testing who may do what."),
        ("consent", "yes"),
    ];
    let (status, _, _) = site.post_form("/en/inquire", &fields, [198, 51, 100, 77]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let inquiry = inquiry::Entity::find().one(db).await.expect("q").expect("an inquiry");
    let mail = outbox::Entity::find()
        .filter(outbox::Column::InquiryId.eq(inquiry.id))
        .one(db)
        .await
        .expect("q")
        .expect("its mail");
    let user = create_user(
        db,
        "target@icic-ca.example",
        "Target",
        Role::Desk,
        crate::admin_tests::PASSWORD,
    )
    .await
    .expect("user");
    let rule = routing_rule::Entity::find().one(db).await.expect("q").expect("a seeded rule");
    let listing = site::Entity::find()
        .filter(site::Column::Status.eq("draft"))
        .one(db)
        .await
        .expect("q")
        .map_or_else(|| "KZ-P1".to_owned(), |s| s.code);
    Targets {
        inquiry: inquiry.id,
        mail: mail.id,
        user: user.id,
        rule: rule.id,
        desk: rule.desk_id,
        listing,
    }
}

#[tokio::test]
async fn every_staff_route_allows_exactly_the_roles_the_table_names() {
    let site = seeded().await;
    let targets = targets(&site).await;
    let mut people: Vec<(Role, staff_user::Model)> = Vec::new();
    for role in [Role::Admin, Role::Editor, Role::Desk] {
        let email = format!("{role}@access.example");
        let user = create_user(&site.state.db, &email, &email, role, crate::admin_tests::PASSWORD)
            .await
            .expect("user");
        people.push((role, user));
    }

    let routes: Vec<(String, String)> =
        admin::routes().into_iter().map(|(m, p, _)| (m.to_string(), p.to_owned())).collect();
    for (method, path) in &routes {
        assert!(
            TABLE.iter().any(|(m, p, _)| m == method && p == path),
            "{method} {path} is a staff route missing from the access table: add who may use it"
        );
    }
    for (method, path, _) in TABLE {
        assert!(
            routes.iter().any(|(m, p)| m == method && p == path),
            "{method} {path} is in the access table but not a route"
        );
    }

    let mut checked = 0;
    for (method, route, access) in TABLE {
        let path = targets.path(route);
        // Anonymous: the sign-in page, and back, unless the route is for anyone.
        let (status, location) = send(&site, method, &path, None).await;
        match access {
            Access::Anyone => assert_ne!(status, StatusCode::FORBIDDEN, "{method} {path}"),
            _ => {
                assert_eq!(status, StatusCode::SEE_OTHER, "anonymous {method} {path}");
                assert!(location.starts_with("/admin/sign-in?next="), "anonymous {method} {path}");
            }
        }
        for (role, user) in &people {
            // A fresh session each time: a route may end the session (sign-out) or change data.
            let token =
                app::server::sessions::open(&site.state.db, user, None).await.expect("session");
            let cookie = format!("{}={token}", app::server::sessions::COOKIE);
            let (status, location) = send(&site, method, &path, Some(&cookie)).await;
            let allowed = match access {
                Access::Anyone | Access::Staff => true,
                Access::Only(roles) => roles.contains(role),
            };
            if !matches!(access, Access::Anyone) {
                assert!(
                    !location.starts_with("/admin/sign-in"),
                    "{role} {method} {path} was sent to sign in"
                );
            }
            assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            if allowed {
                assert_ne!(status, StatusCode::FORBIDDEN, "{role} may {method} {path}");
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{role} may not {method} {path}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, TABLE.len() * 3);
}

/// A request as a browser's form would send it, with no fields: status and `Location`.
async fn send(
    site: &TestSite,
    method: &str,
    path: &str,
    cookie: Option<&str>,
) -> (StatusCode, String) {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let (status, headers, _) = site.send(request.body(Body::empty()).expect("request")).await;
    let location =
        headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    (status, location)
}
