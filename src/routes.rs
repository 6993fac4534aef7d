//! Routes that are not Leptos pages.

use app::{i18n, server::AppState};
use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde_json::json;

/// `/`: sends the visitor to the home page in their language (language cookie, then the
/// browser's `Accept-Language`, then English).
pub async fn root_redirect(headers: HeaderMap) -> Response {
    let header_text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let cookie = header_text(header::COOKIE).and_then(|cookies| {
        cookies
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find_map(|(name, value)| (name == "lang").then_some(value))
    });
    let language = i18n::negotiate(cookie, header_text(header::ACCEPT_LANGUAGE));
    (
        StatusCode::FOUND,
        [
            (header::LOCATION, format!("/{}/", language.code)),
            (header::VARY, "Accept-Language, Cookie".to_owned()),
            (header::CACHE_CONTROL, "private, no-cache".to_owned()),
        ],
    )
        .into_response()
}

/// `/healthz`: 200 with a small JSON body once the database answers, 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> Response {
    let no_store = [(header::CACHE_CONTROL, "no-store")];
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, no_store, Json(json!({"status": "ok", "database": "ok"})))
            .into_response(),
        Err(err) => {
            tracing::warn!(cause = %err, "health check: the database does not answer");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                no_store,
                Json(json!({"status": "unavailable", "database": "unreachable"})),
            )
                .into_response()
        }
    }
}
