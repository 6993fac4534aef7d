//! The inquiry inbox: every inquiry, filtered and a page at a time or exported as CSV; one
//! inquiry with its emails and their delivery, its history and its staff notes; a change of
//! status that the investor sees on their private page, assignment, and another try of mail
//! that failed.

use super::{esc, form, html, page, staff};
use app::models::{InquiryStatus, Role};
use app::server::AppState;
use app::server::entities::{desk, inquiry, inquiry_event, outbox, staff_user};
use app::server::inquiries::{
    self,
    inbox::{self, Filter, PER_PAGE, Retry},
};
use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::HashMap;

/// The filters of the inbox as asked for in its query string.
struct Chosen {
    filter: Filter,
    page: u64,
    /// The accepted values, as they go back into links (the export, other pages).
    kept: Vec<(&'static str, String)>,
    /// Each value that was not understood, and so not applied, said plainly.
    problems: Vec<String>,
}

impl Chosen {
    fn query(&self, page: Option<u64>) -> String {
        let mut pairs = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.kept {
            pairs.append_pair(name, value);
        }
        if let Some(page) = page {
            pairs.append_pair("page", &page.to_string());
        }
        pairs.finish()
    }
}

/// A date as the filter takes it: `YYYY-MM-DD`.
fn day(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok().filter(|_| value.len() == 10)
}

/// Reads the filters of `query` for `me`; malformed values are named and left out.
async fn choose(
    state: &AppState,
    me: &staff_user::Model,
    desks: &[desk::Model],
    query: &HashMap<String, String>,
) -> Result<Chosen, DbErr> {
    let mut chosen =
        Chosen { filter: Filter::default(), page: 1, kept: Vec::new(), problems: Vec::new() };
    let given = |name: &str| query.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    if let Some(value) = given("status") {
        match value.parse::<InquiryStatus>() {
            Ok(status) => {
                chosen.filter.status = Some(status);
                chosen.kept.push(("status", value.to_owned()));
            }
            Err(_) => chosen.problems.push(format!("“{value}” is not a status.")),
        }
    }
    if let Some(value) = given("desk") {
        match desks.iter().find(|d| d.code == value) {
            Some(found) => {
                chosen.filter.desk_id = Some(found.id);
                chosen.kept.push(("desk", value.to_owned()));
            }
            None => chosen.problems.push(format!("No desk has the code “{value}”.")),
        }
    }
    if let Some(value) = given("listing") {
        match inbox::listing_by_code(&state.db, value).await? {
            Some(found) => {
                chosen.filter.listing = Some(found);
                chosen.kept.push(("listing", value.to_owned()));
            }
            None => chosen.problems.push(format!("No listing has the code “{value}”.")),
        }
    }
    if let Some(value) = given("country") {
        let code = value.to_ascii_uppercase();
        if app::models::is_country(&code) {
            chosen.kept.push(("country", code.clone()));
            chosen.filter.country = Some(code);
        } else {
            chosen.problems.push(format!("“{value}” is not a two-letter country code."));
        }
    }
    for (name, label) in [("from", "received from"), ("to", "received to")] {
        if let Some(value) = given(name) {
            match day(value) {
                Some(date) => {
                    if name == "from" {
                        chosen.filter.from = Some(date);
                    } else {
                        chosen.filter.to = Some(date);
                    }
                    chosen.kept.push((name, value.to_owned()));
                }
                None => chosen
                    .problems
                    .push(format!("“{value}” is not a date ({label}); write it as YYYY-MM-DD.")),
            }
        }
    }
    if let (Some(from), Some(to)) = (chosen.filter.from, chosen.filter.to)
        && from > to
    {
        chosen.problems.push("The first day comes after the last: nothing can match.".into());
    }
    if let Some(value) = given("assignee") {
        let id = if value == "me" { Some(me.id) } else { value.parse::<i32>().ok() };
        match id {
            Some(id) => {
                chosen.filter.assignee = Some(id);
                chosen.kept.push(("assignee", value.to_owned()));
            }
            None => chosen.problems.push(format!("“{value}” is not a staff member.")),
        }
    }
    if let Some(value) = given("mail") {
        if value == "failed" {
            chosen.filter.failed_mail = true;
            chosen.kept.push(("mail", "failed".into()));
        } else {
            chosen.problems.push(format!("“{value}” is not a mail filter (only “failed”)."));
        }
    }
    if let Some(value) = given("page") {
        match value.parse::<u64>() {
            Ok(n) if n >= 1 => chosen.page = n,
            _ => chosen.problems.push(format!("“{value}” is not a page number.")),
        }
    }
    Ok(chosen)
}

fn unavailable(err: &DbErr, what: &str) -> Response {
    tracing::error!(cause = %err, "cannot {what}");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

/// Staff names by id, for the assignee and actor columns.
async fn staff_names(state: &AppState) -> Result<HashMap<i32, String>, DbErr> {
    Ok(staff_user::Entity::find()
        .all(&state.db)
        .await?
        .into_iter()
        .map(|u| {
            let name = if u.name.trim().is_empty() { u.email } else { u.name };
            (u.id, name)
        })
        .collect())
}

fn option(value: &str, label: &str, chosen: Option<&str>) -> String {
    format!(
        "<option value=\"{}\"{}>{}</option>",
        esc(value),
        if chosen == Some(value) { " selected" } else { "" },
        esc(label)
    )
}

fn filter_form(
    query: &HashMap<String, String>,
    desks: &[desk::Model],
    people: &[staff_user::Model],
) -> String {
    let raw = |name: &str| query.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let statuses: String = std::iter::once(option("", "Any", raw("status")))
        .chain(InquiryStatus::ALL.iter().map(|s| option(s.as_str(), s.as_str(), raw("status"))))
        .collect();
    let desk_options: String = std::iter::once(option("", "Any", raw("desk")))
        .chain(desks.iter().map(|d| option(&d.code, &d.name, raw("desk"))))
        .collect();
    let mut assignees: String = [("", "Anyone"), ("me", "Me")]
        .iter()
        .map(|(value, label)| option(value, label, raw("assignee")))
        .collect();
    for person in people {
        assignees.push_str(&option(&person.id.to_string(), &person.name, raw("assignee")));
    }
    // A chosen id not in the list (someone since deactivated) is kept as it was asked for.
    if let Some(other) = raw("assignee")
        && other != "me"
        && !people.iter().any(|p| p.id.to_string() == other)
    {
        assignees.push_str(&option(other, &format!("#{other}"), Some(other)));
    }
    let text = |name: &str| esc(raw(name).unwrap_or_default());
    format!(
        "<form class=\"inquiry-form\" method=\"get\" action=\"/admin/inquiries\" data-test=\"inbox-filters\"><div class=\"form-grid\">\
         <div class=\"field\"><label for=\"f-status\">Status</label><select id=\"f-status\" name=\"status\">{statuses}</select></div>\
         <div class=\"field\"><label for=\"f-desk\">Desk</label><select id=\"f-desk\" name=\"desk\">{desk_options}</select></div>\
         <div class=\"field\"><label for=\"f-listing\">Listing code</label><input id=\"f-listing\" name=\"listing\" value=\"{listing}\"></div>\
         <div class=\"field\"><label for=\"f-country\">Country (ISO code)</label><input id=\"f-country\" name=\"country\" value=\"{country}\" size=\"4\"></div>\
         <div class=\"field\"><label for=\"f-from\">Received from (UTC)</label><input id=\"f-from\" name=\"from\" type=\"date\" value=\"{from}\"></div>\
         <div class=\"field\"><label for=\"f-to\">Received to (UTC)</label><input id=\"f-to\" name=\"to\" type=\"date\" value=\"{to}\"></div>\
         <div class=\"field\"><label for=\"f-assignee\">Assigned to</label><select id=\"f-assignee\" name=\"assignee\">{assignees}</select></div>\
         <div class=\"field\"><label><input type=\"checkbox\" name=\"mail\" value=\"failed\"{failed}> Only with failed mail</label></div>\
         </div><button type=\"submit\">Filter</button> <a href=\"/admin/inquiries\">Clear</a></form>",
        listing = text("listing"),
        country = text("country"),
        from = text("from"),
        to = text("to"),
        failed = if raw("mail") == Some("failed") { " checked" } else { "" },
    )
}

/// `GET /admin/inquiries?status=&desk=&listing=&country=&from=&to=&assignee=&mail=&page=`:
/// the matching inquiries, newest first, 50 a page. Any signed-in staff member.
pub async fn inbox(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let user = match staff(&state, &headers, "/admin/inquiries").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let loaded = async {
        let desks = desk::Entity::find().order_by_asc(desk::Column::Id).all(&state.db).await?;
        let chosen = choose(&state, &user, &desks, &query).await?;
        let (rows, total) = inbox::page(&state.db, &chosen.filter, chosen.page).await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let failed = inbox::with_failed_mail(&state.db, &ids).await?;
        let names = staff_names(&state).await?;
        let people = inbox::assignable(&state.db).await?;
        Ok::<_, DbErr>((desks, chosen, rows, total, failed, names, people))
    }
    .await;
    let (desks, chosen, rows, total, failed, names, people) = match loaded {
        Ok(loaded) => loaded,
        Err(err) => return unavailable(&err, "read the inbox"),
    };
    let desk_name = |id: Option<i32>| {
        desks.iter().find(|d| Some(d.id) == id).map_or_else(|| "—".to_owned(), |d| d.name.clone())
    };
    let today = Utc::now().date_naive();
    let lines: String = rows
        .iter()
        .map(|row| {
            let late = inquiries::is_overdue(row, state.inquiry.reply_days, today);
            let bounced = failed.contains(&row.id);
            format!(
                "<tr data-test=\"inbox-row\" data-reference=\"{r}\" data-overdue=\"{late}\" data-failed-mail=\"{bounced}\"><td><a href=\"/admin/inquiries/{id}\">{r}</a></td><td>{date}</td><td dir=\"auto\">{company}</td><td>{country}</td><td>{desk}</td><td>{assignee}</td><td>{status}{flag}{mail}</td></tr>",
                r = esc(&row.reference),
                id = row.id,
                date = row.created_at.format("%Y-%m-%d %H:%M"),
                company = esc(&row.company),
                country = esc(&row.country),
                desk = esc(&desk_name(row.desk_id)),
                assignee = esc(row
                    .assigned_to
                    .and_then(|id| names.get(&id))
                    .map_or("—", String::as_str)),
                status = esc(&row.status),
                flag = if late { " <strong>overdue</strong>" } else { "" },
                mail = if bounced {
                    " <strong data-test=\"failed-mail\">mail failed</strong>"
                } else {
                    ""
                },
            )
        })
        .collect();
    let problems = if chosen.problems.is_empty() {
        String::new()
    } else {
        let items: String =
            chosen.problems.iter().map(|p| format!("<li>{}</li>", esc(p))).collect();
        format!(
            "<div class=\"form-notice\" role=\"alert\" data-test=\"filter-problems\"><p>Not applied:</p><ul>{items}</ul></div>"
        )
    };
    let pages = total.div_ceil(PER_PAGE).max(1);
    let link = |page: u64, label: &str, test: &str| {
        format!(
            "<a href=\"/admin/inquiries?{}\" rel=\"{test}\" data-test=\"page-{test}\">{label}</a>",
            esc(&chosen.query(Some(page)))
        )
    };
    let mut paging = format!("Page {} of {pages}", chosen.page);
    if chosen.page > 1 {
        paging = format!("{} · {paging}", link((chosen.page - 1).min(pages), "Newer", "prev"));
    }
    if chosen.page < pages {
        paging = format!("{paging} · {}", link(chosen.page + 1, "Older", "next"));
    }
    let body = format!(
        "<h1>Inquiries</h1><p>Newest first; answers are due within {days} working days.</p>\
         {form}{problems}\
         <p data-test=\"inbox-count\" data-count=\"{total}\">{total} {noun} match. <a href=\"/admin/inquiries.csv?{export}\" data-test=\"export\" download>Export these as CSV</a></p>\
         <table class=\"compare-table\" data-test=\"inbox\"><thead><tr><th>Reference</th><th>Received (UTC)</th><th>Company</th><th>Country</th><th>Desk</th><th>Assigned to</th><th>Status</th></tr></thead><tbody>{lines}</tbody></table>\
         <nav aria-label=\"Pages\" data-test=\"paging\"><p>{paging}</p></nav>",
        days = state.inquiry.reply_days,
        form = filter_form(&query, &desks, &people),
        noun = if total == 1 { "inquiry" } else { "inquiries" },
        export = esc(&chosen.query(None)),
    );
    html(StatusCode::OK, page("Inquiries", Some(&user), &body))
}

/// A cell that a spreadsheet will show as text: one that would start a formula is prefixed
/// with a quote mark.
fn cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// The CSV of `records`: UTF-8 with a byte-order mark (so that Excel reads Chinese, Korean and
/// Arabic), CR LF line ends, fields quoted as RFC 4180 says.
fn csv_bytes(records: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for record in records {
        writer.write_record(record.iter().map(|v| cell(v)))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// `GET /admin/inquiries.csv` with the inbox's filters: every matching inquiry, for a
/// spreadsheet. Any signed-in staff member.
pub async fn inbox_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let user = match staff(&state, &headers, "/admin/inquiries").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let loaded = async {
        let desks = desk::Entity::find().all(&state.db).await?;
        let chosen = choose(&state, &user, &desks, &query).await?;
        let rows = inbox::all(&state.db, &chosen.filter).await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let listings = inbox::listing_codes(&state.db, &ids).await?;
        let names = staff_names(&state).await?;
        Ok::<_, DbErr>((desks, rows, listings, names))
    }
    .await;
    let (desks, rows, listings, names) = match loaded {
        Ok(loaded) => loaded,
        Err(err) => return unavailable(&err, "export the inbox"),
    };
    let mut records = vec![
        [
            "reference",
            "received (UTC)",
            "status",
            "desk",
            "assigned to",
            "company",
            "name",
            "country",
            "email",
            "phone",
            "investor type",
            "investment range",
            "listings",
            "reply language",
            "message",
        ]
        .iter()
        .map(|h| (*h).to_owned())
        .collect::<Vec<_>>(),
    ];
    for row in &rows {
        records.push(vec![
            row.reference.clone(),
            row.created_at.format("%Y-%m-%d %H:%M").to_string(),
            row.status.clone(),
            desks
                .iter()
                .find(|d| Some(d.id) == row.desk_id)
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            row.assigned_to.and_then(|id| names.get(&id).cloned()).unwrap_or_default(),
            row.company.clone(),
            row.name.clone(),
            row.country.clone(),
            row.email.clone(),
            row.phone.clone().unwrap_or_default(),
            row.investor_type.clone(),
            row.investment_range.clone(),
            listings.get(&row.id).map(|codes| codes.join("; ")).unwrap_or_default(),
            row.reply_lang.clone(),
            row.message.clone(),
        ]);
    }
    let bytes = match csv_bytes(&records) {
        Ok(bytes) => bytes,
        Err(err) => {
            tracing::error!(cause = %err, "cannot write the inbox CSV");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut response = bytes.into_response();
    let disposition = format!("attachment; filename=\"inquiries-{}.csv\"", Utc::now().date_naive());
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// A problem with a form of the inquiry page, shown beside its field.
struct Problem<'a> {
    /// The form's field: `note` or `assignee`.
    field: &'static str,
    message: &'a str,
    /// What was typed, given back.
    kept: &'a str,
}

/// `GET /admin/inquiries/{id}`: everything about one inquiry. Any signed-in staff member.
pub async fn detail(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    let user = match staff(&state, &headers, &format!("/admin/inquiries/{id}")).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    detail_page(&state, &user, id, None, StatusCode::OK).await
}

async fn detail_page(
    state: &AppState,
    user: &staff_user::Model,
    id: i32,
    problem: Option<Problem<'_>>,
    status: StatusCode,
) -> Response {
    let loaded = async {
        let Some(row) = inquiry::Entity::find_by_id(id).one(&state.db).await? else {
            return Ok(None);
        };
        let mails = outbox::Entity::find()
            .filter(outbox::Column::InquiryId.eq(id))
            .order_by_asc(outbox::Column::Id)
            .all(&state.db)
            .await?;
        let events = inquiry_event::Entity::find()
            .filter(inquiry_event::Column::InquiryId.eq(id))
            .order_by_asc(inquiry_event::Column::Id)
            .all(&state.db)
            .await?;
        let names = staff_names(state).await?;
        let people = inbox::assignable(&state.db).await?;
        let listings = inbox::listing_codes(&state.db, &[id]).await?;
        Ok::<_, DbErr>(Some((row, mails, events, names, people, listings)))
    }
    .await;
    let (row, mails, events, names, people, listings) = match loaded {
        Ok(Some(loaded)) => loaded,
        Ok(None) => {
            return html(
                StatusCode::NOT_FOUND,
                page("Not found", Some(user), "<h1>No such inquiry</h1>"),
            );
        }
        Err(err) => return unavailable(&err, "read an inquiry"),
    };
    let name_of = |id: Option<i32>| {
        id.and_then(|id| names.get(&id).cloned()).unwrap_or_else(|| "—".to_owned())
    };
    let field = |label: &str, value: &str| {
        format!(
            "<tr><th scope=\"row\">{}</th><td dir=\"auto\">{}</td></tr>",
            esc(label),
            esc(value)
        )
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
        ("Listings", listings.get(&id).map(|c| c.join(", ")).unwrap_or_default()),
        ("Reply in", row.reply_lang.clone()),
        ("Status", row.status.clone()),
        ("Assigned to", name_of(row.assigned_to)),
        ("Message", row.message.clone()),
    ]
    .iter()
    .map(|(label, value)| field(label, value))
    .collect();
    let mail_rows: String = mails
        .iter()
        .map(|m| {
            let retry = if m.status == app::models::OutboxStatus::Failed.as_str() {
                format!(
                    "<form method=\"post\" action=\"/admin/inquiries/{id}/mail/{}/retry\"><button type=\"submit\" data-test=\"retry\">Send again</button></form>",
                    m.id
                )
            } else {
                String::new()
            };
            format!(
                "<tr data-test=\"mail-row\" data-kind=\"{}\" data-status=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{retry}</td></tr>",
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
    let (notes, steps): (Vec<_>, Vec<_>) = events.iter().partition(|e| e.kind == inbox::NOTE);
    let history: String = steps
        .iter()
        .map(|e| {
            format!(
                "<li>{} · {} · {}{}</li>",
                e.created_at.format("%Y-%m-%d %H:%M"),
                esc(&e.kind),
                esc(&name_of(e.actor_id)),
                e.note.as_deref().map(|n| format!(" · {}", esc(n))).unwrap_or_default()
            )
        })
        .collect();
    let note_items: String = notes
        .iter()
        .map(|e| {
            format!(
                "<li data-test=\"note\"><p class=\"note-meta\">{} · {}</p><p class=\"note-text\">{}</p></li>",
                esc(&name_of(e.actor_id)),
                e.created_at.format("%Y-%m-%d %H:%M UTC"),
                esc(e.note.as_deref().unwrap_or_default())
            )
        })
        .collect();
    let error_for = |name: &str| {
        problem.as_ref().filter(|p| p.field == name).map_or_else(String::new, |p| {
            format!(
                "<p class=\"field-error\" role=\"alert\" data-error-for=\"{name}\">{}</p>",
                esc(p.message)
            )
        })
    };
    let kept_note =
        problem.as_ref().filter(|p| p.field == "note").map_or("", |p| p.kept).to_owned();
    let options: String = [InquiryStatus::Assigned, InquiryStatus::Answered, InquiryStatus::Closed]
        .iter()
        .map(|s| format!("<option value=\"{0}\">{0}</option>", s.as_str()))
        .collect();
    let assignees: String = std::iter::once(option("me", "Me", None))
        .chain(
            people
                .iter()
                .filter(|p| p.id != user.id)
                .map(|p| option(&p.id.to_string(), &format!("{} ({})", p.name, p.role), None)),
        )
        .collect();
    let body = format!(
        "<p><a href=\"/admin/inquiries\">All inquiries</a></p><h1 data-test=\"inquiry-reference\">{reference}</h1>\
         <table class=\"compare-table\">{facts}</table>\
         <h2>Emails</h2><table class=\"compare-table\" data-test=\"mails\"><thead><tr><th>To whom</th><th>Addresses</th><th>Delivery</th><th>Attempts</th><th>Last error</th><th></th></tr></thead><tbody>{mail_rows}</tbody></table>\
         <h2>History</h2><ol class=\"history\">{history}</ol>\
         <h2>Notes (staff only)</h2><ol class=\"history\" data-test=\"notes\">{note_items}</ol>\
         <form class=\"inquiry-form\" method=\"post\" action=\"/admin/inquiries/{id}/notes\">\
         <div class=\"field\"><label for=\"note-text\">New note</label><textarea id=\"note-text\" name=\"note\" maxlength=\"{max}\" rows=\"4\">{kept_note}</textarea>{note_error}</div>\
         <button type=\"submit\">Add the note</button></form>\
         <h2>Assign</h2><form class=\"inquiry-form\" method=\"post\" action=\"/admin/inquiries/{id}/assign\">\
         <div class=\"field\"><label for=\"assignee\">Assign to</label><select id=\"assignee\" name=\"assignee\">{assignees}</select>{assign_error}</div>\
         <button type=\"submit\">Assign</button></form>\
         <h2>Change the status</h2><form class=\"inquiry-form\" method=\"post\" action=\"/admin/inquiries/{id}/status\">\
         <div class=\"field\"><label for=\"status\">New status</label><select id=\"status\" name=\"status\">{options}</select></div>\
         <div class=\"field\"><label for=\"note\">Note (staff only)</label><input id=\"note\" name=\"note\" maxlength=\"500\"></div>\
         <button type=\"submit\">Save</button></form>",
        reference = esc(&row.reference),
        max = inbox::NOTE_MAX_CHARS,
        kept_note = esc(&kept_note),
        note_error = error_for("note"),
        assign_error = error_for("assignee"),
    );
    html(status, page(&row.reference, Some(user), &body))
}

/// The refusal for staff who may not work inquiries, or `None` for desk officers and admins.
fn refuse_unless_desk(user: &staff_user::Model) -> Option<Response> {
    if matches!(user.role.parse(), Ok(Role::Desk | Role::Admin)) {
        None
    } else {
        Some(html(
            StatusCode::FORBIDDEN,
            page(
                "Not allowed",
                Some(user),
                "<h1>Only desk officers and admins work inquiries</h1>",
            ),
        ))
    }
}

/// The signed-in desk officer or admin, or the answer for anyone else.
async fn desk_officer(
    state: &AppState,
    headers: &HeaderMap,
    id: i32,
) -> Result<staff_user::Model, Response> {
    let user = staff(state, headers, &format!("/admin/inquiries/{id}")).await?;
    match refuse_unless_desk(&user) {
        Some(refusal) => Err(refusal),
        None => Ok(user),
    }
}

/// `POST /admin/inquiries/{id}/status`: desk officers and admins only.
pub async fn change_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let user = match desk_officer(&state, &headers, id).await {
        Ok(user) => user,
        Err(response) => return response,
    };
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
        return unavailable(&err, "change an inquiry's status");
    }
    Redirect::to(&format!("/admin/inquiries/{id}")).into_response()
}

/// `POST /admin/inquiries/{id}/notes`: a note for staff only (never on the investor's page).
/// Desk officers and admins.
pub async fn add_note(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let user = match desk_officer(&state, &headers, id).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let fields = form(&body);
    let raw = fields.get("note").map_or("", String::as_str);
    match inquiry::Entity::find_by_id(id).one(&state.db).await {
        Ok(Some(_)) => {}
        Ok(None) => return detail_page(&state, &user, id, None, StatusCode::NOT_FOUND).await,
        Err(err) => return unavailable(&err, "read an inquiry"),
    }
    let note = match inbox::clean_note(raw) {
        Ok(note) => note,
        Err(message) => {
            let problem = Problem { field: "note", message, kept: raw };
            return detail_page(&state, &user, id, Some(problem), StatusCode::UNPROCESSABLE_ENTITY)
                .await;
        }
    };
    match inbox::add_note(&state.db, id, &user, note).await {
        Ok(_) => Redirect::to(&format!("/admin/inquiries/{id}")).into_response(),
        Err(err) => unavailable(&err, "keep a note"),
    }
}

/// `POST /admin/inquiries/{id}/assign` with `assignee` (a staff id, or `me`): to an active desk
/// officer or admin. Desk officers and admins.
pub async fn assign(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    let user = match desk_officer(&state, &headers, id).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let fields = form(&body);
    let asked = fields.get("assignee").map_or("", |v| v.trim());
    let row = match inquiry::Entity::find_by_id(id).one(&state.db).await {
        Ok(Some(row)) => row,
        Ok(None) => return detail_page(&state, &user, id, None, StatusCode::NOT_FOUND).await,
        Err(err) => return unavailable(&err, "read an inquiry"),
    };
    let target = if asked == "me" {
        Some(user.clone())
    } else if let Ok(target_id) = asked.parse::<i32>() {
        match staff_user::Entity::find_by_id(target_id).one(&state.db).await {
            Ok(found) => found,
            Err(err) => return unavailable(&err, "read a staff account"),
        }
    } else {
        None
    };
    let Some(target) = target.filter(inbox::can_be_assigned) else {
        let problem = Problem {
            field: "assignee",
            message: "Choose an active desk officer or admin.",
            kept: asked,
        };
        return detail_page(&state, &user, id, Some(problem), StatusCode::UNPROCESSABLE_ENTITY)
            .await;
    };
    match inbox::assign(&state.db, row, &user, &target).await {
        Ok(()) => Redirect::to(&format!("/admin/inquiries/{id}")).into_response(),
        Err(err) => unavailable(&err, "assign an inquiry"),
    }
}

/// `POST /admin/inquiries/{id}/mail/{mail_id}/retry`: a failed email of this inquiry goes back
/// in the queue and the mail worker is woken. Desk officers and admins.
pub async fn retry_mail(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, mail_id)): Path<(i32, i32)>,
) -> Response {
    let user = match desk_officer(&state, &headers, id).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    match inbox::retry_mail(&state.db, id, mail_id, &user).await {
        Ok(Retry::Queued) => {
            tracing::info!(
                inquiry = id,
                outbox = mail_id,
                by = user.id,
                "failed mail queued again"
            );
            state.outbox_signal.notify_one();
            Redirect::to(&format!("/admin/inquiries/{id}")).into_response()
        }
        Ok(Retry::NotFound) => html(
            StatusCode::NOT_FOUND,
            page("Not found", Some(&user), "<h1>This inquiry has no such email</h1>"),
        ),
        Ok(Retry::NotFailed) => html(
            StatusCode::CONFLICT,
            page(
                "Not failed",
                Some(&user),
                "<h1>Only an email that failed can be sent again</h1><p>This one is queued, being sent, or sent.</p>",
            ),
        ),
        Err(err) => unavailable(&err, "queue failed mail again"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_would_start_a_formula_are_quoted() {
        for dangerous in ["=1+1", "+82 2 555", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(cell(dangerous), format!("'{dangerous}"));
        }
        assert_eq!(cell("Hanbit 한빛"), "Hanbit 한빛");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn the_csv_has_a_byte_order_mark_crlf_lines_and_quotes_where_needed() {
        let records = vec![
            vec!["a".to_owned(), "b, c".to_owned()],
            vec!["say \"hi\"".to_owned(), "two\nlines".to_owned()],
        ];
        let bytes = csv_bytes(&records).expect("csv");
        assert_eq!(
            String::from_utf8(bytes).expect("utf-8"),
            "\u{feff}a,\"b, c\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
        );
    }

    #[test]
    fn dates_are_whole_iso_days() {
        assert_eq!(day("2026-03-01"), NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(day("2026-3-1"), None);
        assert_eq!(day("2026-02-30"), None);
        assert_eq!(day("yesterday"), None);
    }
}
