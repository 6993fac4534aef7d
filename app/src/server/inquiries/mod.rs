//! Expressions of interest: checked (`form`), stored with their emails in one transaction,
//! routed to a desk, and followed by the investor on a private page.

pub mod form;
pub mod inbox;
pub mod mail;

use super::entities::{
    desk, inquiry, inquiry_event, inquiry_listing, opportunity, opportunity_translation, outbox,
    routing_rule, site, site_translation, staff_user,
};
use crate::models::{InquiryStatus, OutboxStatus, PublicationStatus};
use chrono::{Datelike, Utc};
use form::NewInquiry;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};
use sha2::{Digest, Sha256};

/// A listing an inquiry concerns, as the emails name it.
#[derive(Clone, Debug, PartialEq)]
pub struct AskedListing {
    pub code: String,
    pub kind: ListingKind,
    pub id: i32,
    pub slug: String,
    pub zone: Option<String>,
    pub sector: Option<String>,
    pub manager_id: Option<i32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListingKind {
    Site,
    Opportunity,
}

/// An inquiry stored: its public reference and the secret of its tracking page (only its hash
/// is stored).
#[derive(Clone, Debug, PartialEq)]
pub struct Submitted {
    pub id: i32,
    pub reference: String,
    pub token: String,
    pub desk: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    /// Listing codes that name nothing published.
    #[error("unknown listings: {0:?}")]
    UnknownListings(Vec<String>),
    #[error("no desk can take the inquiry: seed or create a default desk")]
    NoDesk,
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// What the mails and pages need from the configuration.
#[derive(Clone, Debug)]
pub struct InquirySettings {
    /// The absolute base URL of the portal, without a trailing slash.
    pub public_url: String,
    /// The working days within which the center commits to answer.
    pub reply_days: u32,
    /// The sender of the portal's emails, as `Name <address>`.
    pub mail_from: String,
    /// Whether the last `X-Forwarded-For` address is the client's (behind a trusted proxy).
    pub trust_proxy: bool,
}

/// The SHA-256 of a tracking token, as stored.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new secret for a tracking page: 32 random bytes, URL-safe.
fn new_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The published listings named by `codes`; the codes that name none.
pub async fn find_listings(
    db: &impl ConnectionTrait,
    codes: &[String],
) -> Result<(Vec<AskedListing>, Vec<String>), DbErr> {
    let published = PublicationStatus::Published.as_str();
    let sites = site::Entity::find()
        .filter(site::Column::Code.is_in(codes.iter().cloned()))
        .filter(site::Column::Status.eq(published))
        .all(db)
        .await?;
    let opportunities = opportunity::Entity::find()
        .filter(opportunity::Column::Code.is_in(codes.iter().cloned()))
        .filter(opportunity::Column::Status.eq(published))
        .all(db)
        .await?;
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for code in codes {
        if let Some(s) = sites.iter().find(|s| &s.code == code) {
            found.push(AskedListing {
                code: s.code.clone(),
                kind: ListingKind::Site,
                id: s.id,
                slug: s.slug.clone(),
                zone: Some(s.zone.clone()),
                sector: None,
                manager_id: s.manager_id,
            });
        } else if let Some(o) = opportunities.iter().find(|o| &o.code == code) {
            found.push(AskedListing {
                code: o.code.clone(),
                kind: ListingKind::Opportunity,
                id: o.id,
                slug: o.slug.clone(),
                zone: None,
                sector: Some(o.sector.clone()),
                manager_id: o.manager_id,
            });
        } else {
            unknown.push(code.clone());
        }
    }
    Ok((found, unknown))
}

/// The desk that takes an inquiry from `country` about `listings`: the active rule of highest
/// priority whose every condition holds (country, a listing's sector, a listing's zone; a rule
/// with no condition matches nothing), the oldest rule first among equals; else the default desk.
pub async fn route(
    db: &impl ConnectionTrait,
    country: &str,
    listings: &[AskedListing],
) -> Result<Option<desk::Model>, DbErr> {
    Ok(route_explained(db, country, listings).await?.map(|routed| routed.desk))
}

/// Where [`route`] sends an inquiry, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Routed {
    pub desk: desk::Model,
    /// The rule that matched; `None` when no rule did and the default desk takes it.
    pub rule: Option<routing_rule::Model>,
}

/// [`route`], with the rule that decided: what the staff's "which desk?" tool shows, so that it
/// cannot disagree with a real submission.
pub async fn route_explained(
    db: &impl ConnectionTrait,
    country: &str,
    listings: &[AskedListing],
) -> Result<Option<Routed>, DbErr> {
    let rules = routing_rule::Entity::find()
        .filter(routing_rule::Column::Active.eq(true))
        .order_by_desc(routing_rule::Column::Priority)
        .order_by_asc(routing_rule::Column::Id)
        .all(db)
        .await?;
    let matches = |rule: &routing_rule::Model| {
        let any_condition = rule.country.is_some() || rule.sector.is_some() || rule.zone.is_some();
        let country_ok = rule.country.as_deref().is_none_or(|c| c.eq_ignore_ascii_case(country));
        let sector_ok = rule
            .sector
            .as_deref()
            .is_none_or(|s| listings.iter().any(|l| l.sector.as_deref() == Some(s)));
        let zone_ok = rule
            .zone
            .as_deref()
            .is_none_or(|z| listings.iter().any(|l| l.zone.as_deref() == Some(z)));
        any_condition && country_ok && sector_ok && zone_ok
    };
    if let Some(rule) = rules.into_iter().find(|rule| matches(rule))
        && let Some(found) = desk::Entity::find_by_id(rule.desk_id).one(db).await?
    {
        return Ok(Some(Routed { desk: found, rule: Some(rule) }));
    }
    Ok(desk::Entity::find()
        .filter(desk::Column::IsDefault.eq(true))
        .order_by_asc(desk::Column::Id)
        .one(db)
        .await?
        .map(|desk| Routed { desk, rule: None }))
}

/// Titles of `listings` in `lang` (English, then the code, when a text is missing).
pub async fn listing_titles(
    db: &impl ConnectionTrait,
    listings: &[AskedListing],
    lang: &str,
) -> Result<Vec<(AskedListing, String)>, DbErr> {
    let mut titled = Vec::new();
    for listing in listings {
        let texts: Vec<(String, String)> = match listing.kind {
            ListingKind::Site => site_translation::Entity::find()
                .filter(site_translation::Column::SiteId.eq(listing.id))
                .all(db)
                .await?
                .into_iter()
                .map(|t| (t.lang, t.title))
                .collect(),
            ListingKind::Opportunity => opportunity_translation::Entity::find()
                .filter(opportunity_translation::Column::OpportunityId.eq(listing.id))
                .all(db)
                .await?
                .into_iter()
                .map(|t| (t.lang, t.title))
                .collect(),
        };
        let pick = |code: &str| texts.iter().find(|(l, _)| l == code).map(|(_, t)| t.clone());
        let title =
            pick(lang).or_else(|| pick(crate::i18n::FALLBACK)).unwrap_or(listing.code.clone());
        titled.push((listing.clone(), title));
    }
    Ok(titled)
}

/// Stores an inquiry, its listings, its first events and its two emails in one transaction:
/// either all of it is there, or none.
pub async fn submit(
    db: &DatabaseConnection,
    settings: &InquirySettings,
    new: &NewInquiry,
    consent_text: &str,
) -> Result<Submitted, SubmitError> {
    // Everything that is only read comes first, outside the transaction, so that the
    // transaction begins with a write: on SQLite a transaction that has read cannot start
    // writing once another connection has written (SQLITE_BUSY_SNAPSHOT), while one that begins
    // by writing simply waits its turn.
    let (listings, unknown) = find_listings(db, &new.listings).await?;
    if !unknown.is_empty() {
        return Err(SubmitError::UnknownListings(unknown));
    }
    let desk = route(db, &new.country, &listings).await?.ok_or(SubmitError::NoDesk)?;
    let managers: Vec<String> = {
        let ids: Vec<i32> = listings.iter().filter_map(|l| l.manager_id).collect();
        staff_user::Entity::find()
            .filter(staff_user::Column::Id.is_in(ids))
            .filter(staff_user::Column::Active.eq(true))
            .all(db)
            .await?
            .into_iter()
            .map(|u| u.email)
            .collect()
    };
    let investor_titles = listing_titles(db, &listings, &new.reply_lang).await?;
    let desk_titles = listing_titles(db, &listings, crate::i18n::FALLBACK).await?;

    let txn = db.begin().await?;
    let now = Utc::now();
    let token = new_token();
    let hash = token_hash(&token);
    let first = |kind: ListingKind| listings.iter().find(|l| l.kind == kind).map(|l| l.id);
    let row = inquiry::ActiveModel {
        // Replaced below by the reference made of the row's id.
        reference: Set(format!("new-{}", &hash[..24])),
        token_hash: Set(hash),
        site_id: Set(first(ListingKind::Site)),
        opportunity_id: Set(first(ListingKind::Opportunity)),
        name: Set(new.name.clone()),
        company: Set(new.company.clone()),
        country: Set(new.country.clone()),
        email: Set(new.email.clone()),
        phone: Set(new.phone.clone()),
        investor_type: Set(new.investor_type.as_str().to_owned()),
        investment_range: Set(new.investment_range.as_str().to_owned()),
        need_area_m2: Set(new.need_area_m2),
        need_power_kw: Set(new.need_power_kw),
        need_start: Set(new.need_start),
        message: Set(new.message.clone()),
        lang: Set(new.lang.clone()),
        reply_lang: Set(new.reply_lang.clone()),
        heard_from: Set(new.heard_from.map(|h| h.as_str().to_owned())),
        utm_source: Set(new.utm_source.clone()),
        utm_medium: Set(new.utm_medium.clone()),
        utm_campaign: Set(new.utm_campaign.clone()),
        consent_text: Set(consent_text.to_owned()),
        consented_at: Set(now),
        status: Set(InquiryStatus::New.as_str().to_owned()),
        desk_id: Set(Some(desk.id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let reference = format!("EOI-{}-{:06}", now.year(), row.id);
    let mut stored: inquiry::ActiveModel = row.into();
    stored.reference = Set(reference.clone());
    let stored = stored.update(&txn).await?;

    for listing in &listings {
        let (site_id, opportunity_id) = match listing.kind {
            ListingKind::Site => (Some(listing.id), None),
            ListingKind::Opportunity => (None, Some(listing.id)),
        };
        inquiry_listing::ActiveModel {
            inquiry_id: Set(stored.id),
            site_id: Set(site_id),
            opportunity_id: Set(opportunity_id),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for (kind, note) in [("received", None), ("routed", Some(desk.code.clone()))] {
        inquiry_event::ActiveModel {
            inquiry_id: Set(stored.id),
            kind: Set(kind.to_owned()),
            status: Set(Some(InquiryStatus::New.as_str().to_owned())),
            note: Set(note),
            public: Set(true),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }

    let letters = [
        mail::investor_letter(settings, &stored, &token, &investor_titles),
        mail::desk_letter(settings, &stored, &desk, &managers, &desk_titles),
    ];
    for letter in letters {
        outbox::ActiveModel {
            inquiry_id: Set(Some(stored.id)),
            kind: Set(letter.kind.to_owned()),
            to_addrs: Set(letter.to.join(", ")),
            cc_addrs: Set((!letter.cc.is_empty()).then(|| letter.cc.join(", "))),
            reply_to: Set(letter.reply_to.clone()),
            subject: Set(letter.subject.clone()),
            body_text: Set(letter.text.clone()),
            body_html: Set(letter.html.clone()),
            status: Set(OutboxStatus::Pending.as_str().to_owned()),
            attempts: Set(0),
            next_attempt_at: Set(now),
            message_id: Set(letter.message_id(&reference, &settings.public_url)),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Submitted { id: stored.id, reference, token, desk: desk.code })
}

/// The inquiry whose tracking token is `token`, with its public events, oldest first.
pub async fn find_by_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<(inquiry::Model, Vec<inquiry_event::Model>)>, DbErr> {
    // Tokens are 64 hex digits; anything else is not worth a query.
    if token.len() != 64 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let Some(found) = inquiry::Entity::find()
        .filter(inquiry::Column::TokenHash.eq(token_hash(&token.to_ascii_lowercase())))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let events = inquiry_event::Entity::find()
        .filter(inquiry_event::Column::InquiryId.eq(found.id))
        .filter(inquiry_event::Column::Public.eq(true))
        .order_by_asc(inquiry_event::Column::CreatedAt)
        .order_by_asc(inquiry_event::Column::Id)
        .all(db)
        .await?;
    Ok(Some((found, events)))
}

/// The listings an inquiry concerns, published or not any more.
pub async fn listings_of(
    db: &impl ConnectionTrait,
    inquiry_id: i32,
) -> Result<Vec<AskedListing>, DbErr> {
    let rows = inquiry_listing::Entity::find()
        .filter(inquiry_listing::Column::InquiryId.eq(inquiry_id))
        .order_by_asc(inquiry_listing::Column::Id)
        .all(db)
        .await?;
    let mut found = Vec::new();
    for row in rows {
        if let Some(id) = row.site_id {
            if let Some(s) = site::Entity::find_by_id(id).one(db).await? {
                found.push(AskedListing {
                    code: s.code,
                    kind: ListingKind::Site,
                    id: s.id,
                    slug: s.slug,
                    zone: Some(s.zone),
                    sector: None,
                    manager_id: s.manager_id,
                });
            }
        } else if let Some(id) = row.opportunity_id
            && let Some(o) = opportunity::Entity::find_by_id(id).one(db).await?
        {
            found.push(AskedListing {
                code: o.code,
                kind: ListingKind::Opportunity,
                id: o.id,
                slug: o.slug,
                zone: None,
                sector: Some(o.sector),
                manager_id: o.manager_id,
            });
        }
    }
    Ok(found)
}

/// `li.wei@example.cn` as `l•••@example.cn`: enough for its owner to recognise.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".to_owned(),
    }
}

/// Working days (Monday to Friday) after `from` up to and including `to`.
pub fn working_days_between(from: chrono::NaiveDate, to: chrono::NaiveDate) -> i64 {
    use chrono::Weekday;
    from.iter_days()
        .skip(1)
        .take_while(|day| *day <= to)
        .filter(|day| !matches!(day.weekday(), Weekday::Sat | Weekday::Sun))
        .count() as i64
}

/// Whether an inquiry still waits for an answer beyond the committed reply time on `today`.
pub fn is_overdue(row: &inquiry::Model, reply_days: u32, today: chrono::NaiveDate) -> bool {
    let open = matches!(row.status.parse(), Ok(InquiryStatus::New | InquiryStatus::Assigned));
    open && working_days_between(row.created_at.date_naive(), today) > i64::from(reply_days)
}

/// Queues, for each desk with overdue inquiries, one email listing them (in English, with links
/// to the staff area). At most one per desk and day, even when several servers ask: the day is
/// part of the email's Message-ID, which the outbox keeps unique. Returns how many were queued.
pub async fn queue_overdue_digests(
    db: &DatabaseConnection,
    settings: &InquirySettings,
    today: chrono::NaiveDate,
) -> Result<usize, DbErr> {
    use sea_orm::sea_query::OnConflict;
    let open = [InquiryStatus::New.as_str(), InquiryStatus::Assigned.as_str()];
    let waiting = inquiry::Entity::find()
        .filter(inquiry::Column::Status.is_in(open))
        .order_by_asc(inquiry::Column::Id)
        .all(db)
        .await?;
    let mut queued = 0;
    for desk in desk::Entity::find().order_by_asc(desk::Column::Id).all(db).await? {
        let late: Vec<&inquiry::Model> = waiting
            .iter()
            .filter(|row| {
                row.desk_id == Some(desk.id) && is_overdue(row, settings.reply_days, today)
            })
            .collect();
        if late.is_empty() {
            continue;
        }
        let letter = mail::overdue_letter(settings, &desk, &late, today);
        let host = mail::url_host(&settings.public_url);
        let row = outbox::ActiveModel {
            inquiry_id: Set(None),
            kind: Set(letter.kind.to_owned()),
            to_addrs: Set(letter.to.join(", ")),
            cc_addrs: Set(None),
            reply_to: Set(None),
            subject: Set(letter.subject),
            body_text: Set(letter.text),
            body_html: Set(letter.html),
            status: Set(OutboxStatus::Pending.as_str().to_owned()),
            attempts: Set(0),
            next_attempt_at: Set(Utc::now()),
            message_id: Set(format!("<overdue-{}-{today}@{host}>", desk.code)),
            created_at: Set(Utc::now()),
            ..Default::default()
        };
        queued += outbox::Entity::insert(row)
            .on_conflict(OnConflict::column(outbox::Column::MessageId).do_nothing().to_owned())
            .exec_without_returning(db)
            .await? as usize;
    }
    Ok(queued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_days_skip_the_weekend() {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
        // Friday 27 November to Monday 30 November: one working day.
        assert_eq!(working_days_between(day(27), day(30)), 1);
        assert_eq!(working_days_between(day(23), day(27)), 4);
        assert_eq!(working_days_between(day(27), day(27)), 0);
    }
}
