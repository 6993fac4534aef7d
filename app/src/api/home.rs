//! What the home page shows.

use crate::error::AppError;
use crate::models::HomeFigures;
use leptos::prelude::*;

/// The center's published key figures, formatted for readers of `lang`.
#[server(endpoint = "home-figures", input = leptos::server_fn::codec::Json)]
pub async fn get_home_figures(
    lang: String,
    prefs: crate::prefs::Preferences,
) -> Result<HomeFigures, AppError> {
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
        capex_sought: format::money_range(
            code,
            &state.shown(prefs).money,
            totals.capex_min_usd,
            totals.capex_max_usd,
        ),
    })
}

/// The land available now, by zone and side of the border, for the home page's chart.
#[server(endpoint = "area-chart")]
pub async fn get_area_chart(lang: String) -> Result<Vec<crate::models::AreaBar>, AppError> {
    use crate::i18n;
    use crate::models::{AreaBar, Side, Zone};
    use crate::server::{AppState, format, listings};
    let language = i18n::find(&lang)
        .ok_or_else(|| AppError::BadRequest(format!("unknown language {lang}")))?;
    let code = language.code.as_str();
    let state = AppState::from_context()?;
    let rows = listings::available_area_by_zone(&state.db).await?;
    let area = |zone: Zone, side: Side| {
        rows.iter()
            .find(|(z, s, _)| z == zone.as_str() && s == side.as_str())
            .map_or(0, |(_, _, m2)| *m2)
    };
    let longest =
        Zone::ALL.iter().map(|z| area(*z, Side::Kz) + area(*z, Side::Uz)).max().unwrap_or(0).max(1);
    let hectares = |m2: i64| {
        i18n::text_with(
            code,
            "unit-ha-amount",
            &[("amount", format::number(code, m2 as f64 / 10_000.0, 1).into())],
        )
    };
    let percent = |m2: i64| u32::try_from(m2 * 100 / longest).unwrap_or(100);
    Ok(Zone::ALL
        .iter()
        .map(|zone| {
            let (kz, uz) = (area(*zone, Side::Kz), area(*zone, Side::Uz));
            AreaBar {
                zone: i18n::text(code, &zone.message_id()),
                kz: hectares(kz),
                uz: hectares(uz),
                kz_percent: percent(kz),
                // So that the two parts add up to the bar's length, rounding included.
                uz_percent: percent(kz + uz) - percent(kz),
            }
        })
        .collect())
}
