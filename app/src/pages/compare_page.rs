//! `/{lang}/compare?sites=KZ-P1,UZ-P2`: up to four sites side by side, with what a year on each
//! would cost.

use crate::api::listings::compare_sites;
use crate::components::listing::use_query_pairs;
use crate::components::page_meta::PageMeta;
use crate::i18n::{t, use_language};
use crate::models::{CompareColumn, compared_codes};
use crate::pages::sites_page::ErrorNotice;
use leptos::prelude::*;

#[component]
pub fn ComparePage() -> impl IntoView {
    let lang = use_language().code.clone();
    let prefs = crate::prefs::use_preferences();
    let codes = compared_codes(&use_query_pairs());
    let path = if codes.is_empty() {
        "compare".to_owned()
    } else {
        format!("compare?sites={}", codes.join(","))
    };
    view! {
        <PageMeta title=t("compare-title") description=t("compare-description") path />
        <header class="page-header">
            <h1>{t("compare-title")}</h1>
            <p class="lead">{t("compare-lead")}</p>
        </header>
        <Suspense fallback=|| ()>
            {move || {
                let lang = lang.clone();
                let codes = codes.clone();
                Suspend::new(async move {
                    match compare_sites(lang, codes, prefs).await {
                        Ok(columns) if columns.len() >= 2 => view! { <CompareTable columns /> }.into_any(),
                        Ok(_) => view! { <CompareEmpty /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn CompareEmpty() -> impl IntoView {
    let sites = format!("/{}/sites", use_language().code);
    view! {
        <p class="notice" data-test="compare-empty">
            {t("compare-empty")} " " <a href=sites>{t("nav-sites")}</a>
        </p>
    }
}

#[component]
fn CompareTable(columns: Vec<CompareColumn>) -> impl IntoView {
    let labels: Vec<String> = columns
        .first()
        .map(|c| c.specs.iter().map(|s| s.label.clone()).collect())
        .unwrap_or_default();
    let heads = columns
        .iter()
        .map(|c| {
            view! {
                <th scope="col" data-code=c.code.clone()>
                    <a href=c.href.clone()><bdi>{c.code.clone()}</bdi></a>
                    <span class="compare-title">{c.title.clone()}</span>
                    <crate::components::listing::BasketButton code=c.code.clone() />
                </th>
            }
        })
        .collect_view();
    let rows = labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let cells = columns
                .iter()
                .map(|c| view! { <td>{c.specs.get(i).map(|s| s.value.clone()).unwrap_or_default()}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="compare-scroll" tabindex="0" role="region" aria-labelledby="compare-caption">
            <table class="compare-table" data-test="compare-table">
                <caption id="compare-caption">{t("compare-title")}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {heads}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="note">{t("compare-yearly-cost-note")}</p>
    }
}
