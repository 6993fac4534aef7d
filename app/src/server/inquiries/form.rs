//! The inquiry form as the server reads it: every field checked again, whatever the browser did,
//! each problem named beside its field in the reader's language.
//!
//! The field names are a public interface (a plain URL-encoded POST): `name`, `company`,
//! `country`, `email`, `phone`, `investor_type`, `investment_range`, `need_area`, `need_power`,
//! `need_start`, `message`, `reply_lang`, `heard_from`, `utm_source`, `utm_medium`,
//! `utm_campaign`, `listing` (repeated, listing codes), `consent` and the honeypot `website`.

use crate::i18n;
use crate::models::{HeardFrom, InvestmentRange, InvestorType, is_country};
use chrono::{Datelike, NaiveDate, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use std::str::FromStr;

/// Longest accepted values, in characters.
pub const MAX_NAME: usize = 120;
pub const MAX_COMPANY: usize = 160;
pub const MAX_EMAIL: usize = 254;
pub const MAX_PHONE: usize = 40;
pub const MAX_MESSAGE: usize = 4000;
pub const MAX_CAMPAIGN: usize = 100;
/// Listings one inquiry may concern.
pub const MAX_LISTINGS: usize = 10;
/// The largest area (10 km²) and power (1 GW) anyone could need here.
pub const MAX_AREA_M2: i64 = 10_000_000;
pub const MAX_POWER_KW: i64 = 1_000_000;

/// The fields of a submitted form, as sent (repeated names kept in order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormInput(pub Vec<(String, String)>);

impl FormInput {
    /// The fields of a URL-encoded body (`application/x-www-form-urlencoded`), as the form's POST
    /// sends them: `+` is a space, `%XX` a byte, bytes that are not UTF-8 are replaced (U+FFFD),
    /// and a malformed escape is kept as it is. It never fails: what cannot be read is left to
    /// [`check`] to name.
    pub fn from_urlencoded(body: &[u8]) -> Self {
        FormInput(url::form_urlencoded::parse(body).into_owned().collect())
    }

    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.as_str())
    }

    /// Every value of `name`.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(key, _)| key == name).map(|(_, value)| value.as_str()).collect()
    }
}

/// A problem with one field, already written in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// A well-formed expression of interest, not yet stored.
#[derive(Clone, Debug, PartialEq)]
pub struct NewInquiry {
    pub name: String,
    pub company: String,
    pub country: String,
    pub email: String,
    pub phone: Option<String>,
    pub investor_type: InvestorType,
    pub investment_range: InvestmentRange,
    pub need_area_m2: Option<i32>,
    pub need_power_kw: Option<i32>,
    /// The first day of the month the investor plans to start.
    pub need_start: Option<NaiveDate>,
    pub message: String,
    /// The page's language, in which the investor wrote.
    pub lang: String,
    pub reply_lang: String,
    pub heard_from: Option<HeardFrom>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    /// Codes of the sites and opportunities asked about (checked against the database on submit).
    pub listings: Vec<String>,
}

/// What the form holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Checked {
    Valid(Box<NewInquiry>),
    Invalid(Vec<FieldError>),
    /// The honeypot was filled: a robot, answered as if nothing were wrong.
    Spam,
}

/// Bidirectional-text controls, which can make an address or a name read as something else.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A field's problem, if any, by message id and arguments.
type Problem = (&'static str, Vec<(&'static str, FluentValue<'static>)>);

fn problem(id: &'static str) -> Problem {
    (id, Vec::new())
}

/// A one-line text: trimmed, no control characters (so no header injection), at most `max`.
fn line(value: &str, max: usize, required: bool) -> Result<Option<String>, Problem> {
    let value = value.trim();
    if value.is_empty() {
        return if required { Err(problem("form-error-required")) } else { Ok(None) };
    }
    if value.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Err(problem("form-error-control"));
    }
    if value.chars().count() > max {
        return Err(("form-error-too-long", vec![("max", FluentValue::from(max))]));
    }
    Ok(Some(value.to_owned()))
}

