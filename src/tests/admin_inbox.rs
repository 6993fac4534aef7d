//! The inquiry inbox through the real router: each filter narrows the list to exactly the
//! inquiries it names, fifty a page; the CSV export opens in a spreadsheet with non-Latin text
//! intact and no formula run; staff notes stay with staff; assignment only to active desk
//! officers and admins; failed mail sent again for real; and an editor may read but not act.

use crate::admin_tests::signed_in;
use crate::inquiry_tests::worker;
use crate::router_tests::{TestSite, seeded};
use crate::smtp_sink::{SmtpSink, free_port};
use app::models::Role;
use app::server::entities::{inquiry, inquiry_event, outbox, staff_user};
use axum::http::StatusCode;
use chrono::{DateTime, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use std::time::Duration;

/// A site that takes any number of inquiries from one address.
async fn site() -> TestSite {
    let mut site = seeded().await;
    site.state.inquiry_limit =
        app::server::limits::RateLimiter::new(1000, Duration::from_secs(3600));
    site
}

/// A stored inquiry and the path of the investor's private page.
struct Sent {
    row: inquiry::Model,
    tracking: String,
}

/// An inquiry posted through the public form, received at `at`.
async fn inquire(
    site: &TestSite,
    company: &str,
    country: &str,
    email: &str,
    listing: Option<&str>,
    at: DateTime<Utc>,
) -> Sent {
    let mut fields = vec![
        ("name", "Wang Li"),
        ("company", company),
        ("country", country),
        ("email", email),
        ("phone", "+86 21 5555 0100"),
        ("investor_type", "manufacturer"),
        ("investment_range", "5m-20m"),
        ("message", "A packaging line."),
        ("consent", "yes"),
    ];
    if let Some(code) = listing {
        fields.push(("listing", code));
    }
    let (status, headers, body) = site.post_form("/en/inquire", &fields, [198, 51, 100, 7]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let tracking = headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .replace("?sent=1", "");
    let row = inquiry::Entity::find()
        .filter(inquiry::Column::Email.eq(email))
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("stored");
    let mut dated = row.into_active_model();
    dated.created_at = Set(at);
    let row = dated.update(&site.state.db).await.expect("update");
    Sent { row, tracking }
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().expect("a time")
}

/// The references of the inbox's rows, in order.
fn references(html: &str) -> Vec<String> {
    html.split("data-test=\"inbox-row\" data-reference=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

fn count(html: &str) -> u64 {
    html.split("data-test=\"inbox-count\" data-count=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|n| n.parse().ok())
        .expect("a count")
}

async fn inbox(site: &TestSite, session: &str, query: &str) -> String {
    let (status, _, html) =
        site.get_with(&format!("/admin/inquiries?{query}"), &[("cookie", session)]).await;
    assert_eq!(status, StatusCode::OK, "{query}");
    html
}

async fn user_id(site: &TestSite, email: &str) -> i32 {
    staff_user::Entity::find()
        .filter(staff_user::Column::Email.eq(email))
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("user")
        .id
}

async fn events(site: &TestSite, inquiry_id: i32, kind: &str) -> Vec<inquiry_event::Model> {
    inquiry_event::Entity::find()
        .filter(inquiry_event::Column::InquiryId.eq(inquiry_id))
        .filter(inquiry_event::Column::Kind.eq(kind))
        .order_by_asc(inquiry_event::Column::Id)
        .all(&site.state.db)
        .await
        .expect("q")
}

#[tokio::test]
async fn each_filter_narrows_the_inbox_and_pages_hold_fifty() {
    let site = site().await;
    let a = inquire(
        &site,
        "Jiangsu Packaging",
        "CN",
        "a@example.cn",
        Some("KZ-P1"),
        at(2026, 1, 10, 23, 30),
    )
    .await;
    let b = inquire(
        &site,
        "Hanbit Cold Chain",
        "KR",
        "b@example.kr",
        Some("KZ-W1"),
        at(2026, 1, 11, 0, 10),
    )
    .await;
    let c =
        inquire(&site, "Rhein Logistik", "DE", "c@example.de", None, at(2026, 1, 12, 12, 0)).await;
    let d = inquire(
        &site,
        "Shenzhen Motors",
        "CN",
        "d@example.cn",
        Some("KZ-W1"),
        at(2026, 2, 1, 9, 0),
    )
    .await;
    let desk_of_a = a.row.desk_id;
    let same_desk_as_a: Vec<String> = [&d, &c, &b, &a]
        .iter()
        .filter(|s| s.row.desk_id == desk_of_a)
        .map(|s| s.row.reference.clone())
        .collect();
    let desk_code = app::server::entities::desk::Entity::find_by_id(desk_of_a.expect("routed"))
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("desk")
        .code;
    let [a, b, c, d] = [&a, &b, &c, &d].map(|s| s.row.reference.clone());
    let [a, b, c, d] = [a.as_str(), b.as_str(), c.as_str(), d.as_str()];
    let desk = signed_in(&site, "li.desk@icic-ca.example", "Li Desk", Role::Desk).await;

    let html = inbox(&site, &desk, "").await;
    assert_eq!(references(&html), [d, c, b, a], "newest first");
    assert_eq!(count(&html), 4);
    assert!(html.contains("data-test=\"inbox-filters\""), "a filter form");

    for (query, expected) in [
        ("country=CN", vec![d, a]),
        ("country=cn", vec![d, a]),
        ("listing=KZ-W1", vec![d, b]),
        ("listing=KZ-P1", vec![a]),
        ("country=CN&listing=KZ-W1", vec![d]),
        ("from=2026-01-11&to=2026-01-12", vec![c, b]),
        ("to=2026-01-10", vec![a]),
        ("from=2026-02-01", vec![d]),
        (&format!("desk={desk_code}"), same_desk_as_a.iter().map(String::as_str).collect()),
    ] {
        let html = inbox(&site, &desk, query).await;
        assert_eq!(references(&html), expected, "{query}");
        assert_eq!(count(&html), expected.len() as u64, "{query}");
        assert!(!html.contains("data-test=\"filter-problems\""), "{query}");
    }

    // The form keeps what was chosen, and the export link carries it.
    let html = inbox(&site, &desk, "country=CN&listing=KZ-W1&from=2026-01-01").await;
    assert!(html.contains("name=\"listing\" value=\"KZ-W1\""));
    assert!(html.contains("name=\"country\" value=\"CN\""));
    assert!(html.contains("name=\"from\" type=\"date\" value=\"2026-01-01\""));
    assert!(
        html.contains(
            "href=\"/admin/inquiries.csv?listing=KZ-W1&amp;country=CN&amp;from=2026-01-01\""
        ),
        "the export with the same filters"
    );

    // A status changed by staff.
    let answered = inquiry::Entity::find()
        .filter(inquiry::Column::Reference.eq(b))
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("row");
    let mut changed = answered.into_active_model();
    changed.status = Set("answered".into());
    changed.update(&site.state.db).await.expect("update");
    assert_eq!(references(&inbox(&site, &desk, "status=answered").await), [b]);
    assert_eq!(references(&inbox(&site, &desk, "status=new").await), [d, c, a]);

    // Malformed values are named and left out, never a failure.
    let html =
        inbox(&site, &desk, "country=XYZ&from=2026-13-01&to=soon&listing=NOPE-9&status=lost&page=x&desk=mars&assignee=bob&mail=all")
            .await;
    assert_eq!(count(&html), 4, "nothing applied");
    let problems = html
        .split("data-test=\"filter-problems\"")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .expect("the problems are named");
    for named in ["XYZ", "2026-13-01", "soon", "NOPE-9", "lost", "“x”", "mars", "bob", "all"] {
        assert!(problems.contains(named), "{named} in {problems}");
    }
    assert!(html.contains("name=\"country\" value=\"XYZ\""), "kept for correction");

    // Fifty a page, with the filters kept from page to page.
    let template = inquiry::Entity::find()
        .filter(inquiry::Column::Reference.eq(a))
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("row");
    for n in 0..52 {
        let mut copy = template.clone().into_active_model();
        copy.id = sea_orm::ActiveValue::NotSet;
        copy.reference = Set(format!("EOI-2025-9{n:05}"));
        copy.token_hash = Set(format!("{n:064}"));
        copy.created_at = Set(at(2025, 6, 1, 0, 0) + chrono::Duration::minutes(n));
        copy.insert(&site.state.db).await.expect("insert");
    }
    let first = inbox(&site, &desk, "country=CN").await;
    assert_eq!(count(&first), 54);
    let rows = references(&first);
    assert_eq!(rows.len(), 50);
    assert_eq!(&rows[..3], [d, a, "EOI-2025-900051"]);
    assert!(first.contains("href=\"/admin/inquiries?country=CN&amp;page=2\""), "a next page");
    assert!(first.contains("Page 1 of 2"));
    let second = inbox(&site, &desk, "country=CN&page=2").await;
    assert_eq!(
        references(&second),
        ["EOI-2025-900003", "EOI-2025-900002", "EOI-2025-900001", "EOI-2025-900000"]
    );
    assert!(second.contains("href=\"/admin/inquiries?country=CN&amp;page=1\""), "back");
    assert!(references(&inbox(&site, &desk, "country=CN&page=3").await).is_empty());
    assert_eq!(count(&inbox(&site, &desk, "").await), 56, "no hard limit");
}

#[tokio::test]
async fn the_csv_export_opens_in_a_spreadsheet_with_the_filters_applied() {
    let site = site().await;
    let chinese =
        inquire(&site, "上海电气集团", "CN", "sh@example.cn", Some("KZ-P1"), at(2026, 3, 2, 8, 0))
            .await;
    let arabic =
        inquire(&site, "شركة الخليج للاستثمار", "AE", "gulf@example.ae", None, at(2026, 3, 3, 8, 0))
            .await;
    let formula =
        inquire(&site, "Evil Ltd", "CN", "evil@example.cn", None, at(2026, 3, 4, 8, 0)).await;
    let mut evil = formula.row.clone().into_active_model();
    evil.company = Set("=HYPERLINK(\"http://evil.example\",\"x\")".into());
    evil.message = Set("Line one,\nline \"two\"".into());
    evil.update(&site.state.db).await.expect("update");
    let editor = signed_in(&site, "ed@icic-ca.example", "Ed", Role::Editor).await;

    let (status, headers, body) =
        site.get_with("/admin/inquiries.csv?country=CN", &[("cookie", &editor)]).await;
    assert_eq!(status, StatusCode::OK, "any staff member may export");
    let header =
        |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(header("content-type"), "text/csv; charset=utf-8");
    assert_eq!(header("cache-control"), "no-store");
    assert_eq!(
        header("content-disposition"),
        format!("attachment; filename=\"inquiries-{}.csv\"", Utc::now().date_naive())
    );
    assert!(body.starts_with('\u{feff}'), "a byte-order mark");
    let body = body.trim_start_matches('\u{feff}');
    assert!(body.ends_with("\r\n"));
    let header_line = body.split("\r\n").next().unwrap_or_default();
    assert_eq!(
        header_line,
        "reference,received (UTC),status,desk,assigned to,company,name,country,email,phone,investor type,investment range,listings,reply language,message"
    );
    let chinese_line = body
        .split("\r\n")
        .find(|l| l.starts_with(&chinese.row.reference))
        .expect("the Chinese inquiry");
    assert!(chinese_line.contains(",上海电气集团,"), "{chinese_line}");
    assert!(chinese_line.contains(",KZ-P1,"), "its listings: {chinese_line}");
    assert!(chinese_line.starts_with(&format!("{},2026-03-02 08:00,new,", chinese.row.reference)));
    assert!(chinese_line.contains(",sh@example.cn,'+86"), "a leading + is defused: {chinese_line}");
    assert!(
        body.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""),
        "the formula is quoted, and shown as text: {body}"
    );
    assert!(body.contains("\"Line one,\nline \"\"two\"\"\"\r\n"), "RFC 4180 quoting: {body}");
    assert!(!body.contains(&arabic.row.reference), "filtered by country");
    assert_eq!(body.split("\r\n").filter(|l| l.starts_with("EOI-")).count(), 2);

    // Arabic text arrives intact too.
    let (_, _, body) =
        site.get_with("/admin/inquiries.csv?country=AE", &[("cookie", &editor)]).await;
    assert!(body.contains(",شركة الخليج للاستثمار,"), "{body}");
    assert!(!body.contains(&chinese.row.reference));
    // Without a session: to the sign-in page.
    let (status, _, _) = site.get_with("/admin/inquiries.csv", &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn notes_are_shown_to_staff_and_never_to_the_investor() {
    let site = site().await;
    let sent = inquire(&site, "Jiangsu Packaging", "CN", "a@example.cn", None, Utc::now()).await;
    let id = sent.row.id;
    let desk = signed_in(&site, "li.desk@icic-ca.example", "Li Wei", Role::Desk).await;
    let note = "Called the investor: budget is <b>tight</b>.";
    let (status, headers, _) = site
        .post_form_with(
            &format!("/admin/inquiries/{id}/notes"),
            &[("note", &format!("  {note}\r\nVisit in May.  "))],
            &desk,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers.get("location").and_then(|v| v.to_str().ok()),
        Some(format!("/admin/inquiries/{id}").as_str())
    );
    let stored = events(&site, id, "note").await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].note.as_deref(), Some(format!("{note}\nVisit in May.").as_str()));
    assert!(!stored[0].public);
    assert_eq!(stored[0].actor_id, Some(user_id(&site, "li.desk@icic-ca.example").await));

    let (_, _, page) = site.get_with(&format!("/admin/inquiries/{id}"), &[("cookie", &desk)]).await;
    let shown = page.split("data-test=\"note\">").nth(1).expect("the note is shown");
    assert!(shown.contains("Li Wei"), "who: {shown}");
    assert!(shown.contains(&stored[0].created_at.format("%Y-%m-%d %H:%M").to_string()), "when");
    assert!(shown.contains("budget is &lt;b&gt;tight&lt;/b&gt;."), "escaped: {shown}");

    let (status, tracking) = site.get(&sent.tracking).await;
    assert_eq!(status, StatusCode::OK);
    assert!(tracking.contains("data-status=\"new\""), "the investor's page");
    assert!(!tracking.contains("budget"), "the note is not on the investor's page");
    assert!(!tracking.contains("Visit in May"));

    // Bad notes are named beside the field, kept, and not stored.
    for bad in ["   ", "bell \u{7} ring", &"x".repeat(2001)] {
        let (status, _, html) = site
            .post_form_with(&format!("/admin/inquiries/{id}/notes"), &[("note", bad)], &desk)
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
        assert!(html.contains("data-error-for=\"note\""), "{bad:?}");
    }
    let (_, _, html) = site
        .post_form_with(
            &format!("/admin/inquiries/{id}/notes"),
            &[("note", &"y".repeat(2001))],
            &desk,
        )
        .await;
    assert!(html.contains(&"y".repeat(2001)), "the text is given back");
    assert_eq!(events(&site, id, "note").await.len(), 1, "nothing more stored");
    let (status, _, _) =
        site.post_form_with("/admin/inquiries/99999/notes", &[("note", "hello")], &desk).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn inquiries_are_assigned_to_active_desk_officers_and_admins_only() {
    let site = site().await;
    let sent = inquire(&site, "Jiangsu Packaging", "CN", "a@example.cn", None, Utc::now()).await;
    let other = inquire(&site, "Rhein Logistik", "DE", "c@example.de", None, Utc::now()).await;
    let id = sent.row.id;
    let desk = signed_in(&site, "li.desk@icic-ca.example", "Li Wei", Role::Desk).await;
    signed_in(&site, "root@icic-ca.example", "Rustam Admin", Role::Admin).await;
    signed_in(&site, "ed@icic-ca.example", "Ed Editor", Role::Editor).await;
    signed_in(&site, "gone@icic-ca.example", "Gone Desk", Role::Desk).await;
    let gone = staff_user::Entity::find_by_id(user_id(&site, "gone@icic-ca.example").await)
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("user");
    let mut inactive = gone.into_active_model();
    inactive.active = Set(false);
    inactive.update(&site.state.db).await.expect("update");
    let admin_id = user_id(&site, "root@icic-ca.example").await;
    let desk_id = user_id(&site, "li.desk@icic-ca.example").await;

    // The page offers "me" and the other active desk officers and admins, not the others.
    let (_, _, page) = site.get_with(&format!("/admin/inquiries/{id}"), &[("cookie", &desk)]).await;
    let select = page
        .split("name=\"assignee\">")
        .nth(1)
        .and_then(|r| r.split("</select>").next())
        .expect("a select");
    assert!(select.contains("value=\"me\""));
    assert!(select.contains(&format!("value=\"{admin_id}\"")));
    assert!(!select.contains("Ed Editor") && !select.contains("Gone Desk"), "{select}");

    // Refused targets: an editor, an inactive account, no one.
    for target in [
        user_id(&site, "ed@icic-ca.example").await.to_string(),
        user_id(&site, "gone@icic-ca.example").await.to_string(),
        "99999".to_owned(),
        "somebody".to_owned(),
    ] {
        let (status, _, html) = site
            .post_form_with(
                &format!("/admin/inquiries/{id}/assign"),
                &[("assignee", &target)],
                &desk,
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{target}");
        assert!(html.contains("data-error-for=\"assignee\""), "{target}");
    }
    let unchanged =
        inquiry::Entity::find_by_id(id).one(&site.state.db).await.expect("q").expect("row");
    assert_eq!((unchanged.assigned_to, unchanged.status.as_str()), (None, "new"));

    // To the admin: assigned, and the investor sees that it was taken up.
    let (status, _, _) = site
        .post_form_with(
            &format!("/admin/inquiries/{id}/assign"),
            &[("assignee", &admin_id.to_string())],
            &desk,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let assigned =
        inquiry::Entity::find_by_id(id).one(&site.state.db).await.expect("q").expect("row");
    assert_eq!((assigned.assigned_to, assigned.status.as_str()), (Some(admin_id), "assigned"));
    let recorded = events(&site, id, "assignment").await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].note.as_deref(), Some("Li Wei assigned it to Rustam Admin"));
    assert!(!recorded[0].public);
    assert_eq!(recorded[0].actor_id, Some(desk_id));
    let (_, tracking) = site.get(&sent.tracking).await;
    assert!(tracking.contains("data-status=\"assigned\""));
    assert!(!tracking.contains("Rustam"), "staff names stay with staff");

    // The inbox names the assignee and filters by them.
    let html = inbox(&site, &desk, "").await;
    let row = html
        .split(&format!("data-reference=\"{}\"", sent.row.reference))
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .expect("row");
    assert!(row.contains("<td>Rustam Admin</td>"), "{row}");
    assert_eq!(
        references(&inbox(&site, &desk, &format!("assignee={admin_id}")).await),
        [sent.row.reference.as_str()]
    );
    assert!(references(&inbox(&site, &desk, "assignee=me").await).is_empty());

    // To "me": the other inquiry, for the desk officer.
    let (status, _, _) = site
        .post_form_with(
            &format!("/admin/inquiries/{}/assign", other.row.id),
            &[("assignee", "me")],
            &desk,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        references(&inbox(&site, &desk, "assignee=me").await),
        [other.row.reference.as_str()]
    );
    assert_eq!(
        references(&inbox(&site, &desk, &format!("assignee={desk_id}")).await),
        [other.row.reference.as_str()]
    );
}

#[tokio::test]
async fn failed_mail_is_marked_filtered_and_sent_again_on_request() {
    let site = site().await;
    let sent = inquire(&site, "Jiangsu Packaging", "CN", "a@example.cn", None, Utc::now()).await;
    let fine = inquire(&site, "Rhein Logistik", "DE", "c@example.de", None, Utc::now()).await;
    let id = sent.row.id;
    let desk = signed_in(&site, "li.desk@icic-ca.example", "Li Wei", Role::Desk).await;
    // The other inquiry's mail goes out; then the mail server is gone, and a worker that gives
    // up at once marks this inquiry's mail failed.
    let port = free_port();
    let folder = tempfile::tempdir().expect("temp");
    let sink = SmtpSink::start(port, folder.path());
    let fine_mail: Vec<i32> = outbox::Entity::find()
        .filter(outbox::Column::InquiryId.eq(fine.row.id))
        .all(&site.state.db)
        .await
        .expect("q")
        .iter()
        .map(|m| m.id)
        .collect();
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::NextAttemptAt,
            sea_orm::sea_query::Expr::value(Utc::now() + chrono::Duration::hours(1)),
        )
        .filter(outbox::Column::InquiryId.eq(id))
        .exec(&site.state.db)
        .await
        .expect("hold back");
    assert_eq!(worker(&site, port).drain().await.expect("drain"), fine_mail.len());
    sink.stop();
    outbox::Entity::update_many()
        .col_expr(outbox::Column::NextAttemptAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(outbox::Column::InquiryId.eq(id))
        .exec(&site.state.db)
        .await
        .expect("due");
    let mut giving_up = worker(&site, port);
    giving_up.pacing.max_attempts = 1;
    assert_eq!(giving_up.drain().await.expect("drain"), 0);
    let mails = outbox::Entity::find()
        .filter(outbox::Column::InquiryId.eq(id))
        .order_by_asc(outbox::Column::Id)
        .all(&site.state.db)
        .await
        .expect("q");
    assert!(mails.iter().all(|m| m.status == "failed"), "{mails:?}");
    let investor = mails.iter().find(|m| m.kind == "investor").expect("investor mail").clone();

    // The inbox marks it and can show only such inquiries.
    let html = inbox(&site, &desk, "").await;
    assert!(html.contains(&format!(
        "data-reference=\"{}\" data-overdue=\"false\" data-failed-mail=\"true\"",
        sent.row.reference
    )));
    assert!(html.contains(&format!(
        "data-reference=\"{}\" data-overdue=\"false\" data-failed-mail=\"false\"",
        fine.row.reference
    )));
    assert_eq!(
        references(&inbox(&site, &desk, "mail=failed").await),
        [sent.row.reference.as_str()]
    );

    // Only a failed email of this inquiry.
    let (status, _, _) = site
        .post_form_with(
            &format!("/admin/inquiries/{}/mail/{}/retry", fine.row.id, investor.id),
            &[],
            &desk,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another inquiry's email");
    let (status, _, _) = site
        .post_form_with(
            &format!("/admin/inquiries/{}/mail/{}/retry", fine.row.id, fine_mail[0]),
            &[],
            &desk,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "a sent email");

    // Again, with the server back: queued, the worker woken, sent once.
    let sink = SmtpSink::start(port, folder.path());
    let before = sink.messages().len();
    // Whatever woke the worker before (the inquiries' own mail) is spent first.
    let _ =
        tokio::time::timeout(Duration::from_millis(50), site.state.outbox_signal.notified()).await;
    let (status, _, _) = site
        .post_form_with(&format!("/admin/inquiries/{id}/mail/{}/retry", investor.id), &[], &desk)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    tokio::time::timeout(Duration::from_secs(1), site.state.outbox_signal.notified())
        .await
        .expect("the mail worker is woken");
    let queued =
        outbox::Entity::find_by_id(investor.id).one(&site.state.db).await.expect("q").expect("row");
    assert_eq!((queued.status.as_str(), queued.attempts), ("pending", 0));
    assert!(queued.next_attempt_at <= Utc::now());
    let recorded = events(&site, id, "mail-retry").await;
    assert_eq!(recorded.len(), 1);
    assert!(!recorded[0].public);
    let (status, _, _) = site
        .post_form_with(&format!("/admin/inquiries/{id}/mail/{}/retry", investor.id), &[], &desk)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "queued already");

    assert_eq!(worker(&site, port).drain().await.expect("drain"), 1, "only the one asked for");
    let messages = sink.messages();
    assert_eq!(messages.len(), before + 1);
    let again: Vec<_> = messages
        .iter()
        .filter(|m| {
            m["message_id"]
                .as_str()
                .unwrap_or_default()
                .contains(investor.message_id.trim_matches(['<', '>']))
        })
        .collect();
    assert_eq!(again.len(), 1, "the same email, under the same Message-ID");
    assert_eq!(again[0]["rcpt_tos"][0], "a@example.cn");
    let delivered =
        outbox::Entity::find_by_id(investor.id).one(&site.state.db).await.expect("q").expect("row");
    assert_eq!(delivered.status, "sent");
    assert_eq!(
        references(&inbox(&site, &desk, "mail=failed").await),
        [sent.row.reference.as_str()],
        "the desk email still failed"
    );
    sink.stop();
}

#[tokio::test]
async fn an_editor_may_read_the_inbox_but_not_work_inquiries() {
    let site = site().await;
    let sent = inquire(&site, "Jiangsu Packaging", "CN", "a@example.cn", None, Utc::now()).await;
    let id = sent.row.id;
    let mail = outbox::Entity::find()
        .filter(outbox::Column::InquiryId.eq(id))
        .one(&site.state.db)
        .await
        .expect("q")
        .expect("mail");
    let mut failed = mail.clone().into_active_model();
    failed.status = Set("failed".into());
    failed.update(&site.state.db).await.expect("update");
    signed_in(&site, "li.desk@icic-ca.example", "Li Wei", Role::Desk).await;
    let editor = signed_in(&site, "ed@icic-ca.example", "Ed", Role::Editor).await;
    let desk_id = user_id(&site, "li.desk@icic-ca.example").await.to_string();
    let history = inquiry_event::Entity::find()
        .filter(inquiry_event::Column::InquiryId.eq(id))
        .count(&site.state.db)
        .await
        .expect("q");

    for path in ["/admin/inquiries".to_owned(), format!("/admin/inquiries/{id}")] {
        let (status, _, _) = site.get_with(&path, &[("cookie", &editor)]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    for (path, fields) in [
        (format!("/admin/inquiries/{id}/notes"), vec![("note", "Mine now.")]),
        (format!("/admin/inquiries/{id}/assign"), vec![("assignee", "me")]),
        (format!("/admin/inquiries/{id}/assign"), vec![("assignee", desk_id.as_str())]),
        (format!("/admin/inquiries/{id}/mail/{}/retry", mail.id), vec![]),
    ] {
        let (status, _, _) = site.post_form_with(&path, &fields, &editor).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        let (status, headers, _) = site.post_form(&path, &fields, [203, 0, 113, 9]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{path}: anonymous");
        assert!(
            headers
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .starts_with("/admin/sign-in"),
            "{path}"
        );
    }
    let row = inquiry::Entity::find_by_id(id).one(&site.state.db).await.expect("q").expect("row");
    assert_eq!((row.assigned_to, row.status.as_str()), (None, "new"));
    assert!(events(&site, id, "note").await.is_empty());
    let still =
        outbox::Entity::find_by_id(mail.id).one(&site.state.db).await.expect("q").expect("row");
    assert_eq!(still.status, "failed");
    assert_eq!(
        inquiry_event::Entity::find()
            .filter(inquiry_event::Column::InquiryId.eq(id))
            .count(&site.state.db)
            .await
            .expect("q"),
        history,
        "no event recorded"
    );
}
