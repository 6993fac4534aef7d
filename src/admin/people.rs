//! Staff accounts and the routing of inquiries to desks (admins). Every change is written to the
//! audit log in the same transaction as the change itself.

use super::{admin, audit, esc, form, html, page};
use app::models::Role;
use app::server::AppState;
use app::server::entities::{desk, routing_rule, staff_session, staff_user};
use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use std::collections::HashMap;

/// Where a problem is said on the accounts page: beside the field it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AccountField {
    NewAccount,
    Role(i32),
    Password(i32),
    Active(i32),
}

fn notice(test: &str, message: &str) -> String {
    format!("<p class=\"form-notice\" role=\"alert\" data-test=\"{test}\">{}</p>", esc(message))
}

async fn users_page(
    state: &AppState,
    me: &staff_user::Model,
    problem: Option<(AccountField, &str)>,
    status: StatusCode,
) -> Response {
    let accounts = staff_user::Entity::find()
        .order_by_asc(staff_user::Column::Email)
        .all(&state.db)
        .await
        .unwrap_or_default();
    let beside = |at: AccountField| match problem {
        Some((field, message)) if field == at => notice("user-error", message),
        _ => String::new(),
    };
    let rows: String = accounts
        .iter()
        .map(|u| {
            let toggle = if u.id == me.id {
                "(you)".to_owned()
            } else {
                format!(
                    "<form method=\"post\" action=\"/admin/users/{}/active\"><input type=\"hidden\" name=\"active\" value=\"{}\"><button type=\"submit\">{}</button></form>",
                    u.id,
                    if u.active { "0" } else { "1" },
                    if u.active { "Deactivate" } else { "Reactivate" }
                )
            };
            let roles: String = Role::ALL
                .iter()
                .map(|r| {
                    format!(
                        "<option value=\"{0}\"{1}>{0}</option>",
                        r.as_str(),
                        if u.role == r.as_str() { " selected" } else { "" }
                    )
                })
                .collect();
            format!(
                "<tr data-test=\"user-row\" data-email=\"{email}\" data-active=\"{active}\" data-role=\"{role}\"><td>{email}</td><td>{name}</td>\
                 <td><form method=\"post\" action=\"/admin/users/{id}/role\"><label class=\"visually-hidden\" for=\"role-{id}\">Role of {email}</label><select id=\"role-{id}\" name=\"role\">{roles}</select> <button type=\"submit\">Change</button></form>{role_problem}</td>\
                 <td>{password} <form method=\"post\" action=\"/admin/users/{id}/password\"><label class=\"visually-hidden\" for=\"password-{id}\">New password for {email}</label><input id=\"password-{id}\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required> <button type=\"submit\">Set a new password</button></form>{password_problem}</td>\
                 <td>{second}</td><td>{last}</td><td>{toggle}{active_problem}</td></tr>",
                id = u.id,
                email = esc(&u.email),
                active = u.active,
                name = esc(&u.name),
                role = esc(&u.role),
                password = if u.password_hash.is_some() { "set" } else { "none" },
                second = if u.has_second_factor() {
                    format!(
                        "on <form method=\"post\" action=\"/admin/users/{}/second-factor\"><button type=\"submit\" aria-label=\"Reset the second factor of {}\">Reset (lost phone)</button></form>",
                        u.id,
                        esc(&u.email)
                    )
                } else if u.role == Role::Admin.as_str() {
                    "off: set up at next sign-in".to_owned()
                } else {
                    "off".to_owned()
                },
                last = u.last_login_at.map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default(),
                role_problem = beside(AccountField::Role(u.id)),
                password_problem = beside(AccountField::Password(u.id)),
                active_problem = beside(AccountField::Active(u.id)),
            )
        })
        .collect();
    let problem = beside(AccountField::NewAccount);
    let roles: String = Role::ALL
        .iter()
        .map(|r| format!("<option value=\"{0}\">{0}</option>", r.as_str()))
        .collect();
    let body = format!(
        "<h1>Staff accounts</h1><p>A change of role or password ends the person's sessions, so that it applies at once; a new password also lifts a lock-out.</p>\
         <table class=\"compare-table\" data-test=\"users\"><thead><tr><th>Email</th><th>Name</th><th>Role</th><th>Password (12 characters or more)</th><th>Second factor</th><th>Last sign-in (UTC)</th><th></th></tr></thead><tbody>{rows}</tbody></table>\
         <h2>New account</h2>{problem}<form class=\"inquiry-form\" method=\"post\" action=\"/admin/users\"><div class=\"form-grid\">\
         <div class=\"field\"><label for=\"email\">Email</label><input id=\"email\" name=\"email\" type=\"email\" required></div>\
         <div class=\"field\"><label for=\"name\">Name</label><input id=\"name\" name=\"name\" maxlength=\"120\"></div>\
         <div class=\"field\"><label for=\"role\">Role</label><select id=\"role\" name=\"role\">{roles}</select></div>\
         <div class=\"field\"><label for=\"password\">First password (12 characters or more)</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required></div>\
         </div><button type=\"submit\">Create the account</button></form>"
    );
    html(status, page("Staff accounts", Some(me), &body))
}

