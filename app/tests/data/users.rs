//! Staff accounts as stored.

use crate::on_both;
use crate::support::{Backend, migrated};
use app::models::Role;
use app::server::entities::staff_user;
use app::server::users::{CreateUserError, create_user, verify_password};
use sea_orm::{EntityTrait, PaginatorTrait};

on_both!(accounts_are_stored_with_an_argon2id_hash_once_per_email, |backend: Backend| async move {
    let test = migrated(backend).await;
    let user = create_user(
        &test.db,
        " Li.Wei@ICIC-CA.example ",
        "Li Wei",
        Role::Desk,
        "silk road by rail 2027",
    )
    .await
    .expect("created");
    assert_eq!(user.email, "li.wei@icic-ca.example");
    let stored = staff_user::Entity::find_by_id(user.id)
        .one(&test.db)
        .await
        .expect("query")
        .expect("stored");
    let hash = stored.password_hash.expect("a hash is stored");
    assert!(hash.starts_with("$argon2id$"));
    assert!(!hash.contains("silk road"));
    assert!(verify_password("silk road by rail 2027", &hash));

    let again =
        create_user(&test.db, "li.wei@icic-ca.example", "", Role::Admin, "another long passphrase")
            .await;
    assert!(matches!(again, Err(CreateUserError::Exists(_))), "{again:?}");
    let weak = create_user(&test.db, "new@icic-ca.example", "", Role::Admin, "short").await;
    assert!(matches!(weak, Err(CreateUserError::WeakPassword(_))), "{weak:?}");
    assert_eq!(staff_user::Entity::find().count(&test.db).await.expect("count"), 1);
});
