//! Pieces of the listing pages: cards, specification tables, filters and pagination.

use crate::i18n::{t, t_with, use_language};
use crate::models::{Availability, OpportunityCard, Photo, SiteCard, Spec};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The query string of the current page as decoded pairs.
pub fn use_query_pairs() -> Vec<(String, String)> {
    use_query_map()
        .get_untracked()
        .into_iter()
        .map(|(key, value)| (key.into_owned(), value))
        .collect()
}

/// A badge that says whether a site can be taken, coloured by the same classes as the plan.
#[component]
pub fn AvailabilityBadge(availability: Availability) -> impl IntoView {
    view! {
        <span class=format!("badge badge-{}", availability.as_str())>
            {t(&availability.message_id())}
        </span>
    }
}

/// A photo with its intrinsic size, so that the page does not jump while it loads.
#[component]
pub fn ListingPhoto(photo: Photo, #[prop(optional)] eager: bool) -> impl IntoView {
    view! {
        <img
            src=photo.url
            alt=photo.alt
            width=photo.width
            height=photo.height
            loading=if eager { "eager" } else { "lazy" }
            decoding="async"
        />
    }
}

/// A two-column table of labels and values.
#[component]
pub fn SpecTable(specs: Vec<Spec>, #[prop(into)] caption: String) -> impl IntoView {
    let rows = specs
        .into_iter()
        .map(|spec| {
            view! {
                <tr>
                    <th scope="row">{spec.label}</th>
                    <td>{spec.value}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="spec-table">
            <caption>{caption}</caption>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn fact_list(facts: Vec<Spec>) -> impl IntoView {
    let items = facts
        .into_iter()
        .map(|fact| {
            view! {
                <div>
                    <dt>{fact.label}</dt>
                    <dd>{fact.value}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="card-facts">{items}</dl> }
}

/// "Add to my inquiry" (or "Remove from my inquiry" once added): a POST to the basket, which
/// lives in a cookie. Inside another form (`nested`), a submit button that posts to the basket
/// instead of that form's action; elsewhere a small form of its own.
#[component]
pub fn BasketButton(code: String, #[prop(optional)] nested: bool) -> impl IntoView {
    let action = format!("/{}/inquiry-basket", use_language().code);
    let added = crate::prefs::basket().contains(&code.to_ascii_uppercase());
    let (name, label) =
        if added { ("remove", t("remove-from-inquiry")) } else { ("add", t("add-to-inquiry")) };
    let button = view! {
        <button
            type="submit"
            class="basket-button"
            name=name
            value=code.clone()
            formaction=nested.then(|| action.clone())
            formmethod=nested.then_some("post")
            data-test="basket-button"
            data-code=code.clone()
            aria-pressed=added.then_some("true")
        >
            {label}
        </button>
    };
    if nested {
        button.into_any()
    } else {
        view! {
            <form method="post" action=action class="basket-form">
                {button}
            </form>
        }
        .into_any()
    }
}

/// A site's card; with `compare`, a checkbox that adds it to the comparison form around it.
#[component]
pub fn SiteCardView(card: SiteCard, #[prop(optional)] compare: bool) -> impl IntoView {
    let href = format!("/{}/sites/{}", use_language().code, card.slug);
    let checkbox_id = format!("compare-{}", card.code);
    let code = card.code.clone();
    let select = compare.then(|| {
        view! {
            <p class="compare-select">
                <input type="checkbox" id=checkbox_id.clone() name="sites" value=code />
                <label for=checkbox_id>{t("compare-select")}</label>
            </p>
        }
    });
    view! {
        <article class="card" data-test="site-card" data-code=card.code.clone()>
            {card.photo.map(|photo| view! { <ListingPhoto photo /> })}
            <div class="card-body">
                <p class="card-code">
                    <bdi>{card.code.clone()}</bdi>
                    " "
                    <AvailabilityBadge availability=card.availability />
                </p>
                <h3>
                    <a href=href>{card.title}</a>
                </h3>
                <p>{card.summary}</p>
                {fact_list(card.facts)}
                {select}
                <BasketButton code=card.code.clone() nested=compare />
            </div>
        </article>
    }
}

#[component]
pub fn OpportunityCardView(card: OpportunityCard) -> impl IntoView {
    let href = format!("/{}/opportunities/{}", use_language().code, card.slug);
    view! {
        <article class="card" data-test="opportunity-card" data-code=card.code.clone()>
            {card.photo.map(|photo| view! { <ListingPhoto photo /> })}
            <div class="card-body">
                <p class="card-code">
                    <bdi>{card.code.clone()}</bdi>
                </p>
                <h3>
                    <a href=href>{card.title}</a>
                </h3>
                <p>{card.summary}</p>
                {fact_list(card.facts)}
                <BasketButton code=card.code.clone() />
            </div>
        </article>
    }
}

/// A `<select>` of a filter: "any" and each value of a list, the current one selected.
#[component]
pub fn FilterSelect(
    name: &'static str,
    #[prop(into)] label: String,
    /// `(value, label)` pairs.
    options: Vec<(String, String)>,
    selected: Option<String>,
) -> impl IntoView {
    let id = format!("filter-{name}");
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let is_selected = selected.as_deref() == Some(value.as_str());
            view! {
                <option value=value selected=is_selected>
                    {text}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="">{t("filter-any")}</option>
                {options}
            </select>
        </div>
    }
}

/// A number field of a filter.
#[component]
pub fn FilterNumber(
    name: &'static str,
    #[prop(into)] label: String,
    value: Option<String>,
) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type="number"
                min="0"
                inputmode="numeric"
                value=value.unwrap_or_default()
            />
        </div>
    }
}

/// Links to the previous and next pages; `href(page)` gives a page's address.
#[component]
pub fn Pagination(page: u32, pages: u32, href: impl Fn(u32) -> String) -> impl IntoView {
    let status = t_with(
        "pagination-status",
        &[("page", i64::from(page).into()), ("pages", i64::from(pages).into())],
    );
    let previous = (page > 1).then(|| {
        view! {
            <a rel="prev" href=href(page - 1) data-test="page-previous">
                {t("pagination-previous")}
            </a>
        }
    });
    let next = (page < pages).then(|| {
        view! {
            <a rel="next" href=href(page + 1) data-test="page-next">
                {t("pagination-next")}
            </a>
        }
    });
    view! {
        <nav class="pagination" aria-label=t("pagination-label")>
            {previous}
            <span aria-current="page">{status}</span>
            {next}
        </nav>
    }
}

/// The notices for query parameters whose values were ignored.
#[component]
pub fn InvalidFilters(invalid: Vec<String>) -> impl IntoView {
    (!invalid.is_empty()).then(|| {
        let items = invalid
            .into_iter()
            .map(|field| view! { <li>{t_with("filter-invalid", &[("field", field.into())])}</li> })
            .collect_view();
        view! { <ul class="notice" role="status" data-test="invalid-filters">{items}</ul> }
    })
}
