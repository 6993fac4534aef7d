//! Data access for sites and opportunities: plain async functions over a connection.

use super::entities::{
    media, media_translation, opportunity, opportunity_site, opportunity_translation, site,
    site_translation,
};
use super::search::{self, ListingKind};
use crate::i18n;
use crate::models::{
    Availability, OpportunityQuery, OpportunitySide, PublicationStatus, Sector, Side, SiteKind,
    SiteQuery, SiteSort, Stage, Zone,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
    sea_query::{Alias, Expr, ExprTrait, Func},
};
use std::collections::HashMap;

/// Totals over the published listings, as numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CenterTotals {
    pub land_m2_kz: i64,
    pub land_m2_uz: i64,
    pub sites_published: u64,
    pub sites_available: u64,
    pub opportunities_published: u64,
    pub capex_min_usd: i64,
    pub capex_max_usd: i64,
}

impl CenterTotals {
    pub fn land_m2(&self) -> i64 {
        self.land_m2_kz + self.land_m2_uz
    }
}

/// `SUM(column)` as a 64-bit integer on every database (PostgreSQL sums bigints into numeric).
fn sum_as_bigint(column: impl sea_orm::sea_query::IntoColumnRef) -> sea_orm::sea_query::SimpleExpr {
    Func::cast_as(Func::coalesce([Expr::col(column).sum(), Expr::val(0)]), Alias::new("bigint"))
        .into()
}

/// The published figures of the center, in a few aggregate queries (no row is loaded).
pub async fn center_totals(db: &impl ConnectionTrait) -> Result<CenterTotals, DbErr> {
    let published = PublicationStatus::Published.as_str();
    let land_by_side: Vec<(String, i64)> = site::Entity::find()
        .select_only()
        .column(site::Column::Side)
        .expr_as(sum_as_bigint(site::Column::LandAreaM2), "land")
        .filter(site::Column::Status.eq(published))
        .group_by(site::Column::Side)
        .into_tuple()
        .all(db)
        .await?;
    let land =
        |side: Side| land_by_side.iter().find(|(s, _)| s == side.as_str()).map_or(0, |(_, m2)| *m2);
    let sites_published =
        site::Entity::find().filter(site::Column::Status.eq(published)).count(db).await?;
    let sites_available = site::Entity::find()
        .filter(site::Column::Status.eq(published))
        .filter(site::Column::Availability.eq(Availability::Available.as_str()))
        .count(db)
        .await?;
    let (opportunities_published, capex_min_usd, capex_max_usd): (i64, i64, i64) =
        opportunity::Entity::find()
            .select_only()
            .expr_as(
                Func::cast_as(Expr::col(opportunity::Column::Id).count(), Alias::new("bigint")),
                "n",
            )
            .expr_as(sum_as_bigint(opportunity::Column::CapexMinUsd), "capex_min")
            .expr_as(sum_as_bigint(opportunity::Column::CapexMaxUsd), "capex_max")
            .filter(opportunity::Column::Status.eq(published))
            .into_tuple()
            .one(db)
            .await?
            .unwrap_or_default();
    Ok(CenterTotals {
        land_m2_kz: land(Side::Kz),
        land_m2_uz: land(Side::Uz),
        sites_published,
        sites_available,
        opportunities_published: u64::try_from(opportunities_published).unwrap_or_default(),
        capex_min_usd,
        capex_max_usd,
    })
}

/// How many listings a page of a list shows.
pub const PAGE_SIZE: u64 = 12;

/// A site with its text in the reader's language (or the fallback's) and its first photo.
#[derive(Clone, Debug)]
pub struct SiteRow {
    pub site: site::Model,
    pub text: Option<site_translation::Model>,
    pub photo: Option<PhotoRow>,
}

/// A photo with its caption in the reader's language.
#[derive(Clone, Debug)]
pub struct PhotoRow {
    pub media: media::Model,
    pub caption: Option<String>,
}

#[derive(Clone, Debug)]
pub struct OpportunityRow {
    pub opportunity: opportunity::Model,
    pub text: Option<opportunity_translation::Model>,
    pub photo: Option<PhotoRow>,
}

fn published_sites() -> sea_orm::Select<site::Entity> {
    site::Entity::find().filter(site::Column::Status.eq(PublicationStatus::Published.as_str()))
}

