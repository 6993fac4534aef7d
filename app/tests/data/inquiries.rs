//! Inquiries as stored: routing by country, sector and zone with priorities and a default desk;
//! one transaction for the inquiry, its listings, its history and its two emails.

use crate::on_both;
use crate::support::{Backend, migrated};
use app::models::{HeardFrom, InvestmentRange, InvestorType};
use app::server::entities::{
    desk, inquiry, inquiry_event, inquiry_listing, opportunity, outbox, routing_rule, site,
};
use app::server::inquiries::{
    InquirySettings, SubmitError, find_listings, form::NewInquiry, route, submit,
};
use app::server::seed::seed;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

fn settings() -> InquirySettings {
    InquirySettings {
        public_url: "https://invest.example.org".into(),
        reply_days: 2,
        mail_from: "Investment Desk <invest@icic-ca.example>".into(),
        trust_proxy: false,
    }
}

fn new_inquiry(country: &str, listings: &[&str]) -> NewInquiry {
    NewInquiry {
        name: "Wang Li".into(),
        company: "Jiangsu Packaging".into(),
        country: country.into(),
        email: "wang.li@example.cn".into(),
        phone: None,
        investor_type: InvestorType::Manufacturer,
        investment_range: InvestmentRange::From5mTo20m,
        need_area_m2: Some(8_000),
        need_power_kw: None,
        need_start: None,
        message: "A packaging line.".into(),
        lang: "zh".into(),
        reply_lang: "zh".into(),
        heard_from: Some(HeardFrom::Embassy),
        utm_source: None,
        utm_medium: None,
        utm_campaign: None,
        listings: listings.iter().map(|c| (*c).to_owned()).collect(),
    }
}

async fn add_desk(db: &sea_orm::DatabaseConnection, code: &str) -> desk::Model {
    desk::ActiveModel {
        code: Set(code.into()),
        name: Set(format!("{code} desk")),
        emails: Set(format!("{code}@icic-ca.example")),
        is_default: Set(false),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("desk")
}

async fn add_rule(
    db: &sea_orm::DatabaseConnection,
    desk_id: i32,
    priority: i32,
    (country, sector, zone): (Option<&str>, Option<&str>, Option<&str>),
    active: bool,
) {
    routing_rule::ActiveModel {
        desk_id: Set(desk_id),
        priority: Set(priority),
        country: Set(country.map(str::to_owned)),
        sector: Set(sector.map(str::to_owned)),
        zone: Set(zone.map(str::to_owned)),
        active: Set(active),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("rule");
}

on_both!(rules_route_by_country_sector_and_zone_in_priority_order, |backend: Backend| async move {
    let test = migrated(backend).await;
    seed(&test.db, test.media.path()).await.expect("seed");
    let logistics = add_desk(&test.db, "logistics").await;
    let bonded = add_desk(&test.db, "bonded").await;
    let dormant = add_desk(&test.db, "dormant").await;
    add_rule(&test.db, logistics.id, 20, (None, Some("logistics"), None), true).await;
    add_rule(&test.db, bonded.id, 15, (None, None, Some("customs_bonded")), true).await;
    add_rule(&test.db, dormant.id, 99, (Some("CN"), None, None), false).await;

    let published_opportunity = |sector: &'static str| {
        let db = test.db.clone();
        async move {
            opportunity::Entity::find()
                .filter(opportunity::Column::Sector.eq(sector))
                .filter(opportunity::Column::Status.eq("published"))
                .one(&db)
                .await
                .expect("query")
                .map(|o| o.code)
        }
    };
    let bonded_site = site::Entity::find()
        .filter(site::Column::Zone.eq("customs_bonded"))
        .filter(site::Column::Status.eq("published"))
        .one(&test.db)
        .await
        .expect("query")
        .expect("a bonded site is seeded")
        .code;
    let desk_for = |country: &'static str, codes: Vec<String>| {
        let db = test.db.clone();
        async move {
            let (listings, unknown) = find_listings(&db, &codes).await.expect("find");
            assert!(unknown.is_empty(), "{unknown:?}");
            route(&db, country, &listings).await.expect("route").expect("a desk").code
        }
    };
    assert_eq!(desk_for("CN", vec![]).await, "china", "by country; the inactive rule is ignored");
    assert_eq!(desk_for("BR", vec![]).await, "general", "no rule: the default desk");
    assert_eq!(desk_for("CN", vec![bonded_site.clone()]).await, "bonded", "zone beats country");
    let code = published_opportunity("logistics").await.expect("a logistics opportunity is seeded");
    assert_eq!(desk_for("KR", vec![code, bonded_site]).await, "logistics", "highest priority");
});

