//! Security headers on every kind of response (page, server function, static file, redirect,
//! error, staff page) and the refusal of cross-origin state changes: form posts, staff sign-in
//! and server-function calls from another origin are refused and change nothing; the same ones
//! from the portal's own pages are accepted; bodies over the limit and requests that take too
//! long are cut off with a page in the visitor's language, and nothing is stored.

use crate::router_tests::{TestSite, seeded};
use app::server::entities::inquiry;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use futures_util::StreamExt;
use sea_orm::{EntityTrait, PaginatorTrait};

const PUBLIC: &str = "https://invest.example.org";

fn assert_protected(what: &str, headers: &HeaderMap) {
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("strict-transport-security", "max-age=31536000; includeSubDomains"),
    ] {
        assert_eq!(
            headers.get(name).and_then(|v| v.to_str().ok()),
            Some(value),
            "{name} on {what}"
        );
    }
    let csp =
        headers.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(csp.contains("frame-ancestors 'none'"), "CSP on {what}: {csp}");
    assert!(csp.contains("script-src 'self'"), "scripts restricted on {what}: {csp}");
    assert!(!csp.contains("unsafe-inline"), "no inline scripts or styles on {what}: {csp}");
    assert!(headers.contains_key("referrer-policy"), "referrer-policy on {what}");
    let id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()), "request id on {what}");
    assert!(headers.contains_key("permissions-policy"), "permissions-policy on {what}");
}

async fn call(
    site: &TestSite,
    request: axum::http::request::Builder,
    body: Body,
) -> (StatusCode, HeaderMap, String) {
    site.send(request.body(body).expect("request")).await
}

