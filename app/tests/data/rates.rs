//! Exchange rates as staff set them and as the pages read them.

use crate::on_both;
use crate::support::{Backend, migrated};
use app::models::Currency;
use app::server::rates::{Money, RateError, Rates, load, set_rate};
use chrono::{Duration, NaiveDate, Utc};

on_both!(a_rate_is_set_replaced_and_read_back, |backend: Backend| async move {
    let test = migrated(backend).await;
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("a date");
    assert!(load(&test.db).await.expect("load").is_empty());

    set_rate(&test.db, Currency::Krw, 1_390.0, day(20), None).await.expect("set");
    set_rate(&test.db, Currency::Eur, 0.92, day(20), None).await.expect("set");
    set_rate(&test.db, Currency::Krw, 1_402.5, day(25), None).await.expect("replaced");
    let rates = load(&test.db).await.expect("load");
    assert_eq!(rates.len(), 2, "one row per currency");
    assert_eq!(
        rates[&Currency::Krw],
        Money { currency: Currency::Krw, per_usd: 1_402.5, as_of: Some(day(25)) }
    );

    // What the pages use: loaded once, refreshed after a change.
    let shown = Rates::load(&test.db).await.expect("rates");
    assert_eq!(shown.offered(), vec![Currency::Usd, Currency::Krw, Currency::Eur]);
    assert_eq!(shown.money(Currency::Cny), Money::USD, "no rate: dollars");
    set_rate(&test.db, Currency::Cny, 7.12, day(26), None).await.expect("set");
    assert_eq!(shown.money(Currency::Cny), Money::USD, "not yet reread");
    shown.refresh(&test.db).await.expect("refresh");
    assert_eq!(shown.money(Currency::Cny).per_usd, 7.12);
});

on_both!(impossible_rates_are_refused_and_change_nothing, |backend: Backend| async move {
    let test = migrated(backend).await;
    let today = Utc::now().date_naive();
    set_rate(&test.db, Currency::Kzt, 505.0, today, None).await.expect("set");
    for (currency, rate, date) in [
        (Currency::Usd, 1.0, today),
        (Currency::Kzt, 0.0, today),
        (Currency::Kzt, -505.0, today),
        (Currency::Kzt, f64::NAN, today),
        (Currency::Kzt, f64::INFINITY, today),
        (Currency::Kzt, 1e9, today),
        (Currency::Kzt, 510.0, today + Duration::days(2)),
    ] {
        let refused = set_rate(&test.db, currency, rate, date, None).await;
        assert!(
            matches!(
                refused,
                Err(RateError::Dollar | RateError::OutOfRange | RateError::FutureDate(_))
            ),
            "{currency} {rate} {date}: {refused:?}"
        );
    }
    let rates = load(&test.db).await.expect("load");
    assert_eq!(rates.len(), 1);
    assert_eq!(rates[&Currency::Kzt].per_usd, 505.0);
});
