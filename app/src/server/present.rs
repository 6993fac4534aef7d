//! Turns database rows into the view models of the public pages, with every label translated and
//! every figure formatted for the reader's language.

use super::format::{area, integer, money, money_range, number, price, square_metres_per};
use super::listings::{OpportunityRow, PhotoRow, SiteRow};
use super::rates::Money;
use crate::i18n::{text, text_with};
use crate::models::{
    AreaUnit, Availability, ListingLink, OpportunityCard, OpportunityDetail, OpportunitySide,
    Partnership, Photo, PlanPlot, Regime, Sector, Side, SiteCard, SiteDetail, SiteKind, Spec,
    Stage, Tenure, Zone,
};
use chrono::{Datelike, NaiveDate};
use fluent_templates::fluent_bundle::FluentValue;
use std::str::FromStr;

/// How the reader asked to see figures: areas in a unit, sums in a currency.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shown {
    pub unit: AreaUnit,
    pub money: Money,
}

/// A JSON-LD object as the body of a `<script>`: `</` is escaped so the text cannot end it.
fn json_ld(value: serde_json::Value) -> String {
    value.to_string().replace("</", "<\\/")
}

fn spec(lang: &str, label: &str, value: String) -> Spec {
    Spec { label: text(lang, label), value }
}

fn measure(lang: &str, unit: &str, value: String) -> String {
    text_with(lang, &format!("measure-{unit}"), &[("value", FluentValue::from(value))])
}

/// The label of a stored vocabulary value; the raw value when it is not in the list.
fn label<T: FromStr>(lang: &str, raw: &str, message_id: impl Fn(T) -> String) -> String {
    raw.parse::<T>().map(|v| text(lang, &message_id(v))).unwrap_or_else(|_| raw.to_owned())
}

/// A date as month and year, the way readers of `lang` write it.
pub fn month_year(lang: &str, date: NaiveDate) -> String {
    text_with(
        lang,
        "date-month-year",
        &[
            ("month", FluentValue::from(text(lang, &format!("month-{}", date.month())))),
            ("year", FluentValue::from(date.year().to_string())),
        ],
    )
}

/// A date as day, month and year, the way readers of `lang` write it.
pub fn full_date(lang: &str, date: NaiveDate) -> String {
    text_with(
        lang,
        "date-day-month-year",
        &[
            ("day", FluentValue::from(date.day().to_string())),
            ("month", FluentValue::from(text(lang, &format!("month-{}", date.month())))),
            ("year", FluentValue::from(date.year().to_string())),
        ],
    )
}

