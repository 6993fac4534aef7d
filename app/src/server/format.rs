//! Numbers and measures as a reader of each language expects them, through ICU4X's locale data
//! (grouping, decimal separator, digits). Which ICU locale a page language formats with is said by
//! the locale itself (`language-number-locale`), so a new language needs no code here.

use super::rates::Money;
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

/// The step in which a reader of `lang` writes a sum of `amount`: the largest of the locale's
/// `language-money-scales` that fits (a million in English; 亿, then 万 in Chinese).
fn money_scale(lang: &str, amount: f64) -> f64 {
    let mut scales: Vec<f64> = i18n::text(lang, "language-money-scales")
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect();
    scales.sort_by(|a, b| b.total_cmp(a));
    scales.into_iter().find(|scale| amount >= *scale).unwrap_or(1.0)
}

/// `value` with as many decimals (up to `max`) as it takes to show three significant digits,
/// and no trailing zeros.
fn short_number(lang: &str, value: f64, max_decimals: u8) -> String {
    let wanted = if value < 10.0 {
        2
    } else if value < 100.0 {
        1
    } else {
        0
    };
    let mut decimals = wanted.min(max_decimals);
    while decimals > 0 {
        let scale = 10f64.powi(i32::from(decimals) - 1);
        let coarser = (value * scale).round() / scale;
        if ((coarser - value) * scale * 10.0).abs() >= 0.5 {
            break;
        }
        decimals -= 1;
    }
    number(lang, value, decimals)
}

/// The word (or code) for `money`'s currency inside a sum, in `lang`.
fn currency_word(lang: &str, money: &Money) -> FluentValue<'static> {
    FluentValue::from(i18n::text(lang, &format!("{}-unit", money.currency.message_id())))
}

/// A sum entered as `usd` US dollars, in `money`'s currency, as a reader of `lang` writes it
/// (`USD 1.65 million`, `165 万美元`, `27.8억 원`).
pub fn money(lang: &str, money: &Money, usd: i64) -> String {
    let amount = money.convert(usd as f64);
    let scale = money_scale(lang, amount);
    let decimals = if scale > 1.0 { 2 } else { 0 };
    i18n::text_with(
        lang,
        "money",
        &[
            ("amount", FluentValue::from(short_number(lang, amount / scale, decimals))),
            ("scale", FluentValue::from(scale)),
            ("currency", currency_word(lang, money)),
        ],
    )
}

/// A range entered in US dollars, in `money`'s currency and in one step, chosen by its upper end
/// (`USD 170–338 million`).
pub fn money_range(lang: &str, money: &Money, min_usd: i64, max_usd: i64) -> String {
    let (min, max) = (money.convert(min_usd as f64), money.convert(max_usd as f64));
    let scale = money_scale(lang, max);
    let decimals = if scale > 1.0 { 2 } else { 0 };
    i18n::text_with(
        lang,
        "money-range",
        &[
            ("min", FluentValue::from(short_number(lang, min / scale, decimals))),
            ("max", FluentValue::from(short_number(lang, max / scale, decimals))),
            ("scale", FluentValue::from(scale)),
            ("currency", currency_word(lang, money)),
        ],
    )
}

/// A small sum such as a rate per square metre: cents shown below 100 units, none above
/// (`USD 4.50`, `6,255원`).
pub fn price(lang: &str, money: &Money, usd: f64) -> String {
    let amount = money.convert(usd);
    let decimals = if amount < 100.0 { 2 } else { 0 };
    i18n::text_with(
        lang,
        "money",
        &[
            ("amount", FluentValue::from(number(lang, amount, decimals))),
            ("scale", FluentValue::from(1)),
            ("currency", currency_word(lang, money)),
        ],
    )
}

/// Square metres in one `unit`.
pub fn square_metres_per(unit: crate::models::AreaUnit) -> f64 {
    AREA_UNITS.iter().find(|(u, _)| *u == unit.as_str()).map_or(1.0, |(_, size)| *size)
}

