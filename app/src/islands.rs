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

/// What the live check of the inquiry form says, in the page's language.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CheckMessages {
    pub required: String,
    pub choose: String,
    pub email: String,
    pub phone: String,
    pub number: String,
    pub consent: String,
}

/// Checks the fields of the inquiry form around it as the investor types (a field is checked
/// once left, then at every keystroke while it is wrong), with the server's messages. Renders
/// nothing; without JavaScript the server's own check, which always runs, is all there is.
#[island]
pub fn LiveCheck(messages: CheckMessages) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| live::attach(&messages));
    #[cfg(not(feature = "hydrate"))]
    let _ = messages;
    view! { <span class="live-check" hidden></span> }
}

/// The problem with a field's value, if any (a light mirror of the server's check).
pub fn field_problem<'a>(
    name: &str,
    value: &str,
    checked: bool,
    messages: &'a CheckMessages,
) -> Option<&'a str> {
    let value = value.trim();
    let problem = match name {
        "name" | "company" | "message" | "email" if value.is_empty() => &messages.required,
        "country" | "investor_type" | "investment_range" if value.is_empty() => &messages.choose,
        "email" => {
            let ok = value.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && !value.contains(char::is_whitespace)
                    && !domain.contains('@')
                    && domain.split('.').count() >= 2
                    && domain.split('.').all(|label| !label.is_empty())
            });
            if ok {
                return None;
            }
            &messages.email
        }
        "phone" if !value.is_empty() => {
            let digits = value.chars().filter(char::is_ascii_digit).count();
            if digits >= 6 && value.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)) {
                return None;
            }
            &messages.phone
        }
        "need_area" | "need_power" if !value.is_empty() => {
            if value.chars().all(|c| c.is_ascii_digit() || c == ',' || c == ' ')
                && value.chars().any(|c| c.is_ascii_digit() && c != '0')
            {
                return None;
            }
            &messages.number
        }
        "consent" if !checked => &messages.consent,
        _ => return None,
    };
    Some(problem.as_str())
}

#[cfg(feature = "hydrate")]
mod live {
    use super::{CheckMessages, field_problem};
    use leptos::wasm_bindgen::{JsCast, closure::Closure};
    use leptos::web_sys::{
        Element, Event, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
    };

    const FIELDS: &[&str] = &[
        "name",
        "company",
        "country",
        "email",
        "phone",
        "investor_type",
        "investment_range",
        "need_area",
        "need_power",
        "message",
        "consent",
    ];

    fn value_of(control: &Element) -> (String, bool) {
        if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
            (input.value(), input.checked())
        } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
            (select.value(), false)
        } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
            (area.value(), false)
        } else {
            (String::new(), false)
        }
    }

    fn show(control: &Element, name: &str, problem: Option<&str>) {
        let document = leptos::prelude::document();
        if let Ok(Some(slot)) = document.query_selector(&format!("[data-error-for=\"{name}\"]")) {
            slot.set_text_content(problem);
        }
        if problem.is_some() {
            let _ = control.set_attribute("aria-invalid", "true");
        } else {
            let _ = control.remove_attribute("aria-invalid");
        }
        if let Ok(Some(field)) = control.closest(".field") {
            let _ = field.class_list().toggle_with_force("field-invalid", problem.is_some());
        }
    }

    pub fn attach(messages: &CheckMessages) {
        let document = leptos::prelude::document();
        for name in FIELDS {
            let Ok(Some(control)) =
                document.query_selector(&format!("form.inquiry-form [name=\"{name}\"]"))
            else {
                continue;
            };
            let check = {
                let messages = messages.clone();
                let control = control.clone();
                move |only_if_wrong: bool| {
                    if only_if_wrong && control.get_attribute("aria-invalid").is_none() {
                        return;
                    }
                    let (value, checked) = value_of(&control);
                    show(&control, name, field_problem(name, &value, checked, &messages));
                }
            };
            let on_leave = {
                let check = check.clone();
                Closure::<dyn Fn(Event)>::new(move |_: Event| check(false))
            };
            let on_type = Closure::<dyn Fn(Event)>::new(move |_: Event| check(true));
            let _ =
                control.add_event_listener_with_callback("blur", on_leave.as_ref().unchecked_ref());
            let _ = control
                .add_event_listener_with_callback("change", on_leave.as_ref().unchecked_ref());
            let _ =
                control.add_event_listener_with_callback("input", on_type.as_ref().unchecked_ref());
            // The listeners live as long as the page.
            on_leave.forget();
            on_type.forget();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages() -> CheckMessages {
        CheckMessages {
            required: "required".into(),
            choose: "choose".into(),
            email: "email".into(),
            phone: "phone".into(),
            number: "number".into(),
            consent: "consent".into(),
        }
    }

    #[test]
    fn the_live_check_names_the_same_problems_as_the_server() {
        let m = messages();
        assert_eq!(field_problem("name", "  ", false, &m), Some("required"));
        assert_eq!(field_problem("country", "", false, &m), Some("choose"));
        assert_eq!(field_problem("email", "wang@example.cn", false, &m), None);
        for bad in ["wang", "wang@", "wang@example", "wang li@example.cn", "a@@b.cn"] {
            assert_eq!(field_problem("email", bad, false, &m), Some("email"), "{bad}");
        }
        assert_eq!(field_problem("phone", "+86 21 5555 0100", false, &m), None);
        assert_eq!(field_problem("phone", "call me", false, &m), Some("phone"));
        assert_eq!(field_problem("need_area", "12,000", false, &m), None);
        assert_eq!(field_problem("need_area", "lots", false, &m), Some("number"));
        assert_eq!(field_problem("consent", "yes", false, &m), Some("consent"));
        assert_eq!(field_problem("consent", "yes", true, &m), None);
    }
}
