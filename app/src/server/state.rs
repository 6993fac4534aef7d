//! The one application state, handed to server functions (through Leptos context) and to axum
//! handlers (as router state).

use crate::error::{AppError, AppResult};
use axum::extract::FromRef;
use leptos::prelude::*;
use sea_orm::DatabaseConnection;

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: DatabaseConnection,
    /// The absolute base URL of the portal, without a trailing slash.
    pub public_url: String,
    pub leptos_options: LeptosOptions,
    /// The exchange rates, kept in memory (see `rates`).
    pub rates: super::rates::Rates,
    /// What the inquiry pages and emails say (reply time, sender).
    pub inquiry: super::inquiries::InquirySettings,
    /// Inquiries accepted per client address and hour.
    pub inquiry_limit: super::limits::RateLimiter,
    /// Staff sign-in attempts per client address (the per-account lock-out is in `sessions`).
    pub sign_in_limit: super::limits::RateLimiter,
    /// Woken when mail is queued, so that the mail worker sends it at once.
    pub outbox_signal: std::sync::Arc<tokio::sync::Notify>,
    /// Where uploaded photos and brochures are kept (see `media`).
    pub media: std::sync::Arc<dyn super::media::MediaStore>,
}

impl AppState {
    /// The state provided to the current server function or page.
    pub fn from_context() -> AppResult<Self> {
        use_context::<AppState>()
            .ok_or_else(|| AppError::internal("the application state is missing from the context"))
    }

    /// How figures are shown to a reader with `prefs`: the unit, and the currency at its rate
    /// (US dollars when no rate is set for it).
    pub fn shown(&self, prefs: crate::prefs::Preferences) -> super::present::Shown {
        super::present::Shown { unit: prefs.unit, money: self.rates.money(prefs.currency) }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
