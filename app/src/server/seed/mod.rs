//! Demo content: about 100 ha of sites on both sides of the border, investment opportunities,
//! desks and routing rules, in every language, for a portal that looks real from its first start.
//!
//! The content lives in `data/*.json` (compiled in), is checked against the vocabulary while it
//! is read, and is written in one transaction. Seeding is idempotent: what exists (by code, email
//! or rule) is left alone, so running it twice adds nothing twice.

use super::entities::{
    desk, exchange_rate, media, media_translation, opportunity, opportunity_site,
    opportunity_translation, routing_rule, site, site_translation, staff_user,
};
use crate::models::{
    Availability, Currency, OpportunitySide, Partnership, PublicationStatus, Regime, Role, Sector,
    Side, SiteKind, Stage, Tenure, Zone,
};
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, Set, TransactionTrait,
};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::{collections::BTreeMap, path::Path};

const SITES: [&str; 2] = [include_str!("data/sites-kz.json"), include_str!("data/sites-uz.json")];
const OPPORTUNITIES: &str = include_str!("data/opportunities.json");
const ROUTING: &str = include_str!("data/routing.json");
const PHOTO_CAPTIONS: &str = include_str!("data/photos.json");
const PHOTOS: &[(&str, &[u8])] = &[
    ("production-hall.jpg", include_bytes!("data/photos/production-hall.jpg")),
    ("warehouse.jpg", include_bytes!("data/photos/warehouse.jpg")),
    ("land-plot.jpg", include_bytes!("data/photos/land-plot.jpg")),
    ("office.jpg", include_bytes!("data/photos/office.jpg")),
    ("customs-terminal.jpg", include_bytes!("data/photos/customs-terminal.jpg")),
    ("cold-store.jpg", include_bytes!("data/photos/cold-store.jpg")),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl PlanRect {
    /// The rectangle as SVG polygon points.
    pub fn outline(&self) -> String {
        let (x, y, r, b) = (self.x, self.y, self.x + self.w, self.y + self.h);
        format!("{x},{y} {r},{y} {r},{b} {x},{b}")
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteText {
    pub title: String,
    pub summary: String,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedSite {
    pub code: String,
    pub slug: String,
    pub side: Side,
    pub regime: Regime,
    pub zone: Zone,
    pub kind: SiteKind,
    pub land_area_m2: i32,
    pub built_area_m2: Option<i32>,
    pub ceiling_height_m: Option<f64>,
    pub floor_load_t_m2: Option<f64>,
    pub power_kw: i32,
    pub water_m3_day: i32,
    pub gas_m3_h: Option<i32>,
    pub rail_siding: bool,
    pub dist_border_km: f64,
    pub dist_rail_km: f64,
    pub dist_airport_km: f64,
    pub tenure: Tenure,
    pub price_usd: f64,
    pub availability: Availability,
    pub available_from: Option<NaiveDate>,
    pub lat: f64,
    pub lon: f64,
    pub plan: PlanRect,
    pub phase: i16,
    pub manager: String,
    pub photos: Vec<String>,
    pub text: BTreeMap<String, SiteText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpportunityText {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub incentives: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedOpportunity {
    pub code: String,
    pub slug: String,
    pub sector: Sector,
    pub side: OpportunitySide,
    pub capex_min_usd: i64,
    pub capex_max_usd: i64,
    pub stage: Stage,
    pub partnerships: Vec<Partnership>,
    pub jobs: i32,
    pub payback_years: f64,
    pub sites: Vec<String>,
    pub manager: String,
    pub photos: Vec<String>,
    pub text: BTreeMap<String, OpportunityText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedStaff {
    email: String,
    name: String,
    role: Role,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedDesk {
    code: String,
    name: String,
    emails: Vec<String>,
    default: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedRule {
    desk: String,
    priority: i32,
    countries: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedRouting {
    staff: Vec<SeedStaff>,
    desks: Vec<SeedDesk>,
    rules: Vec<SeedRule>,
}

/// The whole demo content, parsed and checked.
pub struct DemoContent {
    pub sites: Vec<SeedSite>,
    pub opportunities: Vec<SeedOpportunity>,
    routing: SeedRouting,
    captions: BTreeMap<String, BTreeMap<String, String>>,
}

/// Why seeding failed.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("the demo content is malformed: {0}")]
    Content(String),
    #[error("cannot write the demo photos: {0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Db(#[from] DbErr),
}

/// Parses the compiled-in demo content.
pub fn demo_content() -> Result<DemoContent, SeedError> {
    let parse_error = |what: &str, e: serde_json::Error| SeedError::Content(format!("{what}: {e}"));
    let mut sites = Vec::new();
    for json in SITES {
        sites.extend(
            serde_json::from_str::<Vec<SeedSite>>(json).map_err(|e| parse_error("sites", e))?,
        );
    }
    Ok(DemoContent {
        sites,
        opportunities: serde_json::from_str(OPPORTUNITIES)
            .map_err(|e| parse_error("opportunities", e))?,
        routing: serde_json::from_str(ROUTING).map_err(|e| parse_error("routing", e))?,
        captions: serde_json::from_str(PHOTO_CAPTIONS).map_err(|e| parse_error("photos", e))?,
    })
}

/// What one run of the seed added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub staff: usize,
    pub desks: usize,
    pub rules: usize,
    pub sites: usize,
    pub opportunities: usize,
    pub photos: usize,
    pub rates: usize,
}

impl SeedReport {
    pub fn is_empty(&self) -> bool {
        *self == SeedReport::default()
    }
}

/// Loads the demo content into the database, and its photos under `media_dir`.
pub async fn seed(db: &DatabaseConnection, media_dir: &Path) -> Result<SeedReport, SeedError> {
    let content = demo_content()?;
    let txn = db.begin().await?;
    let mut report = SeedReport::default();
    seed_staff(&txn, &content.routing, &mut report).await?;
    seed_routing(&txn, &content.routing, &mut report).await?;
    let now = Utc::now();
    for (position, item) in content.sites.iter().enumerate() {
        // Spread publication times so that "newest first" has a meaning.
        let published_at = now - Duration::hours(6 * position as i64);
        seed_site(&txn, &content, item, published_at, media_dir, &mut report).await?;
    }
    for (position, item) in content.opportunities.iter().enumerate() {
        let published_at = now - Duration::hours(9 * position as i64);
        seed_opportunity(&txn, &content, item, published_at, media_dir, &mut report).await?;
    }
    seed_rates(&txn, &mut report).await?;
    // The search index of what was just added, and of anything seeded before search existed.
    super::listings::reindex_unindexed(&txn).await?;
    txn.commit().await?;
    Ok(report)
}

/// Demo exchange rates (units per US dollar), as the center's staff would set them; a currency
/// that already has a rate keeps it.
const DEMO_RATES: &[(Currency, f64)] = &[
    (Currency::Cny, 7.12),
    (Currency::Krw, 1_390.0),
    (Currency::Aed, 3.6725),
    (Currency::Eur, 0.92),
    (Currency::Kzt, 505.0),
    (Currency::Uzs, 12_650.0),
];

async fn seed_rates(db: &impl ConnectionTrait, report: &mut SeedReport) -> Result<(), SeedError> {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 20).expect("a valid date");
    for (currency, per_usd) in DEMO_RATES {
        if exchange_rate::Entity::find_by_id(currency.as_str()).one(db).await?.is_some() {
            continue;
        }
        exchange_rate::ActiveModel {
            currency: Set(currency.as_str().to_owned()),
            per_usd: Set(*per_usd),
            as_of: Set(as_of),
            updated_by: Set(None),
            updated_at: Set(Utc::now()),
        }
        .insert(db)
        .await?;
        report.rates += 1;
    }
    Ok(())
}

async fn seed_staff(
    db: &impl ConnectionTrait,
    routing: &SeedRouting,
    report: &mut SeedReport,
) -> Result<(), SeedError> {
    let now = Utc::now();
    for person in &routing.staff {
        if staff_id(db, &person.email).await?.is_some() {
            continue;
        }
        // No password: the account can sign in only after an admin sets one.
        staff_user::ActiveModel {
            email: Set(person.email.clone()),
            name: Set(person.name.clone()),
            password_hash: Set(None),
            role: Set(person.role.as_str().to_owned()),
            active: Set(true),
            failed_logins: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        report.staff += 1;
    }
    Ok(())
}

async fn seed_routing(
    db: &impl ConnectionTrait,
    routing: &SeedRouting,
    report: &mut SeedReport,
) -> Result<(), SeedError> {
    let now = Utc::now();
    for item in &routing.desks {
        if desk::Entity::find().filter(desk::Column::Code.eq(&item.code)).one(db).await?.is_some() {
            continue;
        }
        desk::ActiveModel {
            code: Set(item.code.clone()),
            name: Set(item.name.clone()),
            emails: Set(item.emails.join(",")),
            is_default: Set(item.default),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        report.desks += 1;
    }
    for rule in &routing.rules {
        let desk = desk::Entity::find()
            .filter(desk::Column::Code.eq(&rule.desk))
            .one(db)
            .await?
            .ok_or_else(|| SeedError::Content(format!("rule for unknown desk {}", rule.desk)))?;
        for country in &rule.countries {
            let exists = routing_rule::Entity::find()
                .filter(routing_rule::Column::DeskId.eq(desk.id))
                .filter(routing_rule::Column::Country.eq(country))
                .one(db)
                .await?
                .is_some();
            if exists {
                continue;
            }
            routing_rule::ActiveModel {
                desk_id: Set(desk.id),
                priority: Set(rule.priority),
                country: Set(Some(country.clone())),
                sector: Set(None),
                zone: Set(None),
                active: Set(true),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
            report.rules += 1;
        }
    }
    Ok(())
}

async fn staff_id(db: &impl ConnectionTrait, email: &str) -> Result<Option<i32>, DbErr> {
    Ok(staff_user::Entity::find()
        .filter(staff_user::Column::Email.eq(email))
        .one(db)
        .await?
        .map(|u| u.id))
}

async fn manager_id(db: &impl ConnectionTrait, email: &str) -> Result<i32, SeedError> {
    staff_id(db, email)
        .await?
        .ok_or_else(|| SeedError::Content(format!("listing managed by unknown staff {email}")))
}

async fn seed_site(
    db: &impl ConnectionTrait,
    content: &DemoContent,
    item: &SeedSite,
    published_at: chrono::DateTime<Utc>,
    media_dir: &Path,
    report: &mut SeedReport,
) -> Result<(), SeedError> {
    if site::Entity::find().filter(site::Column::Code.eq(&item.code)).one(db).await?.is_some() {
        return Ok(());
    }
    let manager = manager_id(db, &item.manager).await?;
    let now = Utc::now();
    let row = site::ActiveModel {
        slug: Set(item.slug.clone()),
        code: Set(item.code.clone()),
        side: Set(item.side.as_str().to_owned()),
        regime: Set(item.regime.as_str().to_owned()),
        zone: Set(item.zone.as_str().to_owned()),
        kind: Set(item.kind.as_str().to_owned()),
        land_area_m2: Set(item.land_area_m2),
        built_area_m2: Set(item.built_area_m2),
        ceiling_height_m: Set(item.ceiling_height_m),
        floor_load_t_m2: Set(item.floor_load_t_m2),
        power_kw: Set(item.power_kw),
        water_m3_day: Set(item.water_m3_day),
        gas_m3_h: Set(item.gas_m3_h),
        rail_siding: Set(item.rail_siding),
        dist_border_km: Set(item.dist_border_km),
        dist_rail_km: Set(item.dist_rail_km),
        dist_airport_km: Set(item.dist_airport_km),
        tenure: Set(item.tenure.as_str().to_owned()),
        price_usd_cents: Set((item.price_usd * 100.0).round() as i64),
        availability: Set(item.availability.as_str().to_owned()),
        available_from: Set(item.available_from),
        latitude: Set(item.lat),
        longitude: Set(item.lon),
        plan_outline: Set(item.plan.outline()),
        phase: Set(item.phase),
        manager_id: Set(Some(manager)),
        status: Set(PublicationStatus::Published.as_str().to_owned()),
        published_at: Set(Some(published_at)),
        published_by: Set(Some(manager)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for (lang, text) in &item.text {
        site_translation::ActiveModel {
            site_id: Set(row.id),
            lang: Set(lang.clone()),
            title: Set(text.title.clone()),
            summary: Set(text.summary.clone()),
            description: Set(text.description.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    for (position, photo) in item.photos.iter().enumerate() {
        let key = format!("sites/{}/{photo}", item.code.to_lowercase());
        add_photo(db, content, media_dir, &key, photo, position, Some(row.id), None).await?;
        report.photos += 1;
    }
    report.sites += 1;
    Ok(())
}

async fn seed_opportunity(
    db: &impl ConnectionTrait,
    content: &DemoContent,
    item: &SeedOpportunity,
    published_at: chrono::DateTime<Utc>,
    media_dir: &Path,
    report: &mut SeedReport,
) -> Result<(), SeedError> {
    if opportunity::Entity::find()
        .filter(opportunity::Column::Code.eq(&item.code))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(());
    }
    if item.capex_min_usd > item.capex_max_usd {
        return Err(SeedError::Content(format!("{}: capex range is reversed", item.code)));
    }
    let manager = manager_id(db, &item.manager).await?;
    let now = Utc::now();
    let partnerships: Vec<&str> = item.partnerships.iter().map(|p| p.as_str()).collect();
    let row = opportunity::ActiveModel {
        slug: Set(item.slug.clone()),
        code: Set(item.code.clone()),
        sector: Set(item.sector.as_str().to_owned()),
        side: Set(item.side.as_str().to_owned()),
        capex_min_usd: Set(item.capex_min_usd),
        capex_max_usd: Set(item.capex_max_usd),
        stage: Set(item.stage.as_str().to_owned()),
        partnerships: Set(partnerships.join(",")),
        jobs: Set(Some(item.jobs)),
        payback_years: Set(Some(item.payback_years)),
        manager_id: Set(Some(manager)),
        status: Set(PublicationStatus::Published.as_str().to_owned()),
        published_at: Set(Some(published_at)),
        published_by: Set(Some(manager)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for (lang, text) in &item.text {
        opportunity_translation::ActiveModel {
            opportunity_id: Set(row.id),
            lang: Set(lang.clone()),
            title: Set(text.title.clone()),
            summary: Set(text.summary.clone()),
            description: Set(text.description.clone()),
            incentives: Set(text.incentives.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    for code in &item.sites {
        let linked =
            site::Entity::find().filter(site::Column::Code.eq(code)).one(db).await?.ok_or_else(
                || SeedError::Content(format!("{} links unknown site {code}", item.code)),
            )?;
        opportunity_site::ActiveModel { opportunity_id: Set(row.id), site_id: Set(linked.id) }
            .insert(db)
            .await?;
    }
    for (position, photo) in item.photos.iter().enumerate() {
        let key = format!("opportunities/{}/{photo}", item.code.to_lowercase());
        add_photo(db, content, media_dir, &key, photo, position, None, Some(row.id)).await?;
        report.photos += 1;
    }
    report.opportunities += 1;
    Ok(())
}

#[expect(
    clippy::too_many_arguments,
    reason = "one call per kind of listing, each naming its owner"
)]
async fn add_photo(
    db: &impl ConnectionTrait,
    content: &DemoContent,
    media_dir: &Path,
    key: &str,
    photo: &str,
    position: usize,
    site_id: Option<i32>,
    opportunity_id: Option<i32>,
) -> Result<(), SeedError> {
    let bytes = PHOTOS
        .iter()
        .find(|(name, _)| *name == photo)
        .map(|(_, bytes)| *bytes)
        .ok_or_else(|| SeedError::Content(format!("unknown demo photo {photo}")))?;
    let path = media_dir.join(key);
    if let Some(parent) = path.parent() {
        tokio::fs::create_dir_all(parent).await?;
    }
    tokio::fs::write(&path, bytes).await?;
    let (width, height) = jpeg_size(bytes).unwrap_or((0, 0));
    let row = media::ActiveModel {
        site_id: Set(site_id),
        opportunity_id: Set(opportunity_id),
        kind: Set("photo".to_owned()),
        storage_key: Set(key.to_owned()),
        original_name: Set(photo.to_owned()),
        content_type: Set("image/jpeg".to_owned()),
        byte_size: Set(bytes.len() as i64),
        width: Set(Some(width)),
        height: Set(Some(height)),
        sha256: Set(hex::encode(Sha256::digest(bytes))),
        position: Set(position as i32),
        created_by: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let captions = content
        .captions
        .get(photo)
        .ok_or_else(|| SeedError::Content(format!("no caption for demo photo {photo}")))?;
    for (lang, caption) in captions {
        media_translation::ActiveModel {
            media_id: Set(row.id),
            lang: Set(lang.clone()),
            caption: Set(caption.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// The pixel size of a baseline or progressive JPEG, read from its start-of-frame marker.
fn jpeg_size(bytes: &[u8]) -> Option<(i32, i32)> {
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        let length = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            let height = u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]);
            let width = u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]);
            return Some((i32::from(width), i32::from(height)));
        }
        i += 2 + length;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::languages;

    #[test]
    fn the_demo_content_parses_and_is_complete_in_every_language() {
        let content = demo_content().expect("the demo content parses");
        assert!(content.sites.len() >= 30, "{} sites", content.sites.len());
        assert!(content.opportunities.len() >= 15);
        for site in &content.sites {
            for lang in languages() {
                let text = site
                    .text
                    .get(&lang.code)
                    .unwrap_or_else(|| panic!("{} lacks {}", site.code, lang.code));
                assert!(!text.title.trim().is_empty() && !text.description.trim().is_empty());
            }
        }
        for item in &content.opportunities {
            for lang in languages() {
                assert!(item.text.contains_key(&lang.code), "{} lacks {}", item.code, lang.code);
            }
        }
    }

    #[test]
    fn the_center_is_about_100_ha_split_between_the_two_sides() {
        let content = demo_content().expect("parses");
        let area = |side: Side| -> i64 {
            content.sites.iter().filter(|s| s.side == side).map(|s| i64::from(s.land_area_m2)).sum()
        };
        for side in [Side::Kz, Side::Uz] {
            let ha = area(side) / 10_000;
            assert!((40..=55).contains(&ha), "{side}: {ha} ha");
        }
        let phase_one = content
            .sites
            .iter()
            .filter(|s| s.phase == 1 && s.kind == SiteKind::ProductionBuilding)
            .count();
        assert_eq!(phase_one, 8, "the first phase has eight production buildings");
    }

    #[test]
    fn plan_rectangles_stay_on_their_side_and_never_overlap() {
        let content = demo_content().expect("parses");
        for (i, a) in content.sites.iter().enumerate() {
            let (left, right) = match a.side {
                Side::Kz => (0, 500),
                Side::Uz => (500, 1000),
            };
            assert!(
                a.plan.x >= left && a.plan.x + a.plan.w <= right,
                "{} crosses the border",
                a.code
            );
            for b in &content.sites[i + 1..] {
                let apart = a.plan.x + a.plan.w <= b.plan.x
                    || b.plan.x + b.plan.w <= a.plan.x
                    || a.plan.y + a.plan.h <= b.plan.y
                    || b.plan.y + b.plan.h <= a.plan.y;
                assert!(apart, "{} overlaps {}", a.code, b.code);
            }
        }
    }

    #[test]
    fn every_demo_photo_is_a_jpeg_with_a_size() {
        for (name, bytes) in PHOTOS {
            let (w, h) = jpeg_size(bytes).unwrap_or_else(|| panic!("{name} is not a JPEG"));
            assert!(w >= 800 && h >= 500, "{name}: {w}×{h}");
        }
    }
}
