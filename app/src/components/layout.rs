//! The frame of every public page: the language, the header with the language switch, the footer.

use crate::i18n::{self, Locale, t};
use crate::models::Currency;
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
    let prefs = crate::prefs::read_preferences();
    provide_context(prefs);
    let (currencies, currency, rate_note) = currency_offer(&language.code, prefs.currency);
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
            <CurrencySwitch offered=currencies current=currency />
            <LanguageSwitch />
        </header>
        {rate_note.map(|note| view! { <p class="rate-note" data-test="rate-note">{note}</p> })}
        <BasketNote />
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

/// When the visitor has added listings to their inquiry: how many, and the way to the form.
#[component]
fn BasketNote() -> impl IntoView {
    let basket = crate::prefs::basket();
    (!basket.is_empty()).then(|| {
        let href = format!("/{}/inquire", i18n::use_language().code);
        view! {
            <p class="basket-note" data-test="basket-note" data-count=basket.len()>
                {crate::i18n::t_with("inquiry-basket", &[("count", basket.len().into())])}
                " · "
                <a href=href>{t("inquiry-basket-send")}</a>
            </p>
        }
    })
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

/// The address of the current page with query parameter `name` set to `value`, the others kept.
fn this_page_with(name: &str, value: &str) -> String {
    let path = use_location().pathname.get_untracked();
    let mut parts: Vec<(String, String)> = crate::components::listing::use_query_pairs()
        .into_iter()
        .filter(|(key, _)| key != name)
        .collect();
    parts.push((name.to_owned(), value.to_owned()));
    let parts: Vec<(&str, String)> = parts.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    format!("{path}{}", crate::models::encode(&parts))
}

/// Links to the same page with areas in each unit (m², ha, mu, pyeong); the server remembers
/// the choice.
#[component]
fn UnitSwitch() -> impl IntoView {
    let current = crate::prefs::use_preferences().unit;
    let links = crate::models::AreaUnit::ALL
        .iter()
        .map(|unit| {
            view! {
                <li>
                    <a
                        href=this_page_with(crate::prefs::UNIT_COOKIE, unit.as_str())
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

/// The currencies a reader can choose now (US dollars and each one staff gave a rate), and the
/// sentence that says at which rate, from which day, sums are converted (none in dollars).
fn currency_offer(lang: &str, chosen: Currency) -> (Vec<Currency>, Currency, Option<String>) {
    #[cfg(feature = "ssr")]
    if let Some(state) = use_context::<crate::server::AppState>() {
        let money = state.rates.money(chosen);
        let note = crate::server::present::rate_note(lang, &money);
        return (state.rates.offered(), money.currency, note);
    }
    let _ = (lang, chosen);
    (vec![Currency::Usd], Currency::Usd, None)
}

/// A disclosure with links to the same page with sums in each offered currency; the server
/// remembers the choice. Works without JavaScript (`<details>`).
#[component]
fn CurrencySwitch(offered: Vec<Currency>, current: Currency) -> impl IntoView {
    let links = offered
        .into_iter()
        .map(|currency| {
            view! {
                <li>
                    <a
                        href=this_page_with(crate::prefs::CURRENCY_COOKIE, currency.as_str())
                        rel="nofollow"
                        data-currency-choice=currency.as_str()
                        aria-current=(currency == current).then_some("true")
                    >
                        {t(&currency.message_id())}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="currency-choice" data-test="currency-choice">
            <summary>
                <span class="visually-hidden">{t("currency-switch-label")}" "</span>
                <span data-test="currency-current">{t(&format!("{}-unit", current.message_id()))}</span>
            </summary>
            <ul>{links}</ul>
        </details>
    }
}
