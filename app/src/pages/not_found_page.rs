//! The page for an address that does not exist: status 404, in the page's language.

use crate::error::{AppError, set_status};
use crate::i18n::{self, Locale, t};
use leptos::prelude::*;
use leptos_meta::{Html, Title};
use leptos_router::hooks::use_location;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_status(AppError::NotFound.status());
    // Outside a language layout (an unknown path), the first segment may still name a language.
    let language = use_context::<Locale>().map(|l| l.0).unwrap_or_else(|| {
        let path = use_location().pathname.get_untracked();
        let first = path.trim_start_matches('/').split('/').next().unwrap_or_default().to_owned();
        i18n::find(&first).unwrap_or_else(|| i18n::use_language())
    });
    provide_context(Locale(language));
    let home = format!("/{}/", language.code);
    view! {
        <Html {..} lang=language.code.clone() dir=language.dir() />
        <Title text=t("error-not-found-title") />
        <section class="error-page" data-test="not-found">
            <h1>{t("error-not-found-title")}</h1>
            <p>{t(AppError::NotFound.message_id())}</p>
            <p>
                <a href=home>{t("error-back-home")}</a>
            </p>
        </section>
    }
}
