//! The `portal` binary as an operator meets it: help, configuration errors, migrate, seed and
//! create-user, against a SQLite file in a temporary folder.

use std::io::{Read, Write};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

#[path = "smtp_sink.rs"]
mod smtp_sink;
#[path = "support.rs"]
mod support;

use support::{http, portal, text, wait_until_healthy};

fn run_with_stdin(mut command: Command, input: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("portal starts");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("writes stdin");
    child.wait_with_output().expect("portal ends")
}

#[test]
fn help_lists_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = portal(dir.path()).arg("--help").output().expect("runs");
    assert!(output.status.success());
    let help = text(&output.stdout);
    for command in [
        "serve",
        "migrate",
        "seed",
        "create-user",
        "reset-second-factor",
        "set-rate",
        "rates",
        "backup",
        "restore",
    ] {
        assert!(help.contains(command), "{command} missing from:\n{help}");
    }
}

#[test]
fn a_bad_variable_stops_start_up_with_one_line_and_no_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (variable, value) in [
        ("DATABASE_URL", "mysql://root@localhost/portal"),
        ("LEPTOS_SITE_ADDR", "not-an-address"),
        ("PORTAL_PUBLIC_URL", "invest.example.org"),
        ("SMTP_URL", "http://mail.example.org"),
        ("PORTAL_REPLY_DAYS", "forty"),
        ("MAIL_FROM", "nobody"),
    ] {
        let output = portal(dir.path()).env(variable, value).arg("serve").output().expect("runs");
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{variable}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{variable}: one line, got {stderr:?}");
        assert!(stderr.starts_with(&format!("error: configuration: {variable} ")), "{stderr}");
        assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"), "{stderr}");
    }
}

#[test]
fn migrate_seed_and_create_user_work_on_a_fresh_sqlite_file() {
    let dir = tempfile::tempdir().expect("temp dir");

    let output = portal(dir.path()).args(["migrate", "--status"]).output().expect("runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("Pending"));
    assert!(
        dir.path().join("data/portal.db").exists(),
        "the SQLite file and its folder are created"
    );

    let output = portal(dir.path()).arg("migrate").output().expect("runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let output = portal(dir.path()).args(["migrate", "--status"]).output().expect("runs");
    assert!(!text(&output.stdout).contains("Pending"), "{}", text(&output.stdout));

    let output = portal(dir.path()).arg("seed").output().expect("runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).starts_with("added 30 sites, 15 opportunities"),
        "{}",
        text(&output.stdout)
    );
    assert!(
        dir.path().join("data/media/sites/kz-p1").is_dir(),
        "photos are written under the data folder"
    );
    let output = portal(dir.path()).arg("seed").output().expect("runs");
    assert!(text(&output.stdout).contains("nothing added"), "{}", text(&output.stdout));

    let weak = run_with_stdin(
        {
            let mut c = portal(dir.path());
            c.args(["create-user", "--email", "ops@icic-ca.example", "--role", "admin"]);
            c
        },
        "password1234\n",
    );
    assert!(!weak.status.success());
    assert!(text(&weak.stderr).contains("most commonly used"), "{}", text(&weak.stderr));

    let good = run_with_stdin(
        {
            let mut c = portal(dir.path());
            c.args(["create-user", "--email", "ops@icic-ca.example", "--role", "admin"]);
            c
        },
        "caravan crosses the steppe at dawn\n",
    );
    assert!(good.status.success(), "{}", text(&good.stderr));
    assert!(text(&good.stdout).contains("created admin account for ops@icic-ca.example"));

    let again = run_with_stdin(
        {
            let mut c = portal(dir.path());
            c.args(["create-user", "--email", "OPS@icic-ca.example", "--role", "desk"]);
            c
        },
        "another long passphrase here\n",
    );
    assert!(text(&again.stderr).contains("already exists"), "{}", text(&again.stderr));

    // The way back in for an admin who lost their phone and their recovery codes.
    let output = portal(dir.path())
        .args(["reset-second-factor", "--email", "OPS@icic-ca.example"])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("second factor of ops@icic-ca.example is off"));
    let output = portal(dir.path())
        .args(["reset-second-factor", "--email", "nobody@icic-ca.example"])
        .output()
        .expect("runs");
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("no staff account"), "{}", text(&output.stderr));

    let output = portal(dir.path()).args(["migrate", "--down", "5"]).output().expect("runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
}

#[test]
fn exchange_rates_are_set_and_listed_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = portal(dir.path()).arg("rates").output().expect("runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("no exchange rates are set"), "{}", text(&output.stdout));

    let output = portal(dir.path())
        .args(["set-rate", "KRW", "1,390.5", "--date", "2026-11-20"])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).starts_with("1 USD = 1390.5 KRW from 2026-11-20"));
    let output = portal(dir.path()).arg("rates").output().expect("runs");
    let listed = text(&output.stdout);
    assert!(listed.contains("KRW") && listed.contains("1390.5") && listed.contains("2026-11-20"));

    for (args, says) in [
        (vec!["set-rate", "USD", "1"], "US dollars need no rate"),
        (vec!["set-rate", "BTC", "0.00001"], "not a currency the portal offers"),
        (vec!["set-rate", "EUR", "zero"], "is not a rate"),
        (vec!["set-rate", "EUR", "0"], "more than 0"),
        (vec!["set-rate", "EUR", "0.9", "--date", "2999-01-01"], "in the future"),
    ] {
        let output = portal(dir.path()).args(&args).output().expect("runs");
        assert!(!output.status.success(), "{args:?}");
        assert!(text(&output.stderr).contains(says), "{args:?}: {}", text(&output.stderr));
    }
    let output = portal(dir.path()).arg("rates").output().expect("runs");
    assert_eq!(text(&output.stdout).lines().count(), 1, "only the won: {}", text(&output.stdout));
}

