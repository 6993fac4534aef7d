//! The command line: `portal [serve|migrate|seed|create-user|set-rate|rates|backup|restore]`.

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "portal",
    version,
    about = "Investor portal of the International Center for Industrial Cooperation \"Central Asia\"",
    long_about = "Investor portal of the International Center for Industrial Cooperation \"Central Asia\".\n\
                  Configured by environment variables (see .env.example); with no command, serves."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database, then serve the portal (the default).
    Serve,
    /// Apply pending migrations, step back, or show their status.
    Migrate {
        /// Roll back the last N migrations instead of applying.
        #[arg(long, value_name = "N", conflicts_with = "status")]
        down: Option<u32>,
        /// List the migrations and whether each is applied.
        #[arg(long)]
        status: bool,
    },
    /// Load the demo content (idempotent: what exists is left alone).
    Seed,
    /// Create a staff account; the password is read from standard input.
    CreateUser {
        /// The person's email address, also their sign-in name.
        #[arg(long)]
        email: String,
        /// What the account may do.
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The person's name as staff see it (default: the email address).
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Switch off a staff member's second factor and void their recovery codes, for someone who
    /// lost both their phone and their codes (the last admin, say); their sessions end. An admin
    /// sets up a new one at the next sign-in.
    ResetSecondFactor {
        /// The account's email address.
        #[arg(long)]
        email: String,
    },
    /// Set the exchange rate of a currency: how many units of it one US dollar buys.
    SetRate {
        /// The currency: cny, krw, aed, eur, kzt or uzs.
        currency: String,
        /// Units of the currency for one US dollar, such as 7.12 or 12,650.
        rate: String,
        /// The day from which the center uses the rate (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<chrono::NaiveDate>,
    },
    /// List the exchange rates that sums are converted with.
    Rates,
    /// Write a consistent copy of the live SQLite database to FILE (never overwrites), and check it.
    Backup {
        /// The new file to write the copy to.
        file: std::path::PathBuf,
    },
    /// Replace the SQLite database with the copy in FILE, once checked; the portal must be stopped.
    /// The database it replaces is kept beside it.
    Restore {
        /// A file written by `portal backup`.
        file: std::path::PathBuf,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RoleArg {
    Admin,
    Editor,
    Desk,
}

impl From<RoleArg> for app::models::Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Admin => app::models::Role::Admin,
            RoleArg::Editor => app::models::Role::Editor,
            RoleArg::Desk => app::models::Role::Desk,
        }
    }
}
