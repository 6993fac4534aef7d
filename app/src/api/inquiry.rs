//! The inquiry form's data and the investor's private tracking page.

use crate::error::AppError;
use crate::models::{InquiryFormData, TrackingView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// What the inquiry form shows for `codes` (the listings asked about; unknown ones are left out).
#[server(endpoint = "inquiry-form", input = Json)]
pub async fn get_inquiry_form(
    lang: String,
    codes: Vec<String>,
) -> Result<InquiryFormData, AppError> {
    use crate::i18n;
    use crate::server::{AppState, inquiries};
    let lang = i18n::find(&lang)
        .ok_or_else(|| AppError::BadRequest(format!("unknown language {lang}")))?
        .code
        .as_str();
    let state = AppState::from_context()?;
    let codes: Vec<String> = codes
        .into_iter()
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| !c.is_empty() && c.len() <= 24)
        .take(inquiries::form::MAX_LISTINGS)
        .collect();
    let (found, _) = inquiries::find_listings(&state.db, &codes).await?;
    let titled = inquiries::listing_titles(&state.db, &found, lang).await?;
    Ok(InquiryFormData {
        reply_days: state.inquiry.reply_days,
        listings: titled.into_iter().map(|(l, title)| link(lang, &l, title)).collect(),
        countries: countries(lang).to_vec(),
    })
}

/// Every country named in `lang`, ordered by name: built once per language, not per page (the
/// form is on every listing page).
#[cfg(feature = "ssr")]
fn countries(lang: &str) -> &'static [(String, String)] {
    use std::{collections::HashMap, sync::OnceLock};
    static BY_LANGUAGE: OnceLock<HashMap<String, Vec<(String, String)>>> = OnceLock::new();
    let all = BY_LANGUAGE.get_or_init(|| {
        crate::i18n::languages()
            .iter()
            .map(|language| {
                let code = language.code.as_str();
                let mut named: Vec<(String, String)> = crate::models::COUNTRIES
                    .iter()
                    .map(|c| ((*c).to_owned(), crate::i18n::text(code, &format!("country-{c}"))))
                    .collect();
                named.sort_by(|a, b| a.1.cmp(&b.1));
                (language.code.clone(), named)
            })
            .collect()
    });
    all.get(lang).map_or(&[], Vec::as_slice)
}

#[cfg(feature = "ssr")]
fn link(
    lang: &str,
    listing: &crate::server::inquiries::AskedListing,
    title: String,
) -> crate::models::ListingLink {
    use crate::server::inquiries::ListingKind;
    let section = match listing.kind {
        ListingKind::Site => "sites",
        ListingKind::Opportunity => "opportunities",
    };
    crate::models::ListingLink {
        href: format!("/{lang}/{section}/{}", listing.slug),
        code: listing.code.clone(),
        title,
        summary: String::new(),
    }
}

/// The private page of the inquiry whose tracking token is `token`.
#[server(endpoint = "tracking", input = Json)]
pub async fn get_tracking(lang: String, token: String) -> Result<TrackingView, AppError> {
    use crate::i18n::{self, text};
    use crate::models::{InquiryStatus, TrackingEvent};
    use crate::server::{AppState, inquiries, present};
    let lang = i18n::find(&lang)
        .ok_or_else(|| AppError::BadRequest(format!("unknown language {lang}")))?
        .code
        .as_str();
    let state = AppState::from_context()?;
    let (row, events) =
        inquiries::find_by_token(&state.db, &token).await?.ok_or(AppError::NotFound)?;
    let status: InquiryStatus = row.status.parse().unwrap_or(InquiryStatus::New);
    let listings = inquiries::listings_of(&state.db, row.id).await?;
    let titled = inquiries::listing_titles(&state.db, &listings, lang).await?;
    let day = |at: chrono::DateTime<chrono::Utc>| present::full_date(lang, at.date_naive());
    Ok(TrackingView {
        reference: row.reference.clone(),
        status,
        status_label: text(lang, &status.message_id()),
        sent_on: day(row.created_at),
        masked_email: inquiries::mask_email(&row.email),
        reply_days: state.inquiry.reply_days,
        listings: titled.into_iter().map(|(l, title)| link(lang, &l, title)).collect(),
        events: events
            .into_iter()
            .map(|event| TrackingEvent {
                date: day(event.created_at),
                label: text(lang, &format!("inquiry-event-{}", event.kind)),
            })
            .collect(),
    })
}
