//! `/{lang}/inquire`: the general inquiry form, about the listings named in the address
//! (`?listing=KZ-P1&listing=…`) or gathered with "add to my inquiry".

use crate::api::inquiry::get_inquiry_form;
use crate::components::inquiry_form::{CAMPAIGN_FIELDS, InquiryForm};
use crate::components::listing::use_query_pairs;
use crate::components::page_meta::PageMeta;
use crate::i18n::{t, use_language};
use crate::models::Submission;
use crate::pages::sites_page::ErrorNotice;
use leptos::prelude::*;

/// The campaign parameters to pass on: those of a resubmitted form, else of the address, else
/// those the server remembered from the link the visitor arrived by.
pub fn campaign_of(pairs: &[(String, String)]) -> Vec<(String, String)> {
    let from = |source: &[(String, String)]| -> Vec<(String, String)> {
        source.iter().filter(|(k, _)| CAMPAIGN_FIELDS.contains(&k.as_str())).cloned().collect()
    };
    if let Some(submission) = use_context::<Submission>() {
        return from(&submission.values);
    }
    let in_address = from(pairs);
    if !in_address.is_empty() {
        return in_address;
    }
    crate::prefs::remembered_campaign()
}

#[component]
pub fn InquirePage() -> impl IntoView {
    let lang = use_language().code.clone();
    let pairs = use_query_pairs();
    let submission = use_context::<Submission>();
    // A robot's submission is thanked and forgotten; so is nothing else.
    let spam_thanks = submission.is_none() && pairs.iter().any(|(k, v)| k == "sent" && v == "1");
    let codes: Vec<String> = match &submission {
        Some(submission) => submission.values_of("listing"),
        None => {
            let asked: Vec<String> =
                pairs.iter().filter(|(k, _)| k == "listing").map(|(_, v)| v.clone()).collect();
            if asked.is_empty() { crate::prefs::basket() } else { asked }
        }
    };
    let campaign = campaign_of(&pairs);
    view! {
        <PageMeta title=t("inquire-title") description=t("inquire-description") path="inquire".to_owned() />
        <section class="page-header">
            <h1>{t("inquire-title")}</h1>
            <p class="lead">{t("inquire-lead")}</p>
        </section>
        {if spam_thanks {
            view! { <p class="form-notice" data-test="thanks-plain">{t("thanks-spam-title")}</p> }.into_any()
        } else {
            view! { <FormAbout lang codes campaign /> }.into_any()
        }}
    }
}

/// The form at the foot of a site or opportunity page, about that listing.
#[component]
pub fn ListingInquiry(code: String) -> impl IntoView {
    let lang = use_language().code.clone();
    let campaign = campaign_of(&use_query_pairs());
    view! {
        <section class="listing-inquiry" id="inquire" aria-labelledby="inquire-heading">
            <h2 id="inquire-heading">{t("inquire-title")}</h2>
            <p>{t("inquire-lead")}</p>
            <FormAbout lang codes=vec![code] campaign nested=true />
        </section>
    }
}

/// The form about the listings `codes`, once the server has named them.
#[component]
fn FormAbout(
    lang: String,
    codes: Vec<String>,
    campaign: Vec<(String, String)>,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let lang = lang.clone();
                let codes = codes.clone();
                let campaign = campaign.clone();
                Suspend::new(async move {
                    match get_inquiry_form(lang, codes).await {
                        Ok(data) => view! { <InquiryForm data campaign nested /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