fn published_opportunities() -> sea_orm::Select<opportunity::Entity> {
    opportunity::Entity::find()
        .filter(opportunity::Column::Status.eq(PublicationStatus::Published.as_str()))
}

/// The languages to read text in, the reader's first.
fn languages_for(lang: &str) -> Vec<String> {
    let mut langs = vec![lang.to_owned()];
    if lang != i18n::FALLBACK {
        langs.push(i18n::FALLBACK.to_owned());
    }
    langs
}

/// Of several texts per listing, the one in `lang`, else the fallback language's.
fn prefer_language<T>(
    rows: Vec<T>,
    lang: &str,
    owner: impl Fn(&T) -> i32,
    language: impl Fn(&T) -> &str,
) -> HashMap<i32, T> {
    let mut texts: HashMap<i32, T> = HashMap::new();
    for row in rows {
        if texts.get(&owner(&row)).is_none_or(|current| language(current) != lang) {
            texts.insert(owner(&row), row);
        }
    }
    texts
}

/// The text of each site in `ids`, in `lang` where it exists, else in the fallback language.
async fn site_texts(
    db: &impl ConnectionTrait,
    ids: &[i32],
    lang: &str,
) -> Result<HashMap<i32, site_translation::Model>, DbErr> {
    let rows = site_translation::Entity::find()
        .filter(site_translation::Column::SiteId.is_in(ids.iter().copied()))
        .filter(site_translation::Column::Lang.is_in(languages_for(lang)))
        .all(db)
        .await?;
    Ok(prefer_language(rows, lang, |t| t.site_id, |t| &t.lang))
}

async fn opportunity_texts(
    db: &impl ConnectionTrait,
    ids: &[i32],
    lang: &str,
) -> Result<HashMap<i32, opportunity_translation::Model>, DbErr> {
    let rows = opportunity_translation::Entity::find()
        .filter(opportunity_translation::Column::OpportunityId.is_in(ids.iter().copied()))
        .filter(opportunity_translation::Column::Lang.is_in(languages_for(lang)))
        .all(db)
        .await?;
    Ok(prefer_language(rows, lang, |t| t.opportunity_id, |t| &t.lang))
}

/// The photos of listings, in order, with captions in `lang` (or the fallback's).
async fn photos(
    db: &impl ConnectionTrait,
    owner: media::Column,
    ids: &[i32],
    lang: &str,
) -> Result<Vec<PhotoRow>, DbErr> {
    let rows = media::Entity::find()
        .filter(owner.is_in(ids.iter().copied()))
        .filter(media::Column::Kind.eq("photo"))
        .order_by_asc(media::Column::Position)
        .order_by_asc(media::Column::Id)
        .all(db)
        .await?;
    let media_ids: Vec<i32> = rows.iter().map(|m| m.id).collect();
    let captions = media_translation::Entity::find()
        .filter(media_translation::Column::MediaId.is_in(media_ids))
        .filter(media_translation::Column::Lang.is_in(languages_for(lang)))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|media| {
            let caption = captions
                .iter()
                .filter(|c| c.media_id == media.id)
                .max_by_key(|c| c.lang == lang)
                .map(|c| c.caption.clone());
            PhotoRow { media, caption }
        })
        .collect())
}

fn first_photo_of(
    photos: &[PhotoRow],
    owner: impl Fn(&media::Model) -> Option<i32>,
    id: i32,
) -> Option<PhotoRow> {
    photos.iter().find(|p| owner(&p.media) == Some(id)).cloned()
}

