//! The staff area's first rooms: sign-in and sign-out, and the inquiry inbox (every inquiry,
//! its emails and their delivery, its history, and a change of status that the investor sees
//! on their private page). Server-rendered HTML in English, with no WebAssembly: staff pages
//! never weigh on the public pages' budget.

use app::models::{InquiryStatus, PublicationStatus, Role};
use app::server::AppState;
use app::server::entities::{desk, inquiry, inquiry_event, outbox, staff_user};
use app::server::inquiries;
use app::server::inquiries::mail::escape_html as esc;
use app::server::sessions::{self, SignInError};
use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

fn page(title: &str, user: Option<&staff_user::Model>, body: &str) -> String {
    let nav = user.map_or_else(String::new, |user| {
        format!(
            "<nav class=\"main-nav\" aria-label=\"Staff\"><ul><li><a href=\"/admin/inquiries\">Inquiries</a></li><li><a href=\"/admin/listings\">Listings</a></li><li><a href=\"/admin/rates\">Exchange rates</a></li><li><a href=\"/admin/users\">Staff accounts</a></li><li><a href=\"/admin/routing\">Routing</a></li></ul></nav>\
             <form method=\"post\" action=\"/admin/sign-out\"><span>{} ({})</span> <button type=\"submit\">Sign out</button></form>",
            esc(&user.name),
            esc(&user.role)
        )
    });
    format!(
        "<!DOCTYPE html><html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex, nofollow\"><title>{} · Staff</title>\
         <link rel=\"stylesheet\" href=\"/pkg/portal.css\"></head><body>\
         <header class=\"site-header\"><a class=\"brand\" href=\"/admin\">Investor portal · Staff</a>{nav}</header>\
         <main id=\"main\" class=\"admin\">{body}</main></body></html>",
        esc(title)
    )
}

