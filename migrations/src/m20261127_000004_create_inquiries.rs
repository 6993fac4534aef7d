//! Expressions of interest, the listings each concerns, and their history.

use crate::m20261127_000001_create_staff::StaffUser;
use crate::m20261127_000002_create_listings::{Opportunity, Site};
use crate::m20261127_000003_create_routing::Desk;
use crate::{create_indexes, drop_tables, fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum Inquiry {
    Table,
    Id,
    Reference,
    TokenHash,
    SiteId,
    OpportunityId,
    Name,
    Company,
    Country,
    Email,
    Phone,
    InvestorType,
    InvestmentRange,
    #[sea_orm(iden = "need_area_m2")]
    NeedAreaM2,
    NeedPowerKw,
    NeedStart,
    Message,
    Lang,
    ReplyLang,
    HeardFrom,
    UtmSource,
    UtmMedium,
    UtmCampaign,
    ConsentText,
    ConsentedAt,
    Status,
    DeskId,
    AssignedTo,
    AnsweredAt,
    ClosedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum InquiryListing {
    Table,
    Id,
    InquiryId,
    SiteId,
    OpportunityId,
}

#[derive(DeriveIden)]
enum InquiryEvent {
    Table,
    Id,
    InquiryId,
    Kind,
    Status,
    Note,
    Public,
    ActorId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Inquiry::Table)
                    .col(pk_auto(Inquiry::Id))
                    // EOI-2026-000123
                    .col(string_len_uniq(Inquiry::Reference, 32))
                    // SHA-256 of the private tracking token; the token itself is only in the
                    // investor's link.
                    .col(string_len_uniq(Inquiry::TokenHash, 64))
                    .col(integer_null(Inquiry::SiteId))
                    .col(integer_null(Inquiry::OpportunityId))
                    .col(string_len(Inquiry::Name, 120))
                    .col(string_len(Inquiry::Company, 200))
                    // ISO 3166-1 alpha-2
                    .col(string_len(Inquiry::Country, 2))
                    .col(string_len(Inquiry::Email, 254))
                    .col(string_len_null(Inquiry::Phone, 40))
                    .col(string_len(Inquiry::InvestorType, 32))
                    .col(string_len(Inquiry::InvestmentRange, 32))
                    .col(integer_null(Inquiry::NeedAreaM2))
                    .col(integer_null(Inquiry::NeedPowerKw))
                    .col(date_null(Inquiry::NeedStart))
                    .col(text(Inquiry::Message))
                    .col(string_len(Inquiry::Lang, 8))
                    .col(string_len(Inquiry::ReplyLang, 8))
                    .col(string_len_null(Inquiry::HeardFrom, 64))
                    .col(string_len_null(Inquiry::UtmSource, 100))
                    .col(string_len_null(Inquiry::UtmMedium, 100))
                    .col(string_len_null(Inquiry::UtmCampaign, 100))
                    // The notice the investor agreed to, word for word, in their language.
                    .col(text(Inquiry::ConsentText))
                    .col(timestamp_with_time_zone(Inquiry::ConsentedAt))
                    // new → assigned → answered → closed
                    .col(string_len(Inquiry::Status, 16).default("new"))
                    .col(integer_null(Inquiry::DeskId))
                    .col(integer_null(Inquiry::AssignedTo))
                    .col(timestamp_with_time_zone_null(Inquiry::AnsweredAt))
                    .col(timestamp_with_time_zone_null(Inquiry::ClosedAt))
                    .col(timestamp_with_time_zone(Inquiry::CreatedAt))
                    .col(timestamp_with_time_zone(Inquiry::UpdatedAt))
                    .foreign_key(&mut fk(
                        Inquiry::Table,
                        Inquiry::SiteId,
                        Site::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        Inquiry::Table,
                        Inquiry::OpportunityId,
                        Opportunity::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        Inquiry::Table,
                        Inquiry::DeskId,
                        Desk::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        Inquiry::Table,
                        Inquiry::AssignedTo,
                        StaffUser::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InquiryListing::Table)
                    .col(pk_auto(InquiryListing::Id))
                    .col(integer(InquiryListing::InquiryId))
                    .col(integer_null(InquiryListing::SiteId))
                    .col(integer_null(InquiryListing::OpportunityId))
                    .foreign_key(&mut fk(
                        InquiryListing::Table,
                        InquiryListing::InquiryId,
                        Inquiry::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        InquiryListing::Table,
                        InquiryListing::SiteId,
                        Site::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        InquiryListing::Table,
                        InquiryListing::OpportunityId,
                        Opportunity::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InquiryEvent::Table)
                    .col(pk_auto(InquiryEvent::Id))
                    .col(integer(InquiryEvent::InquiryId))
                    // status (a change of status) or note (a staff note)
                    .col(string_len(InquiryEvent::Kind, 16))
                    .col(string_len_null(InquiryEvent::Status, 16))
                    .col(text_null(InquiryEvent::Note))
                    // Shown on the investor's tracking page?
                    .col(boolean(InquiryEvent::Public).default(false))
                    .col(integer_null(InquiryEvent::ActorId))
                    .col(timestamp_with_time_zone(InquiryEvent::CreatedAt))
                    .foreign_key(&mut fk(
                        InquiryEvent::Table,
                        InquiryEvent::InquiryId,
                        Inquiry::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        InquiryEvent::Table,
                        InquiryEvent::ActorId,
                        StaffUser::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            vec![
                index(Inquiry::Table, [Inquiry::Status, Inquiry::CreatedAt]),
                index(Inquiry::Table, [Inquiry::CreatedAt]),
                index(Inquiry::Table, [Inquiry::DeskId]),
                index(Inquiry::Table, [Inquiry::Country]),
                index(Inquiry::Table, [Inquiry::SiteId]),
                index(Inquiry::Table, [Inquiry::OpportunityId]),
                index(Inquiry::Table, [Inquiry::AssignedTo]),
                index(InquiryListing::Table, [InquiryListing::InquiryId]),
                index(InquiryListing::Table, [InquiryListing::SiteId]),
                index(InquiryListing::Table, [InquiryListing::OpportunityId]),
                index(InquiryEvent::Table, [InquiryEvent::InquiryId, InquiryEvent::CreatedAt]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            vec![
                InquiryEvent::Table.into_iden(),
                InquiryListing::Table.into_iden(),
                Inquiry::Table.into_iden(),
            ],
        )
        .await
    }
}
