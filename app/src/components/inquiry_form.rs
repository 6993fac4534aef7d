//! The expression-of-interest form: a plain POST of URL-encoded fields to `/{lang}/inquire`, so
//! it works without JavaScript. When the server cannot accept a submission it shows the form
//! again with the investor's input and each problem beside its field (see `Submission`).

use crate::i18n::{self, t, t_with, use_language};
use crate::islands::{CheckMessages, LiveCheck};
use crate::models::{
    HeardFrom, InquiryFormData, InvestmentRange, InvestorType, ListingLink, Submission,
};
use leptos::prelude::*;

/// The campaign parameters of the link the investor came by, remembered in a cookie by the
/// server (see `routes::remember_campaign`) or still in the address.
pub const CAMPAIGN_FIELDS: [&str; 3] = ["utm_source", "utm_medium", "utm_campaign"];

fn field_id(name: &str) -> String {
    format!("f-{}", name.replace('_', "-"))
}

/// A label, the control, and the field's error under it (announced with the control).
#[component]
fn Field(
    name: &'static str,
    label: String,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<String>,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    let id = field_id(name);
    let invalid = error.is_some();
    view! {
        <div class="field" class:field-invalid=invalid data-field=name>
            <label for=id.clone()>{label}{required.then_some(" *")}</label>
            {hint.map(|hint| view! { <p class="field-hint" id=format!("{id}-hint")>{hint}</p> })}
            {children()}
            <p class="field-error" id=format!("{id}-error") data-error-for=name aria-live="polite">
                {error}
            </p>
        </div>
    }
}

/// `aria-describedby` of a control: its hint (if any) and its error slot.
fn described_by(name: &str, hint: bool) -> String {
    let id = field_id(name);
    if hint { format!("{id}-hint {id}-error") } else { format!("{id}-error") }
}

/// A one-line text input.
#[component]
fn TextInput(
    name: &'static str,
    label: String,
    kind: &'static str,
    max: usize,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    submission: Submission,
) -> impl IntoView {
    let error = submission.error(name);
    let invalid = error.is_some().then_some("true");
    view! {
        <Field name label required error>
            <input
                id=field_id(name)
                name=name
                type=kind
                value=submission.value(name)
                maxlength=max
                required=required
                autocomplete=autocomplete
                inputmode=inputmode
                aria-invalid=invalid
                aria-describedby=described_by(name, false)
            />
        </Field>
    }
}

/// A choice among `options` (`(value, label)`), with a first empty "Choose" option.
#[component]
fn Choice(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    #[prop(optional)] required: bool,
    #[prop(optional)] default: Option<String>,
    submission: Submission,
) -> impl IntoView {
    let error = submission.error(name);
    let invalid = error.is_some().then_some("true");
    let selected = submission.value(name).or(default).unwrap_or_default();
    let options = options
        .into_iter()
        .map(|(value, label)| {
            let is = value == selected;
            view! { <option value=value selected=is>{label}</option> }
        })
        .collect_view();
    view! {
        <Field name label required error>
            <select
                id=field_id(name)
                name=name
                required=required
                aria-invalid=invalid
                aria-describedby=described_by(name, false)
            >
                <option value="">{t("form-choose")}</option>
                {options}
            </select>
        </Field>
    }
}

fn vocabulary<T: Copy>(
    all: &[T],
    value: fn(T) -> &'static str,
    id: fn(T) -> String,
) -> Vec<(String, String)> {
    all.iter().map(|v| (value(*v).to_owned(), t(&id(*v)))).collect()
}