fn inquiry_form() -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("name", "Cross Origin"),
            ("company", "Forgery Test GmbH"),
            ("country", "DE"),
            ("email", "csrf@example.de"),
            ("investor_type", "manufacturer"),
            ("investment_range", "1m-5m"),
            ("message", "Sent from another site."),
            ("consent", "yes"),
        ])
        .finish()
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let site = seeded().await;
    let photo = app::server::entities::media::Entity::find()
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("a seeded photo");
    let cases = [
        ("page", Request::get("/en/sites"), Body::empty(), StatusCode::OK),
        ("error", Request::get("/en/sites/no-such-site"), Body::empty(), StatusCode::NOT_FOUND),
        (
            "redirect",
            Request::get("/").header("accept-language", "ko"),
            Body::empty(),
            StatusCode::FOUND,
        ),
        (
            "static file",
            Request::get(format!("/media/{}", photo.storage_key)),
            Body::empty(),
            StatusCode::OK,
        ),
        (
            "server function",
            Request::post("/api/desks").header("content-type", "application/json"),
            Body::from(r#"{"lang":"ar"}"#),
            StatusCode::OK,
        ),
        ("staff page", Request::get("/admin/sign-in"), Body::empty(), StatusCode::OK),
        ("open data", Request::get("/open-data/sites.json"), Body::empty(), StatusCode::OK),
    ];
    for (what, request, body, expected) in cases {
        let (status, headers, _) = call(&site, request, body).await;
        assert_eq!(status, expected, "{what}");
        assert_protected(what, &headers);
    }
    // A handler's own, stricter choice stands: the private page of an inquiry sends no referrer.
    let (status, headers, _) = call(
        &site,
        Request::post("/en/inquire").header("content-type", "application/x-www-form-urlencoded"),
        Body::from(inquiry_form()),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let tracking =
        headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let (_, headers, _) = call(&site, Request::get(&tracking), Body::empty()).await;
    assert_eq!(headers.get("referrer-policy").and_then(|v| v.to_str().ok()), Some("no-referrer"));
}

#[tokio::test]
async fn state_changes_from_another_origin_are_refused_and_change_nothing() {
    let site = seeded().await;
    let count = || async { inquiry::Entity::find().count(&site.state.db).await.expect("count") };
    let form = |origin: &[(&'static str, &'static str)], path: &str| {
        let mut request =
            Request::post(path).header("content-type", "application/x-www-form-urlencoded");
        for (name, value) in origin {
            request = request.header(*name, *value);
        }
        request
    };
    for attack in [
        &[("origin", "https://evil.example")][..],
        &[("sec-fetch-site", "cross-site"), ("origin", "https://evil.example")][..],
        &[("sec-fetch-site", "same-site")][..],
        &[("origin", "null")][..],
    ] {
        let (status, headers, body) =
            call(&site, form(attack, "/ar/inquire"), Body::from(inquiry_form())).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{attack:?}");
        assert!(body.contains("dir=\"rtl\""), "the refusal is in the page's language");
        assert!(body.contains(&app::i18n::text("ar", "error-cross-origin")));
        assert_protected("a refusal", &headers);
        assert_eq!(count().await, 0, "nothing stored for {attack:?}");

        let (status, _, _) = call(
            &site,
            form(attack, "/admin/sign-in"),
            Body::from("email=a%40b.example&password=whatever+it+is"),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "staff sign-in {attack:?}");

        let mut call_fn = Request::post("/api/desks").header("content-type", "application/json");
        for (name, value) in attack {
            call_fn = call_fn.header(*name, *value);
        }
        let (status, _, _) = call(&site, call_fn, Body::from(r#"{"lang":"en"}"#)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "server function {attack:?}");
    }
    // Reading is never refused, whoever links to the portal.
    let (status, _, _) = call(
        &site,
        Request::get("/en/sites")
            .header("sec-fetch-site", "cross-site")
            .header("origin", "https://evil.example"),
        Body::empty(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // The portal's own pages, as browsers mark them.
    for own in [
        &[("sec-fetch-site", "same-origin"), ("origin", PUBLIC)][..],
        &[("origin", PUBLIC)][..],
        &[("origin", "http://portal.internal:3000"), ("host", "portal.internal:3000")][..],
    ] {
        let before = count().await;
        let (status, _, _) =
            call(&site, form(own, "/en/inquire"), Body::from(inquiry_form())).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{own:?}");
        assert_eq!(count().await, before + 1);
        let mut call_fn = Request::post("/api/desks").header("content-type", "application/json");
        for (name, value) in own {
            call_fn = call_fn.header(*name, *value);
        }
        let (status, _, _) = call(&site, call_fn, Body::from(r#"{"lang":"en"}"#)).await;
        assert_eq!(status, StatusCode::OK, "server function {own:?}");
    }
}

/// The nonce a page's policy allows, if any.
fn policy_nonce(headers: &HeaderMap) -> Option<String> {
    let csp = headers.get("content-security-policy")?.to_str().ok()?;
    let start = csp.find("'nonce-")? + "'nonce-".len();
    Some(csp[start..].split('\'').next()?.to_owned())
}

#[tokio::test]
async fn inline_scripts_run_only_with_the_nonce_of_their_own_response() {
    let site = seeded().await;
    let mut seen = Vec::new();
    for path in ["/en/sites", "/ar/inquire", "/zh/sites/no-such-site", "/ko/"] {
        let (_, headers, html) = call(&site, Request::get(path), Body::empty()).await;
        let nonce = policy_nonce(&headers).unwrap_or_else(|| panic!("no nonce on {path}"));
        assert!(nonce.len() >= 16, "a nonce of at least 96 bits on {path}: {nonce}");
        let scripts: Vec<&str> = html.split("<script").skip(1).collect();
        assert!(!scripts.is_empty(), "{path} hydrates its islands with an inline script");
        for script in scripts {
            let tag = &script[..script.find('>').unwrap_or(script.len())];
            assert!(tag.contains(&format!("nonce=\"{nonce}\"")), "{path}: <script{tag}>");
        }
        assert!(!html.contains(" style=\""), "{path} has a style attribute the policy forbids");
        seen.push(nonce);
    }
    let (_, again, _) = call(&site, Request::get("/en/sites"), Body::empty()).await;
    seen.push(policy_nonce(&again).expect("a nonce"));
    let mut distinct = seen.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), seen.len(), "every response draws its own nonce: {seen:?}");
    // Responses that carry no inline script allow none.
    for path in ["/admin/sign-in", "/open-data/sites.json", "/healthz"] {
        let (_, headers, _) = call(&site, Request::get(path), Body::empty()).await;
        assert_eq!(policy_nonce(&headers), None, "{path}");
    }
}

#[tokio::test]
async fn bodies_over_the_limit_and_requests_that_stall_are_cut_off_and_store_nothing() {
    let mut site = seeded().await;
    let count = || async { inquiry::Entity::find().count(&site.state.db).await.expect("count") };
    let huge = format!("{}&message={}", inquiry_form(), "x".repeat(crate::limits::MAX_BODY));
    // Declared too big: refused before a byte of it is read.
    let (status, headers, body) = call(
        &site,
        Request::post("/ko/inquire")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("content-length", huge.len()),
        Body::from(huge),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body.contains(&app::i18n::text("ko", "error-too-large")), "{body}");
    assert_protected("a body over the limit", &headers);
    // Not declared (chunked): cut off while it is read. The staff routes read their forms with
    // axum's own limit of 2 MB, so a 1.5 MB body there is refused only by the portal's bound.
    let chunks = vec![vec![b'x'; 64 * 1024]; 24];
    let stream = futures_util::stream::iter(chunks.into_iter().map(Ok::<_, std::io::Error>));
    let (status, _, _) = call(
        &site,
        Request::post("/admin/routing").header("content-type", "application/x-www-form-urlencoded"),
        Body::from_stream(stream),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    // A server function's body is bounded too.
    let (status, _, _) = call(
        &site,
        Request::post("/api/desks")
            .header("content-type", "application/json")
            .header("content-length", crate::limits::MAX_BODY + 11),
        Body::from(format!("{{\"lang\":\"{}\"}}", "e".repeat(crate::limits::MAX_BODY))),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(count().await, 0);

    // A body that starts and never ends: the request is given up on at its time.
    site.config.request_timeout_seconds = 1;
    let first = Ok::<_, std::io::Error>(b"name=Slow&company=Loris".to_vec());
    let stalled = futures_util::stream::iter([first]).chain(futures_util::stream::pending());
    let started = std::time::Instant::now();
    let (status, _, body) = call(
        &site,
        Request::post("/ar/inquire").header("content-type", "application/x-www-form-urlencoded"),
        Body::from_stream(stalled),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.contains("dir=\"rtl\"") && body.contains(&app::i18n::text("ar", "error-timeout")));
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    assert_eq!(count().await, 0);
}
