//! Staff accounts and the routing of inquiries to desks (admins).

use super::{admin, esc, form, html, page};
use app::models::Role;
use app::server::AppState;
use app::server::entities::{desk, staff_user};
use axum::{
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

async fn users_page(
    state: &AppState,
    me: &staff_user::Model,
    problem: Option<&str>,
    status: StatusCode,
) -> Response {
    let accounts = staff_user::Entity::find()
        .order_by_asc(staff_user::Column::Email)
        .all(&state.db)
        .await
        .unwrap_or_default();
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
            format!(
                "<tr data-test=\"user-row\" data-email=\"{0}\" data-active=\"{1}\"><td>{0}</td><td>{2}</td><td>{3}</td><td>{4}</td><td>{5}</td><td>{toggle}</td></tr>",
                esc(&u.email),
                u.active,
                esc(&u.name),
                esc(&u.role),
                if u.password_hash.is_some() { "set" } else { "none" },
                u.last_login_at.map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default(),
            )
        })
        .collect();
    let problem = problem.map_or_else(String::new, |p| {
        format!("<p class=\"form-notice\" role=\"alert\" data-test=\"user-error\">{}</p>", esc(p))
    });
    let roles: String = Role::ALL
        .iter()
        .map(|r| format!("<option value=\"{0}\">{0}</option>", r.as_str()))
        .collect();
    let body = format!(
        "<h1>Staff accounts</h1><table class=\"compare-table\" data-test=\"users\"><thead><tr><th>Email</th><th>Name</th><th>Role</th><th>Password</th><th>Last sign-in (UTC)</th><th></th></tr></thead><tbody>{rows}</tbody></table>\
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
        return users_page(&state, &me, Some("Choose a role."), StatusCode::UNPROCESSABLE_ENTITY)
            .await;
    };
    match users::create_user(&state.db, get("email"), get("name"), role, get("password")).await {
        Ok(user) => {
            tracing::info!(user = user.id, role = %user.role, "staff account created");
            Redirect::to("/admin/users").into_response()
        }
        Err(CreateUserError::Db(err)) => {
            tracing::error!(cause = %err, "cannot create an account");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
        Err(problem) => {
            users_page(&state, &me, Some(&problem.to_string()), StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
    }
}

/// `POST /admin/users/{id}/active`: deactivating ends the account's sessions at once.
pub async fn set_active(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    use app::server::entities::staff_session;
    let me = match admin(&state, &headers, "/admin/users").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    if id == me.id {
        return users_page(
            &state,
            &me,
            Some("You cannot deactivate your own account."),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let active = form(&body).get("active").map(String::as_str) == Some("1");
    let Ok(Some(user)) = staff_user::Entity::find_by_id(id).one(&state.db).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut changed: staff_user::ActiveModel = user.into();
    changed.active = Set(active);
    changed.updated_at = Set(Utc::now());
    let saved = async {
        changed.update(&state.db).await?;
        if !active {
            staff_session::Entity::delete_many()
                .filter(staff_session::Column::UserId.eq(id))
                .exec(&state.db)
                .await?;
        }
        Ok::<_, sea_orm::DbErr>(())
    }
    .await;
    match saved {
        Ok(()) => Redirect::to("/admin/users").into_response(),
        Err(err) => {
            tracing::error!(cause = %err, "cannot change an account");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

async fn routing_page(
    state: &AppState,
    me: &staff_user::Model,
    problem: Option<&str>,
    status: StatusCode,
) -> Response {
    use app::server::entities::routing_rule;
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
    let desk_name =
        |id: i32| desks.iter().find(|d| d.id == id).map_or_else(String::new, |d| d.name.clone());
    let desk_rows: String = desks
        .iter()
        .map(|d| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&d.code),
                esc(&d.name),
                esc(&d.emails),
                if d.is_default { "default" } else { "" }
            )
        })
        .collect();
    let rule_rows: String = rules
        .iter()
        .map(|r| {
            format!(
                "<tr data-test=\"rule-row\" data-rule=\"{id}\" data-active=\"{active}\"><td>{priority}</td><td>{desk}</td><td>{country}</td><td>{sector}</td><td>{zone}</td>\
                 <td><form method=\"post\" action=\"/admin/routing/{id}/active\"><input type=\"hidden\" name=\"active\" value=\"{next}\"><button type=\"submit\">{label}</button></form></td></tr>",
                id = r.id,
                active = r.active,
                priority = r.priority,
                desk = esc(&desk_name(r.desk_id)),
                country = esc(r.country.as_deref().unwrap_or("any")),
                sector = esc(r.sector.as_deref().unwrap_or("any")),
                zone = esc(r.zone.as_deref().unwrap_or("any")),
                next = if r.active { "0" } else { "1" },
                label = if r.active { "Switch off" } else { "Switch on" },
            )
        })
        .collect();
    let problem = problem.map_or_else(String::new, |p| {
        format!("<p class=\"form-notice\" role=\"alert\" data-test=\"rule-error\">{}</p>", esc(p))
    });
    let desk_options: String = desks
        .iter()
        .map(|d| format!("<option value=\"{}\">{}</option>", d.id, esc(&d.name)))
        .collect();
    let choices = |all: Vec<&'static str>| -> String {
        std::iter::once("<option value=\"\">any</option>".to_owned())
            .chain(all.into_iter().map(|v| format!("<option value=\"{v}\">{v}</option>")))
            .collect()
    };
    let sectors = choices(app::models::Sector::ALL.iter().map(|s| s.as_str()).collect());
    let zones = choices(app::models::Zone::ALL.iter().map(|z| z.as_str()).collect());
    let body = format!(
        "<h1>Routing</h1><p>An inquiry goes to the desk of the active rule of highest priority whose every condition holds (the investor's country, a listing's sector, a listing's zone); with none, to the default desk.</p>\
         <h2>Desks</h2><table class=\"compare-table\"><thead><tr><th>Code</th><th>Name</th><th>Addresses</th><th></th></tr></thead><tbody>{desk_rows}</tbody></table>\
         <h2>Rules</h2><table class=\"compare-table\" data-test=\"rules\"><thead><tr><th>Priority</th><th>Desk</th><th>Country</th><th>Sector</th><th>Zone</th><th></th></tr></thead><tbody>{rule_rows}</tbody></table>\
         <h2>New rule</h2>{problem}<form class=\"inquiry-form\" method=\"post\" action=\"/admin/routing\"><div class=\"form-grid\">\
         <div class=\"field\"><label for=\"desk\">Desk</label><select id=\"desk\" name=\"desk\">{desk_options}</select></div>\
         <div class=\"field\"><label for=\"priority\">Priority (higher first)</label><input id=\"priority\" name=\"priority\" inputmode=\"numeric\" value=\"10\"></div>\
         <div class=\"field\"><label for=\"country\">Country (ISO code)</label><input id=\"country\" name=\"country\" maxlength=\"2\"></div>\
         <div class=\"field\"><label for=\"sector\">Sector</label><select id=\"sector\" name=\"sector\">{sectors}</select></div>\
         <div class=\"field\"><label for=\"zone\">Zone</label><select id=\"zone\" name=\"zone\">{zones}</select></div>\
         </div><button type=\"submit\">Add the rule</button></form>"
    );
    html(status, page("Routing", Some(me), &body))
}

/// `GET /admin/routing`: desks and rules (admins).
pub async fn routing(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match admin(&state, &headers, "/admin/routing").await {
        Ok(me) => routing_page(&state, &me, None, StatusCode::OK).await,
        Err(response) => response,
    }
}

/// `POST /admin/routing`: a new rule, with at least one condition, each a known value.
pub async fn add_rule(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    use app::server::entities::routing_rule;
    let me = match admin(&state, &headers, "/admin/routing").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let fields = form(&body);
    let get = |name: &str| fields.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let country = get("country").map(str::to_ascii_uppercase);
    let sector = get("sector").map(str::to_owned);
    let zone = get("zone").map(str::to_owned);
    let desk_id = get("desk").and_then(|d| d.parse::<i32>().ok());
    let priority =
        get("priority").and_then(|p| p.parse::<i32>().ok()).filter(|p| (0..=1000).contains(p));
    let desk_known = match desk_id {
        Some(id) => desk::Entity::find_by_id(id).one(&state.db).await.ok().flatten().is_some(),
        None => false,
    };
    let problem = if !desk_known {
        Some("Choose a desk.")
    } else if priority.is_none() {
        Some("The priority is a whole number from 0 to 1000.")
    } else if country.is_none() && sector.is_none() && zone.is_none() {
        Some("A rule needs at least one condition: a country, a sector or a zone.")
    } else if country.as_deref().is_some_and(|c| !app::models::is_country(c)) {
        Some("The country is a two-letter ISO code, such as CN.")
    } else if sector.as_deref().is_some_and(|s| s.parse::<app::models::Sector>().is_err())
        || zone.as_deref().is_some_and(|z| z.parse::<app::models::Zone>().is_err())
    {
        Some("Choose the sector and the zone from the lists.")
    } else {
        None
    };
    if let Some(problem) = problem {
        return routing_page(&state, &me, Some(problem), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let now = Utc::now();
    let rule = routing_rule::ActiveModel {
        desk_id: Set(desk_id.unwrap_or_default()),
        priority: Set(priority.unwrap_or_default()),
        country: Set(country),
        sector: Set(sector),
        zone: Set(zone),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    match rule.insert(&state.db).await {
        Ok(_) => Redirect::to("/admin/routing").into_response(),
        Err(err) => {
            tracing::error!(cause = %err, "cannot add a routing rule");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// `POST /admin/routing/{id}/active`: switches a rule on or off.
pub async fn set_rule_active(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    use app::server::entities::routing_rule;
    if let Err(response) = admin(&state, &headers, "/admin/routing").await {
        return response;
    }
    let active = form(&body).get("active").map(String::as_str) == Some("1");
    let updated = routing_rule::Entity::update_many()
        .col_expr(routing_rule::Column::Active, sea_orm::sea_query::Expr::value(active))
        .col_expr(routing_rule::Column::UpdatedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(routing_rule::Column::Id.eq(id))
        .exec(&state.db)
        .await;
    match updated {
        Ok(result) if result.rows_affected == 1 => Redirect::to("/admin/routing").into_response(),
        Ok(_) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(cause = %err, "cannot switch a routing rule");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
