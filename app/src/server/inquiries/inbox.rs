//! The staff inbox's data: the inquiries a filter selects (a page at a time, or all of them for
//! the export), what is shown beside them (listings, assignees, failed mail), and what staff do
//! to an inquiry besides changing its status: notes, assignment and another try of failed mail.

use super::ListingKind;
use crate::models::{InquiryStatus, OutboxStatus, Role};
use crate::server::entities::{
    inquiry, inquiry_event, inquiry_listing, opportunity, outbox, site, staff_user,
};
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Select, Set, TransactionSession, TransactionTrait,
    sea_query::{Expr, ExprTrait, Query},
};
use std::collections::{HashMap, HashSet};

/// Inquiries shown on one page of the inbox.
pub const PER_PAGE: u64 = 50;

/// The longest staff note, in characters.
pub const NOTE_MAX_CHARS: usize = 2000;

/// The event kind of a staff note.
pub const NOTE: &str = "note";

/// What the inbox is narrowed to; `None` (or `false`) leaves that side open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub status: Option<InquiryStatus>,
    pub desk_id: Option<i32>,
    /// A listing the inquiry concerns, through its listings table.
    pub listing: Option<(ListingKind, i32)>,
    /// An ISO 3166 code, upper case.
    pub country: Option<String>,
    /// The first day received, inclusive (UTC).
    pub from: Option<NaiveDate>,
    /// The last day received, inclusive (UTC).
    pub to: Option<NaiveDate>,
    pub assignee: Option<i32>,
    /// Only inquiries with an email that failed for good.
    pub failed_mail: bool,
}

fn failed_mail_inquiries() -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(outbox::Column::InquiryId)
        .from(outbox::Entity)
        .and_where(Expr::col(outbox::Column::Status).eq(OutboxStatus::Failed.as_str()))
        .and_where(Expr::col(outbox::Column::InquiryId).is_not_null())
        .to_owned()
}

/// The inquiries `filter` selects, newest first.
pub fn select(filter: &Filter) -> Select<inquiry::Entity> {
    let mut select = inquiry::Entity::find();
    if let Some(status) = filter.status {
        select = select.filter(inquiry::Column::Status.eq(status.as_str()));
    }
    if let Some(desk) = filter.desk_id {
        select = select.filter(inquiry::Column::DeskId.eq(desk));
    }
    if let Some((kind, id)) = filter.listing {
        let column = match kind {
            ListingKind::Site => inquiry_listing::Column::SiteId,
            ListingKind::Opportunity => inquiry_listing::Column::OpportunityId,
        };
        let asked = Query::select()
            .column(inquiry_listing::Column::InquiryId)
            .from(inquiry_listing::Entity)
            .and_where(Expr::col(column).eq(id))
            .to_owned();
        select =
            select.filter(Expr::col((inquiry::Entity, inquiry::Column::Id)).in_subquery(asked));
    }
    if let Some(country) = &filter.country {
        select = select.filter(inquiry::Column::Country.eq(country.as_str()));
    }
    if let Some(from) = filter.from {
        select = select
            .filter(inquiry::Column::CreatedAt.gte(from.and_time(Default::default()).and_utc()));
    }
    if let Some(to) = filter.to {
        // Inclusive: everything before the start of the next day.
        if let Some(next) = to.succ_opt() {
            select = select
                .filter(inquiry::Column::CreatedAt.lt(next.and_time(Default::default()).and_utc()));
        }
    }
    if let Some(assignee) = filter.assignee {
        select = select.filter(inquiry::Column::AssignedTo.eq(assignee));
    }
    if filter.failed_mail {
        select = select.filter(
            Expr::col((inquiry::Entity, inquiry::Column::Id)).in_subquery(failed_mail_inquiries()),
        );
    }
    select.order_by_desc(inquiry::Column::CreatedAt).order_by_desc(inquiry::Column::Id)
}

/// Page `page` (from 1) of the inquiries `filter` selects, and how many it selects in all.
pub async fn page(
    db: &impl ConnectionTrait,
    filter: &Filter,
    page: u64,
) -> Result<(Vec<inquiry::Model>, u64), DbErr> {
    let pages = select(filter).paginate(db, PER_PAGE);
    let total = pages.num_items().await?;
    let rows = pages.fetch_page(page.saturating_sub(1)).await?;
    Ok((rows, total))
}

/// Every inquiry `filter` selects, newest first.
pub async fn all(db: &impl ConnectionTrait, filter: &Filter) -> Result<Vec<inquiry::Model>, DbErr> {
    select(filter).all(db).await
}

