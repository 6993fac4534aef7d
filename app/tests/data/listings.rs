//! The aggregate figures of the home page.

use crate::on_both;
use crate::support::{Backend, migrated};
use app::server::entities::site;
use app::server::listings::center_totals;
use app::server::seed::{demo_content, seed};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

on_both!(totals_count_only_published_listings, |backend: Backend| async move {
    let test = migrated(backend).await;
    assert_eq!(center_totals(&test.db).await.expect("totals of nothing").land_m2(), 0);

    seed(&test.db, test.media.path()).await.expect("seed");
    let content = demo_content().expect("parses");
    let land = |side: &str| -> i64 {
        content
            .sites
            .iter()
            .filter(|s| s.side.as_str() == side)
            .map(|s| i64::from(s.land_area_m2))
            .sum()
    };
    let totals = center_totals(&test.db).await.expect("totals");
    assert_eq!((totals.land_m2_kz, totals.land_m2_uz), (land("kz"), land("uz")));
    assert_eq!((totals.sites_published, totals.opportunities_published), (30, 15));
    let available = content.sites.iter().filter(|s| s.availability.as_str() == "available").count();
    assert_eq!(totals.sites_available, available as u64);
    let capex_max: i64 = content.opportunities.iter().map(|o| o.capex_max_usd).sum();
    assert_eq!(totals.capex_max_usd, capex_max);

    // A site taken back to draft leaves the public figures.
    let row = site::Entity::find()
        .filter(site::Column::Code.eq("UZ-L1"))
        .one(&test.db)
        .await
        .expect("query")
        .expect("UZ-L1 is seeded");
    let area = i64::from(row.land_area_m2);
    let mut draft = row.into_active_model();
    draft.status = Set("draft".to_owned());
    draft.update(&test.db).await.expect("update");
    let after = center_totals(&test.db).await.expect("totals");
    assert_eq!(after.land_m2_uz, totals.land_m2_uz - area);
    assert_eq!(after.sites_published, 29);
});