fn html(status: StatusCode, text: String) -> Response {
    let mut response = (status, Html(text)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    app::prefs::in_cookies::<String>(
        headers.get(header::COOKIE).and_then(|v| v.to_str().ok()),
        sessions::COOKIE,
    )
}

/// The signed-in staff member, or the way to the sign-in page and back.
async fn staff(
    state: &AppState,
    headers: &HeaderMap,
    back: &str,
) -> Result<staff_user::Model, Response> {
    let found = match cookie_token(headers) {
        Some(token) => sessions::find(&state.db, &token).await.map_err(|err| {
            tracing::error!(cause = %err, "cannot read the session");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        })?,
        None => None,
    };
    found.ok_or_else(|| {
        let next: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
        Redirect::to(&format!("/admin/sign-in?next={next}")).into_response()
    })
}

/// Only paths of the staff area are places to return to after signing in.
fn safe_next(next: Option<&str>) -> String {
    next.filter(|n| {
        n.starts_with("/admin") && !n.starts_with("//") && !n.contains(['\\', '\r', '\n'])
    })
    .unwrap_or("/admin/inquiries")
    .to_owned()
}

fn sign_in_page(next: &str, problem: Option<&str>) -> String {
    let problem = problem.map_or_else(String::new, |p| {
        format!(
            "<p class=\"form-notice\" role=\"alert\" data-test=\"sign-in-error\">{}</p>",
            esc(p)
        )
    });
    page(
        "Sign in",
        None,
        &format!(
            "<h1>Sign in</h1>{problem}<form class=\"inquiry-form\" method=\"post\" action=\"/admin/sign-in\">\
             <input type=\"hidden\" name=\"next\" value=\"{}\">\
             <div class=\"field\"><label for=\"email\">Email</label><input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required></div>\
             <div class=\"field\"><label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></div>\
             <button type=\"submit\" class=\"button-primary\">Sign in</button></form>",
            esc(next)
        ),
    )
}

/// `GET /admin/sign-in`.
pub async fn sign_in_form(Query(query): Query<HashMap<String, String>>) -> Response {
    html(StatusCode::OK, sign_in_page(&safe_next(query.get("next").map(String::as_str)), None))
}

fn form(body: &[u8]) -> HashMap<String, String> {
    url::form_urlencoded::parse(body).into_owned().collect()
}

fn session_cookie(state: &AppState, value: &str, max_age: i64) -> HeaderValue {
    let secure = if state.public_url.starts_with("https://") { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{}={value}; Path=/admin; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}",
        sessions::COOKIE
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// `POST /admin/sign-in`: a new session (and a new id) on success; one answer for every failure.
pub async fn sign_in(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let fields = form(&body);
    let next = safe_next(fields.get("next").map(String::as_str));
    let email = fields.get("email").map_or("", String::as_str);
    let password = fields.get("password").map_or("", String::as_str);
    match sessions::authenticate(&state.db, email, password).await {
        Ok(user) => {
            // A session the browser already had is ended: the new one gets a new id.
            if let Some(old) = cookie_token(&headers) {
                let _ = sessions::close(&state.db, &old).await;
            }
            let agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok());
            match sessions::open(&state.db, &user, agent).await {
                Ok(token) => {
                    let mut response = Redirect::to(&next).into_response();
                    let cookie = session_cookie(&state, &token, sessions::LIFETIME.num_seconds());
                    response.headers_mut().insert(header::SET_COOKIE, cookie);
                    response
                }
                Err(err) => {
                    tracing::error!(cause = %err, "cannot open a session");
                    StatusCode::SERVICE_UNAVAILABLE.into_response()
                }
            }
        }
        Err(SignInError::Refused | SignInError::Locked(_)) => html(
            StatusCode::UNAUTHORIZED,
            sign_in_page(
                &next,
                Some(
                    "The email or the password is not right, or too many attempts have locked the account for 15 minutes.",
                ),
            ),
        ),
        Err(SignInError::Database(err)) => {
            tracing::error!(cause = %err, "sign-in cannot read the accounts");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// `POST /admin/sign-out`: the session ends on the server too.
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = cookie_token(&headers) {
        let _ = sessions::close(&state.db, &token).await;
    }
    let mut response = Redirect::to("/admin/sign-in").into_response();
    response.headers_mut().insert(header::SET_COOKIE, session_cookie(&state, "", 0));
    response
}

/// `GET /admin`.
pub async fn home() -> Redirect {
    Redirect::to("/admin/inquiries")
}

/// `GET /admin/inquiries?status=&desk=`: newest first.
pub async fn inbox(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let user = match staff(&state, &headers, "/admin/inquiries").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let mut select = inquiry::Entity::find().order_by_desc(inquiry::Column::Id).limit(200);
    if let Some(status) = query.get("status").filter(|s| s.parse::<InquiryStatus>().is_ok()) {
        select = select.filter(inquiry::Column::Status.eq(status.as_str()));
    }
    let desks = desk::Entity::find().all(&state.db).await.unwrap_or_default();
    if let Some(code) = query.get("desk")
        && let Some(found) = desks.iter().find(|d| &d.code == code)
    {
        select = select.filter(inquiry::Column::DeskId.eq(found.id));
    }
    let rows = match select.all(&state.db).await {
        Ok(rows) => rows,
        Err(err) => {
            tracing::error!(cause = %err, "cannot read the inbox");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let desk_name = |id: Option<i32>| {
        desks.iter().find(|d| Some(d.id) == id).map_or_else(|| "—".to_owned(), |d| d.name.clone())
    };
    let lines: String = rows
        .iter()
        .map(|row| {
            let late = inquiries::is_overdue(row, state.inquiry.reply_days, Utc::now().date_naive());
            format!(
                "<tr data-test=\"inbox-row\" data-reference=\"{r}\" data-overdue=\"{late}\"><td><a href=\"/admin/inquiries/{id}\">{r}</a></td><td>{date}</td><td>{company}</td><td>{country}</td><td>{desk}</td><td>{status}{flag}</td></tr>",
                r = esc(&row.reference),
                id = row.id,
                date = row.created_at.format("%Y-%m-%d %H:%M"),
                company = esc(&row.company),
                country = esc(&row.country),
                desk = esc(&desk_name(row.desk_id)),
                status = esc(&row.status),
                flag = if late { " <strong>overdue</strong>" } else { "" },
            )
        })
        .collect();
    let body = format!(
        "<h1>Inquiries</h1><p>Newest first; answers are due within {} working days.</p>\
         <table class=\"compare-table\" data-test=\"inbox\"><thead><tr><th>Reference</th><th>Received (UTC)</th><th>Company</th><th>Country</th><th>Desk</th><th>Status</th></tr></thead><tbody>{lines}</tbody></table>",
        state.inquiry.reply_days
    );
    html(StatusCode::OK, page("Inquiries", Some(&user), &body))
}

/// `GET /admin/inquiries/{id}`: everything about one inquiry.
pub async fn detail(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    let user = match staff(&state, &headers, &format!("/admin/inquiries/{id}")).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let Ok(Some(row)) = inquiry::Entity::find_by_id(id).one(&state.db).await else {
        return html(
            StatusCode::NOT_FOUND,
            page("Not found", Some(&user), "<h1>No such inquiry</h1>"),
        );
    };
    let mails = outbox::Entity::find()
        .filter(outbox::Column::InquiryId.eq(id))
        .order_by_asc(outbox::Column::Id)
        .all(&state.db)
        .await
        .unwrap_or_default();
    let events = inquiry_event::Entity::find()
        .filter(inquiry_event::Column::InquiryId.eq(id))
        .order_by_asc(inquiry_event::Column::Id)
        .all(&state.db)
        .await
        .unwrap_or_default();
    let field = |label: &str, value: &str| {
        format!("<tr><th scope=\"row\">{}</th><td>{}</td></tr>", esc(label), esc(value))
    };
    let facts: String = [
        ("Company", row.company.clone()),
        ("Name", row.name.clone()),
        ("Country", row.country.clone()),
        ("Email", row.email.clone()),
        ("Phone", row.phone.clone().unwrap_or_default()),
        ("Investor type", row.investor_type.clone()),
        ("Investment", row.investment_range.clone()),
        ("Area needed (m²)", row.need_area_m2.map(|v| v.to_string()).unwrap_or_default()),
        ("Power needed (kW)", row.need_power_kw.map(|v| v.to_string()).unwrap_or_default()),
        ("Reply in", row.reply_lang.clone()),
        ("Status", row.status.clone()),
        ("Message", row.message.clone()),
    ]
    .iter()
    .map(|(label, value)| field(label, value))
    .collect();
    let mail_rows: String = mails
        .iter()
        .map(|m| {
            format!(
                "<tr data-test=\"mail-row\" data-kind=\"{}\" data-status=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&m.kind),
                esc(&m.status),
                esc(&m.kind),
                esc(&m.to_addrs),
                esc(&m.status),
                m.attempts,
                esc(m.last_error.as_deref().unwrap_or_default())
            )
        })
        .collect();
    let history: String = events
        .iter()
        .map(|e| {
            format!(
                "<li>{} · {}{}</li>",
                e.created_at.format("%Y-%m-%d %H:%M"),
                esc(&e.kind),
                e.note.as_deref().map(|n| format!(" · {}", esc(n))).unwrap_or_default()
            )
        })
        .collect();
    let options: String = [InquiryStatus::Assigned, InquiryStatus::Answered, InquiryStatus::Closed]
        .iter()
        .map(|s| format!("<option value=\"{0}\">{0}</option>", s.as_str()))
        .collect();
    let body = format!(
        "<p><a href=\"/admin/inquiries\">All inquiries</a></p><h1 data-test=\"inquiry-reference\">{}</h1>\
         <table class=\"compare-table\">{facts}</table>\
         <h2>Emails</h2><table class=\"compare-table\" data-test=\"mails\"><thead><tr><th>To whom</th><th>Addresses</th><th>Delivery</th><th>Attempts</th><th>Last error</th></tr></thead><tbody>{mail_rows}</tbody></table>\
         <h2>History</h2><ol class=\"history\">{history}</ol>\
         <h2>Change the status</h2><form class=\"inquiry-form\" method=\"post\" action=\"/admin/inquiries/{id}/status\">\
         <div class=\"field\"><label for=\"status\">New status</label><select id=\"status\" name=\"status\">{options}</select></div>\
         <div class=\"field\"><label for=\"note\">Note (staff only)</label><input id=\"note\" name=\"note\" maxlength=\"500\"></div>\
         <button type=\"submit\">Save</button></form>",
        esc(&row.reference)
    );
    html(StatusCode::OK, page(&row.reference, Some(&user), &body))
}

/// `POST /admin/inquiries/{id}/status`: desk officers and admins only.
pub async fn change_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let user = match staff(&state, &headers, &format!("/admin/inquiries/{id}")).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    if !matches!(user.role.parse(), Ok(Role::Desk | Role::Admin)) {
        return html(
            StatusCode::FORBIDDEN,
            page(
                "Not allowed",
                Some(&user),
                "<h1>Only desk officers and admins work inquiries</h1>",
            ),
        );
    }
    let fields = form(&body);
    let Some(status) = fields
        .get("status")
        .and_then(|s| s.parse::<InquiryStatus>().ok())
        .filter(|s| *s != InquiryStatus::New)
    else {
        return html(
            StatusCode::UNPROCESSABLE_ENTITY,
            page("Bad status", Some(&user), "<h1>Choose assigned, answered or closed</h1>"),
        );
    };
    let note: Option<String> = fields
        .get("note")
        .map(|n| n.trim().chars().filter(|c| !c.is_control()).take(500).collect::<String>())
        .filter(|n| !n.is_empty());
    let Ok(Some(row)) = inquiry::Entity::find_by_id(id).one(&state.db).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let now = Utc::now();
    let mut changed: inquiry::ActiveModel = row.into();
    changed.status = Set(status.as_str().to_owned());
    changed.updated_at = Set(now);
    match status {
        InquiryStatus::Assigned => changed.assigned_to = Set(Some(user.id)),
        InquiryStatus::Answered => changed.answered_at = Set(Some(now)),
        InquiryStatus::Closed => changed.closed_at = Set(Some(now)),
        InquiryStatus::New => {}
    }
    let event = inquiry_event::ActiveModel {
        inquiry_id: Set(id),
        kind: Set(status.as_str().to_owned()),
        status: Set(Some(status.as_str().to_owned())),
        note: Set(note),
        // The investor sees the step, not the staff note.
        public: Set(true),
        actor_id: Set(Some(user.id)),
        created_at: Set(now),
        ..Default::default()
    };
    let saved = async {
        use sea_orm::TransactionTrait;
        let txn = state.db.begin().await?;
        changed.update(&txn).await?;
        event.insert(&txn).await?;
        txn.commit().await
    }
    .await;
    if let Err(err) = saved {
        tracing::error!(cause = %err, "cannot change an inquiry's status");
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    Redirect::to(&format!("/admin/inquiries/{id}")).into_response()
}

/// `GET /admin/rates`: the rates sums are converted with, and a form to set one (admins).
pub async fn rates(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let user = match staff(&state, &headers, "/admin/rates").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    rates_page(&state, &user, None, StatusCode::OK).await
}

async fn rates_page(
    state: &AppState,
    user: &staff_user::Model,
    problem: Option<&str>,
    status: StatusCode,
) -> Response {
    use app::models::Currency;
    let stored = app::server::rates::load(&state.db).await.unwrap_or_default();
    let rows: String = Currency::ALL
        .iter()
        .filter(|c| **c != Currency::Usd)
        .map(|c| {
            let (rate, since) = stored.get(c).map_or(("not set".to_owned(), String::new()), |m| {
                (m.per_usd.to_string(), m.as_of.map(|d| d.to_string()).unwrap_or_default())
            });
            format!(
                "<tr data-test=\"rate-row\" data-currency=\"{0}\"><td>{1}</td><td>{rate}</td><td>{since}</td></tr>",
                c.as_str(),
                c.as_str().to_ascii_uppercase()
            )
        })
        .collect();
    let options: String = Currency::ALL
        .iter()
        .filter(|c| **c != Currency::Usd)
        .map(|c| {
            format!(
                "<option value=\"{0}\">{1}</option>",
                c.as_str(),
                c.as_str().to_ascii_uppercase()
            )
        })
        .collect();
    let problem = problem.map_or_else(String::new, |p| {
        format!("<p class=\"form-notice\" role=\"alert\" data-test=\"rate-error\">{}</p>", esc(p))
    });
    let form = if matches!(user.role.parse(), Ok(Role::Admin)) {
        format!(
            "<h2>Set a rate</h2>{problem}<form class=\"inquiry-form\" method=\"post\" action=\"/admin/rates\">\
             <div class=\"form-grid\"><div class=\"field\"><label for=\"currency\">Currency</label><select id=\"currency\" name=\"currency\">{options}</select></div>\
             <div class=\"field\"><label for=\"rate\">Units for 1 USD</label><input id=\"rate\" name=\"rate\" inputmode=\"decimal\" required></div>\
             <div class=\"field\"><label for=\"as_of\">In use from</label><input id=\"as_of\" name=\"as_of\" type=\"date\" value=\"{}\" required></div></div>\
             <button type=\"submit\">Save the rate</button></form>",
            Utc::now().date_naive()
        )
    } else {
        "<p>Only admins set rates.</p>".to_owned()
    };
    let body = format!(
        "<h1>Exchange rates</h1><p>Amounts are entered in US dollars; the public pages convert them at these rates and say from which day.</p>\
         <table class=\"compare-table\" data-test=\"rates\"><thead><tr><th>Currency</th><th>Units for 1 USD</th><th>In use from</th></tr></thead><tbody>{rows}</tbody></table>{form}"
    );
    html(status, page("Exchange rates", Some(user), &body))
}

/// `POST /admin/rates`: admins only; the public pages of this server follow at once.
pub async fn set_rate(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    use app::server::rates;
    let user = match staff(&state, &headers, "/admin/rates").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    if !matches!(user.role.parse(), Ok(Role::Admin)) {
        return html(
            StatusCode::FORBIDDEN,
            page("Not allowed", Some(&user), "<h1>Only admins set exchange rates</h1>"),
        );
    }
    let fields = form(&body);
    let currency = fields.get("currency").and_then(|c| c.parse::<app::models::Currency>().ok());
    let as_of = fields.get("as_of").and_then(|d| d.parse::<chrono::NaiveDate>().ok());
    let rate = fields.get("rate").map(|r| rates::parse_rate(r));
    let (Some(currency), Some(as_of), Some(rate)) = (currency, as_of, rate) else {
        return rates_page(
            &state,
            &user,
            Some("Choose a currency, a rate and a day."),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let saved = match rate {
        Ok(per_usd) => rates::set_rate(&state.db, currency, per_usd, as_of, Some(user.id)).await,
        Err(err) => Err(err),
    };
    match saved {
        Ok(()) => {
            if let Err(err) = state.rates.refresh(&state.db).await {
                tracing::warn!(cause = %err, "cannot reread the exchange rates");
            }
            tracing::info!(currency = %currency, "exchange rate set");
            Redirect::to("/admin/rates").into_response()
        }
        Err(rates::RateError::Database(err)) => {
            tracing::error!(cause = %err, "cannot store a rate");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
        Err(problem) => {
            rates_page(&state, &user, Some(&problem.to_string()), StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
    }
}

/// The signed-in admin, or the answer for anyone else.
async fn admin(
    state: &AppState,
    headers: &HeaderMap,
    back: &str,
) -> Result<staff_user::Model, Response> {
    let user = staff(state, headers, back).await?;
    if matches!(user.role.parse(), Ok(Role::Admin)) {
        Ok(user)
    } else {
        Err(html(
            StatusCode::FORBIDDEN,
            page("Not allowed", Some(&user), "<h1>Only admins manage staff accounts</h1>"),
        ))
    }
}

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

/// The languages in which a listing's required text (title, summary, description) is missing.
fn missing_languages<'a>(
    texts: impl Iterator<Item = (&'a str, [&'a str; 3])> + Clone,
) -> Vec<String> {
    app::i18n::languages()
        .iter()
        .filter(|language| {
            !texts.clone().any(|(lang, fields)| {
                lang == language.code && fields.iter().all(|f| !f.trim().is_empty())
            })
        })
        .map(|language| language.code.clone())
        .collect()
}

/// `GET /admin/listings`: every site and opportunity with its status and the languages its
/// required text is still missing in (all staff).
pub async fn listings(State(state): State<AppState>, headers: HeaderMap) -> Response {
    use app::server::entities::{opportunity, opportunity_translation, site, site_translation};
    let user = match staff(&state, &headers, "/admin/listings").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let loaded = async {
        Ok::<_, sea_orm::DbErr>((
            site::Entity::find().order_by_asc(site::Column::Code).all(&state.db).await?,
            site_translation::Entity::find().all(&state.db).await?,
            opportunity::Entity::find()
                .order_by_asc(opportunity::Column::Code)
                .all(&state.db)
                .await?,
            opportunity_translation::Entity::find().all(&state.db).await?,
        ))
    }
    .await;
    let Ok((sites, site_texts, opportunities, opportunity_texts)) = loaded else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let row = |kind: &str, code: &str, status: &str, missing: Vec<String>| {
        let complete = if missing.is_empty() {
            "all four".to_owned()
        } else {
            format!("missing: {}", missing.join(", "))
        };
        format!(
            "<tr data-test=\"listing-row\" data-code=\"{0}\" data-missing=\"{1}\"><td>{2}</td><td>{0}</td><td>{3}</td><td>{4}</td></tr>",
            esc(code),
            esc(&missing.join(",")),
            kind,
            esc(status),
            esc(&complete)
        )
    };
    let mut rows = String::new();
    for s in &sites {
        let texts = site_texts.iter().filter(|t| t.site_id == s.id).map(|t| {
            (t.lang.as_str(), [t.title.as_str(), t.summary.as_str(), t.description.as_str()])
        });
        rows.push_str(&row("site", &s.code, &s.status, missing_languages(texts)));
    }
    for o in &opportunities {
        let texts = opportunity_texts.iter().filter(|t| t.opportunity_id == o.id).map(|t| {
            (t.lang.as_str(), [t.title.as_str(), t.summary.as_str(), t.description.as_str()])
        });
        rows.push_str(&row("opportunity", &o.code, &o.status, missing_languages(texts)));
    }
    let body = format!(
        "<h1>Listings</h1><p>A listing can be published only when its title, summary and description exist in all four languages.</p>\
         <table class=\"compare-table\" data-test=\"listings\"><thead><tr><th>Kind</th><th>Code</th><th>Status</th><th>Text</th><th>Workflow</th></tr></thead><tbody>{rows}</tbody></table>"
    );
    html(StatusCode::OK, page("Listings", Some(&user), &body))
}

/// Where a listing may go from `status`: draft → in review → published → archived, with the way
/// back to draft for corrections.
fn next_statuses(status: PublicationStatus) -> Vec<PublicationStatus> {
    use PublicationStatus::*;
    match status {
        Draft => vec![InReview],
        InReview => vec![Published, Draft],
        Published => vec![Archived, Draft],
        Archived => vec![Draft],
    }
}

/// `POST /admin/listings/{code}/status`: editors and admins move a listing along the workflow;
/// it is published only with its text complete in every language. Recorded in the audit log.
pub async fn change_listing_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    body: Bytes,
) -> Response {
    use app::server::entities::{
        audit_log, opportunity, opportunity_translation, site, site_translation,
    };
    let user = match staff(&state, &headers, "/admin/listings").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    if !matches!(user.role.parse(), Ok(Role::Editor | Role::Admin)) {
        return html(
            StatusCode::FORBIDDEN,
            page("Not allowed", Some(&user), "<h1>Only editors and admins publish</h1>"),
        );
    }
    let Some(wanted) = form(&body).get("status").and_then(|s| s.parse::<PublicationStatus>().ok())
    else {
        return html(
            StatusCode::UNPROCESSABLE_ENTITY,
            page("Bad status", Some(&user), "<h1>Choose a status</h1>"),
        );
    };
    let refuse = |message: String| {
        html(
            StatusCode::UNPROCESSABLE_ENTITY,
            page(
                "Not possible",
                Some(&user),
                &format!(
                    "<h1 data-test=\"workflow-error\">{}</h1><p><a href=\"/admin/listings\">Back to the listings</a></p>",
                    esc(&message)
                ),
            ),
        )
    };
    let now = Utc::now();
    let published_at = |current: Option<chrono::DateTime<Utc>>| {
        if wanted == PublicationStatus::Published { current.or(Some(now)) } else { current }
    };
    /// What became of the request: changed (the kind of listing, its former status) or refused.
    enum Moved {
        Changed(&'static str, String),
        Refused(String),
    }
    let result: Result<Option<Moved>, sea_orm::DbErr> = async {
        if let Some(found) =
            site::Entity::find().filter(site::Column::Code.eq(&code)).one(&state.db).await?
        {
            let texts = site_translation::Entity::find()
                .filter(site_translation::Column::SiteId.eq(found.id))
                .all(&state.db)
                .await?;
            let missing = missing_languages(texts.iter().map(|t| {
                (t.lang.as_str(), [t.title.as_str(), t.summary.as_str(), t.description.as_str()])
            }));
            let from = found.status.clone();
            if let Some(problem) = workflow_problem(&from, wanted, &missing) {
                return Ok(Some(Moved::Refused(problem)));
            }
            let mut changed: site::ActiveModel = found.clone().into();
            changed.status = Set(wanted.as_str().to_owned());
            changed.published_at = Set(published_at(found.published_at));
            changed.updated_at = Set(now);
            changed.update(&state.db).await?;
            return Ok(Some(Moved::Changed("site", from)));
        }
        if let Some(found) = opportunity::Entity::find()
            .filter(opportunity::Column::Code.eq(&code))
            .one(&state.db)
            .await?
        {
            let texts = opportunity_translation::Entity::find()
                .filter(opportunity_translation::Column::OpportunityId.eq(found.id))
                .all(&state.db)
                .await?;
            let missing = missing_languages(texts.iter().map(|t| {
                (t.lang.as_str(), [t.title.as_str(), t.summary.as_str(), t.description.as_str()])
            }));
            let from = found.status.clone();
            if let Some(problem) = workflow_problem(&from, wanted, &missing) {
                return Ok(Some(Moved::Refused(problem)));
            }
            let mut changed: opportunity::ActiveModel = found.clone().into();
            changed.status = Set(wanted.as_str().to_owned());
            changed.published_at = Set(published_at(found.published_at));
            changed.updated_at = Set(now);
            changed.update(&state.db).await?;
            return Ok(Some(Moved::Changed("opportunity", from)));
        }
        Ok(None)
    }
    .await;
    match result {
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Ok(Some(Moved::Refused(message))) => refuse(message),
        Ok(Some(Moved::Changed(entity, from))) => {
            let entry = audit_log::ActiveModel {
                actor_id: Set(Some(user.id)),
                action: Set("status".into()),
                entity: Set(entity.into()),
                entity_id: Set(Some(code.clone())),
                detail: Set(Some(format!("{from} -> {}", wanted.as_str()))),
                created_at: Set(now),
                ..Default::default()
            };
            if let Err(err) = entry.insert(&state.db).await {
                tracing::error!(cause = %err, "cannot write the audit log");
            }
            Redirect::to("/admin/listings").into_response()
        }
        Err(err) => {
            tracing::error!(cause = %err, "cannot change a listing's status");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// Why a listing cannot go from `from` to `wanted`, if it cannot.
fn workflow_problem(from: &str, wanted: PublicationStatus, missing: &[String]) -> Option<String> {
    let Ok(current) = from.parse::<PublicationStatus>() else {
        return Some(format!("The listing's status '{from}' is not one the workflow knows."));
    };
    if !next_statuses(current).contains(&wanted) {
        return Some(format!(
            "A listing cannot go from {} to {}.",
            current.as_str(),
            wanted.as_str()
        ));
    }
    if wanted == PublicationStatus::Published && !missing.is_empty() {
        return Some(format!(
            "It cannot be published yet: its title, summary or description is missing in {}.",
            missing.join(", ")
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_staff_paths_are_returned_to() {
        assert_eq!(safe_next(Some("/admin/inquiries/4")), "/admin/inquiries/4");
        assert_eq!(safe_next(Some("https://evil.example/admin")), "/admin/inquiries");
        assert_eq!(safe_next(Some("//evil.example")), "/admin/inquiries");
        assert_eq!(safe_next(None), "/admin/inquiries");
    }
}
