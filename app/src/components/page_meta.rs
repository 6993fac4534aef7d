//! The `<head>` of a public page: title, description, canonical URL and the alternates in every
//! language (plus `x-default`), so that search engines send each reader to their language.

use crate::app::PublicUrl;
use crate::i18n::{self, t};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

/// `path` is the page's path after the language segment (empty for the home page).
#[component]
pub fn PageMeta(
    title: String,
    description: String,
    path: String,
    /// An image for link previews, as a path on this site (`/media/…`).
    #[prop(default = None)]
    image: Option<String>,
    /// Structured data (JSON-LD) describing the page's subject.
    #[prop(default = None)]
    json_ld: Option<String>,
) -> impl IntoView {
    let base = use_context::<PublicUrl>().map(|u| u.0).unwrap_or_default();
    let current = i18n::use_language();
    let url = |code: &str| format!("{base}/{code}/{path}");
    let alternates = i18n::languages()
        .iter()
        .map(|language| {
            view! { <Link rel="alternate" hreflang=language.code.clone() href=url(&language.code) /> }
        })
        .collect_view();
    let full_title = format!("{title} · {}", t("site-name"));
    let image = image.map(|path| format!("{base}{path}"));
    view! {
        <Title text=full_title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=url(&current.code) />
        <Meta property="og:type" content="website" />
        <Meta property="og:site_name" content=t("site-name") />
        <Meta property="og:title" content=title />
        <Meta property="og:description" content=description />
        <Meta property="og:url" content=url(&current.code) />
        <Meta property="og:locale" content=current.code.clone() />
        {image.map(|image| view! { <Meta property="og:image" content=image /> })}
        {json_ld.map(|json| view! { <Script type_="application/ld+json">{json}</Script> })}
        {alternates}
        <Link rel="alternate" hreflang="x-default" href=format!("{base}/{path}") />
        <Link
            rel="alternate"
            type_="application/atom+xml"
            href=format!("{base}/{}/feed.xml", current.code)
            title=t("open-data-feed")
        />
    }
}
