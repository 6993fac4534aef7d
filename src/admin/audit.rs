//! The audit log: every change staff make to accounts, routing, rates and listings, with who
//! made it and when, written beside the change and read on one filterable page (admins).

use super::{admin, esc, html, page};
use app::server::AppState;
use app::server::entities::{audit_log, staff_user};
use axum::{
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

/// Entries on one page of the log.
const PER_PAGE: u64 = 50;

/// Writes one entry: `actor` did `action` to the `entity` record `entity_id`. The `detail` is
/// read by people; callers build it from names and values only, never from a password or a hash.
pub(crate) async fn record(
    db: &impl ConnectionTrait,
    actor: &staff_user::Model,
    action: &str,
    entity: &str,
    entity_id: impl ToString,
    detail: impl Into<String>,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        actor_id: Set(Some(actor.id)),
        action: Set(action.to_owned()),
        entity: Set(entity.to_owned()),
        entity_id: Set(Some(entity_id.to_string())),
        detail: Set(Some(detail.into())),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The filters of the page, as checked from its query.
#[derive(Debug, Default, PartialEq)]
struct Filter {
    actor: Option<i32>,
    entity: Option<String>,
    action: Option<String>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    page: u64,
}

/// A filter that cannot be applied: the field and what to say beside it.
type Problem = (&'static str, &'static str);

fn check_filter(query: &HashMap<String, String>) -> Result<Filter, Problem> {
    let get = |name: &str| query.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let date = |name: &'static str| {
        get(name)
            .map(|d| d.parse::<NaiveDate>().map_err(|_| (name, "A day is written as 2027-03-31.")))
            .transpose()
    };
    let actor = get("actor")
        .map(|a| a.parse::<i32>().map_err(|_| ("actor", "Choose a person from the list.")))
        .transpose()?;
    let (from, to) = (date("from")?, date("to")?);
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(("to", "The last day comes on or after the first."));
    }
    let page = get("page").map_or(Ok(1), |p| {
        p.parse::<u64>().ok().filter(|p| *p >= 1).ok_or(("page", "Pages are numbered from 1."))
    })?;
    Ok(Filter {
        actor,
        entity: get("entity").map(str::to_owned),
        action: get("action").map(str::to_owned),
        from,
        to,
        page,
    })
}

impl Filter {
    /// The query string of this filter on another page.
    fn on_page(&self, page: u64) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if let Some(actor) = self.actor {
            query.append_pair("actor", &actor.to_string());
        }
        for (name, value) in [("entity", &self.entity), ("action", &self.action)] {
            if let Some(value) = value {
                query.append_pair(name, value);
            }
        }
        for (name, value) in [("from", self.from), ("to", self.to)] {
            if let Some(value) = value {
                query.append_pair(name, &value.to_string());
            }
        }
        query.append_pair("page", &page.to_string());
        query.finish()
    }
}

/// The distinct values of a column, for a filter's list.
async fn distinct(
    db: &impl ConnectionTrait,
    column: audit_log::Column,
) -> Result<Vec<String>, DbErr> {
    audit_log::Entity::find()
        .select_only()
        .column(column)
        .distinct()
        .order_by_asc(column)
        .into_tuple::<String>()
        .all(db)
        .await
}

