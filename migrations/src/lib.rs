//! The portal's schema, one migration per change, the same on SQLite and PostgreSQL.
//!
//! Migrations are only ever added, never edited once landed; each has a `down` so that
//! `portal migrate --down N` can step back. Enumerations (roles, statuses, zones…) are stored as
//! short strings, which both databases index and compare the same way.

pub use sea_orm_migration::prelude::*;

mod m20261127_000001_create_staff;
mod m20261127_000002_create_listings;
mod m20261127_000003_create_routing;
mod m20261127_000004_create_inquiries;
mod m20261127_000005_create_outbox;
mod m20261127_000006_create_search_tokens;
mod m20261127_000007_create_exchange_rates;
mod m20261128_000008_add_second_factor;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_create_staff::Migration),
            Box::new(m20261127_000002_create_listings::Migration),
            Box::new(m20261127_000003_create_routing::Migration),
            Box::new(m20261127_000004_create_inquiries::Migration),
            Box::new(m20261127_000005_create_outbox::Migration),
            Box::new(m20261127_000006_create_search_tokens::Migration),
            Box::new(m20261127_000007_create_exchange_rates::Migration),
            Box::new(m20261128_000008_add_second_factor::Migration),
        ]
    }
}

/// A foreign key from `table.column` to `target.id`.
pub(crate) fn fk(
    table: impl IntoIden,
    column: impl IntoIden,
    target: impl IntoIden,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    let target = target.into_iden();
    ForeignKey::create()
        .from_tbl(table)
        .from_col(column)
        .to_tbl(target)
        .to_col(Alias::new("id"))
        .on_delete(on_delete)
        .to_owned()
}

/// An index named `idx_<table>_<columns>` over the given columns.
pub(crate) fn index<C: IntoIden>(
    table: impl IntoIden,
    columns: impl IntoIterator<Item = C>,
) -> IndexCreateStatement {
    let table = table.into_iden();
    let mut name = format!("idx_{table}");
    let mut stmt = Index::create();
    for column in columns {
        let column = column.into_iden();
        name.push('_');
        name.push_str(&column.to_string());
        stmt.col(column);
    }
    stmt.name(name).table(table).to_owned()
}

/// Creates each index, for tables whose filters the pages use.
pub(crate) async fn create_indexes(
    manager: &SchemaManager<'_>,
    indexes: Vec<IndexCreateStatement>,
) -> Result<(), DbErr> {
    for index in indexes {
        manager.create_index(index).await?;
    }
    Ok(())
}

/// Drops tables in the given order (dependants first).
pub(crate) async fn drop_tables(
    manager: &SchemaManager<'_>,
    tables: Vec<DynIden>,
) -> Result<(), DbErr> {
    for table in tables {
        manager.drop_table(Table::drop().table(table).to_owned()).await?;
    }
    Ok(())
}
