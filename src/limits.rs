//! Bounds on every request: how long it may take, from its first byte to the answer, and how
//! big its body may be. A request over a bound is answered with a short page in its language,
//! and whatever it was doing is dropped (a transaction in flight is rolled back, never half
//! written). The server loop in `web` bounds what comes before: a connection has
//! `HEADER_TIMEOUT` to send its request headers.

use crate::security::message_page;
use axum::{
    body::Body,
    extract::{Request, State},
    http::{Method, StatusCode, header},
    middleware::Next,
    response::Response,
};
use std::time::Duration;

/// How long a connection may take to send its request line and headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest body of any request but an upload: forms, server functions. The biggest real one,
/// a listing's text in four languages, is a fraction of this.
pub const MAX_BODY: usize = 1024 * 1024;
/// The largest body of an upload.
const UPLOAD_BODY: usize = app::server::media::MAX_UPLOAD_BODY + 64 * 1024;
/// Uploads (photos, brochures) get this many times the usual time, for slow links.
const UPLOAD_TIME_FACTOR: u32 = 10;

/// The bounds, from the configuration.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub request_timeout: Duration,
}

impl Limits {
    /// The time and body size allowed to this request.
    fn of(&self, method: &Method, path: &str) -> (Duration, usize) {
        let upload = method == Method::POST
            && path.starts_with("/admin/listings/")
            && path.ends_with("/media");
        if upload {
            // A little above the upload route's own limit, so that the route's refusal, which
            // names the problem beside the field, comes first.
            (self.request_timeout * UPLOAD_TIME_FACTOR, UPLOAD_BODY)
        } else {
            (self.request_timeout, MAX_BODY)
        }
    }
}

/// The middleware: refuses a body declared too big at once, cuts off one that grows too big
/// while it is read, and answers 503 when the request takes longer than its time.
pub async fn bound(State(limits): State<Limits>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let (time, max_body) = limits.of(request.method(), &path);
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > max_body as u64) {
        tracing::warn!(path = %path, length = declared, "request body over the limit refused");
        return message_page(
            &path,
            StatusCode::PAYLOAD_TOO_LARGE,
            "error-too-large-title",
            "error-too-large",
        );
    }
    let request = request.map(|body| Body::new(http_body_util::Limited::new(body, max_body)));
    match tokio::time::timeout(time, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(path = %path, seconds = time.as_secs(), "request timed out");
            message_page(
                &path,
                StatusCode::SERVICE_UNAVAILABLE,
                "error-timeout-title",
                "error-timeout",
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_get_more_time_and_room_than_forms() {
        let limits = Limits { request_timeout: Duration::from_secs(30) };
        assert_eq!(limits.of(&Method::POST, "/en/inquire"), (Duration::from_secs(30), MAX_BODY));
        assert_eq!(
            limits.of(&Method::POST, "/admin/listings/KZ-P1/media"),
            (Duration::from_secs(300), UPLOAD_BODY)
        );
        assert_eq!(limits.of(&Method::GET, "/admin/listings/KZ-P1/media").1, MAX_BODY);
        assert_eq!(limits.of(&Method::POST, "/admin/listings/KZ-P1/media/3/delete").1, MAX_BODY);
    }
}
