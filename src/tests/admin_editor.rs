//! The listing editor through the real router: an editor creates a site with its text in four
//! languages, previews it, publishes it, and investors find it in each language; every problem is
//! named beside its field and nothing is stored; a published listing keeps its text complete and
//! its address; opportunities link their sites; desk officers may not edit.

use crate::admin_tests::session_for;
use crate::router_tests::TestSite;
use crate::router_tests::seeded;
use app::models::Role;
use app::server::entities::{audit_log, opportunity, opportunity_site, site, site_translation};
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const TITLES: [(&str, &str); 4] = [
    ("en", "Cold store KZ-P9 by the Atameken checkpoint"),
    ("zh", "阿塔梅肯口岸旁的冷库 KZ-P9"),
    ("ko", "아타메켄 검문소 옆 냉동창고 KZ-P9"),
    ("ar", "مستودع مبرد KZ-P9 قرب معبر أتاميكن"),
];

/// A complete new site, as the editor's form sends it.
fn new_site() -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("listing_kind", "site"),
        ("code", "KZ-P9"),
        ("slug", "kz-p9-cold-store"),
        ("side", "kz"),
        ("regime", "icic_special"),
        ("zone", "food_agro"),
        ("kind", "warehouse"),
        ("land_area_m2", "12 500"),
        ("built_area_m2", "4800"),
        ("ceiling_height_m", "11.5"),
        ("floor_load_t_m2", ""),
        ("power_kw", "900"),
        ("water_m3_day", "40"),
        ("gas_m3_h", ""),
        ("rail_siding", "1"),
        ("dist_border_km", "1.2"),
        ("dist_rail_km", "6"),
        ("dist_airport_km", "120"),
        ("tenure", "lease"),
        ("price_usd_cents", "38.50"),
        ("availability", "available"),
        ("available_from", "2027-04-01"),
        ("latitude", "40.79"),
        ("longitude", "68.64"),
        ("plan_outline", "600,100 660,100 660,160 600,160"),
        ("phase", "2"),
        ("manager_id", ""),
        ("tab", "ar"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    for (lang, title) in TITLES {
        fields.push((format!("title.{lang}"), title.into()));
        fields.push((format!("summary.{lang}"), format!("{title}: 4,800 m² at −25 °C.")));
        fields.push((format!("description.{lang}"), format!("{title}.\nCold chain for fruit.")));
    }
    fields
}

async fn post(
    site: &TestSite,
    path: &str,
    fields: &[(String, String)],
    cookie: &str,
) -> (StatusCode, String, String) {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, headers, body) = site.post_form_with(path, &pairs, cookie).await;
    let location =
        headers.get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    (status, location, body)
}

fn with(fields: &[(String, String)], name: &str, value: &str) -> Vec<(String, String)> {
    let mut changed: Vec<(String, String)> =
        fields.iter().filter(|(k, _)| k != name).cloned().collect();
    changed.push((name.into(), value.into()));
    changed
}

