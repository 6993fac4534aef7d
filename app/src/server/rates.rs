//! Exchange rates: staff set how many units of each currency one US dollar buys, and from which
//! day; every sum on the public pages can then be read in the reader's currency.
//!
//! The rates are few and read on every page, so each server process keeps them in memory and
//! reloads them from the database after a change it makes and at a short interval (other
//! processes, or the command line, may change them too).

use super::entities::exchange_rate;
use crate::models::Currency;
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, Set, sea_query::OnConflict,
};
use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
};

/// How sums are shown: in a currency at a rate (one per US dollar), set on a day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Money {
    pub currency: Currency,
    pub per_usd: f64,
    /// The day the rate was set from; `None` for US dollars, which need no rate.
    pub as_of: Option<NaiveDate>,
}

impl Money {
    /// US dollars, as amounts are entered.
    pub const USD: Money = Money { currency: Currency::Usd, per_usd: 1.0, as_of: None };

    /// `usd` dollars in this currency.
    pub fn convert(&self, usd: f64) -> f64 {
        usd * self.per_usd
    }
}

impl Default for Money {
    fn default() -> Self {
        Money::USD
    }
}

/// A rate that cannot be stored.
#[derive(Debug, thiserror::Error)]
pub enum RateError {
    #[error("US dollars need no rate: every amount is entered in US dollars")]
    Dollar,
    #[error("'{0}' is not a rate: write how many units one US dollar buys, such as 7.12")]
    NotANumber(String),
    #[error("a rate must be more than 0 and less than 10,000,000 units per US dollar")]
    OutOfRange,
    #[error("the rate's date {0} is in the future")]
    FutureDate(NaiveDate),
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Reads a rate as staff type it (`7.12`, `12,650`, `1 390.5`).
pub fn parse_rate(text: &str) -> Result<f64, RateError> {
    let cleaned: String = text.chars().filter(|c| !matches!(c, ',' | ' ' | '_')).collect();
    let value: f64 = cleaned.parse().map_err(|_| RateError::NotANumber(text.to_owned()))?;
    if !value.is_finite() || value <= 0.0 || value >= 10_000_000.0 {
        return Err(RateError::OutOfRange);
    }
    Ok(value)
}

/// Stores the rate of `currency` from `as_of`, replacing the one before.
pub async fn set_rate(
    db: &impl ConnectionTrait,
    currency: Currency,
    per_usd: f64,
    as_of: NaiveDate,
    by: Option<i32>,
) -> Result<(), RateError> {
    if currency == Currency::Usd {
        return Err(RateError::Dollar);
    }
    if !per_usd.is_finite() || per_usd <= 0.0 || per_usd >= 10_000_000.0 {
        return Err(RateError::OutOfRange);
    }
    if as_of > Utc::now().date_naive() {
        return Err(RateError::FutureDate(as_of));
    }
    let row = exchange_rate::ActiveModel {
        currency: Set(currency.as_str().to_owned()),
        per_usd: Set(per_usd),
        as_of: Set(as_of),
        updated_by: Set(by),
        updated_at: Set(Utc::now()),
    };
    exchange_rate::Entity::insert(row)
        .on_conflict(
            OnConflict::column(exchange_rate::Column::Currency)
                .update_columns([
                    exchange_rate::Column::PerUsd,
                    exchange_rate::Column::AsOf,
                    exchange_rate::Column::UpdatedBy,
                    exchange_rate::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// Every stored rate, by currency (rows naming a currency the portal no longer offers are skipped).
pub async fn load(db: &DatabaseConnection) -> Result<HashMap<Currency, Money>, DbErr> {
    Ok(exchange_rate::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|row| {
            let currency: Currency = row.currency.parse().ok()?;
            Some((currency, Money { currency, per_usd: row.per_usd, as_of: Some(row.as_of) }))
        })
        .collect())
}

/// The rates a server process shows, shared by every request.
#[derive(Clone, Debug, Default)]
pub struct Rates(Arc<RwLock<HashMap<Currency, Money>>>);

impl Rates {
    /// Reads the rates from the database.
    pub async fn load(db: &DatabaseConnection) -> Result<Self, DbErr> {
        Ok(Rates(Arc::new(RwLock::new(load(db).await?))))
    }

    /// Replaces the rates in memory with those in the database.
    pub async fn refresh(&self, db: &DatabaseConnection) -> Result<(), DbErr> {
        let fresh = load(db).await?;
        match self.0.write() {
            Ok(mut rates) => *rates = fresh,
            Err(poisoned) => *poisoned.into_inner() = fresh,
        }
        Ok(())
    }

    /// How to show sums to a reader who chose `currency`: US dollars when no rate is set for it.
    pub fn money(&self, currency: Currency) -> Money {
        if currency == Currency::Usd {
            return Money::USD;
        }
        let rates = self.0.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        rates.get(&currency).copied().unwrap_or(Money::USD)
    }

    /// The currencies a reader can choose: US dollars and each one with a rate, in the
    /// vocabulary's order.
    pub fn offered(&self) -> Vec<Currency> {
        let rates = self.0.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        Currency::ALL
            .iter()
            .copied()
            .filter(|c| *c == Currency::Usd || rates.contains_key(c))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_read_as_staff_type_them() {
        assert_eq!(parse_rate("7.12").ok(), Some(7.12));
        assert_eq!(parse_rate("12,650").ok(), Some(12_650.0));
        assert_eq!(parse_rate("1 390.5").ok(), Some(1_390.5));
        assert!(matches!(parse_rate("seven"), Err(RateError::NotANumber(_))));
        assert!(matches!(parse_rate("0"), Err(RateError::OutOfRange)));
        assert!(matches!(parse_rate("-3"), Err(RateError::OutOfRange)));
        assert!(matches!(parse_rate("NaN"), Err(RateError::OutOfRange)));
        assert!(matches!(parse_rate("inf"), Err(RateError::OutOfRange)));
    }

    #[test]
    fn a_currency_without_a_rate_is_shown_in_dollars() {
        let rates = Rates::default();
        assert_eq!(rates.money(Currency::Eur), Money::USD);
        assert_eq!(rates.offered(), vec![Currency::Usd]);
    }
}
