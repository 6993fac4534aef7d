//! A second factor for staff: an authenticator app (TOTP, RFC 6238) with single-use recovery
//! codes. Required for admins, offered to everyone. A sign-in now passes through stages, which
//! the session records.

use crate::{drop_tables, fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StaffUser {
    Table,
    /// The shared TOTP secret (hex of 20 random bytes). Set when enrolment begins; it counts only
    /// once `TotpEnabledAt` is set, after the person has proved their app shows the right codes.
    TotpSecret,
    /// When the second factor was switched on; null while it is off.
    TotpEnabledAt,
    /// The last 30-second time step whose code was accepted: a code is never accepted twice.
    TotpLastStep,
}

#[derive(DeriveIden)]
enum StaffSession {
    Table,
    /// `signed-in`; `awaiting-code` after a right password when the second factor is on;
    /// `must-enrol` for an admin who has yet to set one up (only the enrolment pages open).
    Stage,
}

#[derive(DeriveIden)]
enum StaffRecoveryCode {
    Table,
    Id,
    UserId,
    /// SHA-256 (hex) of the code: the codes carry 80 random bits, so a fast hash is enough.
    CodeHash,
    /// When it was spent; a code signs in once.
    UsedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in [
            string_len_null(StaffUser::TotpSecret, 64),
            timestamp_with_time_zone_null(StaffUser::TotpEnabledAt),
            big_integer_null(StaffUser::TotpLastStep),
        ] {
            manager
                .alter_table(Table::alter().table(StaffUser::Table).add_column(column).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(StaffSession::Table)
                    .add_column(string_len(StaffSession::Stage, 16).default("signed-in"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StaffRecoveryCode::Table)
                    .col(pk_auto(StaffRecoveryCode::Id))
                    .col(integer(StaffRecoveryCode::UserId))
                    .col(string_len(StaffRecoveryCode::CodeHash, 64))
                    .col(timestamp_with_time_zone_null(StaffRecoveryCode::UsedAt))
                    .col(timestamp_with_time_zone(StaffRecoveryCode::CreatedAt))
                    .foreign_key(&mut fk(
                        StaffRecoveryCode::Table,
                        StaffRecoveryCode::UserId,
                        StaffUser::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index(StaffRecoveryCode::Table, [StaffRecoveryCode::UserId])).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, vec![StaffRecoveryCode::Table.into_iden()]).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(StaffSession::Table)
                    .drop_column(StaffSession::Stage)
                    .to_owned(),
            )
            .await?;
        for column in [StaffUser::TotpLastStep, StaffUser::TotpEnabledAt, StaffUser::TotpSecret] {
            manager
                .alter_table(Table::alter().table(StaffUser::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
