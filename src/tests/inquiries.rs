//! Expressions of interest through the real router, with the mail worker sending to a real SMTP
//! server (aiosmtpd, started here): two emails per inquiry to the right people in the right
//! languages, routing to each desk, bad input refused with nothing stored, the rate limit and
//! the honeypot, and no email lost or sent twice while the SMTP server is down, across a
//! restart, or with two workers on one database.

use crate::mailer::{MailWorker, Transport};
use crate::router_tests::{TestSite, seeded};
use crate::smtp_sink::{SmtpSink, free_port};
use app::models::OutboxStatus;
use app::server::entities::{desk, inquiry, outbox};
use axum::http::StatusCode;
use chrono::Datelike;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use std::time::Duration;

/// A mail worker of `site` that sends to the SMTP server on `port` of this machine.
pub(crate) fn worker(site: &TestSite, port: u16) -> MailWorker {
    worker_with_timeout(site, port, Duration::from_secs(5))
}

fn worker_with_timeout(site: &TestSite, port: u16, timeout: Duration) -> MailWorker {
    let transport =
        Transport::smtp(&format!("smtp://127.0.0.1:{port}"), timeout).expect("an SMTP URL");
    let mut worker = MailWorker::new(
        site.state.db.clone(),
        transport,
        site.config.mail_from.clone(),
        site.state.outbox_signal.clone(),
    );
    worker.pacing.retry_base = Duration::from_millis(200);
    worker
}

/// A valid inquiry from `country`, about `listing` if any.
fn valid(country: &str, email: &str, listing: Option<&str>) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("name", "Kim Min-jun"),
        ("company", "Hanbit Cold Chain Co."),
        ("country", country),
        ("email", email),
        ("phone", "+82 2 555 0100"),
        ("investor_type", "logistics"),
        ("investment_range", "5m-20m"),
        ("need_area", "12,000"),
        ("need_power", "800"),
        ("message", "We need a cold store near the crossing.\nStart in spring."),
        ("heard_from", "exhibition"),
        ("utm_source", "kotra"),
        ("consent", "yes"),
        ("website", ""),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    if let Some(code) = listing {
        fields.push(("listing".into(), code.into()));
    }
    fields
}

fn with(mut fields: Vec<(String, String)>, name: &str, value: &str) -> Vec<(String, String)> {
    fields.retain(|(k, _)| k != name);
    fields.push((name.to_owned(), value.to_owned()));
    fields
}

fn without(mut fields: Vec<(String, String)>, name: &str) -> Vec<(String, String)> {
    fields.retain(|(k, _)| k != name);
    fields
}

async fn post(
    site: &TestSite,
    lang: &str,
    fields: &[(String, String)],
    client: u8,
) -> (StatusCode, String, String) {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, headers, body) =
        site.post_form(&format!("/{lang}/inquire"), &pairs, [198, 51, 100, client]).await;
    let location =
        headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    (status, location, body)
}

async fn count_inquiries(site: &TestSite) -> u64 {
    inquiry::Entity::find().count(&site.state.db).await.expect("count")
}

async fn count_outbox(site: &TestSite) -> u64 {
    outbox::Entity::find().count(&site.state.db).await.expect("count")
}

fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn an_inquiry_is_stored_acknowledged_and_mailed_to_investor_and_desk() {
    let site = seeded().await;
    let folder = tempfile::tempdir().expect("temp");
    let port = free_port();
    let sink = SmtpSink::start(port, folder.path());

    let mut fields = valid("KR", "minjun.kim@hanbit.example", Some("KZ-W1"));
    fields = with(fields, "reply_lang", "ko");
    fields = with(fields, "name", "Kim <b>Min-jun</b>");
    fields = with(fields, "message", "<script>alert(1)</script>\nA cold store, please.");
    let (status, location, _) = post(&site, "ko", &fields, 1).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/ko/inquiry/") && location.ends_with("?sent=1"), "{location}");
    let token = location.trim_start_matches("/ko/inquiry/").trim_end_matches("?sent=1").to_owned();

    let stored = inquiry::Entity::find().one(&site.state.db).await.expect("query").expect("stored");
    let year = chrono::Utc::now().year();
    assert_eq!(stored.reference, format!("EOI-{year}-{:06}", stored.id));
    assert_eq!(stored.token_hash, app::server::inquiries::token_hash(&token), "only the hash");
    assert_eq!((stored.need_area_m2, stored.need_power_kw), (Some(12_000), Some(800)));
    assert_eq!(stored.utm_source.as_deref(), Some("kotra"));
    assert_eq!(count_outbox(&site).await, 2, "one row per email, in the same transaction");

    // The thank-you page: the reference, what happens next, private.
    let (status, headers, html) = site.get_with(&location, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&stored.reference));
    assert!(html.contains(r#"data-test="thanks""#));
    assert!(html.contains("noindex"));
    assert_eq!(headers.get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    assert!(!html.contains("minjun.kim@"), "the address is masked");
    assert!(!html.contains("cold store"), "the message is not on the page");

    // The worker sends both emails, once.
    let sent = worker(&site, port).drain().await.expect("drain");
    assert_eq!(sent, 2);
    assert_eq!(worker(&site, port).drain().await.expect("drain"), 0, "nothing twice");
    let messages = sink.messages();
    assert_eq!(messages.len(), 2);
    let investor = messages
        .iter()
        .find(|m| m["rcpt_tos"][0] == "minjun.kim@hanbit.example")
        .expect("investor mail");
    assert!(investor["subject"].as_str().unwrap_or_default().contains(&stored.reference));
    let text = investor["text"].as_str().unwrap_or_default();
    assert!(
        text.contains(&plain(&app::i18n::text("ko", "mail-investor-summary"))),
        "in Korean: {text}"
    );
    assert!(text.contains(&format!("https://invest.example.org/ko/inquiry/{token}")));
    let html = investor["html"].as_str().unwrap_or_default();
    assert!(html.contains("lang=\"ko\""));
    assert!(
        html.contains("Kim &lt;b&gt;Min-jun&lt;/b&gt;") && !html.contains("<b>Min-jun"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));

    let korea = desk::Entity::find()
        .filter(desk::Column::Code.eq("korea"))
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("desk");
    let desk_mail = messages
        .iter()
        .find(|m| m["subject"].as_str().unwrap_or_default().starts_with('['))
        .expect("desk mail");
    let rcpt: Vec<&str> =
        desk_mail["rcpt_tos"].as_array().expect("list").iter().filter_map(|v| v.as_str()).collect();
    for address in korea.emails.split(',') {
        assert!(rcpt.contains(&address.trim()), "{address} in {rcpt:?}");
    }
    let manager = site.row("KZ-W1").await.manager_id.expect("a manager");
    let manager = app::server::entities::staff_user::Entity::find_by_id(manager)
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("user");
    assert!(
        desk_mail["cc"].as_str().unwrap_or_default().contains(&manager.email),
        "the manager in copy"
    );
    assert!(
        desk_mail["reply_to"].as_str().unwrap_or_default().contains("minjun.kim@hanbit.example")
    );
    let desk_text = desk_mail["text"].as_str().unwrap_or_default();
    assert!(
        desk_text.contains("Hanbit Cold Chain Co.") && desk_text.contains("South Korea"),
        "in English: {desk_text}"
    );
    assert!(
        desk_text.contains(&format!("https://invest.example.org/admin/inquiries/{}", stored.id))
    );
    assert_ne!(investor["message_id"], desk_mail["message_id"]);
    sink.stop();

    // The private page without the thanks, and a wrong token.
    let (status, html) = site.get(&format!("/en/inquiry/{token}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"data-status="new""#) && !html.contains(r#"data-test="thanks""#));
    let (status, _) = site.get(&format!("/en/inquiry/{}", "0".repeat(64))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn each_desk_receives_the_inquiries_meant_for_it_and_the_default_desk_the_rest() {
    let site = seeded().await;
    for (i, (country, desk_code)) in [
        ("CN", "china"),
        ("HK", "china"),
        ("KR", "korea"),
        ("AE", "gcc"),
        ("SA", "gcc"),
        ("DE", "europe"),
        ("GB", "europe"),
        ("BR", "general"),
        ("KZ", "general"),
    ]
    .into_iter()
    .enumerate()
    {
        let email = format!("investor{i}@example.org");
        let (status, _, body) =
            post(&site, "en", &valid(country, &email, None), 10 + i as u8).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{country}: {body}");
        let row = inquiry::Entity::find()
            .filter(inquiry::Column::Email.eq(email.as_str()))
            .one(&site.state.db)
            .await
            .expect("q")
            .expect("stored");
        let routed = desk::Entity::find_by_id(row.desk_id.expect("routed"))
            .one(&site.state.db)
            .await
            .expect("q")
            .expect("desk");
        assert_eq!(routed.code, desk_code, "{country}");
        let mail = outbox::Entity::find()
            .filter(outbox::Column::InquiryId.eq(row.id))
            .filter(outbox::Column::Kind.eq("desk"))
            .one(&site.state.db)
            .await
            .expect("q")
            .expect("desk mail queued");
        assert_eq!(
            mail.to_addrs,
            routed.emails.split(',').map(str::trim).collect::<Vec<_>>().join(", ")
        );
    }
}

#[tokio::test]
async fn bad_input_is_named_beside_its_field_and_nothing_is_stored() {
    let site = seeded().await;
    let base = valid("CN", "wang.li@example.cn", Some("KZ-P1"));
    let long = |n: usize| "x".repeat(n);
    let cases: Vec<(&str, Vec<(String, String)>)> = vec![
        ("name", with(base.clone(), "name", "")),
        ("name", with(base.clone(), "name", &long(121))),
        ("name", with(base.clone(), "name", "Wang\r\nBcc: victim@example.org")),
        ("name", with(base.clone(), "name", "Wang \u{202E}gnaW")),
        ("company", without(base.clone(), "company")),
        ("company", with(base.clone(), "company", "Acme\nX-Header: 1")),
        ("company", with(base.clone(), "company", &long(161))),
        ("country", with(base.clone(), "country", "")),
        ("country", with(base.clone(), "country", "XX")),
        ("country", with(base.clone(), "country", "cn")),
        ("email", with(base.clone(), "email", "")),
        ("email", with(base.clone(), "email", "not-an-email")),
        ("email", with(base.clone(), "email", "a@b")),
        ("email", with(base.clone(), "email", "wang li@example.cn")),
        ("email", with(base.clone(), "email", "wang@example.cn\r\nBcc: victim@example.org")),
        ("email", with(base.clone(), "email", "wang@@example.cn")),
        ("email", with(base.clone(), "email", ".wang@example.cn")),
        ("email", with(base.clone(), "email", &format!("{}@example.cn", long(250)))),
        ("email", with(base.clone(), "email", "wang@-example.cn")),
        ("email", with(base.clone(), "email", "<wang@example.cn>")),
        ("phone", with(base.clone(), "phone", "call me")),
        ("phone", with(base.clone(), "phone", "12")),
        ("phone", with(base.clone(), "phone", &"1".repeat(41))),
        ("investor_type", with(base.clone(), "investor_type", "")),
        ("investor_type", with(base.clone(), "investor_type", "pirate")),
        ("investment_range", with(base.clone(), "investment_range", "lots")),
        ("need_area", with(base.clone(), "need_area", "abc")),
        ("need_area", with(base.clone(), "need_area", "0")),
        ("need_area", with(base.clone(), "need_area", "99999999999")),
        ("need_power", with(base.clone(), "need_power", "-5")),
        ("need_start", with(base.clone(), "need_start", "2020-01")),
        ("need_start", with(base.clone(), "need_start", "March")),
        ("need_start", with(base.clone(), "need_start", "2027-13")),
        ("message", with(base.clone(), "message", "   ")),
        ("message", with(base.clone(), "message", &long(4001))),
        ("message", with(base.clone(), "message", "bell \u{7} ring")),
        ("reply_lang", with(base.clone(), "reply_lang", "fr")),
        ("heard_from", with(base.clone(), "heard_from", "tv")),
        ("listing", with(base.clone(), "listing", "<script>")),
        ("listing", with(base.clone(), "listing", "NOPE-1")),
        ("consent", without(base.clone(), "consent")),
        ("consent", with(base.clone(), "consent", "no")),
    ];
    assert!(cases.len() >= 30);
    for (i, (field, fields)) in cases.iter().enumerate() {
        for lang in ["en", "ar"] {
            let (status, _, html) = post(&site, lang, fields, 100 + i as u8).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field} case {i} in {lang}");
            let marker = format!(r#"data-error-for="{field}""#);
            let after = html
                .split(&marker)
                .nth(1)
                .unwrap_or_else(|| panic!("{field} case {i}: no error slot"));
            let message = after
                .split_once('>')
                .map(|(_, rest)| rest.split("</p>").next().unwrap_or_default())
                .unwrap_or_default();
            assert!(
                !message.trim().is_empty(),
                "{field} case {i} in {lang}: an error beside the field"
            );
            assert!(html.contains(r#"data-test="form-errors""#), "{field} case {i}: a summary");
            let tag = &html[html.find("<html").unwrap_or(0)..];
            let tag = &tag[..tag.find('>').unwrap_or(0)];
            assert_eq!(tag.contains(r#"dir="rtl""#), lang == "ar", "{tag}");
            // The investor's input is kept.
            assert!(
                html.contains("Hanbit Cold Chain Co.") || *field == "company",
                "{field} case {i}: input kept"
            );
            assert!(!html.contains("panicked") && !html.contains("stack backtrace"));
        }
    }
    assert_eq!(count_inquiries(&site).await, 0, "nothing stored");
    assert_eq!(count_outbox(&site).await, 0, "no mail");
}

#[tokio::test]
async fn the_rate_limit_and_the_honeypot_turn_away_floods_and_robots() {
    let mut site = seeded().await;
    site.state.inquiry_limit = app::server::limits::RateLimiter::new(2, Duration::from_secs(3600));
    for n in 0..2 {
        let (status, _, _) =
            post(&site, "en", &valid("DE", &format!("buyer{n}@example.de"), None), 7).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    let (status, _, html) = post(&site, "zh", &valid("DE", "buyer3@example.de", None), 7).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(html.contains(r#"data-test="form-notice""#));
    let expected =
        plain(&app::i18n::text_with("zh", "form-error-rate-limited", &[("minutes", 60.into())]));
    assert!(plain(&html).contains(&expected), "the localised message");
    assert!(html.contains("buyer3@example.de"), "input kept");
    let (status, _, _) = post(&site, "en", &valid("DE", "buyer4@example.de", None), 8).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "another address is not limited");
    assert_eq!(count_inquiries(&site).await, 3);

    let outbox_before = count_outbox(&site).await;
    let robot = with(valid("US", "robot@example.com", None), "website", "http://spam.example");
    let (status, location, _) = post(&site, "en", &robot, 9).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, "/en/inquire?sent=1");
    assert_eq!(count_inquiries(&site).await, 3, "spam is not stored");
    assert_eq!(count_outbox(&site).await, outbox_before, "nor mailed");
    let (status, html) = site.get(&location).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"data-test="thanks-plain""#));
}

#[tokio::test]
async fn mail_queued_while_the_smtp_server_is_down_arrives_once_after_it_returns() {
    let mut site = seeded().await;
    site.state.inquiry_limit =
        app::server::limits::RateLimiter::new(1000, Duration::from_secs(3600));
    let port = free_port();
    let down = worker(&site, port);
    let mut references = Vec::new();
    for n in 0..50u8 {
        let email = format!("investor{n}@example.org");
        let country = ["CN", "KR", "AE", "DE", "BR"][usize::from(n) % 5];
        let (status, location, body) = post(&site, "en", &valid(country, &email, None), n).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        assert!(location.contains("/inquiry/"));
        // The worker tries while the server is down: nothing is lost, nothing is marked sent.
        if n % 10 == 0 {
            assert_eq!(down.drain().await.expect("drain"), 0);
        }
    }
    for row in inquiry::Entity::find()
        .order_by_asc(inquiry::Column::Id)
        .all(&site.state.db)
        .await
        .expect("q")
    {
        references.push(row.reference);
    }
    assert_eq!(references.len(), 50, "all stored");
    let waiting =
        crate::mailer::count_by_status(&site.state.db, OutboxStatus::Pending).await.expect("count");
    assert_eq!(waiting, 100, "all queued");
    let retried = outbox::Entity::find()
        .filter(outbox::Column::Attempts.gt(0))
        .count(&site.state.db)
        .await
        .expect("q");
    assert!(retried >= 1, "the failures were recorded for retry");
    // The portal restarts while mail is queued: a new worker (and a second process beside it)
    // takes over once the SMTP server is back.
    drop(down);
    let folder = tempfile::tempdir().expect("temp");
    let sink = SmtpSink::start(port, folder.path());
    let (a, b) = (worker(&site, port), worker(&site, port));
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let (x, y) = tokio::join!(a.drain(), b.drain());
        x.expect("drain");
        y.expect("drain");
        let sent = crate::mailer::count_by_status(&site.state.db, OutboxStatus::Sent)
            .await
            .expect("count");
        if sent == 100 || std::time::Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let messages = sink.messages();
    assert_eq!(messages.len(), 100, "exactly 50 investor and 50 desk emails");
    let mut ids: Vec<&str> = messages.iter().filter_map(|m| m["message_id"].as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 100, "none twice");
    for reference in &references {
        let about: Vec<_> = messages
            .iter()
            .filter(|m| m["subject"].as_str().unwrap_or_default().contains(reference.as_str()))
            .collect();
        assert_eq!(about.len(), 2, "{reference}: one to the investor, one to the desk");
    }
    assert_eq!(a.drain().await.expect("drain") + b.drain().await.expect("drain"), 0);
}

#[tokio::test]
async fn a_refused_address_is_marked_failed_and_the_desk_still_hears() {
    let site = seeded().await;
    let folder = tempfile::tempdir().expect("temp");
    let port = free_port();
    let sink = SmtpSink::start(port, folder.path());
    let (status, _, _) = post(&site, "en", &valid("DE", "bounce@example.de", None), 1).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    worker(&site, port).drain().await.expect("drain");
    let failed = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("investor"))
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("row");
    assert_eq!(failed.status, "failed");
    assert!(
        failed.last_error.as_deref().unwrap_or_default().contains("550"),
        "{:?}",
        failed.last_error
    );
    let desk_row = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("desk"))
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("row");
    assert_eq!(desk_row.status, "sent");
    assert_eq!(sink.messages().len(), 1);
}

#[tokio::test]
async fn the_campaign_of_the_link_a_visitor_came_by_reaches_the_form() {
    let site = seeded().await;
    let (status, headers, _) = site
        .get_with("/en/sites?utm_source=kotra&utm_campaign=expo-2026&utm_medium=%3Cb%3E", &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    let cookies: Vec<String> = headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
        .collect();
    assert!(cookies.contains(&"utm_source=kotra".to_owned()), "{cookies:?}");
    assert!(cookies.contains(&"utm_campaign=expo-2026".to_owned()), "{cookies:?}");
    assert!(
        !cookies.iter().any(|c| c.starts_with("utm_medium")),
        "a value that is not a plain word is not kept"
    );
    let (_, _, html) = site.get_with("/en/inquire", &[("cookie", &cookies.join("; "))]).await;
    assert!(html.contains(r#"name="utm_source" value="kotra""#), "carried into the form");
    assert!(html.contains(r#"name="utm_campaign" value="expo-2026""#));
}

#[tokio::test]
async fn an_smtp_server_that_stops_answering_is_given_up_on_in_time_and_tried_again() {
    let site = seeded().await;
    // A server that accepts the connection and then says nothing, not even its greeting.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = silent.local_addr().expect("addr").port();
    let held = std::thread::spawn(move || {
        let mut open = Vec::new();
        for stream in silent.incoming().take(4).flatten() {
            open.push(stream);
        }
        std::thread::sleep(Duration::from_secs(5));
    });
    let (status, _, body) = post(&site, "en", &valid("DE", "hans@example.de", None), 1).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let started = std::time::Instant::now();
    let stalled = worker_with_timeout(&site, port, Duration::from_millis(250));
    assert_eq!(stalled.drain().await.expect("drain"), 0);
    assert!(started.elapsed() < Duration::from_secs(4), "gave up in {:?}", started.elapsed());
    let rows = outbox::Entity::find().all(&site.state.db).await.expect("q");
    assert!(
        rows.iter().all(|row| row.status == OutboxStatus::Pending.as_str()),
        "a silent server is a transient failure: {:?}",
        rows.iter().map(|row| &row.status).collect::<Vec<_>>()
    );
    assert!(rows.iter().any(|row| row.attempts > 0), "the attempt was recorded");
    drop(held);
}
