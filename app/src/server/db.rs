//! Opening the database, SQLite or PostgreSQL, chosen by one URL.

use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DbErr,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};
use std::{path::Path, time::Duration};

/// Connects to the database at `url`. For a SQLite file, the file and its folder are created when
/// missing, and the database is put in WAL mode so that readers never wait for a writer.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    connect_with(url, 16).await
}

/// Connects for schema changes: one connection, so that each migration's statements, and the
/// checks between them, all see the schema as the one before left it. (With a pool, a step of
/// `migrate --down` and the next `up` could land on different SQLite connections; under load the
/// migration tests once saw an index the previous step had dropped.)
pub async fn connect_for_migrations(url: &str) -> Result<DatabaseConnection, DbErr> {
    connect_with(url, 1).await
}

async fn connect_with(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    let mut url = url.to_owned();
    if let Some(path) = sqlite_file(&url) {
        if let Some(parent) = Path::new(path).parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| {
                DbErr::Custom(format!("cannot create the folder {}: {e}", parent.display()))
            })?;
        }
        if !url.contains("mode=") {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str("mode=rwc");
        }
    }
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(max_connections)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                // In WAL mode, NORMAL loses no committed transaction when the process dies; only
                // a power cut can take the last ones.
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true)
        });
    Database::connect(options).await
}

/// The file path of a SQLite URL, or `None` for PostgreSQL and for in-memory SQLite.
pub fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then_some(path)
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;

    #[test]
    fn sqlite_paths_are_read_from_the_url() {
        assert_eq!(sqlite_file("sqlite://data/portal.db?mode=rwc"), Some("data/portal.db"));
        assert_eq!(sqlite_file("sqlite:/var/lib/portal.db"), Some("/var/lib/portal.db"));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://postgres@127.0.0.1/portal"), None);
    }
}
