//! The search index: the tokens of every listing's text in every language (see
//! `app::server::search` for how text is cut into tokens).

use crate::{create_indexes, drop_tables, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SearchToken {
    Table,
    Id,
    ListingKind,
    ListingId,
    Token,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SearchToken::Table)
                    .col(pk_auto(SearchToken::Id))
                    // site or opportunity
                    .col(string_len(SearchToken::ListingKind, 16))
                    .col(integer(SearchToken::ListingId))
                    .col(string_len(SearchToken::Token, 64))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            vec![
                // Prefix lookups: kind = ? AND token >= ? AND token < ?
                index(SearchToken::Table, [SearchToken::ListingKind, SearchToken::Token]),
                // Re-indexing one listing deletes its tokens.
                index(SearchToken::Table, [SearchToken::ListingKind, SearchToken::ListingId]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, vec![SearchToken::Table.into_iden()]).await
    }
}
