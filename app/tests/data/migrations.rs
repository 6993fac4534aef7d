//! The schema: up from empty, down to empty, and up again, on both databases.

use crate::on_both;
use crate::support::{Backend, fresh_for_migrations};
use migrations::{Migrator, MigratorTrait};
use sea_orm_migration::SchemaManager;

const TABLES: &[&str] = &[
    "staff_user",
    "staff_session",
    "staff_recovery_code",
    "audit_log",
    "site",
    "site_translation",
    "opportunity",
    "opportunity_translation",
    "opportunity_site",
    "media",
    "media_translation",
    "desk",
    "routing_rule",
    "inquiry",
    "inquiry_listing",
    "inquiry_event",
    "outbox",
];

async fn present(manager: &SchemaManager<'_>) -> Vec<&'static str> {
    let mut found = Vec::new();
    for table in TABLES {
        if manager.has_table(*table).await.expect("the catalogue answers") {
            found.push(*table);
        }
    }
    found
}

on_both!(up_down_and_up_again, |backend: Backend| async move {
    let test = fresh_for_migrations(backend).await;
    let manager = SchemaManager::new(&test.db);
    assert!(present(&manager).await.is_empty());

    Migrator::up(&test.db, None).await.expect("up from empty");
    assert_eq!(present(&manager).await, TABLES);
    assert!(Migrator::get_pending_migrations(&test.db).await.expect("status").is_empty());

    Migrator::down(&test.db, None).await.expect("down to empty");
    assert_eq!(present(&manager).await, Vec::<&str>::new());

    Migrator::up(&test.db, None).await.expect("up again");
    assert_eq!(present(&manager).await, TABLES);
});

on_both!(each_migration_steps_down_alone, |backend: Backend| async move {
    let test = fresh_for_migrations(backend).await;
    Migrator::up(&test.db, None).await.expect("up");
    let total = Migrator::migrations().len();
    for remaining in (0..total).rev() {
        Migrator::down(&test.db, Some(1)).await.expect("one step down");
        let applied = Migrator::get_applied_migrations(&test.db).await.expect("status").len();
        assert_eq!(applied, remaining);
    }
});

// Every entity reads back from the migrated schema: a column named differently in a migration
// and in its entity fails here, on both databases.
on_both!(entities_match_the_migrated_schema, |backend: Backend| async move {
    use app::server::entities::*;
    use sea_orm::EntityTrait;
    let test = crate::support::migrated(backend).await;
    let db = &test.db;
    macro_rules! reads {
        ($($module:ident),+) => {
            $(
                $module::Entity::find()
                    .all(db)
                    .await
                    .unwrap_or_else(|e| panic!("{}: {e}", stringify!($module)));
            )+
        };
    }
    reads!(
        staff_user,
        staff_session,
        staff_recovery_code,
        audit_log,
        site,
        site_translation,
        opportunity,
        opportunity_translation,
        opportunity_site,
        media,
        media_translation,
        desk,
        routing_rule,
        inquiry,
        inquiry_listing,
        inquiry_event,
        outbox
    );
});
