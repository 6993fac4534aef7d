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

/// The pages that exist in every language without a listing behind them.
pub const STATIC_PAGES: &[&str] =
    &["", "sites", "opportunities", "about", "contact", "privacy", "open-data"];

/// `/sitemap.xml`: every public page in every language, each with its alternates.
pub async fn sitemap(State(state): State<AppState>) -> Response {
    let (sites, opportunities) = match app::server::listings::published_slugs(&state.db).await {
        Ok(slugs) => slugs,
        Err(err) => {
            tracing::error!(cause = %err, "sitemap: cannot read the listings");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let base = &state.public_url;
    let mut pages: Vec<(String, Option<String>)> =
        STATIC_PAGES.iter().map(|path| ((*path).to_owned(), None)).collect();
    pages.extend(
        sites
            .into_iter()
            .map(|(slug, at)| (format!("sites/{slug}"), Some(at.format("%Y-%m-%d").to_string()))),
    );
    pages.extend(opportunities.into_iter().map(|(slug, at)| {
        (format!("opportunities/{slug}"), Some(at.format("%Y-%m-%d").to_string()))
    }));
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (path, modified) in &pages {
        let alternates: String = i18n::languages()
            .iter()
            .map(|l| {
                format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{base}/{}/{path}\"/>\n",
                    l.code, l.code
                )
            })
            .chain(std::iter::once(format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{base}/{path}\"/>\n"
            )))
            .collect();
        for language in i18n::languages() {
            xml.push_str(&format!("  <url>\n    <loc>{base}/{}/{path}</loc>\n", language.code));
            if let Some(modified) = modified {
                xml.push_str(&format!("    <lastmod>{modified}</lastmod>\n"));
            }
            xml.push_str(&alternates);
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        xml,
    )
        .into_response()
}

/// `/robots.txt`: everything public may be crawled; the staff area and the API may not.
pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /api/\n\nSitemap: {}/sitemap.xml\n",
        state.public_url
    );
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response()
}
