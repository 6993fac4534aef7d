//! The islands: the only components compiled into the browser's WebAssembly and hydrated there.
//! Each receives its text already translated and formatted by the server, so no translation data
//! or number formatting travels to the browser.

use leptos::prelude::*;

/// A figure that the reader can see in another unit (hectares, m², mu, pyeong).
///
/// Without JavaScript each unit is a link that reloads the page in that unit; once hydrated,
/// the same links switch the figure in place.
#[island]
pub fn UnitSwitch(
    /// `(unit code, unit label, formatted value)` for each unit.
    units: Vec<(String, String, String)>,
    /// The index of the unit shown first.
    selected: usize,
    /// The accessible name of the group of unit links.
    label: String,
) -> impl IntoView {
    let current = RwSignal::new(selected.min(units.len().saturating_sub(1)));
    let values: Vec<String> = units.iter().map(|(_, _, value)| value.clone()).collect();
    let links = units
        .into_iter()
        .enumerate()
        .map(|(index, (code, unit_label, _))| {
            view! {
                <a
                    href=format!("?unit={code}")
                    data-unit=code
                    aria-current=move || (current.get() == index).then_some("true")
                    on:click=move |ev| {
                        ev.prevent_default();
                        current.set(index);
                    }
                >
                    {unit_label}
                </a>
            }
        })
        .collect_view();
    view! {
        <span class="unit-switch">
            <output class="figure-value" data-test="unit-value" aria-live="polite">
                {move || values.get(current.get()).cloned().unwrap_or_default()}
            </output>
            <span class="unit-links" role="group" aria-label=label>
                {links}
            </span>
        </span>
    }
}
