//! The page for an address that does not exist: status 404, in the page's language.

use crate::error::{AppError, set_status};
use crate::i18n::{self, t};
use leptos::prelude::*;
use leptos_meta::{Html, Title};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_status(AppError::NotFound.status());
    let language = i18n::use_language();
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
