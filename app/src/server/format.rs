//! Numbers and measures as a reader of each language expects them, through ICU4X's locale data
//! (grouping, decimal separator, digits). Which ICU locale a page language formats with is said by
//! the locale itself (`language-number-locale`), so a new language needs no code here.

use crate::i18n;
use fluent_templates::fluent_bundle::FluentValue;
use icu_decimal::{DecimalFormatter, input::Decimal};
use icu_locale_core::{Locale, locale};
use std::{collections::HashMap, sync::OnceLock};

/// Square metres in one unit of each area measure the portal offers.
pub const AREA_UNITS: &[(&str, f64)] = &[
    ("ha", 10_000.0),
    ("m2", 1.0),
    // 1 mu (亩) = 10,000 / 15 m².
    ("mu", 10_000.0 / 15.0),
    // 1 pyeong (평) = 400 / 121 m².
    ("pyeong", 400.0 / 121.0),
];

fn formatter(lang: &str) -> &'static DecimalFormatter {
    static FORMATTERS: OnceLock<HashMap<String, DecimalFormatter>> = OnceLock::new();
    let formatters = FORMATTERS.get_or_init(|| {
        i18n::languages()
            .iter()
            .map(|language| {
                let tag = i18n::text(&language.code, "language-number-locale");
                let locale = Locale::try_from_str(&tag)
                    .or_else(|_| Locale::try_from_str(&language.code))
                    .unwrap_or(locale!("en"));
                let formatter = DecimalFormatter::try_new((&locale).into(), Default::default())
                    .or_else(|_| DecimalFormatter::try_new(Default::default(), Default::default()))
                    .expect("ICU4X carries data for the root locale");
                (language.code.clone(), formatter)
            })
            .collect()
    });
    formatters
        .get(lang)
        .or_else(|| formatters.get(i18n::FALLBACK))
        .expect("the fallback language is always present")
}

/// `value` rounded to `decimals` places and written for readers of `lang`.
pub fn number(lang: &str, value: f64, decimals: u8) -> String {
    let scale = 10f64.powi(i32::from(decimals));
    // Rounded in integer space so that the formatter never sees binary-float noise.
    let mut decimal = Decimal::from((value * scale).round() as i64);
    decimal.multiply_pow10(-i16::from(decimals));
    formatter(lang).format_to_string(&decimal)
}

/// An integer written for readers of `lang`.
pub fn integer(lang: &str, value: i64) -> String {
    formatter(lang).format_to_string(&Decimal::from(value))
}

/// Two sums of US dollars in the reader's steps for large amounts (`language-money-scale`:
/// millions in English and Arabic, 亿 / 억 in Chinese and Korean), each formatted, for a message
/// that names the step.
pub fn money_range(lang: &str, min_usd: i64, max_usd: i64) -> (String, String) {
    let scale = i18n::text(lang, "language-money-scale").parse::<f64>().unwrap_or(1e6);
    let (min, max) = (min_usd as f64 / scale, max_usd as f64 / scale);
    // One decimal while the amounts are small in the chosen step (2.5 亿), none beyond.
    let decimals = if max < 10.0 { 1 } else { 0 };
    (number(lang, min, decimals), number(lang, max, decimals))
}

/// An area of `square_metres` in each unit of [`AREA_UNITS`], as `(unit, label, text)`.
pub fn area_in_units(lang: &str, square_metres: i64) -> Vec<(String, String, String)> {
    AREA_UNITS
        .iter()
        .map(|(unit, size)| {
            let amount = square_metres as f64 / size;
            let decimals = if amount < 100.0 { 1 } else { 0 };
            let text = i18n::text_with(
                lang,
                &format!("unit-{unit}-amount"),
                &[("amount", FluentValue::from(number(lang, amount, decimals)))],
            );
            (unit.to_string(), i18n::text(lang, &format!("unit-{unit}")), text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_reader() {
        assert_eq!(number("en", 1_234_567.891, 1), "1,234,567.9");
        assert_eq!(integer("zh", 1_000_000), "1,000,000");
        assert_eq!(integer("ko", 52_300), "52,300");
    }

    #[test]
    fn arabic_keeps_western_digits_with_arabic_separators() {
        // Gulf business readers write 1٬250٫5 with Latin digits (ar-AE); no Arabic-Indic digits.
        let text = number("ar", 1250.5, 1);
        assert!(text.chars().all(|c| !('\u{0660}'..='\u{0669}').contains(&c)), "{text}");
        assert!(text.contains("1") && text.contains("250"), "{text}");
    }

    #[test]
    fn large_sums_follow_the_readers_steps() {
        assert_eq!(money_range("en", 250_000_000, 610_000_000), ("250".into(), "610".into()));
        assert_eq!(money_range("zh", 250_000_000, 610_000_000), ("2.5".into(), "6.1".into()));
        assert_eq!(money_range("ko", 2_500_000_000, 6_100_000_000), ("25".into(), "61".into()));
    }

    #[test]
    fn one_hectare_is_fifteen_mu_and_about_3025_pyeong() {
        let units = area_in_units("en", 10_000);
        let by_unit: HashMap<_, _> =
            units.iter().map(|(u, _, t)| (u.as_str(), t.clone())).collect();
        let strip = |s: &str| s.replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(strip(&by_unit["ha"]), "1.0 ha");
        assert_eq!(strip(&by_unit["mu"]), "15.0 mu");
        assert_eq!(strip(&by_unit["pyeong"]), "3,025 pyeong");
        assert_eq!(strip(&by_unit["m2"]), "10,000 m²");
    }
}
