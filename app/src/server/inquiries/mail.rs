//! The two emails of an inquiry, each with a text and an HTML part: to the investor in the
//! language they chose for the reply, and to the desk in English. The investor's words are
//! escaped in the HTML part and never reach a header but the subject line, which the form has
//! already cleared of line breaks and control characters.

use super::{AskedListing, InquirySettings, ListingKind};
use crate::i18n::{text, text_with};
use crate::models::{HeardFrom, InvestmentRange, InvestorType};
use crate::server::entities::{desk, inquiry};
use chrono::Datelike;
use fluent_templates::fluent_bundle::FluentValue;

/// An email ready for the outbox.
#[derive(Clone, Debug, PartialEq)]
pub struct Letter {
    /// `investor` or `desk`.
    pub kind: &'static str,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub reply_to: Option<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Letter {
    /// A Message-ID that is the same for every attempt at sending this letter, so that a
    /// receiving server or mail program can recognise a repeat.
    pub fn message_id(&self, reference: &str, public_url: &str) -> String {
        let host = url_host(public_url);
        format!("<{reference}.{}@{host}>", self.kind)
    }
}

/// The host of the portal's public URL (`localhost` when it has none).
pub fn url_host(public_url: &str) -> &str {
    let rest = public_url.split_once("://").map_or(public_url, |(_, rest)| rest);
    let host = rest.split(['/', ':']).next().unwrap_or_default();
    if host.is_empty() { "localhost" } else { host }
}

/// Text for an HTML element or attribute.
pub fn escape_html(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Fluent's isolation marks help pages, not plain-text mail.
fn plain(value: String) -> String {
    value.replace(['\u{2068}', '\u{2069}'], "")
}

/// The rows of the summary of an inquiry, labelled in `lang`.
fn summary(
    lang: &str,
    row: &inquiry::Model,
    listings: &[(AskedListing, String)],
) -> Vec<(String, String)> {
    let label = |id: &str| plain(text(lang, id));
    let vocabulary = |id: String| plain(text(lang, &id));
    let mut rows = vec![
        (label("form-name"), row.name.clone()),
        (label("form-company"), row.company.clone()),
        (label("form-country"), vocabulary(format!("country-{}", row.country))),
        (label("form-email"), row.email.clone()),
    ];
    if let Some(phone) = &row.phone {
        rows.push((label("form-phone"), phone.clone()));
    }
    if let Ok(kind) = row.investor_type.parse::<InvestorType>() {
        rows.push((label("form-investor-type"), vocabulary(kind.message_id())));
    }
    if let Ok(range) = row.investment_range.parse::<InvestmentRange>() {
        rows.push((label("form-investment-range"), vocabulary(range.message_id())));
    }
    if let Some(area) = row.need_area_m2 {
        rows.push((label("form-need-area"), super::super::format::integer(lang, i64::from(area))));
    }
    if let Some(power) = row.need_power_kw {
        rows.push((
            label("form-need-power"),
            super::super::format::integer(lang, i64::from(power)),
        ));
    }
    if let Some(start) = row.need_start {
        rows.push((
            label("form-need-start"),
            plain(super::super::present::month_year(lang, start)),
        ));
    }
    if let Some(heard) = row.heard_from.as_deref().and_then(|h| h.parse::<HeardFrom>().ok()) {
        rows.push((label("form-heard-from"), vocabulary(heard.message_id())));
    }
    if !listings.is_empty() {
        let names: Vec<String> =
            listings.iter().map(|(l, title)| format!("{} ({})", title, l.code)).collect();
        rows.push((label("form-listings"), names.join("; ")));
    }
    rows.push((label("form-message"), row.message.clone()));
    rows
}

fn text_table(rows: &[(String, String)]) -> String {
    rows.iter()
        .map(|(label, value)| {
            if value.contains('\n') {
                format!(
                    "{label}:\n{}\n",
                    value.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
                )
            } else {
                format!("{label}: {value}\n")
            }
        })
        .collect()
}

fn html_table(rows: &[(String, String)]) -> String {
    let body: String = rows
        .iter()
        .map(|(label, value)| {
            format!(
                "<tr><th style=\"text-align:start;padding:4px 12px 4px 0;vertical-align:top\">{}</th><td style=\"padding:4px 0;white-space:pre-wrap\">{}</td></tr>",
                escape_html(label),
                escape_html(value)
            )
        })
        .collect();
    format!("<table style=\"border-collapse:collapse\">{body}</table>")
}

fn html_page(lang: &str, dir: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"></head>\
         <body style=\"font-family:system-ui,sans-serif;line-height:1.5;color:#14232f\">{body}</body></html>"
    )
}

