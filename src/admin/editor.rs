//! The listing editor: a site's or an opportunity's shared facts once, its text in one tab per
//! language (right to left for Arabic), every problem named beside its field, and a preview of
//! the public page in each language. Both kinds of listing share one form engine: each is a table
//! of fields, written to its sea-orm entity column by column.

use super::{esc, html, page, staff};
use app::i18n;
use app::models::{
    Availability, OpportunitySide, Partnership, PublicationStatus, Regime, Role, Sector, Side,
    SiteKind, Stage, Tenure, Zone,
};
use app::server::AppState;
use app::server::entities::{
    audit_log, opportunity, opportunity_site, opportunity_translation, site, site_translation,
    staff_user,
};
use axum::{
    body::{Body, Bytes},
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, Request, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use chrono::Utc;
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait,
    IntoActiveModel, ModelTrait, QueryFilter, QueryOrder, TransactionTrait, Value,
};
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

/// The two kinds of listing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Site,
    Opportunity,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Site => "site",
            Kind::Opportunity => "opportunity",
        }
    }

    /// The public section of the listing's page.
    fn section(self) -> &'static str {
        match self {
            Kind::Site => "sites",
            Kind::Opportunity => "opportunities",
        }
    }

    fn fields(self) -> Vec<Field> {
        match self {
            Kind::Site => site_fields(),
            Kind::Opportunity => opportunity_fields(),
        }
    }

    /// The text fields written in each language; the first three are required to publish.
    fn texts(self) -> &'static [TextField] {
        match self {
            Kind::Site => &TEXTS[..3],
            Kind::Opportunity => &TEXTS,
        }
    }
}

/// How a number is stored.
#[derive(Clone, Copy)]
enum Width {
    I16,
    I32,
    I64,
}

/// What a shared field takes.
enum Input {
    /// The listing's code, such as KZ-P1 or OPP-12: fixed once created.
    Code,
    /// The last part of the public address.
    Slug,
    /// The outline on the plan of the center: points "x,y x,y …" on the 1000 × 600 plan.
    Outline,
    Choice(fn() -> Vec<String>),
    /// Several of a list, stored comma-separated; at least one.
    Several(fn() -> Vec<String>),
    Whole {
        min: i64,
        max: i64,
        width: Width,
        optional: bool,
    },
    Decimal {
        min: f64,
        max: f64,
        optional: bool,
    },
    /// US dollars with cents, stored in cents.
    Cents {
        max: f64,
    },
    Flag,
    Day,
    /// The staff member who manages the listing (optional).
    Manager,
    /// The sites an opportunity can be placed on, by code (opportunities only; not a column).
    SiteCodes,
}

struct Field {
    name: &'static str,
    label: &'static str,
    input: Input,
}

struct TextField {
    name: &'static str,
    label: &'static str,
    max: usize,
    multiline: bool,
}

const TEXTS: [TextField; 4] = [
    TextField { name: "title", label: "Title", max: 160, multiline: false },
    TextField {
        name: "summary",
        label: "Summary (one or two sentences)",
        max: 400,
        multiline: true,
    },
    TextField { name: "description", label: "Description", max: 8000, multiline: true },
    TextField { name: "incentives", label: "Incentives", max: 4000, multiline: true },
];

fn names<T: ToString>(all: &[T]) -> Vec<String> {
    all.iter().map(ToString::to_string).collect()
}

fn field(name: &'static str, label: &'static str, input: Input) -> Field {
    Field { name, label, input }
}

fn whole(min: i64, max: i64, optional: bool) -> Input {
    Input::Whole { min, max, width: Width::I32, optional }
}

fn decimal(min: f64, max: f64, optional: bool) -> Input {
    Input::Decimal { min, max, optional }
}

fn site_fields() -> Vec<Field> {
    vec![
        field("code", "Code (such as KZ-P9)", Input::Code),
        field("slug", "Address (slug)", Input::Slug),
        field("side", "Side", Input::Choice(|| names(Side::ALL))),
        field("regime", "Legal regime", Input::Choice(|| names(Regime::ALL))),
        field("zone", "Zone", Input::Choice(|| names(Zone::ALL))),
        field("kind", "Kind", Input::Choice(|| names(SiteKind::ALL))),
        field("land_area_m2", "Land area (m²)", whole(1, 10_000_000, false)),
        field("built_area_m2", "Built area (m²)", whole(1, 10_000_000, true)),
        field("ceiling_height_m", "Clear height (m)", decimal(0.0, 60.0, true)),
        field("floor_load_t_m2", "Floor load (t/m²)", decimal(0.0, 100.0, true)),
        field("power_kw", "Power (kW)", whole(0, 1_000_000, false)),
        field("water_m3_day", "Water (m³/day)", whole(0, 1_000_000, false)),
        field("gas_m3_h", "Gas (m³/h)", whole(0, 1_000_000, true)),
        field("rail_siding", "Rail siding", Input::Flag),
        field("dist_border_km", "Distance to the border (km)", decimal(0.0, 1000.0, false)),
        field("dist_rail_km", "Distance to the railway (km)", decimal(0.0, 1000.0, false)),
        field("dist_airport_km", "Distance to the airport (km)", decimal(0.0, 2000.0, false)),
        field("tenure", "Tenure", Input::Choice(|| names(Tenure::ALL))),
        field(
            "price_usd_cents",
            "Price in USD (lease: per m² per year; sale: the whole site)",
            Input::Cents { max: 10_000_000_000.0 },
        ),
        field("availability", "Availability", Input::Choice(|| names(Availability::ALL))),
        field("available_from", "Available from", Input::Day),
        field("latitude", "Latitude", decimal(-90.0, 90.0, false)),
        field("longitude", "Longitude", decimal(-180.0, 180.0, false)),
        field("plan_outline", "Outline on the plan (x,y points on 1000 × 600)", Input::Outline),
        field(
            "phase",
            "Phase",
            Input::Whole { min: 1, max: 9, width: Width::I16, optional: false },
        ),
        field("manager_id", "Managed by", Input::Manager),
    ]
}

