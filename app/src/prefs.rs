//! The reader's display preferences: the unit areas are shown in. Chosen with `?unit=` on any
//! page (the server then remembers it in a cookie), read from that cookie afterwards.

use crate::models::AreaUnit;
use leptos::prelude::*;

/// The name of the cookie that remembers the unit.
pub const UNIT_COOKIE: &str = "unit";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preferences {
    pub unit: AreaUnit,
}

impl Default for Preferences {
    /// Areas in square metres, as they are entered.
    fn default() -> Self {
        Preferences { unit: AreaUnit::M2 }
    }
}

/// The `unit` parameter of a query string, if it names a unit.
pub fn unit_in_query(query: Option<&str>) -> Option<AreaUnit> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(name, _)| *name == "unit")
        .find_map(|(_, value)| value.parse().ok())
}

/// The unit cookie of a `Cookie` header, if it names a unit.
pub fn unit_in_cookies(cookies: Option<&str>) -> Option<AreaUnit> {
    cookies?
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(name, _)| *name == UNIT_COOKIE)
        .find_map(|(_, value)| value.parse().ok())
}

/// The preferences of a request: the query string wins over the cookie.
pub fn from_request(query: Option<&str>, cookies: Option<&str>) -> Preferences {
    let unit = unit_in_query(query).or_else(|| unit_in_cookies(cookies));
    unit.map_or_else(Preferences::default, |unit| Preferences { unit })
}

/// Reads the preferences of the request being rendered (the defaults in the browser).
pub fn read_preferences() -> Preferences {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        let cookies = parts.headers.get(axum::http::header::COOKIE).and_then(|v| v.to_str().ok());
        return from_request(parts.uri.query(), cookies);
    }
    Preferences::default()
}

/// The preferences provided by the language layout.
pub fn use_preferences() -> Preferences {
    use_context::<Preferences>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_wins_over_the_cookie_and_nonsense_is_ignored() {
        assert_eq!(
            from_request(Some("zone=x&unit=mu"), Some("lang=zh; unit=ha")).unit,
            AreaUnit::Mu
        );
        assert_eq!(from_request(Some("unit=acre"), Some("unit=ha")).unit, AreaUnit::Ha);
        assert_eq!(from_request(None, Some("unit=furlong")).unit, AreaUnit::M2);
    }
}
