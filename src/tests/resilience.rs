//! The inquiry form against the real `portal` binary, as an investor's browser meets it: killed
//! with SIGKILL at random moments while inquiries keep coming (every acknowledged inquiry is
//! stored and mailed), and under load from many clients at once (no error, nothing lost).
//!
//! Both run for a bounded time, set by `CRASH_TEST_SECONDS` (default 40) and
//! `LOAD_TEST_SECONDS` (default 10) with `LOAD_TEST_CLIENTS` (default 32); the crash test's
//! moments are drawn from `CRASH_TEST_SEED` (printed, random when unset), so that a failure can
//! be replayed. They assert nothing about speed: the figures they print are for information.

#[path = "smtp_sink.rs"]
mod smtp_sink;
#[path = "support.rs"]
mod support;

use app::server::entities::{inquiry, outbox};
use rand::{Rng, SeedableRng, rngs::StdRng};
use sea_orm::EntityTrait;
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use support::{portal, text, wait_until_healthy};

/// The two tests each load the machine on their own; they never run together.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn seconds_from_env(variable: &str, default: u64) -> Duration {
    let value = std::env::var(variable).ok().map(|v| {
        v.parse::<u64>().unwrap_or_else(|_| panic!("{variable} must be a number of seconds"))
    });
    Duration::from_secs(value.unwrap_or(default))
}

fn now_ns() -> u128 {
    SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_nanos()
}

/// A seeded portal in a temporary folder, served on a free port of the loopback, sending its
/// mail to a real SMTP server that is up the whole time.
struct Bench {
    dir: tempfile::TempDir,
    addr: String,
    smtp_port: u16,
    sink: smtp_sink::SmtpSink,
    _mail: tempfile::TempDir,
}

impl Bench {
    fn new() -> Bench {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = portal(dir.path()).arg("seed").output().expect("runs");
        assert!(output.status.success(), "{}", text(&output.stderr));
        let smtp_port = smtp_sink::free_port();
        let mail = tempfile::tempdir().expect("temp dir");
        let sink = smtp_sink::SmtpSink::start(smtp_port, mail.path());
        let addr = format!("127.0.0.1:{}", smtp_sink::free_port());
        Bench { dir, addr, smtp_port, sink, _mail: mail }
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("serve.log")
    }