/// `GET /admin/users`: admins only.
pub async fn users(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match admin(&state, &headers, "/admin/users").await {
        Ok(me) => users_page(&state, &me, None, StatusCode::OK).await,
        Err(response) => response,
    }
}

/// The answer to a refused change on the accounts page.
async fn refuse_account(
    state: &AppState,
    me: &staff_user::Model,
    at: AccountField,
    message: &str,
) -> Response {
    users_page(state, me, Some((at, message)), StatusCode::UNPROCESSABLE_ENTITY).await
}

fn unavailable(err: &DbErr, what: &str) -> Response {
    tracing::error!(cause = %err, "cannot {what}");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

/// `POST /admin/users`: a new account, with the password policy of `portal create-user`.
pub async fn create_user(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    use app::server::users::{self, CreateUserError};
    let me = match admin(&state, &headers, "/admin/users").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let fields = form(&body);
    let get = |name: &str| fields.get(name).map_or("", String::as_str);
    let Ok(role) = get("role").parse::<Role>() else {
        return refuse_account(&state, &me, AccountField::NewAccount, "Choose a role.").await;
    };
    match users::create_user(&state.db, get("email"), get("name"), role, get("password")).await {
        Ok(user) => {
            tracing::info!(user = user.id, role = %user.role, "staff account created");
            let detail = format!("{} as {}", user.email, user.role);
            if let Err(err) =
                audit::record(&state.db, &me, "create", "staff_user", user.id, detail).await
            {
                tracing::error!(cause = %err, "cannot write the audit log");
            }
            Redirect::to("/admin/users").into_response()
        }
        Err(CreateUserError::Db(err)) => unavailable(&err, "create an account"),
        Err(problem) => {
            refuse_account(&state, &me, AccountField::NewAccount, &problem.to_string()).await
        }
    }
}

/// The account `id`, or the answer when there is none.
async fn account(db: &DatabaseConnection, id: i32) -> Result<staff_user::Model, Response> {
    match staff_user::Entity::find_by_id(id).one(db).await {
        Ok(Some(user)) => Ok(user),
        Ok(None) => Err(StatusCode::NOT_FOUND.into_response()),
        Err(err) => Err(unavailable(&err, "read an account")),
    }
}

/// Ends every session of an account: what it changed applies from its next request.
pub(crate) async fn end_sessions(db: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    staff_session::Entity::delete_many()
        .filter(staff_session::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// `POST /admin/users/{id}/active`: deactivating ends the account's sessions at once.
pub async fn set_active(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let me = match admin(&state, &headers, "/admin/users").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    if id == me.id {
        return refuse_account(
            &state,
            &me,
            AccountField::Active(id),
            "You cannot deactivate your own account.",
        )
        .await;
    }
    let active = form(&body).get("active").map(String::as_str) == Some("1");
    let user = match account(&state.db, id).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let email = user.email.clone();
    let mut changed: staff_user::ActiveModel = user.into();
    changed.active = Set(active);
    changed.updated_at = Set(Utc::now());
    let saved = async {
        let txn = state.db.begin().await?;
        changed.update(&txn).await?;
        let (action, detail) = if active {
            ("reactivate", email)
        } else {
            end_sessions(&txn, id).await?;
            ("deactivate", format!("{email}; sessions ended"))
        };
        audit::record(&txn, &me, action, "staff_user", id, detail).await?;
        txn.commit().await
    }
    .await;
    match saved {
        Ok(()) => Redirect::to("/admin/users").into_response(),
        Err(err) => unavailable(&err, "change an account"),
    }
}

/// Why `actor` may not give `target` the role `to`, if they may not. `other_admins` counts the
/// active admins other than `target` once the change is made.
fn role_change_problem(
    actor: &staff_user::Model,
    target: &staff_user::Model,
    to: Role,
    other_admins: u64,
) -> Option<&'static str> {
    let was_admin = target.role == Role::Admin.as_str();
    if to == Role::Admin || !was_admin {
        None
    } else if actor.id == target.id {
        Some("You cannot remove your own admin role; another admin can.")
    } else if target.active && other_admins == 0 {
        Some("The last active admin cannot be demoted: make another account admin first.")
    } else {
        None
    }
}

/// What became of a change of role.
#[derive(Debug, PartialEq)]
pub(crate) enum RoleChange {
    Changed,
    Unchanged,
    Refused(&'static str),
}

/// Gives `target` the role `to` for `actor`, ending its sessions and writing the audit log, in one
/// transaction. The admins that remain are counted after the change, inside the transaction, so
/// that two admins demoting each other at the same moment cannot leave the portal without one.
pub(crate) async fn change_role_of(
    db: &DatabaseConnection,
    actor: &staff_user::Model,
    target: &staff_user::Model,
    to: Role,
) -> Result<RoleChange, DbErr> {
    if target.role == to.as_str() {
        return Ok(RoleChange::Unchanged);
    }
    // The first statement writes: on SQLite a transaction that begins by reading cannot write
    // once another connection has.
    let txn = db.begin().await?;
    let mut changed: staff_user::ActiveModel = target.clone().into();
    changed.role = Set(to.as_str().to_owned());
    changed.updated_at = Set(Utc::now());
    changed.update(&txn).await?;
    let admins = staff_user::Entity::find()
        .filter(staff_user::Column::Role.eq(Role::Admin.as_str()))
        .filter(staff_user::Column::Active.eq(true))
        .count(&txn)
        .await?;
    if let Some(problem) = role_change_problem(actor, target, to, admins) {
        txn.rollback().await?;
        return Ok(RoleChange::Refused(problem));
    }
    end_sessions(&txn, target.id).await?;
    let detail = format!("{}: {} -> {}; sessions ended", target.email, target.role, to.as_str());
    audit::record(&txn, actor, "role", "staff_user", target.id, detail).await?;
    txn.commit().await?;
    Ok(RoleChange::Changed)
}

/// `POST /admin/users/{id}/role`: admins change a role (admin, editor, desk). No admin removes
/// their own admin role, and the last active admin stays one. The account's sessions end, so
/// the new role applies at its next sign-in.
pub async fn change_role(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let me = match admin(&state, &headers, "/admin/users").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let Some(role) = form(&body).get("role").and_then(|r| r.parse::<Role>().ok()) else {
        return refuse_account(
            &state,
            &me,
            AccountField::Role(id),
            "Choose a role: admin, editor or desk.",
        )
        .await;
    };
    let user = match account(&state.db, id).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    match change_role_of(&state.db, &me, &user, role).await {
        Ok(RoleChange::Changed | RoleChange::Unchanged) => {
            Redirect::to("/admin/users").into_response()
        }
        Ok(RoleChange::Refused(problem)) => {
            refuse_account(&state, &me, AccountField::Role(id), problem).await
        }
        Err(err) => unavailable(&err, "change a role"),
    }
}

/// `POST /admin/users/{id}/password`: an admin sets a new password, under the policy of new
/// accounts. The account's sessions end and a lock-out is lifted.
pub async fn reset_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    use app::server::users::{check_password, hash_password};
    let me = match admin(&state, &headers, "/admin/users").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let user = match account(&state.db, id).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let password = form(&body).remove("password").unwrap_or_default();
    if let Err(problem) = check_password(&password, &user.email) {
        let message = format!("The new password is refused: {problem}.");
        return refuse_account(&state, &me, AccountField::Password(id), &message).await;
    }
    // Hashing takes tens of milliseconds of CPU on purpose; it runs off the async workers.
    let hashed = tokio::task::spawn_blocking(move || hash_password(&password)).await;
    let Ok(Ok(hash)) = hashed else {
        tracing::error!("cannot hash a new password");
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let email = user.email.clone();
    let mut changed: staff_user::ActiveModel = user.into();
    changed.password_hash = Set(Some(hash));
    changed.failed_logins = Set(0);
    changed.locked_until = Set(None);
    changed.updated_at = Set(Utc::now());
    let saved = async {
        let txn = state.db.begin().await?;
        changed.update(&txn).await?;
        end_sessions(&txn, id).await?;
        let detail = format!("{email}: new password set; sessions ended, lock-out lifted");
        audit::record(&txn, &me, "password", "staff_user", id, detail).await?;
        txn.commit().await
    }
    .await;
    match saved {
        Ok(()) => Redirect::to("/admin/users").into_response(),
        Err(err) => unavailable(&err, "set a password"),
    }
}

/// A routing rule as its form gives it, checked: a known desk, a priority and at least one
/// condition, each a known value. Adding and editing a rule both go through [`check_rule`].
#[derive(Clone, Debug, PartialEq)]
struct RuleInput {
    desk_id: i32,
    priority: i32,
    country: Option<String>,
    sector: Option<String>,
    zone: Option<String>,
}

fn check_rule(
    fields: &HashMap<String, String>,
    desk_ids: &[i32],
) -> Result<RuleInput, &'static str> {
    let get = |name: &str| fields.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let country = get("country").map(str::to_ascii_uppercase);
    let sector = get("sector").map(str::to_owned);
    let zone = get("zone").map(str::to_owned);
    let Some(desk_id) =
        get("desk").and_then(|d| d.parse::<i32>().ok()).filter(|id| desk_ids.contains(id))
    else {
        return Err("Choose a desk.");
    };
    let Some(priority) =
        get("priority").and_then(|p| p.parse::<i32>().ok()).filter(|p| (0..=1000).contains(p))
    else {
        return Err("The priority is a whole number from 0 to 1000.");
    };
    if country.is_none() && sector.is_none() && zone.is_none() {
        return Err("A rule needs at least one condition: a country, a sector or a zone.");
    }
    if country.as_deref().is_some_and(|c| !app::models::is_country(c)) {
        return Err("The country is a two-letter ISO code, such as CN.");
    }
    if sector.as_deref().is_some_and(|s| s.parse::<app::models::Sector>().is_err())
        || zone.as_deref().is_some_and(|z| z.parse::<app::models::Zone>().is_err())
    {
        return Err("Choose the sector and the zone from the lists.");
    }
    Ok(RuleInput { desk_id, priority, country, sector, zone })
}

impl From<&routing_rule::Model> for RuleInput {
    fn from(rule: &routing_rule::Model) -> Self {
        Self {
            desk_id: rule.desk_id,
            priority: rule.priority,
            country: rule.country.clone(),
            sector: rule.sector.clone(),
            zone: rule.zone.clone(),
        }
    }
}

impl RuleInput {
    /// The rule in words, for the audit log and the routing test.
    fn describe(&self, desks: &[desk::Model]) -> String {
        let desk = desks.iter().find(|d| d.id == self.desk_id).map_or("?", |d| d.code.as_str());
        format!(
            "desk {desk}, priority {}, country {}, sector {}, zone {}",
            self.priority,
            self.country.as_deref().unwrap_or("any"),
            self.sector.as_deref().unwrap_or("any"),
            self.zone.as_deref().unwrap_or("any"),
        )
    }
}

/// A desk's name and addresses as its form gives them, checked; the addresses joined by commas
/// as the mails read them.
fn check_desk(fields: &HashMap<String, String>) -> Result<(String, String), String> {
    use app::server::users::is_plausible_email;
    let name = fields.get("name").map_or("", |n| n.trim());
    if name.is_empty() || name.chars().count() > 120 {
        return Err("The desk needs a name of at most 120 characters.".into());
    }
    let mut emails: Vec<String> = Vec::new();
    let raw = fields.get("emails").map_or("", String::as_str);
    for email in raw.split([',', ';', ' ', '\n', '\r', '\t']).filter(|e| !e.is_empty()) {
        let email = email.to_lowercase();
        if !is_plausible_email(&email) {
            return Err(format!("'{email}' is not an email address."));
        }
        if !emails.contains(&email) {
            emails.push(email);
        }
    }
    if emails.is_empty() {
        return Err("Give at least one email address, separated by commas.".into());
    }
    if emails.len() > 10 {
        return Err("A desk has at most 10 addresses.".into());
    }
    Ok((name.to_owned(), emails.join(",")))
}

/// Where a problem is said on the routing page: beside the form it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RoutingField {
    NewRule,
    Rule(i32),
    Desk(i32),
    TestCountry,
    TestListing,
}

/// The "which desk?" form as it was filled, and its answer once there is one.
#[derive(Default)]
struct RouteTest {
    country: String,
    listings: String,
    answer: Option<String>,
}

/// The fields of a rule's form, filled with `rule`; `prefix` keeps their ids apart on the page.
fn rule_fields(prefix: &str, desks: &[desk::Model], rule: Option<&RuleInput>) -> String {
    let chosen = |yes: bool| if yes { " selected" } else { "" };
    let desk_options: String = desks
        .iter()
        .map(|d| {
            format!(
                "<option value=\"{}\"{}>{}</option>",
                d.id,
                chosen(rule.is_some_and(|r| r.desk_id == d.id)),
                esc(&d.name)
            )
        })
        .collect();
    let choices = |all: Vec<&'static str>, current: Option<&str>| -> String {
        std::iter::once("<option value=\"\">any</option>".to_owned())
            .chain(all.into_iter().map(|v| {
                format!("<option value=\"{v}\"{}>{v}</option>", chosen(current == Some(v)))
            }))
            .collect()
    };
    let sectors = choices(
        app::models::Sector::ALL.iter().map(|s| s.as_str()).collect(),
        rule.and_then(|r| r.sector.as_deref()),
    );
    let zones = choices(
        app::models::Zone::ALL.iter().map(|z| z.as_str()).collect(),
        rule.and_then(|r| r.zone.as_deref()),
    );
    format!(
        "<div class=\"form-grid\">\
         <div class=\"field\"><label for=\"{prefix}desk\">Desk</label><select id=\"{prefix}desk\" name=\"desk\">{desk_options}</select></div>\
         <div class=\"field\"><label for=\"{prefix}priority\">Priority (higher first)</label><input id=\"{prefix}priority\" name=\"priority\" inputmode=\"numeric\" value=\"{priority}\"></div>\
         <div class=\"field\"><label for=\"{prefix}country\">Country (ISO code)</label><input id=\"{prefix}country\" name=\"country\" maxlength=\"2\" value=\"{country}\"></div>\
         <div class=\"field\"><label for=\"{prefix}sector\">Sector</label><select id=\"{prefix}sector\" name=\"sector\">{sectors}</select></div>\
         <div class=\"field\"><label for=\"{prefix}zone\">Zone</label><select id=\"{prefix}zone\" name=\"zone\">{zones}</select></div>\
         </div>",
        priority = rule.map_or(10, |r| r.priority),
        country = esc(rule.and_then(|r| r.country.as_deref()).unwrap_or_default()),
    )
}