/// One page of the published sites that match `query`, and how many match in all.
pub async fn search_sites(
    db: &impl ConnectionTrait,
    lang: &str,
    query: &SiteQuery,
) -> Result<(Vec<SiteRow>, u64), DbErr> {
    let mut select = published_sites();
    if let Some(zone) = query.zone {
        select = select.filter(site::Column::Zone.eq(zone.as_str()));
    }
    if let Some(kind) = query.kind {
        select = select.filter(site::Column::Kind.eq(kind.as_str()));
    }
    if let Some(tenure) = query.tenure {
        select = select.filter(site::Column::Tenure.eq(tenure.as_str()));
    }
    if let Some(availability) = query.availability {
        select = select.filter(site::Column::Availability.eq(availability.as_str()));
    }
    if let Some(side) = query.side {
        select = select.filter(site::Column::Side.eq(side.as_str()));
    }
    if let Some(min) = query.min_area {
        select = select.filter(site::Column::LandAreaM2.gte(min));
    }
    if let Some(max) = query.max_area {
        select = select.filter(site::Column::LandAreaM2.lte(max));
    }
    if let Some(min) = query.min_power {
        select = select.filter(site::Column::PowerKw.gte(min));
    }
    if let Some(condition) =
        search::matching(ListingKind::Site, (site::Entity, site::Column::Id), &query.q)
    {
        select = select.filter(condition);
    }
    select = match query.sort {
        SiteSort::Newest => select.order_by_desc(site::Column::PublishedAt),
        SiteSort::AreaDesc => select.order_by_desc(site::Column::LandAreaM2),
        SiteSort::AreaAsc => select.order_by_asc(site::Column::LandAreaM2),
        // Lease rates and sale prices are not comparable: leases first, each by price.
        SiteSort::PriceAsc => {
            select.order_by_asc(site::Column::Tenure).order_by_asc(site::Column::PriceUsdCents)
        }
    }
    .order_by_asc(site::Column::Id);
    let paginator = select.paginate(db, PAGE_SIZE);
    let total = paginator.num_items().await?;
    let sites = paginator.fetch_page(u64::from(query.page.saturating_sub(1))).await?;
    let ids: Vec<i32> = sites.iter().map(|s| s.id).collect();
    let mut texts = site_texts(db, &ids, lang).await?;
    let photos = photos(db, media::Column::SiteId, &ids, lang).await?;
    let rows = sites
        .into_iter()
        .map(|site| SiteRow {
            text: texts.remove(&site.id),
            photo: first_photo_of(&photos, |m| m.site_id, site.id),
            site,
        })
        .collect();
    Ok((rows, total))
}

/// A published site with its text, all its photos, and the published opportunities linked to it.
pub struct SiteWithDetails {
    pub row: SiteRow,
    pub photos: Vec<PhotoRow>,
    /// The PDF brochure, when the site has one.
    pub brochure: Option<media::Model>,
    pub opportunities: Vec<OpportunityRow>,
}

/// A site by its slug: published only, unless `drafts` (the staff preview).
pub async fn find_site(
    db: &impl ConnectionTrait,
    lang: &str,
    slug: &str,
    drafts: bool,
) -> Result<Option<SiteWithDetails>, DbErr> {
    let select = if drafts { site::Entity::find() } else { published_sites() };
    let Some(site) = select.filter(site::Column::Slug.eq(slug)).one(db).await? else {
        return Ok(None);
    };
    let mut texts = site_texts(db, &[site.id], lang).await?;
    let photos = photos(db, media::Column::SiteId, &[site.id], lang).await?;
    let brochure = media::Entity::find()
        .filter(media::Column::SiteId.eq(site.id))
        .filter(media::Column::Kind.eq("brochure"))
        .order_by_desc(media::Column::Id)
        .one(db)
        .await?;
    let linked: Vec<i32> = opportunity_site::Entity::find()
        .filter(opportunity_site::Column::SiteId.eq(site.id))
        .all(db)
        .await?
        .into_iter()
        .map(|link| link.opportunity_id)
        .collect();
    let opportunities = opportunity_rows(
        db,
        lang,
        published_opportunities().filter(opportunity::Column::Id.is_in(linked)).all(db).await?,
    )
    .await?;
    Ok(Some(SiteWithDetails {
        row: SiteRow { text: texts.remove(&site.id), photo: photos.first().cloned(), site },
        photos,
        brochure,
        opportunities,
    }))
}

async fn opportunity_rows(
    db: &impl ConnectionTrait,
    lang: &str,
    opportunities: Vec<opportunity::Model>,
) -> Result<Vec<OpportunityRow>, DbErr> {
    let ids: Vec<i32> = opportunities.iter().map(|o| o.id).collect();
    let mut texts = opportunity_texts(db, &ids, lang).await?;
    let photos = photos(db, media::Column::OpportunityId, &ids, lang).await?;
    Ok(opportunities
        .into_iter()
        .map(|opportunity| OpportunityRow {
            text: texts.remove(&opportunity.id),
            photo: first_photo_of(&photos, |m| m.opportunity_id, opportunity.id),
            opportunity,
        })
        .collect())
}

