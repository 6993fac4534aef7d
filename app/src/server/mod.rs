//! Server-only code: application state, database access, formatting, accounts, media and demo
//! content.
//! Compiled only with the `ssr` feature; server-function bodies import from here.

pub mod csp;
pub mod db;
pub mod entities;
pub mod format;
pub mod inquiries;
pub mod limits;
pub mod listings;
pub mod media;
pub mod present;
pub mod rates;
pub mod search;
pub mod second_factor;
pub mod seed;
pub mod sessions;
pub mod state;
pub mod totp;
pub mod users;

pub use state::AppState;

/// In the context of a staff preview: listings are found whatever their status.
#[derive(Clone, Copy, Debug)]
pub struct ShowDrafts;

/// Whether the current render is a staff preview.
pub fn showing_drafts() -> bool {
    leptos::prelude::use_context::<ShowDrafts>().is_some()
}