/// A site or an opportunity by its code, whatever its status: inquiries outlive publication.
pub async fn listing_by_code(
    db: &impl ConnectionTrait,
    code: &str,
) -> Result<Option<(ListingKind, i32)>, DbErr> {
    if let Some(found) = site::Entity::find().filter(site::Column::Code.eq(code)).one(db).await? {
        return Ok(Some((ListingKind::Site, found.id)));
    }
    Ok(opportunity::Entity::find()
        .filter(opportunity::Column::Code.eq(code))
        .one(db)
        .await?
        .map(|found| (ListingKind::Opportunity, found.id)))
}

/// Bound parameters per query, well within SQLite's and PostgreSQL's limits.
const CHUNK: usize = 500;

/// The listing codes each of `ids` concerns, in the order they were asked about.
pub async fn listing_codes(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<String>>, DbErr> {
    let mut links = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        links.extend(
            inquiry_listing::Entity::find()
                .filter(inquiry_listing::Column::InquiryId.is_in(chunk.iter().copied()))
                .order_by_asc(inquiry_listing::Column::Id)
                .all(db)
                .await?,
        );
    }
    let site_ids: Vec<i32> = links.iter().filter_map(|l| l.site_id).collect();
    let opportunity_ids: Vec<i32> = links.iter().filter_map(|l| l.opportunity_id).collect();
    let mut site_codes = HashMap::new();
    for chunk in site_ids.chunks(CHUNK) {
        for s in site::Entity::find()
            .filter(site::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            site_codes.insert(s.id, s.code);
        }
    }
    let mut opportunity_codes = HashMap::new();
    for chunk in opportunity_ids.chunks(CHUNK) {
        for o in opportunity::Entity::find()
            .filter(opportunity::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            opportunity_codes.insert(o.id, o.code);
        }
    }
    let mut codes: HashMap<i32, Vec<String>> = HashMap::new();
    for link in links {
        let code = match (link.site_id, link.opportunity_id) {
            (Some(id), _) => site_codes.get(&id),
            (None, Some(id)) => opportunity_codes.get(&id),
            (None, None) => None,
        };
        if let Some(code) = code {
            codes.entry(link.inquiry_id).or_default().push(code.clone());
        }
    }
    Ok(codes)
}

/// Which of `ids` have an email that failed for good.
pub async fn with_failed_mail(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashSet<i32>, DbErr> {
    let mut found = HashSet::new();
    for chunk in ids.chunks(CHUNK) {
        for row in outbox::Entity::find()
            .filter(outbox::Column::InquiryId.is_in(chunk.iter().copied()))
            .filter(outbox::Column::Status.eq(OutboxStatus::Failed.as_str()))
            .all(db)
            .await?
        {
            found.extend(row.inquiry_id);
        }
    }
    Ok(found)
}

/// Whether `user` may have inquiries assigned: an active desk officer or admin.
pub fn can_be_assigned(user: &staff_user::Model) -> bool {
    user.active && matches!(user.role.parse(), Ok(Role::Desk | Role::Admin))
}

/// The staff who may have inquiries assigned, by name.
pub async fn assignable(db: &impl ConnectionTrait) -> Result<Vec<staff_user::Model>, DbErr> {
    Ok(staff_user::Entity::find()
        .filter(staff_user::Column::Active.eq(true))
        .order_by_asc(staff_user::Column::Name)
        .order_by_asc(staff_user::Column::Email)
        .all(db)
        .await?
        .into_iter()
        .filter(can_be_assigned)
        .collect())
}

/// A note as staff typed it, cleaned, or why it cannot be kept.
pub fn clean_note(raw: &str) -> Result<String, &'static str> {
    // Browsers send a text area's line ends as CR LF.
    let text = raw.replace("\r\n", "\n");
    let text = text.trim();
    if text.is_empty() {
        return Err("Write the note first.");
    }
    if text.chars().count() > NOTE_MAX_CHARS {
        return Err("A note holds at most 2000 characters.");
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err("A note cannot hold control characters (only line breaks).");
    }
    Ok(text.to_owned())
}