/// One page of the published opportunities that match `query`, and how many match in all.
pub async fn search_opportunities(
    db: &impl ConnectionTrait,
    lang: &str,
    query: &OpportunityQuery,
) -> Result<(Vec<OpportunityRow>, u64), DbErr> {
    let mut select = published_opportunities();
    if let Some(sector) = query.sector {
        select = select.filter(opportunity::Column::Sector.eq(sector.as_str()));
    }
    if let Some(stage) = query.stage {
        select = select.filter(opportunity::Column::Stage.eq(stage.as_str()));
    }
    if let Some(side) = query.side {
        // A project that can be built on either side suits both.
        let sides = match side {
            OpportunitySide::Both => vec![OpportunitySide::Both.as_str()],
            one => vec![one.as_str(), OpportunitySide::Both.as_str()],
        };
        select = select.filter(opportunity::Column::Side.is_in(sides));
    }
    // Ranges overlap: a project of USD 5–12 million suits "from 10 million".
    if let Some(min) = query.min_capex {
        select = select.filter(opportunity::Column::CapexMaxUsd.gte(min));
    }
    if let Some(max) = query.max_capex {
        select = select.filter(opportunity::Column::CapexMinUsd.lte(max));
    }
    if let Some(condition) = search::matching(
        ListingKind::Opportunity,
        (opportunity::Entity, opportunity::Column::Id),
        &query.q,
    ) {
        select = select.filter(condition);
    }
    let paginator = select
        .order_by_desc(opportunity::Column::PublishedAt)
        .order_by_asc(opportunity::Column::Id)
        .paginate(db, PAGE_SIZE);
    let total = paginator.num_items().await?;
    let page = paginator.fetch_page(u64::from(query.page.saturating_sub(1))).await?;
    Ok((opportunity_rows(db, lang, page).await?, total))
}

pub struct OpportunityWithDetails {
    pub row: OpportunityRow,
    pub photos: Vec<PhotoRow>,
    pub sites: Vec<SiteRow>,
}

/// An opportunity by its slug: published only, unless `drafts` (the staff preview).
pub async fn find_opportunity(
    db: &impl ConnectionTrait,
    lang: &str,
    slug: &str,
    drafts: bool,
) -> Result<Option<OpportunityWithDetails>, DbErr> {
    let select = if drafts { opportunity::Entity::find() } else { published_opportunities() };
    let Some(opportunity) = select.filter(opportunity::Column::Slug.eq(slug)).one(db).await? else {
        return Ok(None);
    };
    let photos = photos(db, media::Column::OpportunityId, &[opportunity.id], lang).await?;
    let linked: Vec<i32> = opportunity_site::Entity::find()
        .filter(opportunity_site::Column::OpportunityId.eq(opportunity.id))
        .all(db)
        .await?
        .into_iter()
        .map(|link| link.site_id)
        .collect();
    let sites = published_sites()
        .filter(site::Column::Id.is_in(linked))
        .order_by_asc(site::Column::Code)
        .all(db)
        .await?;
    let site_ids: Vec<i32> = sites.iter().map(|s| s.id).collect();
    let mut site_text = site_texts(db, &site_ids, lang).await?;
    let sites = sites
        .into_iter()
        .map(|site| SiteRow { text: site_text.remove(&site.id), photo: None, site })
        .collect();
    let mut rows = opportunity_rows(db, lang, vec![opportunity]).await?;
    let row = rows.pop().ok_or_else(|| DbErr::RecordNotFound("opportunity".into()))?;
    Ok(Some(OpportunityWithDetails { row, photos, sites }))
}

/// The labels of a site's lists in every language, so that a search in any language for
/// "warehouse" or 仓库 finds warehouses whose description does not use the word.
fn labels_in_every_language(message_ids: &[String]) -> Vec<String> {
    i18n::languages()
        .iter()
        .flat_map(|language| message_ids.iter().map(|id| i18n::text(&language.code, id)))
        .collect()
}

