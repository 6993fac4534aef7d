//! The query strings of the public lists, a public interface: `q`, `zone`, `kind`, `tenure`,
//! `availability`, `side`, `min_area`, `max_area`, `min_power`, `sort`, `page` for sites, and
//! `q`, `sector`, `stage`, `side`, `min_capex`, `max_capex`, `sort`, `page` for opportunities.
//! Parsing is forgiving: an empty value is no filter, a malformed one is dropped and named in
//! `invalid`, so that the page says which filter was ignored instead of failing.

use super::{Availability, OpportunitySide, Sector, Side, SiteKind, Stage, Tenure, Zone};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The longest search text kept.
pub const MAX_QUERY_CHARS: usize = 100;
/// The highest page number accepted (deeper pages are refused rather than scanned).
pub const MAX_PAGE: u32 = 1000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SiteSort {
    #[default]
    Newest,
    AreaDesc,
    AreaAsc,
    PriceAsc,
}

impl SiteSort {
    pub const ALL: &'static [SiteSort] =
        &[SiteSort::Newest, SiteSort::AreaDesc, SiteSort::AreaAsc, SiteSort::PriceAsc];

    pub fn as_str(self) -> &'static str {
        match self {
            SiteSort::Newest => "newest",
            SiteSort::AreaDesc => "area-desc",
            SiteSort::AreaAsc => "area-asc",
            SiteSort::PriceAsc => "price-asc",
        }
    }

    pub fn message_id(self) -> String {
        format!("sort-{}", self.as_str())
    }
}

impl FromStr for SiteSort {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        SiteSort::ALL.iter().copied().find(|sort| sort.as_str() == s).ok_or(())
    }
}

/// A parsed sites query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteQuery {
    pub q: String,
    pub zone: Option<Zone>,
    pub kind: Option<SiteKind>,
    pub tenure: Option<Tenure>,
    pub availability: Option<Availability>,
    pub side: Option<Side>,
    pub min_area: Option<i32>,
    pub max_area: Option<i32>,
    pub min_power: Option<i32>,
    pub sort: SiteSort,
    pub page: u32,
    /// The names of the parameters whose values could not be read.
    pub invalid: Vec<String>,
}

/// A parsed opportunities query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityQuery {
    pub q: String,
    pub sector: Option<Sector>,
    pub stage: Option<Stage>,
    pub side: Option<OpportunitySide>,
    pub min_capex: Option<i64>,
    pub max_capex: Option<i64>,
    pub page: u32,
    pub invalid: Vec<String>,
}

/// Reads the parameters one by one, remembering those it could not read.
struct Reader<'a> {
    pairs: &'a [(String, String)],
    invalid: Vec<String>,
}

impl Reader<'_> {
    fn raw(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim())
            .filter(|value| !value.is_empty())
    }

    fn parse<T: FromStr>(&mut self, name: &str) -> Option<T> {
        let raw = self.raw(name)?;
        match raw.parse() {
            Ok(value) => Some(value),
            Err(_) => {
                self.invalid.push(name.to_owned());
                None
            }
        }
    }

    /// A non-negative number (grouping commas and spaces allowed), capped at `max`.
    fn amount<T: FromStr + PartialOrd + Default + Copy>(
        &mut self,
        name: &str,
        max: T,
    ) -> Option<T> {
        let raw: String =
            self.raw(name)?.chars().filter(|c| !matches!(c, ',' | ' ' | '_')).collect();
        match raw.parse::<T>() {
            Ok(value) if value >= T::default() => Some(if value > max { max } else { value }),
            _ => {
                self.invalid.push(name.to_owned());
                None
            }
        }
    }

    fn page(&mut self) -> u32 {
        match self.raw("page").map(str::parse::<u32>) {
            None => 1,
            Some(Ok(page)) if (1..=MAX_PAGE).contains(&page) => page,
            Some(_) => {
                self.invalid.push("page".to_owned());
                1
            }
        }
    }

    fn text(&self) -> String {
        self.raw("q")
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_QUERY_CHARS)
            .collect()
    }
}

impl SiteQuery {
    /// Reads a sites query from decoded query-string pairs (the last of a repeated name wins).
    pub fn parse(pairs: &[(String, String)]) -> Self {
        let mut r = Reader { pairs, invalid: Vec::new() };
        let mut query = SiteQuery {
            q: r.text(),
            zone: r.parse("zone"),
            kind: r.parse("kind"),
            tenure: r.parse("tenure"),
            availability: r.parse("availability"),
            side: r.parse("side"),
            min_area: r.amount("min_area", i32::MAX),
            max_area: r.amount("max_area", i32::MAX),
            min_power: r.amount("min_power", i32::MAX),
            sort: r.parse("sort").unwrap_or_default(),
            page: r.page(),
            invalid: Vec::new(),
        };
        query.invalid = r.invalid;
        query
    }

    /// The query string of this query on another page (`page` = 1 is left out).
    pub fn to_query_string(&self, page: u32) -> String {
        let name = |v: Option<&str>| v.map(str::to_owned);
        query_string(
            &self.q,
            vec![
                ("zone", name(self.zone.map(Zone::as_str))),
                ("kind", name(self.kind.map(SiteKind::as_str))),
                ("tenure", name(self.tenure.map(Tenure::as_str))),
                ("availability", name(self.availability.map(Availability::as_str))),
                ("side", name(self.side.map(Side::as_str))),
                ("min_area", self.min_area.map(|v| v.to_string())),
                ("max_area", self.max_area.map(|v| v.to_string())),
                ("min_power", self.min_power.map(|v| v.to_string())),
                ("sort", (self.sort != SiteSort::default()).then(|| self.sort.as_str().to_owned())),
            ],
            page,
        )
    }
}

