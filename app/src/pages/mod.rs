//! One file per page.

pub mod about_page;
pub mod compare_page;
pub mod contact_page;
pub mod home_page;
pub mod inquire_page;
pub mod not_found_page;
pub mod open_data_page;
pub mod opportunities_page;
pub mod opportunity_page;
pub mod site_page;
pub mod sites_page;
pub mod tracking_page;
