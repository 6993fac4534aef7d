//! Desks (the teams that answer inquiries) and the rules that choose a desk for an inquiry.

use crate::{create_indexes, drop_tables, fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum Desk {
    Table,
    Id,
    Code,
    Name,
    Emails,
    IsDefault,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RoutingRule {
    Table,
    Id,
    DeskId,
    Priority,
    Country,
    Sector,
    Zone,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Desk::Table)
                    .col(pk_auto(Desk::Id))
                    .col(string_len_uniq(Desk::Code, 32))
                    .col(string_len(Desk::Name, 120))
                    // Comma-separated addresses that receive the desk's inquiries.
                    .col(text(Desk::Emails))
                    .col(boolean(Desk::IsDefault).default(false))
                    .col(timestamp_with_time_zone(Desk::CreatedAt))
                    .col(timestamp_with_time_zone(Desk::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoutingRule::Table)
                    .col(pk_auto(RoutingRule::Id))
                    .col(integer(RoutingRule::DeskId))
                    // Lower numbers are tried first.
                    .col(integer(RoutingRule::Priority))
                    // Each condition is optional; a rule matches when all its set conditions do.
                    .col(string_len_null(RoutingRule::Country, 2))
                    .col(string_len_null(RoutingRule::Sector, 32))
                    .col(string_len_null(RoutingRule::Zone, 32))
                    .col(boolean(RoutingRule::Active).default(true))
                    .col(timestamp_with_time_zone(RoutingRule::CreatedAt))
                    .col(timestamp_with_time_zone(RoutingRule::UpdatedAt))
                    .foreign_key(&mut fk(
                        RoutingRule::Table,
                        RoutingRule::DeskId,
                        Desk::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            vec![
                index(RoutingRule::Table, [RoutingRule::Active, RoutingRule::Priority]),
                index(RoutingRule::Table, [RoutingRule::DeskId]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, vec![RoutingRule::Table.into_iden(), Desk::Table.into_iden()]).await
    }
}
