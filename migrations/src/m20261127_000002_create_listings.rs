//! Production sites, investment opportunities, their text in each language, and their media.

use crate::m20261127_000001_create_staff::StaffUser;
use crate::{create_indexes, drop_tables, fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum Site {
    Table,
    Id,
    Slug,
    Code,
    Side,
    Regime,
    Zone,
    Kind,
    #[sea_orm(iden = "land_area_m2")]
    LandAreaM2,
    #[sea_orm(iden = "built_area_m2")]
    BuiltAreaM2,
    CeilingHeightM,
    #[sea_orm(iden = "floor_load_t_m2")]
    FloorLoadTM2,
    PowerKw,
    #[sea_orm(iden = "water_m3_day")]
    WaterM3Day,
    #[sea_orm(iden = "gas_m3_h")]
    GasM3H,
    RailSiding,
    DistBorderKm,
    DistRailKm,
    DistAirportKm,
    Tenure,
    PriceUsdCents,
    Availability,
    AvailableFrom,
    Latitude,
    Longitude,
    PlanOutline,
    Phase,
    ManagerId,
    Status,
    PublishedAt,
    PublishedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SiteTranslation {
    Table,
    Id,
    SiteId,
    Lang,
    Title,
    Summary,
    Description,
}

#[derive(DeriveIden)]
pub(crate) enum Opportunity {
    Table,
    Id,
    Slug,
    Code,
    Sector,
    Side,
    CapexMinUsd,
    CapexMaxUsd,
    Stage,
    Partnerships,
    Jobs,
    PaybackYears,
    ManagerId,
    Status,
    PublishedAt,
    PublishedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OpportunityTranslation {
    Table,
    Id,
    OpportunityId,
    Lang,
    Title,
    Summary,
    Description,
    Incentives,
}

#[derive(DeriveIden)]
enum OpportunitySite {
    Table,
    OpportunityId,
    SiteId,
}

#[derive(DeriveIden)]
enum Media {
    Table,
    Id,
    SiteId,
    OpportunityId,
    Kind,
    StorageKey,
    OriginalName,
    ContentType,
    ByteSize,
    Width,
    Height,
    #[sea_orm(iden = "sha256")]
    Sha256,
    Position,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MediaTranslation {
    Table,
    Id,
    MediaId,
    Lang,
    Caption,
}

/// Columns shared by both kinds of listing: who manages it and where it is in its workflow.
fn publication_columns(
    manager_id: impl IntoIden,
    status: impl IntoIden,
    published_at: impl IntoIden,
    published_by: impl IntoIden,
) -> Vec<ColumnDef> {
    vec![
        integer_null(manager_id),
        // draft → in_review → published → archived
        string_len(status, 16).default("draft").to_owned(),
        timestamp_with_time_zone_null(published_at),
        integer_null(published_by),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut site = Table::create();
        site.table(Site::Table)
            .col(pk_auto(Site::Id))
            .col(string_len_uniq(Site::Slug, 120))
            .col(string_len_uniq(Site::Code, 32))
            .col(string_len(Site::Side, 2))
            .col(string_len(Site::Regime, 32))
            .col(string_len(Site::Zone, 32))
            .col(string_len(Site::Kind, 32))
            .col(integer(Site::LandAreaM2))
            .col(integer_null(Site::BuiltAreaM2))
            .col(double_null(Site::CeilingHeightM))
            .col(double_null(Site::FloorLoadTM2))
            .col(integer(Site::PowerKw))
            .col(integer(Site::WaterM3Day))
            .col(integer_null(Site::GasM3H))
            .col(boolean(Site::RailSiding).default(false))
            .col(double(Site::DistBorderKm))
            .col(double(Site::DistRailKm))
            .col(double(Site::DistAirportKm))
            .col(string_len(Site::Tenure, 8))
            // Lease: USD cents per m² per year; sale: USD cents for the whole site.
            .col(big_integer(Site::PriceUsdCents))
            .col(string_len(Site::Availability, 16))
            .col(date_null(Site::AvailableFrom))
            .col(double(Site::Latitude))
            .col(double(Site::Longitude))
            // SVG polygon points on the 1000 × 600 plan of the center.
            .col(string_len(Site::PlanOutline, 400))
            .col(small_integer(Site::Phase).default(1));
        for column in
            publication_columns(Site::ManagerId, Site::Status, Site::PublishedAt, Site::PublishedBy)
        {
            site.col(column);
        }
        site.col(timestamp_with_time_zone(Site::CreatedAt))
            .col(timestamp_with_time_zone(Site::UpdatedAt))
            .foreign_key(&mut fk(
                Site::Table,
                Site::ManagerId,
                StaffUser::Table,
                ForeignKeyAction::SetNull,
            ))
            .foreign_key(&mut fk(
                Site::Table,
                Site::PublishedBy,
                StaffUser::Table,
                ForeignKeyAction::SetNull,
            ));
        manager.create_table(site.to_owned()).await?;

        manager
            .create_table(
                Table::create()
                    .table(SiteTranslation::Table)
                    .col(pk_auto(SiteTranslation::Id))
                    .col(integer(SiteTranslation::SiteId))
                    .col(string_len(SiteTranslation::Lang, 8))
                    .col(string_len(SiteTranslation::Title, 200))
                    .col(string_len(SiteTranslation::Summary, 400))
                    .col(text(SiteTranslation::Description))
                    .foreign_key(&mut fk(
                        SiteTranslation::Table,
                        SiteTranslation::SiteId,
                        Site::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;

        let mut opportunity = Table::create();
        opportunity
            .table(Opportunity::Table)
            .col(pk_auto(Opportunity::Id))
            .col(string_len_uniq(Opportunity::Slug, 120))
            .col(string_len_uniq(Opportunity::Code, 32))
            .col(string_len(Opportunity::Sector, 32))
            // kz, uz or both
            .col(string_len(Opportunity::Side, 4))
            .col(big_integer(Opportunity::CapexMinUsd))
            .col(big_integer(Opportunity::CapexMaxUsd))
            .col(string_len(Opportunity::Stage, 32))
            // Comma-separated: joint_venture, greenfield, acquisition, contract_manufacturing, offtake
            .col(string_len(Opportunity::Partnerships, 160))
            .col(integer_null(Opportunity::Jobs))
            .col(double_null(Opportunity::PaybackYears));
        for column in publication_columns(
            Opportunity::ManagerId,
            Opportunity::Status,
            Opportunity::PublishedAt,
            Opportunity::PublishedBy,
        ) {
            opportunity.col(column);
        }
        opportunity
            .col(timestamp_with_time_zone(Opportunity::CreatedAt))
            .col(timestamp_with_time_zone(Opportunity::UpdatedAt))
            .foreign_key(&mut fk(
                Opportunity::Table,
                Opportunity::ManagerId,
                StaffUser::Table,
                ForeignKeyAction::SetNull,
            ))
            .foreign_key(&mut fk(
                Opportunity::Table,
                Opportunity::PublishedBy,
                StaffUser::Table,
                ForeignKeyAction::SetNull,
            ));
        manager.create_table(opportunity.to_owned()).await?;

        manager
            .create_table(
                Table::create()
                    .table(OpportunityTranslation::Table)
                    .col(pk_auto(OpportunityTranslation::Id))
                    .col(integer(OpportunityTranslation::OpportunityId))
                    .col(string_len(OpportunityTranslation::Lang, 8))
                    .col(string_len(OpportunityTranslation::Title, 200))
                    .col(string_len(OpportunityTranslation::Summary, 400))
                    .col(text(OpportunityTranslation::Description))
                    .col(text(OpportunityTranslation::Incentives))
                    .foreign_key(&mut fk(
                        OpportunityTranslation::Table,
                        OpportunityTranslation::OpportunityId,
                        Opportunity::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OpportunitySite::Table)
                    .col(integer(OpportunitySite::OpportunityId))
                    .col(integer(OpportunitySite::SiteId))
                    .primary_key(
                        Index::create()
                            .col(OpportunitySite::OpportunityId)
                            .col(OpportunitySite::SiteId),
                    )
                    .foreign_key(&mut fk(
                        OpportunitySite::Table,
                        OpportunitySite::OpportunityId,
                        Opportunity::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        OpportunitySite::Table,
                        OpportunitySite::SiteId,
                        Site::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Media::Table)
                    .col(pk_auto(Media::Id))
                    .col(integer_null(Media::SiteId))
                    .col(integer_null(Media::OpportunityId))
                    // photo, brochure or document
                    .col(string_len(Media::Kind, 16))
                    .col(string_len_uniq(Media::StorageKey, 255))
                    .col(string_len(Media::OriginalName, 255))
                    .col(string_len(Media::ContentType, 64))
                    .col(big_integer(Media::ByteSize))
                    .col(integer_null(Media::Width))
                    .col(integer_null(Media::Height))
                    .col(string_len(Media::Sha256, 64))
                    .col(integer(Media::Position).default(0))
                    .col(integer_null(Media::CreatedBy))
                    .col(timestamp_with_time_zone(Media::CreatedAt))
                    .foreign_key(&mut fk(
                        Media::Table,
                        Media::SiteId,
                        Site::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        Media::Table,
                        Media::OpportunityId,
                        Opportunity::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        Media::Table,
                        Media::CreatedBy,
                        StaffUser::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(MediaTranslation::Table)
                    .col(pk_auto(MediaTranslation::Id))
                    .col(integer(MediaTranslation::MediaId))
                    .col(string_len(MediaTranslation::Lang, 8))
                    // The photo's alternative text in this language.
                    .col(string_len(MediaTranslation::Caption, 300))
                    .foreign_key(&mut fk(
                        MediaTranslation::Table,
                        MediaTranslation::MediaId,
                        Media::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;

        create_indexes(
            manager,
            vec![
                // The public lists: published listings, newest first, filtered and sorted by these.
                index(Site::Table, [Site::Status, Site::PublishedAt]),
                index(Site::Table, [Site::Zone]),
                index(Site::Table, [Site::Kind]),
                index(Site::Table, [Site::Side]),
                index(Site::Table, [Site::Tenure]),
                index(Site::Table, [Site::Availability]),
                index(Site::Table, [Site::LandAreaM2]),
                index(Site::Table, [Site::PowerKw]),
                index(Site::Table, [Site::PriceUsdCents]),
                index(Site::Table, [Site::ManagerId]),
                index(Opportunity::Table, [Opportunity::Status, Opportunity::PublishedAt]),
                index(Opportunity::Table, [Opportunity::Sector]),
                index(Opportunity::Table, [Opportunity::Stage]),
                index(Opportunity::Table, [Opportunity::CapexMinUsd]),
                index(Opportunity::Table, [Opportunity::CapexMaxUsd]),
                index(Opportunity::Table, [Opportunity::ManagerId]),
                index(OpportunitySite::Table, [OpportunitySite::SiteId]),
                index(Media::Table, [Media::SiteId, Media::Position]),
                index(Media::Table, [Media::OpportunityId, Media::Position]),
                index(SiteTranslation::Table, [SiteTranslation::Lang]),
                index(OpportunityTranslation::Table, [OpportunityTranslation::Lang]),
            ],
        )
        .await?;
        // One text per language and listing.
        for (table, owner, lang) in [
            (
                SiteTranslation::Table.into_iden(),
                SiteTranslation::SiteId.into_iden(),
                SiteTranslation::Lang.into_iden(),
            ),
            (
                OpportunityTranslation::Table.into_iden(),
                OpportunityTranslation::OpportunityId.into_iden(),
                OpportunityTranslation::Lang.into_iden(),
            ),
            (
                MediaTranslation::Table.into_iden(),
                MediaTranslation::MediaId.into_iden(),
                MediaTranslation::Lang.into_iden(),
            ),
        ] {
            manager.create_index(index(table, [owner, lang]).unique().to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            vec![
                MediaTranslation::Table.into_iden(),
                Media::Table.into_iden(),
                OpportunitySite::Table.into_iden(),
                OpportunityTranslation::Table.into_iden(),
                Opportunity::Table.into_iden(),
                SiteTranslation::Table.into_iden(),
                Site::Table.into_iden(),
            ],
        )
        .await
    }
}
