//! `/{lang}/open-data`: the downloads of the published sites and what each field means.

use crate::components::page_meta::PageMeta;
use crate::i18n::{t, use_language};
use leptos::prelude::*;

/// The fields of the downloads, each with the message that labels it on the site pages.
const FIELDS: &[(&str, &str)] = &[
    ("side", "site-side"),
    ("regime", "site-regime"),
    ("zone", "site-zone"),
    ("kind", "site-kind"),
    ("land_area_m2", "site-land-area"),
    ("built_area_m2", "site-built-area"),
    ("ceiling_height_m", "site-ceiling-height"),
    ("floor_load_t_m2", "site-floor-load"),
    ("power_kw", "site-power"),
    ("water_m3_day", "site-water"),
    ("gas_m3_h", "site-gas"),
    ("rail_siding", "site-rail-siding"),
    ("dist_border_km", "site-dist-border"),
    ("dist_rail_km", "site-dist-rail"),
    ("dist_airport_km", "site-dist-airport"),
    ("tenure", "site-tenure"),
    ("price_usd", "site-price"),
    ("availability", "site-availability"),
    ("latitude, longitude", "site-coordinates"),
    ("phase", "site-phase"),
];

#[component]
pub fn OpenDataPage() -> impl IntoView {
    let lang = use_language().code.clone();
    let rows = FIELDS
        .iter()
        .map(|(field, label)| {
            view! {
                <tr>
                    <th scope="row"><code>{*field}</code></th>
                    <td>{t(label)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageMeta title=t("open-data-title") description=t("open-data-description") path="open-data".to_owned() />
        <article class="text-page" data-test="open-data">
            <header class="page-header">
                <h1>{t("open-data-title")}</h1>
                <p class="lead">{t("open-data-lead")}</p>
            </header>
            <section class="text-section">
                <h2>{t("open-data-formats-heading")}</h2>
                <ul>
                    <li><a href="/open-data/sites.json">"sites.json"</a> " — " {t("open-data-json")}</li>
                    <li><a href="/open-data/sites.csv">"sites.csv"</a> " — " {t("open-data-csv")}</li>
                    <li><a href="/open-data/sites.geojson">"sites.geojson"</a> " — " {t("open-data-geojson")}</li>
                    <li><a href=format!("/{lang}/feed.xml")>"feed.xml"</a> " — " {t("open-data-feed")}</li>
                </ul>
                <p>{t("open-data-license")}</p>
            </section>
            <section class="text-section">
                <h2>{t("open-data-fields-heading")}</h2>
                <p>{t("open-data-fields-intro")}</p>
                <table class="spec-table">
                    <caption>{t("open-data-fields-heading")}</caption>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        </article>
    }
}
