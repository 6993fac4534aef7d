//! `/{lang}/about`, `/{lang}/privacy`: pages of text, each a list of headed sections whose
//! paragraphs are Fluent messages.

use crate::components::page_meta::PageMeta;
use crate::i18n::t;
use leptos::prelude::*;

/// A page of headed sections: `(heading id, paragraph ids)`.
#[component]
fn TextPage(
    title: &'static str,
    description: &'static str,
    lead: &'static str,
    path: &'static str,
    sections: &'static [(&'static str, &'static [&'static str])],
) -> impl IntoView {
    let sections = sections
        .iter()
        .map(|(heading, paragraphs)| {
            let paragraphs = paragraphs.iter().map(|id| view! { <p>{t(id)}</p> }).collect_view();
            view! {
                <section class="text-section">
                    <h2>{t(heading)}</h2>
                    {paragraphs}
                </section>
            }
        })
        .collect_view();
    view! {
        <PageMeta title=t(title) description=t(description) path=path.to_owned() />
        <article class="text-page" data-test=path>
            <header class="page-header">
                <h1>{t(title)}</h1>
                <p class="lead">{t(lead)}</p>
            </header>
            {sections}
        </article>
    }
}

#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <TextPage
            title="about-title"
            description="about-description"
            lead="about-lead"
            path="about"
            sections=&[
                ("about-what-heading", &["about-what-1", "about-what-2"]),
                ("about-where-heading", &["about-where-1", "about-where-2"]),
                ("about-regime-heading", &["about-regime-1"]),
                ("about-phases-heading", &["about-phases-1", "about-phases-2"]),
                ("about-goal-heading", &["about-goal-1"]),
            ]
        />
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <TextPage
            title="privacy-title"
            description="privacy-description"
            lead="privacy-lead"
            path="privacy"
            sections=&[
                ("privacy-controller-heading", &["privacy-controller"]),
                ("privacy-data-heading", &["privacy-data"]),
                ("privacy-purpose-heading", &["privacy-purpose"]),
                ("privacy-retention-heading", &["privacy-retention"]),
                ("privacy-transfer-heading", &["privacy-transfer"]),
                ("privacy-rights-heading", &["privacy-rights"]),
            ]
        />
    }
}
