//! What each sub-command does.

use crate::{cli::Command, config::Config, web};
use anyhow::{Context, Result, bail};
use app::server::{db, rates, seed, users};
use migrations::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use std::io::{BufRead, IsTerminal};

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
            Command::ResetSecondFactor { email } => reset_second_factor(&config, &email).await,
            Command::SetRate { currency, rate, date } => {
                set_rate(&config, &currency, &rate, date).await
            }
            Command::Rates => list_rates(&config).await,
            Command::Backup { file } => backup(&config, &file).await,
            Command::Restore { file } => restore(&config, &file).await,
        }
    })
}

/// Opens the configured database, saying which one when it cannot.
pub async fn open_database(config: &Config) -> Result<DatabaseConnection> {
    db::connect(&config.database_url).await.with_context(|| cannot_open(config))
}

fn cannot_open(config: &Config) -> String {
    format!("cannot open the database {}", crate::config::redact(&config.database_url))
}

/// Opens the database and applies every pending migration.
pub async fn open_migrated(config: &Config) -> Result<DatabaseConnection> {
    let schema = open_for_migrations(config).await?;
    Migrator::up(&schema, None).await.context("cannot migrate the database")?;
    schema.close().await.ok();
    open_database(config).await
}

/// Opens the configured database on one connection, for schema changes.
async fn open_for_migrations(config: &Config) -> Result<DatabaseConnection> {
    db::connect_for_migrations(&config.database_url).await.with_context(|| cannot_open(config))
}

async fn migrate(config: &Config, down: Option<u32>, status: bool) -> Result<()> {
    let db = open_for_migrations(config).await?;
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

async fn reset_second_factor(config: &Config, email: &str) -> Result<()> {
    use app::server::entities::{staff_session, staff_user};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
    let db = open_migrated(config).await?;
    let email = email.trim().to_lowercase();
    let txn = db.begin().await?;
    let Some(user) =
        staff_user::Entity::find().filter(staff_user::Column::Email.eq(&email)).one(&txn).await?
    else {
        bail!("no staff account has the email {email}");
    };
    app::server::second_factor::turn_off(&txn, user.id).await?;
    staff_session::Entity::delete_many()
        .filter(staff_session::Column::UserId.eq(user.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    println!("the second factor of {email} is off and their sessions have ended");
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

/// What PostgreSQL deployments use instead of `portal backup` and `portal restore`.
const POSTGRES_BACKUP: &str = "DATABASE_URL is PostgreSQL: back it up with \
    `pg_dump --format=custom --file=FILE \"$DATABASE_URL\"` (a consistent snapshot, taken while the \
    portal runs) and restore it, with the portal stopped, with \
    `pg_restore --clean --if-exists --no-owner --dbname=\"$DATABASE_URL\" FILE`";

/// The SQLite file of the configured database, or the way to back up PostgreSQL.
fn sqlite_path(config: &Config) -> Result<std::path::PathBuf> {
    match db::sqlite_file(&config.database_url) {
        Some(path) => Ok(std::path::PathBuf::from(path)),
        None => bail!("{POSTGRES_BACKUP}"),
    }
}

/// What a SQLite file holds, once its integrity is checked: inquiries, listings and migrations.
async fn check_copy(file: &std::path::Path) -> Result<(i64, i64, i64)> {
    use sea_orm::{ConnectionTrait, Statement};
    let url = format!("sqlite://{}?mode=ro", file.display());
    let copy = sea_orm::Database::connect(url.as_str())
        .await
        .with_context(|| format!("{} cannot be opened as a SQLite database", file.display()))?;
    let one = |sql: &str| Statement::from_string(sea_orm::DbBackend::Sqlite, sql.to_owned());
    let integrity: String = copy
        .query_one_raw(one("PRAGMA integrity_check"))
        .await
        .and_then(|row| row.map(|r| r.try_get_by_index::<String>(0)).transpose())
        .with_context(|| format!("{} is not a SQLite database", file.display()))?
        .unwrap_or_default();
    if integrity != "ok" {
        bail!("{} fails SQLite's integrity check: {integrity}", file.display());
    }
    let mut counts = Vec::new();
    for table in ["seaql_migrations", "inquiry", "site"] {
        let count = copy
            .query_one_raw(one(&format!("SELECT COUNT(*) FROM {table}")))
            .await
            .ok()
            .flatten()
            .and_then(|row| row.try_get_by_index::<i64>(0).ok())
            .with_context(|| {
                format!("{} is not a portal database (no {table} table)", file.display())
            })?;
        counts.push(count);
    }
    copy.close().await.ok();
    Ok((counts[1], counts[2], counts[0]))
}

/// `portal backup FILE`: SQLite's `VACUUM INTO` copies the database as one read transaction sees
/// it, so the copy is consistent however much the running portal writes meanwhile.
async fn backup(config: &Config, file: &std::path::Path) -> Result<()> {
    use sea_orm::{ConnectionTrait, Statement};
    sqlite_path(config)?;
    if file.exists() {
        bail!(
            "{} exists already: a backup never overwrites a file; choose a new name",
            file.display()
        );
    }
    let db = open_database(config).await?;
    db.execute_raw(Statement::from_sql_and_values(
        sea_orm::DbBackend::Sqlite,
        "VACUUM INTO ?",
        [file.to_string_lossy().into_owned().into()],
    ))
    .await
    .with_context(|| format!("cannot write the backup to {}", file.display()))?;
    let (inquiries, sites, migrations) = check_copy(file).await?;
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or_default();
    println!(
        "backup written to {} ({bytes} bytes, integrity ok): {inquiries} inquiries, {sites} sites, \
         {migrations} migrations",
        file.display()
    );
    Ok(())
}

/// `portal restore FILE`: checks the copy, keeps the current database beside it, and puts the
/// copy in its place (a rename, so the database is never half-written). Run with the portal
/// stopped; `portal serve` applies any migration the copy lacks when it starts.
async fn restore(config: &Config, file: &std::path::Path) -> Result<()> {
    let target = sqlite_path(config)?;
    let (inquiries, sites, _) = check_copy(file).await?;
    let folder =
        target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    std::fs::create_dir_all(folder)
        .with_context(|| format!("cannot create the folder {}", folder.display()))?;
    let staged = target.with_extension("restoring");
    std::fs::copy(file, &staged)
        .with_context(|| format!("cannot copy {} to {}", file.display(), staged.display()))?;
    std::fs::File::open(&staged)
        .and_then(|f| f.sync_all())
        .context("cannot flush the copy to disk")?;
    if target.exists() {
        let kept = target.with_extension(format!(
            "before-restore-{}.db",
            chrono::Utc::now().format("%Y%m%dT%H%M%SZ")
        ));
        std::fs::rename(&target, &kept)
            .with_context(|| format!("cannot keep the current database as {}", kept.display()))?;
        println!("the database it replaces is kept as {}", kept.display());
    }
    // The write-ahead log of the replaced database must not be replayed into the restored one.
    for suffix in ["-wal", "-shm"] {
        let side = std::path::PathBuf::from(format!("{}{suffix}", target.display()));
        if side.exists() {
            std::fs::remove_file(&side)
                .with_context(|| format!("cannot remove {}", side.display()))?;
        }
    }
    std::fs::rename(&staged, &target)
        .with_context(|| format!("cannot move the copy to {}", target.display()))?;
    println!(
        "restored {} from {}: {inquiries} inquiries, {sites} sites",
        target.display(),
        file.display()
    );
    Ok(())
}
