//! Open data and feeds: the published sites as JSON, CSV and GeoJSON (`/open-data/sites.*`),
//! and an Atom feed of new listings per language (`/{lang}/feed.xml`).

use app::i18n;
use app::server::{
    AppState, entities::site, entities::site_translation, listings, search::ListingKind,
};
use axum::{
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use serde_json::{Map, Value, json};

/// A database failure at this boundary: logged, answered with 503 and no detail.
fn unavailable(err: sea_orm::DbErr) -> Response {
    tracing::error!(cause = %err, "open data: cannot read the listings");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

fn price_usd(site: &site::Model) -> f64 {
    site.price_usd_cents as f64 / 100.0
}

/// One site as an open-data record: every specification, and its text in every language.
fn record(base: &str, site: &site::Model, texts: &[site_translation::Model]) -> Map<String, Value> {
    let by_lang = |field: fn(&site_translation::Model) -> &str| -> Value {
        texts.iter().map(|t| (t.lang.clone(), Value::from(field(t)))).collect::<Map<_, _>>().into()
    };
    let urls: Map<String, Value> = i18n::languages()
        .iter()
        .map(|l| (l.code.clone(), Value::from(format!("{base}/{}/sites/{}", l.code, site.slug))))
        .collect();
    let value = json!({
        "code": site.code,
        "side": site.side,
        "regime": site.regime,
        "zone": site.zone,
        "kind": site.kind,
        "land_area_m2": site.land_area_m2,
        "built_area_m2": site.built_area_m2,
        "ceiling_height_m": site.ceiling_height_m,
        "floor_load_t_m2": site.floor_load_t_m2,
        "power_kw": site.power_kw,
        "water_m3_day": site.water_m3_day,
        "gas_m3_h": site.gas_m3_h,
        "rail_siding": site.rail_siding,
        "dist_border_km": site.dist_border_km,
        "dist_rail_km": site.dist_rail_km,
        "dist_airport_km": site.dist_airport_km,
        "tenure": site.tenure,
        "price_usd": price_usd(site),
        "price_unit": if site.tenure == "lease" { "usd_per_m2_per_year" } else { "usd_total" },
        "availability": site.availability,
        "available_from": site.available_from,
        "latitude": site.latitude,
        "longitude": site.longitude,
        "phase": site.phase,
        "published_at": site.published_at,
        "url": urls,
        "title": by_lang(|t| &t.title),
        "summary": by_lang(|t| &t.summary),
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn download(content_type: &'static str, body: Vec<u8>) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=600"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        body,
    )
        .into_response()
}

/// `/open-data/sites.json`
pub async fn sites_json(State(state): State<AppState>) -> Response {
    match listings::published_sites_with_texts(&state.db).await {
        Ok(rows) => {
            let records: Vec<Value> =
                rows.iter().map(|(s, t)| Value::Object(record(&state.public_url, s, t))).collect();
            let body = json!({ "license": "CC-BY-4.0", "count": records.len(), "sites": records });
            download("application/json; charset=utf-8", body.to_string().into_bytes())
        }
        Err(err) => unavailable(err),
    }
}

/// `/open-data/sites.geojson`: one point per site.
pub async fn sites_geojson(State(state): State<AppState>) -> Response {
    match listings::published_sites_with_texts(&state.db).await {
        Ok(rows) => {
            let features: Vec<Value> = rows
                .iter()
                .map(|(s, t)| {
                    let mut properties = record(&state.public_url, s, t);
                    properties.remove("latitude");
                    properties.remove("longitude");
                    json!({
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": [s.longitude, s.latitude]},
                        "properties": properties,
                    })
                })
                .collect();
            let body = json!({ "type": "FeatureCollection", "features": features });
            download("application/geo+json; charset=utf-8", body.to_string().into_bytes())
        }
        Err(err) => unavailable(err),
    }
}

/// `/open-data/sites.csv`: UTF-8 with a byte-order mark, so that spreadsheets read Chinese,
/// Korean and Arabic titles correctly; one title column per language.
pub async fn sites_csv(State(state): State<AppState>) -> Response {
    let rows = match listings::published_sites_with_texts(&state.db).await {
        Ok(rows) => rows,
        Err(err) => return unavailable(err),
    };
    let languages: Vec<String> = i18n::languages().iter().map(|l| l.code.clone()).collect();
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut header: Vec<String> = [
        "code",
        "side",
        "regime",
        "zone",
        "kind",
        "land_area_m2",
        "built_area_m2",
        "power_kw",
        "water_m3_day",
        "gas_m3_h",
        "rail_siding",
        "dist_border_km",
        "tenure",
        "price_usd",
        "availability",
        "available_from",
        "latitude",
        "longitude",
        "url",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    header.extend(languages.iter().map(|l| format!("title_{l}")));
    let mut result = writer.write_record(&header);
    for (s, texts) in &rows {
        if result.is_err() {
            break;
        }
        let opt = |v: Option<i32>| v.map(|v| v.to_string()).unwrap_or_default();
        let mut fields = vec![
            s.code.clone(),
            s.side.clone(),
            s.regime.clone(),
            s.zone.clone(),
            s.kind.clone(),
            s.land_area_m2.to_string(),
            opt(s.built_area_m2),
            s.power_kw.to_string(),
            s.water_m3_day.to_string(),
            opt(s.gas_m3_h),
            s.rail_siding.to_string(),
            s.dist_border_km.to_string(),
            s.tenure.clone(),
            price_usd(s).to_string(),
            s.availability.clone(),
            s.available_from.map(|d| d.to_string()).unwrap_or_default(),
            s.latitude.to_string(),
            s.longitude.to_string(),
            format!("{}/{}/sites/{}", state.public_url, i18n::FALLBACK, s.slug),
        ];
        fields.extend(languages.iter().map(|l| {
            texts.iter().find(|t| &t.lang == l).map(|t| t.title.clone()).unwrap_or_default()
        }));
        result = writer.write_record(&fields);
    }
    match result.and_then(|()| writer.into_inner().map_err(|e| e.into_error().into())) {
        Ok(bytes) => download("text/csv; charset=utf-8", bytes),
        Err(err) => {
            tracing::error!(cause = %err, "open data: cannot write the CSV");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `/{lang}/feed.xml`: an Atom feed of the newest listings in that language.
pub async fn feed(State(state): State<AppState>, Path(lang): Path<String>) -> Response {
    let Some(language) = i18n::find(&lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let code = &language.code;
    let items = match listings::newest_listings(&state.db, code, 30).await {
        Ok(items) => items,
        Err(err) => return unavailable(err),
    };
    let base = &state.public_url;
    let updated =
        items.first().map(|i| i.published_at).unwrap_or_else(chrono::Utc::now).to_rfc3339();
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{code}\">\n  <title>{}</title>\n  <id>{base}/{code}/feed.xml</id>\n  <link rel=\"self\" href=\"{base}/{code}/feed.xml\"/>\n  <link rel=\"alternate\" href=\"{base}/{code}/\"/>\n  <updated>{updated}</updated>\n",
        xml_escape(&i18n::text(code, "site-name"))
    );
    for item in items {
        let section = match item.kind {
            ListingKind::Site => "sites",
            ListingKind::Opportunity => "opportunities",
        };
        let url = format!("{base}/{code}/{section}/{}", item.slug);
        xml.push_str(&format!(
            "  <entry>\n    <title>{} · {}</title>\n    <id>{url}</id>\n    <link href=\"{url}\"/>\n    <updated>{}</updated>\n    <summary>{}</summary>\n  </entry>\n",
            xml_escape(&item.code),
            xml_escape(&item.title),
            item.published_at.to_rfc3339(),
            xml_escape(&item.summary)
        ));
    }
    xml.push_str("</feed>\n");
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=600"),
        ],
        xml,
    )
        .into_response()
}
