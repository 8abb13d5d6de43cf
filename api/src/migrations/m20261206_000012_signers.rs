//! Official-grade documents: each head account's signer profile (a signature names the person
//! who signed), the profile and a short verification code kept on each signed document, the TLP
//! label a document was signed under, the PSE's town for the letter's `di` line, and the name the
//! reporter wants on their certificate. The organisation row keeps only the head's title: its
//! one signer (name, NIP, rank) is gone.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SignerProfiles {
    Table,
    UserId,
    FullName,
    Nip,
    Rank,
    PositionTitle,
    Capacity,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Documents {
    Table,
    SignerUserId,
    SignerNip,
    SignerRank,
    SignerCapacity,
    VerificationCode,
    Tlp,
}

#[derive(DeriveIden)]
enum Pses {
    Table,
    Place,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    CertificateName,
}

#[derive(DeriveIden)]
enum Organization {
    Table,
    SignerName,
    SignerTitle,
    SignerNip,
    SignerRank,
    HeadTitle,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SignerProfiles::Table)
                .if_not_exists()
                .col(big_integer(SignerProfiles::UserId).primary_key())
                .col(string_len(SignerProfiles::FullName, 200))
                .col(string_len(SignerProfiles::Nip, 32))
                .col(string_len(SignerProfiles::Rank, 200))
                .col(string_len(SignerProfiles::PositionTitle, 200))
                .col(string_len(SignerProfiles::Capacity, 16))
                .col(big_integer_null(SignerProfiles::UpdatedBy))
                .col(timestamp_with_time_zone(SignerProfiles::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_signer_profiles_user")
                        .from(SignerProfiles::Table, SignerProfiles::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // SQLite takes one column per ALTER TABLE.
        for col in [
            ColumnDef::new(Documents::SignerUserId).big_integer().null().to_owned(),
            ColumnDef::new(Documents::SignerNip).string_len(32).null().to_owned(),
            ColumnDef::new(Documents::SignerRank).string_len(200).null().to_owned(),
            ColumnDef::new(Documents::SignerCapacity).string_len(16).null().to_owned(),
            ColumnDef::new(Documents::VerificationCode).string_len(16).null().to_owned(),
            ColumnDef::new(Documents::Tlp).string_len(16).null().to_owned(),
        ] {
            m.alter_table(Table::alter().table(Documents::Table).add_column(col).to_owned()).await?;
        }
        m.create_index(
            Index::create()
                .name("idx_documents_verification_code")
                .table(Documents::Table)
                .col(Documents::VerificationCode)
                .unique()
                .to_owned(),
        )
        .await?;
        // The label each earlier document was signed under is its ticket's.
        m.get_connection()
            .execute_unprepared(
                "UPDATE documents SET tlp = (SELECT tickets.tlp FROM tickets WHERE tickets.id = documents.ticket_id)",
            )
            .await?;
        m.alter_table(
            Table::alter().table(Pses::Table).add_column(ColumnDef::new(Pses::Place).string_len(200).null()).to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Tickets::Table)
                .add_column(ColumnDef::new(Tickets::CertificateName).string_len(16).not_null().default("real_name"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Organization::Table)
                .rename_column(Organization::SignerTitle, Organization::HeadTitle)
                .to_owned(),
        )
        .await?;
        for col in [Organization::SignerName, Organization::SignerNip, Organization::SignerRank] {
            m.alter_table(Table::alter().table(Organization::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [Organization::SignerName, Organization::SignerNip, Organization::SignerRank] {
            m.alter_table(
                Table::alter()
                    .table(Organization::Table)
                    .add_column(ColumnDef::new(col).string_len(200).not_null().default(""))
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table(Organization::Table)
                .rename_column(Organization::HeadTitle, Organization::SignerTitle)
                .to_owned(),
        )
        .await?;
        m.alter_table(Table::alter().table(Tickets::Table).drop_column(Tickets::CertificateName).to_owned()).await?;
        m.alter_table(Table::alter().table(Pses::Table).drop_column(Pses::Place).to_owned()).await?;
        m.drop_index(Index::drop().name("idx_documents_verification_code").table(Documents::Table).to_owned()).await?;
        for col in [
            Documents::SignerUserId,
            Documents::SignerNip,
            Documents::SignerRank,
            Documents::SignerCapacity,
            Documents::VerificationCode,
            Documents::Tlp,
        ] {
            m.alter_table(Table::alter().table(Documents::Table).drop_column(col).to_owned()).await?;
        }
        m.drop_table(Table::drop().table(SignerProfiles::Table).to_owned()).await
    }
}
