//! The public site through the real router (the service `portal serve` runs), on a SQLite
//! database seeded with the demo content: every route in every language, 404s, drafts, filters,
//! search in four languages and pagination.

use crate::{config::Config, web};
use app::i18n::languages;
use app::server::{AppState, db, entities::site, seed};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use tower::ServiceExt;

pub(crate) struct TestSite {
    pub(crate) state: AppState,
    pub(crate) config: Config,
    pub(crate) _dir: tempfile::TempDir,
}

pub(crate) async fn seeded() -> TestSite {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().to_string_lossy().into_owned();
    let config = Config::from_lookup(|name| match name {
        "PORTAL_DATA_DIR" => Some(data.clone()),
        "PORTAL_PUBLIC_URL" => Some("https://invest.example.org".into()),
        _ => None,
    })
    .expect("valid configuration");
    let db = db::connect(&config.database_url).await.expect("database");
    Migrator::up(&db, None).await.expect("migrations");
    seed::seed(&db, &config.media_dir()).await.expect("seed");
    let rates = app::server::rates::Rates::load(&db).await.expect("rates");
    let state = AppState {
        db,
        public_url: config.public_base(),
        leptos_options: LeptosOptions::builder().output_name("portal").build(),
        rates,
        inquiry: crate::web::inquiry_settings(&config),
        inquiry_limit: crate::web::inquiry_limit(&config),
        sign_in_limit: crate::web::sign_in_limit(),
        outbox_signal: Default::default(),
        media: std::sync::Arc::new(app::server::media::FsStore::new(config.media_dir())),
    };
    TestSite { state, config, _dir: dir }
}

impl TestSite {
    /// A URL-encoded form POSTed to `path`, from `client`.
    pub(crate) async fn post_form(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        client: [u8; 4],
    ) -> (StatusCode, axum::http::HeaderMap, String) {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields.iter())
            .finish();
        let mut request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request");
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((client, 40000))));
        self.send(request).await
    }

    /// A URL-encoded form POSTed to `path` with a `Cookie` header.
    pub(crate) async fn post_form_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        cookie: &str,
    ) -> (StatusCode, axum::http::HeaderMap, String) {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields.iter())
            .finish();
        let request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", cookie)
            .body(Body::from(body))
            .expect("request");
        self.send(request).await
    }

    /// What the router answers to `request`: status, headers and body.
    pub(crate) async fn send(
        &self,
        request: Request<Body>,
    ) -> (StatusCode, axum::http::HeaderMap, String) {
        let response = web::service(self.state.clone(), &self.config)
            .oneshot(request)
            .await
            .expect("the router answers");
        let headers = response.headers().clone();
        let status = response.status();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        (status, headers, String::from_utf8_lossy(&bytes).into_owned())
    }

    pub(crate) async fn get(&self, path: &str) -> (StatusCode, String) {
        let (status, _, body) = self.get_with(path, &[]).await;
        (status, body)
    }

    pub(crate) async fn get_with(
        &self,
        path: &str,
        headers: &[(&str, &str)],
    ) -> (StatusCode, axum::http::HeaderMap, String) {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("request")).await
    }

    /// The seeded site with this code.
    pub(crate) async fn row(&self, code: &str) -> site::Model {
        site::Entity::find()
            .filter(site::Column::Code.eq(code))
            .one(&self.state.db)
            .await
            .expect("query")
            .unwrap_or_else(|| panic!("{code} is seeded"))
    }

    pub(crate) async fn slug(&self, code: &str) -> String {
        self.row(code).await.slug
    }
}

