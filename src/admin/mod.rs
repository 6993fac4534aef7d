//! The staff area under `/admin`: sign-in and sign-out, the inquiry inbox, listings, their
//! publication and their media, exchange rates, staff accounts, routing and the audit log.
//! Server-rendered HTML in English, with no WebAssembly: staff pages never weigh on the public
//! pages' budget.

use app::models::Role;
use app::server::AppState;
use app::server::entities::staff_user;
pub(crate) use app::server::inquiries::mail::escape_html as esc;
use app::server::sessions::{self, SignInError, Stage};
use axum::{
    Router,
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
    routing::MethodRouter,
};
use std::collections::HashMap;

mod account;
mod audit;
mod editor;
mod inbox;
mod listings;
mod media;
mod people;
mod rates;

pub use account::*;
pub use audit::audit;
#[cfg(test)]
pub(crate) use audit::record;
pub use editor::*;
pub use inbox::*;
pub use listings::*;
pub use media::*;
pub use people::*;
pub use rates::*;

pub(crate) fn page(title: &str, user: Option<&staff_user::Model>, body: &str) -> String {
    let nav = user.map_or_else(String::new, |user| {
        format!(
            "<nav class=\"main-nav\" aria-label=\"Staff\"><ul><li><a href=\"/admin/inquiries\">Inquiries</a></li><li><a href=\"/admin/listings\">Listings</a></li><li><a href=\"/admin/rates\">Exchange rates</a></li><li><a href=\"/admin/users\">Staff accounts</a></li><li><a href=\"/admin/routing\">Routing</a></li><li><a href=\"/admin/audit\">Audit log</a></li><li><a href=\"/admin/account\">Your account</a></li></ul></nav>\
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

pub(crate) fn html(status: StatusCode, text: String) -> Response {
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
pub(crate) async fn staff(
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

/// The signed-in admin, or the answer for anyone else.
pub(crate) async fn admin(
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
            page("Not allowed", Some(&user), "<h1>Only admins may do this</h1>"),
        ))
    }
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

pub(crate) fn form(body: &[u8]) -> HashMap<String, String> {
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
pub async fn sign_in(State(state): State<AppState>, request: axum::extract::Request) -> Response {
    let client = crate::inquire::client_address(&request, state.inquiry.trust_proxy);
    let (parts, body) = request.into_parts();
    let headers = parts.headers;
    if let Err(wait) = state.sign_in_limit.check(client) {
        tracing::warn!("sign-in attempts from one address over the limit");
        let minutes = wait.as_secs().div_ceil(60).max(1);
        let mut response = html(
            StatusCode::TOO_MANY_REQUESTS,
            sign_in_page(
                "/admin/inquiries",
                Some(&format!(
                    "Too many sign-in attempts from this address. Try again in {minutes} minute(s)."
                )),
            ),
        );
        if let Ok(value) = HeaderValue::from_str(&wait.as_secs().max(1).to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return response;
    }
    let Ok(body) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
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
            let stage = Stage::after_password(&user);
            match sessions::open_at(&state.db, &user, agent, stage).await {
                Ok(token) => {
                    let back: String =
                        url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
                    let to = match stage {
                        Stage::SignedIn => next,
                        Stage::AwaitingCode => format!("/admin/sign-in/code?next={back}"),
                        Stage::MustEnrol => format!("/admin/account?next={back}"),
                    };
                    let mut response = Redirect::to(&to).into_response();
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

/// Every staff route: its method, its path and its handler. The router is built from this list,
/// and the access-control test walks it, so a new staff route cannot escape that test.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use axum::extract::DefaultBodyLimit;
    use axum::routing::{get, post};
    vec![
        (Method::GET, "/admin", get(home)),
        (Method::GET, "/admin/sign-in", get(sign_in_form)),
        (Method::POST, "/admin/sign-in", post(sign_in)),
        (Method::GET, "/admin/sign-in/code", get(sign_in_code_form)),
        (Method::POST, "/admin/sign-in/code", post(sign_in_code)),
        (Method::GET, "/admin/account", get(account)),
        (Method::POST, "/admin/account/totp", post(start_totp)),
        (Method::POST, "/admin/account/totp/confirm", post(confirm_totp)),
        (Method::POST, "/admin/account/totp/disable", post(disable_totp)),
        (Method::POST, "/admin/account/recovery-codes", post(renew_recovery_codes)),
        (Method::POST, "/admin/sign-out", post(sign_out)),
        (Method::GET, "/admin/inquiries", get(inbox)),
        (Method::GET, "/admin/inquiries.csv", get(inbox_csv)),
        (Method::GET, "/admin/inquiries/{id}", get(detail)),
        (Method::POST, "/admin/inquiries/{id}/status", post(change_status)),
        (Method::POST, "/admin/inquiries/{id}/notes", post(add_note)),
        (Method::POST, "/admin/inquiries/{id}/assign", post(assign)),
        (Method::POST, "/admin/inquiries/{id}/mail/{mail_id}/retry", post(retry_mail)),
        (Method::GET, "/admin/listings", get(listings)),
        (Method::POST, "/admin/listings/{code}/status", post(change_listing_status)),
        (Method::GET, "/admin/listings/new", get(new_listing)),
        (Method::POST, "/admin/listings/new", post(create_listing)),
        (Method::GET, "/admin/listings/{code}/edit", get(edit_listing)),
        (Method::POST, "/admin/listings/{code}/edit", post(update_listing)),
        (Method::GET, "/admin/listings/{code}/preview/{lang}", get(preview)),
        (Method::GET, "/admin/listings/{code}/media", get(listing_media)),
        (
            Method::POST,
            "/admin/listings/{code}/media",
            // A little above the largest file allowed, so that a bigger upload is cut off early.
            post(upload_listing_media)
                .layer(DefaultBodyLimit::max(app::server::media::MAX_UPLOAD_BODY)),
        ),
        (Method::POST, "/admin/listings/{code}/media/{id}/delete", post(delete_listing_media)),
        (Method::GET, "/admin/rates", get(rates)),
        (Method::POST, "/admin/rates", post(set_rate)),
        (Method::GET, "/admin/users", get(users)),
        (Method::POST, "/admin/users", post(create_user)),
        (Method::POST, "/admin/users/{id}/active", post(set_active)),
        (Method::POST, "/admin/users/{id}/role", post(change_role)),
        (Method::POST, "/admin/users/{id}/password", post(reset_password)),
        (Method::POST, "/admin/users/{id}/second-factor", post(reset_second_factor)),
        (Method::GET, "/admin/routing", get(routing)),
        (Method::POST, "/admin/routing", post(add_rule)),
        (Method::GET, "/admin/routing/test", get(test_routing)),
        (Method::POST, "/admin/routing/{id}", post(edit_rule)),
        (Method::POST, "/admin/routing/{id}/active", post(set_rule_active)),
        (Method::POST, "/admin/desks/{id}", post(edit_desk)),
        (Method::GET, "/admin/audit", get(audit)),
    ]
}

/// The staff area's router: the routes of [`routes`], each path's methods merged.
pub fn router() -> Router<AppState> {
    routes()
        .into_iter()
        .fold(Router::new(), |router, (_, path, handler)| router.route(path, handler))
}

/// `GET /admin`.
pub async fn home() -> Redirect {
    Redirect::to("/admin/inquiries")
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
