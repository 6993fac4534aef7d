//! The inquiry form as the server meets it: raw bytes of a POST body, read by the very function the
//! handler uses (`FormInput::from_urlencoded`), then checked in each of the portal's languages.
//!
//! Beyond "does not panic", it holds the checks to what they promise:
//! - the verdict does not depend on the page's language (the same fields are refused in all four,
//!   and an accepted inquiry differs only by the language it was written in);
//! - every problem is named in the reader's language, with its variables filled in;
//! - what is accepted keeps the promises of each field (one-line texts trimmed, without control or
//!   bidirectional characters, within their lengths; numbers, dates and listings in range), the
//!   email address is valid again as stored (domain in lower case) and taken by the mail worker's
//!   parser;
//! - an accepted inquiry, sent again as a form, is accepted again unchanged.
#![no_main]

use app::i18n;
use app::models::is_country;
use app::server::inquiries::form::{self, Checked, FormInput, NewInquiry};
use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;

const LANGS: [&str; 4] = ["en", "zh", "ko", "ar"];

/// The fields a problem may be named beside.
const FIELDS: [&str; 15] = [
    "name",
    "company",
    "country",
    "email",
    "phone",
    "investor_type",
    "investment_range",
    "need_area",
    "need_power",
    "need_start",
    "message",
    "reply_lang",
    "heard_from",
    "listing",
    "consent",
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date")
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A one-line text as the form promises it.
fn assert_line(field: &str, value: &str, max: usize) {
    assert!(!value.is_empty(), "{field}: empty value kept");
    assert_eq!(value, value.trim(), "{field}: not trimmed");
    assert!(
        !value.chars().any(|c| c.is_control() || is_bidi_control(c)),
        "{field}: control character kept in {value:?}"
    );
    assert!(value.chars().count() <= max, "{field}: longer than {max}");
}

fn assert_promises(lang: &str, input: &FormInput, new: &NewInquiry) {
    assert_eq!(new.lang, lang);
    assert_line("name", &new.name, form::MAX_NAME);
    assert_line("company", &new.company, form::MAX_COMPANY);
    assert!(is_country(&new.country), "unknown country {:?}", new.country);

    // The address as stored: valid again, unchanged, its domain in lower case, and readable by
    // lettre, which the mail worker sends with.
    let email = &new.email;
    assert_line("email", email, form::MAX_EMAIL);
    assert_eq!(form::email(email).ok().as_ref(), Some(email), "stored email is not valid again");
    let (_, domain) = email.split_once('@').expect("an @");
    assert_eq!(domain, domain.to_lowercase(), "email domain not in lower case");
    if let Err(err) = email.parse::<lettre::message::Mailbox>() {
        panic!("the mail worker cannot read the accepted address {email:?}: {err}");
    }

    if let Some(phone) = &new.phone {
        assert_line("phone", phone, form::MAX_PHONE);
        assert!(phone.chars().filter(char::is_ascii_digit).count() >= 6);
    }
    if let Some(area) = new.need_area_m2 {
        assert!((1..=form::MAX_AREA_M2).contains(&i64::from(area)));
    }
    if let Some(power) = new.need_power_kw {
        assert!((1..=form::MAX_POWER_KW).contains(&i64::from(power)));
    }
    if let Some(start) = new.need_start {
        let now = today();
        assert_eq!(start.day(), 1);
        let months = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
        assert!((0..=120).contains(&(months(start) - months(now))), "start {start} out of range");
    }

    let message = &new.message;
    assert!(!message.is_empty() && message == message.trim());
    assert!(message.chars().count() <= form::MAX_MESSAGE);
    assert!(
        !message.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)),
        "message: control character kept in {message:?}"
    );

    if input.get("reply_lang").trim().is_empty() {
        assert_eq!(new.reply_lang, lang);
    }
    assert!(i18n::find(&new.reply_lang).is_some(), "reply language {:?}", new.reply_lang);
    for utm in [&new.utm_source, &new.utm_medium, &new.utm_campaign].into_iter().flatten() {
        assert_line("utm", utm, form::MAX_CAMPAIGN);
    }

    assert!(new.listings.len() <= form::MAX_LISTINGS);
    for (i, code) in new.listings.iter().enumerate() {
        assert!(!code.is_empty() && code.len() <= 24);
        assert!(code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'));
        assert!(!new.listings[..i].contains(code), "listing {code} twice");
    }
}