/// An area in the reader's chosen unit (`26,000 m²`, `2.6 ha`, `39 亩`, `7,865평`).
pub fn area(lang: &str, unit: crate::models::AreaUnit, square_metres: i64) -> String {
    let amount = square_metres as f64 / square_metres_per(unit);
    let decimals = match unit {
        crate::models::AreaUnit::Ha | crate::models::AreaUnit::Mu if amount < 100.0 => 1,
        _ => 0,
    };
    i18n::text_with(
        lang,
        &format!("unit-{}-amount", unit.as_str()),
        &[("amount", FluentValue::from(number(lang, amount, decimals)))],
    )
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

    fn plain(text: String) -> String {
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    const USD: &Money = &Money::USD;

    fn at(currency: crate::models::Currency, per_usd: f64) -> Money {
        Money { currency, per_usd, as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 20) }
    }

    #[test]
    fn sums_of_money_follow_the_readers_steps() {
        assert_eq!(plain(money("en", USD, 840_000)), "USD 840,000");
        assert_eq!(plain(money("en", USD, 1_650_000)), "USD 1.65 million");
        assert_eq!(plain(money("en", USD, 60_000_000)), "USD 60 million");
        assert_eq!(plain(money("en", USD, 10_000_000_000)), "USD 10 billion");
        assert_eq!(plain(money("zh", USD, 840_000)), "84 万美元");
        assert_eq!(plain(money("zh", USD, 250_000_000)), "2.5 亿美元");
        assert_eq!(plain(money("ko", USD, 2_000_000)), "200만 달러");
        assert_eq!(plain(money("ar", USD, 1_500_000)), "1.5 مليون دولار أمريكي");
    }

    #[test]
    fn ranges_share_one_step() {
        assert_eq!(plain(money_range("en", USD, 170_000_000, 338_000_000)), "USD 170–338 million");
        assert_eq!(plain(money_range("zh", USD, 170_000_000, 338_000_000)), "1.7–3.38 亿美元");
        assert_eq!(plain(money_range("ko", USD, 5_000_000, 12_000_000)), "500만~1,200만 달러");
    }

    #[test]
    fn sums_are_converted_at_the_rate_and_written_in_the_readers_words() {
        use crate::models::Currency;
        let krw = at(Currency::Krw, 1_390.0);
        assert_eq!(plain(money("ko", &krw, 2_000_000)), "27.8억 원");
        assert_eq!(plain(money("en", &krw, 2_000_000)), "KRW 2.78 billion");
        let cny = at(Currency::Cny, 7.12);
        assert_eq!(plain(money("zh", &cny, 1_000_000)), "712 万元人民币");
        let eur = at(Currency::Eur, 0.92);
        assert_eq!(plain(money_range("en", &eur, 5_000_000, 12_000_000)), "EUR 4.6–11 million");
        assert_eq!(plain(price("en", &eur, 4.5)), "EUR 4.14");
        assert_eq!(plain(price("ko", &krw, 4.5)), "6,255원");
        let aed = at(Currency::Aed, 3.6725);
        assert_eq!(plain(money("ar", &aed, 1_000_000)), "3.67 مليون درهم إماراتي");
    }

    #[test]
    fn areas_follow_the_chosen_unit() {
        use crate::models::AreaUnit;
        assert_eq!(plain(area("en", AreaUnit::M2, 26_000)), "26,000 m²");
        assert_eq!(plain(area("en", AreaUnit::Ha, 26_000)), "2.6 ha");
        assert_eq!(plain(area("zh", AreaUnit::Mu, 26_000)), "39.0 亩");
        assert_eq!(plain(area("ko", AreaUnit::Pyeong, 26_000)), "7,865평");
    }

    #[test]
    fn one_hectare_is_fifteen_mu_and_about_3025_pyeong() {
        let units = area_in_units("en", 10_000);
        let by_unit: HashMap<_, _> =
            units.iter().map(|(u, _, t)| (u.as_str(), t.clone())).collect();
        assert_eq!(plain(by_unit["ha"].clone()), "1.0 ha");
        assert_eq!(plain(by_unit["mu"].clone()), "15.0 mu");
        assert_eq!(plain(by_unit["pyeong"].clone()), "3,025 pyeong");
        assert_eq!(plain(by_unit["m2"].clone()), "10,000 m²");
    }
}