/// The investor's confirmation, in the language they asked to be answered in.
pub fn investor_letter(
    settings: &InquirySettings,
    row: &inquiry::Model,
    token: &str,
    listings: &[(AskedListing, String)],
) -> Letter {
    let lang = row.reply_lang.as_str();
    let dir = crate::i18n::find(lang).map_or("ltr", |l| l.dir());
    let reference = FluentValue::from(row.reference.clone());
    let days = FluentValue::from(settings.reply_days);
    let tracking = format!("{}/{lang}/inquiry/{token}", settings.public_url);
    let subject =
        plain(text_with(lang, "mail-investor-subject", &[("reference", reference.clone())]));
    let greeting = plain(text_with(
        lang,
        "mail-investor-greeting",
        &[("name", FluentValue::from(row.name.clone()))],
    ));
    let intro = plain(text_with(lang, "mail-investor-intro", &[("reference", reference)]));
    let next = plain(text_with(lang, "mail-investor-next", &[("days", days)]));
    let summary_title = plain(text(lang, "mail-investor-summary"));
    let track = plain(text(lang, "mail-investor-track"));
    let signoff = plain(text(lang, "mail-investor-signoff"));
    let rows = summary(lang, row, listings);
    let text_body = format!(
        "{greeting}\n\n{intro}\n\n{next}\n\n{track}\n{tracking}\n\n{summary_title}\n\n{}\n{signoff}\n",
        text_table(&rows)
    );
    let html_body = html_page(
        lang,
        dir,
        &format!(
            "<p>{}</p><p>{}</p><p>{}</p><p>{}<br><a href=\"{}\">{}</a></p><h2 style=\"font-size:1.1em\">{}</h2>{}<p>{}</p>",
            escape_html(&greeting),
            escape_html(&intro),
            escape_html(&next),
            escape_html(&track),
            escape_html(&tracking),
            escape_html(&tracking),
            escape_html(&summary_title),
            html_table(&rows),
            escape_html(&signoff)
        ),
    );
    Letter {
        kind: "investor",
        to: vec![row.email.clone()],
        cc: Vec::new(),
        reply_to: settings_reply_to(settings),
        subject,
        text: text_body,
        html: html_body,
    }
}

/// Replies to the confirmation go to the portal's sender address.
fn settings_reply_to(settings: &InquirySettings) -> Option<String> {
    (!settings.mail_from.is_empty()).then(|| settings.mail_from.clone())
}