/// What a reader of sums in `money`'s currency is told: the rate and the day it was set.
/// `None` for US dollars, in which amounts are entered.
pub fn rate_note(lang: &str, money: &Money) -> Option<String> {
    let as_of = money.as_of?;
    // As many decimals as the rate was set with, up to four (3.6725, 7.12, 12,650).
    let decimals = (0..4u8)
        .find(|d| {
            let scaled = money.per_usd * 10f64.powi(i32::from(*d));
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(4);
    let rate = number(lang, money.per_usd, decimals);
    Some(text_with(
        lang,
        "currency-rate-note",
        &[
            ("rate", FluentValue::from(rate)),
            (
                "currency",
                FluentValue::from(text(lang, &format!("{}-unit", money.currency.message_id()))),
            ),
            ("date", FluentValue::from(full_date(lang, as_of))),
        ],
    ))
}

fn photo(row: &PhotoRow, fallback_alt: &str) -> Photo {
    Photo {
        url: format!("/media/{}", row.media.storage_key),
        alt: row.caption.clone().unwrap_or_else(|| fallback_alt.to_owned()),
        width: row.media.width.unwrap_or_default(),
        height: row.media.height.unwrap_or_default(),
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

fn availability(raw: &str) -> Availability {
    raw.parse().unwrap_or(Availability::Occupied)
}

fn site_price(lang: &str, shown: Shown, site: &super::entities::site::Model) -> String {
    let usd = site.price_usd_cents as f64 / 100.0;
    match site.tenure.parse::<Tenure>() {
        Ok(Tenure::Sale) => money(lang, &shown.money, site.price_usd_cents / 100),
        // The lease rate is entered per m²; it is shown per unit of the reader's choice.
        _ => text_with(
            lang,
            "site-price-lease",
            &[
                (
                    "amount",
                    FluentValue::from(price(
                        lang,
                        &shown.money,
                        usd * square_metres_per(shown.unit),
                    )),
                ),
                ("unit", FluentValue::from(text(lang, &shown.unit.message_id()))),
            ],
        ),
    }
}

fn availability_text(lang: &str, site: &super::entities::site::Model) -> String {
    let label = label::<Availability>(lang, &site.availability, |v| v.message_id());
    let from = |date| {
        text_with(
            lang,
            "site-available-from",
            &[("date", FluentValue::from(month_year(lang, date)))],
        )
    };
    match (availability(&site.availability), site.available_from) {
        (Availability::Occupied, _) | (_, None) => label,
        // "Available from May 2027" says it all.
        (Availability::Available, Some(date)) => from(date),
        (_, Some(date)) => format!(
            "{label} · {}",
            text_with(
                lang,
                "site-available-from",
                &[("date", FluentValue::from(month_year(lang, date)))]
            )
        ),
    }
}

pub fn site_card(lang: &str, shown: Shown, row: SiteRow) -> SiteCard {
    let site = &row.site;
    let title = row.text.as_ref().map(|t| t.title.clone()).unwrap_or_else(|| site.code.clone());
    SiteCard {
        slug: site.slug.clone(),
        code: site.code.clone(),
        summary: row.text.as_ref().map(|t| t.summary.clone()).unwrap_or_default(),
        availability: availability(&site.availability),
        facts: vec![
            spec(lang, "site-side", label::<Side>(lang, &site.side, |v| v.message_id())),
            spec(lang, "site-kind", label::<SiteKind>(lang, &site.kind, |v| v.message_id())),
            spec(lang, "site-land-area", area(lang, shown.unit, i64::from(site.land_area_m2))),
            spec(lang, "site-power", measure(lang, "kw", integer(lang, i64::from(site.power_kw)))),
            spec(lang, "site-price", site_price(lang, shown, site)),
            spec(lang, "site-availability", availability_text(lang, site)),
        ],
        photo: row.photo.as_ref().map(|p| photo(p, &title)),
        title,
    }
}

fn listing_link_for_site(lang: &str, row: &SiteRow) -> ListingLink {
    ListingLink {
        href: format!("/{lang}/sites/{}", row.site.slug),
        code: row.site.code.clone(),
        title: row.text.as_ref().map(|t| t.title.clone()).unwrap_or_else(|| row.site.code.clone()),
        summary: row.text.as_ref().map(|t| t.summary.clone()).unwrap_or_default(),
    }
}

fn listing_link_for_opportunity(lang: &str, row: &OpportunityRow) -> ListingLink {
    let o = &row.opportunity;
    ListingLink {
        href: format!("/{lang}/opportunities/{}", o.slug),
        code: o.code.clone(),
        title: row.text.as_ref().map(|t| t.title.clone()).unwrap_or_else(|| o.code.clone()),
        summary: row.text.as_ref().map(|t| t.summary.clone()).unwrap_or_default(),
    }
}

pub fn site_detail(
    lang: &str,
    shown: Shown,
    row: SiteRow,
    photos: &[PhotoRow],
    brochure: Option<&super::entities::media::Model>,
    opportunities: &[OpportunityRow],
) -> SiteDetail {
    let site = &row.site;
    let title = row.text.as_ref().map(|t| t.title.clone()).unwrap_or_else(|| site.code.clone());
    let optional = |value: Option<String>| value.unwrap_or_else(|| "—".to_owned());
    let km = |value: f64| measure(lang, "km", number(lang, value, 1));
    let specs = vec![
        spec(lang, "site-side", label::<Side>(lang, &site.side, |v| v.message_id())),
        spec(lang, "site-regime", label::<Regime>(lang, &site.regime, |v| v.message_id())),
        spec(lang, "site-zone", label::<Zone>(lang, &site.zone, |v| v.message_id())),
        spec(lang, "site-kind", label::<SiteKind>(lang, &site.kind, |v| v.message_id())),
        spec(lang, "site-land-area", area(lang, shown.unit, i64::from(site.land_area_m2))),
        spec(
            lang,
            "site-built-area",
            optional(site.built_area_m2.map(|v| area(lang, shown.unit, i64::from(v)))),
        ),
        spec(
            lang,
            "site-ceiling-height",
            optional(site.ceiling_height_m.map(|v| measure(lang, "m", number(lang, v, 1)))),
        ),
        spec(
            lang,
            "site-floor-load",
            optional(site.floor_load_t_m2.map(|v| measure(lang, "t-m2", number(lang, v, 1)))),
        ),
        spec(lang, "site-power", measure(lang, "kw", integer(lang, i64::from(site.power_kw)))),
        spec(
            lang,
            "site-water",
            measure(lang, "m3-day", integer(lang, i64::from(site.water_m3_day))),
        ),
        spec(
            lang,
            "site-gas",
            optional(site.gas_m3_h.map(|v| measure(lang, "m3-h", integer(lang, i64::from(v))))),
        ),
        spec(
            lang,
            "site-rail-siding",
            text(
                lang,
                if site.rail_siding { "site-rail-siding-yes" } else { "site-rail-siding-no" },
            ),
        ),
        spec(lang, "site-dist-border", km(site.dist_border_km)),
        spec(lang, "site-dist-rail", km(site.dist_rail_km)),
        spec(lang, "site-dist-airport", km(site.dist_airport_km)),
        spec(lang, "site-tenure", label::<Tenure>(lang, &site.tenure, |v| v.message_id())),
        spec(lang, "site-price", site_price(lang, shown, site)),
        spec(lang, "site-availability", availability_text(lang, site)),
        spec(
            lang,
            "site-phase",
            text_with(
                lang,
                "site-phase-value",
                &[("phase", FluentValue::from(i64::from(site.phase)))],
            ),
        ),
        spec(
            lang,
            "site-coordinates",
            // The hemisphere letters make the pair read left to right in Arabic pages too.
            format!(
                "{}° N, {}° E",
                number(lang, site.latitude, 4),
                number(lang, site.longitude, 4)
            ),
        ),
    ];
    let images: Vec<String> =
        photos.iter().map(|p| format!("/media/{}", p.media.storage_key)).collect();
    let structured = json_ld(serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Place",
        "name": title,
        "description": row.text.as_ref().map(|t| t.summary.clone()).unwrap_or_default(),
        "identifier": site.code,
        "geo": {"@type": "GeoCoordinates", "latitude": site.latitude, "longitude": site.longitude},
        "image": images,
    }));
    SiteDetail {
        plot: plan_plot(lang, &row, true),
        json_ld: structured,
        slug: site.slug.clone(),
        code: site.code.clone(),
        summary: row.text.as_ref().map(|t| t.summary.clone()).unwrap_or_default(),
        paragraphs: row.text.as_ref().map(|t| paragraphs(&t.description)).unwrap_or_default(),
        availability: availability(&site.availability),
        specs,
        regime_description: site
            .regime
            .parse::<Regime>()
            .map(|r| text(lang, &format!("{}-description", r.message_id())))
            .unwrap_or_default(),
        photos: photos.iter().map(|p| photo(p, &title)).collect(),
        brochure: brochure.map(|m| format!("/media/{}", m.storage_key)),
        opportunities: opportunities
            .iter()
            .map(|o| listing_link_for_opportunity(lang, o))
            .collect(),
        title,
    }
}

fn opportunity_facts(
    lang: &str,
    money: &Money,
    o: &super::entities::opportunity::Model,
) -> Vec<Spec> {
    vec![
        spec(lang, "opportunity-sector", label::<Sector>(lang, &o.sector, |v| v.message_id())),
        spec(lang, "opportunity-capex", money_range(lang, money, o.capex_min_usd, o.capex_max_usd)),
        spec(lang, "opportunity-stage", label::<Stage>(lang, &o.stage, |v| v.message_id())),
        spec(lang, "opportunity-side", label::<OpportunitySide>(lang, &o.side, |v| v.message_id())),
    ]
}

pub fn opportunity_card(lang: &str, money: &Money, row: OpportunityRow) -> OpportunityCard {
    let o = &row.opportunity;
    let title = row.text.as_ref().map(|t| t.title.clone()).unwrap_or_else(|| o.code.clone());
    OpportunityCard {
        slug: o.slug.clone(),
        code: o.code.clone(),
        summary: row.text.as_ref().map(|t| t.summary.clone()).unwrap_or_default(),
        facts: opportunity_facts(lang, money, o),
        photo: row.photo.as_ref().map(|p| photo(p, &title)),
        title,
    }
}

pub fn opportunity_detail(
    lang: &str,
    money: &Money,
    row: OpportunityRow,
    photos: &[PhotoRow],
    sites: &[SiteRow],
) -> OpportunityDetail {
    let o = &row.opportunity;
    let title = row.text.as_ref().map(|t| t.title.clone()).unwrap_or_else(|| o.code.clone());
    let partnerships: Vec<String> = o
        .partnerships
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| label::<Partnership>(lang, p, |v| v.message_id()))
        .collect();
    let mut specs = opportunity_facts(lang, money, o);
    specs.push(spec(lang, "opportunity-partnerships", partnerships.join(" · ")));
    if let Some(jobs) = o.jobs {
        specs.push(spec(lang, "opportunity-jobs", integer(lang, i64::from(jobs))));
    }
    if let Some(years) = o.payback_years {
        specs.push(spec(
            lang,
            "opportunity-payback",
            text_with(
                lang,
                "opportunity-payback-years",
                &[("years", FluentValue::from(number(lang, years, 1)))],
            ),
        ));
    }
    let structured = json_ld(serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Project",
        "name": title,
        "description": row.text.as_ref().map(|t| t.summary.clone()).unwrap_or_default(),
        "identifier": o.code,
    }));
    OpportunityDetail {
        json_ld: structured,
        slug: o.slug.clone(),
        code: o.code.clone(),
        summary: row.text.as_ref().map(|t| t.summary.clone()).unwrap_or_default(),
        paragraphs: row.text.as_ref().map(|t| paragraphs(&t.description)).unwrap_or_default(),
        incentives: row.text.as_ref().map(|t| paragraphs(&t.incentives)).unwrap_or_default(),
        specs,
        photos: photos.iter().map(|p| photo(p, &title)).collect(),
        sites: sites.iter().map(|s| listing_link_for_site(lang, s)).collect(),
        title,
    }
}

