//! The mail outbox: every email is written here in the same transaction as what caused it, and
//! the mail worker sends it, so that an SMTP outage delays mail but loses none.

use crate::m20261127_000004_create_inquiries::Inquiry;
use crate::{create_indexes, drop_tables, fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    InquiryId,
    Kind,
    ToAddrs,
    CcAddrs,
    ReplyTo,
    Subject,
    BodyText,
    BodyHtml,
    Status,
    Attempts,
    NextAttemptAt,
    LockedBy,
    LockedUntil,
    LastError,
    MessageId,
    CreatedAt,
    SentAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(pk_auto(Outbox::Id))
                    .col(integer_null(Outbox::InquiryId))
                    .col(string_len(Outbox::Kind, 32))
                    .col(text(Outbox::ToAddrs))
                    .col(text_null(Outbox::CcAddrs))
                    .col(string_len_null(Outbox::ReplyTo, 254))
                    .col(string_len(Outbox::Subject, 300))
                    .col(text(Outbox::BodyText))
                    .col(text(Outbox::BodyHtml))
                    // pending → sending → sent, or failed after the last retry
                    .col(string_len(Outbox::Status, 16).default("pending"))
                    .col(integer(Outbox::Attempts).default(0))
                    .col(timestamp_with_time_zone(Outbox::NextAttemptAt))
                    // A worker claims a row until this time, so two servers never send it twice.
                    .col(string_len_null(Outbox::LockedBy, 64))
                    .col(timestamp_with_time_zone_null(Outbox::LockedUntil))
                    .col(text_null(Outbox::LastError))
                    // The Message-ID header, fixed when the row is written.
                    .col(string_len_uniq(Outbox::MessageId, 200))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .foreign_key(&mut fk(
                        Outbox::Table,
                        Outbox::InquiryId,
                        Inquiry::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            vec![
                index(Outbox::Table, [Outbox::Status, Outbox::NextAttemptAt]),
                index(Outbox::Table, [Outbox::InquiryId]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, vec![Outbox::Table.into_iden()]).await
    }
}