/// Keeps a staff-only note on an inquiry; the investor never sees it.
pub async fn add_note(
    db: &impl ConnectionTrait,
    inquiry_id: i32,
    actor: &staff_user::Model,
    note: String,
) -> Result<inquiry_event::Model, DbErr> {
    inquiry_event::ActiveModel {
        inquiry_id: Set(inquiry_id),
        kind: Set(NOTE.to_owned()),
        status: Set(None),
        note: Set(Some(note)),
        public: Set(false),
        actor_id: Set(Some(actor.id)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Assigns `row` to `to` on behalf of `by`; a new inquiry becomes assigned, which the investor
/// sees. The check that `to` may be assigned is the caller's ([`can_be_assigned`]).
pub async fn assign<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    row: inquiry::Model,
    by: &staff_user::Model,
    to: &staff_user::Model,
) -> Result<(), DbErr> {
    let now = Utc::now();
    let id = row.id;
    let was_new = row.status == InquiryStatus::New.as_str();
    let mut changed: inquiry::ActiveModel = row.into();
    changed.assigned_to = Set(Some(to.id));
    changed.updated_at = Set(now);
    if was_new {
        changed.status = Set(InquiryStatus::Assigned.as_str().to_owned());
    }
    let txn = db.begin().await?;
    changed.update(&txn).await?;
    if was_new {
        // The step, for the investor's page; who took it up stays with staff.
        inquiry_event::ActiveModel {
            inquiry_id: Set(id),
            kind: Set(InquiryStatus::Assigned.as_str().to_owned()),
            status: Set(Some(InquiryStatus::Assigned.as_str().to_owned())),
            note: Set(None),
            public: Set(true),
            actor_id: Set(Some(by.id)),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    inquiry_event::ActiveModel {
        inquiry_id: Set(id),
        kind: Set("assignment".to_owned()),
        status: Set(None),
        note: Set(Some(format!("{} assigned it to {}", by.name, to.name))),
        public: Set(false),
        actor_id: Set(Some(by.id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await
}

/// What became of a request to send a failed email again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Retry {
    /// Back in the queue, due now.
    Queued,
    /// The inquiry has no such email.
    NotFound,
    /// The email has not failed (it is queued, being sent, or sent).
    NotFailed,
}

/// Puts the failed email `mail_id` of inquiry `inquiry_id` back in the queue for an attempt now,
/// with a fresh count of attempts, and records it in the inquiry's history. Only a failed row
/// changes: the update is conditional, so a row a worker holds is never touched.
pub async fn retry_mail<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    inquiry_id: i32,
    mail_id: i32,
    actor: &staff_user::Model,
) -> Result<Retry, DbErr> {
    let Some(mail) = outbox::Entity::find_by_id(mail_id)
        .filter(outbox::Column::InquiryId.eq(inquiry_id))
        .one(db)
        .await?
    else {
        return Ok(Retry::NotFound);
    };
    let now = Utc::now();
    let txn = db.begin().await?;
    let queued = outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value(OutboxStatus::Pending.as_str()))
        .col_expr(outbox::Column::Attempts, Expr::value(0))
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(now))
        .col_expr(outbox::Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(outbox::Column::LockedUntil, Expr::value(Option::<chrono::DateTime<Utc>>::None))
        .filter(outbox::Column::Id.eq(mail_id))
        .filter(outbox::Column::InquiryId.eq(inquiry_id))
        .filter(outbox::Column::Status.eq(OutboxStatus::Failed.as_str()))
        .exec(&txn)
        .await?;
    if queued.rows_affected != 1 {
        txn.rollback().await?;
        return Ok(Retry::NotFailed);
    }
    inquiry_event::ActiveModel {
        inquiry_id: Set(inquiry_id),
        kind: Set("mail-retry".to_owned()),
        status: Set(None),
        note: Set(Some(format!(
            "{} email to {} queued again after {} attempts ({})",
            mail.kind,
            mail.to_addrs,
            mail.attempts,
            mail.last_error.as_deref().unwrap_or("no error recorded")
        ))),
        public: Set(false),
        actor_id: Set(Some(actor.id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Retry::Queued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_trimmed_bounded_and_free_of_control_characters() {
        assert_eq!(
            clean_note("  Called back.\r\nWill visit.  "),
            Ok("Called back.\nWill visit.".into())
        );
        assert!(clean_note(" \n ").is_err());
        assert!(clean_note(&"x".repeat(NOTE_MAX_CHARS + 1)).is_err());
        assert_eq!(clean_note(&"字".repeat(NOTE_MAX_CHARS)).map(|n| n.chars().count()), Ok(2000));
        assert!(clean_note("bell \u{7}").is_err());
        assert!(clean_note("tab\there").is_err());
        assert!(clean_note("lone\rreturn").is_err());
    }
}
