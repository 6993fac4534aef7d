//! The inquiry inbox: every inquiry, its emails and their delivery, its history, and a change
//! of status that the investor sees on their private page.

use super::{esc, form, html, page, staff};
use app::models::{InquiryStatus, Role};
use app::server::AppState;
use app::server::entities::{desk, inquiry, inquiry_event, outbox};
use app::server::inquiries;
use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

/// `GET /admin/inquiries?status=&desk=`: newest first.
pub async fn inbox(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let user = match staff(&state, &headers, "/admin/inquiries").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let mut select = inquiry::Entity::find().order_by_desc(inquiry::Column::Id).limit(200);
    if let Some(status) = query.get("status").filter(|s| s.parse::<InquiryStatus>().is_ok()) {
        select = select.filter(inquiry::Column::Status.eq(status.as_str()));
    }
    let desks = desk::Entity::find().all(&state.db).await.unwrap_or_default();
    if let Some(code) = query.get("desk")
        && let Some(found) = desks.iter().find(|d| &d.code == code)
    {
        select = select.filter(inquiry::Column::DeskId.eq(found.id));
    }
    let rows = match select.all(&state.db).await {
        Ok(rows) => rows,
        Err(err) => {
            tracing::error!(cause = %err, "cannot read the inbox");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let desk_name = |id: Option<i32>| {
        desks.iter().find(|d| Some(d.id) == id).map_or_else(|| "—".to_owned(), |d| d.name.clone())
    };
    let lines: String = rows
        .iter()
        .map(|row| {
            let late = inquiries::is_overdue(row, state.inquiry.reply_days, Utc::now().date_naive());
            format!(
                "<tr data-test=\"inbox-row\" data-reference=\"{r}\" data-overdue=\"{late}\"><td><a href=\"/admin/inquiries/{id}\">{r}</a></td><td>{date}</td><td>{company}</td><td>{country}</td><td>{desk}</td><td>{status}{flag}</td></tr>",
                r = esc(&row.reference),
                id = row.id,
                date = row.created_at.format("%Y-%m-%d %H:%M"),
                company = esc(&row.company),
                country = esc(&row.country),
                desk = esc(&desk_name(row.desk_id)),
                status = esc(&row.status),
                flag = if late { " <strong>overdue</strong>" } else { "" },
            )
        })
        .collect();
    let body = format!(
        "<h1>Inquiries</h1><p>Newest first; answers are due within {} working days.</p>\
         <table class=\"compare-table\" data-test=\"inbox\"><thead><tr><th>Reference</th><th>Received (UTC)</th><th>Company</th><th>Country</th><th>Desk</th><th>Status</th></tr></thead><tbody>{lines}</tbody></table>",
        state.inquiry.reply_days
    );
    html(StatusCode::OK, page("Inquiries", Some(&user), &body))
}

/// `GET /admin/inquiries/{id}`: everything about one inquiry.
pub async fn detail(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    let user = match staff(&state, &headers, &format!("/admin/inquiries/{id}")).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let Ok(Some(row)) = inquiry::Entity::find_by_id(id).one(&state.db).await else {
        return html(
            StatusCode::NOT_FOUND,
            page("Not found", Some(&user), "<h1>No such inquiry</h1>"),
        );
    };
    let mails = outbox::Entity::find()
        .filter(outbox::Column::InquiryId.eq(id))
        .order_by_asc(outbox::Column::Id)
        .all(&state.db)
        .await
        .unwrap_or_default();
    let events = inquiry_event::Entity::find()
        .filter(inquiry_event::Column::InquiryId.eq(id))
        .order_by_asc(inquiry_event::Column::Id)
        .all(&state.db)
        .await
        .unwrap_or_default();
    let field = |label: &str, value: &str| {
        format!("<tr><th scope=\"row\">{}</th><td>{}</td></tr>", esc(label), esc(value))
    };
    let facts: String = [
        ("Company", row.company.clone()),
        ("Name", row.name.clone()),
        ("Country", row.country.clone()),
        ("Email", row.email.clone()),
        ("Phone", row.phone.clone().unwrap_or_default()),
        ("Investor type", row.investor_type.clone()),
        ("Investment", row.investment_range.clone()),
        ("Area needed (m²)", row.need_area_m2.map(|v| v.to_string()).unwrap_or_default()),
        ("Power needed (kW)", row.need_power_kw.map(|v| v.to_string()).unwrap_or_default()),
        ("Reply in", row.reply_lang.clone()),
        ("Status", row.status.clone()),
        ("Message", row.message.clone()),
    ]
    .iter()
    .map(|(label, value)| field(label, value))
    .collect();
    let mail_rows: String = mails
        .iter()
        .map(|m| {
            format!(
                "<tr data-test=\"mail-row\" data-kind=\"{}\" data-status=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&m.kind),
                esc(&m.status),
                esc(&m.kind),
                esc(&m.to_addrs),
                esc(&m.status),
                m.attempts,
                esc(m.last_error.as_deref().unwrap_or_default())
            )
        })
        .collect();
    let history: String = events
        .iter()
        .map(|e| {
            format!(
                "<li>{} · {}{}</li>",
                e.created_at.format("%Y-%m-%d %H:%M"),
                esc(&e.kind),
                e.note.as_deref().map(|n| format!(" · {}", esc(n))).unwrap_or_default()
            )
        })
        .collect();
    let options: String = [InquiryStatus::Assigned, InquiryStatus::Answered, InquiryStatus::Closed]
        .iter()
        .map(|s| format!("<option value=\"{0}\">{0}</option>", s.as_str()))
        .collect();
    let body = format!(
        "<p><a href=\"/admin/inquiries\">All inquiries</a></p><h1 data-test=\"inquiry-reference\">{}</h1>\
         <table class=\"compare-table\">{facts}</table>\
         <h2>Emails</h2><table class=\"compare-table\" data-test=\"mails\"><thead><tr><th>To whom</th><th>Addresses</th><th>Delivery</th><th>Attempts</th><th>Last error</th></tr></thead><tbody>{mail_rows}</tbody></table>\
         <h2>History</h2><ol class=\"history\">{history}</ol>\
         <h2>Change the status</h2><form class=\"inquiry-form\" method=\"post\" action=\"/admin/inquiries/{id}/status\">\
         <div class=\"field\"><label for=\"status\">New status</label><select id=\"status\" name=\"status\">{options}</select></div>\
         <div class=\"field\"><label for=\"note\">Note (staff only)</label><input id=\"note\" name=\"note\" maxlength=\"500\"></div>\
         <button type=\"submit\">Save</button></form>",
        esc(&row.reference)
    );
    html(StatusCode::OK, page(&row.reference, Some(&user), &body))
}

/// `POST /admin/inquiries/{id}/status`: desk officers and admins only.
pub async fn change_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let user = match staff(&state, &headers, &format!("/admin/inquiries/{id}")).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    if !matches!(user.role.parse(), Ok(Role::Desk | Role::Admin)) {
        return html(
            StatusCode::FORBIDDEN,
            page(
                "Not allowed",
                Some(&user),
                "<h1>Only desk officers and admins work inquiries</h1>",
            ),
        );
    }
    let fields = form(&body);
    let Some(status) = fields
        .get("status")
        .and_then(|s| s.parse::<InquiryStatus>().ok())
        .filter(|s| *s != InquiryStatus::New)
    else {
        return html(
            StatusCode::UNPROCESSABLE_ENTITY,
            page("Bad status", Some(&user), "<h1>Choose assigned, answered or closed</h1>"),
        );
    };
    let note: Option<String> = fields
        .get("note")
        .map(|n| n.trim().chars().filter(|c| !c.is_control()).take(500).collect::<String>())
        .filter(|n| !n.is_empty());
    let Ok(Some(row)) = inquiry::Entity::find_by_id(id).one(&state.db).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let now = Utc::now();
    let mut changed: inquiry::ActiveModel = row.into();
    changed.status = Set(status.as_str().to_owned());
    changed.updated_at = Set(now);
    match status {
        InquiryStatus::Assigned => changed.assigned_to = Set(Some(user.id)),
        InquiryStatus::Answered => changed.answered_at = Set(Some(now)),
        InquiryStatus::Closed => changed.closed_at = Set(Some(now)),
        InquiryStatus::New => {}
    }
    let event = inquiry_event::ActiveModel {
        inquiry_id: Set(id),
        kind: Set(status.as_str().to_owned()),
        status: Set(Some(status.as_str().to_owned())),
        note: Set(note),
        // The investor sees the step, not the staff note.
        public: Set(true),
        actor_id: Set(Some(user.id)),
        created_at: Set(now),
        ..Default::default()
    };
    let saved = async {
        use sea_orm::TransactionTrait;
        let txn = state.db.begin().await?;
        changed.update(&txn).await?;
        event.insert(&txn).await?;
        txn.commit().await
    }
    .await;
    if let Err(err) = saved {
        tracing::error!(cause = %err, "cannot change an inquiry's status");
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    Redirect::to(&format!("/admin/inquiries/{id}")).into_response()
}
