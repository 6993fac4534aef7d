//! Exchange rates: what sums are converted with, set by admins.

use super::{esc, form, html, page, staff};
use app::models::Role;
use app::server::AppState;
use app::server::entities::staff_user;
use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use chrono::Utc;

/// `GET /admin/rates`: the rates sums are converted with, and a form to set one (admins).
pub async fn rates(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let user = match staff(&state, &headers, "/admin/rates").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    rates_page(&state, &user, None, StatusCode::OK).await
}

async fn rates_page(
    state: &AppState,
    user: &staff_user::Model,
    problem: Option<&str>,
    status: StatusCode,
) -> Response {
    use app::models::Currency;
    let stored = app::server::rates::load(&state.db).await.unwrap_or_default();
    let rows: String = Currency::ALL
        .iter()
        .filter(|c| **c != Currency::Usd)
        .map(|c| {
            let (rate, since) = stored.get(c).map_or(("not set".to_owned(), String::new()), |m| {
                (m.per_usd.to_string(), m.as_of.map(|d| d.to_string()).unwrap_or_default())
            });
            format!(
                "<tr data-test=\"rate-row\" data-currency=\"{0}\"><td>{1}</td><td>{rate}</td><td>{since}</td></tr>",
                c.as_str(),
                c.as_str().to_ascii_uppercase()
            )
        })
        .collect();
    let options: String = Currency::ALL
        .iter()
        .filter(|c| **c != Currency::Usd)
        .map(|c| {
            format!(
                "<option value=\"{0}\">{1}</option>",
                c.as_str(),
                c.as_str().to_ascii_uppercase()
            )
        })
        .collect();
    let problem = problem.map_or_else(String::new, |p| {
        format!("<p class=\"form-notice\" role=\"alert\" data-test=\"rate-error\">{}</p>", esc(p))
    });
    let form = if matches!(user.role.parse(), Ok(Role::Admin)) {
        format!(
            "<h2>Set a rate</h2>{problem}<form class=\"inquiry-form\" method=\"post\" action=\"/admin/rates\">\
             <div class=\"form-grid\"><div class=\"field\"><label for=\"currency\">Currency</label><select id=\"currency\" name=\"currency\">{options}</select></div>\
             <div class=\"field\"><label for=\"rate\">Units for 1 USD</label><input id=\"rate\" name=\"rate\" inputmode=\"decimal\" required></div>\
             <div class=\"field\"><label for=\"as_of\">In use from</label><input id=\"as_of\" name=\"as_of\" type=\"date\" value=\"{}\" required></div></div>\
             <button type=\"submit\">Save the rate</button></form>",
            Utc::now().date_naive()
        )
    } else {
        "<p>Only admins set rates.</p>".to_owned()
    };
    let body = format!(
        "<h1>Exchange rates</h1><p>Amounts are entered in US dollars; the public pages convert them at these rates and say from which day.</p>\
         <table class=\"compare-table\" data-test=\"rates\"><thead><tr><th>Currency</th><th>Units for 1 USD</th><th>In use from</th></tr></thead><tbody>{rows}</tbody></table>{form}"
    );
    html(status, page("Exchange rates", Some(user), &body))
}

/// `POST /admin/rates`: admins only; the public pages of this server follow at once. Recorded in
/// the audit log.
pub async fn set_rate(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    use app::server::rates;
    let user = match staff(&state, &headers, "/admin/rates").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    if !matches!(user.role.parse(), Ok(Role::Admin)) {
        return html(
            StatusCode::FORBIDDEN,
            page("Not allowed", Some(&user), "<h1>Only admins set exchange rates</h1>"),
        );
    }
    let fields = form(&body);
    let currency = fields.get("currency").and_then(|c| c.parse::<app::models::Currency>().ok());
    let as_of = fields.get("as_of").and_then(|d| d.parse::<chrono::NaiveDate>().ok());
    let rate = fields.get("rate").map(|r| rates::parse_rate(r));
    let (Some(currency), Some(as_of), Some(rate)) = (currency, as_of, rate) else {
        return rates_page(
            &state,
            &user,
            Some("Choose a currency, a rate and a day."),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let saved = match rate {
        Ok(per_usd) => {
            // The rate and its audit entry are stored together or not at all.
            async {
                use sea_orm::TransactionTrait;
                let txn = state.db.begin().await?;
                rates::set_rate(&txn, currency, per_usd, as_of, Some(user.id)).await?;
                let detail = format!("{per_usd} per USD from {as_of}");
                super::audit::record(
                    &txn,
                    &user,
                    "set",
                    "exchange_rate",
                    currency.as_str(),
                    detail,
                )
                .await?;
                txn.commit().await?;
                Ok::<(), rates::RateError>(())
            }
            .await
        }
        Err(err) => Err(err),
    };
    match saved {
        Ok(()) => {
            if let Err(err) = state.rates.refresh(&state.db).await {
                tracing::warn!(cause = %err, "cannot reread the exchange rates");
            }
            tracing::info!(currency = %currency, "exchange rate set");
            Redirect::to("/admin/rates").into_response()
        }
        Err(rates::RateError::Database(err)) => {
            tracing::error!(cause = %err, "cannot store a rate");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
        Err(problem) => {
            rates_page(&state, &user, Some(&problem.to_string()), StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
    }
}
