//! The home page: what the center is, where it is and why it matters, with its key figures.

use crate::api::home::{get_area_chart, get_home_figures};
use crate::api::listings::{list_opportunities, list_sites};
use crate::components::chart::AreaChart;
use crate::components::listing::{OpportunityCardView, SiteCardView};
use crate::components::page_meta::PageMeta;
use crate::components::plan::CenterPlan;
use crate::error::set_status;
use crate::i18n::{t, use_language};
use crate::islands::UnitSwitch;
use crate::models::{HomeFigures, OpportunityQuery, SiteQuery};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_language().code.clone();
    let unit = use_query_map().read_untracked().get("unit");
    let prefs = crate::prefs::use_preferences();
    view! {
        <PageMeta title=t("home-title") description=t("home-description") path=String::new() />
        <section class="hero">
            <p class="eyebrow">{t("home-eyebrow")}</p>
            <h1>{t("home-title")}</h1>
            <p class="lead">{t("home-lead")}</p>
        </section>
        <Suspense fallback=|| ()>
            {move || {
                let lang = lang.clone();
                let unit = unit.clone();
                Suspend::new(async move {
                    let figures = get_home_figures(lang.clone(), prefs).await;
                    let chart = get_area_chart(lang.clone()).await;
                    let sites = list_sites(
                        lang.clone(),
                        SiteQuery { page: 1, ..SiteQuery::default() },
                        prefs,
                    )
                    .await;
                    let opportunities =
                        list_opportunities(lang, OpportunityQuery { page: 1, ..OpportunityQuery::default() }, prefs).await;
                    match (figures.and_then(|f| chart.map(|c| (f, c))), sites, opportunities) {
                        (Ok((figures, bars)), Ok(sites), Ok(opportunities)) => view! {
                            <KeyFigures figures unit />
                            <section class="chart-section">
                                <AreaChart bars />
                            </section>
                            <Latest plots=sites.plots sites=sites.cards opportunities=opportunities.cards />
                        }
                            .into_any(),
                        (Err(err), ..) | (_, Err(err), _) | (.., Err(err)) => {
                            set_status(err.status());
                            view! {
                                <p class="notice" role="alert">{t(err.message_id())}</p>
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
        <section class="facts" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{t("home-facts-heading")}</h2>
            <ul class="fact-list">
                <li>{t("home-fact-location")}</li>
                <li>{t("home-fact-phase-one")}</li>
                <li>{t("home-fact-phase-two")}</li>
                <li>{t("home-fact-regime")}</li>
                <li>{t("home-fact-trade-goal")}</li>
            </ul>
        </section>
    }
}

#[component]
fn KeyFigures(figures: HomeFigures, unit: Option<String>) -> impl IntoView {
    let units = figures.land_area.units;
    let selected =
        unit.and_then(|wanted| units.iter().position(|(code, _, _)| *code == wanted)).unwrap_or(0);
    view! {
        <section class="key-figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{t("home-figures-heading")}</h2>
            <dl class="figure-grid">
                <div class="figure" data-test="figure-area">
                    <dt>{t("home-figure-area")}</dt>
                    <dd>
                        <UnitSwitch units selected label=t("unit-switch-label") />
                    </dd>
                </div>
                <div class="figure" data-test="figure-sites">
                    <dt>{t("home-figure-sites")}</dt>
                    <dd class="figure-value">{figures.sites_published}</dd>
                </div>
                <div class="figure" data-test="figure-available">
                    <dt>{t("home-figure-available")}</dt>
                    <dd class="figure-value">{figures.sites_available}</dd>
                </div>
                <div class="figure" data-test="figure-opportunities">
                    <dt>{t("home-figure-opportunities")}</dt>
                    <dd class="figure-value">{figures.opportunities_published}</dd>
                </div>
                <div class="figure" data-test="figure-capex">
                    <dt>{t("home-figure-capex")}</dt>
                    <dd class="figure-value">{figures.capex_sought}</dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
fn Latest(
    plots: Vec<crate::models::PlanPlot>,
    sites: Vec<crate::models::SiteCard>,
    opportunities: Vec<crate::models::OpportunityCard>,
) -> impl IntoView {
    let lang = use_language().code.clone();
    let sites =
        sites.into_iter().take(3).map(|card| view! { <SiteCardView card /> }).collect_view();
    let opportunities = opportunities
        .into_iter()
        .take(3)
        .map(|card| view! { <OpportunityCardView card /> })
        .collect_view();
    view! {
        <section aria-labelledby="plan-heading">
            <h2 id="plan-heading">{t("home-plan-heading")}</h2>
            <CenterPlan plots />
        </section>
        <section aria-labelledby="latest-sites-heading">
            <h2 id="latest-sites-heading">{t("home-latest-sites")}</h2>
            <div class="card-grid">{sites}</div>
            <p><a href=format!("/{lang}/sites")>{t("home-all-sites")}</a></p>
        </section>
        <section aria-labelledby="latest-opportunities-heading">
            <h2 id="latest-opportunities-heading">{t("home-latest-opportunities")}</h2>
            <div class="card-grid">{opportunities}</div>
            <p><a href=format!("/{lang}/opportunities")>{t("home-all-opportunities")}</a></p>
        </section>
    }
}