/// Rebuilds the search tokens of one site from its code, texts and labels.
pub async fn reindex_site(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    let Some(site) = site::Entity::find_by_id(id).one(db).await? else {
        return Ok(());
    };
    let mut texts = vec![site.code.clone()];
    for t in site_translation::Entity::find()
        .filter(site_translation::Column::SiteId.eq(id))
        .all(db)
        .await?
    {
        texts.extend([t.title, t.summary, t.description]);
    }
    let ids: Vec<String> = [
        site.zone.parse::<Zone>().ok().map(|v| v.message_id()),
        site.kind.parse::<SiteKind>().ok().map(|v| v.message_id()),
        site.side.parse::<Side>().ok().map(|v| v.message_id()),
    ]
    .into_iter()
    .flatten()
    .collect();
    texts.extend(labels_in_every_language(&ids));
    search::index_listing(db, ListingKind::Site, id, texts.iter().map(String::as_str)).await
}

/// Rebuilds the search tokens of one opportunity.
pub async fn reindex_opportunity(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    let Some(opportunity) = opportunity::Entity::find_by_id(id).one(db).await? else {
        return Ok(());
    };
    let mut texts = vec![opportunity.code.clone()];
    for t in opportunity_translation::Entity::find()
        .filter(opportunity_translation::Column::OpportunityId.eq(id))
        .all(db)
        .await?
    {
        texts.extend([t.title, t.summary, t.description, t.incentives]);
    }
    let ids: Vec<String> = [
        opportunity.sector.parse::<Sector>().ok().map(|v| v.message_id()),
        opportunity.stage.parse::<Stage>().ok().map(|v| v.message_id()),
    ]
    .into_iter()
    .flatten()
    .collect();
    texts.extend(labels_in_every_language(&ids));
    search::index_listing(db, ListingKind::Opportunity, id, texts.iter().map(String::as_str)).await
}

/// Indexes the listings that have no search tokens yet (seeded before search existed, say).
pub async fn reindex_unindexed(db: &impl ConnectionTrait) -> Result<usize, DbErr> {
    use super::entities::search_token;
    use sea_orm::sea_query::Query;
    let indexed = |kind: ListingKind| {
        Query::select()
            .column(search_token::Column::ListingId)
            .from(search_token::Entity)
            .and_where(Expr::col(search_token::Column::ListingKind).eq(kind.as_str()))
            .to_owned()
    };
    let sites: Vec<i32> = site::Entity::find()
        .select_only()
        .column(site::Column::Id)
        .filter(
            Expr::col((site::Entity, site::Column::Id)).not_in_subquery(indexed(ListingKind::Site)),
        )
        .into_tuple()
        .all(db)
        .await?;
    let opportunities: Vec<i32> = opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .filter(
            Expr::col((opportunity::Entity, opportunity::Column::Id))
                .not_in_subquery(indexed(ListingKind::Opportunity)),
        )
        .into_tuple()
        .all(db)
        .await?;
    for id in &sites {
        reindex_site(db, *id).await?;
    }
    for id in &opportunities {
        reindex_opportunity(db, *id).await?;
    }
    Ok(sites.len() + opportunities.len())
}

/// A slug and when its listing last changed.
pub type SlugChanged = (String, chrono::DateTime<chrono::Utc>);

/// The slugs and last changes of every published site and opportunity, for the sitemap.
pub async fn published_slugs(
    db: &impl ConnectionTrait,
) -> Result<(Vec<SlugChanged>, Vec<SlugChanged>), DbErr> {
    let sites = published_sites()
        .select_only()
        .column(site::Column::Slug)
        .column(site::Column::UpdatedAt)
        .order_by_asc(site::Column::Slug)
        .into_tuple()
        .all(db)
        .await?;
    let opportunities = published_opportunities()
        .select_only()
        .column(opportunity::Column::Slug)
        .column(opportunity::Column::UpdatedAt)
        .order_by_asc(opportunity::Column::Slug)
        .into_tuple()
        .all(db)
        .await?;
    Ok((sites, opportunities))
}

/// The published sites with these codes, in the order given (unknown codes are left out).
pub async fn sites_by_codes(
    db: &impl ConnectionTrait,
    lang: &str,
    codes: &[String],
) -> Result<Vec<SiteRow>, DbErr> {
    let sites =
        published_sites().filter(site::Column::Code.is_in(codes.iter().cloned())).all(db).await?;
    let ids: Vec<i32> = sites.iter().map(|s| s.id).collect();
    let mut texts = site_texts(db, &ids, lang).await?;
    let mut rows: Vec<SiteRow> = sites
        .into_iter()
        .map(|site| SiteRow { text: texts.remove(&site.id), photo: None, site })
        .collect();
    rows.sort_by_key(|row| codes.iter().position(|c| *c == row.site.code));
    Ok(rows)
}