fn opportunity_fields() -> Vec<Field> {
    vec![
        field("code", "Code (such as OPP-21)", Input::Code),
        field("slug", "Address (slug)", Input::Slug),
        field("sector", "Sector", Input::Choice(|| names(Sector::ALL))),
        field("side", "Side", Input::Choice(|| names(OpportunitySide::ALL))),
        field(
            "capex_min_usd",
            "Capital from (USD)",
            Input::Whole { min: 0, max: 100_000_000_000, width: Width::I64, optional: false },
        ),
        field(
            "capex_max_usd",
            "Capital up to (USD)",
            Input::Whole { min: 0, max: 100_000_000_000, width: Width::I64, optional: false },
        ),
        field("stage", "Stage", Input::Choice(|| names(Stage::ALL))),
        field("partnerships", "Partnership sought", Input::Several(|| names(Partnership::ALL))),
        field("jobs", "Jobs created", whole(0, 1_000_000, true)),
        field("payback_years", "Payback (years)", decimal(0.0, 100.0, true)),
        field("sites", "Sites (codes, such as KZ-L1 UZ-P2)", Input::SiteCodes),
        field("manager_id", "Managed by", Input::Manager),
    ]
}

/// The form as sent: repeated names (checkboxes) joined with commas.
fn form_values(body: &[u8]) -> HashMap<String, String> {
    let mut values: HashMap<String, String> = HashMap::new();
    for (name, value) in url::form_urlencoded::parse(body).into_owned() {
        values
            .entry(name)
            .and_modify(|joined| {
                joined.push(',');
                joined.push_str(&value);
            })
            .or_insert(value);
    }
    values
}

/// Problems, by the name of the field they belong to.
type Problems = BTreeMap<String, String>;

