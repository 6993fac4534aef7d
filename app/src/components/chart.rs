//! Small charts drawn by the server: a table that reads as numbers to a screen reader and as
//! bars to the eye. The bars are mirrored in right-to-left pages, so they grow from the right.

use crate::i18n::t;
use crate::models::{AreaBar, Side};
use leptos::prelude::*;

/// Available land by zone, each bar split between the two sides of the border.
#[component]
pub fn AreaChart(bars: Vec<AreaBar>) -> impl IntoView {
    let rows = bars
        .into_iter()
        .map(|bar| {
            view! {
                <tr>
                    <th scope="row">{bar.zone}</th>
                    <td class="chart-number">{bar.kz}</td>
                    <td class="chart-number">{bar.uz}</td>
                    <td class="chart-bar" aria-hidden="true">
                        // SVG geometry, not inline styles: the page's CSP allows no style attributes.
                        <svg viewBox="0 0 100 10" preserveAspectRatio="none">
                            <rect class="bar-kz" x="0" y="0" width=bar.kz_percent height="10" />
                            <rect class="bar-uz" x=bar.kz_percent y="0" width=bar.uz_percent height="10" />
                        </svg>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="area-chart" data-test="area-chart">
            <caption>{t("chart-available-title")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("site-zone")}</th>
                    <th scope="col"><span class="key key-kz"></span>{t(&Side::Kz.message_id())}</th>
                    <th scope="col"><span class="key key-uz"></span>{t(&Side::Uz.message_id())}</th>
                    <td></td>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