impl OpportunityQuery {
    pub fn parse(pairs: &[(String, String)]) -> Self {
        let mut r = Reader { pairs, invalid: Vec::new() };
        let mut query = OpportunityQuery {
            q: r.text(),
            sector: r.parse("sector"),
            stage: r.parse("stage"),
            side: r.parse("side"),
            min_capex: r.amount("min_capex", i64::MAX),
            max_capex: r.amount("max_capex", i64::MAX),
            page: r.page(),
            invalid: Vec::new(),
        };
        query.invalid = r.invalid;
        query
    }

    pub fn to_query_string(&self, page: u32) -> String {
        let name = |v: Option<&str>| v.map(str::to_owned);
        query_string(
            &self.q,
            vec![
                ("sector", name(self.sector.map(Sector::as_str))),
                ("stage", name(self.stage.map(Stage::as_str))),
                ("side", name(self.side.map(OpportunitySide::as_str))),
                ("min_capex", self.min_capex.map(|v| v.to_string())),
                ("max_capex", self.max_capex.map(|v| v.to_string())),
            ],
            page,
        )
    }
}

/// The query string of a list: the search text, the filters that are set, and the page (left
/// out when it is the first).
fn query_string(q: &str, filters: Vec<(&str, Option<String>)>, page: u32) -> String {
    let mut parts: Vec<(&str, String)> = Vec::new();
    if !q.is_empty() {
        parts.push(("q", q.to_owned()));
    }
    parts.extend(filters.into_iter().filter_map(|(name, value)| Some((name, value?))));
    if page > 1 {
        parts.push(("page", page.to_string()));
    }
    encode(&parts)
}

/// `?a=1&b=x%20y`, or an empty string for no parts.
pub fn encode(parts: &[(&str, String)]) -> String {
    if parts.is_empty() {
        return String::new();
    }
    let body: Vec<String> =
        parts.iter().map(|(name, value)| format!("{name}={}", percent_encode(value))).collect();
    format!("?{}", body.join("&"))
}

fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_full_sites_query_is_read() {
        let query = SiteQuery::parse(&pairs(&[
            ("q", " cold store "),
            ("zone", "food_agro"),
            ("kind", "warehouse"),
            ("tenure", "lease"),
            ("availability", "available"),
            ("side", "kz"),
            ("min_area", "10,000"),
            ("max_area", "60000"),
            ("min_power", "500"),
            ("sort", "area-desc"),
            ("page", "2"),
        ]));
        assert_eq!(query.q, "cold store");
        assert_eq!(query.zone, Some(Zone::FoodAgro));
        assert_eq!(query.side, Some(Side::Kz));
        assert_eq!(
            (query.min_area, query.max_area, query.min_power),
            (Some(10_000), Some(60_000), Some(500))
        );
        assert_eq!((query.sort, query.page), (SiteSort::AreaDesc, 2));
        assert!(query.invalid.is_empty());
    }

    #[test]
    fn malformed_values_are_dropped_and_named() {
        let query = SiteQuery::parse(&pairs(&[
            ("zone", "moon"),
            ("min_area", "-5"),
            ("max_area", "lots"),
            ("page", "0"),
            ("sort", "cheapest"),
            ("side", ""),
        ]));
        assert_eq!(
            query,
            SiteQuery {
                page: 1,
                invalid: vec![
                    "zone".into(),
                    "min_area".into(),
                    "max_area".into(),
                    "sort".into(),
                    "page".into()
                ],
                ..SiteQuery::default()
            }
        );
    }

    #[test]
    fn search_text_is_trimmed_cleaned_and_bounded() {
        let long = "仓".repeat(300);
        let query = SiteQuery::parse(&pairs(&[("q", &long)]));
        assert_eq!(query.q.chars().count(), MAX_QUERY_CHARS);
        let query = SiteQuery::parse(&pairs(&[("q", "a\u{0}b\r\nc")]));
        assert_eq!(query.q, "abc");
    }

    #[test]
    fn a_query_writes_back_to_its_query_string() {
        let query =
            SiteQuery::parse(&pairs(&[("q", "冷库 B"), ("zone", "warehousing"), ("page", "3")]));
        assert_eq!(query.to_query_string(2), "?q=%E5%86%B7%E5%BA%93%20B&zone=warehousing&page=2");
        assert_eq!(query.to_query_string(1), "?q=%E5%86%B7%E5%BA%93%20B&zone=warehousing");
        assert_eq!(SiteQuery::default().to_query_string(1), "");
    }

    #[test]
    fn opportunity_queries_cap_amounts() {
        let query = OpportunityQuery::parse(&pairs(&[
            ("sector", "logistics"),
            ("min_capex", "99999999999999999999"),
        ]));
        assert_eq!(query.sector, Some(Sector::Logistics));
        assert!(query.invalid.contains(&"min_capex".to_owned()));
    }
}
