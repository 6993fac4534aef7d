//! What every response carries and what no other website may do: security headers on every
//! answer (pages, server functions, files, errors), and the refusal of state-changing requests
//! sent from another origin (cross-site request forgery).

use app::server::AppState;
use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{Html, IntoResponse, Response},
};

/// The headers every response carries unless the handler chose its own (the investor's private
/// page, for one, sends no referrer at all; a Leptos page states its content policy with the
/// nonce of its own inline script, see `app::server::csp`).
const HEADERS: [(&str, &str); 4] = [
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
];

/// HSTS, on a portal served over https.
const HSTS: &str = "max-age=31536000; includeSubDomains";

/// Whether a request that changes state comes from another origin: the browser says so in
/// `Sec-Fetch-Site`, or, from browsers that do not send it, `Origin` names another origin than
/// the portal's. Requests with neither (command-line clients, monitoring) are not browsers
/// carrying someone's cookies, and pass.
pub fn cross_origin(headers: &HeaderMap, public_url: &str) -> bool {
    let value = |name: HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    match value(HeaderName::from_static("sec-fetch-site")) {
        Some("same-origin" | "none") => return false,
        Some(_) => return true,
        None => {}
    }
    let Some(origin) = value(header::ORIGIN) else { return false };
    let public = public_url.trim_end_matches('/');
    let host = value(header::HOST).unwrap_or_default();
    let same = origin == public
        || (!host.is_empty()
            && (origin == format!("http://{host}") || origin == format!("https://{host}")));
    !same
}

/// The middleware: refuses cross-origin state changes, then sets the headers.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && cross_origin(request.headers(), &state.public_url) {
        tracing::warn!(path = %request.uri().path(), "cross-origin request refused");
        let mut response = message_page(
            request.uri().path(),
            StatusCode::FORBIDDEN,
            "error-cross-origin-title",
            "error-cross-origin",
        );
        decorate(response.headers_mut(), &state.public_url);
        return response;
    }
    let mut response = next.run(request).await;
    decorate(response.headers_mut(), &state.public_url);
    response
}

/// A short page in the language of the path (English elsewhere) that says why a request was not
/// served: two Fluent messages, a title and a sentence.
pub fn message_page(path: &str, status: StatusCode, title: &str, text: &str) -> Response {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let language = app::i18n::find(first).unwrap_or(&app::i18n::languages()[0]);
    let page = format!(
        "<!DOCTYPE html><html lang=\"{0}\" dir=\"{1}\"><head><meta charset=\"utf-8\"><title>{2}</title></head><body><h1>{2}</h1><p>{3}</p></body></html>",
        language.code,
        language.dir(),
        app::i18n::text(&language.code, title),
        app::i18n::text(&language.code, text),
    );
    (status, Html(page)).into_response()
}

fn decorate(headers: &mut HeaderMap, public_url: &str) {
    for (name, value) in HEADERS {
        headers.entry(name).or_insert(HeaderValue::from_static(value));
    }
    static POLICY: std::sync::OnceLock<HeaderValue> = std::sync::OnceLock::new();
    let policy = POLICY.get_or_init(|| {
        HeaderValue::from_str(&app::server::csp::policy(None)).expect("an ASCII policy")
    });
    headers.entry(header::CONTENT_SECURITY_POLICY).or_insert_with(|| policy.clone());
    if public_url.starts_with("https://") {
        headers.entry(header::STRICT_TRANSPORT_SECURITY).or_insert(HeaderValue::from_static(HSTS));
    }
}

#[cfg(test)]
mod tests {
    use super::cross_origin;
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().expect("header value"));
        }
        map
    }

    #[test]
    fn only_other_origins_are_cross_origin() {
        let public = "https://invest.example.org";
        for (pairs, refused) in [
            (&[("sec-fetch-site", "same-origin")][..], false),
            (&[("sec-fetch-site", "none")][..], false),
            (&[("sec-fetch-site", "cross-site")][..], true),
            (&[("sec-fetch-site", "same-site")][..], true),
            (&[("origin", "https://invest.example.org")][..], false),
            (&[("origin", "https://evil.example")][..], true),
            (&[("origin", "null")][..], true),
            (&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")][..], false),
            (&[("origin", "http://127.0.0.1:3001"), ("host", "127.0.0.1:3000")][..], true),
            (&[][..], false),
        ] {
            assert_eq!(cross_origin(&headers(pairs), public), refused, "{pairs:?}");
        }
    }
}