/// The form, about `data.listings`; `campaign` holds the campaign parameters to pass on.
///
/// `nested`: the form sits in a section of its own under an `<h2>` (at the foot of a listing's
/// page), so its privacy box is headed `<h3>`; on the inquiry page itself, under the `<h1>`,
/// it is headed `<h2>` (headings must not skip a level).
#[component]
pub fn InquiryForm(
    data: InquiryFormData,
    campaign: Vec<(String, String)>,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    let lang = use_language().code.clone();
    let submission = use_context::<Submission>().unwrap_or_default();
    let action = format!("/{lang}/inquire");
    let error_count = submission.errors.len();
    let summary = (error_count > 0).then(|| {
        view! {
            <div class="form-errors" role="alert" data-test="form-errors" tabindex="-1">
                <p>{t_with("form-errors-title", &[("count", error_count.into())])}</p>
            </div>
        }
    });
    let notice = submission.notice.clone().map(|notice| {
        view! { <p class="form-notice" role="alert" data-test="form-notice">{notice}</p> }
    });
    let listings_error = submission.error("listing");
    let listings = (!data.listings.is_empty() || listings_error.is_some()).then(|| {
        let items = data
            .listings
            .iter()
            .map(|ListingLink { href, code, title, .. }| {
                view! {
                    <li>
                        <input type="hidden" name="listing" value=code.clone() />
                        <a href=href.clone()><bdi>{code.clone()}</bdi>" · "{title.clone()}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <fieldset class="form-listings" data-test="form-listings">
                <legend>{t("form-listings")}</legend>
                <ul>{items}</ul>
                <p class="field-error" data-error-for="listing">{listings_error}</p>
            </fieldset>
        }
    });
    let campaign_inputs = campaign
        .into_iter()
        .filter(|(name, _)| CAMPAIGN_FIELDS.contains(&name.as_str()))
        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
        .collect_view();
    let languages: Vec<(String, String)> =
        i18n::languages().iter().map(|l| (l.code.clone(), l.name.clone())).collect();
    let consent_error = submission.error("consent");
    let consent_checked = submission.value("consent").as_deref() == Some("yes");
    let message_error = submission.error("message");
    let message_invalid = message_error.is_some().then_some("true");
    let message_value = submission.value("message");
    let consent_invalid = consent_error.is_some();
    view! {
        <form class="inquiry-form" method="post" action=action novalidate data-test="inquiry-form">
            <p class="reply-time" data-test="reply-time">
                {t_with("inquire-reply-time", &[("days", data.reply_days.into())])}
            </p>
            {notice}
            {summary}
            {listings}
            <p class="form-note">{t("form-required-note")}</p>
            <div class="form-grid">
                <TextInput name="name" label=t("form-name") kind="text" max=120 required=true autocomplete="name" submission=submission.clone() />
                <TextInput name="company" label=t("form-company") kind="text" max=160 required=true autocomplete="organization" submission=submission.clone() />
                <Choice name="country" label=t("form-country") options=data.countries.clone() required=true submission=submission.clone() />
                <TextInput name="email" label=t("form-email") kind="email" max=254 required=true autocomplete="email" submission=submission.clone() />
                <TextInput name="phone" label=t("form-phone") kind="tel" max=40 autocomplete="tel" inputmode="tel" submission=submission.clone() />
                <Choice name="investor_type" label=t("form-investor-type") options=vocabulary(InvestorType::ALL, InvestorType::as_str, InvestorType::message_id) required=true submission=submission.clone() />
                <Choice name="investment_range" label=t("form-investment-range") options=vocabulary(InvestmentRange::ALL, InvestmentRange::as_str, InvestmentRange::message_id) required=true submission=submission.clone() />
            </div>
            <fieldset class="form-need">
                <legend>{t("form-need")}</legend>
                <div class="form-grid">
                    <TextInput name="need_area" label=t("form-need-area") kind="text" max=12 inputmode="numeric" submission=submission.clone() />
                    <TextInput name="need_power" label=t("form-need-power") kind="text" max=10 inputmode="numeric" submission=submission.clone() />
                    <TextInput name="need_start" label=t("form-need-start") kind="month" max=10 submission=submission.clone() />
                </div>
            </fieldset>
            <Field name="message" label=t("form-message") required=true hint=t("form-message-hint") error=message_error.clone()>
                <textarea
                    id="f-message"
                    name="message"
                    rows="6"
                    maxlength="4000"
                    required
                    aria-invalid=message_invalid
                    aria-describedby=described_by("message", true)
                >
                    {message_value}
                </textarea>
            </Field>
            <div class="form-grid">
                <Choice name="reply_lang" label=t("form-reply-lang") options=languages default=lang.clone() required=true submission=submission.clone() />
                <Choice name="heard_from" label=t("form-heard-from") options=vocabulary(HeardFrom::ALL, HeardFrom::as_str, HeardFrom::message_id) submission=submission.clone() />
            </div>
            {campaign_inputs}
            // The honeypot: hidden from people (and from assistive technology), filled by robots.
            <div class="form-trap" aria-hidden="true">
                <label for="f-website">{t("form-website")}</label>
                <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" />
            </div>
            <section class="privacy-box" aria-labelledby="privacy-heading">
                {if nested {
                    view! { <h3 id="privacy-heading">{t("form-privacy-title")}</h3> }.into_any()
                } else {
                    view! { <h2 id="privacy-heading">{t("form-privacy-title")}</h2> }.into_any()
                }}
                <p>{t("form-privacy-notice")}</p>
                <p><a href=format!("/{lang}/privacy")>{t("nav-privacy")}</a></p>
                <div class="field field-check" class:field-invalid=consent_invalid data-field="consent">
                    <input
                        id="f-consent"
                        name="consent"
                        type="checkbox"
                        value="yes"
                        checked=consent_checked
                        required
                        aria-invalid=consent_invalid.then_some("true")
                        aria-describedby="f-consent-error"
                    />
                    <label for="f-consent">{t("form-consent")}" *"</label>
                    <p class="field-error" id="f-consent-error" data-error-for="consent" aria-live="polite">
                        {consent_error}
                    </p>
                </div>
            </section>
            <button type="submit" class="button-primary" data-test="send-inquiry">{t("form-submit")}</button>
            <LiveCheck messages=CheckMessages {
                required: t("form-error-required"),
                choose: t("form-error-choose"),
                email: t("form-error-email"),
                phone: t("form-error-phone"),
                number: t("form-error-number"),
                consent: t("form-error-consent"),
            } />
        </form>
    }
}
