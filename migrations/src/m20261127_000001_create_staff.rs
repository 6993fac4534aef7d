//! Staff accounts, their database-backed sessions and the audit log.

use crate::{create_indexes, drop_tables, fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum StaffUser {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    Role,
    Active,
    FailedLogins,
    LockedUntil,
    LastLoginAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum StaffSession {
    Table,
    Id,
    UserId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    UserAgent,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    ActorId,
    Action,
    Entity,
    EntityId,
    Detail,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StaffUser::Table)
                    .col(pk_auto(StaffUser::Id))
                    .col(string_len_uniq(StaffUser::Email, 254))
                    .col(string_len(StaffUser::Name, 120))
                    // Null until the person sets a password (a seeded listing manager, say).
                    .col(text_null(StaffUser::PasswordHash))
                    .col(string_len(StaffUser::Role, 16))
                    .col(boolean(StaffUser::Active).default(true))
                    .col(integer(StaffUser::FailedLogins).default(0))
                    .col(timestamp_with_time_zone_null(StaffUser::LockedUntil))
                    .col(timestamp_with_time_zone_null(StaffUser::LastLoginAt))
                    .col(timestamp_with_time_zone(StaffUser::CreatedAt))
                    .col(timestamp_with_time_zone(StaffUser::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StaffSession::Table)
                    // The SHA-256 of the cookie's token: a stolen database holds no usable session.
                    .col(string_len(StaffSession::Id, 64).primary_key())
                    .col(integer(StaffSession::UserId))
                    .col(timestamp_with_time_zone(StaffSession::CreatedAt))
                    .col(timestamp_with_time_zone(StaffSession::LastSeenAt))
                    .col(timestamp_with_time_zone(StaffSession::ExpiresAt))
                    .col(string_len_null(StaffSession::UserAgent, 300))
                    .foreign_key(&mut fk(
                        StaffSession::Table,
                        StaffSession::UserId,
                        StaffUser::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(pk_auto(AuditLog::Id))
                    .col(integer_null(AuditLog::ActorId))
                    .col(string_len(AuditLog::Action, 64))
                    .col(string_len(AuditLog::Entity, 32))
                    .col(string_len_null(AuditLog::EntityId, 64))
                    .col(text_null(AuditLog::Detail))
                    .col(timestamp_with_time_zone(AuditLog::CreatedAt))
                    .foreign_key(&mut fk(
                        AuditLog::Table,
                        AuditLog::ActorId,
                        StaffUser::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            vec![
                index(StaffSession::Table, [StaffSession::UserId]),
                index(StaffSession::Table, [StaffSession::ExpiresAt]),
                index(AuditLog::Table, [AuditLog::CreatedAt]),
                index(AuditLog::Table, [AuditLog::Entity, AuditLog::EntityId]),
                index(AuditLog::Table, [AuditLog::ActorId]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            vec![
                AuditLog::Table.into_iden(),
                StaffSession::Table.into_iden(),
                StaffUser::Table.into_iden(),
            ],
        )
        .await
    }
}
