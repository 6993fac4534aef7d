//! The second factor from the staff side: the code page of a sign-in, the account page where
//! anyone sets up an authenticator app (admins must, before anything else opens), renews their
//! recovery codes or turns the factor off (not admins), and an admin's reset for someone who
//! lost both their phone and their codes.

use super::{audit, cookie_token, esc, form, html, page, safe_next, session_cookie, sign_in_page};
use app::models::Role;
use app::server::AppState;
use app::server::entities::staff_user;
use app::server::second_factor::{self, SecondFactorError, Verified};
use app::server::sessions::{self, SignInError, Stage};
use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use sea_orm::{EntityTrait, TransactionTrait};
use std::collections::HashMap;

/// The session of the request and how far it has come: its token, its account and its stage.
async fn session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(String, staff_user::Model, Stage)>, Response> {
    let Some(token) = cookie_token(headers) else {
        return Ok(None);
    };
    match sessions::find_at(&state.db, &token).await {
        Ok(found) => Ok(found.map(|(user, stage)| (token, user, stage))),
        Err(err) => Err(unavailable(&err, "cannot read the session")),
    }
}

fn unavailable(err: &dyn std::fmt::Display, what: &str) -> Response {
    tracing::error!(cause = %err, "{what}");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

fn to_sign_in(back: &str) -> Response {
    let next: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
    Redirect::to(&format!("/admin/sign-in?next={next}")).into_response()
}

/// Ends the half-way session and opens a signed-in one: a new id once the sign-in is complete.
async fn complete(
    state: &AppState,
    headers: &HeaderMap,
    old_token: &str,
    user: &staff_user::Model,
    mut response: Response,
) -> Response {
    let _ = sessions::close(&state.db, old_token).await;
    let agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok());
    match sessions::open(&state.db, user, agent).await {
        Ok(token) => {
            let cookie = session_cookie(state, &token, sessions::LIFETIME.num_seconds());
            response.headers_mut().insert(header::SET_COOKIE, cookie);
            response
        }
        Err(err) => unavailable(&err, "cannot open a session"),
    }
}

fn code_page(next: &str, problem: Option<&str>) -> String {
    let problem = problem.map_or_else(String::new, |p| {
        format!("<p class=\"form-notice\" role=\"alert\" data-test=\"code-error\">{}</p>", esc(p))
    });
    page(
        "Second factor",
        None,
        &format!(
            "<h1>Enter your code</h1>{problem}\
             <p>Open your authenticator app and type the six-digit code it shows for the portal. \
             Without your phone, type one of your recovery codes instead.</p>\
             <form class=\"inquiry-form\" method=\"post\" action=\"/admin/sign-in/code\">\
             <input type=\"hidden\" name=\"next\" value=\"{}\">\
             <div class=\"field\"><label for=\"code\">Code</label>\
             <input id=\"code\" name=\"code\" autocomplete=\"one-time-code\" inputmode=\"text\" \
             spellcheck=\"false\" autocapitalize=\"off\" required maxlength=\"40\"{}></div>\
             <button type=\"submit\" class=\"button-primary\">Continue</button></form>",
            esc(next),
            if problem.is_empty() { "" } else { " aria-invalid=\"true\"" }
        ),
    )
}

/// `GET /admin/sign-in/code`: the second step of a sign-in.
pub async fn sign_in_code_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let next = safe_next(query.get("next").map(String::as_str));
    match session(&state, &headers).await {
        Ok(Some((_, _, Stage::AwaitingCode))) => html(StatusCode::OK, code_page(&next, None)),
        Ok(_) => to_sign_in(&next),
        Err(response) => response,
    }
}