/// The plots of the plan of `rows`, in their order.
pub fn plan_plots(lang: &str, rows: &[SiteRow]) -> Vec<PlanPlot> {
    rows.iter().map(|row| plan_plot(lang, row, false)).collect()
}

/// One site's plot on the plan, `highlighted` or not.
pub fn plan_plot(lang: &str, row: &SiteRow, highlighted: bool) -> PlanPlot {
    let points: Vec<(i32, i32)> = row
        .site
        .plan_outline
        .split_whitespace()
        .filter_map(|p| p.split_once(','))
        .filter_map(|(x, y)| Some((x.parse().ok()?, y.parse().ok()?)))
        .collect();
    let n = i32::try_from(points.len().max(1)).unwrap_or(1);
    let (sx, sy) = points.iter().fold((0, 0), |(ax, ay), (x, y)| (ax + x, ay + y));
    PlanPlot {
        href: format!("/{lang}/sites/{}", row.site.slug),
        code: row.site.code.clone(),
        title: row.text.as_ref().map(|t| t.title.clone()).unwrap_or_default(),
        points: row.site.plan_outline.clone(),
        availability: availability(&row.site.availability),
        label_x: sx / n,
        label_y: sy / n,
        highlighted,
    }
}

/// What a year on a leased site costs: the rate times the built area (the land area for a plot).
/// `None` for a site for sale.
pub fn yearly_cost_usd(site: &super::entities::site::Model) -> Option<i64> {
    (site.tenure.parse::<Tenure>().ok()? == Tenure::Lease).then(|| {
        let area = i64::from(site.built_area_m2.unwrap_or(site.land_area_m2));
        area * site.price_usd_cents / 100
    })
}

/// A site as a column of the comparison table: the specifications of its page, plus its
/// estimated yearly cost.
pub fn compare_column(lang: &str, shown: Shown, row: SiteRow) -> crate::models::CompareColumn {
    let cost = match yearly_cost_usd(&row.site) {
        Some(usd) => text_with(
            lang,
            "compare-yearly-cost-value",
            &[("amount", FluentValue::from(money(lang, &shown.money, usd)))],
        ),
        None => text(lang, "compare-for-sale"),
    };
    let href = format!("/{lang}/sites/{}", row.site.slug);
    let code = row.site.code.clone();
    let detail = site_detail(lang, shown, row, &[], None, &[]);
    let mut specs = vec![spec(lang, "compare-yearly-cost", cost)];
    specs.extend(detail.specs);
    crate::models::CompareColumn { href, code, title: detail.title, specs }
}
