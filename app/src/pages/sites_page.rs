//! `/{lang}/sites`: the sites list with filters, search, sort and pagination, all in the query
//! string (a GET form, so it works without JavaScript), beside the plan of the center.

use crate::api::listings::list_sites;
use crate::components::listing::{
    FilterNumber, FilterSelect, InvalidFilters, Pagination, SiteCardView, use_query_pairs,
};
use crate::components::page_meta::PageMeta;
use crate::components::plan::CenterPlan;
use crate::error::{AppError, set_status};
use crate::i18n::{t, t_with, use_language};
use crate::models::{
    Availability, Side, SiteKind, SiteQuery, SiteSort, SitesPage as SitesData, Tenure, Zone,
};
use leptos::prelude::*;

/// `(value, label)` options of a vocabulary list.
macro_rules! options {
    ($list:ty) => {
        <$list>::ALL.iter().map(|v| (v.as_str().to_owned(), t(&v.message_id()))).collect::<Vec<_>>()
    };
}

#[component]
pub fn SitesPage() -> impl IntoView {
    let lang = use_language().code.clone();
    let prefs = crate::prefs::use_preferences();
    let query = SiteQuery::parse(&use_query_pairs());
    let path = format!("sites{}", query.to_query_string(query.page));
    let filters = query.clone();
    view! {
        <PageMeta title=t("sites-title") description=t("sites-description") path />
        <header class="page-header">
            <h1>{t("sites-title")}</h1>
            <p class="lead">{t("sites-lead")}</p>
        </header>
        <div class="listing-layout">
            <SiteFilters query=filters />
            <Suspense fallback=|| ()>
                {move || {
                    let lang = lang.clone();
                    let query = query.clone();
                    Suspend::new(async move {
                        match list_sites(lang, query, prefs).await {
                            Ok(data) => view! { <SiteResults data /> }.into_any(),
                            Err(err) => view! { <ErrorNotice err /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// A failure of the server, said in the reader's language with the right status.
#[component]
pub fn ErrorNotice(err: AppError) -> impl IntoView {
    set_status(err.status());
    view! {
        <p class="notice" role="alert" data-test="error">
            {t(err.message_id())}
        </p>
    }
}

#[component]
fn SiteFilters(query: SiteQuery) -> impl IntoView {
    let reset = format!("/{}/sites", use_language().code);
    let sorts = SiteSort::ALL
        .iter()
        .map(|sort| {
            let selected = *sort == query.sort;
            view! {
                <option value=sort.as_str() selected=selected>
                    {t(&sort.message_id())}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="filters" method="get" role="search" aria-labelledby="filter-heading">
            <h2 id="filter-heading">{t("filter-heading")}</h2>
            <div class="field">
                <label for="filter-q">{t("filter-search")}</label>
                <input
                    id="filter-q"
                    name="q"
                    type="search"
                    maxlength="100"
                    value=query.q.clone()
                    aria-describedby="filter-q-hint"
                />
                <small id="filter-q-hint">{t("filter-search-hint")}</small>
            </div>
            <FilterSelect name="zone" label=t("filter-zone") options=options!(Zone) selected=query.zone.map(|v| v.as_str().to_owned()) />
            <FilterSelect name="kind" label=t("filter-kind") options=options!(SiteKind) selected=query.kind.map(|v| v.as_str().to_owned()) />
            <FilterSelect name="tenure" label=t("filter-tenure") options=options!(Tenure) selected=query.tenure.map(|v| v.as_str().to_owned()) />
            <FilterSelect name="availability" label=t("filter-availability") options=options!(Availability) selected=query.availability.map(|v| v.as_str().to_owned()) />
            <FilterSelect name="side" label=t("filter-side") options=options!(Side) selected=query.side.map(|v| v.as_str().to_owned()) />
            <FilterNumber name="min_area" label=t("filter-min-area") value=query.min_area.map(|v| v.to_string()) />
            <FilterNumber name="max_area" label=t("filter-max-area") value=query.max_area.map(|v| v.to_string()) />
            <FilterNumber name="min_power" label=t("filter-min-power") value=query.min_power.map(|v| v.to_string()) />
            <div class="field">
                <label for="filter-sort">{t("filter-sort")}</label>
                <select id="filter-sort" name="sort">{sorts}</select>
            </div>
            <div class="form-actions">
                <button type="submit" data-test="apply-filters">{t("filter-apply")}</button>
                <a href=reset>{t("filter-reset")}</a>
            </div>
        </form>
    }
}

#[component]
fn SiteResults(data: SitesData) -> impl IntoView {
    let plots = data.plots;
    let lang = use_language().code.clone();
    let count = t_with("results-count", &[("count", data.total.into())]);
    let empty = data.cards.is_empty();
    let cards = data
        .cards
        .into_iter()
        .map(|card| view! { <SiteCardView card compare=true /> })
        .collect_view();
    let query = data.query.clone();
    let compare = format!("/{lang}/compare");
    let href = move |page: u32| format!("/{lang}/sites{}", query.to_query_string(page));
    view! {
        <section class="results" aria-labelledby="results-count">
            <InvalidFilters invalid=data.query.invalid.clone() />
            <p id="results-count" class="results-count" role="status" data-test="results-count" data-count=data.total>
                {count}
            </p>
            {empty.then(|| view! { <p>{t("results-none-hint")}</p> })}
            // Ticking sites and sending this form opens them side by side, with or without JavaScript.
            <form method="get" action=compare class="compare-form">
                <div class="card-grid">{cards}</div>
                {(!empty).then(|| view! {
                    <p class="form-actions">
                        <button type="submit" data-test="compare-submit">{t("compare-submit")}</button>
                    </p>
                })}
            </form>
            {(data.pages > 1).then(|| view! { <Pagination page=data.page pages=data.pages href /> })}
        </section>
        <aside class="plan-aside">
            <CenterPlan plots />
        </aside>
    }
}
