//! The home page: what the center is, where it is and why it matters, with its key figures.

use crate::api::home::get_home_figures;
use crate::components::page_meta::PageMeta;
use crate::error::set_status;
use crate::i18n::{t, use_language};
use crate::islands::UnitSwitch;
use crate::models::HomeFigures;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_language().code.clone();
    let unit = use_query_map().read_untracked().get("unit");
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
                    match get_home_figures(lang).await {
                        Ok(figures) => view! { <KeyFigures figures unit /> }.into_any(),
                        Err(err) => {
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
