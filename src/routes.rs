//! Routes that are not Leptos pages.

use app::{i18n, server::AppState};
use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde_json::json;

/// The name of the cookie that remembers the visitor's language.
pub const LANGUAGE_COOKIE: &str = "lang";

/// The value of the language cookie of a request, if any.
pub fn language_cookie(headers: &HeaderMap) -> Option<&str> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|cookies| {
        cookies
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find_map(|(name, value)| (name == LANGUAGE_COOKIE).then_some(value))
    })
}

/// The public sections, whose addresses without a language are sent to the visitor's language.
pub const SECTIONS: &[&str] =
    &["sites", "opportunities", "compare", "about", "contact", "privacy", "open-data", "inquire"];

/// `/` and `/sites…` and the other sections without a language: sends the visitor to the same
/// page in their language (language cookie, then the browser's `Accept-Language`, then English),
/// query string kept.
pub async fn language_redirect(uri: axum::http::Uri, headers: HeaderMap) -> Response {
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let language = i18n::negotiate(language_cookie(&headers), accept);
    let path = uri.path().trim_start_matches('/');
    let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
    (
        StatusCode::FOUND,
        [
            (header::LOCATION, format!("/{}/{path}{query}", language.code)),
            (header::VARY, "Accept-Language, Cookie".to_owned()),
            (header::CACHE_CONTROL, "private, no-cache".to_owned()),
        ],
    )
        .into_response()
}

/// Remembers the language of the pages a visitor reads: a page in another language than the
/// visitor's cookie says (the language switch, a shared link) sets the cookie, so that `/` and
/// addresses without a language lead there next time. Pages in the remembered language set
/// nothing, which keeps them cacheable.
pub async fn remember_language(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let first = request.uri().path().trim_start_matches('/').split('/').next().unwrap_or_default();
    let page_language = i18n::find(first).map(|l| l.code.clone());
    let cookie = language_cookie(request.headers()).map(str::to_owned);
    // A unit or a currency chosen with ?unit= or ?currency= is remembered the same way.
    let cookies = request.headers().get(header::COOKIE).and_then(|v| v.to_str().ok());
    let query = request.uri().query();
    let chosen = [
        chosen::<app::models::AreaUnit>(query, cookies, app::prefs::UNIT_COOKIE),
        chosen::<app::models::Currency>(query, cookies, app::prefs::CURRENCY_COOKIE),
    ];
    // The campaign parameters of the link a visitor arrived by, kept for the browser session so
    // that an inquiry sent later says where the visitor came from.
    let campaign: Vec<(&'static str, String)> = ["utm_source", "utm_medium", "utm_campaign"]
        .into_iter()
        .filter_map(|name| {
            let value: String = query?
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_owned())?;
            app::prefs::campaign_value(&value).map(|value| (name, value))
        })
        .collect();
    let mut response = next.run(request).await;
    let remember = page_language.filter(|code| {
        response.status() == StatusCode::OK && cookie.as_deref() != Some(code.as_str())
    });
    let secure = if state.public_url.starts_with("https://") { "; Secure" } else { "" };
    let ok = response.status() == StatusCode::OK;
    let cookies = std::iter::once(remember.map(|code| (LANGUAGE_COOKIE, code)))
        .chain(chosen.into_iter().map(|choice| choice.filter(|_| ok)));
    for (name, value) in cookies.flatten() {
        let cookie = format!("{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax{secure}");
        if let Ok(cookie) = axum::http::HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
    }
    for (name, value) in campaign.into_iter().filter(|_| ok) {
        let cookie = format!("{name}={value}; Path=/; SameSite=Lax; HttpOnly{secure}");
        if let Ok(cookie) = axum::http::HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
    }
    response
}

/// The value of `name` chosen in the query string, when it differs from the one remembered.
fn chosen<T>(
    query: Option<&str>,
    cookies: Option<&str>,
    name: &'static str,
) -> Option<(&'static str, String)>
where
    T: std::str::FromStr + PartialEq + std::fmt::Display,
{
    let value: T = app::prefs::in_query(query, name)?;
    (app::prefs::in_cookies::<T>(cookies, name).as_ref() != Some(&value))
        .then(|| (name, value.to_string()))
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