/// The codes of the site cards on a page, in order.
fn card_codes(html: &str) -> Vec<String> {
    html.split(r#"data-test="site-card" data-code=""#)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// The codes written on the plots of the plan of a page, in order.
fn plot_codes(html: &str) -> Vec<String> {
    html.split(r#"class="plot-code""#)
        .skip(1)
        .filter_map(|rest| rest.split_once('>').and_then(|(_, text)| text.split('<').next()))
        .map(str::to_owned)
        .collect()
}

fn html_tag(html: &str) -> &str {
    let start = html.find("<html").expect("an html tag");
    let end = start + html[start..].find('>').expect("closed");
    &html[start..=end]
}

#[tokio::test]
async fn every_public_route_answers_in_every_language() {
    let site = seeded().await;
    let site_slug = site.slug("KZ-P1").await;
    let opportunity_slug = app::server::entities::opportunity::Entity::find()
        .one(&site.state.db)
        .await
        .expect("query")
        .expect("seeded")
        .slug;
    for language in languages() {
        let code = &language.code;
        for path in [
            String::new(),
            "sites".into(),
            format!("sites/{site_slug}"),
            "opportunities".into(),
            format!("opportunities/{opportunity_slug}"),
            "about".into(),
            "contact".into(),
            "privacy".into(),
            "open-data".into(),
            "compare?sites=KZ-P1,UZ-P1".into(),
        ] {
            let (status, html) = site.get(&format!("/{code}/{path}")).await;
            assert_eq!(status, StatusCode::OK, "/{code}/{path}");
            let tag = html_tag(&html);
            assert!(tag.contains(&format!(r#"lang="{code}""#)), "/{code}/{path}: {tag}");
            assert!(tag.contains(&format!(r#"dir="{}""#, language.dir())), "/{code}/{path}: {tag}");
            assert!(
                html.contains(&format!(
                    r#"<link href="https://invest.example.org/{code}/{path}" rel="canonical">"#
                )),
                "/{code}/{path}: canonical"
            );
            for other in languages() {
                let alternate = format!(
                    r#"<link href="https://invest.example.org/{}/{path}" hreflang="{}" rel="alternate">"#,
                    other.code, other.code
                );
                assert!(html.contains(&alternate), "/{code}/{path}: {alternate}");
            }
            assert!(html.contains(r#"hreflang="x-default""#), "/{code}/{path}");
            assert!(html.contains("<title>"), "/{code}/{path}");
        }
    }
}

#[tokio::test]
async fn unknown_listings_are_a_localised_404() {
    let site = seeded().await;
    for (path, expected) in [
        ("/zh/sites/no-such-site", app::i18n::text("zh", "error-not-found-title")),
        ("/ar/opportunities/no-such-project", app::i18n::text("ar", "error-not-found-title")),
        ("/ko/no-such-page", app::i18n::text("ko", "error-not-found-title")),
        ("/xx/sites", app::i18n::text("en", "error-not-found-title")),
    ] {
        let (status, html) = site.get(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(html.contains(&expected), "{path} says {expected}");
    }
}

#[tokio::test]
async fn drafts_are_not_public() {
    let site = seeded().await;
    let slug = site.slug("UZ-L2").await;
    let (status, _) = site.get(&format!("/en/sites/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    let row = site.row("UZ-L2").await;
    let mut draft = row.into_active_model();
    draft.status = Set("draft".into());
    draft.update(&site.state.db).await.expect("update");
    let (status, _) = site.get(&format!("/en/sites/{slug}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, html) = site.get("/en/sites?q=UZ-L2").await;
    assert!(card_codes(&html).is_empty(), "{:?}", card_codes(&html));
    let (_, html) = site.get("/en/sites?side=uz").await;
    assert!(html.contains(r#"data-count="14""#));
}

#[tokio::test]
async fn filters_return_exactly_the_matching_sites() {
    let site = seeded().await;
    let (status, html) = site.get("/en/sites?side=uz&zone=food_agro").await;
    assert_eq!(status, StatusCode::OK);
    let mut codes = card_codes(&html);
    codes.sort();
    assert_eq!(codes, ["UZ-L3", "UZ-P3"]);
    let (_, html) = site.get("/en/sites?kind=warehouse&min_power=1000").await;
    for code in card_codes(&html) {
        let row = site.row(&code).await;
        assert!(row.kind == "warehouse" && row.power_kw >= 1000, "{code}");
    }
    let (_, html) = site.get("/en/sites?min_area=50000&sort=area-asc").await;
    let mut areas = Vec::new();
    for code in card_codes(&html) {
        let row = site.row(&code).await;
        areas.push(row.land_area_m2);
    }
    assert!(!areas.is_empty() && areas.iter().all(|a| *a >= 50_000), "{areas:?}");
    assert!(areas.windows(2).all(|w| w[0] <= w[1]), "sorted: {areas:?}");
}

#[tokio::test]
async fn search_finds_words_in_every_language() {
    let site = seeded().await;
    for (lang, query) in
        [("en", "cold%20store"), ("zh", "冷库"), ("ko", "냉장창고"), ("ar", "مبرد")]
    {
        let (status, html) = site.get(&format!("/{lang}/sites?q={query}")).await;
        assert_eq!(status, StatusCode::OK);
        let codes = card_codes(&html);
        assert!(
            codes.contains(&"KZ-W2".to_owned()) && codes.contains(&"UZ-W2".to_owned()),
            "{lang} {query}: {codes:?}"
        );
    }
    let (_, html) = site.get("/zh/sites?q=冷库&side=kz").await;
    let codes = card_codes(&html);
    assert!(
        codes.contains(&"KZ-W2".to_owned()) && !codes.contains(&"UZ-W2".to_owned()),
        "{codes:?}"
    );
    let (_, html) = site.get("/en/sites?q=zzzzqqq").await;
    assert!(card_codes(&html).is_empty());
}

#[tokio::test]
async fn lists_paginate_and_say_what_they_ignored() {
    let site = seeded().await;
    let (_, first) = site.get("/en/sites").await;
    let (_, third) = site.get("/en/sites?page=3").await;
    assert_eq!(card_codes(&first).len(), 12);
    assert_eq!(card_codes(&third).len(), 6, "30 sites, 12 a page");
    assert!(third.contains(r#"rel="prev""#) && !third.contains(r#"rel="next""#));
    let (_, second) = site.get("/en/sites?page=2").await;
    let mut all: Vec<String> = [first, second, third].iter().flat_map(|h| card_codes(h)).collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 30, "every site appears on exactly one page");

    let (status, html) = site.get("/ko/sites?zone=moon&min_area=lots").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"data-test="invalid-filters""#));
    assert_eq!(card_codes(&html).len(), 12, "the malformed filters are ignored");
}

#[tokio::test]
async fn the_plan_draws_what_the_page_lists_and_no_more() {
    let site = seeded().await;
    for path in ["/en/sites", "/ar/sites?page=3", "/zh/sites?side=uz&zone=food_agro"] {
        let (_, html) = site.get(path).await;
        let mut cards = card_codes(&html);
        let mut plots = plot_codes(&html);
        assert!(!cards.is_empty(), "{path}");
        cards.sort();
        plots.sort();
        assert_eq!(plots, cards, "{path}: the plan draws exactly the sites listed");
    }
    let (_, html) = site.get("/en").await;
    assert_eq!(plot_codes(&html).len(), 12, "the home page draws the latest sites");
    let slug = site.slug("UZ-P3").await;
    let (_, html) = site.get(&format!("/ko/sites/{slug}")).await;
    assert_eq!(plot_codes(&html), ["UZ-P3"], "a site page draws its own plot");
    assert_eq!(html.matches("plot-highlighted").count(), 1);
}

#[tokio::test]
async fn the_sitemap_holds_exactly_the_published_pages() {
    let site = seeded().await;
    let (status, xml) = site.get("/sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    let languages = languages().len();
    let static_pages = crate::routes::STATIC_PAGES.len();
    assert_eq!(xml.matches("<url>").count(), (static_pages + 30 + 15) * languages);
    let slug = site.slug("KZ-B1").await;
    for language in app::i18n::languages() {
        let loc = format!("<loc>https://invest.example.org/{}/sites/{slug}</loc>", language.code);
        assert!(xml.contains(&loc), "{loc}");
    }
    assert!(xml.contains(&format!(
        r#"hreflang="x-default" href="https://invest.example.org/sites/{slug}""#
    )));

    let row = site.row("KZ-B1").await;
    let mut archived = row.into_active_model();
    archived.status = Set("archived".into());
    archived.update(&site.state.db).await.expect("update");
    let (_, xml) = site.get("/sitemap.xml").await;
    assert_eq!(xml.matches("<url>").count(), (static_pages + 29 + 15) * languages);
    assert!(!xml.contains(&slug), "an archived site leaves the sitemap");

    let (status, robots) = site.get("/robots.txt").await;
    assert_eq!(status, StatusCode::OK);
    assert!(robots.contains("Sitemap: https://invest.example.org/sitemap.xml"));
    assert!(robots.contains("Disallow: /admin"));
}

#[tokio::test]
async fn the_contact_page_lists_every_desk_in_the_readers_language() {
    let site = seeded().await;
    let (_, html) = site.get("/zh/contact").await;
    assert!(html.contains(&app::i18n::text("zh", "desk-china")));
    assert!(html.contains("mailto:korea.desk@icic-ca.example"));
    assert_eq!(html.matches("<h3>").count(), 5);
}

#[tokio::test]
async fn listing_pages_carry_link_previews_and_structured_data() {
    let site = seeded().await;
    let slug = site.slug("UZ-W2").await;
    let (_, html) = site.get(&format!("/ko/sites/{slug}")).await;
    assert!(
        html.contains(r#"property="og:title""#)
            && html.contains(r#"property="og:locale" content="ko""#)
    );
    assert!(
        html.contains(
            r#"<meta property="og:image" content="https://invest.example.org/media/sites/uz-w2/"#
        ),
        "og:image"
    );
    let tag = html.find(r#"type="application/ld+json""#).expect("JSON-LD");
    let start = tag + html[tag..].find('>').expect("tag closed") + 1;
    let end = start + html[start..].find("</script>").expect("closed");
    let data: serde_json::Value = serde_json::from_str(&html[start..end]).expect("valid JSON");
    assert_eq!(data["@type"], "Place");
    assert_eq!(data["identifier"], "UZ-W2");
    assert!(data["geo"]["latitude"].as_f64().is_some_and(|lat| (40.0..42.0).contains(&lat)));
}

#[tokio::test]
async fn sites_compare_side_by_side_with_their_yearly_cost() {
    let site = seeded().await;
    let (status, html) = site.get("/en/compare?sites=kz-p1&sites=UZ-L2,KZ-W1").await;
    assert_eq!(status, StatusCode::OK);
    let order: Vec<&str> = ["KZ-P1", "UZ-L2", "KZ-W1"]
        .into_iter()
        .filter(|code| html.contains(&format!(r#"<th scope="col" data-code="{code}""#)))
        .collect();
    assert_eq!(order, ["KZ-P1", "UZ-L2", "KZ-W1"]);
    // KZ-P1 is leased: its built area times its rate; UZ-L2 is for sale.
    let row = site.row("KZ-P1").await;
    let yearly = i64::from(row.built_area_m2.expect("a building")) * row.price_usd_cents / 100;
    let expected = app::server::format::money("en", &app::server::rates::Money::USD, yearly);
    assert!(html.contains(&expected), "{expected}");
    assert!(html.contains(&app::i18n::text("en", "compare-for-sale")));

    let (status, html) = site.get("/en/compare?sites=KZ-P1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"data-test="compare-empty""#), "one site is not a comparison");
}

#[tokio::test]
async fn open_data_downloads_hold_every_published_site() {
    let site = seeded().await;
    let (status, json) = site.get("/open-data/sites.json").await;
    assert_eq!(status, StatusCode::OK);
    let data: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let sites = data["sites"].as_array().expect("a list");
    assert_eq!(sites.len(), 30);
    for record in sites {
        for language in languages() {
            assert!(record["title"][language.code.as_str()].is_string(), "{record}");
        }
    }

    let (_, csv) = site.get("/open-data/sites.csv").await;
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark for spreadsheets");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().expect("a header").clone();
    assert!(header.iter().any(|h| h == "title_zh") && header.iter().any(|h| h == "title_ar"));
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    assert_eq!(records.len(), 30);
    let zh = header.iter().position(|h| h == "title_zh").expect("column");
    assert!(records.iter().all(|r| r[zh].chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));

    let (_, geojson) = site.get("/open-data/sites.geojson").await;
    let data: serde_json::Value = serde_json::from_str(&geojson).expect("valid JSON");
    let features = data["features"].as_array().expect("features");
    assert_eq!(features.len(), 30);
    let [lon, lat] =
        [&features[0]["geometry"]["coordinates"][0], &features[0]["geometry"]["coordinates"][1]];
    assert!(lon.as_f64().is_some_and(|x| (60.0..80.0).contains(&x)), "longitude first");
    assert!(lat.as_f64().is_some_and(|y| (35.0..45.0).contains(&y)));
}

#[tokio::test]
async fn each_language_has_an_atom_feed_of_new_listings() {
    let site = seeded().await;
    let (status, xml) = site.get("/ar/feed.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert!(xml.contains(r#"xml:lang="ar""#));
    assert_eq!(xml.matches("<entry>").count(), 30, "the thirty newest of 45 listings");
    assert!(xml.contains("https://invest.example.org/ar/sites/"));
    assert!(xml.contains("https://invest.example.org/ar/opportunities/"));
    let (status, _) = site.get("/xx/feed.xml").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_home_page_charts_available_land_by_zone_and_side() {
    let site = seeded().await;
    let (_, html) = site.get("/en/").await;
    let chart = &html[html.find(r#"data-test="area-chart""#).expect("a chart")..];
    let chart = &chart[..chart.find("</table>").expect("closed")];
    assert_eq!(chart.matches("<tr>").count(), 1 + app::models::Zone::ALL.len());
    // The longest bar fills the width; every bar's two parts fit in it.
    let widths: Vec<u32> = chart
        .split(r#"width=""#)
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect();
    let pairs: Vec<u32> = widths.chunks(2).map(|pair| pair.iter().sum()).collect();
    assert_eq!(pairs.iter().max(), Some(&100), "{widths:?}");
    assert!(html.contains(&app::i18n::text("en", "chart-available-title")));
}

#[tokio::test]
async fn addresses_without_a_language_lead_to_the_visitors_language() {
    let site = seeded().await;
    for (path, headers, expected) in [
        (
            "/sites?zone=service",
            vec![("accept-language", "ar-AE,ar;q=0.9")],
            "/ar/sites?zone=service",
        ),
        ("/opportunities", vec![("accept-language", "de-DE")], "/en/opportunities"),
        ("/sites/kz-p1-x", vec![("cookie", "theme=x; lang=ko")], "/ko/sites/kz-p1-x"),
        ("/", vec![("accept-language", "zh-CN")], "/zh/"),
    ] {
        let (status, response, _) = site.get_with(path, &headers).await;
        assert_eq!(status, StatusCode::FOUND, "{path}");
        assert_eq!(response["location"], expected, "{path}");
    }
}

#[tokio::test]
async fn reading_a_page_in_another_language_remembers_it() {
    let site = seeded().await;
    let (_, headers, _) = site.get_with("/ko/sites", &[("cookie", "lang=en")]).await;
    let cookie = headers["set-cookie"].to_str().expect("text");
    assert!(cookie.starts_with("lang=ko; Path=/;") && cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Secure"), "the public URL is https");
    let (_, headers, _) = site.get_with("/ko/sites", &[("cookie", "lang=ko")]).await;
    assert!(headers.get("set-cookie").is_none(), "nothing to remember");
    let (_, headers, _) = site.get_with("/ko/sites/no-such-site", &[]).await;
    assert!(headers.get("set-cookie").is_none(), "a missing page remembers nothing");
}

#[tokio::test]
async fn areas_follow_the_chosen_unit_and_the_choice_is_remembered() {
    let site = seeded().await;
    let slug = site.slug("KZ-P1").await;
    let plain = |html: String| html.replace(['\u{2068}', '\u{2069}'], "");
    let (status, headers, html) = site.get_with(&format!("/en/sites/{slug}?unit=ha"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(plain(html).contains("<td>2.6 ha</td>"), "land area in hectares");
    let cookies: Vec<&str> =
        headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect();
    assert!(cookies.iter().any(|c| c.starts_with("unit=ha; Path=/;")), "{cookies:?}");

    let (_, _, html) = site.get_with(&format!("/zh/sites/{slug}"), &[("cookie", "unit=mu")]).await;
    assert!(plain(html).contains("<td>39.0 亩</td>"), "the remembered unit");
    let (_, headers, html) =
        site.get_with(&format!("/en/sites/{slug}"), &[("cookie", "lang=en")]).await;
    assert!(plain(html).contains("<td>26,000 m²</td>"), "square metres by default");
    assert!(headers.get("set-cookie").is_none());
}

#[tokio::test]
async fn sums_follow_the_chosen_currency_at_the_rate_staff_set() {
    use app::models::Currency;
    use app::server::{format, rates};
    let site = seeded().await;
    let plain = |html: &str| html.replace(['\u{2068}', '\u{2069}'], "");
    let slug = site.slug("UZ-L2").await;
    let usd = site.row("UZ-L2").await.price_usd_cents / 100;

    // Dollars by default, with no rate to explain.
    let (_, html) = site.get(&format!("/ko/sites/{slug}")).await;
    assert!(html.contains(&format::money("ko", &rates::Money::USD, usd)));
    assert!(!html.contains(r#"data-test="rate-note""#));

    // Won at the seeded rate, the rate and its day said, the choice remembered.
    let (status, headers, html) =
        site.get_with(&format!("/ko/sites/{slug}?currency=KRW"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    let krw = site.state.rates.money(Currency::Krw);
    assert_eq!(krw.per_usd, 1_390.0);
    assert!(html.contains(&format::money("ko", &krw, usd)), "the price in won");
    assert!(plain(&html).contains("1달러 = 1,390원"), "the rate");
    assert!(plain(&html).contains("2026년 11월 20일"), "the rate's day");
    let cookies: Vec<&str> =
        headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect();
    assert!(cookies.iter().any(|c| c.starts_with("currency=krw; Path=/;")), "{cookies:?}");

    // Staff change the rate: the pages follow once the process rereads it.
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date");
    rates::set_rate(&site.state.db, Currency::Krw, 1_402.0, day, None).await.expect("set");
    site.state.rates.refresh(&site.state.db).await.expect("refresh");
    let (_, _, html) =
        site.get_with(&format!("/ko/sites/{slug}"), &[("cookie", "currency=krw")]).await;
    let krw = site.state.rates.money(Currency::Krw);
    assert!(html.contains(&format::money("ko", &krw, usd)), "the new rate");
    assert!(plain(&html).contains("2026년 11월 26일"));

    // Opportunity ranges and the comparison's yearly cost obey too.
    let (_, _, html) = site.get_with("/zh/opportunities", &[("cookie", "currency=cny")]).await;
    assert!(plain(&html).contains("元人民币"), "capital sought in yuan");
    let (_, _, html) = site.get_with("/en/compare?sites=KZ-P1,UZ-L2&currency=eur", &[]).await;
    let row = site.row("KZ-P1").await;
    let yearly = i64::from(row.built_area_m2.expect("a building")) * row.price_usd_cents / 100;
    let eur = site.state.rates.money(Currency::Eur);
    assert!(html.contains(&format::money("en", &eur, yearly)), "the yearly cost in euros");
    assert!(!html.contains(&format::money("en", &rates::Money::USD, yearly)), "not in dollars");

    // A currency with no rate, or none at all, shows dollars and offers only what has a rate.
    use sea_orm::EntityTrait;
    app::server::entities::exchange_rate::Entity::delete_by_id("aed")
        .exec(&site.state.db)
        .await
        .expect("delete");
    site.state.rates.refresh(&site.state.db).await.expect("refresh");
    for query in ["currency=aed", "currency=btc"] {
        let (status, html) = site.get(&format!("/ar/sites/{slug}?{query}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&format::money("ar", &rates::Money::USD, usd)), "{query}");
        assert!(!html.contains(r#"data-currency-choice="aed""#), "{query}");
        assert!(html.contains(r#"data-currency-choice="uzs""#), "{query}");
    }
}

/// One request through an existing service, which keeps its page cache between requests.
async fn through(
    service: &tower_http::normalize_path::NormalizePath<axum::Router>,
    request: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = service.clone().oneshot(request).await.expect("the router answers");
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes();
    (parts.status, parts.headers, String::from_utf8_lossy(&bytes).into_owned())
}

fn get_page(path: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::get(path);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.body(Body::empty()).expect("request")
}

fn script_nonce(headers: &axum::http::HeaderMap) -> String {
    let policy = headers["content-security-policy"].to_str().expect("ascii");
    let start = policy.find("'nonce-").expect("a nonce") + "'nonce-".len();
    policy[start..].split('\'').next().expect("closed").to_owned()
}

#[tokio::test]
async fn pages_are_served_from_memory_until_something_changes() {
    let site = seeded().await;
    let service = web::service(site.state.clone(), &site.config);
    let archive = |code: &'static str| {
        let site = &site;
        async move {
            let mut archived = site.row(code).await.into_active_model();
            archived.status = Set("archived".into());
            archived.update(&site.state.db).await.expect("update");
        }
    };
    let (status, headers, first) = through(&service, get_page("/en/sites", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(first.contains(r#"data-count="30""#));
    assert_eq!(headers["cache-control"], "no-cache", "browsers ask again for every page");

    // A change made behind the portal's back is not seen until the cache is emptied...
    archive("KZ-B1").await;
    let (_, again_headers, again) = through(&service, get_page("/en/sites", None)).await;
    assert!(again.contains(r#"data-count="30""#), "served from memory");
    // ...and the copy carries a nonce of its own, in its policy and on its scripts alike.
    let (old, new) = (script_nonce(&headers), script_nonce(&again_headers));
    assert_ne!(old, new);
    assert!(again.contains(&format!(r#"nonce="{new}""#)) && !again.contains(&old));
    assert_eq!(again.replace(&new, &old), first);
    // Other cookies (a unit, a currency, a basket) are another page.
    let (_, _, other) = through(&service, get_page("/en/sites", Some("x=1"))).await;
    assert!(other.contains(r#"data-count="29""#));

    // A refused request changes nothing and keeps the cache; an accepted one empties it.
    let refused = Request::post("/en/inquiry-basket").body(Body::from("add=KZ-P1")).expect("req");
    let (status, _, _) = through(&service, refused).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let (_, _, still) = through(&service, get_page("/en/sites", None)).await;
    assert!(still.contains(r#"data-count="30""#));
    let accepted = Request::post("/en/inquiry-basket")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("add=KZ-P1"))
        .expect("request");
    let (status, _, _) = through(&service, accepted).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, fresh) = through(&service, get_page("/en/sites", None)).await;
    assert!(fresh.contains(r#"data-count="29""#), "emptied by the change");

    // PORTAL_PAGE_CACHE_SECONDS=0: every page is rendered anew.
    let mut config = site.config.clone();
    config.page_cache_seconds = 0;
    let uncached = web::service(site.state.clone(), &config);
    let (_, _, before) = through(&uncached, get_page("/en/sites", None)).await;
    assert!(before.contains(r#"data-count="29""#));
    archive("KZ-P1").await;
    let (_, _, after) = through(&uncached, get_page("/en/sites", None)).await;
    assert!(after.contains(r#"data-count="28""#));
}

#[tokio::test]
async fn build_files_are_cached_for_a_year_and_sent_compressed() {
    let mut site = seeded().await;
    let root = tempfile::tempdir().expect("temp dir");
    let pkg = root.path().join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg");
    std::fs::write(pkg.join("portal.H4sh.css"), "body { color: black }").expect("css");
    std::fs::write(pkg.join("portal.H4sh.css.br"), "brotli bytes").expect("br");
    std::fs::write(pkg.join("portal.H4sh.css.gz"), "gzip bytes").expect("gz");
    std::fs::write(root.path().join("favicon.svg"), "<svg/>").expect("favicon");
    site.state.leptos_options.site_root = root.path().to_string_lossy().into_owned().into();
    site.state.leptos_options.hash_files = true;
    let service = web::service(site.state.clone(), &site.config);
    for (encoding, body) in [("br, gzip", "brotli bytes"), ("gzip", "gzip bytes")] {
        let request = Request::get("/pkg/portal.H4sh.css")
            .header("accept-encoding", encoding)
            .body(Body::empty())
            .expect("request");
        let (status, headers, text) = through(&service, request).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(text, body, "{encoding}");
        assert_eq!(headers["content-type"], "text/css", "{encoding}");
        assert_eq!(headers["cache-control"], "public, max-age=31536000, immutable");
    }
    let (status, _, _) = through(&service, get_page("/pkg/portal.0ther.css", None)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The icon is a file, not a page in a language called "favicon.svg".
    let (status, headers, icon) = through(&service, get_page("/favicon.svg", None)).await;
    assert_eq!((status, icon.as_str()), (StatusCode::OK, "<svg/>"));
    assert_eq!(headers["content-type"], "image/svg+xml");
    // Unhashed names (a development build) are asked for again every time.
    site.state.leptos_options.hash_files = false;
    let service = web::service(site.state.clone(), &site.config);
    let (_, headers, _) = through(&service, get_page("/pkg/portal.H4sh.css", None)).await;
    assert_eq!(headers["cache-control"], "no-cache");
}