/// The fields named beside an error on an editor page.
fn errors(html: &str) -> Vec<String> {
    html.split("data-test=\"field-error\" data-field=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default().to_owned())
        .collect()
}

async fn sites(site: &TestSite) -> u64 {
    site::Entity::find().count(&site.state.db).await.expect("count")
}

#[tokio::test]
async fn an_editor_creates_a_site_in_four_languages_that_investors_find_once_published() {
    let site = seeded().await;
    let editor = session_for(&site, "ed.editor@icic-ca.example", Role::Editor).await;

    let (status, _, form) =
        site.get_with("/admin/listings/new?kind=site", &[("cookie", &editor)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains("id=\"panel-ar\" lang=\"ar\" dir=\"rtl\""),
        "Arabic is written right to left"
    );
    for lang in ["en", "zh", "ko", "ar"] {
        assert!(form.contains(&format!("name=\"title.{lang}\"")), "a title in {lang}");
    }

    let (status, location, _) = post(&site, "/admin/listings/new", &new_site(), &editor).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, "/admin/listings/KZ-P9/edit?saved=1&tab=ar");
    let row = site.row("KZ-P9").await;
    assert_eq!(
        (row.status.as_str(), row.land_area_m2, row.price_usd_cents, row.rail_siding, row.phase),
        ("draft", 12_500, 3850, true, 2)
    );
    assert_eq!(row.gas_m3_h, None);
    let texts = site_translation::Entity::find()
        .filter(site_translation::Column::SiteId.eq(row.id))
        .all(&site.state.db)
        .await
        .expect("texts");
    assert_eq!(texts.len(), 4);
    assert!(texts.iter().any(|t| t.lang == "ar" && t.title == TITLES[3].1));

    // The editor shows what was saved, with the Arabic tab open again.
    let (status, _, page) = site.get_with(&location, &[("cookie", &editor)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"tab-ar\" value=\"ar\" checked"));
    assert!(page.contains("value=\"38.50\""), "the price as typed");
    assert!(page.contains(TITLES[2].1));
    assert!(page.contains("data-test=\"media-summary\""), "the way to its photos and brochure");

    // A draft is not public, but staff preview it in each language.
    let (status, _) = site.get("/en/sites/kz-p9-cold-store").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, headers, preview) =
        site.get_with("/admin/listings/KZ-P9/preview/ar", &[("cookie", &editor)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(preview.contains("dir=\"rtl\""));
    assert!(preview.contains(TITLES[3].1));
    assert!(preview.contains("data-test=\"preview-banner\""));
    assert_eq!(headers.get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let (status, _, _) = site.get_with("/admin/listings/KZ-P9/preview/ar", &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "no preview without a session");

    // Through review to publication; then investors find it in every language, by search too.
    for step in ["in_review", "published"] {
        let (status, _, _) =
            site.post_form_with("/admin/listings/KZ-P9/status", &[("status", step)], &editor).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{step}");
    }
    for (lang, title) in TITLES {
        let (status, page) = site.get(&format!("/{lang}/sites/kz-p9-cold-store")).await;
        assert_eq!(status, StatusCode::OK, "{lang}");
        assert!(page.contains(title), "{lang}: {title}");
    }
    let (_, found) = site.get("/zh/sites?q=冷库").await;
    assert!(found.contains("KZ-P9"), "the new text is searchable at once");
    let (_, found) = site.get("/ar/sites?q=مبرد").await;
    assert!(found.contains("KZ-P9"));

    let audit = audit_log::Entity::find()
        .filter(audit_log::Column::EntityId.eq("KZ-P9"))
        .all(&site.state.db)
        .await
        .expect("audit");
    assert_eq!(
        audit.iter().map(|a| a.action.as_str()).collect::<Vec<_>>(),
        ["create", "status", "status"]
    );
}

#[tokio::test]
async fn every_problem_is_named_beside_its_field_and_nothing_is_stored() {
    let site = seeded().await;
    let editor = session_for(&site, "ed.editor@icic-ca.example", Role::Editor).await;
    let before = sites(&site).await;
    let cases: [(&str, &str); 12] = [
        ("code", "kz p9"),
        ("slug", "Cold Store!"),
        ("side", "mars"),
        ("land_area_m2", "-5"),
        ("ceiling_height_m", "NaN"),
        ("price_usd_cents", "free"),
        ("available_from", "next spring"),
        ("latitude", "91"),
        ("plan_outline", "1,2 3,4"),
        ("manager_id", "99999"),
        ("title.ar", "عنوان \u{202e}مقلوب"),
        ("summary.ko", &"가".repeat(401)),
    ];
    for (name, value) in cases {
        let (status, _, page) =
            post(&site, "/admin/listings/new", &with(&new_site(), name, value), &editor).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}={value}");
        assert_eq!(errors(&page), [name], "{name} is named, and only it");
        assert!(page.contains("data-test=\"editor-problems\""));
        assert!(page.contains(TITLES[1].1), "what was typed is kept");
    }
    // A code or an address that another listing has.
    let taken_code = with(&new_site(), "code", "KZ-P1");
    let (status, _, page) = post(&site, "/admin/listings/new", &taken_code, &editor).await;
    assert_eq!(
        (status, errors(&page)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["code".to_owned()])
    );
    let taken_slug = with(&new_site(), "slug", &site.slug("KZ-P1").await);
    let (status, _, page) = post(&site, "/admin/listings/new", &taken_slug, &editor).await;
    assert_eq!(
        (status, errors(&page)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["slug".to_owned()])
    );
    assert_eq!(sites(&site).await, before, "nothing was stored");
}

#[tokio::test]
async fn a_published_listing_keeps_its_text_complete_and_its_address() {
    let site = seeded().await;
    let admin = session_for(&site, "ada.admin@icic-ca.example", Role::Admin).await;
    let slug = site.slug("KZ-P1").await;
    let (status, _, page) =
        site.get_with("/admin/listings/KZ-P1/edit", &[("cookie", &admin)]).await;
    assert_eq!(status, StatusCode::OK);
    // The form as the browser would send it back, from what the editor shows.
    let mut fields: Vec<(String, String)> = Vec::new();
    let row = site.row("KZ-P1").await;
    for (name, value) in [
        ("code", row.code.clone()),
        ("slug", row.slug.clone()),
        ("side", row.side.clone()),
        ("regime", row.regime.clone()),
        ("zone", row.zone.clone()),
        ("kind", row.kind.clone()),
        ("land_area_m2", row.land_area_m2.to_string()),
        ("built_area_m2", row.built_area_m2.map(|v| v.to_string()).unwrap_or_default()),
        ("ceiling_height_m", row.ceiling_height_m.map(|v| v.to_string()).unwrap_or_default()),
        ("floor_load_t_m2", row.floor_load_t_m2.map(|v| v.to_string()).unwrap_or_default()),
        ("power_kw", row.power_kw.to_string()),
        ("water_m3_day", row.water_m3_day.to_string()),
        ("gas_m3_h", row.gas_m3_h.map(|v| v.to_string()).unwrap_or_default()),
        ("dist_border_km", row.dist_border_km.to_string()),
        ("dist_rail_km", row.dist_rail_km.to_string()),
        ("dist_airport_km", row.dist_airport_km.to_string()),
        ("tenure", row.tenure.clone()),
        ("price_usd_cents", format!("{}", row.price_usd_cents / 100)),
        ("availability", row.availability.clone()),
        ("latitude", row.latitude.to_string()),
        ("longitude", row.longitude.to_string()),
        ("plan_outline", row.plan_outline.clone()),
        ("phase", row.phase.to_string()),
    ] {
        assert!(page.contains(&format!("name=\"{name}\"")), "{name} is in the form");
        fields.push((name.into(), value));
    }
    let texts = site_translation::Entity::find()
        .filter(site_translation::Column::SiteId.eq(row.id))
        .all(&site.state.db)
        .await
        .expect("texts");
    for t in &texts {
        fields.push((format!("title.{}", t.lang), t.title.clone()));
        fields.push((format!("summary.{}", t.lang), t.summary.clone()));
        fields.push((format!("description.{}", t.lang), t.description.clone()));
    }

    // Emptying the Korean title of a published site is refused, beside that field.
    let (status, _, page) =
        post(&site, "/admin/listings/KZ-P1/edit", &with(&fields, "title.ko", " "), &admin).await;
    assert_eq!(
        (status, errors(&page)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["title.ko".to_owned()])
    );
    assert!(page.contains("id=\"tab-ko\" value=\"ko\" checked"), "the Korean tab opens");
    // Its address stays.
    let (status, _, page) =
        post(&site, "/admin/listings/KZ-P1/edit", &with(&fields, "slug", "kz-p1-renamed"), &admin)
            .await;
    assert_eq!(
        (status, errors(&page)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["slug".to_owned()])
    );

    // A real change appears on the public page at once.
    let new_title = "생산동 KZ-P1 — 경공업, 즉시 임대";
    let (status, _, _) =
        post(&site, "/admin/listings/KZ-P1/edit", &with(&fields, "title.ko", new_title), &admin)
            .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, public) = site.get(&format!("/ko/sites/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(public.contains(new_title));
    assert_eq!(site.row("KZ-P1").await.status, "published");
}

#[tokio::test]
async fn opportunities_link_their_sites_and_check_their_capital_range() {
    let site = seeded().await;
    let editor = session_for(&site, "ed.editor@icic-ca.example", Role::Editor).await;
    let mut fields: Vec<(String, String)> = [
        ("listing_kind", "opportunity"),
        ("code", "OPP-77"),
        ("slug", "solar-panel-assembly"),
        ("sector", "electrical_equipment"),
        ("side", "both"),
        ("capex_min_usd", "12,000,000"),
        ("capex_max_usd", "8000000"),
        ("stage", "concept"),
        ("partnerships", "joint_venture"),
        ("partnerships", "offtake"),
        ("jobs", "180"),
        ("payback_years", "6.5"),
        ("sites", "KZ-P1 uz-p2"),
        ("title.en", "Solar panel assembly"),
        ("summary.en", "A 500 MW a year module line."),
        ("description.en", "Modules for both countries' solar programmes."),
        ("incentives.ar", "إعفاء ضريبي"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let (status, _, page) = post(&site, "/admin/listings/new", &fields, &editor).await;
    assert_eq!(
        (status, errors(&page)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["capex_max_usd".to_owned()])
    );
    fields = with(&fields, "capex_max_usd", "30000000");
    let (status, _, page) =
        post(&site, "/admin/listings/new", &with(&fields, "sites", "KZ-P1 ZZ-9"), &editor).await;
    assert_eq!(
        (status, errors(&page)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["sites".to_owned()])
    );
    let (status, location, _) = post(&site, "/admin/listings/new", &fields, &editor).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/admin/listings/OPP-77/edit"));
    let row = opportunity::Entity::find()
        .filter(opportunity::Column::Code.eq("OPP-77"))
        .one(&site.state.db)
        .await
        .expect("query")
        .expect("created");
    assert_eq!(
        (row.capex_min_usd, row.partnerships.as_str(), row.jobs, row.status.as_str()),
        (12_000_000, "joint_venture,offtake", Some(180), "draft")
    );
    let links = opportunity_site::Entity::find()
        .filter(opportunity_site::Column::OpportunityId.eq(row.id))
        .count(&site.state.db)
        .await
        .expect("links");
    assert_eq!(links, 2);
    // Text only in English: it cannot be published, and the listings say where text is missing.
    for step in ["in_review", "published"] {
        site.post_form_with("/admin/listings/OPP-77/status", &[("status", step)], &editor).await;
    }
    assert_eq!(
        opportunity::Entity::find_by_id(row.id)
            .one(&site.state.db)
            .await
            .expect("q")
            .expect("row")
            .status,
        "in_review"
    );
    let (_, _, list) = site.get_with("/admin/listings", &[("cookie", &editor)]).await;
    let row_html = list.split("data-code=\"OPP-77\"").nth(1).unwrap_or_default();
    assert!(
        row_html.starts_with(" data-missing=\"ar,ko,zh\""),
        "{}",
        &row_html[..row_html.len().min(200)]
    );
}

#[tokio::test]
async fn desk_officers_may_not_edit_listings() {
    let site = seeded().await;
    let desk = session_for(&site, "li.desk@icic-ca.example", Role::Desk).await;
    let before = sites(&site).await;
    for path in ["/admin/listings/new?kind=site", "/admin/listings/KZ-P1/edit"] {
        let (status, _, _) = site.get_with(path, &[("cookie", &desk)]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
    }
    let (status, _, _) = post(&site, "/admin/listings/new", &new_site(), &desk).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = post(&site, "/admin/listings/KZ-P1/edit", &new_site(), &desk).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(sites(&site).await, before);
    assert_eq!(site.row("KZ-P1").await.code, "KZ-P1");
}
