//! Pieces shared by several pages.

pub mod chart;
pub mod inquiry_form;
pub mod layout;
pub mod listing;
pub mod page_meta;
pub mod plan;
