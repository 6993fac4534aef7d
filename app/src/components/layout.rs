//! The frame of every public page: the language, the header with the language switch, the footer.

use crate::i18n::{self, Locale, t};
use crate::pages::not_found_page::NotFoundPage;
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::{
    components::Outlet,
    hooks::{use_location, use_params_map},
};

/// Reads the language from the first segment of the path and frames the page in it; an unknown
/// language is a page that does not exist.
#[component]
pub fn LanguageLayout() -> impl IntoView {
    let code = use_params_map().read_untracked().get("lang").unwrap_or_default();
    let Some(language) = i18n::find(&code) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    provide_context(Locale(language));
    provide_context(crate::prefs::read_preferences());
    view! {
        <Html {..} lang=language.code.clone() dir=language.dir() />
        <a class="skip-link" href="#main">{t("nav-skip-to-content")}</a>
        <header class="site-header">
            <a class="brand" href=format!("/{}/", language.code)>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                <span class="brand-name">{t("site-name")}</span>
            </a>
            <nav class="main-nav" aria-label=t("nav-main")>
                <ul>
                    <li><a href=format!("/{}/", language.code)>{t("nav-home")}</a></li>
                    <li><a href=format!("/{}/sites", language.code)>{t("nav-sites")}</a></li>
                    <li><a href=format!("/{}/opportunities", language.code)>{t("nav-opportunities")}</a></li>
                </ul>
            </nav>
            <UnitSwitch />
            <LanguageSwitch />
        </header>
        <main id="main">
            <Outlet />
        </main>
        <footer class="site-footer">
            <nav aria-label=t("nav-footer")>
                <ul class="footer-links">
                    <li><a href=format!("/{}/about", language.code)>{t("nav-about")}</a></li>
                    <li><a href=format!("/{}/contact", language.code)>{t("nav-contact")}</a></li>
                    <li><a href=format!("/{}/privacy", language.code)>{t("nav-privacy")}</a></li>
                    <li><a href=format!("/{}/open-data", language.code)>{t("nav-open-data")}</a></li>
                </ul>
            </nav>
            <p>{t("footer-operator")}</p>
            <p>{t("footer-reachable")}</p>
        </footer>
    }
    .into_any()
}

/// Links to the same page in each other language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let current = i18n::use_language();
    let location = use_location();
    let path = location.pathname.get_untracked();
    let query = location.search.get_untracked();
    // Everything after the language segment stays the same.
    let rest = path
        .trim_start_matches('/')
        .split_once('/')
        .map(|(_, rest)| rest.to_owned())
        .unwrap_or_default();
    let suffix = if query.is_empty() { String::new() } else { format!("?{query}") };
    let links = i18n::languages()
        .iter()
        .map(|language| {
            let href = format!("/{}/{rest}{suffix}", language.code);
            let is_current = language.code == current.code;
            view! {
                <li>
                    <a
                        href=href
                        hreflang=language.code.clone()
                        lang=language.code.clone()
                        dir=language.dir()
                        aria-current=is_current.then_some("page")
                        data-lang=language.code.clone()
                    >
                        {language.name.clone()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switch" aria-label=t("nav-language")>
            <ul>{links}</ul>
        </nav>
    }
}

/// Links to the same page with areas in each unit (m², ha, mu, pyeong); the server remembers
/// the choice.
#[component]
fn UnitSwitch() -> impl IntoView {
    let current = crate::prefs::use_preferences().unit;
    let path = use_location().pathname.get_untracked();
    let pairs: Vec<(String, String)> = crate::components::listing::use_query_pairs()
        .into_iter()
        .filter(|(name, _)| name != "unit")
        .collect();
    let links = crate::models::AreaUnit::ALL
        .iter()
        .map(|unit| {
            let mut parts: Vec<(&str, String)> =
                pairs.iter().map(|(name, value)| (name.as_str(), value.clone())).collect();
            parts.push(("unit", unit.as_str().to_owned()));
            let href = format!("{path}{}", crate::models::encode(&parts));
            view! {
                <li>
                    <a
                        href=href
                        rel="nofollow"
                        data-unit-choice=unit.as_str()
                        aria-current=(*unit == current).then_some("true")
                    >
                        {t(&unit.message_id())}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="unit-choice" aria-label=t("unit-switch-label")>
            <ul>{links}</ul>
        </nav>
    }
}
