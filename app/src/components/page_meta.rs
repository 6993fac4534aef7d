//! The `<head>` of a public page: title, description, canonical URL and the alternates in every
//! language (plus `x-default`), so that search engines send each reader to their language.

use crate::app::PublicUrl;
use crate::i18n::{self, t};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

/// `path` is the page's path after the language segment (empty for the home page).
#[component]
pub fn PageMeta(title: String, description: String, path: String) -> impl IntoView {
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
    view! {
        <Title text=full_title />
        <Meta name="description" content=description />
        <Link rel="canonical" href=url(&current.code) />
        {alternates}
        <Link rel="alternate" hreflang="x-default" href=format!("{base}/{path}") />
    }
}