on_both!(
    an_inquiry_and_its_emails_are_stored_together_or_not_at_all,
    |backend: Backend| async move {
        let test = migrated(backend).await;
        seed(&test.db, test.media.path()).await.expect("seed");
        let done = submit(&test.db, &settings(), &new_inquiry("CN", &["KZ-P1"]), "consent text")
            .await
            .expect("stored");
        assert!(
            done.reference.starts_with("EOI-")
                && done.reference.ends_with(&format!("{:06}", done.id))
        );
        assert_eq!(done.desk, "china");
        assert_eq!(done.token.len(), 64);
        let row =
            inquiry::Entity::find_by_id(done.id).one(&test.db).await.expect("q").expect("row");
        assert_eq!(row.consent_text, "consent text");
        assert_ne!(row.token_hash, done.token, "the token itself is not stored");
        assert_eq!(inquiry_listing::Entity::find().count(&test.db).await.expect("q"), 1);
        assert_eq!(inquiry_event::Entity::find().count(&test.db).await.expect("q"), 2);
        let mails = outbox::Entity::find().all(&test.db).await.expect("q");
        assert_eq!(mails.len(), 2);
        let investor = mails.iter().find(|m| m.kind == "investor").expect("investor mail");
        assert_eq!(investor.to_addrs, "wang.li@example.cn");
        assert!(investor.subject.contains(&done.reference));
        assert!(investor.body_text.contains("https://invest.example.org/zh/inquiry/"));
        let desk_mail = mails.iter().find(|m| m.kind == "desk").expect("desk mail");
        assert_eq!(desk_mail.reply_to.as_deref(), Some("wang.li@example.cn"));
        assert!(desk_mail.cc_addrs.is_some(), "the site's manager in copy");

        // A listing that is not published: nothing at all is stored.
        let refused =
            submit(&test.db, &settings(), &new_inquiry("CN", &["KZ-P1", "NOPE-9"]), "c").await;
        assert!(
            matches!(refused, Err(SubmitError::UnknownListings(ref codes)) if codes == &["NOPE-9"])
        );
        assert_eq!(inquiry::Entity::find().count(&test.db).await.expect("q"), 1);
        assert_eq!(outbox::Entity::find().count(&test.db).await.expect("q"), 2);
    }
);

on_both!(
    each_desk_gets_one_daily_reminder_of_its_overdue_inquiries,
    |backend: Backend| async move {
        let test = migrated(backend).await;
        seed(&test.db, test.media.path()).await.expect("seed");
        let old =
            submit(&test.db, &settings(), &new_inquiry("CN", &[]), "c").await.expect("stored");
        let answered =
            submit(&test.db, &settings(), &new_inquiry("CN", &[]), "c").await.expect("stored");
        let fresh =
            submit(&test.db, &settings(), &new_inquiry("KR", &[]), "c").await.expect("stored");
        // Two weeks old: one still open, one answered; the third is new.
        let two_weeks_ago = Utc::now() - chrono::Duration::days(14);
        for (id, status) in [(old.id, "new"), (answered.id, "answered")] {
            let row = inquiry::Entity::find_by_id(id).one(&test.db).await.expect("q").expect("row");
            let mut row: inquiry::ActiveModel = row.into();
            row.created_at = Set(two_weeks_ago);
            row.status = Set(status.into());
            row.update(&test.db).await.expect("update");
        }
        let today = Utc::now().date_naive();
        let queued = app::server::inquiries::queue_overdue_digests(&test.db, &settings(), today)
            .await
            .expect("queue");
        assert_eq!(queued, 1, "only the China desk has an overdue inquiry");
        let again = app::server::inquiries::queue_overdue_digests(&test.db, &settings(), today)
            .await
            .expect("queue");
        assert_eq!(again, 0, "one reminder per desk and day");
        let reminders = outbox::Entity::find()
            .filter(outbox::Column::Kind.eq("overdue"))
            .all(&test.db)
            .await
            .expect("q");
        assert_eq!(reminders.len(), 1);
        let reminder = &reminders[0];
        assert!(reminder.to_addrs.contains("china.desk@icic-ca.example"));
        assert!(reminder.body_text.contains(&old.reference));
        assert!(!reminder.body_text.contains(&answered.reference), "answered is not overdue");
        assert!(!reminder.body_text.contains(&fresh.reference), "within the reply time");
        assert!(
            reminder
                .body_text
                .contains(&format!("https://invest.example.org/admin/inquiries/{}", old.id))
        );
    }
);
