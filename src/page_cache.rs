//! A cache of rendered public pages, so that a page read by many investors is rendered once and
//! then served at the cost of a copy.
//!
//! What is kept: the answer to a `GET` of a page in a language (`/en`, `/ar/sites?…`), when it is
//! a `200` HTML page that sets no cookie and does not forbid storing (the private inquiry page
//! says `no-store`). The key is the whole address with its query and the request's `Cookie`
//! header, which holds everything besides the address that a page depends on (unit, currency,
//! the listings added to an inquiry).
//!
//! How long: until any request that may change something (any method but `GET`, `HEAD` and
//! `OPTIONS`) is answered without an error — a site published, a rate set, an inquiry sent —
//! which empties the cache; and never longer than `PORTAL_PAGE_CACHE_SECONDS`, which bounds how
//! late a change made outside this process (the command line, another server) shows.
//!
//! The script nonce: every page carries the nonce of its Content-Security-Policy. A copy served
//! from the cache gets a fresh one, in the header and in the page alike, so no two answers share
//! a nonce.
//!
//! Memory: at most `MAX_BYTES` of pages; the oldest go first.

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

/// The most page bytes kept.
pub const MAX_BYTES: usize = 24 * 1024 * 1024;
/// The largest page kept; a bigger one is served but not kept.
const MAX_PAGE: usize = 1024 * 1024;
/// How long a visitor waits for another's rendering of the same page before rendering it too.
const RENDER_WAIT: Duration = Duration::from_secs(5);

#[derive(Clone)]
pub struct PageCache {
    inner: Arc<Mutex<Inner>>,
    /// One lock per page being rendered, so that many visitors asking for the same page at once
    /// cause one rendering, not one each.
    rendering: Arc<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>>,
    ttl: Duration,
}

#[derive(Default)]
struct Inner {
    pages: HashMap<String, Page>,
    /// Keys in the order they were stored, oldest first (a key may appear again after it was
    /// stored anew; its stale places are skipped).
    order: VecDeque<(String, Instant)>,
    bytes: usize,
    /// Counts the clearings, so that a page rendered before a change and finished after it is
    /// not kept.
    generation: u64,
}

struct Page {
    headers: HeaderMap,
    body: Bytes,
    /// The nonce the page was rendered with, replaced in every copy served.
    nonce: Option<String>,
    stored: Instant,
}

impl PageCache {
    /// A cache keeping pages for at most `ttl`; `Duration::ZERO` keeps nothing.
    pub fn new(ttl: Duration) -> Self {
        Self { inner: Arc::default(), rendering: Arc::default(), ttl }
    }

    fn enabled(&self) -> bool {
        !self.ttl.is_zero()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves nothing half-written that matters: start afresh.
        self.inner.lock().unwrap_or_else(|poisoned| {
            let mut inner = poisoned.into_inner();
            *inner = Inner::default();
            inner
        })
    }

    /// Forgets every page.
    pub fn clear(&self) {
        let mut inner = self.lock();
        let generation = inner.generation + 1;
        *inner = Inner { generation, ..Inner::default() };
    }

    fn generation(&self) -> u64 {
        self.lock().generation
    }

    /// The number of pages and bytes kept.
    #[cfg(test)]
    pub fn size(&self) -> (usize, usize) {
        let inner = self.lock();
        (inner.pages.len(), inner.bytes)
    }

    /// A copy of the page kept under `key`, and whether it is still within its time.
    fn get(&self, key: &str) -> Option<(Response, bool)> {
        let inner = self.lock();
        let page = inner.pages.get(key)?;
        Some((serve_copy(page), page.stored.elapsed() < self.ttl))
    }

    /// The lock of the rendering of `key`.
    fn rendering_lock(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut rendering = self.rendering.lock().unwrap_or_else(|p| p.into_inner());
        rendering.entry(key.to_owned()).or_default().clone()
    }

