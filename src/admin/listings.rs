//! Listings and their publication workflow.

use super::{esc, form, html, page, staff};
use app::models::{PublicationStatus, Role};
use app::server::AppState;
use axum::{
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

/// The languages in which a listing's required text (title, summary, description) is missing.
fn missing_languages<'a>(
    texts: impl Iterator<Item = (&'a str, [&'a str; 3])> + Clone,
) -> Vec<String> {
    app::i18n::languages()
        .iter()
        .filter(|language| {
            !texts.clone().any(|(lang, fields)| {
                lang == language.code && fields.iter().all(|f| !f.trim().is_empty())
            })
        })
        .map(|language| language.code.clone())
        .collect()
}

/// `GET /admin/listings`: every site and opportunity with its status and the languages its
/// required text is still missing in (all staff).
pub async fn listings(State(state): State<AppState>, headers: HeaderMap) -> Response {
    use app::server::entities::{opportunity, opportunity_translation, site, site_translation};
    let user = match staff(&state, &headers, "/admin/listings").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let loaded = async {
        Ok::<_, sea_orm::DbErr>((
            site::Entity::find().order_by_asc(site::Column::Code).all(&state.db).await?,
            site_translation::Entity::find().all(&state.db).await?,
            opportunity::Entity::find()
                .order_by_asc(opportunity::Column::Code)
                .all(&state.db)
                .await?,
            opportunity_translation::Entity::find().all(&state.db).await?,
        ))
    }
    .await;
    let Ok((sites, site_texts, opportunities, opportunity_texts)) = loaded else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let row = |kind: &str, code: &str, status: &str, missing: Vec<String>| {
        let complete = if missing.is_empty() {
            "all four".to_owned()
        } else {
            format!("missing: {}", missing.join(", "))
        };
        format!(
            "<tr data-test=\"listing-row\" data-code=\"{0}\" data-missing=\"{1}\"><td>{2}</td><td>{0}</td><td>{3}</td><td>{4}</td><td><a href=\"/admin/listings/{0}/edit\">Edit</a> · <a href=\"/admin/listings/{0}/preview/en\">Preview</a></td></tr>",
            esc(code),
            esc(&missing.join(",")),
            kind,
            esc(status),
            esc(&complete)
        )
    };
    let mut rows = String::new();
    for s in &sites {
        let texts = site_texts.iter().filter(|t| t.site_id == s.id).map(|t| {
            (t.lang.as_str(), [t.title.as_str(), t.summary.as_str(), t.description.as_str()])
        });
        rows.push_str(&row("site", &s.code, &s.status, missing_languages(texts)));
    }
    for o in &opportunities {
        let texts = opportunity_texts.iter().filter(|t| t.opportunity_id == o.id).map(|t| {
            (t.lang.as_str(), [t.title.as_str(), t.summary.as_str(), t.description.as_str()])
        });
        rows.push_str(&row("opportunity", &o.code, &o.status, missing_languages(texts)));
    }
    let body = format!(
        "<h1>Listings</h1><p>A listing can be published only when its title, summary and description exist in all four languages.</p>\
         <p><a class=\"button\" href=\"/admin/listings/new?kind=site\" data-test=\"new-site\">New site</a> <a class=\"button\" href=\"/admin/listings/new?kind=opportunity\" data-test=\"new-opportunity\">New opportunity</a></p>\
         <table class=\"compare-table\" data-test=\"listings\"><thead><tr><th>Kind</th><th>Code</th><th>Status</th><th>Text</th><th></th></tr></thead><tbody>{rows}</tbody></table>"
    );
    html(StatusCode::OK, page("Listings", Some(&user), &body))
}

/// Where a listing may go from `status`: draft → in review → published → archived, with the way
/// back to draft for corrections.
pub(super) fn next_statuses(status: PublicationStatus) -> Vec<PublicationStatus> {
    use PublicationStatus::*;
    match status {
        Draft => vec![InReview],
        InReview => vec![Published, Draft],
        Published => vec![Archived, Draft],
        Archived => vec![Draft],
    }
}

