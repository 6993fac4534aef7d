//! Types that the browser may see: the vocabulary of the domain and the view models that server
//! functions return. Nothing secret lives here (no password hashes, no tokens).

mod countries;
mod inquiry;
mod listing;
mod query;
mod vocabulary;

pub use countries::*;
pub use inquiry::*;
pub use listing::*;
pub use query::*;
pub use vocabulary::*;

use serde::{Deserialize, Serialize};

/// A figure shown in several units, each already formatted for the page's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureInUnits {
    /// `(unit code, unit label, formatted value)`, the default unit first.
    pub units: Vec<(String, String, String)>,
}

/// What the home page shows about the center, formatted for the page's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeFigures {
    pub land_area: FigureInUnits,
    pub sites_published: String,
    pub sites_available: String,
    pub opportunities_published: String,
    pub capex_sought: String,
}

/// An investment desk as the contact page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskView {
    pub name: String,
    pub emails: Vec<String>,
}

/// One bar of the chart of available land: a zone, with its area on each side of the border.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaBar {
    pub zone: String,
    pub kz: String,
    pub uz: String,
    /// The share of the longest bar, in per cent, of each side's part.
    pub kz_percent: u32,
    pub uz_percent: u32,
}