#[test]
fn the_password_is_never_taken_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = portal(dir.path())
        .args(["create-user", "--email", "a@b.example", "--role", "desk", "--password", "x"])
        .output()
        .expect("runs");
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("unexpected argument '--password'"));
}

#[test]
fn mail_queued_when_the_portal_is_killed_is_sent_once_after_it_restarts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = portal(dir.path()).arg("seed").output().expect("runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let smtp_port = smtp_sink::free_port();
    let addr = format!("127.0.0.1:{}", smtp_sink::free_port());
    let log = dir.path().join("serve.log");
    let serve = || -> Child {
        let log = std::fs::OpenOptions::new().create(true).append(true).open(&log).expect("log");
        portal(dir.path())
            .env("SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}"))
            .env("LEPTOS_SITE_ADDR", &addr)
            .env("PORTAL_MAIL_RETRY_SECONDS", "1")
            .env("PORTAL_LOG", "info")
            // What cargo-leptos builds into the release binary; without it this debug build
            // prints a notice of Leptos's own that is not a log line.
            .env("LEPTOS_OUTPUT_NAME", "portal")
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("the portal starts")
    };

    // The SMTP server is down: five inquiries are acknowledged, their mail queued.
    let mut server = serve();
    let mut tokens = Vec::new();
    wait_until_healthy(&addr);
    for (n, country) in ["CN", "KR", "AE", "DE", "BR"].into_iter().enumerate() {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs([
                ("name", "Restart Test"),
                ("company", "Steppe Metals"),
                ("country", country),
                ("email", &format!("restart{n}@example.org")),
                ("investor_type", "manufacturer"),
                ("investment_range", "1m-5m"),
                ("message", "A foundry, if the power allows."),
                ("consent", "yes"),
            ])
            .finish();
        let request = format!(
            "POST /en/inquire HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let (status, response) = http(&addr, &request).expect("an answer");
        let logged = std::fs::read_to_string(&log).unwrap_or_default();
        assert_eq!(status, 303, "{logged}");
        assert!(response.contains("/en/inquiry/"), "{response}");
        let token = response.split("/en/inquiry/").nth(1).and_then(|t| t.split_whitespace().next());
        tokens.push(token.expect("a token").to_owned());
    }
    // Let the worker fail at least once, then kill the portal without warning.
    std::thread::sleep(Duration::from_millis(1500));
    server.kill().expect("SIGKILL");
    server.wait().expect("gone");

    // The SMTP server comes back, then the portal: every email arrives, once.
    let folder = tempfile::tempdir().expect("temp dir");
    let sink = smtp_sink::SmtpSink::start(smtp_port, folder.path());
    let mut server = serve();
    wait_until_healthy(&addr);
    let deadline = Instant::now() + Duration::from_secs(60);
    while sink.messages().len() < 10 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(250));
    }
    // Time for a second sending, were there one.
    std::thread::sleep(Duration::from_secs(2));
    let _ = server.kill();
    let _ = server.wait();
    let messages = sink.messages();
    assert_eq!(messages.len(), 10, "five to investors, five to desks");
    let mut ids: Vec<&str> = messages.iter().filter_map(|m| m["message_id"].as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 10, "none twice");
    sink.stop();
    assert_logs_are_structured_and_name_no_one(
        &std::fs::read_to_string(&log).expect("log"),
        &tokens,
    );
}