    /// Forgets the lock of the rendering of `key` once it is done.
    fn rendered(&self, key: &str, lock: &Arc<tokio::sync::Mutex<()>>) {
        let mut rendering = self.rendering.lock().unwrap_or_else(|p| p.into_inner());
        if rendering.get(key).is_some_and(|l| Arc::ptr_eq(l, lock)) {
            rendering.remove(key);
        }
    }

    /// Keeps `page`, unless the cache was cleared since `generation` (it may be out of date).
    fn put(&self, key: String, page: Page, generation: u64) {
        let size = page.body.len() + key.len();
        let mut inner = self.lock();
        if inner.generation != generation {
            return;
        }
        let stored = page.stored;
        if let Some(old) = inner.pages.insert(key.clone(), page) {
            inner.bytes -= old.body.len() + key.len();
        }
        inner.bytes += size;
        inner.order.push_back((key, stored));
        while inner.bytes > MAX_BYTES {
            let Some((oldest, at)) = inner.order.pop_front() else { break };
            if inner.pages.get(&oldest).is_some_and(|p| p.stored == at) {
                let gone = inner.pages.remove(&oldest).map_or(0, |p| p.body.len());
                inner.bytes -= gone + oldest.len();
            }
        }
        // Stale places of keys stored anew are dropped once they outnumber the pages.
        if inner.order.len() > 2 * inner.pages.len() + 64 {
            let Inner { pages, order, .. } = &mut *inner;
            order.retain(|(key, at)| pages.get(key).is_some_and(|p| p.stored == *at));
        }
    }
}

/// A copy of a kept page with a fresh nonce.
fn serve_copy(page: &Page) -> Response {
    let mut headers = page.headers.clone();
    let body = match &page.nonce {
        Some(old) => {
            let new = fresh_nonce();
            if let Some(policy) = headers.get(header::CONTENT_SECURITY_POLICY) {
                let policy = policy.to_str().unwrap_or_default().replace(old.as_str(), &new);
                if let Ok(value) = HeaderValue::from_str(&policy) {
                    headers.insert(header::CONTENT_SECURITY_POLICY, value);
                }
            }
            let text = std::str::from_utf8(&page.body).unwrap_or_default();
            Bytes::from(text.replace(old.as_str(), &new))
        }
        None => page.body.clone(),
    };
    let mut response = (StatusCode::OK, body).into_response();
    *response.headers_mut() = headers;
    response
}

/// A new nonce: 128 random bits, as the renderer draws them.
fn fresh_nonce() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The nonce named by a Content-Security-Policy, if any.
fn nonce_of(headers: &HeaderMap) -> Option<String> {
    let policy = headers.get(header::CONTENT_SECURITY_POLICY)?.to_str().ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let len = policy[start..].find('\'')?;
    Some(policy[start..start + len].to_owned()).filter(|n| n.len() >= 16)
}

/// Whether a request is for a page that may be kept: a GET of a path under a language.
fn page_request(request: &Request) -> bool {
    if request.method() != Method::GET {
        return false;
    }
    let first = request.uri().path().trim_start_matches('/').split('/').next().unwrap_or("");
    app::i18n::find(first).is_some()
}

