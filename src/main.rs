//! The `portal` binary: reads the configuration, then runs the command the line asks for.
// The server monomorphises whole page views, deeper than the default limit.
#![recursion_limit = "256"]

mod admin;
mod cli;
mod commands;
mod config;
mod inquire;
mod limits;
mod logs;
mod mailer;
mod open_data;
mod page_cache;
mod routes;
mod security;
mod web;

#[cfg(test)]
#[path = "tests/router.rs"]
mod router_tests;

#[cfg(test)]
#[path = "tests/inquiries.rs"]
mod inquiry_tests;

#[cfg(test)]
#[path = "tests/smtp_sink.rs"]
mod smtp_sink;

#[cfg(test)]
#[path = "tests/admin.rs"]
mod admin_tests;

#[cfg(test)]
#[path = "tests/admin_editor.rs"]
mod admin_editor_tests;

#[cfg(test)]
#[path = "tests/admin_access.rs"]
mod admin_access_tests;

#[cfg(test)]
#[path = "tests/admin_people.rs"]
mod admin_people_tests;

#[cfg(test)]
#[path = "tests/admin_inbox.rs"]
mod admin_inbox_tests;

#[cfg(test)]
#[path = "tests/admin_media.rs"]
mod admin_media_tests;

#[cfg(test)]
#[path = "tests/admin_second_factor.rs"]
mod admin_second_factor_tests;

#[cfg(test)]
#[path = "tests/security.rs"]
mod security_tests;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // A missing .env is normal; a malformed one is reported by the values it leaves wrong.
    let _ = dotenvy::dotenv();
    let config = match config::Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    logs::init();
    match commands::run(cli.command.unwrap_or(cli::Command::Serve), config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
