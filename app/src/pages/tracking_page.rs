//! `/{lang}/inquiry/{token}`: the investor's private page of an inquiry, which also thanks them
//! right after sending (`?sent=1`). Kept out of search engines and caches, and it sends no
//! referrer, so its address goes nowhere else.

use crate::api::inquiry::get_tracking;
use crate::components::listing::use_query_pairs;
use crate::i18n::{t, t_with, use_language};
use crate::models::TrackingView;
use crate::pages::site_page::NotFoundOr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn TrackingPage() -> impl IntoView {
    let lang = use_language().code.clone();
    let token = use_params_map().read_untracked().get("token").unwrap_or_default();
    let just_sent = use_query_pairs().iter().any(|(k, v)| k == "sent" && v == "1");
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        use axum::http::{HeaderValue, header};
        response.insert_header(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response.insert_header(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    }
    view! {
        <Meta name="robots" content="noindex, nofollow" />
        <Meta name="referrer" content="no-referrer" />
        <Suspense fallback=|| ()>
            {move || {
                let lang = lang.clone();
                let token = token.clone();
                Suspend::new(async move {
                    match get_tracking(lang, token).await {
                        Ok(view) => view! { <Tracking view just_sent /> }.into_any(),
                        Err(err) => view! {
                            <NotFoundOr err back="inquire" back_label=t("inquire-title") />
                        }
                            .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Tracking(view: TrackingView, just_sent: bool) -> impl IntoView {
    let title = t_with("tracking-title", &[("reference", view.reference.clone().into())]);
    let thanks = just_sent.then(|| {
        view! {
            <section class="thanks" data-test="thanks" role="status">
                <h2>{t("thanks-title")}</h2>
                <p>{t_with("thanks-reference", &[("reference", view.reference.clone().into())])}</p>
                <p>{t_with("thanks-next", &[("days", view.reply_days.into())])}</p>
                <p>{t_with("thanks-email", &[("email", view.masked_email.clone().into())])}</p>
                <p>{t("thanks-private")}</p>
            </section>
        }
    });
    let events = view
        .events
        .into_iter()
        .map(|event| view! { <li><time>{event.date}</time>" · "{event.label}</li> })
        .collect_view();
    let listings = view
        .listings
        .into_iter()
        .map(|l| view! { <li><a href=l.href><bdi>{l.code}</bdi>" · "{l.title}</a></li> })
        .collect_view();
    view! {
        <Title text=title.clone() />
        {thanks}
        <article class="tracking" data-test="tracking" data-reference=view.reference.clone()>
            <h1>{title}</h1>
            <p>{t_with("tracking-sent-on", &[("date", view.sent_on.into())])}</p>
            <p>
                {t("tracking-status")}": "
                <strong data-test="tracking-status" data-status=view.status.as_str()>{view.status_label}</strong>
            </p>
            <ul class="link-list">{listings}</ul>
            <h2>{t("tracking-history")}</h2>
            <ol class="history" data-test="tracking-history">{events}</ol>
        </article>
    }
}
