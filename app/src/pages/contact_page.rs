//! `/{lang}/contact`: how to reach the center, and each investment desk with its addresses.

use crate::api::contact::list_desks;
use crate::components::page_meta::PageMeta;
use crate::i18n::t;
use crate::models::DeskView;
use crate::pages::sites_page::ErrorNotice;
use leptos::prelude::*;

#[component]
pub fn ContactPage() -> impl IntoView {
    let lang = crate::i18n::use_language().code.clone();
    view! {
        <PageMeta title=t("contact-title") description=t("contact-description") path="contact".to_owned() />
        <article class="text-page" data-test="contact">
            <header class="page-header">
                <h1>{t("contact-title")}</h1>
                <p class="lead">{t("contact-lead")}</p>
            </header>
            <section class="text-section" aria-labelledby="desks-heading">
                <h2 id="desks-heading">{t("contact-desks-heading")}</h2>
                <p>{t("contact-desks-intro")}</p>
                <Suspense fallback=|| ()>
                    {move || {
                        let lang = lang.clone();
                        Suspend::new(async move {
                            match list_desks(lang).await {
                                Ok(desks) => view! { <DeskList desks /> }.into_any(),
                                Err(err) => view! { <ErrorNotice err /> }.into_any(),
                            }
                        })
                    }}
                </Suspense>
            </section>
        </article>
    }
}

#[component]
fn DeskList(desks: Vec<DeskView>) -> impl IntoView {
    let items = desks
        .into_iter()
        .map(|desk| {
            let emails = desk
                .emails
                .into_iter()
                .map(|email| {
                    let href = format!("mailto:{email}");
                    view! { <li><a href=href><bdi>{email}</bdi></a></li> }
                })
                .collect_view();
            view! {
                <li>
                    <h3>{desk.name}</h3>
                    <ul class="desk-emails">{emails}</ul>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="desk-list" data-test="desks">{items}</ul> }
}
