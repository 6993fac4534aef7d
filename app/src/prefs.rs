//! The reader's display preferences: the unit areas are shown in and the currency sums are
//! shown in. Chosen with `?unit=` or `?currency=` on any page (the server then remembers the
//! choice in a cookie), read from that cookie afterwards.

use crate::models::{AreaUnit, Currency};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The name of the cookie (and of the query parameter) that remembers the unit.
pub const UNIT_COOKIE: &str = "unit";
/// The name of the cookie (and of the query parameter) that remembers the currency.
pub const CURRENCY_COOKIE: &str = "currency";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    pub unit: AreaUnit,
    pub currency: Currency,
}

impl Default for Preferences {
    /// Areas in square metres and sums in US dollars, as they are entered.
    fn default() -> Self {
        Preferences { unit: AreaUnit::M2, currency: Currency::Usd }
    }
}

/// The value of parameter `name` in a query string, if it is one of `T` (case aside).
pub fn in_query<T: FromStr>(query: Option<&str>, name: &str) -> Option<T> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(key, _)| *key == name)
        .find_map(|(_, value)| value.to_ascii_lowercase().parse().ok())
}

/// The value of cookie `name` in a `Cookie` header, if it is one of `T`.
pub fn in_cookies<T: FromStr>(cookies: Option<&str>, name: &str) -> Option<T> {
    cookies?
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(key, _)| *key == name)
        .find_map(|(_, value)| value.parse().ok())
}

/// The preferences of a request: the query string wins over the cookies.
pub fn from_request(query: Option<&str>, cookies: Option<&str>) -> Preferences {
    let defaults = Preferences::default();
    Preferences {
        unit: in_query(query, UNIT_COOKIE)
            .or_else(|| in_cookies(cookies, UNIT_COOKIE))
            .unwrap_or(defaults.unit),
        currency: in_query(query, CURRENCY_COOKIE)
            .or_else(|| in_cookies(cookies, CURRENCY_COOKIE))
            .unwrap_or(defaults.currency),
    }
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

/// The name of the cookie that keeps the listings "added to my inquiry", as codes joined by `.`.
pub const BASKET_COOKIE: &str = "inquiry";
/// The listings one inquiry may gather.
pub const BASKET_MAX: usize = 10;

/// The `Cookie` header of the request being rendered.
fn request_cookies() -> Option<String> {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        return parts
            .headers
            .get(axum::http::header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
    }
    None
}

/// Whether `code` looks like a listing code (`KZ-P1`, `OPP-AGRO-03`).
pub fn is_listing_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 24
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The listings in the basket cookie of a `Cookie` header.
pub fn basket_in(cookies: Option<&str>) -> Vec<String> {
    let raw: String = in_cookies(cookies, BASKET_COOKIE).unwrap_or_default();
    let mut codes: Vec<String> = Vec::new();
    for code in raw.split('.').map(str::to_ascii_uppercase) {
        if is_listing_code(&code) && !codes.contains(&code) && codes.len() < BASKET_MAX {
            codes.push(code);
        }
    }
    codes
}

/// The listings the visitor added to their inquiry.
pub fn basket() -> Vec<String> {
    basket_in(request_cookies().as_deref())
}

/// A campaign parameter's value as kept in a cookie: letters, digits, `.`, `_` and `-`, at most
/// 100 characters; anything else is not kept.
pub fn campaign_value(value: &str) -> Option<String> {
    (!value.is_empty()
        && value.len() <= 100
        && value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    .then(|| value.to_owned())
}

/// The campaign parameters (`utm_source`, `utm_medium`, `utm_campaign`) of the link the visitor
/// arrived by, which the server remembered in cookies of the same names.
pub fn remembered_campaign() -> Vec<(String, String)> {
    let cookies = request_cookies();
    ["utm_source", "utm_medium", "utm_campaign"]
        .into_iter()
        .filter_map(|name| {
            let value: String = in_cookies(cookies.as_deref(), name)?;
            campaign_value(&value).map(|value| (name.to_owned(), value))
        })
        .collect()
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

    #[test]
    fn the_basket_keeps_valid_codes_once() {
        assert_eq!(
            basket_in(Some("lang=en; inquiry=KZ-P1.uz-l2.KZ-P1.bad code.<x>")),
            vec!["KZ-P1".to_owned(), "UZ-L2".to_owned()]
        );
        assert!(basket_in(None).is_empty());
    }

    #[test]
    fn the_currency_is_chosen_the_same_way_in_either_case() {
        let prefs = from_request(Some("currency=KRW"), Some("currency=eur; unit=ha"));
        assert_eq!((prefs.currency, prefs.unit), (Currency::Krw, AreaUnit::Ha));
        assert_eq!(from_request(None, Some("currency=eur")).currency, Currency::Eur);
        assert_eq!(from_request(Some("currency=btc"), None).currency, Currency::Usd);
    }
}
