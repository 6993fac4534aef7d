//! The `search_token` table. See `server::search` for how tokens are made.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "search_token")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub listing_kind: String,
    pub listing_id: i32,
    pub token: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
