//! The `site` table. See the migration that creates it for what each column means.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "site")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    #[sea_orm(unique)]
    pub code: String,
    pub side: String,
    pub regime: String,
    pub zone: String,
    pub kind: String,
    pub land_area_m2: i32,
    pub built_area_m2: Option<i32>,
    pub ceiling_height_m: Option<f64>,
    pub floor_load_t_m2: Option<f64>,
    pub power_kw: i32,
    pub water_m3_day: i32,
    pub gas_m3_h: Option<i32>,
    pub rail_siding: bool,
    pub dist_border_km: f64,
    pub dist_rail_km: f64,
    pub dist_airport_km: f64,
    pub tenure: String,
    /// Lease: USD cents per m² per year; sale: USD cents for the whole site.
    pub price_usd_cents: i64,
    pub availability: String,
    pub available_from: Option<Date>,
    pub latitude: f64,
    pub longitude: f64,
    /// SVG polygon points on the 1000 × 600 plan of the center.
    pub plan_outline: String,
    pub phase: i16,
    pub manager_id: Option<i32>,
    pub status: String,
    pub published_at: Option<DateTimeUtc>,
    pub published_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::site_translation::Entity")]
    Translation,
}

impl Related<super::site_translation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Translation.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