fn html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Whether an answer may be kept: a 200 HTML page that sets no cookie and may be stored.
fn keepable(response: &Response) -> bool {
    let headers = response.headers();
    let storable = headers
        .get_all(header::CACHE_CONTROL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .all(|v| !v.contains("no-store") && !v.contains("private"));
    response.status() == StatusCode::OK
        && html(headers)
        && storable
        && !headers.contains_key(header::SET_COOKIE)
}

/// The middleware: serves kept pages, keeps new ones, and forgets them all after a change.
pub async fn serve(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if changes {
        let response = next.run(request).await;
        if cache.enabled() && !response.status().is_client_error() {
            cache.clear();
        }
        return response;
    }
    if !page_request(&request) {
        return next.run(request).await;
    }
    let cookies = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join("; ");
    let key = format!("{}\n{cookies}", request.uri());
    if !cache.enabled() {
        return with_cache_control(next.run(request).await);
    }
    let kept = cache.get(&key);
    let stale = match kept {
        Some((copy, true)) => return copy,
        Some((copy, false)) => Some(copy),
        None => None,
    };
    // One visitor renders the page; the others asking at the same time are given the copy that
    // just went out of date, if there is one, or wait for that rendering and take its result.
    let lock = cache.rendering_lock(&key);
    let guard = match lock.clone().try_lock_owned() {
        Ok(guard) => Some(guard),
        Err(_) => {
            if let Some(copy) = stale {
                return copy;
            }
            let wait = tokio::time::timeout(RENDER_WAIT, lock.lock()).await;
            drop(wait);
            if let Some((copy, true)) = cache.get(&key) {
                return copy;
            }
            None
        }
    };
    let generation = cache.generation();
    let response = keep(&cache, key.clone(), generation, next.run(request).await).await;
    if let Some(guard) = guard {
        drop(guard);
        cache.rendered(&key, &lock);
    }
    response
}

/// Pages are always asked for again (they change when listings do, and each carries its own
/// nonce); the files they load are the ones kept for long (see `web::site_files`).
fn with_cache_control(mut response: Response) -> Response {
    if response.status() == StatusCode::OK && html(response.headers()) {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-cache"));
    }
    response
}

/// Keeps a freshly rendered answer if it may be kept, and returns it.
async fn keep(cache: &PageCache, key: String, generation: u64, response: Response) -> Response {
    let response = with_cache_control(response);
    if !keepable(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // The page is whole in memory already (pages render completely before their first byte).
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(err) => {
            tracing::error!(cause = %err, "a page could not be rendered whole");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    if body.len() > MAX_PAGE {
        return Response::from_parts(parts, Body::from(body));
    }
    let page = Page {
        nonce: nonce_of(&parts.headers),
        headers: parts.headers.clone(),
        body: body.clone(),
        stored: Instant::now(),
    };
    cache.put(key, page, generation);
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str, nonce: &str) -> Page {
        let mut headers = HeaderMap::new();
        let policy = format!("script-src 'self' 'nonce-{nonce}'");
        headers.insert(header::CONTENT_SECURITY_POLICY, policy.parse().expect("ascii"));
        Page {
            headers,
            body: Bytes::from(body.to_owned()),
            nonce: Some(nonce.to_owned()),
            stored: Instant::now(),
        }
    }

    #[tokio::test]
    async fn a_copy_gets_a_fresh_nonce_in_the_header_and_the_page() {
        let nonce = "QUJDREVGR0hJSktMTU5PUA";
        let kept = page(&format!(r#"<script nonce="{nonce}">go()</script><p>{nonce}</p>"#), nonce);
        let copy = serve_copy(&kept);
        let fresh = nonce_of(copy.headers()).expect("a nonce");
        assert_ne!(fresh, nonce);
        let body = axum::body::to_bytes(copy.into_body(), usize::MAX).await.expect("body");
        let body = String::from_utf8(body.to_vec()).expect("utf-8");
        assert_eq!(body, format!(r#"<script nonce="{fresh}">go()</script><p>{fresh}</p>"#));
        assert_ne!(nonce_of(serve_copy(&kept).headers()), Some(fresh), "each copy its own");
    }

    #[test]
    fn memory_stays_within_its_bound_and_the_oldest_go_first() {
        let cache = PageCache::new(Duration::from_secs(60));
        let big = "x".repeat(MAX_PAGE - 100);
        let n = MAX_BYTES / big.len() + 5;
        for i in 0..n {
            cache.put(format!("/en/{i}"), page(&big, "nonce-of-sixteen-chars"), 0);
            // Storing the same key again does not count it twice.
            cache.put(format!("/en/{i}"), page(&big, "nonce-of-sixteen-chars"), 0);
        }
        let (pages, bytes) = cache.size();
        assert!(bytes <= MAX_BYTES, "{bytes}");
        assert!(pages >= MAX_BYTES / big.len() - 1, "{pages}");
        assert!(cache.get("/en/0").is_none(), "the oldest page went first");
        assert!(cache.get(&format!("/en/{}", n - 1)).is_some(), "the newest is kept");
        cache.clear();
        assert_eq!(cache.size(), (0, 0));
        cache.put(
            "/en".into(),
            page("<p>rendered before the change</p>", "n".repeat(16).as_str()),
            0,
        );
        assert_eq!(cache.size(), (0, 0), "a page rendered before a clearing is not kept");
    }

    #[test]
    fn a_page_is_out_of_date_after_its_time() {
        let cache = PageCache::new(Duration::from_millis(30));
        cache.put("/en".into(), page("<p>hello</p>", "nonce-of-sixteen-chars"), 0);
        assert!(cache.get("/en").is_some_and(|(_, fresh)| fresh));
        std::thread::sleep(Duration::from_millis(40));
        assert!(cache.get("/en").is_some_and(|(_, fresh)| !fresh), "kept, but out of date");
    }

    /// A router whose one page takes 100 ms to render and counts its renderings.
    fn slow_site(ttl: Duration) -> (axum::Router, Arc<std::sync::atomic::AtomicUsize>) {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let count = Arc::new(AtomicUsize::new(0));
        let counted = count.clone();
        let page = move || {
            let count = counted.clone();
            async move {
                let n = count.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(100)).await;
                let nonce = format!("rendering-number-{n:04}");
                let policy = format!("script-src 'nonce-{nonce}'");
                (
                    [(header::CONTENT_SECURITY_POLICY, policy)],
                    axum::response::Html(format!("<script nonce=\"{nonce}\"></script><p>{n}</p>")),
                )
            }
        };
        let router = axum::Router::new()
            .route("/en", axum::routing::get(page).post(|| async { StatusCode::SEE_OTHER }))
            .layer(axum::middleware::from_fn_with_state(PageCache::new(ttl), serve));
        (router, count)
    }

    async fn fetch(router: &axum::Router, method: Method) -> String {
        use tower::ServiceExt as _;
        let request = Request::builder().method(method).uri("/en").body(Body::empty());
        let response = router.clone().oneshot(request.expect("request")).await.expect("answer");
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
        String::from_utf8(body.to_vec()).expect("utf-8")
    }

    #[tokio::test]
    async fn many_visitors_asking_at_once_cause_one_rendering() {
        use std::sync::atomic::Ordering;
        let (router, count) = slow_site(Duration::from_millis(400));
        let answers =
            futures_util::future::join_all((0..20).map(|_| fetch(&router, Method::GET))).await;
        assert_eq!(count.load(Ordering::SeqCst), 1, "one rendering for twenty visitors");
        assert!(answers.iter().all(|a| a.ends_with("<p>0</p>")), "{answers:?}");

        // Out of date: one visitor renders anew, the others get the old copy meanwhile.
        tokio::time::sleep(Duration::from_millis(450)).await;
        let answers =
            futures_util::future::join_all((0..10).map(|_| fetch(&router, Method::GET))).await;
        assert_eq!(count.load(Ordering::SeqCst), 2);
        assert_eq!(answers.iter().filter(|a| a.ends_with("<p>1</p>")).count(), 1, "{answers:?}");
        assert!(fetch(&router, Method::GET).await.ends_with("<p>1</p>"));

        // A change empties the cache.
        fetch(&router, Method::POST).await;
        assert!(fetch(&router, Method::GET).await.ends_with("<p>2</p>"));
        assert_eq!(count.load(Ordering::SeqCst), 3);
    }
}
