//! The portal's configuration, read once from the environment (and a `.env` file) into a typed
//! struct. Nothing else reads the environment. Every variable is documented here and in
//! `.env.example`; a bad value stops start-up with one line naming the variable.

use lettre::{AsyncSmtpTransport, Tokio1Executor, message::Mailbox};
use std::{fmt, net::SocketAddr, path::PathBuf};
use url::Url;

#[derive(Clone)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://path/to/file.db` or `postgres://user:pass@host/db`.
    /// Default: the SQLite file `portal.db` in the data folder.
    pub database_url: String,
    /// `LEPTOS_SITE_ADDR`: the address to listen on. Default `127.0.0.1:3000`.
    pub site_addr: SocketAddr,
    /// `PORTAL_PUBLIC_URL`: the absolute base URL the public sees, used in emails, sitemaps and
    /// canonical links. Default `http://` + the listen address.
    pub public_url: Url,
    /// `PORTAL_DATA_DIR`: where media and, without SMTP, outgoing mail are kept. Default `data`.
    pub data_dir: PathBuf,
    /// `SMTP_URL`: lettre's URL form, `smtp://host:port` or `smtps://user:pass@host`. Unset: mail
    /// is written to files under the data folder.
    pub smtp_url: Option<String>,
    /// `MAIL_FROM`: the sender of the portal's emails. Default `Investor Portal <portal@localhost>`.
    pub mail_from: Mailbox,
    /// `PORTAL_REPLY_DAYS`: the working days within which the center commits to answer an
    /// inquiry, stated on the form, the thank-you page and the emails. Default 2.
    pub reply_days: u32,
    /// `PORTAL_INQUIRY_LIMIT`: inquiries accepted from one client address per hour; more are
    /// refused with a message. Default 5.
    pub inquiry_limit: u32,
    /// `PORTAL_TRUST_PROXY`: `1` when a reverse proxy sets `X-Forwarded-For`, whose last address
    /// is then the client's. Default 0 (the connection's address).
    pub trust_proxy: bool,
    /// `PORTAL_MAIL_RETRY_SECONDS`: the wait before an email that could not be sent is tried
    /// again; each later wait doubles, up to 120 times this. Default 30.
    pub mail_retry_seconds: u32,
    /// `PORTAL_SMTP_TIMEOUT`: seconds each exchange with the SMTP server (connecting, each
    /// command, the message) may take; a whole sending may take four times this, and an email
    /// claimed by a process that died is sent by the next one after ten times this. Default 30.
    pub smtp_timeout_seconds: u32,
    /// `PORTAL_REQUEST_TIMEOUT`: seconds a request may take, from its first byte to the answer
    /// (uploads of photos and brochures get ten times as long). Default 30.
    pub request_timeout_seconds: u32,
    /// `PORTAL_PAGE_CACHE_SECONDS`: the longest a rendered public page is served from memory.
    /// Any change made through the portal empties that cache at once; this bounds how late a
    /// change made elsewhere (the command line, another server) shows. 0 turns it off.
    /// Default 30.
    pub page_cache_seconds: u32,
}

impl fmt::Debug for Config {
    // Never prints credentials that a URL may carry.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("database", &redact(&self.database_url))
            .field("site_addr", &self.site_addr)
            .field("public_url", &self.public_url.as_str())
            .field("data_dir", &self.data_dir)
            .field("smtp", &self.smtp_url.as_deref().map(redact))
            .field("mail_from", &self.mail_from.to_string())
            .field("reply_days", &self.reply_days)
            .field("inquiry_limit", &self.inquiry_limit)
            .field("trust_proxy", &self.trust_proxy)
            .field("mail_retry_seconds", &self.mail_retry_seconds)
            .field("smtp_timeout_seconds", &self.smtp_timeout_seconds)
            .field("request_timeout_seconds", &self.request_timeout_seconds)
            .field("page_cache_seconds", &self.page_cache_seconds)
            .finish()
    }
}

/// A variable whose value cannot be used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub variable: &'static str,
    pub problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "configuration: {} {}", self.variable, self.problem)
    }
}

impl std::error::Error for ConfigError {}

fn bad(variable: &'static str, problem: impl Into<String>) -> ConfigError {
    ConfigError { variable, problem: problem.into() }
}

