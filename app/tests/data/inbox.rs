//! The inbox's queries on both backends: each filter (listing through the listings table,
//! inclusive UTC days, failed mail through the outbox), newest first, counted and paged; failed
//! mail queued again only when it failed; assignment recorded for staff and for the investor.

use crate::on_both;
use crate::support::{Backend, migrated};
use app::models::{InvestmentRange, InvestorType, Role};
use app::server::entities::{inquiry, inquiry_event, outbox};
use app::server::inquiries::inbox::{self, Filter, Retry};
use app::server::inquiries::{InquirySettings, ListingKind, form::NewInquiry, submit};
use app::server::seed::seed;
use app::server::users::create_user;
use chrono::{NaiveDate, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

fn settings() -> InquirySettings {
    InquirySettings {
        public_url: "https://invest.example.org".into(),
        reply_days: 2,
        mail_from: "Investment Desk <invest@icic-ca.example>".into(),
        trust_proxy: false,
    }
}

fn asking(country: &str, email: &str, listings: &[&str]) -> NewInquiry {
    NewInquiry {
        name: "Wang Li".into(),
        company: "Jiangsu Packaging".into(),
        country: country.into(),
        email: email.into(),
        phone: None,
        investor_type: InvestorType::Manufacturer,
        investment_range: InvestmentRange::From5mTo20m,
        need_area_m2: None,
        need_power_kw: None,
        need_start: None,
        message: "A packaging line.".into(),
        lang: "en".into(),
        reply_lang: "en".into(),
        heard_from: None,
        utm_source: None,
        utm_medium: None,
        utm_campaign: None,
        listings: listings.iter().map(|c| (*c).to_owned()).collect(),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day")
}

on_both!(the_inbox_filters_count_and_page_on_either_database, |backend: Backend| async move {
    let test = migrated(backend).await;
    let db = &test.db;
    seed(db, test.media.path()).await.expect("seed");
    let mut ids = Vec::new();
    for (country, email, listings, at) in [
        ("CN", "a@example.cn", vec!["KZ-P1"], Utc.with_ymd_and_hms(2026, 1, 10, 23, 59, 59)),
        ("KR", "b@example.kr", vec!["KZ-W1", "KZ-P1"], Utc.with_ymd_and_hms(2026, 1, 11, 0, 0, 0)),
        ("CN", "c@example.cn", vec![], Utc.with_ymd_and_hms(2026, 1, 12, 23, 59, 59)),
    ] {
        let done = submit(db, &settings(), &asking(country, email, &listings), "consent")
            .await
            .expect("stored");
        let row = inquiry::Entity::find_by_id(done.id).one(db).await.expect("q").expect("row");
        let mut dated = row.into_active_model();
        dated.created_at = Set(at.single().expect("a time"));
        dated.update(db).await.expect("dated");
        ids.push(done.id);
    }
    let (a, b, c) = (ids[0], ids[1], ids[2]);
    let found = |filter: Filter| async move {
        let (rows, total) = inbox::page(db, &filter, 1).await.expect("page");
        assert_eq!(total, rows.len() as u64);
        rows.iter().map(|r| r.id).collect::<Vec<_>>()
    };
    assert_eq!(found(Filter::default()).await, [c, b, a], "newest first");
    let p1 = inbox::listing_by_code(db, "KZ-P1").await.expect("q").expect("a listing");
    assert_eq!(p1.0, ListingKind::Site);
    assert_eq!(found(Filter { listing: Some(p1), ..Default::default() }).await, [b, a]);
    assert_eq!(inbox::listing_by_code(db, "NOPE-1").await.expect("q"), None);
    assert_eq!(found(Filter { country: Some("CN".into()), ..Default::default() }).await, [c, a]);
    let days = |from, to| Filter { from, to, ..Default::default() };
    assert_eq!(found(days(Some(day(2026, 1, 11)), Some(day(2026, 1, 12)))).await, [c, b]);
    assert_eq!(found(days(None, Some(day(2026, 1, 10)))).await, [a], "the whole last day");
    assert_eq!(found(days(Some(day(2026, 1, 13)), None)).await, Vec::<i32>::new());
    let codes = inbox::listing_codes(db, &ids).await.expect("codes");
    assert_eq!(codes[&b], ["KZ-W1", "KZ-P1"]);
    assert!(!codes.contains_key(&c));

    // Failed mail: found, marked, and queued again only while it is failed.
    let mail = outbox::Entity::find()
        .filter(outbox::Column::InquiryId.eq(b))
        .one(db)
        .await
        .expect("q")
        .expect("mail");
    let mut failed = mail.clone().into_active_model();
    failed.status = Set("failed".into());
    failed.attempts = Set(15);
    failed.update(db).await.expect("failed");
    assert_eq!(found(Filter { failed_mail: true, ..Default::default() }).await, [b]);
    assert_eq!(
        inbox::with_failed_mail(db, &ids).await.expect("q").into_iter().collect::<Vec<_>>(),
        [b]
    );
    let desk =
        create_user(db, "li@icic-ca.example", "Li", Role::Desk, "silk road freight by rail 2027")
            .await
            .expect("user");
    assert_eq!(inbox::retry_mail(db, a, mail.id, &desk).await.expect("retry"), Retry::NotFound);
    assert_eq!(inbox::retry_mail(db, b, mail.id, &desk).await.expect("retry"), Retry::Queued);
    let queued = outbox::Entity::find_by_id(mail.id).one(db).await.expect("q").expect("row");
    assert_eq!((queued.status.as_str(), queued.attempts), ("pending", 0));
    assert_eq!(inbox::retry_mail(db, b, mail.id, &desk).await.expect("retry"), Retry::NotFailed);

    // Assignment: the inquiry moves to assigned, a public step and a staff-only record.
    let row = inquiry::Entity::find_by_id(a).one(db).await.expect("q").expect("row");
    inbox::assign(db, row, &desk, &desk).await.expect("assign");
    assert_eq!(found(Filter { assignee: Some(desk.id), ..Default::default() }).await, [a]);
    let events = inquiry_event::Entity::find()
        .filter(inquiry_event::Column::InquiryId.eq(a))
        .all(db)
        .await
        .expect("q");
    assert!(events.iter().any(|e| e.kind == "assigned" && e.public && e.note.is_none()));
    assert!(events.iter().any(|e| e.kind == "assignment" && !e.public));
    let assigned = inquiry::Entity::find_by_id(a).one(db).await.expect("q").expect("row");
    assert_eq!(assigned.status, "assigned");
});
