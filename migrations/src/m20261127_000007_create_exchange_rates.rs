//! Exchange rates that staff set, so that investors can read every sum in their own currency.
//! Amounts are entered in US dollars; a rate says how many units of a currency one dollar buys,
//! and from which day the center uses it.

use crate::{drop_tables, fk};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ExchangeRate {
    Table,
    /// The currency's code in lower case (`cny`, `krw`…), as the portal's vocabulary writes it.
    Currency,
    /// Units of the currency for one US dollar.
    PerUsd,
    /// The day from which the center uses the rate, shown beside converted sums.
    AsOf,
    /// Who set it (none for the demo content or the command line).
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum StaffUser {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ExchangeRate::Table)
                    .col(string_len(ExchangeRate::Currency, 3).primary_key())
                    .col(double(ExchangeRate::PerUsd))
                    .col(date(ExchangeRate::AsOf))
                    .col(integer_null(ExchangeRate::UpdatedBy))
                    .col(timestamp_with_time_zone(ExchangeRate::UpdatedAt))
                    .foreign_key(&mut fk(
                        ExchangeRate::Table,
                        ExchangeRate::UpdatedBy,
                        StaffUser::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, vec![ExchangeRate::Table.into_iden()]).await
    }
}
