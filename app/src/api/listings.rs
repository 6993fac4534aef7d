//! The public listings: sites, opportunities and the plan of the center.

use crate::error::AppError;
use crate::models::{
    CompareColumn, OpportunitiesPage, OpportunityDetail, OpportunityQuery, SiteDetail, SiteQuery,
    SitesPage,
};
use crate::prefs::Preferences;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The language of a request, or a bad request for a language the portal does not speak.
#[cfg(feature = "ssr")]
fn language(lang: &str) -> Result<&'static str, AppError> {
    crate::i18n::find(lang)
        .map(|l| l.code.as_str())
        .ok_or_else(|| AppError::BadRequest(format!("unknown language {lang}")))
}

/// An archived listing's page answers 410 Gone; any other missing one 404.
#[cfg(feature = "ssr")]
fn withdrawn_or_missing(withdrawn: bool) -> AppError {
    if withdrawn { AppError::Gone } else { AppError::NotFound }
}

#[cfg(feature = "ssr")]
fn pages(total: u64) -> u32 {
    u32::try_from(total.div_ceil(crate::server::listings::PAGE_SIZE).max(1)).unwrap_or(u32::MAX)
}

/// One page of the published sites matching `query`.
#[server(endpoint = "sites", input = Json)]
pub async fn list_sites(
    lang: String,
    query: SiteQuery,
    prefs: Preferences,
) -> Result<SitesPage, AppError> {
    use crate::server::{AppState, listings, present};
    let lang = language(&lang)?;
    let state = AppState::from_context()?;
    let (rows, total) = listings::search_sites(&state.db, lang, &query).await?;
    Ok(SitesPage {
        plots: present::plan_plots(lang, &rows),
        cards: rows
            .into_iter()
            .map(|row| present::site_card(lang, state.shown(prefs), row))
            .collect(),
        total,
        page: query.page,
        pages: pages(total),
        query,
    })
}

/// A published site, by its slug.
#[server(endpoint = "site", input = Json)]
pub async fn get_site(
    lang: String,
    slug: String,
    prefs: Preferences,
) -> Result<SiteDetail, AppError> {
    use crate::server::{AppState, listings, present};
    let lang = language(&lang)?;
    let state = AppState::from_context()?;
    let Some(found) =
        listings::find_site(&state.db, lang, &slug, crate::server::showing_drafts()).await?
    else {
        return Err(withdrawn_or_missing(listings::was_withdrawn(&state.db, true, &slug).await?));
    };
    Ok(present::site_detail(
        lang,
        state.shown(prefs),
        found.row,
        &found.photos,
        found.brochure.as_ref(),
        &found.opportunities,
    ))
}

/// One page of the published opportunities matching `query`.
#[server(endpoint = "opportunities", input = Json)]
pub async fn list_opportunities(
    lang: String,
    query: OpportunityQuery,
    prefs: Preferences,
) -> Result<OpportunitiesPage, AppError> {
    use crate::server::{AppState, listings, present};
    let lang = language(&lang)?;
    let state = AppState::from_context()?;
    let (rows, total) = listings::search_opportunities(&state.db, lang, &query).await?;
    let money = state.shown(prefs).money;
    Ok(OpportunitiesPage {
        cards: rows.into_iter().map(|row| present::opportunity_card(lang, &money, row)).collect(),
        total,
        page: query.page,
        pages: pages(total),
        query,
    })
}

/// A published opportunity, by its slug.
#[server(endpoint = "opportunity", input = Json)]
pub async fn get_opportunity(
    lang: String,
    slug: String,
    prefs: Preferences,
) -> Result<OpportunityDetail, AppError> {
    use crate::server::{AppState, listings, present};
    let lang = language(&lang)?;
    let state = AppState::from_context()?;
    let Some(found) =
        listings::find_opportunity(&state.db, lang, &slug, crate::server::showing_drafts()).await?
    else {
        return Err(withdrawn_or_missing(listings::was_withdrawn(&state.db, false, &slug).await?));
    };
    Ok(present::opportunity_detail(
        lang,
        &state.shown(prefs).money,
        found.row,
        &found.photos,
        &found.sites,
    ))
}

/// The published sites named by `codes`, as columns of the comparison table.
#[server(endpoint = "compare", input = Json)]
pub async fn compare_sites(
    lang: String,
    codes: Vec<String>,
    prefs: Preferences,
) -> Result<Vec<CompareColumn>, AppError> {
    use crate::server::{AppState, listings, present};
    let lang = language(&lang)?;
    let codes: Vec<String> = codes.into_iter().take(crate::models::MAX_COMPARED).collect();
    let state = AppState::from_context()?;
    let rows = listings::sites_by_codes(&state.db, lang, &codes).await?;
    Ok(rows.into_iter().map(|row| present::compare_column(lang, state.shown(prefs), row)).collect())
}