/// The desk's copy: everything needed to answer, in English, with the listing managers in copy
/// and the investor as Reply-To.
pub fn desk_letter(
    settings: &InquirySettings,
    row: &inquiry::Model,
    desk: &desk::Model,
    managers: &[String],
    listings: &[(AskedListing, String)],
) -> Letter {
    let lang = crate::i18n::FALLBACK;
    let country = plain(text(lang, &format!("country-{}", row.country)));
    let subject =
        format!("[{}] Expression of interest from {} ({country})", row.reference, row.company);
    let staff_link = format!("{}/admin/inquiries/{}", settings.public_url, row.id);
    let mut rows = summary(lang, row, listings);
    let language = |code: &str| {
        crate::i18n::find(code).map_or_else(|| code.to_owned(), |l| format!("{} ({code})", l.name))
    };
    rows.push(("Written in".into(), language(&row.lang)));
    rows.push(("Answer in".into(), language(&row.reply_lang)));
    for (name, value) in [
        ("utm_source", &row.utm_source),
        ("utm_medium", &row.utm_medium),
        ("utm_campaign", &row.utm_campaign),
    ] {
        if let Some(value) = value {
            rows.push((name.into(), value.clone()));
        }
    }
    let links: Vec<String> = listings
        .iter()
        .map(|(l, _)| {
            let section = match l.kind {
                ListingKind::Site => "sites",
                ListingKind::Opportunity => "opportunities",
            };
            format!("{}/en/{section}/{}", settings.public_url, l.slug)
        })
        .collect();
    let due = format!(
        "Reply within {} working days of {}-{:02}-{:02}. Reply-To is the investor.",
        settings.reply_days,
        row.created_at.year(),
        row.created_at.month(),
        row.created_at.day()
    );
    let text_body = format!(
        "New expression of interest {} for the {}.\n{due}\n\nOpen it in the staff area: {staff_link}\n\n{}\n{}",
        row.reference,
        desk.name,
        text_table(&rows),
        links.iter().map(|l| format!("{l}\n")).collect::<String>()
    );
    let html_body = html_page(
        "en",
        "ltr",
        &format!(
            "<p>New expression of interest <strong>{}</strong> for the {}.<br>{}</p><p><a href=\"{}\">Open it in the staff area</a></p>{}<ul>{}</ul>",
            escape_html(&row.reference),
            escape_html(&desk.name),
            escape_html(&due),
            escape_html(&staff_link),
            html_table(&rows),
            links
                .iter()
                .map(|l| format!("<li><a href=\"{0}\">{0}</a></li>", escape_html(l)))
                .collect::<String>()
        ),
    );
    Letter {
        kind: "desk",
        to: desk.emails.split(',').map(|e| e.trim().to_owned()).filter(|e| !e.is_empty()).collect(),
        cc: managers.to_vec(),
        reply_to: Some(row.email.clone()),
        subject,
        text: text_body,
        html: html_body,
    }
}

/// The daily reminder to a desk of the inquiries it has not answered in time (English).
pub fn overdue_letter(
    settings: &InquirySettings,
    desk: &desk::Model,
    late: &[&inquiry::Model],
    today: chrono::NaiveDate,
) -> Letter {
    let line = |row: &inquiry::Model| {
        (
            format!(
                "{} · {} ({}) · received {} · {}",
                row.reference,
                row.company,
                row.country,
                row.created_at.format("%Y-%m-%d"),
                row.status
            ),
            format!("{}/admin/inquiries/{}", settings.public_url, row.id),
        )
    };
    let lines: Vec<(String, String)> = late.iter().map(|row| line(row)).collect();
    let intro = format!(
        "{} inquiries to the {} have waited more than {} working days for an answer (as of {today}).",
        late.len(),
        desk.name,
        settings.reply_days
    );
    let text_body = format!(
        "{intro}\n\n{}",
        lines.iter().map(|(l, link)| format!("{l}\n  {link}\n")).collect::<String>()
    );
    let items: String = lines
        .iter()
        .map(|(l, link)| {
            format!("<li><a href=\"{}\">{}</a></li>", escape_html(link), escape_html(l))
        })
        .collect();
    Letter {
        kind: "overdue",
        to: desk.emails.split(',').map(|e| e.trim().to_owned()).filter(|e| !e.is_empty()).collect(),
        cc: Vec::new(),
        reply_to: None,
        subject: format!("Overdue inquiries for the {} ({})", desk.name, late.len()),
        text: text_body,
        html: html_page("en", "ltr", &format!("<p>{}</p><ul>{items}</ul>", escape_html(&intro))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_everything_that_could_open_markup() {
        assert_eq!(
            escape_html(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn message_ids_name_the_portal_host() {
        let letter = Letter {
            kind: "desk",
            to: vec![],
            cc: vec![],
            reply_to: None,
            subject: String::new(),
            text: String::new(),
            html: String::new(),
        };
        assert_eq!(
            letter.message_id("EOI-2026-000007", "https://invest.example.org:8443/base"),
            "<EOI-2026-000007.desk@invest.example.org>"
        );
    }
}