/// What a valid form holds: column values, linked site ids, and text by language and field.
#[derive(Default)]
struct Parsed {
    columns: Vec<(&'static str, Value)>,
    sites: Option<Vec<i32>>,
    texts: BTreeMap<String, BTreeMap<&'static str, String>>,
}

fn is_code(value: &str) -> bool {
    let mut parts = value.splitn(2, '-');
    let (Some(prefix), Some(rest)) = (parts.next(), parts.next()) else { return false };
    (2..=4).contains(&prefix.len())
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && (1..=10).contains(&rest.len())
        && rest.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && !rest.starts_with('-')
        && !rest.ends_with('-')
}

fn is_slug(value: &str) -> bool {
    (3..=80).contains(&value.len())
        && value.split('-').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn is_outline(value: &str) -> bool {
    let points: Vec<&str> = value.split_whitespace().collect();
    (3..=16).contains(&points.len())
        && points.iter().all(|point| {
            point.split_once(',').is_some_and(|(x, y)| {
                matches!(x.parse::<u32>(), Ok(0..=1000)) && matches!(y.parse::<u32>(), Ok(0..=600))
            })
        })
}

/// A number as staff type it: spaces, commas and underscores between digits are ignored.
fn digits(raw: &str) -> String {
    raw.chars().filter(|c| !matches!(c, ' ' | ',' | '_' | '\u{a0}')).collect()
}

/// Characters that have no place in listing text: controls (other than line breaks in long
/// fields) and the bidirectional embeddings and overrides that can disguise text.
fn bad_character(text: &str, multiline: bool) -> bool {
    text.chars().any(|c| {
        (c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// Checks the shared fields and the texts; the column values when all is well.
async fn parse(
    db: &impl ConnectionTrait,
    kind: Kind,
    values: &HashMap<String, String>,
) -> Result<Parsed, Problems> {
    let mut problems = Problems::new();
    let mut parsed = Parsed::default();
    let raw = |name: &str| values.get(name).map_or("", |v| v.trim());
    for f in kind.fields() {
        let value = raw(f.name);
        let mut problem = |text: String| {
            problems.insert(f.name.to_owned(), text);
        };
        let column = match &f.input {
            Input::Code if is_code(value) => Some(Value::String(Some(value.to_owned()))),
            Input::Code => {
                problem("Two to four capital letters, a hyphen, then letters or digits.".into());
                None
            }
            Input::Slug if is_slug(value) => Some(Value::String(Some(value.to_owned()))),
            Input::Slug => {
                problem("3 to 80 lower-case letters, digits and single hyphens.".into());
                None
            }
            Input::Outline if is_outline(value) => {
                Some(Value::String(Some(value.split_whitespace().collect::<Vec<_>>().join(" "))))
            }
            Input::Outline => {
                problem(
                    "3 to 16 points \"x,y\" separated by spaces, x up to 1000, y up to 600.".into(),
                );
                None
            }
            Input::Choice(list) if list().iter().any(|v| v == value) => {
                Some(Value::String(Some(value.to_owned())))
            }
            Input::Choice(_) => {
                problem("Choose one from the list.".into());
                None
            }
            Input::Several(list) => {
                let chosen: Vec<String> =
                    list().into_iter().filter(|v| value.split(',').any(|c| c == v)).collect();
                let all_known = value.split(',').all(|c| list().iter().any(|v| v == c));
                if chosen.is_empty() || !all_known {
                    problem("Choose at least one.".into());
                    None
                } else {
                    Some(Value::String(Some(chosen.join(","))))
                }
            }
            Input::Whole { min, max, width, optional } => {
                match (value.is_empty(), digits(value).parse::<i64>()) {
                    (true, _) if *optional => Some(whole_value(*width, None)),
                    (false, Ok(n)) if (*min..=*max).contains(&n) => {
                        Some(whole_value(*width, Some(n)))
                    }
                    _ => {
                        problem(format!("A whole number from {min} to {max}."));
                        None
                    }
                }
            }
            Input::Decimal { min, max, optional } => {
                match (value.is_empty(), digits(value).parse::<f64>()) {
                    (true, _) if *optional => Some(Value::Double(None)),
                    (false, Ok(n)) if n.is_finite() && (*min..=*max).contains(&n) => {
                        Some(Value::Double(Some(n)))
                    }
                    _ => {
                        problem(format!(
                            "A number from {min} to {max}, with a point for decimals."
                        ));
                        None
                    }
                }
            }
            Input::Cents { max } => match digits(value).parse::<f64>() {
                Ok(n) if n.is_finite() && (0.0..=*max).contains(&n) =>
                {
                    #[allow(clippy::cast_possible_truncation)]
                    Some(Value::BigInt(Some((n * 100.0).round() as i64)))
                }
                _ => {
                    problem("An amount in US dollars, such as 42 or 1250000.50.".into());
                    None
                }
            },
            Input::Flag => Some(Value::Bool(Some(matches!(value, "1" | "on" | "true")))),
            Input::Day if value.is_empty() => Some(Value::ChronoDate(None)),
            Input::Day => match value.parse::<chrono::NaiveDate>() {
                Ok(day) => Some(Value::ChronoDate(Some(day))),
                Err(_) => {
                    problem("A date such as 2027-03-01.".into());
                    None
                }
            },
            Input::Manager if value.is_empty() => Some(Value::Int(None)),
            Input::Manager => {
                let found = match value.parse::<i32>() {
                    Ok(id) => staff_user::Entity::find_by_id(id).one(db).await.ok().flatten(),
                    Err(_) => None,
                };
                match found.filter(|u| u.active) {
                    Some(user) => Some(Value::Int(Some(user.id))),
                    None => {
                        problem("Choose an active member of staff, or nobody.".into());
                        None
                    }
                }
            }
            Input::SiteCodes => {
                let codes: Vec<String> = value
                    .split([',', ' '])
                    .filter(|c| !c.is_empty())
                    .map(str::to_ascii_uppercase)
                    .collect();
                let found = site::Entity::find()
                    .filter(site::Column::Code.is_in(codes.clone()))
                    .all(db)
                    .await
                    .unwrap_or_default();
                let unknown: Vec<&String> =
                    codes.iter().filter(|c| !found.iter().any(|s| &&s.code == c)).collect();
                if unknown.is_empty() {
                    parsed.sites = Some(found.iter().map(|s| s.id).collect());
                } else {
                    problem(format!(
                        "No site has the code {}.",
                        unknown.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
                    ));
                }
                None
            }
        };
        if let Some(column) = column {
            parsed.columns.push((f.name, column));
        }
    }
    let capex = |name| digits(raw(name)).parse::<i64>().ok();
    if kind == Kind::Opportunity
        && let (Some(from), Some(to)) = (capex("capex_min_usd"), capex("capex_max_usd"))
        && from > to
    {
        problems.insert("capex_max_usd".into(), "Up to must not be less than from.".into());
    }
    for language in i18n::languages() {
        let mut texts = BTreeMap::new();
        for text in kind.texts() {
            let name = format!("{}.{}", text.name, language.code);
            let value = raw(&name).to_owned();
            if value.chars().count() > text.max {
                problems.insert(name, format!("At most {} characters.", text.max));
            } else if bad_character(&value, text.multiline) {
                problems.insert(
                    name,
                    "Remove control characters and direction overrides (paste as plain text)."
                        .into(),
                );
            } else {
                texts.insert(text.name, value);
            }
        }
        parsed.texts.insert(language.code.clone(), texts);
    }
    if problems.is_empty() { Ok(parsed) } else { Err(problems) }
}

fn whole_value(width: Width, n: Option<i64>) -> Value {
    match width {
        Width::I16 => Value::SmallInt(n.and_then(|n| i16::try_from(n).ok())),
        Width::I32 => Value::Int(n.and_then(|n| i32::try_from(n).ok())),
        Width::I64 => Value::BigInt(n),
    }
}

/// A stored value as the form shows it.
fn shown(input: &Input, value: &Value) -> String {
    match (input, value) {
        (Input::Cents { .. }, Value::BigInt(Some(cents))) => {
            let (dollars, rest) = (cents / 100, cents % 100);
            if rest == 0 { dollars.to_string() } else { format!("{dollars}.{rest:02}") }
        }
        (_, Value::Bool(Some(b))) => if *b { "1" } else { "" }.to_owned(),
        (_, Value::SmallInt(Some(n))) => n.to_string(),
        (_, Value::Int(Some(n))) => n.to_string(),
        (_, Value::BigInt(Some(n))) => n.to_string(),
        (_, Value::Double(Some(n))) => n.to_string(),
        (_, Value::String(Some(s))) => s.clone(),
        (_, Value::ChronoDate(Some(d))) => d.to_string(),
        _ => String::new(),
    }
}

fn column<E: EntityTrait>(name: &str) -> Result<E::Column, sea_orm::DbErr> {
    E::Column::from_str(name).map_err(|_| {
        sea_orm::DbErr::Custom(format!("no column {name} in {}", E::default().table_name()))
    })
}

/// Writes the shared fields into a new or an existing row; returns its id.
async fn write_row<E, A>(
    txn: &impl ConnectionTrait,
    existing: Option<E::Model>,
    columns: &[(&'static str, Value)],
) -> Result<i32, sea_orm::DbErr>
where
    E: EntityTrait,
    A: ActiveModelTrait<Entity = E> + ActiveModelBehavior + Send,
    E::Model: IntoActiveModel<A>,
{
    let now = Utc::now();
    let creating = existing.is_none();
    let mut row: A = match existing {
        Some(model) => model.into_active_model(),
        None => {
            let mut row = <A as ActiveModelTrait>::default();
            row.try_set(column::<E>("status")?, PublicationStatus::Draft.as_str().into())?;
            row.try_set(column::<E>("created_at")?, now.into())?;
            row
        }
    };
    for (name, value) in columns {
        row.try_set(column::<E>(name)?, value.clone())?;
    }
    row.try_set(column::<E>("updated_at")?, now.into())?;
    let saved = if creating { row.insert(txn).await? } else { row.update(txn).await? };
    match saved.get(column::<E>("id")?) {
        Value::Int(Some(id)) => Ok(id),
        other => {
            Err(sea_orm::DbErr::Custom(format!("a listing id that is not a number: {other:?}")))
        }
    }
}

/// Writes the texts of each language: a language left wholly empty has no row.
async fn write_texts<E, A>(
    txn: &impl ConnectionTrait,
    owner_column: &str,
    owner: i32,
    texts: &BTreeMap<String, BTreeMap<&'static str, String>>,
) -> Result<(), sea_orm::DbErr>
where
    E: EntityTrait,
    A: ActiveModelTrait<Entity = E> + ActiveModelBehavior + Send,
    E::Model: IntoActiveModel<A>,
{
    let (owner_column, lang_column) = (column::<E>(owner_column)?, column::<E>("lang")?);
    for (lang, fields) in texts {
        let existing = E::find()
            .filter(owner_column.eq(owner))
            .filter(lang_column.eq(lang.as_str()))
            .one(txn)
            .await?;
        if fields.values().all(|v| v.is_empty()) {
            E::delete_many()
                .filter(owner_column.eq(owner))
                .filter(lang_column.eq(lang.as_str()))
                .exec(txn)
                .await?;
            continue;
        }
        let creating = existing.is_none();
        let mut row: A = match existing {
            Some(model) => model.into_active_model(),
            None => {
                let mut row = <A as ActiveModelTrait>::default();
                row.try_set(owner_column, owner.into())?;
                row.try_set(lang_column, lang.as_str().into())?;
                row
            }
        };
        for (name, value) in fields {
            row.try_set(column::<E>(name)?, value.as_str().into())?;
        }
        if creating {
            row.insert(txn).await?;
        } else {
            row.update(txn).await?;
        }
    }
    Ok(())
}

/// A listing as the editor knows it.
struct Stored {
    kind: Kind,
    id: i32,
    status: String,
    ever_published: bool,
    values: HashMap<String, String>,
}

/// The listing with `code`, with every field and text as the form shows them.
async fn load(db: &impl ConnectionTrait, code: &str) -> Result<Option<Stored>, sea_orm::DbErr> {
    let mut values = HashMap::new();
    if let Some(found) = site::Entity::find().filter(site::Column::Code.eq(code)).one(db).await? {
        for f in site_fields() {
            values.insert(
                f.name.to_owned(),
                shown(&f.input, &found.get(column::<site::Entity>(f.name)?)),
            );
        }
        for t in site_translation::Entity::find()
            .filter(site_translation::Column::SiteId.eq(found.id))
            .all(db)
            .await?
        {
            for (name, value) in
                [("title", t.title), ("summary", t.summary), ("description", t.description)]
            {
                values.insert(format!("{name}.{}", t.lang), value);
            }
        }
        return Ok(Some(Stored {
            kind: Kind::Site,
            id: found.id,
            status: found.status,
            ever_published: found.published_at.is_some(),
            values,
        }));
    }
    let Some(found) =
        opportunity::Entity::find().filter(opportunity::Column::Code.eq(code)).one(db).await?
    else {
        return Ok(None);
    };
    for f in opportunity_fields() {
        if matches!(f.input, Input::SiteCodes) {
            continue;
        }
        values.insert(
            f.name.to_owned(),
            shown(&f.input, &found.get(column::<opportunity::Entity>(f.name)?)),
        );
    }
    let linked: Vec<i32> = opportunity_site::Entity::find()
        .filter(opportunity_site::Column::OpportunityId.eq(found.id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.site_id)
        .collect();
    let codes: Vec<String> = site::Entity::find()
        .filter(site::Column::Id.is_in(linked))
        .order_by_asc(site::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.code)
        .collect();
    values.insert("sites".into(), codes.join(" "));
    for t in opportunity_translation::Entity::find()
        .filter(opportunity_translation::Column::OpportunityId.eq(found.id))
        .all(db)
        .await?
    {
        for (name, value) in [
            ("title", t.title),
            ("summary", t.summary),
            ("description", t.description),
            ("incentives", t.incentives),
        ] {
            values.insert(format!("{name}.{}", t.lang), value);
        }
    }
    Ok(Some(Stored {
        kind: Kind::Opportunity,
        id: found.id,
        status: found.status,
        ever_published: found.published_at.is_some(),
        values,
    }))
}

/// Whether a code or a slug is already taken by another listing of either kind.
async fn taken(
    db: &impl ConnectionTrait,
    column_name: &str,
    value: &str,
    except: Option<(Kind, i32)>,
) -> Result<bool, sea_orm::DbErr> {
    let sites =
        site::Entity::find().filter(column::<site::Entity>(column_name)?.eq(value)).all(db).await?;
    let opportunities = opportunity::Entity::find()
        .filter(column::<opportunity::Entity>(column_name)?.eq(value))
        .all(db)
        .await?;
    Ok(sites.iter().any(|s| except != Some((Kind::Site, s.id)))
        || opportunities.iter().any(|o| except != Some((Kind::Opportunity, o.id))))
}

/// The required text fields still empty, by form field name, for each language.
fn missing_text(kind: Kind, values: &HashMap<String, String>) -> Vec<String> {
    i18n::languages()
        .iter()
        .flat_map(|language| {
            kind.texts()[..3].iter().map(move |text| format!("{}.{}", text.name, language.code))
        })
        .filter(|name| values.get(name).is_none_or(|v| v.trim().is_empty()))
        .collect()
}

fn may_edit(user: &staff_user::Model) -> bool {
    matches!(user.role.parse(), Ok(Role::Editor | Role::Admin))
}

fn refused(user: &staff_user::Model) -> Response {
    html(
        StatusCode::FORBIDDEN,
        page("Not allowed", Some(user), "<h1>Only editors and admins edit listings</h1>"),
    )
}

/// Everything the editor page shows.
struct Editor<'a> {
    kind: Kind,
    /// The listing's code and status, when it exists.
    stored: Option<(&'a str, &'a str)>,
    values: &'a HashMap<String, String>,
    problems: &'a Problems,
    notice: Option<&'a str>,
    managers: &'a [staff_user::Model],
    /// The line about the listing's photos and brochure, with the way to manage them.
    media: &'a str,
}

fn input_html(f: &Field, value: &str, editor: &Editor<'_>, described: &str) -> String {
    let id = format!("f-{}", f.name);
    let name = f.name;
    let attrs = format!("id=\"{id}\" name=\"{name}\"{described}");
    let options = |list: Vec<String>, several: bool| -> String {
        list.iter()
            .map(|v| {
                let chosen = value.split(',').any(|c| c == v);
                let label = v.replace('_', " ");
                if several {
                    format!(
                        "<label class=\"check\"><input type=\"checkbox\" name=\"{name}\" value=\"{0}\"{1}> {2}</label>",
                        esc(v),
                        if chosen { " checked" } else { "" },
                        esc(&label)
                    )
                } else {
                    format!(
                        "<option value=\"{0}\"{1}>{2}</option>",
                        esc(v),
                        if chosen { " selected" } else { "" },
                        esc(&label)
                    )
                }
            })
            .collect()
    };
    match &f.input {
        Input::Code if editor.stored.is_some() => {
            format!("<input {attrs} value=\"{}\" readonly>", esc(value))
        }
        Input::Choice(list) => {
            format!(
                "<select {attrs}><option value=\"\">—</option>{}</select>",
                options(list(), false)
            )
        }
        Input::Several(list) => {
            format!("<div class=\"checks\" id=\"{id}\"{described}>{}</div>", options(list(), true))
        }
        Input::Flag => format!(
            "<input type=\"checkbox\" {attrs} value=\"1\"{}>",
            if value.is_empty() { "" } else { " checked" }
        ),
        Input::Day => format!("<input type=\"date\" {attrs} value=\"{}\">", esc(value)),
        Input::Manager => {
            let people: String = editor
                .managers
                .iter()
                .map(|u| {
                    format!(
                        "<option value=\"{0}\"{1}>{2} ({3})</option>",
                        u.id,
                        if value == u.id.to_string() { " selected" } else { "" },
                        esc(&u.name),
                        esc(&u.email)
                    )
                })
                .collect();
            format!("<select {attrs}><option value=\"\">nobody</option>{people}</select>")
        }
        Input::Whole { .. } | Input::Cents { .. } => {
            format!("<input {attrs} inputmode=\"numeric\" value=\"{}\">", esc(value))
        }
        Input::Decimal { .. } => {
            format!("<input {attrs} inputmode=\"decimal\" value=\"{}\">", esc(value))
        }
        Input::Code | Input::Slug | Input::Outline | Input::SiteCodes => {
            format!("<input {attrs} value=\"{}\" spellcheck=\"false\">", esc(value))
        }
    }
}

/// One field with its label and, when there is one, its problem beside it.
fn field_html(
    name: &str,
    label: &str,
    control: impl FnOnce(&str) -> String,
    problems: &Problems,
) -> String {
    let problem = problems.get(name);
    let described = problem
        .map(|_| format!(" aria-invalid=\"true\" aria-describedby=\"e-{name}\""))
        .unwrap_or_default();
    let error = problem
        .map(|p| {
            format!(
                "<p class=\"field-error\" id=\"e-{name}\" data-test=\"field-error\" data-field=\"{name}\">{}</p>",
                esc(p)
            )
        })
        .unwrap_or_default();
    format!(
        "<div class=\"field{}\"><label for=\"f-{name}\">{}</label>{}{error}</div>",
        if problem.is_some() { " invalid" } else { "" },
        esc(label),
        control(&described)
    )
}

fn editor_html(editor: &Editor<'_>, chosen_tab: &str) -> String {
    let kind = editor.kind;
    let value = |name: &str| editor.values.get(name).map_or("", String::as_str);
    let shared: String = kind
        .fields()
        .iter()
        .map(|f| {
            field_html(
                f.name,
                f.label,
                |described| input_html(f, value(f.name), editor, described),
                editor.problems,
            )
        })
        .collect();
    // The first language with a problem opens first; otherwise the one last worked on.
    let open = i18n::languages()
        .iter()
        .map(|l| l.code.as_str())
        .find(|code| editor.problems.keys().any(|k| k.ends_with(&format!(".{code}"))))
        .or_else(|| i18n::find(chosen_tab).map(|l| l.code.as_str()))
        .unwrap_or("en");
    let missing = missing_text(kind, editor.values);
    let mut radios = String::new();
    let mut panels = String::new();
    for language in i18n::languages() {
        let code = language.code.as_str();
        let dir = if language.rtl { "rtl" } else { "ltr" };
        let complete = !missing.iter().any(|m| m.ends_with(&format!(".{code}")));
        radios.push_str(&format!(
            "<input type=\"radio\" class=\"tab-radio\" name=\"tab\" id=\"tab-{code}\" value=\"{code}\"{checked}>\
             <label class=\"tab-label\" for=\"tab-{code}\" data-test=\"tab\" data-lang=\"{code}\">{name} <small>{state}</small></label>",
            checked = if code == open { " checked" } else { "" },
            name = esc(&language.name),
            state = if complete { "complete" } else { "missing text" },
        ));
        let fields: String = kind
            .texts()
            .iter()
            .map(|text| {
                let name = format!("{}.{code}", text.name);
                let control = |described: &str| {
                    if text.multiline {
                        format!(
                            "<textarea id=\"f-{name}\" name=\"{name}\" lang=\"{code}\" dir=\"{dir}\" rows=\"{}\" maxlength=\"{}\"{described}>{}</textarea>",
                            if text.max > 1000 { 10 } else { 3 },
                            text.max,
                            esc(value(&name))
                        )
                    } else {
                        format!(
                            "<input id=\"f-{name}\" name=\"{name}\" lang=\"{code}\" dir=\"{dir}\" maxlength=\"{}\" value=\"{}\"{described}>",
                            text.max,
                            esc(value(&name))
                        )
                    }
                };
                field_html(&name, text.label, control, editor.problems)
            })
            .collect();
        let preview = editor.stored.map_or_else(
            || "<p>Save the listing to preview it.</p>".to_owned(),
            |(listing, _)| {
                format!(
                    "<p><a href=\"/admin/listings/{}/preview/{code}\" target=\"_blank\" data-test=\"preview\">Preview the saved page in {}</a></p>",
                    esc(listing),
                    esc(&language.name)
                )
            },
        );
        panels.push_str(&format!(
            "<section class=\"tab-panel\" id=\"panel-{code}\" lang=\"{code}\" dir=\"{dir}\" data-test=\"panel\" data-lang=\"{code}\">{fields}<div dir=\"ltr\" lang=\"en\">{preview}</div></section>"
        ));
    }
    let (title, action) = match editor.stored {
        Some((code, _)) => (
            format!("Edit {} {}", kind.as_str(), code),
            format!("/admin/listings/{}/edit", esc(code)),
        ),
        None => (format!("New {}", kind.as_str()), "/admin/listings/new".to_owned()),
    };
    let status = editor.stored.map_or_else(String::new, |(code, status)| {
        let moves: String = status
            .parse::<PublicationStatus>()
            .map(super::listings::next_statuses)
            .unwrap_or_default()
            .into_iter()
            .map(|next| {
                format!(
                    "<form method=\"post\" action=\"/admin/listings/{}/status\"><input type=\"hidden\" name=\"from\" value=\"editor\"><input type=\"hidden\" name=\"status\" value=\"{1}\"><button type=\"submit\" data-test=\"move\" data-status=\"{1}\">Move to {2}</button></form>",
                    esc(code),
                    next.as_str(),
                    next.as_str().replace('_', " ")
                )
            })
            .collect();
        format!(
            "<p>Status: <strong data-test=\"listing-status\">{}</strong></p><div class=\"workflow\">{moves}</div><p>{}</p>",
            esc(status),
            editor.media
        )
    });
    let notice = editor.notice.map_or_else(String::new, |n| {
        format!(
            "<p class=\"form-notice\" role=\"status\" data-test=\"editor-notice\">{}</p>",
            esc(n)
        )
    });
    let summary = if editor.problems.is_empty() {
        String::new()
    } else {
        format!(
            "<p class=\"form-notice\" role=\"alert\" data-test=\"editor-problems\">Nothing was saved: {} field(s) need attention.</p>",
            editor.problems.len()
        )
    };
    format!(
        "<p><a href=\"/admin/listings\">All listings</a></p><h1>{}</h1>{status}{notice}{summary}\
         <form class=\"inquiry-form editor\" method=\"post\" action=\"{action}\" novalidate>\
         <input type=\"hidden\" name=\"listing_kind\" value=\"{}\">\
         <fieldset><legend>Shared facts</legend><div class=\"form-grid\">{shared}</div></fieldset>\
         <fieldset class=\"tabs\"><legend>Text in each language (title, summary and description are needed in all four to publish)</legend>{radios}{panels}</fieldset>\
         <button type=\"submit\" class=\"button-primary\" data-test=\"save\">Save</button></form>",
        esc(&title),
        kind.as_str(),
    )
}

async fn managers(db: &impl ConnectionTrait) -> Vec<staff_user::Model> {
    staff_user::Entity::find()
        .filter(staff_user::Column::Active.eq(true))
        .order_by_asc(staff_user::Column::Name)
        .all(db)
        .await
        .unwrap_or_default()
}

fn editor_page(
    user: &staff_user::Model,
    editor: Editor<'_>,
    tab: &str,
    status: StatusCode,
) -> Response {
    let title = match editor.stored {
        Some((code, _)) => format!("Edit {code}"),
        None => format!("New {}", editor.kind.as_str()),
    };
    html(status, page(&title, Some(user), &editor_html(&editor, tab)))
}

/// `GET /admin/listings/new?kind=site|opportunity`: an empty editor (editors and admins).
pub async fn new_listing(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let user = match staff(&state, &headers, "/admin/listings/new").await {
        Ok(user) => user,
        Err(response) => return response,
    };
    if !may_edit(&user) {
        return refused(&user);
    }
    let kind = if query.get("kind").map(String::as_str) == Some("opportunity") {
        Kind::Opportunity
    } else {
        Kind::Site
    };
    let people = managers(&state.db).await;
    let values = HashMap::new();
    let problems = Problems::new();
    let editor = Editor {
        kind,
        stored: None,
        values: &values,
        problems: &problems,
        notice: None,
        managers: &people,
        media: "",
    };
    editor_page(&user, editor, "en", StatusCode::OK)
}

/// `GET /admin/listings/{code}/edit`: the editor of a listing (editors and admins).
pub async fn edit_listing(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let user = match staff(&state, &headers, &format!("/admin/listings/{code}/edit")).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    if !may_edit(&user) {
        return refused(&user);
    }
    let stored = match load(&state.db, &code).await {
        Ok(Some(stored)) => stored,
        Ok(None) => {
            return html(
                StatusCode::NOT_FOUND,
                page("Not found", Some(&user), "<h1>No such listing</h1>"),
            );
        }
        Err(err) => {
            tracing::error!(cause = %err, "cannot read a listing to edit");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let people = managers(&state.db).await;
    let problems = Problems::new();
    let notice = query.contains_key("saved").then_some("Saved.");
    let media = super::media_summary(&state.db, &code).await.unwrap_or_default();
    let editor = Editor {
        kind: stored.kind,
        stored: Some((&code, &stored.status)),
        values: &stored.values,
        problems: &problems,
        notice,
        managers: &people,
        media: &media,
    };
    let tab = query.get("tab").map_or("en", String::as_str);
    editor_page(&user, editor, tab, StatusCode::OK)
}

/// `POST /admin/listings/new`: creates a draft (editors and admins).
pub async fn create_listing(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let values = form_values(&body);
    let kind = if values.get("listing_kind").map(String::as_str) == Some("opportunity") {
        Kind::Opportunity
    } else {
        Kind::Site
    };
    save(state, headers, None, kind, values).await
}

/// `POST /admin/listings/{code}/edit`: saves a listing (editors and admins).
pub async fn update_listing(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    body: Bytes,
) -> Response {
    let values = form_values(&body);
    save(state, headers, Some(code), Kind::Site, values).await
}

async fn save(
    state: AppState,
    headers: HeaderMap,
    code: Option<String>,
    kind: Kind,
    mut values: HashMap<String, String>,
) -> Response {
    let back = code
        .as_ref()
        .map_or_else(|| "/admin/listings/new".to_owned(), |c| format!("/admin/listings/{c}/edit"));
    let user = match staff(&state, &headers, &back).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    if !may_edit(&user) {
        return refused(&user);
    }
    let stored = match &code {
        Some(code) => match load(&state.db, code).await {
            Ok(Some(stored)) => Some(stored),
            Ok(None) => return StatusCode::NOT_FOUND.into_response(),
            Err(err) => {
                tracing::error!(cause = %err, "cannot read a listing to save");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        },
        None => None,
    };
    let kind = stored.as_ref().map_or(kind, |s| s.kind);
    if let (Some(code), Some(_)) = (&code, &stored) {
        // The code names the listing in the staff area and in inquiries: it never changes.
        values.insert("code".into(), code.clone());
    }
    let tab = values.get("tab").cloned().unwrap_or_else(|| "en".into());
    let checked = async {
        let mut problems = Problems::new();
        let parsed = match parse(&state.db, kind, &values).await {
            Ok(parsed) => Some(parsed),
            Err(found) => {
                problems = found;
                None
            }
        };
        let code_value = values.get("code").map_or("", |v| v.trim());
        let slug_value = values.get("slug").map_or("", |v| v.trim());
        let except = stored.as_ref().map(|s| (s.kind, s.id));
        if stored.is_none() && !problems.contains_key("code") && taken(&state.db, "code", code_value, None).await? {
            problems.insert("code".into(), "Another listing has this code.".into());
        }
        if !problems.contains_key("slug") && taken(&state.db, "slug", slug_value, except).await? {
            problems.insert("slug".into(), "Another listing has this address.".into());
        }
        if let Some(stored) = &stored {
            if stored.ever_published && stored.values.get("slug").map(String::as_str) != Some(slug_value) {
                problems.insert(
                    "slug".into(),
                    "The address of a listing that has been published stays, so that links to it keep working.".into(),
                );
            }
            if stored.status == PublicationStatus::Published.as_str() {
                for name in missing_text(kind, &values) {
                    problems.insert(name, "A published listing needs this text in every language.".into());
                }
            }
        }
        Ok::<_, sea_orm::DbErr>((parsed, problems))
    }
    .await;
    let (parsed, problems) = match checked {
        Ok(found) => found,
        Err(err) => {
            tracing::error!(cause = %err, "cannot check a listing");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let (Some(parsed), true) = (parsed, problems.is_empty()) else {
        let people = managers(&state.db).await;
        let editor = Editor {
            kind,
            stored: code.as_deref().zip(stored.as_ref().map(|s| s.status.as_str())),
            values: &values,
            problems: &problems,
            notice: None,
            managers: &people,
            media: "",
        };
        return editor_page(&user, editor, &tab, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let code = values.get("code").map_or("", |v| v.trim()).to_owned();
    let existing_id = stored.as_ref().map(|s| s.id);
    let written = async {
        let txn = state.db.begin().await?;
        let id = match kind {
            Kind::Site => {
                let existing = match existing_id {
                    Some(id) => site::Entity::find_by_id(id).one(&txn).await?,
                    None => None,
                };
                let id =
                    write_row::<site::Entity, site::ActiveModel>(&txn, existing, &parsed.columns)
                        .await?;
                write_texts::<site_translation::Entity, site_translation::ActiveModel>(
                    &txn,
                    "site_id",
                    id,
                    &parsed.texts,
                )
                .await?;
                app::server::listings::reindex_site(&txn, id).await?;
                id
            }
            Kind::Opportunity => {
                let existing = match existing_id {
                    Some(id) => opportunity::Entity::find_by_id(id).one(&txn).await?,
                    None => None,
                };
                let id = write_row::<opportunity::Entity, opportunity::ActiveModel>(
                    &txn,
                    existing,
                    &parsed.columns,
                )
                .await?;
                write_texts::<
                        opportunity_translation::Entity,
                        opportunity_translation::ActiveModel,
                    >(&txn, "opportunity_id", id, &parsed.texts)
                    .await?;
                if let Some(sites) = &parsed.sites {
                    opportunity_site::Entity::delete_many()
                        .filter(opportunity_site::Column::OpportunityId.eq(id))
                        .exec(&txn)
                        .await?;
                    for site_id in sites {
                        opportunity_site::ActiveModel {
                            opportunity_id: sea_orm::Set(id),
                            site_id: sea_orm::Set(*site_id),
                        }
                        .insert(&txn)
                        .await?;
                    }
                }
                app::server::listings::reindex_opportunity(&txn, id).await?;
                id
            }
        };
        audit_log::ActiveModel {
            actor_id: sea_orm::Set(Some(user.id)),
            action: sea_orm::Set(if existing_id.is_some() { "edit" } else { "create" }.into()),
            entity: sea_orm::Set(kind.as_str().into()),
            entity_id: sea_orm::Set(Some(code.clone())),
            detail: sea_orm::Set(Some(format!("id {id}"))),
            created_at: sea_orm::Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.commit().await
    }
    .await;
    match written {
        Ok(()) => {
            let tab = i18n::find(&tab).map_or("en", |l| l.code.as_str());
            Redirect::to(&format!("/admin/listings/{code}/edit?saved=1&tab={tab}")).into_response()
        }
        Err(err) => {
            tracing::error!(cause = %err, "cannot save a listing");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// `GET /admin/listings/{code}/preview/{lang}`: the public page of a listing as saved, whatever
/// its status, in one language, for staff only (never cached, never indexed).
pub async fn preview(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((code, lang)): Path<(String, String)>,
) -> Response {
    let user =
        match staff(&state, &headers, &format!("/admin/listings/{code}/preview/{lang}")).await {
            Ok(user) => user,
            Err(response) => return response,
        };
    let Some(language) = i18n::find(&lang) else {
        return html(
            StatusCode::NOT_FOUND,
            page("Not found", Some(&user), "<h1>No such language</h1>"),
        );
    };
    let stored = match load(&state.db, &code).await {
        Ok(Some(stored)) => stored,
        Ok(None) => {
            return html(
                StatusCode::NOT_FOUND,
                page("Not found", Some(&user), "<h1>No such listing</h1>"),
            );
        }
        Err(err) => {
            tracing::error!(cause = %err, "cannot read a listing to preview");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let slug = stored.values.get("slug").cloned().unwrap_or_default();
    let address = format!("/{}/{}/{slug}", language.code, stored.kind.section());
    let context_state = state.clone();
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            crate::web::provide_request_context(&context_state);
            leptos::prelude::provide_context(app::server::ShowDrafts);
        },
        move || app::shell(options.clone()),
    );
    let Ok(request) = Request::get(&address).body(Body::empty()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let rendered = render(request).await;
    let status = rendered.status();
    let Ok(bytes) = axum::body::to_bytes(rendered.into_body(), 8 * 1024 * 1024).await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let banner = format!(
        "<div class=\"preview-banner\" lang=\"en\" dir=\"ltr\" role=\"note\" data-test=\"preview-banner\">Preview of {} ({}), as saved; visitors see it only when it is published. <a href=\"/admin/listings/{}/edit?tab={}\">Back to the editor</a></div>",
        esc(&code),
        esc(&stored.status),
        esc(&code),
        language.code
    );
    let page_html = String::from_utf8_lossy(&bytes);
    let page_html = match page_html
        .find("<body")
        .and_then(|at| page_html[at..].find('>').map(|end| at + end + 1))
    {
        Some(at) => format!("{}{banner}{}", &page_html[..at], &page_html[at..]),
        None => page_html.into_owned(),
    };
    let mut response = (status, axum::response::Html(page_html)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("x-robots-tag", HeaderValue::from_static("noindex, nofollow"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_slugs_and_outlines_are_checked() {
        for good in ["KZ-P9", "OPP-21", "UZ-W10", "KZ-L1-B"] {
            assert!(is_code(good), "{good}");
        }
        for bad in ["kz-p9", "KZP9", "K-P9", "KZ-", "KZ-P9-", "KZ-P 9", "KZ-<b>"] {
            assert!(!is_code(bad), "{bad}");
        }
        assert!(is_slug("kz-p9-warehouse"));
        for bad in ["Kz-p9", "kz--p9", "-kz", "kz_p9", "ab", "склад"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert!(is_outline("230,462 309,462 309,580 230,580"));
        for bad in ["230,462 309,462", "1001,0 0,0 0,1", "0,601 0,0 1,1", "a,b c,d e,f"] {
            assert!(!is_outline(bad), "{bad}");
        }
    }

    #[test]
    fn text_refuses_controls_and_direction_overrides_but_keeps_line_breaks_in_long_fields() {
        assert!(!bad_character("مستودع جمركي", false));
        assert!(!bad_character("line one\nline two", true));
        assert!(bad_character("line one\nline two", false));
        assert!(bad_character("evil \u{202e}fdp.exe", true));
        assert!(bad_character("bell \u{7}", true));
    }

    #[test]
    fn amounts_are_shown_as_typed() {
        let cents = Input::Cents { max: 1.0 };
        assert_eq!(shown(&cents, &Value::BigInt(Some(4200))), "42");
        assert_eq!(shown(&cents, &Value::BigInt(Some(4205))), "42.05");
        assert_eq!(shown(&Input::Flag, &Value::Bool(Some(true))), "1");
        assert_eq!(shown(&Input::Day, &Value::ChronoDate(None)), "");
    }
}
