//! Data access for sites and opportunities: plain async functions over a connection.

use super::entities::{opportunity, site};
use crate::models::{Availability, PublicationStatus, Side};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
    sea_query::{Alias, Expr, ExprTrait, Func},
};

/// Totals over the published listings, as numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CenterTotals {
    pub land_m2_kz: i64,
    pub land_m2_uz: i64,
    pub sites_published: u64,
    pub sites_available: u64,
    pub opportunities_published: u64,
    pub capex_min_usd: i64,
    pub capex_max_usd: i64,
}

impl CenterTotals {
    pub fn land_m2(&self) -> i64 {
        self.land_m2_kz + self.land_m2_uz
    }
}

/// `SUM(column)` as a 64-bit integer on every database (PostgreSQL sums bigints into numeric).
fn sum_as_bigint(column: impl sea_orm::sea_query::IntoColumnRef) -> sea_orm::sea_query::SimpleExpr {
    Func::cast_as(Func::coalesce([Expr::col(column).sum(), Expr::val(0)]), Alias::new("bigint"))
        .into()
}

/// The published figures of the center, in a few aggregate queries (no row is loaded).
pub async fn center_totals(db: &impl ConnectionTrait) -> Result<CenterTotals, DbErr> {
    let published = PublicationStatus::Published.as_str();
    let land_by_side: Vec<(String, i64)> = site::Entity::find()
        .select_only()
        .column(site::Column::Side)
        .expr_as(sum_as_bigint(site::Column::LandAreaM2), "land")
        .filter(site::Column::Status.eq(published))
        .group_by(site::Column::Side)
        .into_tuple()
        .all(db)
        .await?;
    let land =
        |side: Side| land_by_side.iter().find(|(s, _)| s == side.as_str()).map_or(0, |(_, m2)| *m2);
    let sites_published =
        site::Entity::find().filter(site::Column::Status.eq(published)).count(db).await?;
    let sites_available = site::Entity::find()
        .filter(site::Column::Status.eq(published))
        .filter(site::Column::Availability.eq(Availability::Available.as_str()))
        .count(db)
        .await?;
    let (opportunities_published, capex_min_usd, capex_max_usd): (i64, i64, i64) =
        opportunity::Entity::find()
            .select_only()
            .expr_as(
                Func::cast_as(Expr::col(opportunity::Column::Id).count(), Alias::new("bigint")),
                "n",
            )
            .expr_as(sum_as_bigint(opportunity::Column::CapexMinUsd), "capex_min")
            .expr_as(sum_as_bigint(opportunity::Column::CapexMaxUsd), "capex_max")
            .filter(opportunity::Column::Status.eq(published))
            .into_tuple()
            .one(db)
            .await?
            .unwrap_or_default();
    Ok(CenterTotals {
        land_m2_kz: land(Side::Kz),
        land_m2_uz: land(Side::Uz),
        sites_published,
        sites_available,
        opportunities_published: u64::try_from(opportunities_published).unwrap_or_default(),
        capex_min_usd,
        capex_max_usd,
    })
}
