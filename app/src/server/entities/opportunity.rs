//! The `opportunity` table. See the migration that creates it for what each column means.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "opportunity")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    #[sea_orm(unique)]
    pub code: String,
    pub sector: String,
    pub side: String,
    pub capex_min_usd: i64,
    pub capex_max_usd: i64,
    pub stage: String,
    /// Comma-separated partnership kinds.
    pub partnerships: String,
    pub jobs: Option<i32>,
    pub payback_years: Option<f64>,
    pub manager_id: Option<i32>,
    pub status: String,
    pub published_at: Option<DateTimeUtc>,
    pub published_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::opportunity_translation::Entity")]
    Translation,
}

impl Related<super::opportunity_translation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Translation.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
