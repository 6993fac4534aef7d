//! The `inquiry` table. See the migration that creates it for what each column means.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "inquiry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub reference: String,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub site_id: Option<i32>,
    pub opportunity_id: Option<i32>,
    pub name: String,
    pub company: String,
    pub country: String,
    pub email: String,
    pub phone: Option<String>,
    pub investor_type: String,
    pub investment_range: String,
    pub need_area_m2: Option<i32>,
    pub need_power_kw: Option<i32>,
    pub need_start: Option<Date>,
    pub message: String,
    pub lang: String,
    pub reply_lang: String,
    pub heard_from: Option<String>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    pub consent_text: String,
    pub consented_at: DateTimeUtc,
    pub status: String,
    pub desk_id: Option<i32>,
    pub assigned_to: Option<i32>,
    pub answered_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
