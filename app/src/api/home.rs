//! What the home page shows.

use crate::error::AppError;
use crate::models::HomeFigures;
use leptos::prelude::*;

/// The center's published key figures, formatted for readers of `lang`.
#[server(endpoint = "home-figures")]
pub async fn get_home_figures(lang: String) -> Result<HomeFigures, AppError> {
    use crate::i18n;
    use crate::server::{AppState, format, listings};

    let state = AppState::from_context()?;
    let lang = i18n::find(&lang)
        .ok_or_else(|| AppError::BadRequest(format!("unknown language {lang}")))?;
    let code = lang.code.as_str();
    let totals = listings::center_totals(&state.db).await?;
    let count = |n: u64| format::integer(code, i64::try_from(n).unwrap_or(i64::MAX));
    Ok(HomeFigures {
        land_area: crate::models::FigureInUnits {
            units: format::area_in_units(code, totals.land_m2()),
        },
        sites_published: count(totals.sites_published),
        sites_available: count(totals.sites_available),
        opportunities_published: count(totals.opportunities_published),
        capex_sought: format::money_range(code, totals.capex_min_usd, totals.capex_max_usd),
    })
}