/// The form a browser would send for an accepted inquiry, URL-encoded.
fn resend(new: &NewInquiry) -> Vec<u8> {
    let mut body = url::form_urlencoded::Serializer::new(String::new());
    body.append_pair("name", &new.name)
        .append_pair("company", &new.company)
        .append_pair("country", &new.country)
        .append_pair("email", &new.email)
        .append_pair("investor_type", new.investor_type.as_str())
        .append_pair("investment_range", new.investment_range.as_str())
        .append_pair("message", &new.message)
        .append_pair("reply_lang", &new.reply_lang)
        .append_pair("consent", "yes");
    let number = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
    body.append_pair("phone", new.phone.as_deref().unwrap_or_default())
        .append_pair("need_area", &number(new.need_area_m2))
        .append_pair("need_power", &number(new.need_power_kw))
        .append_pair(
            "need_start",
            &new.need_start.map(|d| d.format("%Y-%m").to_string()).unwrap_or_default(),
        )
        .append_pair("heard_from", new.heard_from.map(|h| h.as_str()).unwrap_or_default())
        .append_pair("utm_source", new.utm_source.as_deref().unwrap_or_default())
        .append_pair("utm_medium", new.utm_medium.as_deref().unwrap_or_default())
        .append_pair("utm_campaign", new.utm_campaign.as_deref().unwrap_or_default());
    for code in &new.listings {
        body.append_pair("listing", code);
    }
    body.finish().into_bytes()
}

fuzz_target!(|body: &[u8]| {
    let input = FormInput::from_urlencoded(body);
    let verdicts: Vec<Checked> =
        LANGS.iter().map(|lang| form::check(lang, &input, today())).collect();

    for (lang, verdict) in LANGS.iter().zip(&verdicts) {
        match verdict {
            Checked::Spam => assert!(!input.get("website").trim().is_empty()),
            Checked::Invalid(errors) => {
                assert!(!errors.is_empty(), "refused without a reason");
                for error in errors {
                    assert!(FIELDS.contains(&error.field), "unknown field {}", error.field);
                    let text = &error.message;
                    assert!(
                        !text.is_empty()
                            && !text.starts_with("form-error-")
                            && !text.contains("{$"),
                        "{lang}: problem with {} not written out: {text:?}",
                        error.field
                    );
                }
            }
            Checked::Valid(new) => {
                assert_promises(lang, &input, new);
                let again = FormInput::from_urlencoded(&resend(new));
                assert_eq!(
                    form::check(lang, &again, today()),
                    Checked::Valid(new.clone()),
                    "an accepted inquiry sent again is not accepted unchanged"
                );
            }
        }
    }

    // The same verdict in every language: the same fields refused, or the same inquiry accepted.
    let (first, rest) = verdicts.split_first().expect("four verdicts");
    for (lang, verdict) in LANGS[1..].iter().zip(rest) {
        match (first, verdict) {
            (Checked::Spam, Checked::Spam) => {}
            (Checked::Invalid(a), Checked::Invalid(b)) => {
                let fields = |e: &[form::FieldError]| e.iter().map(|e| e.field).collect::<Vec<_>>();
                assert_eq!(fields(a), fields(b), "en and {lang} refuse different fields");
            }
            (Checked::Valid(a), Checked::Valid(b)) => {
                let mut b = b.clone();
                b.lang.clone_from(&a.lang);
                if input.get("reply_lang").trim().is_empty() {
                    b.reply_lang.clone_from(&a.reply_lang);
                }
                assert_eq!(**a, *b, "en and {lang} accept different inquiries");
            }
            (a, b) => panic!("en and {lang} disagree: {a:?} / {b:?}"),
        }
    }
});