/// `POST /admin/sign-in/code`: the app's code or a recovery code completes the sign-in; a wrong
/// one counts towards the lock like a wrong password.
pub async fn sign_in_code(
    State(state): State<AppState>,
    request: axum::extract::Request,
) -> Response {
    let client = crate::inquire::client_address(&request, state.inquiry.trust_proxy);
    let (parts, body) = request.into_parts();
    let headers = parts.headers;
    let Ok(body) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let fields = form(&body);
    let next = safe_next(fields.get("next").map(String::as_str));
    if let Err(wait) = state.sign_in_limit.check(client) {
        tracing::warn!("sign-in attempts from one address over the limit");
        let mut response = html(
            StatusCode::TOO_MANY_REQUESTS,
            code_page(&next, Some("Too many attempts from this address. Try again later.")),
        );
        if let Ok(value) = wait.as_secs().max(1).to_string().parse() {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return response;
    }
    let (token, user) = match session(&state, &headers).await {
        Ok(Some((token, user, Stage::AwaitingCode))) => (token, user),
        Ok(_) => return to_sign_in(&next),
        Err(response) => return response,
    };
    if sessions::is_locked(&user) {
        let _ = sessions::close(&state.db, &token).await;
        return html(StatusCode::UNAUTHORIZED, locked_page(&next));
    }
    let typed = fields.get("code").map_or("", String::as_str);
    match second_factor::verify(&state.db, &user, typed).await {
        Ok(verified) => {
            let user = match sessions::record_success(&state.db, user).await {
                Ok(user) => user,
                Err(err) => return unavailable(&err, "cannot complete a sign-in"),
            };
            let to = match verified {
                Verified::Code => next,
                Verified::RecoveryCode { remaining } => {
                    let recorded = audit::record(
                        &state.db,
                        &user,
                        "recovery_code_used",
                        "staff_user",
                        user.id,
                        format!("{remaining} left"),
                    )
                    .await;
                    if let Err(err) = recorded {
                        return unavailable(&err, "cannot record a recovery code's use");
                    }
                    "/admin/account?recovered=1".to_owned()
                }
            };
            complete(&state, &headers, &token, &user, Redirect::to(&to).into_response()).await
        }
        Err(SecondFactorError::Wrong | SecondFactorError::NotEnrolling) => {
            match sessions::record_failure(&state.db, &user).await {
                Ok(SignInError::Locked(_)) => {
                    let _ = sessions::close(&state.db, &token).await;
                    html(StatusCode::UNAUTHORIZED, locked_page(&next))
                }
                Ok(_) => html(
                    StatusCode::UNAUTHORIZED,
                    code_page(
                        &next,
                        Some(
                            "That code is not right, or it was used already. Wait for the next one and try again.",
                        ),
                    ),
                ),
                Err(err) => unavailable(&err, "cannot count a wrong code"),
            }
        }
        Err(SecondFactorError::Database(err)) => unavailable(&err, "cannot check a code"),
    }
}

fn locked_page(next: &str) -> String {
    sign_in_page(
        next,
        Some(
            "Too many wrong passwords or codes have locked the account for 15 minutes. Sign in again after that.",
        ),
    )
}

/// The account of a signed-in session, or of an admin who must set up the factor first.
async fn account_holder(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<(String, staff_user::Model, Stage), Response> {
    match session(state, headers).await? {
        Some(found @ (_, _, Stage::SignedIn | Stage::MustEnrol)) => Ok(found),
        _ => Err(to_sign_in("/admin/account")),
    }
}

fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .collect::<Vec<_>>()
        .join(" ")
}

fn code_field(id: &str, label: &str) -> String {
    format!(
        "<div class=\"field\"><label for=\"{id}\">{label}</label>\
         <input id=\"{id}\" name=\"code\" autocomplete=\"one-time-code\" inputmode=\"numeric\" \
         pattern=\"[0-9 ]{{6,7}}\" required maxlength=\"7\"></div>"
    )
}

fn notice(text: &str, alert: bool) -> String {
    let role = if alert { " role=\"alert\"" } else { " role=\"status\"" };
    format!("<p class=\"form-notice\"{role} data-test=\"account-notice\">{}</p>", esc(text))
}

async fn account_page(
    state: &AppState,
    user: &staff_user::Model,
    stage: Stage,
    next: &str,
    message: Option<(&str, bool)>,
) -> Result<String, Response> {
    let mut body = String::from("<h1>Your account: second factor</h1>");
    if let Some((text, alert)) = message {
        body.push_str(&notice(text, alert));
    }
    if stage == Stage::MustEnrol {
        body.push_str(&notice(
            "Admins must set up a second factor before they can continue. It takes a minute.",
            false,
        ));
    }
    let next_field = format!("<input type=\"hidden\" name=\"next\" value=\"{}\">", esc(next));
    if user.has_second_factor() {
        let unused = second_factor::unused_recovery_codes(&state.db, user.id)
            .await
            .map_err(|err| unavailable(&err, "cannot count recovery codes"))?;
        let since =
            user.totp_enabled_at.map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_default();
        body.push_str(&format!(
            "<p data-test=\"second-factor-on\">Your authenticator app is set up (since {since}). \
             Signing in asks for its code. {unused} of {} recovery codes are unused.</p>\
             <h2>New recovery codes</h2><p>The old ones stop working.</p>\
             <form class=\"inquiry-form\" method=\"post\" action=\"/admin/account/recovery-codes\">{next_field}{}\
             <button type=\"submit\">Make new recovery codes</button></form>",
            second_factor::RECOVERY_CODES,
            code_field("renew-code", "Current code from your app"),
        ));
        if user.role != Role::Admin.as_str() {
            body.push_str(&format!(
                "<h2>Turn off</h2><p>Signing in will then ask for your password only.</p>\
                 <form class=\"inquiry-form\" method=\"post\" action=\"/admin/account/totp/disable\">{}\
                 <button type=\"submit\">Turn off the second factor</button></form>",
                code_field("off-code", "Current code from your app"),
            ));
        }
    } else if let Some(secret) = second_factor::pending_secret(user) {
        let uri = app::server::totp::provisioning_uri(second_factor::ISSUER, &user.email, &secret);
        let written = app::server::totp::base32(&secret);
        body.push_str(&format!(
            "<ol><li>In your authenticator app, add an account by scanning this code:\
             <div class=\"qr-box\">{}</div>\
             or by typing this key: <code data-test=\"totp-secret\">{}</code> (time-based, six digits).</li>\
             <li>Type the code the app now shows, to prove it is set up.</li></ol>\
             <form class=\"inquiry-form\" method=\"post\" action=\"/admin/account/totp/confirm\">{next_field}{}\
             <button type=\"submit\" class=\"button-primary\">Switch on</button></form>\
             <form method=\"post\" action=\"/admin/account/totp\">{next_field}\
             <button type=\"submit\">Start again with a new key</button></form>",
            second_factor::qr_code_svg(&uri),
            esc(&grouped(&written)),
            code_field("confirm-code", "Code from your app"),
        ));
    } else {
        body.push_str(&format!(
            "<p>A second factor asks, after your password, for a code from an authenticator app \
             on your phone, so that a stolen password alone opens nothing.</p>\
             <form method=\"post\" action=\"/admin/account/totp\">{next_field}\
             <button type=\"submit\" class=\"button-primary\">Set up an authenticator app</button></form>"
        ));
    }
    let shown_user = (stage == Stage::SignedIn).then_some(user);
    Ok(page("Second factor", shown_user, &body))
}

/// `GET /admin/account`.
pub async fn account(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let (_, user, stage) = match account_holder(&state, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let next = safe_next(query.get("next").map(String::as_str));
    let message = if query.contains_key("recovered") {
        Some((
            "You signed in with a recovery code, which is now used up. If your phone is lost, set up the app again on a new one and make new recovery codes.",
            false,
        ))
    } else if query.contains_key("off") {
        Some(("The second factor is off.", false))
    } else {
        None
    };
    match account_page(&state, &user, stage, &next, message).await {
        Ok(text) => html(StatusCode::OK, text),
        Err(response) => response,
    }
}

/// `POST /admin/account/totp`: a new key to set up (again).
pub async fn start_totp(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (_, user, _) = match account_holder(&state, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let next = safe_next(form(&body).get("next").map(String::as_str));
    match second_factor::begin_enrolment(&state.db, &user).await {
        Ok(_) | Err(SecondFactorError::NotEnrolling) => {
            let next: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
            Redirect::to(&format!("/admin/account?next={next}")).into_response()
        }
        Err(err) => unavailable(&err, "cannot start setting up a second factor"),
    }
}

fn codes_page(user: Option<&staff_user::Model>, codes: &[String], next: &str) -> String {
    let items: String =
        codes.iter().map(|code| format!("<li><code>{}</code></li>", esc(code))).collect();
    page(
        "Recovery codes",
        user,
        &format!(
            "<h1>Your recovery codes</h1>\
             <p role=\"status\">Store these where you keep important papers, not on your phone. \
             Each one signs you in once if your phone is lost. They are shown only now.</p>\
             <ol class=\"recovery-codes\" data-test=\"recovery-codes\">{items}</ol>\
             <p><a class=\"button-primary\" href=\"{}\">I have stored them: continue</a></p>",
            esc(next)
        ),
    )
}

/// `POST /admin/account/totp/confirm`: the app's code switches the factor on; the recovery codes
/// are shown once. An admin who had to set it up is then signed in, in a new session.
pub async fn confirm_totp(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (token, user, stage) = match account_holder(&state, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let fields = form(&body);
    let next = safe_next(fields.get("next").map(String::as_str));
    let typed = fields.get("code").map_or("", String::as_str);
    let switched = async {
        let txn = state.db.begin().await?;
        let codes = second_factor::confirm_enrolment(&txn, &user, typed).await?;
        audit::record(&txn, &user, "second_factor_on", "staff_user", user.id, "authenticator app")
            .await?;
        txn.commit().await?;
        Ok::<_, SecondFactorError>(codes)
    }
    .await;
    match switched {
        Ok(codes) => {
            let shown_user = (stage == Stage::SignedIn).then_some(&user);
            let response = html(StatusCode::OK, codes_page(shown_user, &codes, &next));
            if stage == Stage::MustEnrol {
                complete(&state, &headers, &token, &user, response).await
            } else {
                response
            }
        }
        Err(SecondFactorError::Wrong) => {
            let problem = "That code is not right. Check that the app's clock is set automatically, wait for the next code and type it.";
            match account_page(&state, &user, stage, &next, Some((problem, true))).await {
                Ok(text) => html(StatusCode::UNPROCESSABLE_ENTITY, text),
                Err(response) => response,
            }
        }
        Err(SecondFactorError::NotEnrolling) => Redirect::to("/admin/account").into_response(),
        Err(SecondFactorError::Database(err)) => {
            unavailable(&err, "cannot switch on a second factor")
        }
    }
}

/// `POST /admin/account/recovery-codes`: new codes, for the current code from the app.
pub async fn renew_recovery_codes(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let user = match super::staff(&state, &headers, "/admin/account").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let fields = form(&body);
    let next = safe_next(fields.get("next").map(String::as_str));
    let typed = fields.get("code").map_or("", String::as_str);
    let renewed = async {
        let txn = state.db.begin().await?;
        second_factor::verify_app(&txn, &user, typed).await?;
        let codes = second_factor::replace_recovery_codes(&txn, user.id).await?;
        audit::record(&txn, &user, "recovery_codes_renewed", "staff_user", user.id, "").await?;
        txn.commit().await?;
        Ok::<_, SecondFactorError>(codes)
    }
    .await;
    match renewed {
        Ok(codes) => html(StatusCode::OK, codes_page(Some(&user), &codes, &next)),
        Err(SecondFactorError::Wrong | SecondFactorError::NotEnrolling) => {
            wrong_code(&state, &user, &next).await
        }
        Err(SecondFactorError::Database(err)) => unavailable(&err, "cannot renew recovery codes"),
    }
}

async fn wrong_code(state: &AppState, user: &staff_user::Model, next: &str) -> Response {
    let problem = "That code is not right, or it was used already. Nothing was changed.";
    match account_page(state, user, Stage::SignedIn, next, Some((problem, true))).await {
        Ok(text) => html(StatusCode::UNPROCESSABLE_ENTITY, text),
        Err(response) => response,
    }
}

/// `POST /admin/account/totp/disable`: for the current code from the app; never for an admin,
/// whom the portal requires to have one.
pub async fn disable_totp(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let user = match super::staff(&state, &headers, "/admin/account").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    if user.role == Role::Admin.as_str() {
        return html(
            StatusCode::FORBIDDEN,
            page("Not allowed", Some(&user), "<h1>Admins must keep a second factor</h1>"),
        );
    }
    let typed = form(&body).get("code").cloned().unwrap_or_default();
    let turned_off = async {
        let txn = state.db.begin().await?;
        second_factor::verify_app(&txn, &user, &typed).await?;
        second_factor::turn_off(&txn, user.id).await?;
        audit::record(&txn, &user, "second_factor_off", "staff_user", user.id, "by themselves")
            .await?;
        txn.commit().await?;
        Ok::<_, SecondFactorError>(())
    }
    .await;
    match turned_off {
        Ok(()) => Redirect::to("/admin/account?off=1").into_response(),
        Err(SecondFactorError::Wrong | SecondFactorError::NotEnrolling) => {
            wrong_code(&state, &user, "/admin/inquiries").await
        }
        Err(SecondFactorError::Database(err)) => {
            unavailable(&err, "cannot turn off a second factor")
        }
    }
}

/// `POST /admin/users/{id}/second-factor`: an admin clears someone's second factor (a lost phone
/// and lost codes); their sessions end, and an admin must set a new one up at the next sign-in.
pub async fn reset_second_factor(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    let me = match super::admin(&state, &headers, "/admin/users").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let reset = async {
        let txn = state.db.begin().await?;
        let Some(target) = staff_user::Entity::find_by_id(id).one(&txn).await? else {
            return Ok(None);
        };
        second_factor::turn_off(&txn, id).await?;
        super::people::end_sessions(&txn, id).await?;
        let detail = format!("{}; sessions ended", target.email);
        audit::record(&txn, &me, "second_factor_reset", "staff_user", id, detail).await?;
        txn.commit().await?;
        Ok::<_, sea_orm::DbErr>(Some(()))
    }
    .await;
    match reset {
        Ok(Some(())) => Redirect::to("/admin/users").into_response(),
        Ok(None) => {
            html(StatusCode::NOT_FOUND, page("Not found", Some(&me), "<h1>No such account</h1>"))
        }
        Err(err) => unavailable(&err, "cannot reset a second factor"),
    }
}