/// The free text: line breaks and tabs allowed (written as `\n`), other controls not.
fn message(value: &str) -> Result<String, Problem> {
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    let value = value.trim();
    if value.is_empty() {
        return Err(problem("form-error-required"));
    }
    if value.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)) {
        return Err(problem("form-error-control"));
    }
    if value.chars().count() > MAX_MESSAGE {
        return Err(("form-error-too-long", vec![("max", FluentValue::from(MAX_MESSAGE))]));
    }
    Ok(value.to_owned())
}

/// What the local part of an address may hold: the `atext` of RFC 5322 and, as RFC 6531 allows,
/// letters and digits of any script. The mail worker's parser (lettre) takes nothing else.
fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c)
}

/// An email address that a mail server will take: one `@`, a local part of at most 64 bytes and a
/// domain of dotted labels of at most 63 bytes each, 254 bytes in all (RFC 5321 counts bytes, and
/// an address in Chinese or Arabic has three or two of them a character). The domain is checked
/// and written in lower case.
pub fn email(value: &str) -> Result<String, Problem> {
    let value = line(value, MAX_EMAIL, true)?.unwrap_or_default();
    let bad = || problem("form-error-email");
    let (local, domain) = value.split_once('@').ok_or_else(bad)?;
    // The domain is checked as it will be stored. Lower-casing can change it: the Turkish `İ`
    // becomes `i` and a combining dot, which is no letter and makes the label longer.
    let domain = domain.to_lowercase();
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(is_local_char);
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2);
    if !(local_ok && domain_ok) {
        return Err(bad());
    }
    let address = format!("{local}@{domain}");
    if address.len() > MAX_EMAIL {
        return Err(bad());
    }
    Ok(address)
}

fn phone(value: &str) -> Result<Option<String>, Problem> {
    let Some(value) = line(value, MAX_PHONE, false)? else { return Ok(None) };
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if digits < 6 || !value.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)) {
        return Err(problem("form-error-phone"));
    }
    Ok(Some(value))
}

fn choice<T: FromStr>(value: &str, required: bool) -> Result<Option<T>, Problem> {
    let value = value.trim();
    if value.is_empty() {
        return if required { Err(problem("form-error-choose")) } else { Ok(None) };
    }
    value.parse().map(Some).map_err(|_| problem("form-error-choose"))
}

fn whole_number(value: &str, max: i64) -> Result<Option<i32>, Problem> {
    let value: String = value.trim().chars().filter(|c| !matches!(c, ',' | ' ' | '_')).collect();
    if value.is_empty() {
        return Ok(None);
    }
    match value.parse::<i64>() {
        Ok(n) if (1..=max).contains(&n) => Ok(i32::try_from(n).ok()),
        Ok(_) => Err(("form-error-range", vec![("max", FluentValue::from(max))])),
        Err(_) => Err(problem("form-error-number")),
    }
}

/// `YYYY-MM` (what a month input sends) or `YYYY-MM-DD`, from this month to ten years ahead.
fn start_month(value: &str, today: NaiveDate) -> Result<Option<NaiveDate>, Problem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let first = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    let parsed = match value.split('-').collect::<Vec<_>>().as_slice() {
        [y, m] | [y, m, _] if y.len() == 4 && m.len() == 2 => {
            let day_ok = value.len() == 7 || NaiveDate::from_str(value).is_ok();
            y.parse().ok().zip(m.parse().ok()).and_then(|(y, m)| first(y, m)).filter(|_| day_ok)
        }
        _ => None,
    };
    let date = parsed.ok_or_else(|| problem("form-error-month"))?;
    let this_month = first(today.year(), today.month()).unwrap_or(today);
    let latest = first(today.year() + 10, today.month()).unwrap_or(today);
    if date < this_month || date > latest {
        return Err(problem("form-error-month-range"));
    }
    Ok(Some(date))
}