    /// The last lines the portals logged, for a failure's message.
    fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(self.log()).unwrap_or_default();
        let lines: Vec<&str> =
            log.lines().filter(|l| !l.contains(r#""message":"request""#)).collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    /// Starts `portal serve` (its log appended to `serve.log`).
    fn serve(&self) -> Child {
        let log =
            std::fs::OpenOptions::new().create(true).append(true).open(self.log()).expect("log");
        portal(self.dir.path())
            .env("SMTP_URL", format!("smtp://127.0.0.1:{}", self.smtp_port))
            .env("LEPTOS_SITE_ADDR", &self.addr)
            // Behind a proxy, as a deployment is: each investor has their own address, and the
            // limit per address (five an hour, the default) stays in force.
            .env("PORTAL_TRUST_PROXY", "1")
            .env("PORTAL_MAIL_RETRY_SECONDS", "1")
            .env("PORTAL_LOG", "info")
            // An email a killed portal held is taken over after ten times this.
            .env("PORTAL_SMTP_TIMEOUT", "3")
            // What cargo-leptos builds into the release binary; without it this debug build
            // prints a notice of Leptos's own.
            .env("LEPTOS_OUTPUT_NAME", "portal")
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("the portal starts")
    }

    fn database_url(&self) -> String {
        format!("sqlite://{}", self.dir.path().join("data/portal.db").display())
    }

    /// The inquiries and the outbox as stored.
    fn stored(&self) -> (Vec<inquiry::Model>, Vec<outbox::Model>) {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        runtime.block_on(async {
            let db = app::server::db::connect(&self.database_url()).await.expect("database");
            let inquiries = inquiry::Entity::find().all(&db).await.expect("inquiries");
            let mail = outbox::Entity::find().all(&db).await.expect("outbox");
            db.close().await.ok();
            (inquiries, mail)
        })
    }

    /// Waits until the outbox holds nothing left to send (the worker of the running portal has
    /// sent everything, including what killed portals held), then a little longer, so that a
    /// second sending, were there one, would be seen too.
    fn drain(&self, within: Duration) -> Duration {
        use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
        let started = Instant::now();
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        let db = runtime.block_on(app::server::db::connect(&self.database_url())).expect("db");
        loop {
            let unsent = outbox::Entity::find().filter(outbox::Column::Status.ne("sent"));
            let open = runtime.block_on(unsent.clone().count(&db)).expect("outbox");
            if open == 0 {
                break;
            }
            if started.elapsed() > within {
                let first = runtime.block_on(unsent.one(&db)).expect("outbox");
                panic!(
                    "{open} emails still unsent after {within:?}, e.g. {:?}\n{}",
                    first.map(|m| (m.message_id, m.status, m.locked_until, m.last_error)),
                    self.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        runtime.block_on(db.close()).ok();
        let drained = started.elapsed();
        std::thread::sleep(Duration::from_secs(3));
        drained
    }
}

/// An inquiry as the form posts it, from investor number `n`.
fn inquiry_body(n: u32) -> (String, String) {
    let email = format!("investor{n}@example.org");
    let country = ["CN", "KR", "AE", "DE", "UZ", "KZ"][n as usize % 6];
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("name", "Load Test"),
            ("company", "Steppe Metals"),
            ("country", country),
            ("email", email.as_str()),
            ("investor_type", "manufacturer"),
            ("investment_range", "1m-5m"),
            ("message", &format!("Inquiry {n}: a foundry, if the power allows.")),
            ("consent", "yes"),
        ])
        .finish();
    (email, body)
}

/// An address of its own for investor number `n`, as the proxy in front of the portal reports it.
fn address_of(n: u32) -> String {
    format!("10.{}.{}.{}", (n >> 16) & 255, (n >> 8) & 255, n & 255)
}

/// What became of one POST of the form.
#[derive(Debug)]
enum Answer {
    /// 303 to the investor's private page: the inquiry is acknowledged, with this token.
    Acknowledged(String),
    /// Any other complete answer (status line and what followed).
    Other(u16, String),
    /// No connection: the portal is not listening.
    Refused,
    /// The connection broke before a whole answer came.
    Cut(String),
}

/// POSTs an inquiry to `/en/inquire` over a new connection, as a browser would. A whole
/// response head is an answer even if the connection breaks right after it (the browser has
/// followed the redirect by then).
fn post_inquiry(addr: &str, forwarded_for: &str, body: &str) -> Answer {
    let mut stream = match std::net::TcpStream::connect(addr) {
        Ok(stream) => stream,
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => return Answer::Refused,
        Err(e) => return Answer::Cut(format!("connect: {e}")),
    };
    // Far beyond the server's own request time (30 s): a hung request is seen as one.
    stream.set_read_timeout(Some(Duration::from_secs(120))).expect("timeout");
    let request = format!(
        "POST /en/inquire HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nX-Forwarded-For: {forwarded_for}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    if let Err(e) = stream.write_all(request.as_bytes()) {
        return Answer::Cut(format!("write: {e}"));
    }
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 4096];
    let ended = loop {
        match stream.read(&mut chunk) {
            Ok(0) => break None,
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => break Some(e),
        }
    };
    let response = String::from_utf8_lossy(&bytes);
    let Some((head, _)) = response.split_once("\r\n\r\n") else {
        return Answer::Cut(format!("{} bytes, then {ended:?}", bytes.len()));
    };
    let status: u16 = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let location = head
        .lines()
        .find_map(|l| l.strip_prefix("location: ").or_else(|| l.strip_prefix("Location: ")));
    let token = location
        .and_then(|l| l.strip_prefix("/en/inquiry/"))
        .and_then(|l| l.strip_suffix("?sent=1"))
        .filter(|t| t.len() == 64 && t.chars().all(|c| c.is_ascii_hexdigit()));
    match (status, token) {
        (303, Some(token)) => Answer::Acknowledged(token.to_owned()),
        _ => Answer::Other(status, response.chars().take(600).collect()),
    }
}

/// The messages the SMTP server received, by Message-ID: when each copy arrived, and to whom.
fn received(sink: &smtp_sink::SmtpSink) -> BTreeMap<String, Vec<(u128, Vec<String>)>> {
    let mut by_id: BTreeMap<String, Vec<(u128, Vec<String>)>> = BTreeMap::new();
    for message in sink.messages() {
        let id = message["message_id"].as_str().expect("a Message-ID").to_owned();
        let at = message["received_ns"].as_u64().map(u128::from).expect("a time");
        let to = message["rcpt_tos"]
            .as_array()
            .expect("recipients")
            .iter()
            .filter_map(|r| r.as_str().map(str::to_owned))
            .collect();
        by_id.entry(id).or_default().push((at, to));
    }
    for copies in by_id.values_mut() {
        copies.sort_by_key(|(at, _)| *at);
    }
    by_id
}

/// Every acknowledged inquiry (token, the investor's address) is stored exactly once, as sent;
/// every stored inquiry has its two emails, to the investor and to the desk, both sent, and
/// the investor's went to them; nothing else is in the outbox. Returns the inquiries by id.
fn assert_acknowledged_are_stored(
    acknowledged: &[(String, String)],
    inquiries: &[inquiry::Model],
    mail: &[outbox::Model],
) -> HashMap<i32, inquiry::Model> {
    let by_hash: HashMap<&str, Vec<&inquiry::Model>> =
        inquiries.iter().fold(HashMap::new(), |mut map, row| {
            map.entry(row.token_hash.as_str()).or_default().push(row);
            map
        });
    for (token, email) in acknowledged {
        let hash = app::server::inquiries::token_hash(token);
        let rows = by_hash.get(hash.as_str()).map_or(&[][..], Vec::as_slice);
        assert_eq!(rows.len(), 1, "acknowledged inquiry from {email}: {} rows", rows.len());
        assert_eq!(&rows[0].email, email, "the token names the inquiry that was sent");
    }
    let mut kinds: HashMap<i32, Vec<&str>> = HashMap::new();
    for row in mail {
        let id = row.inquiry_id.unwrap_or_else(|| panic!("an email of no inquiry: {row:?}"));
        kinds.entry(id).or_default().push(row.kind.as_str());
        assert_eq!(row.status, "sent", "{}: {:?}", row.message_id, row.last_error);
    }
    for row in inquiries {
        let mut of_row = kinds.remove(&row.id).unwrap_or_default();
        of_row.sort_unstable();
        assert_eq!(of_row, ["desk", "investor"], "the emails of {}", row.reference);
    }
    assert!(kinds.is_empty(), "emails of inquiries that do not exist: {kinds:?}");
    inquiries.iter().map(|row| (row.id, row.clone())).collect()
}

/// Every email of the outbox reached the SMTP server (the investor's at the investor's
/// address), and the server got nothing the outbox does not hold.
fn assert_every_email_arrived(
    mail: &[outbox::Model],
    inquiries: &HashMap<i32, inquiry::Model>,
    arrived: &BTreeMap<String, Vec<(u128, Vec<String>)>>,
) {
    for row in mail {
        let copies = arrived.get(&row.message_id).map_or(&[][..], Vec::as_slice);
        assert!(!copies.is_empty(), "{} never arrived", row.message_id);
        if row.kind == "investor" {
            let email = &inquiries[&row.inquiry_id.expect("an inquiry")].email;
            assert!(copies.iter().all(|(_, to)| to == std::slice::from_ref(email)), "{copies:?}");
        }
    }
    let known: std::collections::HashSet<&str> =
        mail.iter().map(|row| row.message_id.as_str()).collect();
    for id in arrived.keys() {
        assert!(known.contains(id.as_str()), "an email the outbox does not hold: {id}");
    }
}

/// A portal killed with SIGKILL at random moments while investors keep sending inquiries, and
/// started again each time, as a supervisor would. Every inquiry the portal acknowledged (a 303
/// to the investor's private page) is in the database exactly once, and its two emails (the
/// investor's confirmation and the desk's copy) reached the SMTP server.
///
/// Exactly once, as strictly as an outbox over SMTP allows: the worker marks an email sent
/// only after the SMTP server has accepted it, in a separate write, so a portal killed after
/// the server's "250" to the message and before that write leaves the email claimed; the next
/// portal sends it again when the claim runs out, with the same Message-ID. That is the only
/// way a second copy can arise, and it leaves a trace this test checks for each repeat: the
/// worker sends one email at a time, so the earlier copy is the very last message the SMTP
/// server received before the portal was started again, and the later copy came after that
/// start. Hence at most one repeat per kill, and none anywhere else (not within one run of the
/// portal, not from two portals, not from an email whose sending was recorded).
#[test]
fn every_acknowledged_inquiry_survives_kill_9_and_is_mailed_once() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let run_for = seconds_from_env("CRASH_TEST_SECONDS", 40);
    let seed = std::env::var("CRASH_TEST_SEED")
        .ok()
        .map(|s| s.parse::<u64>().expect("CRASH_TEST_SEED is a number"))
        .unwrap_or_else(|| u64::try_from(now_ns() % 1_000_000_007).expect("small"));
    println!("crash test: CRASH_TEST_SEED={seed}, {run_for:?}");
    let bench = Bench::new();
    let mut server = bench.serve();
    wait_until_healthy(&bench.addr);
    let started = Instant::now();
    let stop = Arc::new(AtomicBool::new(false));
    let next = Arc::new(AtomicU32::new(1));

    // Four investors' browsers, sending one inquiry after another; when the portal is down they
    // find it so at once, and try again a moment later.
    let clients: Vec<_> = (0..4u64)
        .map(|i| {
            let (addr, stop, next) = (bench.addr.clone(), stop.clone(), next.clone());
            std::thread::spawn(move || {
                let mut pause = StdRng::seed_from_u64(seed + i);
                let mut acknowledged = Vec::new();
                let (mut refused, mut cut, mut other) = (0u32, 0u32, Vec::new());
                let mut last_cut = String::new();
                while !stop.load(Ordering::SeqCst) {
                    let n = next.fetch_add(1, Ordering::SeqCst);
                    let (email, body) = inquiry_body(n);
                    match post_inquiry(&addr, &address_of(n), &body) {
                        Answer::Acknowledged(token) => {
                            acknowledged.push((token, email));
                            // An investor's pace, more or less: the point is to be sending
                            // at any moment, and the mail worker to be busy, not to pile up
                            // more mail than the worker of a debug build sends in a minute.
                            std::thread::sleep(Duration::from_millis(
                                pause.random_range(200..=600),
                            ));
                        }
                        Answer::Refused => {
                            refused += 1;
                            std::thread::sleep(Duration::from_millis(20));
                        }
                        Answer::Cut(how) => {
                            cut += 1;
                            last_cut = how;
                        }
                        Answer::Other(status, response) => other.push((status, response)),
                    }
                }
                (acknowledged, refused, (cut, last_cut), other)
            })
        })
        .collect();

    // The killer: lets the portal serve for 0.2 to 2 seconds, sometimes kills it while it is
    // still starting, then starts it again after a pause a supervisor might take. Each start
    // is remembered, to tell the portal's runs apart in the SMTP server's log.
    let mut rng = StdRng::seed_from_u64(seed);
    let mut starts: Vec<u128> = Vec::new();
    let (mut kills, mut while_starting) = (0u32, 0u32);
    while started.elapsed() < run_for {
        if rng.random_ratio(1, 6) {
            std::thread::sleep(Duration::from_millis(rng.random_range(0..=500)));
            while_starting += 1;
        } else {
            wait_until_healthy(&bench.addr);
            std::thread::sleep(Duration::from_millis(rng.random_range(200..=2000)));
        }
        server.kill().expect("SIGKILL");
        server.wait().expect("gone");
        kills += 1;
        std::thread::sleep(Duration::from_millis(rng.random_range(300..=1000)));
        starts.push(now_ns());
        server = bench.serve();
    }
    wait_until_healthy(&bench.addr);
    stop.store(true, Ordering::SeqCst);
    let crashing = started.elapsed();
    let mut acknowledged = Vec::new();
    let (mut refused, mut cut, mut other, mut how) = (0, 0, Vec::new(), String::new());
    for client in clients {
        let (a, r, (c, h), o) = client.join().expect("a client");
        acknowledged.extend(a);
        refused += r;
        cut += c;
        other.extend(o);
        if !h.is_empty() {
            how = h;
        }
    }
    let attempts = next.load(Ordering::SeqCst) - 1;

    // The portal that runs now sends what is left, including what the killed ones held.
    let drained = bench.drain(Duration::from_secs(300));
    let arrived = received(&bench.sink);
    let _ = server.kill();
    let _ = server.wait();
    let (inquiries, mail) = bench.stored();

    // Not vacuous: the portal was killed often, and acknowledged many inquiries meanwhile.
    assert!(kills >= 5, "only {kills} kills");
    assert!(acknowledged.len() >= 40, "only {} inquiries acknowledged", acknowledged.len());
    // An answer other than the acknowledgement would be an error shown to an investor.
    assert!(
        other.is_empty(),
        "{} other answers, e.g. {:?}\n{}",
        other.len(),
        other.first(),
        bench.log_tail()
    );

    let by_id = assert_acknowledged_are_stored(&acknowledged, &inquiries, &mail);
    assert_every_email_arrived(&mail, &by_id, &arrived);

    // Repeats: each one the last message before a restart, sent again after it; one a restart.
    let mut all: Vec<(u128, &str)> = arrived
        .iter()
        .flat_map(|(id, copies)| copies.iter().map(move |(at, _)| (*at, id.as_str())))
        .collect();
    all.sort_unstable();
    let mut repeats_by_start: HashMap<usize, &str> = HashMap::new();
    for (id, copies) in arrived.iter().filter(|(_, copies)| copies.len() > 1) {
        for pair in copies.windows(2) {
            let (earlier, later) = (pair[0].0, pair[1].0);
            let start = starts.iter().position(|&s| s > earlier).unwrap_or_else(|| {
                panic!("{id} was received twice by one run of the portal: {copies:?}")
            });
            assert!(
                later > starts[start],
                "{id} was received twice by one run of the portal: {copies:?}, starts {starts:?}"
            );
            let next_message = all.iter().find(|(at, _)| *at > earlier).map_or(u128::MAX, |m| m.0);
            assert!(
                next_message >= starts[start],
                "{id} was sent again though the portal went on to another email after it"
            );
            if let Some(other) = repeats_by_start.insert(start, id) {
                panic!("{id} and {other} both repeated across one restart");
            }
        }
    }
    let repeats = repeats_by_start.len();
    let copies: usize = arrived.values().map(Vec::len).sum();
    println!(
        "crash test: {kills} kills ({while_starting} while starting) in {crashing:.0?}; {attempts} inquiries \
         sent, {} acknowledged, {cut} cut off (e.g. {how:?}), {refused} refused while down; {} stored; {} emails, \
         {copies} received ({repeats} repeated across a kill); drained in {drained:.1?}",
        acknowledged.len(),
        inquiries.len(),
        mail.len(),
    );
    bench.sink.stop();
}

/// Many investors at once on the loopback: `LOAD_TEST_CLIENTS` clients post inquiries for
/// `LOAD_TEST_SECONDS`, each inquiry from an address of its own (as a proxy reports it). Every
/// request is acknowledged (no error of any kind), every inquiry is stored once, and every
/// email arrives exactly once; the limit per address still holds afterwards.
#[test]
fn the_inquiry_form_under_load_answers_every_request_and_loses_nothing() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let run_for = seconds_from_env("LOAD_TEST_SECONDS", 10);
    let clients: u32 = std::env::var("LOAD_TEST_CLIENTS")
        .ok()
        .map_or(32, |v| v.parse().expect("LOAD_TEST_CLIENTS is a number"));
    let bench = Bench::new();
    let mut server = bench.serve();
    wait_until_healthy(&bench.addr);
    let next = Arc::new(AtomicU32::new(1));
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|_| {
            let (addr, next) = (bench.addr.clone(), next.clone());
            std::thread::spawn(move || {
                let (mut acknowledged, mut latencies, mut errors) =
                    (Vec::new(), Vec::new(), Vec::new());
                while started.elapsed() < run_for {
                    let n = next.fetch_add(1, Ordering::SeqCst);
                    let (email, body) = inquiry_body(n);
                    let sent = Instant::now();
                    match post_inquiry(&addr, &address_of(n), &body) {
                        Answer::Acknowledged(token) => {
                            latencies.push(sent.elapsed());
                            acknowledged.push((token, email));
                        }
                        error => errors.push(error),
                    }
                }
                (acknowledged, latencies, errors)
            })
        })
        .collect();
    let (mut acknowledged, mut latencies, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    for worker in workers {
        let (a, l, e) = worker.join().expect("a client");
        acknowledged.extend(a);
        latencies.extend(l);
        errors.extend(e);
    }
    let elapsed = started.elapsed();
    assert!(
        errors.is_empty(),
        "{} of {} requests failed, e.g. {:?}\n{}",
        errors.len(),
        errors.len() + acknowledged.len(),
        errors.first(),
        bench.log_tail()
    );
    assert!(acknowledged.len() >= 50, "only {} inquiries acknowledged", acknowledged.len());

    // The load went through the limit per address, which still holds: a sixth inquiry from one
    // address within the hour is refused.
    for n in 0..6 {
        let (email, body) = inquiry_body(900_000 + n);
        match post_inquiry(&bench.addr, "192.0.2.77", &body) {
            Answer::Acknowledged(token) if n < 5 => acknowledged.push((token, email)),
            Answer::Other(429, _) if n == 5 => {}
            answer => panic!("inquiry {n} from one address: {answer:?}"),
        }
    }

    let drained = bench.drain(Duration::from_secs(600));
    let arrived = received(&bench.sink);
    let _ = server.kill();
    let _ = server.wait();
    let (inquiries, mail) = bench.stored();
    assert_eq!(inquiries.len(), acknowledged.len(), "every inquiry stored was acknowledged");
    let by_id = assert_acknowledged_are_stored(&acknowledged, &inquiries, &mail);
    assert_every_email_arrived(&mail, &by_id, &arrived);
    // With no kill, not even the one repeat an outbox allows.
    for (id, copies) in &arrived {
        assert_eq!(copies.len(), 1, "{id} arrived {} times", copies.len());
    }

    latencies.sort_unstable();
    let at = |q: usize| latencies[(latencies.len() * q / 100).min(latencies.len() - 1)];
    println!(
        "load test: {clients} clients for {elapsed:.1?}: {} inquiries acknowledged, {:.0} a second, \
         latency p50 {:.0?}, p99 {:.0?}, max {:.0?}; {} emails sent once each, drained {drained:.1?} \
         after the load",
        latencies.len(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        at(50),
        at(99),
        latencies[latencies.len() - 1],
        arrived.len(),
    );
    bench.sink.stop();
}
