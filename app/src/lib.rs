//! The Leptos application of the investor portal.
//!
//! Pages are rendered on the server; only the islands (`islands.rs`) are compiled into the
//! browser's WebAssembly and hydrated there. Server-only code sits behind the `ssr` feature in
//! `server/`, gated here once.

// Deeply nested view types of whole pages exceed the default depth when the server is built.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod error;
pub mod i18n;
pub mod islands;
pub mod models;
pub mod pages;
pub mod prefs;

#[cfg(feature = "ssr")]
pub mod server;

pub use app::{App, shell};
