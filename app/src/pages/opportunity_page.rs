//! `/{lang}/opportunities/{slug}`: one investment project, its terms and the sites it could use.

use crate::api::listings::get_opportunity;
use crate::components::listing::{ListingPhoto, SpecTable};
use crate::components::page_meta::PageMeta;
use crate::i18n::{t, use_language};
use crate::models::OpportunityDetail;
use crate::pages::inquire_page::ListingInquiry;
use crate::pages::site_page::{ListingLinks, NotFoundOr};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OpportunityPage() -> impl IntoView {
    let prefs = crate::prefs::use_preferences();
    let lang = use_language().code.clone();
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let lang = lang.clone();
                let slug = slug.clone();
                Suspend::new(async move {
                    match get_opportunity(lang, slug, prefs).await {
                        Ok(opportunity) => view! { <OpportunityView opportunity /> }.into_any(),
                        Err(err) => view! {
                            <NotFoundOr err back="opportunities" back_label=t("opportunity-back-to-list") />
                        }
                            .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn OpportunityView(opportunity: OpportunityDetail) -> impl IntoView {
    let back = format!("/{}/opportunities", use_language().code);
    let path = format!("opportunities/{}", opportunity.slug);
    let image = opportunity.photos.first().map(|p| p.url.clone());
    let photos = opportunity
        .photos
        .into_iter()
        .enumerate()
        .map(|(i, photo)| view! { <ListingPhoto photo eager=i == 0 /> })
        .collect_view();
    let paragraphs =
        opportunity.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view();
    let incentives =
        opportunity.incentives.into_iter().map(|p| view! { <p>{p}</p> }).collect_view();
    let has_sites = !opportunity.sites.is_empty();
    view! {
        <PageMeta
            title=opportunity.title.clone()
            description=opportunity.summary.clone()
            path
            image
            json_ld=Some(opportunity.json_ld)
        />
        <article class="listing" data-test="opportunity" data-code=opportunity.code.clone()>
            <p class="breadcrumb">
                <a href=back>{t("opportunity-back-to-list")}</a>
            </p>
            <header class="page-header">
                <p class="card-code"><bdi>{opportunity.code.clone()}</bdi></p>
                <h1>{opportunity.title}</h1>
                <p class="lead">{opportunity.summary}</p>
                <p><a class="button-primary" href="#inquire" data-test="cta">{t("inquire-cta")}</a></p>
            </header>
            <div class="gallery">{photos}</div>
            <div class="listing-columns">
                <div class="listing-text">
                    {paragraphs}
                    <aside class="regime-note">
                        <h2>{t("opportunity-incentives")}</h2>
                        {incentives}
                    </aside>
                </div>
                <SpecTable specs=opportunity.specs caption=t("site-specifications") />
            </div>
            {has_sites.then(|| view! {
                <section aria-labelledby="sites-heading">
                    <h2 id="sites-heading">{t("opportunity-sites")}</h2>
                    <ListingLinks links=opportunity.sites test="opportunity-sites" />
                </section>
            })}
            <ListingInquiry code=opportunity.code.clone() />
        </article>
    }
}
