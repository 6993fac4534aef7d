//! The one error type at the request boundary.
//!
//! Policy: a visitor sees a short message in their language, chosen by the error's kind (never
//! the cause); the log gets the cause. Each kind knows its HTTP status. Database and other
//! internal failures become `Internal` at the boundary, after the cause has been logged, so no
//! stack trace or SQL ever reaches a page or a server-function response.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The page or record does not exist (or is not public).
    #[error("not found")]
    NotFound,
    /// The record was public and has been withdrawn (an archived listing).
    #[error("gone")]
    Gone,
    /// The request was malformed; the text names what, for the log and for API clients.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The service cannot answer now (the database is unreachable, say).
    #[error("service unavailable")]
    Unavailable,
    /// Anything else. The cause is in the log, not here.
    #[error("internal error")]
    Internal,
}

impl AppError {
    /// The HTTP status that this error answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Gone => 410,
            AppError::BadRequest(_) => 400,
            AppError::Unavailable => 503,
            AppError::Internal => 500,
        }
    }

    /// The Fluent message that explains this error to a visitor.
    pub fn message_id(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Gone => "error-gone",
            AppError::BadRequest(_) => "error-bad-request",
            AppError::Unavailable => "error-unavailable",
            AppError::Internal => "error-internal",
        }
    }

    /// Logs an internal failure and turns it into the error a visitor may see.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        match err {
            sea_orm::DbErr::ConnectionAcquire(_) | sea_orm::DbErr::Conn(_) => {
                tracing::error!(cause = %err, "database unreachable");
                AppError::Unavailable
            }
            other => AppError::internal(other),
        }
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Args(msg) | E::Deserialization(msg) | E::MissingArg(msg) => {
                AppError::BadRequest(msg)
            }
            E::Request(_) | E::Response(_) => AppError::Unavailable,
            _ => AppError::Internal,
        }
    }
}

/// A short form of `Result` for code at the request boundary.
pub type AppResult<T> = Result<T, AppError>;

/// Sets the HTTP status of the page being rendered on the server (nothing in the browser).
pub fn set_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(code)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(status),
    ) {
        response.set_status(code);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}