/// A listing code as the pages write it (`KZ-P1`, `OPP-AGRO-03`).
fn listing_code(value: &str) -> Option<String> {
    let code = value.trim().to_ascii_uppercase();
    (!code.is_empty()
        && code.len() <= 24
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    .then_some(code)
}

/// Checks a submitted form for readers of `lang` (`today` bounds the start date).
pub fn check(lang: &str, input: &FormInput, today: NaiveDate) -> Checked {
    if !input.get("website").trim().is_empty() {
        return Checked::Spam;
    }
    let mut errors: Vec<FieldError> = Vec::new();
    let mut note = |field: &'static str, (id, args): Problem| {
        let message = i18n::text_with(lang, id, &args);
        errors.push(FieldError { field, message });
    };
    macro_rules! take {
        ($field:literal, $result:expr) => {
            match $result {
                Ok(value) => Some(value),
                Err(found) => {
                    note($field, found);
                    None
                }
            }
        };
    }
    let name = take!("name", line(input.get("name"), MAX_NAME, true)).flatten();
    let company = take!("company", line(input.get("company"), MAX_COMPANY, true)).flatten();
    let country = take!(
        "country",
        match input.get("country").trim() {
            "" => Err(problem("form-error-choose")),
            code if is_country(code) => Ok(code.to_owned()),
            _ => Err(problem("form-error-country")),
        }
    );
    let email = take!("email", email(input.get("email")));
    let phone = take!("phone", phone(input.get("phone"))).flatten();
    let investor_type =
        take!("investor_type", choice::<InvestorType>(input.get("investor_type"), true)).flatten();
    let investment_range =
        take!("investment_range", choice::<InvestmentRange>(input.get("investment_range"), true))
            .flatten();
    let need_area = take!("need_area", whole_number(input.get("need_area"), MAX_AREA_M2));
    let need_power = take!("need_power", whole_number(input.get("need_power"), MAX_POWER_KW));
    let need_start = take!("need_start", start_month(input.get("need_start"), today));
    let text = take!("message", message(input.get("message")));
    let reply_lang = take!(
        "reply_lang",
        match input.get("reply_lang").trim() {
            "" => Ok(lang.to_owned()),
            code => i18n::find(code).map(|l| l.code.clone()).ok_or(problem("form-error-choose")),
        }
    );
    let heard_from = take!("heard_from", choice::<HeardFrom>(input.get("heard_from"), false));
    // Campaign parameters come from the link the investor followed: kept when sensible, else
    // dropped without bothering the investor.
    let campaign = |name: &str| line(input.get(name), MAX_CAMPAIGN, false).ok().flatten();
    let mut listings: Vec<String> = Vec::new();
    for raw in input.all("listing") {
        match listing_code(raw) {
            Some(code) if !listings.contains(&code) => listings.push(code),
            Some(_) => {}
            None => note("listing", problem("form-error-listing")),
        }
    }
    if listings.len() > MAX_LISTINGS {
        note(
            "listing",
            ("form-error-listings-many", vec![("max", FluentValue::from(MAX_LISTINGS))]),
        );
    }
    if input.get("consent") != "yes" {
        note("consent", problem("form-error-consent"));
    }
    if !errors.is_empty() {
        return Checked::Invalid(errors);
    }
    match (name, company, country, email, investor_type, investment_range, text, reply_lang) {
        (
            Some(name),
            Some(company),
            Some(country),
            Some(email),
            Some(investor_type),
            Some(investment_range),
            Some(message),
            Some(reply_lang),
        ) => Checked::Valid(Box::new(NewInquiry {
            name,
            company,
            country,
            email,
            phone,
            investor_type,
            investment_range,
            need_area_m2: need_area.flatten(),
            need_power_kw: need_power.flatten(),
            need_start: need_start.flatten(),
            message,
            lang: lang.to_owned(),
            reply_lang,
            heard_from: heard_from.flatten(),
            utm_source: campaign("utm_source"),
            utm_medium: campaign("utm_medium"),
            utm_campaign: campaign("utm_campaign"),
            listings,
        })),
        // Every missing value above has noted an error.
        _ => Checked::Invalid(errors),
    }
}