/// Every published site with its text in every language, for the open-data downloads.
pub async fn published_sites_with_texts(
    db: &impl ConnectionTrait,
) -> Result<Vec<(site::Model, Vec<site_translation::Model>)>, DbErr> {
    published_sites()
        .order_by_asc(site::Column::Code)
        .find_with_related(site_translation::Entity)
        .all(db)
        .await
}

/// A listing as a feed announces it.
#[derive(Clone, Debug)]
pub struct FeedItem {
    pub kind: ListingKind,
    pub slug: String,
    pub code: String,
    pub title: String,
    pub summary: String,
    pub published_at: chrono::DateTime<chrono::Utc>,
}

/// The newest published listings in `lang`, for the feeds, newest first.
pub async fn newest_listings(
    db: &impl ConnectionTrait,
    lang: &str,
    limit: u64,
) -> Result<Vec<FeedItem>, DbErr> {
    let sites =
        published_sites().order_by_desc(site::Column::PublishedAt).limit(limit).all(db).await?;
    let opportunities = published_opportunities()
        .order_by_desc(opportunity::Column::PublishedAt)
        .limit(limit)
        .all(db)
        .await?;
    let mut site_text =
        site_texts(db, &sites.iter().map(|s| s.id).collect::<Vec<_>>(), lang).await?;
    let mut opportunity_text =
        opportunity_texts(db, &opportunities.iter().map(|o| o.id).collect::<Vec<_>>(), lang)
            .await?;
    let mut items: Vec<_> = sites
        .into_iter()
        .map(|s| {
            let text = site_text.remove(&s.id);
            FeedItem {
                kind: ListingKind::Site,
                title: text.as_ref().map(|t| t.title.clone()).unwrap_or_else(|| s.code.clone()),
                summary: text.map(|t| t.summary).unwrap_or_default(),
                published_at: s.published_at.unwrap_or(s.updated_at),
                slug: s.slug,
                code: s.code,
            }
        })
        .chain(opportunities.into_iter().map(|o| {
            let text = opportunity_text.remove(&o.id);
            FeedItem {
                kind: ListingKind::Opportunity,
                title: text.as_ref().map(|t| t.title.clone()).unwrap_or_else(|| o.code.clone()),
                summary: text.map(|t| t.summary).unwrap_or_default(),
                published_at: o.published_at.unwrap_or(o.updated_at),
                slug: o.slug,
                code: o.code,
            }
        }))
        .collect();
    items.sort_by_key(|item| std::cmp::Reverse(item.published_at));
    items.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok(items)
}

/// The land of published, available sites, in m², by zone and side of the border.
pub async fn available_area_by_zone(
    db: &impl ConnectionTrait,
) -> Result<Vec<(String, String, i64)>, DbErr> {
    site::Entity::find()
        .select_only()
        .column(site::Column::Zone)
        .column(site::Column::Side)
        .expr_as(sum_as_bigint(site::Column::LandAreaM2), "land")
        .filter(site::Column::Status.eq(PublicationStatus::Published.as_str()))
        .filter(site::Column::Availability.eq(Availability::Available.as_str()))
        .group_by(site::Column::Zone)
        .group_by(site::Column::Side)
        .into_tuple()
        .all(db)
        .await
}

/// Whether the site (or, with `site` false, the opportunity) at `slug` exists and is archived.
pub async fn was_withdrawn(
    db: &impl ConnectionTrait,
    site: bool,
    slug: &str,
) -> Result<bool, DbErr> {
    let archived = PublicationStatus::Archived.as_str();
    let count = if site {
        site::Entity::find()
            .filter(site::Column::Slug.eq(slug))
            .filter(site::Column::Status.eq(archived))
            .count(db)
            .await?
    } else {
        opportunity::Entity::find()
            .filter(opportunity::Column::Slug.eq(slug))
            .filter(opportunity::Column::Status.eq(archived))
            .count(db)
            .await?
    };
    Ok(count > 0)
}
