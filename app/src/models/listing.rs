//! What the public listing pages receive from the server, already formatted for their language.

use super::{Availability, OpportunityQuery, SiteQuery};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    pub url: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

/// A label and its value, for specification tables and cards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spec {
    pub label: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteCard {
    pub slug: String,
    pub code: String,
    pub title: String,
    pub summary: String,
    pub availability: Availability,
    pub facts: Vec<Spec>,
    pub photo: Option<Photo>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SitesPage {
    pub query: SiteQuery,
    pub cards: Vec<SiteCard>,
    pub total: u64,
    pub page: u32,
    pub pages: u32,
}

/// A link to another listing, with its title and summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingLink {
    pub href: String,
    pub code: String,
    pub title: String,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteDetail {
    pub slug: String,
    pub code: String,
    pub title: String,
    pub summary: String,
    pub paragraphs: Vec<String>,
    pub availability: Availability,
    pub specs: Vec<Spec>,
    pub regime_description: String,
    pub photos: Vec<Photo>,
    pub opportunities: Vec<ListingLink>,
    /// schema.org structured data for search engines.
    pub json_ld: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityCard {
    pub slug: String,
    pub code: String,
    pub title: String,
    pub summary: String,
    pub facts: Vec<Spec>,
    pub photo: Option<Photo>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunitiesPage {
    pub query: OpportunityQuery,
    pub cards: Vec<OpportunityCard>,
    pub total: u64,
    pub page: u32,
    pub pages: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityDetail {
    pub slug: String,
    pub code: String,
    pub title: String,
    pub summary: String,
    pub paragraphs: Vec<String>,
    pub incentives: Vec<String>,
    pub specs: Vec<Spec>,
    pub photos: Vec<Photo>,
    pub sites: Vec<ListingLink>,
    /// schema.org structured data for search engines.
    pub json_ld: String,
}

/// One plot on the plan of the center.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPlot {
    pub href: String,
    pub code: String,
    pub title: String,
    /// SVG polygon points on the 1000 × 600 plan.
    pub points: String,
    pub availability: Availability,
    /// Where the code is written: the middle of the outline.
    pub label_x: i32,
    pub label_y: i32,
    pub highlighted: bool,
}