/// Every line of the log is one JSON object; each request has one line with its own id; no
/// investor's address and no private-page token is in it.
fn assert_logs_are_structured_and_name_no_one(log: &str, tokens: &[String]) {
    let lines: Vec<serde_json::Value> = log
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}")))
        .collect();
    let posts: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["fields"]["message"] == "request" && l["fields"]["method"] == "POST")
        .collect();
    assert_eq!(posts.len(), 5, "one line per inquiry sent");
    let mut ids: Vec<&str> = posts.iter().filter_map(|l| l["span"]["id"].as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 5, "each request its own id: {posts:?}");
    assert!(
        posts.iter().all(|l| l["fields"]["status"] == 303 && l["fields"]["path"] == "/en/inquire")
    );
    // What the request caused carries its id: the inquiry stored, within the same request.
    let stored = lines.iter().filter(|l| l["fields"]["message"] == "inquiry stored");
    assert!(stored.filter(|l| ids.contains(&l["span"]["id"].as_str().unwrap_or("-"))).count() == 5);
    for n in 0..5 {
        assert!(!log.contains(&format!("restart{n}@")), "an address in the log");
    }
    for token in tokens {
        assert!(!log.contains(token.as_str()), "a private-page token in the log");
    }
}

/// `portal backup` while another process writes as fast as it can: the copy holds exactly the
/// writes committed before some moment (none missing, none torn), at least every write
/// acknowledged before the backup began; `portal restore` then brings back exactly that copy, and
/// keeps the database it replaces. PostgreSQL deployments are told to use pg_dump.
#[test]
fn a_backup_taken_under_write_load_restores_with_nothing_lost() {
    use app::server::entities::audit_log;
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

    let dir = tempfile::tempdir().expect("temp dir");
    assert!(portal(dir.path()).arg("seed").output().expect("runs").status.success());
    let live = dir.path().join("data/portal.db");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let db = runtime
        .block_on(app::server::db::connect(&format!("sqlite://{}", live.display())))
        .expect("database");
    let acknowledged = Arc::new(AtomicI64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, acknowledged, stop) = (db.clone(), acknowledged.clone(), stop.clone());
        runtime.spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                audit_log::ActiveModel {
                    action: Set("load".into()),
                    entity: Set("backup-test".into()),
                    entity_id: Set(Some(n.to_string())),
                    created_at: Set(chrono::Utc::now()),
                    ..Default::default()
                }
                .insert(&db)
                .await
                .expect("a write");
                acknowledged.store(n, Ordering::SeqCst);
            }
        })
    };
    let started = Instant::now();
    while acknowledged.load(Ordering::SeqCst) < 200 {
        assert!(started.elapsed() < Duration::from_secs(30), "the writer is writing");
        std::thread::sleep(Duration::from_millis(10));
    }
    let before = acknowledged.load(Ordering::SeqCst);
    let output = portal(dir.path()).args(["backup", "backup.db"]).output().expect("runs");
    let after = acknowledged.load(Ordering::SeqCst);
    stop.store(true, Ordering::SeqCst);
    runtime.block_on(writer).expect("the writer ends");
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("integrity ok"), "{}", text(&output.stdout));
    let written = acknowledged.load(Ordering::SeqCst);
    assert!(written > after, "writes went on during the backup");

    let rows = |path: std::path::PathBuf| {
        runtime.block_on(async {
            let copy = sea_orm::Database::connect(format!("sqlite://{}?mode=ro", path.display()))
                .await
                .expect("opens");
            let loaded: Vec<i64> = audit_log::Entity::find()
                .filter(audit_log::Column::Entity.eq("backup-test"))
                .all(&copy)
                .await
                .expect("reads")
                .into_iter()
                .filter_map(|row| row.entity_id.and_then(|n| n.parse().ok()))
                .collect();
            let sites =
                app::server::entities::site::Entity::find().count(&copy).await.expect("sites");
            copy.close().await.ok();
            (loaded, sites)
        })
    };
    let (copied, sites) = rows(dir.path().join("backup.db"));
    let n = i64::try_from(copied.len()).expect("count");
    assert!((before..=after).contains(&n), "{before} <= {n} <= {after}");
    let mut sorted = copied.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (1..=n).collect::<Vec<_>>(), "the first {n} writes, none missing");
    assert!(sites > 0, "the rest of the database came along");

    // A backup never overwrites.
    let again = portal(dir.path()).args(["backup", "backup.db"]).output().expect("runs");
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("exists already"), "{}", text(&again.stderr));

    // Restore, with the portal's database still holding the later writes.
    runtime.block_on(db.close()).expect("closes");
    let output = portal(dir.path()).args(["restore", "backup.db"]).output().expect("runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let (restored, _) = rows(live.clone());
    assert_eq!(restored.len(), copied.len(), "exactly the copy is back");
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("data"))
        .expect("data folder")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("before-restore"))
        .collect();
    assert_eq!(kept.len(), 1, "the replaced database is kept");
    let (replaced, _) = rows(kept[0].path());
    assert_eq!(i64::try_from(replaced.len()).expect("count"), written);

    // Something that is not a backup is refused, and nothing is replaced.
    std::fs::write(dir.path().join("not-a-backup.db"), b"MZ\x90\x00 not a database")
        .expect("writes");
    let refused = portal(dir.path()).args(["restore", "not-a-backup.db"]).output().expect("runs");
    assert!(!refused.status.success());
    assert_eq!(rows(live).0.len(), copied.len());

    // PostgreSQL: the way to do it there.
    let told = portal(dir.path())
        .env("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
        .args(["backup", "pg.dump"])
        .output()
        .expect("runs");
    assert!(!told.status.success());
    assert!(text(&told.stderr).contains("pg_dump"), "{}", text(&told.stderr));
}

/// A client that sends its request headers slower than the server allows is dropped, while
/// others are served as usual: a few slow clients cannot hold the portal's connections.
#[test]
fn a_connection_that_trickles_its_headers_is_dropped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let addr = format!("127.0.0.1:{}", smtp_sink::free_port());
    let mut server = portal(dir.path())
        .env("LEPTOS_SITE_ADDR", &addr)
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the portal starts");
    wait_until_healthy(&addr);
    let mut slow = std::net::TcpStream::connect(&addr).expect("connects");
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: portal\r\n").expect("half the headers");
    slow.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    let started = Instant::now();
    // Meanwhile everyone else is served.
    wait_until_healthy(&addr);
    let mut answer = Vec::new();
    let ended = slow.read_to_end(&mut answer);
    let waited = started.elapsed();
    let _ = server.kill();
    let _ = server.wait();
    assert!(ended.is_ok(), "the server closed the connection rather than waiting: {ended:?}");
    assert!(
        waited >= Duration::from_secs(8) && waited < Duration::from_secs(20),
        "dropped after {waited:?}, the header time being 10 s"
    );
    assert!(!text(&answer).contains("200 OK"), "{}", text(&answer));
}
