//! Languages: which ones the portal speaks, how a visitor's language is chosen, and text lookup.
//!
//! The languages are the folders under `locales/`: adding `locales/<lang>/` with its translations
//! adds a language, with no change of code. Each locale names itself (`language-name`) and says
//! its writing direction (`language-direction`), so a right-to-left language needs no code either.

use fluent_templates::{Loader, fluent_bundle::FluentValue, static_loader};
use leptos::prelude::*;
use std::{borrow::Cow, collections::HashMap, sync::OnceLock};

/// The language every page falls back to, and the one used for a message missing elsewhere.
pub const FALLBACK: &str = "en";

static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "en",
    };
}

/// One language the portal speaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    /// The code used in URLs and in `<html lang>`: `en`, `zh`, `ko`, `ar`.
    pub code: String,
    /// The language's name in itself, for the language switch.
    pub name: String,
    /// Whether the language is written right to left.
    pub rtl: bool,
}

impl Language {
    /// The value of the `dir` attribute for this language.
    pub fn dir(&self) -> &'static str {
        if self.rtl { "rtl" } else { "ltr" }
    }
}

/// Every language the portal speaks, the fallback first, then by code.
pub fn languages() -> &'static [Language] {
    static LANGUAGES: OnceLock<Vec<Language>> = OnceLock::new();
    LANGUAGES.get_or_init(|| {
        let mut codes: Vec<String> = LOCALES.locales().map(|l| l.to_string()).collect();
        codes.sort_by_key(|code| (code != FALLBACK, code.clone()));
        codes.dedup();
        codes
            .into_iter()
            .map(|code| Language {
                name: text(&code, "language-name"),
                rtl: text(&code, "language-direction") == "rtl",
                code,
            })
            .collect()
    })
}

/// The language with this code, if the portal speaks it.
pub fn find(code: &str) -> Option<&'static Language> {
    languages().iter().find(|l| l.code == code)
}

/// The text of message `id` in language `lang` (the fallback language's text when `lang` lacks it).
pub fn text(lang: &str, id: &str) -> String {
    text_with(lang, id, &[])
}

/// The text of message `id` in language `lang`, with its variables filled in.
pub fn text_with(lang: &str, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let lang_id = lang
        .parse()
        .unwrap_or_else(|_| FALLBACK.parse().expect("the fallback language code is valid"));
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
        args.iter().map(|(name, value)| (Cow::Owned((*name).to_owned()), value.clone())).collect();
    LOCALES.try_lookup_with_args(&lang_id, id, &args).unwrap_or_else(|| id.to_owned())
}

/// Chooses a language for a visitor who did not name one: the cookie they were given when they
/// last chose, then their browser's `Accept-Language`, then the fallback.
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> &'static Language {
    let available = languages();
    let by_code = |code: &str| available.iter().find(|l| l.code == code);
    if let Some(lang) = cookie.and_then(|c| by_code(c.trim())) {
        return lang;
    }
    let mut wanted: Vec<(f32, usize, String)> = accept_language
        .unwrap_or_default()
        .split(',')
        .enumerate()
        .filter_map(|(position, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim().to_ascii_lowercase();
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (!tag.is_empty() && quality > 0.0).then_some((quality, position, tag))
        })
        .collect();
    // Highest quality first; among equals, the order the browser sent.
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    wanted
        .iter()
        .find_map(|(_, _, tag)| {
            let primary = tag.split(['-', '_']).next().unwrap_or_default();
            by_code(tag).or_else(|| by_code(primary))
        })
        .or_else(|| by_code(FALLBACK))
        .unwrap_or(&available[0])
}

/// The language of the page being rendered, provided by the language layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locale(pub &'static Language);

/// The language of the current page (the fallback outside a language layout).
pub fn use_language() -> &'static Language {
    use_context::<Locale>().map(|l| l.0).or_else(|| find(FALLBACK)).unwrap_or(&languages()[0])
}

/// The text of message `id` in the current page's language.
pub fn t(id: &str) -> String {
    text(&use_language().code, id)
}

/// The text of message `id` in the current page's language, with variables.
pub fn t_with(id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    text_with(&use_language().code, id, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_languages_are_found_with_their_direction() {
        let codes: Vec<&str> = languages().iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["en", "ar", "ko", "zh"]);
        assert!(find("ar").expect("ar").rtl);
        assert!(!find("zh").expect("zh").rtl);
        assert_eq!(find("ko").expect("ko").name, "한국어");
    }

    #[test]
    fn a_cookie_wins_over_the_browser() {
        assert_eq!(negotiate(Some("ko"), Some("zh-CN,zh;q=0.9")).code, "ko");
    }

    #[test]
    fn an_unknown_cookie_is_ignored() {
        assert_eq!(negotiate(Some("xx"), Some("ar-AE,ar;q=0.9,en;q=0.5")).code, "ar");
    }

    #[test]
    fn accept_language_is_read_by_quality_then_order() {
        assert_eq!(negotiate(None, Some("de-DE,de;q=0.9,ko;q=0.8,en;q=0.7")).code, "ko");
        assert_eq!(negotiate(None, Some("en;q=0.5, zh-Hans-CN")).code, "zh");
        assert_eq!(negotiate(None, Some("zh-TW;q=0, ar")).code, "ar");
    }

    #[test]
    fn nothing_usable_falls_back_to_english() {
        assert_eq!(negotiate(None, None).code, "en");
        assert_eq!(negotiate(None, Some("fr-FR, *;q=0.1, ;q=oops")).code, "en");
    }

    #[test]
    fn a_missing_language_reads_the_fallback() {
        assert_eq!(text("xx", "language-name"), "English");
    }
}
