//! A fresh database per test, on either backend.

use app::server::db;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use std::sync::atomic::{AtomicU32, Ordering};

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database that exists for one test and is dropped after it, even when the test fails.
pub struct TestDb {
    pub db: DatabaseConnection,
    pub media: tempfile::TempDir,
    postgres: Option<(String, String)>,
    _sqlite_dir: Option<tempfile::TempDir>,
}

fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// An empty database.
pub async fn fresh(backend: Backend) -> TestDb {
    fresh_with(backend, false).await
}

/// An empty database opened as `portal migrate` opens it, on one connection.
pub async fn fresh_for_migrations(backend: Backend) -> TestDb {
    fresh_with(backend, true).await
}

async fn fresh_with(backend: Backend, for_migrations: bool) -> TestDb {
    let connect = |url: String| async move {
        if for_migrations {
            db::connect_for_migrations(&url).await
        } else {
            db::connect(&url).await
        }
    };
    let media = tempfile::tempdir().expect("a temporary media folder");
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let url = format!("sqlite://{}", dir.path().join("test.db").display());
            let db = connect(url).await.expect("SQLite opens");
            TestDb { db, media, postgres: None, _sqlite_dir: Some(dir) }
        }
        Backend::Postgres => {
            static COUNTER: AtomicU32 = AtomicU32::new(0);
            let admin_url = postgres_admin_url();
            let admin = Database::connect(&admin_url).await.unwrap_or_else(|e| {
                panic!(
                    "PostgreSQL at {admin_url} cannot be reached ({e}). The data tests need it: \
                     start the server (pg_ctlcluster 15 main start) or set TEST_POSTGRES_URL."
                )
            });
            let name = format!(
                "portal_test_{}_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed),
                chrono::Utc::now().timestamp_subsec_nanos()
            );
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("the test database is created");
            admin.close().await.ok();
            let (base, _) = admin_url.rsplit_once('/').expect("the URL names a database");
            let db = connect(format!("{base}/{name}")).await.expect("the test database opens");
            TestDb { db, media, postgres: Some((admin_url, name)), _sqlite_dir: None }
        }
    }
}

/// A database with every migration applied.
pub async fn migrated(backend: Backend) -> TestDb {
    let test = fresh(backend).await;
    Migrator::up(&test.db, None).await.expect("migrations apply");
    test
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.postgres.take() else {
            return;
        };
        let db = self.db.clone();
        // Drop runs outside async code: a thread with its own runtime closes and drops.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().expect("a runtime");
            runtime.block_on(async move {
                db.close().await.ok();
                if let Ok(admin) = Database::connect(&admin_url).await {
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                    admin.close().await.ok();
                }
            });
        })
        .join();
    }
}

/// Defines a test twice, as `<name>::sqlite` and `<name>::postgres`.
#[macro_export]
macro_rules! on_both {
    ($(#[$meta:meta])* $name:ident, $body:expr) => {
        $(#[$meta])*
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)($crate::support::Backend::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                ($body)($crate::support::Backend::Postgres).await;
            }
        }
    };
}
