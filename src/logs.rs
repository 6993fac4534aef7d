//! What the portal writes to its log (stderr): one JSON object per line (`PORTAL_LOG_FORMAT=text`
//! for a human at a terminal), one line per request with its id, method, path, status and time.
//! Every event a request causes carries the same id (the `request` span), and the id goes back
//! to the client as `X-Request-Id`, so a visitor's report can be found. No personal data or
//! secret reaches the log: email addresses are masked in every line, whichever library wrote
//! it, query strings are left out, and the token in an investor's private address is hidden.

use axum::{extract::Request, http::HeaderValue, middleware::Next, response::Response};
use std::io::Write;
use tracing::Instrument;

/// Starts logging; `PORTAL_LOG` filters as `RUST_LOG` does.
pub fn init() {
    use tracing_subscriber::util::SubscriberInitExt;
    let text = std::env::var("PORTAL_LOG_FORMAT").is_ok_and(|format| format == "text");
    subscriber(|| Masking(std::io::stderr()), text).init();
}

/// The portal's log formatting, writing through `writer`.
fn subscriber<W>(writer: W, text: bool) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'a> tracing_subscriber::fmt::MakeWriter<'a> + Send + Sync + 'static,
{
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("PORTAL_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer);
    if text {
        Box::new(builder.finish())
    } else {
        Box::new(builder.json().with_current_span(true).with_span_list(false).finish())
    }
}

/// A writer with email addresses masked. The formatter hands over each event whole, in one
/// write, so an address is never split between two writes.
struct Masking<W>(W);

impl<W: Write> Write for Masking<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let masked = mask_emails(&String::from_utf8_lossy(buf));
        self.0.write_all(masked.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// `kim.minjun@hanbit.co.kr` → `k***@hanbit.co.kr`: the domain helps to diagnose mail, the
/// person stays unnamed.
pub fn mask_emails(text: &str) -> String {
    let local = |b: u8| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b);
    let domain = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, _) in text.match_indices('@') {
        let start = (0..at).rev().take_while(|&i| local(bytes[i])).last().unwrap_or(at);
        let end =
            (at + 1..bytes.len()).take_while(|&i| domain(bytes[i])).last().map_or(at, |i| i + 1);
        let host = text[at + 1..end].trim_end_matches('.');
        let is_address = start < at
            && start >= copied
            && host.split('.').filter(|label| !label.is_empty()).count() >= 2;
        if is_address {
            out.push_str(&text[copied..start]);
            out.push_str(&text[start..start + 1]);
            out.push_str("***");
            copied = at;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The path as logged: the token of an investor's private page is a key to their data.
pub fn loggable_path(path: &str) -> String {
    let mut segments: Vec<&str> = path.split('/').collect();
    for i in 1..segments.len() {
        if segments[i - 1] == "inquiry" && !segments[i].is_empty() {
            segments[i] = "…";
        }
    }
    segments.join("/")
}

/// The middleware: an id for the request, its events inside a span that carries it, and one
/// line when it is answered.
pub async fn requests(request: Request, next: Next) -> Response {
    let id = {
        use rand::RngCore;
        let mut bytes = [0u8; 8];
        rand::rng().fill_bytes(&mut bytes);
        hex::encode(bytes)
    };
    let method = request.method().clone();
    let path = loggable_path(request.uri().path());
    let span = tracing::info_span!("request", id = %id);
    let started = std::time::Instant::now();
    let mut response = next.run(request).instrument(span.clone()).await;
    let status = response.status().as_u16();
    span.in_scope(|| {
        tracing::info!(
            method = %method,
            path = %path,
            status,
            ms = started.elapsed().as_secs_f64() * 1000.0,
            "request"
        );
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_masked_and_everything_else_kept() {
        for (text, masked) in [
            ("to kim.minjun@hanbit.co.kr failed", "to k***@hanbit.co.kr failed"),
            ("<a@b.example>, x+y@mail.example.org.", "<a***@b.example>, x***@mail.example.org."),
            ("\"email\":\"inv@example.de\"", "\"email\":\"i***@example.de\""),
            ("550 5.1.1 <李@example.cn>: no", "550 5.1.1 <李@example.cn>: no"),
            ("@handle and user@localhost and a@b", "@handle and user@localhost and a@b"),
            ("ko: 주소 hong@naver.com 확인", "ko: 주소 h***@naver.com 확인"),
            ("no address here", "no address here"),
        ] {
            assert_eq!(mask_emails(text), masked, "{text}");
        }
    }

    /// What the portal's subscriber writes, through the masking writer, into memory.
    #[derive(Clone, Default)]
    struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().map_err(|_| std::io::Error::other("poisoned"))?.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_logs_subscriber_writes_json_lines_with_addresses_masked() {
        let captured = Captured::default();
        let sink = captured.clone();
        let subscriber = subscriber(move || Masking(sink.clone()), false);
        tracing::subscriber::with_default(subscriber, || {
            let span = tracing::info_span!("request", id = "0123abcd");
            span.in_scope(|| tracing::warn!(to = "kim.minjun@hanbit.co.kr", "refused"));
        });
        let text = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("UTF-8");
        let line: serde_json::Value = serde_json::from_str(text.trim()).expect("one JSON line");
        assert_eq!(line["fields"]["to"], "k***@hanbit.co.kr", "{text}");
        assert_eq!(line["span"]["id"], "0123abcd", "{text}");
        assert!(!text.contains("kim.minjun"), "{text}");
    }

    #[test]
    fn the_private_page_token_is_not_logged() {
        assert_eq!(loggable_path("/en/inquiry/4f2a9c"), "/en/inquiry/…");
        assert_eq!(loggable_path("/ar/inquiry/abc/"), "/ar/inquiry/…/");
        assert_eq!(loggable_path("/en/sites/kz-p1"), "/en/sites/kz-p1");
        assert_eq!(loggable_path("/"), "/");
    }
}
