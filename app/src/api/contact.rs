//! The investment desks, as the contact page shows them.

use crate::error::AppError;
use crate::models::DeskView;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Every desk, the default one last, named in `lang` (`desk-<code>`, or its stored name when a
/// desk added by staff has no translation yet).
#[server(endpoint = "desks", input = Json)]
pub async fn list_desks(lang: String) -> Result<Vec<DeskView>, AppError> {
    use crate::server::{AppState, entities::desk};
    use sea_orm::{EntityTrait, QueryOrder};
    let language = crate::i18n::find(&lang)
        .ok_or_else(|| AppError::BadRequest(format!("unknown language {lang}")))?;
    let state = AppState::from_context()?;
    let desks = desk::Entity::find()
        .order_by_asc(desk::Column::IsDefault)
        .order_by_asc(desk::Column::Id)
        .all(&state.db)
        .await?;
    Ok(desks
        .into_iter()
        .map(|d| {
            let id = format!("desk-{}", d.code);
            let name = crate::i18n::text(&language.code, &id);
            DeskView {
                name: if name == id { d.name } else { name },
                emails: d
                    .emails
                    .split(',')
                    .map(|e| e.trim().to_owned())
                    .filter(|e| !e.is_empty())
                    .collect(),
            }
        })
        .collect())
}