/// `GET /admin/audit`: who did what to which record, newest first, 50 a page, filtered by
/// person, kind of record, action and days (UTC); admins only. A filter that cannot be read is
/// answered 422 with the reason beside it.
pub async fn audit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let me = match admin(&state, &headers, "/admin/audit").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let checked = check_filter(&query);
    let filter = checked.as_ref().ok();
    let loaded = async {
        let people = staff_user::Entity::find()
            .order_by_asc(staff_user::Column::Name)
            .all(&state.db)
            .await?;
        let entities = distinct(&state.db, audit_log::Column::Entity).await?;
        let actions = distinct(&state.db, audit_log::Column::Action).await?;
        let entries = match filter {
            Some(filter) => {
                let mut select = audit_log::Entity::find()
                    .order_by_desc(audit_log::Column::CreatedAt)
                    .order_by_desc(audit_log::Column::Id);
                if let Some(actor) = filter.actor {
                    select = select.filter(audit_log::Column::ActorId.eq(actor));
                }
                if let Some(entity) = &filter.entity {
                    select = select.filter(audit_log::Column::Entity.eq(entity));
                }
                if let Some(action) = &filter.action {
                    select = select.filter(audit_log::Column::Action.eq(action));
                }
                if let Some(from) = filter.from {
                    select = select.filter(
                        audit_log::Column::CreatedAt
                            .gte(from.and_time(chrono::NaiveTime::MIN).and_utc()),
                    );
                }
                if let Some(to) = filter.to.and_then(|to| to.succ_opt()) {
                    select = select.filter(
                        audit_log::Column::CreatedAt
                            .lt(to.and_time(chrono::NaiveTime::MIN).and_utc()),
                    );
                }
                let pages = select.paginate(&state.db, PER_PAGE);
                let total = pages.num_items().await?;
                Some((pages.fetch_page(filter.page - 1).await?, total))
            }
            None => None,
        };
        Ok::<_, DbErr>((people, entities, actions, entries))
    }
    .await;
    let (people, entities, actions, entries) = match loaded {
        Ok(loaded) => loaded,
        Err(err) => {
            tracing::error!(cause = %err, "cannot read the audit log");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let problem = checked.as_ref().err();
    let beside = |field: &str| match problem {
        Some((at, message)) if *at == field => format!(
            "<p class=\"form-notice\" role=\"alert\" data-test=\"audit-error\">{}</p>",
            esc(message)
        ),
        _ => String::new(),
    };
    let raw = |name: &str| query.get(name).map_or("", String::as_str);
    let option = |value: &str, label: &str, chosen: bool| {
        format!(
            "<option value=\"{}\"{}>{}</option>",
            esc(value),
            if chosen { " selected" } else { "" },
            esc(label)
        )
    };
    let any = "<option value=\"\">any</option>";
    let people_options: String = people
        .iter()
        .map(|p| {
            let id = p.id.to_string();
            option(&id, &format!("{} ({})", p.name, p.email), raw("actor").trim() == id)
        })
        .collect();
    let choices = |values: &[String], name: &str| -> String {
        values.iter().map(|v| option(v, v, raw(name).trim() == v)).collect()
    };
    let form = format!(
        "<form class=\"inquiry-form\" method=\"get\" action=\"/admin/audit\" data-test=\"audit-filter\"><div class=\"form-grid\">\
         <div class=\"field\"><label for=\"actor\">Who</label><select id=\"actor\" name=\"actor\">{any}{people_options}</select>{}</div>\
         <div class=\"field\"><label for=\"entity\">Record</label><select id=\"entity\" name=\"entity\">{any}{}</select></div>\
         <div class=\"field\"><label for=\"action\">Action</label><select id=\"action\" name=\"action\">{any}{}</select></div>\
         <div class=\"field\"><label for=\"from\">From (UTC)</label><input id=\"from\" name=\"from\" type=\"date\" value=\"{}\">{}</div>\
         <div class=\"field\"><label for=\"to\">To (UTC, included)</label><input id=\"to\" name=\"to\" type=\"date\" value=\"{}\">{}</div>\
         </div>{}<button type=\"submit\">Filter</button> <a href=\"/admin/audit\">All entries</a></form>",
        beside("actor"),
        choices(&entities, "entity"),
        choices(&actions, "action"),
        esc(raw("from")),
        beside("from"),
        esc(raw("to")),
        beside("to"),
        beside("page"),
    );
    let listing = match (entries, filter) {
        (Some((entries, total)), Some(filter)) => {
            let who = |id: Option<i32>| match id.and_then(|id| people.iter().find(|p| p.id == id)) {
                Some(p) => format!("{} ({})", esc(&p.name), esc(&p.email)),
                None => "(removed account)".to_owned(),
            };
            let rows: String = entries
                .iter()
                .map(|e| {
                    let record = e.entity_id.as_deref().unwrap_or_default();
                    format!(
                        "<tr data-test=\"audit-row\" data-action=\"{0}\" data-entity=\"{1}\" data-entity-id=\"{2}\"><td>{3}</td><td>{4}</td><td>{0}</td><td>{1} {2}</td><td>{5}</td></tr>",
                        esc(&e.action),
                        esc(&e.entity),
                        esc(record),
                        e.created_at.format("%Y-%m-%d %H:%M:%S"),
                        who(e.actor_id),
                        esc(e.detail.as_deref().unwrap_or_default()),
                    )
                })
                .collect();
            let pages = total.div_ceil(PER_PAGE).max(1);
            let mut nav = Vec::new();
            if filter.page > 1 {
                nav.push(format!(
                    "<a rel=\"prev\" href=\"/admin/audit?{}\">Newer</a>",
                    esc(&filter.on_page(filter.page - 1))
                ));
            }
            if filter.page < pages {
                nav.push(format!(
                    "<a rel=\"next\" href=\"/admin/audit?{}\">Older</a>",
                    esc(&filter.on_page(filter.page + 1))
                ));
            }
            format!(
                "<p data-test=\"audit-count\" data-total=\"{total}\">{total} entries; page {} of {pages}.</p>\
                 <table class=\"compare-table\" data-test=\"audit\"><thead><tr><th>When (UTC)</th><th>Who</th><th>Action</th><th>Record</th><th>Detail</th></tr></thead><tbody>{rows}</tbody></table>\
                 <nav aria-label=\"Pages\">{}</nav>",
                filter.page,
                nav.join(" ")
            )
        }
        _ => "<p>Correct the filter to see the entries.</p>".to_owned(),
    };
    let status = if problem.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let body = format!(
        "<h1>Audit log</h1><p>Every change staff make to accounts, routing, rates and listings: who, what, which record and when.</p>{form}{listing}"
    );
    html(status, page("Audit log", Some(&me), &body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn filters_are_read_and_bad_ones_named() {
        let day = |d: &str| d.parse::<NaiveDate>().ok();
        assert_eq!(check_filter(&query(&[])), Ok(Filter { page: 1, ..Filter::default() }));
        assert_eq!(
            check_filter(&query(&[
                ("actor", "7"),
                ("entity", "desk"),
                ("action", " "),
                ("from", "2027-01-01"),
                ("to", "2027-01-31"),
                ("page", "2"),
            ])),
            Ok(Filter {
                actor: Some(7),
                entity: Some("desk".into()),
                action: None,
                from: day("2027-01-01"),
                to: day("2027-01-31"),
                page: 2,
            })
        );
        assert_eq!(check_filter(&query(&[("actor", "root")])).map_err(|p| p.0), Err("actor"));
        assert_eq!(check_filter(&query(&[("from", "31.01.2027")])).map_err(|p| p.0), Err("from"));
        assert_eq!(
            check_filter(&query(&[("from", "2027-02-01"), ("to", "2027-01-01")])).map_err(|p| p.0),
            Err("to")
        );
        assert_eq!(check_filter(&query(&[("page", "0")])).map_err(|p| p.0), Err("page"));
    }

    #[test]
    fn other_pages_keep_the_filter() {
        let filter = Filter { entity: Some("staff_user".into()), page: 1, ..Filter::default() };
        assert_eq!(filter.on_page(3), "entity=staff_user&page=3");
    }
}
