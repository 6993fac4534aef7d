//! The inquiry form's POST (`/{lang}/inquire`) and the "add to my inquiry" basket
//! (`/{lang}/inquiry-basket`): plain URL-encoded forms, so they work without JavaScript.

use app::i18n;
use app::models::Submission;
use app::server::AppState;
use app::server::inquiries::{self, SubmitError, form};
use axum::{
    body::Body,
    extract::{ConnectInfo, Path, State},
    http::{HeaderMap, HeaderValue, Request, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use fluent_templates::fluent_bundle::FluentValue;
use leptos::prelude::provide_context;
use std::net::{IpAddr, SocketAddr};

/// The client's address: the connection's, or the last `X-Forwarded-For` hop behind a trusted
/// proxy. Unknown (in tests without a socket) counts as the unspecified address.
pub(crate) fn client_address(request: &Request<Body>, trust_proxy: bool) -> IpAddr {
    if trust_proxy {
        let forwarded = request
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|hop| hop.trim().parse::<IpAddr>().ok())
            .next_back();
        if let Some(address) = forwarded {
            return address;
        }
    }
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |info| info.0.ip())
}

/// The fields of a URL-encoded body (read as the fuzz target `inquiry_form` reads them); `None`
/// when the body is declared as something else.
fn form_pairs(headers: &HeaderMap, body: &[u8]) -> Option<form::FormInput> {
    let kind = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if !kind.starts_with("application/x-www-form-urlencoded") {
        return None;
    }
    Some(form::FormInput::from_urlencoded(body))
}

/// Larger bodies are not inquiries (the longest valid one is about 6 KB of text, 24 KB encoded).
const MAX_BODY: usize = 64 * 1024;

/// Shows the inquiry page again, for this request's path, with the investor's input and the
/// problems found, answering `status`.
async fn show_again(
    state: &AppState,
    parts: axum::http::request::Parts,
    submission: Submission,
    status: StatusCode,
) -> Response {
    let context_state = state.clone();
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            crate::web::provide_request_context(&context_state);
            provide_context(submission.clone());
        },
        move || app::shell(options.clone()),
    );
    let mut request = Request::from_parts(parts, Body::empty());
    *request.method_mut() = axum::http::Method::GET;
    let mut response = render(request).await;
    *response.status_mut() = status;
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `POST /{lang}/inquire`.
pub async fn submit(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    request: Request<Body>,
) -> Response {
    let Some(language) = i18n::find(&lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let lang = language.code.clone();
    let client = client_address(&request, state.inquiry.trust_proxy);
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(bytes) => bytes,
        Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    };
    let Some(input) = form_pairs(&parts.headers, &bytes) else {
        return StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response();
    };
    // What the investor typed comes back with the form; the honeypot never does.
    let kept: Vec<(String, String)> =
        input.0.iter().filter(|(name, _)| name != "website").cloned().collect();
    let again = |errors: Vec<(String, String)>, notice: Option<String>| Submission {
        values: kept.clone(),
        errors,
        notice,
    };
    match form::check(&lang, &input, form::today()) {
        form::Checked::Spam => {
            // Counted like an inquiry, then forgotten: no row, no routing, no mail.
            let _ = state.inquiry_limit.check(client);
            tracing::info!("inquiry form: honeypot filled, dropped");
            Redirect::to(&format!("/{lang}/inquire?sent=1")).into_response()
        }
        form::Checked::Invalid(errors) => {
            let errors = errors.into_iter().map(|e| (e.field.to_owned(), e.message)).collect();
            show_again(&state, parts, again(errors, None), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        form::Checked::Valid(new) => {
            if let Err(wait) = state.inquiry_limit.check(client) {
                let minutes = wait.as_secs().div_ceil(60).max(1);
                let notice = i18n::text_with(
                    &lang,
                    "form-error-rate-limited",
                    &[("minutes", FluentValue::from(minutes))],
                );
                tracing::info!("inquiry form: rate limit reached");
                return show_again(
                    &state,
                    parts,
                    again(vec![], Some(notice)),
                    StatusCode::TOO_MANY_REQUESTS,
                )
                .await;
            }
            let consent = i18n::text(&lang, "form-consent");
            match inquiries::submit(&state.db, &state.inquiry, &new, &consent).await {
                Ok(done) => {
                    state.outbox_signal.notify_waiters();
                    tracing::info!(reference = %done.reference, desk = %done.desk, "inquiry stored");
                    Redirect::to(&format!("/{lang}/inquiry/{}?sent=1", done.token)).into_response()
                }
                Err(SubmitError::UnknownListings(codes)) => {
                    let message = i18n::text_with(
                        &lang,
                        "form-error-listing-gone",
                        &[("codes", FluentValue::from(codes.join(", ")))],
                    );
                    let kept_listings = kept.iter().filter(|(n, v)| {
                        n != "listing" || !codes.contains(&v.to_ascii_uppercase())
                    });
                    let submission = Submission {
                        values: kept_listings.cloned().collect(),
                        errors: vec![("listing".into(), message)],
                        notice: None,
                    };
                    show_again(&state, parts, submission, StatusCode::UNPROCESSABLE_ENTITY).await
                }
                Err(err) => {
                    tracing::error!(cause = %err, "inquiry could not be stored");
                    let notice = i18n::text(&lang, "form-error-unavailable");
                    show_again(
                        &state,
                        parts,
                        again(vec![], Some(notice)),
                        StatusCode::SERVICE_UNAVAILABLE,
                    )
                    .await
                }
            }
        }
    }
}

/// `POST /{lang}/inquiry-basket`: `add=CODE` or `remove=CODE`, then back to the page the
/// button was on. The basket lives in a cookie, without an account.
pub async fn basket(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(language) = i18n::find(&lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(pairs) = form_pairs(&headers, &body) else {
        return StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response();
    };
    let cookies = headers.get(header::COOKIE).and_then(|v| v.to_str().ok());
    let mut codes = app::prefs::basket_in(cookies);
    for (name, value) in &pairs.0 {
        let code = value.trim().to_ascii_uppercase();
        if !app::prefs::is_listing_code(&code) {
            continue;
        }
        match name.as_str() {
            "add" if !codes.contains(&code) && codes.len() < app::prefs::BASKET_MAX => {
                codes.push(code)
            }
            "remove" => codes.retain(|c| c != &code),
            _ => {}
        }
    }
    // Back where the button was: the page that sent the form (only its path, so never to
    // another site), else the inquiry form.
    let back = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|referer| url::Url::parse(referer).ok())
        .map(|url| match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        })
        .filter(|path| path.starts_with('/') && !path.starts_with("//"))
        .unwrap_or_else(|| format!("/{}/inquire", language.code));
    let secure = if state.public_url.starts_with("https://") { "; Secure" } else { "" };
    let cookie = if codes.is_empty() {
        format!("{}=; Path=/; Max-Age=0; SameSite=Lax{secure}", app::prefs::BASKET_COOKIE)
    } else {
        format!(
            "{}={}; Path=/; Max-Age=2592000; SameSite=Lax{secure}",
            app::prefs::BASKET_COOKIE,
            codes.join(".")
        )
    };
    let mut response = Redirect::to(&back).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
