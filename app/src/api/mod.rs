//! Server functions, the portal's public HTTP API, grouped by area. Each returns only public
//! data, already formatted for the language it was asked in.

pub mod contact;
pub mod home;
pub mod inquiry;
pub mod listings;