/// A URL with any password replaced, for messages and logs.
pub fn redact(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `get`, which returns a variable's value if it is set.
    /// Empty values count as unset.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| get(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());

        let data_dir = PathBuf::from(get("PORTAL_DATA_DIR").unwrap_or_else(|| "data".into()));

        let database_url = match get("DATABASE_URL") {
            Some(url) => {
                let scheme = url.split(':').next().unwrap_or_default();
                if !matches!(scheme, "sqlite" | "postgres" | "postgresql") {
                    return Err(bad(
                        "DATABASE_URL",
                        format!("must start with sqlite: or postgres:// (got a {scheme:?} URL)"),
                    ));
                }
                if scheme != "sqlite" {
                    Url::parse(&url)
                        .map_err(|e| bad("DATABASE_URL", format!("is not a valid URL: {e}")))?;
                }
                url
            }
            None => format!("sqlite://{}", data_dir.join("portal.db").display()),
        };

        let site_addr = match get("LEPTOS_SITE_ADDR") {
            Some(addr) => addr.parse().map_err(|_| {
                bad(
                    "LEPTOS_SITE_ADDR",
                    format!("must be an IP address and port such as 127.0.0.1:3000 (got {addr:?})"),
                )
            })?,
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
        };

        let public_url = match get("PORTAL_PUBLIC_URL") {
            Some(url) => {
                let parsed = Url::parse(&url).map_err(|e| {
                    bad("PORTAL_PUBLIC_URL", format!("must be an absolute URL such as https://invest.example.org ({e}: {url:?})"))
                })?;
                if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
                    return Err(bad(
                        "PORTAL_PUBLIC_URL",
                        format!("must be an http:// or https:// URL with a host (got {url:?})"),
                    ));
                }
                if parsed.query().is_some() || parsed.fragment().is_some() {
                    return Err(bad("PORTAL_PUBLIC_URL", "must not have a query or a fragment"));
                }
                parsed
            }
            None => Url::parse(&format!("http://{site_addr}"))
                .map_err(|e| bad("LEPTOS_SITE_ADDR", format!("cannot form a URL: {e}")))?,
        };

        let smtp_url = match get("SMTP_URL") {
            Some(url) => {
                AsyncSmtpTransport::<Tokio1Executor>::from_url(&url).map_err(|e| {
                    bad(
                        "SMTP_URL",
                        format!(
                            "is not a valid SMTP URL such as smtp://127.0.0.1:2525 ({e}: {})",
                            redact(&url)
                        ),
                    )
                })?;
                Some(url)
            }
            None => None,
        };

        let mail_from =
            get("MAIL_FROM").unwrap_or_else(|| "Investor Portal <portal@localhost>".into());
        let mail_from = mail_from.parse::<Mailbox>().map_err(|e| {
            bad("MAIL_FROM", format!("must be an address such as \"Investor Desk <invest@example.org>\" ({e}: {mail_from:?})"))
        })?;

        let number = |variable: &'static str,
                      default: u32,
                      range: std::ops::RangeInclusive<u32>| match get(variable)
        {
            None => Ok(default),
            Some(text) => text.parse::<u32>().ok().filter(|n| range.contains(n)).ok_or_else(|| {
                bad(
                    variable,
                    format!(
                        "must be a whole number from {} to {} (got {text:?})",
                        range.start(),
                        range.end()
                    ),
                )
            }),
        };
        let reply_days = number("PORTAL_REPLY_DAYS", 2, 1..=30)?;
        let inquiry_limit = number("PORTAL_INQUIRY_LIMIT", 5, 1..=10_000)?;
        let mail_retry_seconds = number("PORTAL_MAIL_RETRY_SECONDS", 30, 1..=3600)?;
        let smtp_timeout_seconds = number("PORTAL_SMTP_TIMEOUT", 30, 1..=300)?;
        let request_timeout_seconds = number("PORTAL_REQUEST_TIMEOUT", 30, 1..=600)?;
        let page_cache_seconds = number("PORTAL_PAGE_CACHE_SECONDS", 30, 0..=3600)?;
        let trust_proxy = match get("PORTAL_TRUST_PROXY").as_deref() {
            None | Some("0" | "false") => false,
            Some("1" | "true") => true,
            Some(other) => {
                return Err(bad("PORTAL_TRUST_PROXY", format!("must be 0 or 1 (got {other:?})")));
            }
        };

        Ok(Config {
            database_url,
            site_addr,
            public_url,
            data_dir,
            smtp_url,
            mail_from,
            reply_days,
            inquiry_limit,
            trust_proxy,
            mail_retry_seconds,
            smtp_timeout_seconds,
            request_timeout_seconds,
            page_cache_seconds,
        })
    }

    /// The public base URL without a trailing slash, to which paths are appended.
    pub fn public_base(&self) -> String {
        self.public_url.as_str().trim_end_matches('/').to_owned()
    }

    /// Where uploaded and seeded media are kept.
    pub fn media_dir(&self) -> PathBuf {
        self.data_dir.join("media")
    }

    /// Where outgoing mail is written when no SMTP server is configured.
    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> =
            vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    fn error_of(vars: &[(&str, &str)]) -> String {
        read(vars).expect_err("the value is refused").to_string()
    }

    #[test]
    fn defaults_need_no_variable() {
        let config = read(&[]).expect("defaults are valid");
        assert_eq!(config.database_url, "sqlite://data/portal.db");
        assert_eq!(config.site_addr.to_string(), "127.0.0.1:3000");
        assert_eq!(config.public_base(), "http://127.0.0.1:3000");
        assert_eq!(config.data_dir, PathBuf::from("data"));
        assert!(config.smtp_url.is_none());
        assert_eq!(config.mail_from.email.to_string(), "portal@localhost");
        assert_eq!((config.reply_days, config.inquiry_limit, config.trust_proxy), (2, 5, false));
        assert_eq!(config.smtp_timeout_seconds, 30);
        let config =
            read(&[("PORTAL_REPLY_DAYS", "3"), ("PORTAL_TRUST_PROXY", "1")]).expect("valid");
        assert_eq!((config.reply_days, config.trust_proxy), (3, true));
    }

    #[test]
    fn the_database_follows_the_data_folder_and_accepts_postgres() {
        let config = read(&[("PORTAL_DATA_DIR", "/srv/portal")]).expect("valid");
        assert_eq!(config.database_url, "sqlite:///srv/portal/portal.db");
        let config =
            read(&[("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")]).expect("valid");
        assert_eq!(config.database_url, "postgres://postgres@127.0.0.1:5432/portal");
    }

    #[test]
    fn each_bad_value_names_its_variable_in_one_line() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (
                &[("DATABASE_URL", "mysql://root@localhost/portal")],
                "configuration: DATABASE_URL must start with sqlite: or postgres:// (got a \"mysql\" URL)",
            ),
            (
                &[("DATABASE_URL", "postgres://exa mple:5432/x")],
                "configuration: DATABASE_URL is not a valid URL",
            ),
            (
                &[("LEPTOS_SITE_ADDR", "localhost:80:80")],
                "configuration: LEPTOS_SITE_ADDR must be an IP address and port such as 127.0.0.1:3000 (got \"localhost:80:80\")",
            ),
            (
                &[("PORTAL_PUBLIC_URL", "invest.example.org")],
                "configuration: PORTAL_PUBLIC_URL must be an absolute URL",
            ),
            (
                &[("PORTAL_PUBLIC_URL", "ftp://invest.example.org")],
                "configuration: PORTAL_PUBLIC_URL must be an http:// or https:// URL with a host",
            ),
            (
                &[("PORTAL_PUBLIC_URL", "https://invest.example.org/?x=1")],
                "configuration: PORTAL_PUBLIC_URL must not have a query or a fragment",
            ),
            (
                &[("SMTP_URL", "http://mail.example.org")],
                "configuration: SMTP_URL is not a valid SMTP URL",
            ),
            (&[("MAIL_FROM", "not an address")], "configuration: MAIL_FROM must be an address"),
            (
                &[("PORTAL_REPLY_DAYS", "0")],
                "configuration: PORTAL_REPLY_DAYS must be a whole number",
            ),
            (
                &[("PORTAL_REPLY_DAYS", "two")],
                "configuration: PORTAL_REPLY_DAYS must be a whole number",
            ),
            (&[("PORTAL_INQUIRY_LIMIT", "-1")], "configuration: PORTAL_INQUIRY_LIMIT must be"),
            (&[("PORTAL_TRUST_PROXY", "yes")], "configuration: PORTAL_TRUST_PROXY must be 0 or 1"),
            (&[("PORTAL_SMTP_TIMEOUT", "0")], "configuration: PORTAL_SMTP_TIMEOUT must be"),
        ];
        for (vars, expected) in cases {
            let message = error_of(vars);
            assert!(message.starts_with(expected), "{vars:?}: {message}");
            assert!(!message.contains('\n'), "one line: {message}");
        }
    }

    #[test]
    fn smtp_passwords_never_appear_in_messages_or_debug_output() {
        let message = error_of(&[("SMTP_URL", "smtpx://user:hunter2@mail.example.org")]);
        assert!(!message.contains("hunter2"), "{message}");
        let config = read(&[("SMTP_URL", "smtps://user:hunter2@mail.example.org")]).expect("valid");
        assert!(!format!("{config:?}").contains("hunter2"));
    }
}