/// `POST /admin/listings/{code}/status`: editors and admins move a listing along the workflow;
/// it is published only with its text complete in every language. Recorded in the audit log.
pub async fn change_listing_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    body: Bytes,
) -> Response {
    use app::server::entities::{
        audit_log, opportunity, opportunity_translation, site, site_translation,
    };
    let user = match staff(&state, &headers, "/admin/listings").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    if !matches!(user.role.parse(), Ok(Role::Editor | Role::Admin)) {
        return html(
            StatusCode::FORBIDDEN,
            page("Not allowed", Some(&user), "<h1>Only editors and admins publish</h1>"),
        );
    }
    let fields = form(&body);
    // From the editor, back to the editor; otherwise to the list.
    let back = if fields.get("from").map(String::as_str) == Some("editor") {
        format!("/admin/listings/{code}/edit")
    } else {
        "/admin/listings".to_owned()
    };
    let Some(wanted) = fields.get("status").and_then(|s| s.parse::<PublicationStatus>().ok())
    else {
        return html(
            StatusCode::UNPROCESSABLE_ENTITY,
            page("Bad status", Some(&user), "<h1>Choose a status</h1>"),
        );
    };
    let refuse = |message: String| {
        html(
            StatusCode::UNPROCESSABLE_ENTITY,
            page(
                "Not possible",
                Some(&user),
                &format!(
                    "<h1 data-test=\"workflow-error\">{}</h1><p><a href=\"/admin/listings\">Back to the listings</a></p>",
                    esc(&message)
                ),
            ),
        )
    };
    let now = Utc::now();
    let published_at = |current: Option<chrono::DateTime<Utc>>| {
        if wanted == PublicationStatus::Published { current.or(Some(now)) } else { current }
    };
    /// What became of the request: changed (the kind of listing, its former status) or refused.
    enum Moved {
        Changed(&'static str, String),
        Refused(String),
    }
    let result: Result<Option<Moved>, sea_orm::DbErr> = async {
        if let Some(found) =
            site::Entity::find().filter(site::Column::Code.eq(&code)).one(&state.db).await?
        {
            let texts = site_translation::Entity::find()
                .filter(site_translation::Column::SiteId.eq(found.id))
                .all(&state.db)
                .await?;
            let missing = missing_languages(texts.iter().map(|t| {
                (t.lang.as_str(), [t.title.as_str(), t.summary.as_str(), t.description.as_str()])
            }));
            let from = found.status.clone();
            if let Some(problem) = workflow_problem(&from, wanted, &missing) {
                return Ok(Some(Moved::Refused(problem)));
            }
            let mut changed: site::ActiveModel = found.clone().into();
            changed.status = Set(wanted.as_str().to_owned());
            changed.published_at = Set(published_at(found.published_at));
            changed.updated_at = Set(now);
            changed.update(&state.db).await?;
            return Ok(Some(Moved::Changed("site", from)));
        }
        if let Some(found) = opportunity::Entity::find()
            .filter(opportunity::Column::Code.eq(&code))
            .one(&state.db)
            .await?
        {
            let texts = opportunity_translation::Entity::find()
                .filter(opportunity_translation::Column::OpportunityId.eq(found.id))
                .all(&state.db)
                .await?;
            let missing = missing_languages(texts.iter().map(|t| {
                (t.lang.as_str(), [t.title.as_str(), t.summary.as_str(), t.description.as_str()])
            }));
            let from = found.status.clone();
            if let Some(problem) = workflow_problem(&from, wanted, &missing) {
                return Ok(Some(Moved::Refused(problem)));
            }
            let mut changed: opportunity::ActiveModel = found.clone().into();
            changed.status = Set(wanted.as_str().to_owned());
            changed.published_at = Set(published_at(found.published_at));
            changed.updated_at = Set(now);
            changed.update(&state.db).await?;
            return Ok(Some(Moved::Changed("opportunity", from)));
        }
        Ok(None)
    }
    .await;
    match result {
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Ok(Some(Moved::Refused(message))) => refuse(message),
        Ok(Some(Moved::Changed(entity, from))) => {
            let entry = audit_log::ActiveModel {
                actor_id: Set(Some(user.id)),
                action: Set("status".into()),
                entity: Set(entity.into()),
                entity_id: Set(Some(code.clone())),
                detail: Set(Some(format!("{from} -> {}", wanted.as_str()))),
                created_at: Set(now),
                ..Default::default()
            };
            if let Err(err) = entry.insert(&state.db).await {
                tracing::error!(cause = %err, "cannot write the audit log");
            }
            Redirect::to(&back).into_response()
        }
        Err(err) => {
            tracing::error!(cause = %err, "cannot change a listing's status");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// Why a listing cannot go from `from` to `wanted`, if it cannot.
fn workflow_problem(from: &str, wanted: PublicationStatus, missing: &[String]) -> Option<String> {
    let Ok(current) = from.parse::<PublicationStatus>() else {
        return Some(format!("The listing's status '{from}' is not one the workflow knows."));
    };
    if !next_statuses(current).contains(&wanted) {
        return Some(format!(
            "A listing cannot go from {} to {}.",
            current.as_str(),
            wanted.as_str()
        ));
    }
    if wanted == PublicationStatus::Published && !missing.is_empty() {
        return Some(format!(
            "It cannot be published yet: its title, summary or description is missing in {}.",
            missing.join(", ")
        ));
    }
    None
}
