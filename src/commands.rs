//! What each sub-command does.

use crate::{cli::Command, config::Config, web};
use anyhow::{Context, Result, bail};
use app::server::{db, rates, seed, users};
use migrations::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use std::io::{BufRead, IsTerminal};

pub fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("PORTAL_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
}

pub fn run(command: Command, config: Config) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        match command {
            Command::Serve => web::serve(config).await,
            Command::Migrate { down, status } => migrate(&config, down, status).await,
            Command::Seed => run_seed(&config).await,
            Command::CreateUser { email, role, name } => {
                create_user(&config, &email, &name, role.into()).await
            }
            Command::SetRate { currency, rate, date } => {
                set_rate(&config, &currency, &rate, date).await
            }
            Command::Rates => list_rates(&config).await,
        }
    })
}

/// Opens the configured database, saying which one when it cannot.
pub async fn open_database(config: &Config) -> Result<DatabaseConnection> {
    db::connect(&config.database_url).await.with_context(|| {
        format!("cannot open the database {}", crate::config::redact(&config.database_url))
    })
}

/// Opens the database and applies every pending migration.
pub async fn open_migrated(config: &Config) -> Result<DatabaseConnection> {
    let db = open_database(config).await?;
    Migrator::up(&db, None).await.context("cannot migrate the database")?;
    Ok(db)
}

async fn migrate(config: &Config, down: Option<u32>, status: bool) -> Result<()> {
    let db = open_database(config).await?;
    if status {
        for migration in Migrator::get_migration_with_status(&db).await? {
            println!("{:<9} {}", migration.status().to_string(), migration.name());
        }
    } else if let Some(steps) = down {
        Migrator::down(&db, Some(steps)).await.context("cannot roll back")?;
        println!("rolled back {steps} migration(s)");
    } else {
        let pending = Migrator::get_pending_migrations(&db).await?.len();
        Migrator::up(&db, None).await.context("cannot migrate the database")?;
        println!("applied {pending} migration(s)");
    }
    Ok(())
}

async fn run_seed(config: &Config) -> Result<()> {
    let db = open_migrated(config).await?;
    let report =
        seed::seed(&db, &config.media_dir()).await.context("cannot load the demo content")?;
    if report.is_empty() {
        println!("the demo content is already there; nothing added");
    } else {
        println!(
            "added {} sites, {} opportunities, {} photos, {} staff, {} desks, {} routing rules, \
             {} exchange rates",
            report.sites,
            report.opportunities,
            report.photos,
            report.staff,
            report.desks,
            report.rules,
            report.rates
        );
    }
    Ok(())
}

async fn set_rate(
    config: &Config,
    currency: &str,
    rate: &str,
    date: Option<chrono::NaiveDate>,
) -> Result<()> {
    let currency: app::models::Currency = currency
        .to_ascii_lowercase()
        .parse()
        .map_err(|_| anyhow::anyhow!("'{currency}' is not a currency the portal offers"))?;
    let per_usd = rates::parse_rate(rate)?;
    let date = date.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let db = open_migrated(config).await?;
    rates::set_rate(&db, currency, per_usd, date, None).await?;
    println!(
        "1 USD = {per_usd} {} from {date}; running portals show it within a minute",
        currency.as_str().to_ascii_uppercase()
    );
    Ok(())
}

async fn list_rates(config: &Config) -> Result<()> {
    let db = open_migrated(config).await?;
    let mut rows: Vec<_> = rates::load(&db).await?.into_values().collect();
    rows.sort_by_key(|money| money.currency);
    if rows.is_empty() {
        println!("no exchange rates are set: sums are shown in US dollars only");
    }
    for money in rows {
        let since = money.as_of.map(|d| d.to_string()).unwrap_or_default();
        println!(
            "{}  {:>14}  since {since}",
            money.currency.as_str().to_ascii_uppercase(),
            money.per_usd
        );
    }
    Ok(())
}

async fn create_user(
    config: &Config,
    email: &str,
    name: &str,
    role: app::models::Role,
) -> Result<()> {
    let password = read_password()?;
    // Checked before the database is touched, so a weak password costs nothing.
    if let Err(problem) = users::check_password(&password, email) {
        bail!("{problem}");
    }
    let db = open_migrated(config).await?;
    let user = users::create_user(&db, email, name, role, &password).await?;
    println!("created {} account for {}", user.role, user.email);
    Ok(())
}

/// Reads the password from standard input: asked twice, unseen, at a terminal; the first line
/// otherwise (so that scripts can pipe it in). Never from the command line, where other users of
/// the machine could see it.
fn read_password() -> Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let second = rpassword::prompt_password("Password again: ")?;
        if first != second {
            bail!("the two passwords differ");
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let password = line.trim_end_matches(['\r', '\n']).to_owned();
        if password.is_empty() {
            bail!("no password on standard input");
        }
        Ok(password)
    }
}
