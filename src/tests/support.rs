//! What the tests that run the real `portal` binary share: the command in a temporary folder,
//! a raw HTTP/1.1 exchange, and waiting for a server to answer.

use std::io::{Read, Write};
use std::process::Command;
use std::time::{Duration, Instant};

/// The `portal` binary that cargo built for these tests, run in `dir` with none of the
/// caller's settings, its data (and SQLite file) under `dir/data`.
pub fn portal(dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_portal"));
    command
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env_remove("SMTP_URL")
        .env_remove("MAIL_FROM")
        .env_remove("PORTAL_PUBLIC_URL")
        .env_remove("LEPTOS_SITE_ADDR")
        .env("PORTAL_DATA_DIR", dir.join("data"))
        .env("PORTAL_LOG", "warn");
    command
}

/// Output of a command, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A raw HTTP/1.1 exchange with the server at `addr` (status, whole response).
pub fn http(addr: &str, request: &str) -> Option<(u16, String)> {
    let mut stream = std::net::TcpStream::connect(addr).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    stream.write_all(request.as_bytes()).ok()?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, text))
}

/// Waits (a minute at most) until the server at `addr` answers `/healthz`.
pub fn wait_until_healthy(addr: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let request = format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        if http(addr, &request).is_some_and(|(status, _)| status == 200) {
            return;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("the portal did not start on {addr}");
}
