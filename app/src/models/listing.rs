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
    /// The sites of this page on the plan of the center: the plan draws what the page lists, so
    /// that its cost grows with the page, never with the number of sites published.
    pub plots: Vec<PlanPlot>,
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
    /// The address of the site's PDF brochure, when it has one.
    pub brochure: Option<String>,
    pub opportunities: Vec<ListingLink>,
    /// The site on the plan of the center, marked.
    pub plot: PlanPlot,
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

/// One site in the comparison table: its specifications in the same order as every other's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareColumn {
    pub href: String,
    pub code: String,
    pub title: String,
    pub specs: Vec<Spec>,
}

/// The most sites compared side by side.
pub const MAX_COMPARED: usize = 4;

/// The site codes named by a compare URL: `?sites=KZ-P1,UZ-P2` or `?sites=KZ-P1&sites=UZ-P2`,
/// upper-cased, without duplicates, at most [`MAX_COMPARED`].
pub fn compared_codes(pairs: &[(String, String)]) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for (_, value) in pairs.iter().filter(|(key, _)| key == "sites") {
        for code in value.split(',') {
            let code: String = code.trim().chars().take(32).collect::<String>().to_uppercase();
            if !code.is_empty() && !codes.contains(&code) {
                codes.push(code);
            }
        }
    }
    codes.truncate(MAX_COMPARED);
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_urls_name_up_to_four_distinct_codes() {
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
        };
        assert_eq!(compared_codes(&pairs(&[("sites", "kz-p1, UZ-P2")])), ["KZ-P1", "UZ-P2"]);
        assert_eq!(
            compared_codes(&pairs(&[("sites", "KZ-P1"), ("sites", "kz-p1"), ("x", "UZ-P1")])),
            ["KZ-P1"]
        );
        assert_eq!(compared_codes(&pairs(&[("sites", "A,B,C,D,E")])).len(), MAX_COMPARED);
    }
}
