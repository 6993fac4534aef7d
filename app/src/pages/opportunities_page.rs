//! `/{lang}/opportunities`: investment projects with filters and search in the query string.

use crate::api::listings::list_opportunities;
use crate::components::listing::{
    FilterNumber, FilterSelect, InvalidFilters, OpportunityCardView, Pagination, use_query_pairs,
};
use crate::components::page_meta::PageMeta;
use crate::i18n::{t, t_with, use_language};
use crate::models::{
    OpportunitiesPage as OpportunitiesData, OpportunityQuery, OpportunitySide, Sector, Stage,
};
use crate::pages::sites_page::ErrorNotice;
use leptos::prelude::*;

#[component]
pub fn OpportunitiesPage() -> impl IntoView {
    let prefs = crate::prefs::use_preferences();
    let lang = use_language().code.clone();
    let query = OpportunityQuery::parse(&use_query_pairs());
    let path = format!("opportunities{}", query.to_query_string(query.page));
    let filters = query.clone();
    view! {
        <PageMeta title=t("opportunities-title") description=t("opportunities-description") path />
        <header class="page-header">
            <h1>{t("opportunities-title")}</h1>
            <p class="lead">{t("opportunities-lead")}</p>
        </header>
        <div class="listing-layout">
            <OpportunityFilters query=filters />
            <Suspense fallback=|| ()>
                {move || {
                    let lang = lang.clone();
                    let query = query.clone();
                    Suspend::new(async move {
                        match list_opportunities(lang, query, prefs).await {
                            Ok(data) => view! { <OpportunityResults data /> }.into_any(),
                            Err(err) => view! { <ErrorNotice err /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

fn options<T: Copy>(
    all: &[T],
    value: impl Fn(T) -> &'static str,
    id: impl Fn(T) -> String,
) -> Vec<(String, String)> {
    all.iter().map(|v| (value(*v).to_owned(), t(&id(*v)))).collect()
}

#[component]
fn OpportunityFilters(query: OpportunityQuery) -> impl IntoView {
    let reset = format!("/{}/opportunities", use_language().code);
    view! {
        <form class="filters" method="get" role="search" aria-labelledby="filter-heading">
            <h2 id="filter-heading">{t("filter-heading")}</h2>
            <div class="field">
                <label for="filter-q">{t("filter-search")}</label>
                <input id="filter-q" name="q" type="search" maxlength="100" value=query.q.clone() />
            </div>
            <FilterSelect name="sector" label=t("filter-sector") options=options(Sector::ALL, Sector::as_str, Sector::message_id) selected=query.sector.map(|v| v.as_str().to_owned()) />
            <FilterSelect name="stage" label=t("filter-stage") options=options(Stage::ALL, Stage::as_str, Stage::message_id) selected=query.stage.map(|v| v.as_str().to_owned()) />
            <FilterSelect name="side" label=t("filter-side") options=options(OpportunitySide::ALL, OpportunitySide::as_str, OpportunitySide::message_id) selected=query.side.map(|v| v.as_str().to_owned()) />
            <FilterNumber name="min_capex" label=t("filter-min-capex") value=query.min_capex.map(|v| v.to_string()) />
            <FilterNumber name="max_capex" label=t("filter-max-capex") value=query.max_capex.map(|v| v.to_string()) />
            <div class="form-actions">
                <button type="submit" data-test="apply-filters">{t("filter-apply-opportunities")}</button>
                <a href=reset>{t("filter-reset")}</a>
            </div>
        </form>
    }
}

#[component]
fn OpportunityResults(data: OpportunitiesData) -> impl IntoView {
    let lang = use_language().code.clone();
    let count = t_with("opportunity-results-count", &[("count", data.total.into())]);
    let empty = data.cards.is_empty();
    let cards =
        data.cards.into_iter().map(|card| view! { <OpportunityCardView card /> }).collect_view();
    let query = data.query.clone();
    let href = move |page: u32| format!("/{lang}/opportunities{}", query.to_query_string(page));
    view! {
        <section class="results" aria-labelledby="results-count">
            <InvalidFilters invalid=data.query.invalid.clone() />
            <p id="results-count" class="results-count" role="status" data-test="results-count" data-count=data.total>
                {count}
            </p>
            {empty.then(|| view! { <p>{t("results-none-hint")}</p> })}
            <div class="card-grid">{cards}</div>
            {(data.pages > 1).then(|| view! { <Pagination page=data.page pages=data.pages href /> })}
        </section>
    }
}
