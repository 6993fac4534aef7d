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
}

impl AppState {
    /// The state provided to the current server function or page.
    pub fn from_context() -> AppResult<Self> {
        use_context::<AppState>()
            .ok_or_else(|| AppError::internal("the application state is missing from the context"))
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