async fn routing_page(
    state: &AppState,
    me: &staff_user::Model,
    problem: Option<(RoutingField, &str)>,
    test: &RouteTest,
    status: StatusCode,
) -> Response {
    let desks = desk::Entity::find()
        .order_by_asc(desk::Column::Id)
        .all(&state.db)
        .await
        .unwrap_or_default();
    let rules = routing_rule::Entity::find()
        .order_by_desc(routing_rule::Column::Priority)
        .order_by_asc(routing_rule::Column::Id)
        .all(&state.db)
        .await
        .unwrap_or_default();
    let beside = |at: RoutingField| match problem {
        Some((field, message)) if field == at => notice("rule-error", message),
        _ => String::new(),
    };
    let open = |at: RoutingField| if beside(at).is_empty() { "" } else { " open" };
    let desk_name =
        |id: i32| desks.iter().find(|d| d.id == id).map_or_else(String::new, |d| d.name.clone());
    let desk_rows: String = desks
        .iter()
        .map(|d| {
            let at = RoutingField::Desk(d.id);
            format!(
                "<tr data-test=\"desk-row\" data-desk=\"{code}\"><td>{code}</td><td>{name}</td><td>{emails}</td><td>{default}</td>\
                 <td><details{open}><summary>Edit</summary>{problem}<form method=\"post\" action=\"/admin/desks/{id}\">\
                 <div class=\"field\"><label for=\"desk-{id}-name\">Name</label><input id=\"desk-{id}-name\" name=\"name\" maxlength=\"120\" value=\"{name}\" required></div>\
                 <div class=\"field\"><label for=\"desk-{id}-emails\">Addresses (separated by commas)</label><input id=\"desk-{id}-emails\" name=\"emails\" value=\"{emails}\" required></div>\
                 <button type=\"submit\">Save the desk</button></form></details></td></tr>",
                id = d.id,
                code = esc(&d.code),
                name = esc(&d.name),
                emails = esc(&d.emails),
                default = if d.is_default { "default" } else { "" },
                open = open(at),
                problem = beside(at),
            )
        })
        .collect();
    let rule_rows: String = rules
        .iter()
        .map(|r| {
            let at = RoutingField::Rule(r.id);
            format!(
                "<tr data-test=\"rule-row\" data-rule=\"{id}\" data-active=\"{active}\"><td>{priority}</td><td>{desk}</td><td>{country}</td><td>{sector}</td><td>{zone}</td>\
                 <td><form method=\"post\" action=\"/admin/routing/{id}/active\"><input type=\"hidden\" name=\"active\" value=\"{next}\"><button type=\"submit\">{label}</button></form>\
                 <details{open}><summary>Edit</summary>{problem}<form method=\"post\" action=\"/admin/routing/{id}\">{fields}<button type=\"submit\">Save the rule</button></form></details></td></tr>",
                id = r.id,
                active = r.active,
                priority = r.priority,
                desk = esc(&desk_name(r.desk_id)),
                country = esc(r.country.as_deref().unwrap_or("any")),
                sector = esc(r.sector.as_deref().unwrap_or("any")),
                zone = esc(r.zone.as_deref().unwrap_or("any")),
                next = if r.active { "0" } else { "1" },
                label = if r.active { "Switch off" } else { "Switch on" },
                open = open(at),
                problem = beside(at),
                fields = rule_fields(&format!("rule-{}-", r.id), &desks, Some(&RuleInput::from(r))),
            )
        })
        .collect();
    let body = format!(
        "<h1>Routing</h1><p>An inquiry goes to the desk of the active rule of highest priority whose every condition holds (the investor's country, a listing's sector, a listing's zone); with none, to the default desk.</p>\
         <h2 id=\"test\">Which desk?</h2><form class=\"inquiry-form\" method=\"get\" action=\"/admin/routing/test\"><div class=\"form-grid\">\
         <div class=\"field\"><label for=\"test-country\">Investor's country (ISO code)</label><input id=\"test-country\" name=\"country\" maxlength=\"2\" value=\"{test_country}\" required>{country_problem}</div>\
         <div class=\"field\"><label for=\"test-listing\">Listing codes, if any (separated by spaces)</label><input id=\"test-listing\" name=\"listing\" value=\"{test_listings}\">{listing_problem}</div>\
         </div><button type=\"submit\">Find the desk</button></form>{answer}\
         <h2>Desks</h2><p>The public contact page shows a desk's name in the reader's language where the translations have one.</p>\
         <table class=\"compare-table\" data-test=\"desks\"><thead><tr><th>Code</th><th>Name</th><th>Addresses</th><th></th><th></th></tr></thead><tbody>{desk_rows}</tbody></table>\
         <h2>Rules</h2><table class=\"compare-table\" data-test=\"rules\"><thead><tr><th>Priority</th><th>Desk</th><th>Country</th><th>Sector</th><th>Zone</th><th></th></tr></thead><tbody>{rule_rows}</tbody></table>\
         <h2>New rule</h2>{new_problem}<form class=\"inquiry-form\" method=\"post\" action=\"/admin/routing\">{new_fields}<button type=\"submit\">Add the rule</button></form>",
        test_country = esc(&test.country),
        test_listings = esc(&test.listings),
        country_problem = beside(RoutingField::TestCountry),
        listing_problem = beside(RoutingField::TestListing),
        answer = test.answer.as_deref().unwrap_or_default(),
        new_problem = beside(RoutingField::NewRule),
        new_fields = rule_fields("", &desks, None),
    );
    html(status, page("Routing", Some(me), &body))
}

