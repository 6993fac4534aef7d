//! The demo content: complete in every language, and idempotent.

use crate::on_both;
use crate::support::{Backend, migrated};
use app::i18n::languages;
use app::server::entities::{
    desk, media, media_translation, opportunity, opportunity_site, opportunity_translation,
    routing_rule, site, site_translation, staff_user,
};
use app::server::seed::seed;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

on_both!(seeding_twice_adds_nothing_twice, |backend: Backend| async move {
    let test = migrated(backend).await;
    let first = seed(&test.db, test.media.path()).await.expect("first seed");
    assert_eq!((first.sites, first.opportunities), (30, 15));
    assert_eq!(first.desks, 5);
    assert_eq!(first.rates, 6, "a rate for every currency but the dollar");
    assert!(first.rules >= 40 && first.staff >= 9 && first.photos >= 30, "{first:?}");

    let counts = async || {
        (
            site::Entity::find().count(&test.db).await.expect("count"),
            site_translation::Entity::find().count(&test.db).await.expect("count"),
            opportunity::Entity::find().count(&test.db).await.expect("count"),
            opportunity_translation::Entity::find().count(&test.db).await.expect("count"),
            opportunity_site::Entity::find().count(&test.db).await.expect("count"),
            media::Entity::find().count(&test.db).await.expect("count"),
            media_translation::Entity::find().count(&test.db).await.expect("count"),
            desk::Entity::find().count(&test.db).await.expect("count"),
            routing_rule::Entity::find().count(&test.db).await.expect("count"),
            staff_user::Entity::find().count(&test.db).await.expect("count"),
        )
    };
    let before = counts().await;
    let second = seed(&test.db, test.media.path()).await.expect("second seed");
    assert!(second.is_empty(), "{second:?}");
    assert_eq!(counts().await, before);
});

on_both!(every_seeded_listing_speaks_every_language, |backend: Backend| async move {
    let test = migrated(backend).await;
    seed(&test.db, test.media.path()).await.expect("seed");
    for language in languages() {
        let lang = language.code.as_str();
        let sites = site_translation::Entity::find()
            .filter(site_translation::Column::Lang.eq(lang))
            .count(&test.db)
            .await
            .expect("count");
        let opportunities = opportunity_translation::Entity::find()
            .filter(opportunity_translation::Column::Lang.eq(lang))
            .count(&test.db)
            .await
            .expect("count");
        let captions = media_translation::Entity::find()
            .filter(media_translation::Column::Lang.eq(lang))
            .count(&test.db)
            .await
            .expect("count");
        let photos = media::Entity::find().count(&test.db).await.expect("count");
        assert_eq!((sites, opportunities, captions), (30, 15, photos), "{lang}");
    }
    // Every photo row points at a file that was written.
    for photo in media::Entity::find().all(&test.db).await.expect("media") {
        let path = test.media.path().join(&photo.storage_key);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(bytes.len() as i64, photo.byte_size);
    }
    // Every site is on a side of the border, under a regime, and managed by someone.
    for row in site::Entity::find().all(&test.db).await.expect("sites") {
        assert!(matches!(row.side.as_str(), "kz" | "uz"), "{}", row.code);
        assert!(!row.regime.is_empty() && row.manager_id.is_some(), "{}", row.code);
        assert_eq!(row.status, "published");
    }
});

on_both!(deleting_a_site_takes_its_text_and_photos_along, |backend: Backend| async move {
    let test = migrated(backend).await;
    seed(&test.db, test.media.path()).await.expect("seed");
    let victim = site::Entity::find()
        .filter(site::Column::Code.eq("KZ-P1"))
        .one(&test.db)
        .await
        .expect("query")
        .expect("KZ-P1 is seeded");
    site::Entity::delete_by_id(victim.id).exec(&test.db).await.expect("delete");
    let left = site_translation::Entity::find()
        .filter(site_translation::Column::SiteId.eq(victim.id))
        .count(&test.db)
        .await
        .expect("count");
    let photos = media::Entity::find()
        .filter(media::Column::SiteId.eq(victim.id))
        .count(&test.db)
        .await
        .expect("count");
    assert_eq!((left, photos), (0, 0), "foreign keys cascade on both databases");
});