/// Today, for the start-date check.
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
    }

    /// A form that passes every check, with `email` as typed.
    fn form_with_email(email: &str) -> FormInput {
        let body = format!(
            "name=Li+Wei&company=Acme&country=CN&email={}&investor_type=manufacturer\
             &investment_range=1m-5m&message=Hello&consent=yes",
            url::form_urlencoded::byte_serialize(email.as_bytes()).collect::<String>()
        );
        FormInput::from_urlencoded(body.as_bytes())
    }

    #[test]
    fn a_urlencoded_body_is_read_as_the_browser_sent_it() {
        let input = FormInput::from_urlencoded(
            b"name=Li+Wei&email=li%40Example.com&listing=KZ-P1&listing=uz-p2&note=100%&bad=%FF&=x",
        );
        let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
        assert_eq!(
            input.0,
            vec![
                pair("name", "Li Wei"),
                pair("email", "li@Example.com"),
                pair("listing", "KZ-P1"),
                pair("listing", "uz-p2"),
                pair("note", "100%"),
                pair("bad", "\u{FFFD}"),
                pair("", "x"),
            ]
        );
        assert_eq!(input.get("name"), "Li Wei");
        assert_eq!(input.all("listing"), vec!["KZ-P1", "uz-p2"]);
        assert_eq!(FormInput::from_urlencoded(b""), FormInput::default());
    }

    #[test]
    fn an_email_domain_is_kept_in_lower_case_and_reads_the_same_again() {
        let stored = email("  Li.Wei@Example.COM ").expect("valid");
        assert_eq!(stored, "Li.Wei@example.com");
        assert_eq!(email(&stored).expect("still valid"), stored);
    }

    /// Found by fuzzing (the `inquiry_form` target checks that a stored address is valid again):
    /// the Turkish capital `İ` is a letter, but in lower case it is `i` and a combining dot, which
    /// is not. The domain used to be checked as typed and stored in lower case, so an address was
    /// accepted that the same check refuses once stored.
    #[test]
    fn an_email_domain_is_checked_as_it_is_stored() {
        let refused = |value: &str| email(value).map_err(|(id, _)| id);
        assert_eq!(refused("ali@İzmir.com.tr"), Err("form-error-email"));
        match check("en", &form_with_email("ali@İzmir.com.tr"), day()) {
            Checked::Invalid(errors) => {
                assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), vec!["email"]);
            }
            other => panic!("an address that cannot be stored as typed was accepted: {other:?}"),
        }
        // Letters that stay letters in lower case are still welcome.
        match check("en", &form_with_email("ali@IZMIR.Şirket.TR"), day()) {
            Checked::Valid(new) => assert_eq!(new.email, "ali@izmir.şirket.tr"),
            other => panic!("a valid address was refused: {other:?}"),
        }
    }

    /// Found by the `inquiry_form` fuzz target: addresses the form accepted and stored, but that
    /// the mail worker's parser (lettre) refuses, so that the investor's confirmation failed for
    /// good. The local part took any character but a few ASCII ones, and lengths were counted in
    /// characters where mail counts bytes.
    #[test]
    fn an_email_address_is_one_the_mail_worker_can_send_to() {
        let refused = |value: &str| email(value).map_err(|(id, _)| id);
        for taken in
            ["müller@example.de", "李伟@例子.中国", "o'brien+eoi@example.ie", "سارة@مثال.عرب"]
        {
            assert!(refused(taken).is_ok(), "{taken} refused");
        }
        let local_33_umlauts = format!("{}@example.de", "ä".repeat(33));
        let long_in_bytes = format!("a@{}.中国", ["例子"; 40].join("."));
        for refused_by_mail in [
            // What the fuzzer sent: bytes that are not UTF-8, read as U+FFFD.
            "\u{FFFD}li.wei@example.com",
            "li€@example.com",
            "a\u{200B}b@example.com",
            "a\u{301}@example.com",
            local_33_umlauts.as_str(),
            long_in_bytes.as_str(),
        ] {
            assert_eq!(refused(refused_by_mail), Err("form-error-email"), "{refused_by_mail}");
        }
        // A label is counted in bytes too: lettre may still take a longer one by its ASCII form,
        // but a label of more than 21 Chinese characters is not worth a second rule.
        assert_eq!(refused(&format!("a@{}.de", "ä".repeat(32))), Err("form-error-email"));
        assert!(refused(&format!("a@{}.de", "ä".repeat(31))).is_ok());
    }
}