/// The answer to a refused change on the routing page.
async fn refuse_routing(
    state: &AppState,
    me: &staff_user::Model,
    at: RoutingField,
    message: &str,
) -> Response {
    routing_page(
        state,
        me,
        Some((at, message)),
        &RouteTest::default(),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// `GET /admin/routing`: desks and rules (admins).
pub async fn routing(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match admin(&state, &headers, "/admin/routing").await {
        Ok(me) => routing_page(&state, &me, None, &RouteTest::default(), StatusCode::OK).await,
        Err(response) => response,
    }
}

/// Every desk, or the answer when they cannot be read.
async fn all_desks(db: &DatabaseConnection) -> Result<Vec<desk::Model>, Response> {
    desk::Entity::find()
        .order_by_asc(desk::Column::Id)
        .all(db)
        .await
        .map_err(|err| unavailable(&err, "read the desks"))
}

/// `POST /admin/routing`: a new rule, with at least one condition, each a known value (admins).
pub async fn add_rule(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let me = match admin(&state, &headers, "/admin/routing").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let desks = match all_desks(&state.db).await {
        Ok(desks) => desks,
        Err(response) => return response,
    };
    let ids: Vec<i32> = desks.iter().map(|d| d.id).collect();
    let input = match check_rule(&form(&body), &ids) {
        Ok(input) => input,
        Err(problem) => return refuse_routing(&state, &me, RoutingField::NewRule, problem).await,
    };
    let now = Utc::now();
    let detail = input.describe(&desks);
    let saved = async {
        let txn = state.db.begin().await?;
        let rule = routing_rule::ActiveModel {
            desk_id: Set(input.desk_id),
            priority: Set(input.priority),
            country: Set(input.country),
            sector: Set(input.sector),
            zone: Set(input.zone),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        audit::record(&txn, &me, "create", "routing_rule", rule.id, detail).await?;
        txn.commit().await
    }
    .await;
    match saved {
        Ok(()) => Redirect::to("/admin/routing").into_response(),
        Err(err) => unavailable(&err, "add a routing rule"),
    }
}

/// `POST /admin/routing/{id}`: a rule's desk, priority and conditions, checked as a new rule's
/// are (admins).
pub async fn edit_rule(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let me = match admin(&state, &headers, "/admin/routing").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let rule = match routing_rule::Entity::find_by_id(id).one(&state.db).await {
        Ok(Some(rule)) => rule,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable(&err, "read a routing rule"),
    };
    let desks = match all_desks(&state.db).await {
        Ok(desks) => desks,
        Err(response) => return response,
    };
    let ids: Vec<i32> = desks.iter().map(|d| d.id).collect();
    let input = match check_rule(&form(&body), &ids) {
        Ok(input) => input,
        Err(problem) => return refuse_routing(&state, &me, RoutingField::Rule(id), problem).await,
    };
    let detail =
        format!("{} -> {}", RuleInput::from(&rule).describe(&desks), input.describe(&desks));
    let mut changed: routing_rule::ActiveModel = rule.into();
    changed.desk_id = Set(input.desk_id);
    changed.priority = Set(input.priority);
    changed.country = Set(input.country);
    changed.sector = Set(input.sector);
    changed.zone = Set(input.zone);
    changed.updated_at = Set(Utc::now());
    let saved = async {
        let txn = state.db.begin().await?;
        changed.update(&txn).await?;
        audit::record(&txn, &me, "edit", "routing_rule", id, detail).await?;
        txn.commit().await
    }
    .await;
    match saved {
        Ok(()) => Redirect::to("/admin/routing").into_response(),
        Err(err) => unavailable(&err, "edit a routing rule"),
    }
}

/// `POST /admin/routing/{id}/active`: switches a rule on or off (admins).
pub async fn set_rule_active(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let me = match admin(&state, &headers, "/admin/routing").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let active = form(&body).get("active").map(String::as_str) == Some("1");
    let updated = async {
        let txn = state.db.begin().await?;
        let result = routing_rule::Entity::update_many()
            .col_expr(routing_rule::Column::Active, sea_orm::sea_query::Expr::value(active))
            .col_expr(routing_rule::Column::UpdatedAt, sea_orm::sea_query::Expr::value(Utc::now()))
            .filter(routing_rule::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        if result.rows_affected != 1 {
            txn.rollback().await?;
            return Ok(false);
        }
        let action = if active { "switch_on" } else { "switch_off" };
        audit::record(&txn, &me, action, "routing_rule", id, action.replace('_', " ")).await?;
        txn.commit().await?;
        Ok::<_, DbErr>(true)
    }
    .await;
    match updated {
        Ok(true) => Redirect::to("/admin/routing").into_response(),
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable(&err, "switch a routing rule"),
    }
}

/// `POST /admin/desks/{id}`: a desk's name and email addresses (admins).
pub async fn edit_desk(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let me = match admin(&state, &headers, "/admin/routing").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let found = match desk::Entity::find_by_id(id).one(&state.db).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable(&err, "read a desk"),
    };
    let (name, emails) = match check_desk(&form(&body)) {
        Ok(checked) => checked,
        Err(problem) => return refuse_routing(&state, &me, RoutingField::Desk(id), &problem).await,
    };
    let detail = format!(
        "{}: name '{}' -> '{name}'; addresses {} -> {emails}",
        found.code, found.name, found.emails
    );
    let mut changed: desk::ActiveModel = found.into();
    changed.name = Set(name);
    changed.emails = Set(emails);
    changed.updated_at = Set(Utc::now());
    let saved = async {
        let txn = state.db.begin().await?;
        changed.update(&txn).await?;
        audit::record(&txn, &me, "edit", "desk", id, detail).await?;
        txn.commit().await
    }
    .await;
    match saved {
        Ok(()) => Redirect::to("/admin/routing").into_response(),
        Err(err) => unavailable(&err, "edit a desk"),
    }
}

/// `GET /admin/routing/test?country=CN&listing=KZ-P1`: which desk an inquiry from that country
/// about those published listings would go to, and the rule that decides, found by the very
/// function a real submission uses (admins). A country or listing that an inquiry could not
/// name is answered 422, the reason beside the field.
pub async fn test_routing(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    use app::server::inquiries::{find_listings, route_explained};
    let me = match admin(&state, &headers, "/admin/routing").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let country = query
        .iter()
        .rev()
        .find(|(name, _)| name == "country")
        .map_or(String::new(), |(_, v)| v.trim().to_ascii_uppercase());
    let mut codes: Vec<String> = Vec::new();
    for (_, value) in query.iter().filter(|(name, _)| name == "listing") {
        for code in value.split([',', ' ', ';']).filter(|c| !c.is_empty()) {
            let code = code.to_ascii_uppercase();
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
    }
    let mut test = RouteTest { country: country.clone(), listings: codes.join(" "), answer: None };
    let refuse = |at: RoutingField, message: String, test: RouteTest| {
        let (state, me) = (&state, &me);
        async move {
            routing_page(state, me, Some((at, &message)), &test, StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
    };
    if !app::models::is_country(&country) {
        return refuse(
            RoutingField::TestCountry,
            "Give the investor's country as a two-letter ISO code, such as CN.".into(),
            test,
        )
        .await;
    }
    let found = if codes.is_empty() {
        Ok((Vec::new(), Vec::new()))
    } else {
        find_listings(&state.db, &codes).await
    };
    let listings = match found {
        Ok((listings, unknown)) if unknown.is_empty() => listings,
        Ok((_, unknown)) => {
            let message = format!(
                "No published listing has the code {}: an inquiry naming it would be refused.",
                unknown.join(", ")
            );
            return refuse(RoutingField::TestListing, message, test).await;
        }
        Err(err) => return unavailable(&err, "read the listings"),
    };
    let desks = match all_desks(&state.db).await {
        Ok(desks) => desks,
        Err(response) => return response,
    };
    let about =
        if codes.is_empty() { String::new() } else { format!(" about {}", codes.join(", ")) };
    test.answer = Some(match route_explained(&state.db, &country, &listings).await {
        Ok(Some(routed)) => {
            let why = routed.rule.as_ref().map_or_else(
                || "no rule matches, so the default desk takes it".to_owned(),
                |rule| format!("by rule {}: {}", rule.id, RuleInput::from(rule).describe(&desks)),
            );
            format!(
                "<p data-test=\"route-result\" data-desk=\"{code}\" data-rule=\"{rule}\">An inquiry from {country}{about} goes to <strong>{name}</strong> ({emails}), {why}.</p>",
                code = esc(&routed.desk.code),
                rule = routed.rule.as_ref().map(|r| r.id.to_string()).unwrap_or_default(),
                country = esc(&country),
                about = esc(&about),
                name = esc(&routed.desk.name),
                emails = esc(&routed.desk.emails),
                why = esc(&why),
            )
        }
        Ok(None) => "<p data-test=\"route-result\" data-desk=\"\">No rule matches and there is no default desk: such an inquiry would be refused. Make a desk the default.</p>".to_owned(),
        Err(err) => return unavailable(&err, "route a test inquiry"),
    });
    routing_page(&state, &me, None, &test, StatusCode::OK).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    fn account(id: i32, role: Role, active: bool) -> staff_user::Model {
        let now = Utc::now();
        staff_user::Model {
            id,
            email: format!("user{id}@icic-ca.example"),
            name: format!("User {id}"),
            password_hash: None,
            role: role.as_str().to_owned(),
            active,
            failed_logins: 0,
            locked_until: None,
            last_login_at: None,
            created_at: now,
            updated_at: now,
            totp_secret: None,
            totp_enabled_at: None,
            totp_last_step: None,
        }
    }

    #[test]
    fn admins_keep_their_own_role_and_the_last_admin_stays() {
        let me = account(1, Role::Admin, true);
        let other = account(2, Role::Admin, true);
        let editor = account(3, Role::Editor, true);
        let retired = account(4, Role::Admin, false);
        assert!(role_change_problem(&me, &me, Role::Editor, 3).is_some(), "not oneself");
        assert_eq!(role_change_problem(&me, &me, Role::Admin, 0), None);
        assert_eq!(role_change_problem(&me, &other, Role::Desk, 1), None);
        assert!(role_change_problem(&me, &other, Role::Desk, 0).is_some(), "not the last");
        assert_eq!(role_change_problem(&me, &retired, Role::Desk, 0), None, "not an active one");
        assert_eq!(role_change_problem(&me, &editor, Role::Desk, 0), None);
    }

    #[test]
    fn a_rule_needs_a_desk_a_priority_and_a_known_condition() {
        let desks = [3, 5];
        assert_eq!(
            check_rule(&fields(&[("desk", "5"), ("priority", " 20 "), ("country", "cn")]), &desks),
            Ok(RuleInput {
                desk_id: 5,
                priority: 20,
                country: Some("CN".into()),
                sector: None,
                zone: None
            })
        );
        for (bad, why) in [
            (vec![("desk", "4"), ("priority", "1"), ("country", "CN")], "unknown desk"),
            (vec![("desk", "3"), ("priority", "1001"), ("country", "CN")], "priority too high"),
            (vec![("desk", "3"), ("priority", "1")], "no condition"),
            (vec![("desk", "3"), ("priority", "1"), ("country", "XX")], "unknown country"),
            (vec![("desk", "3"), ("priority", "1"), ("zone", "moon")], "unknown zone"),
        ] {
            assert!(check_rule(&fields(&bad), &desks).is_err(), "{why}");
        }
    }

    #[test]
    fn a_desk_needs_a_name_and_real_addresses() {
        assert_eq!(
            check_desk(&fields(&[
                ("name", " China desk "),
                (
                    "emails",
                    "China.Desk@icic-ca.example, li.wei@icic-ca.example;china.desk@icic-ca.example"
                )
            ])),
            Ok(("China desk".into(), "china.desk@icic-ca.example,li.wei@icic-ca.example".into()))
        );
        assert!(check_desk(&fields(&[("name", ""), ("emails", "a@b.example")])).is_err());
        assert!(check_desk(&fields(&[("name", "Desk"), ("emails", " ")])).is_err());
        assert!(
            check_desk(&fields(&[("name", "Desk"), ("emails", "a@b.example, nobody")])).is_err()
        );
    }
}
