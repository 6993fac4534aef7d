//! The plan of the center, drawn by the server as SVG: both sides of the border, the checkpoint
//! road, and the plots of the sites the page lists (a results page, the latest sites, one site),
//! coloured by availability and linked to their pages. It draws no more than the page lists, so
//! the page does not grow with the number of sites published.

use crate::components::listing::AvailabilityBadge;
use crate::i18n::t;
use crate::models::{Availability, PlanPlot};
use leptos::prelude::*;

#[component]
pub fn CenterPlan(plots: Vec<PlanPlot>) -> impl IntoView {
    let shapes = plots
        .into_iter()
        .map(|plot| {
            let class = format!(
                "plot plot-{}{}",
                plot.availability.as_str(),
                if plot.highlighted { " plot-highlighted" } else { "" }
            );
            let label = format!("{} · {}", plot.code, plot.title);
            let tooltip = label.clone();
            view! {
                <a href=plot.href aria-label=label>
                    <polygon class=class points=plot.points>
                        <title>{tooltip}</title>
                    </polygon>
                    <text class="plot-code" x=plot.label_x y=plot.label_y + 5 text-anchor="middle">
                        {plot.code}
                    </text>
                </a>
            }
        })
        .collect_view();
    let legend = Availability::ALL
        .iter()
        .map(|availability| view! { <li><AvailabilityBadge availability=*availability /></li> })
        .collect_view();
    view! {
        <figure class="center-plan" data-test="center-plan">
            // The plan is a map: it keeps its geometry in right-to-left pages too.
            <svg viewBox="0 0 1000 600" role="img" aria-labelledby="plan-title plan-desc" dir="ltr">
                <title id="plan-title">{t("plan-title")}</title>
                <desc id="plan-desc">{t("plan-description")}</desc>
                <rect class="plan-side plan-kz" x="0" y="0" width="500" height="600" />
                <rect class="plan-side plan-uz" x="500" y="0" width="500" height="600" />
                <rect class="plan-road" x="0" y="282" width="1000" height="36" />
                <line class="plan-border" x1="500" y1="0" x2="500" y2="600" />
                <text class="plan-side-label" x="24" y="592">{t("plan-kz")}</text>
                <text class="plan-side-label" x="976" y="592" text-anchor="end">{t("plan-uz")}</text>
                <g class="plan-checkpoint">
                    <rect x="486" y="284" width="28" height="32" rx="4" />
                    <text x="500" y="276" text-anchor="middle">{t("plan-checkpoint")}</text>
                </g>
                <text class="plan-border-label" x="506" y="16">{t("plan-border")}</text>
                {shapes}
            </svg>
            <figcaption>
                <span class="legend-title">{t("plan-legend")}</span>
                <ul class="legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}
