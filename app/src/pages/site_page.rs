//! `/{lang}/sites/{slug}`: everything about one site, its place on the plan, and the
//! opportunities that could use it.

use crate::api::listings::get_site;
use crate::components::listing::{AvailabilityBadge, ListingPhoto, SpecTable};
use crate::components::page_meta::PageMeta;
use crate::components::plan::CenterPlan;
use crate::i18n::{t, use_language};
use crate::models::{ListingLink, SiteDetail};
use crate::pages::inquire_page::ListingInquiry;
use crate::pages::sites_page::ErrorNotice;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SitePage() -> impl IntoView {
    let lang = use_language().code.clone();
    let prefs = crate::prefs::use_preferences();
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let lang = lang.clone();
                let slug = slug.clone();
                Suspend::new(async move {
                    match get_site(lang, slug, prefs).await {
                        Ok(site) => view! { <SiteView site /> }.into_any(),
                        Err(err) => view! {
                            <NotFoundOr err back="sites" back_label=t("site-back-to-list") />
                        }
                            .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The error of a detail page: a missing listing is a localised 404 with a way back.
#[component]
pub fn NotFoundOr(
    err: crate::error::AppError,
    back: &'static str,
    back_label: String,
) -> impl IntoView {
    let href = format!("/{}/{back}", use_language().code);
    let (title, test) = match err {
        crate::error::AppError::Gone => (t("error-gone-title"), "gone"),
        _ => (t("error-not-found-title"), "not-found"),
    };
    view! {
        <leptos_meta::Title text=title.clone() />
        <section class="error-page" data-test=test>
            <h1>{title}</h1>
            <ErrorNotice err />
            <p>
                <a href=href>{back_label}</a>
            </p>
        </section>
    }
}

/// A list of links to other listings.
#[component]
pub fn ListingLinks(links: Vec<ListingLink>, test: &'static str) -> impl IntoView {
    let items = links
        .into_iter()
        .map(|link| {
            view! {
                <li>
                    <a href=link.href>
                        <bdi>{link.code}</bdi>
                        " · "
                        {link.title}
                    </a>
                    <p>{link.summary}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="link-list" data-test=test>{items}</ul> }
}

#[component]
fn SiteView(site: SiteDetail) -> impl IntoView {
    let back = format!("/{}/sites", use_language().code);
    let path = format!("sites/{}", site.slug);
    let image = site.photos.first().map(|p| p.url.clone());
    let mut photos = site.photos.into_iter();
    let first = photos.next().map(|photo| view! { <ListingPhoto photo eager=true /> });
    let rest = photos.map(|photo| view! { <ListingPhoto photo /> }).collect_view();
    let paragraphs = site.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view();
    let has_opportunities = !site.opportunities.is_empty();
    view! {
        <PageMeta
            title=site.title.clone()
            description=site.summary.clone()
            path
            image
            json_ld=Some(site.json_ld)
        />
        <article class="listing" data-test="site" data-code=site.code.clone()>
            <p class="breadcrumb">
                <a href=back>{t("site-back-to-list")}</a>
            </p>
            <header class="page-header">
                <p class="card-code">
                    <bdi>{site.code.clone()}</bdi>
                    " "
                    <AvailabilityBadge availability=site.availability />
                </p>
                <h1>{site.title}</h1>
                <p class="lead">{site.summary}</p>
                <p><a class="button-primary" href="#inquire" data-test="cta">{t("inquire-cta")}</a></p>
            </header>
            <div class="gallery" aria-label=t("site-photos")>{first}{rest}</div>
            <div class="listing-columns">
                <div class="listing-text">
                    {paragraphs}
                    {site.brochure.map(|href| view! {
                        <p>
                            <a href=href type="application/pdf" download data-test="brochure">
                                {t("site-brochure")}
                            </a>
                        </p>
                    })}
                    <aside class="regime-note">
                        <h2>{t("site-regime")}</h2>
                        <p>{site.regime_description}</p>
                    </aside>
                </div>
                <SpecTable specs=site.specs caption=t("site-specifications") />
            </div>
            <section aria-labelledby="location-heading">
                <h2 id="location-heading">{t("site-location")}</h2>
                <CenterPlan plots=vec![site.plot] />
            </section>
            {has_opportunities.then(|| view! {
                <section aria-labelledby="related-heading">
                    <h2 id="related-heading">{t("site-related-opportunities")}</h2>
                    <ListingLinks links=site.opportunities test="related-opportunities" />
                </section>
            })}
            <ListingInquiry code=site.code.clone() />
        </article>
    }
}
