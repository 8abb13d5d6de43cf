//! Letters and certificates (SOP steps 5-7): organisation settings, editable drafts, the keys that
//! sign final documents, and the numbering, signature and revocation of each document.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
    GovernmentName,
    AgencyName,
    Address,
    Phone,
    Email,
    Website,
    City,
    SignerName,
    SignerTitle,
    SignerNip,
    SignerRank,
    LetterNumberPattern,
    CertificateNumberPattern,
    Logo,
    LogoContentType,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Drafts {
    Table,
    TicketId,
    Content,
    Revision,
    Remarks,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SigningKeys {
    Table,
    KeyId,
    Algorithm,
    PublicKey,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Documents {
    Table,
    Kind,
    Status,
    Number,
    DraftRevision,
    Subject,
    Signature,
    SignatureAlg,
    KeyId,
    SignerName,
    SignerTitle,
    SignedAt,
    RevokedAt,
    RevokedReason,
    RevokedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Organization::Table)
                .if_not_exists()
                .col(integer(Organization::Id).primary_key())
                .col(string_len(Organization::GovernmentName, 200))
                .col(string_len(Organization::AgencyName, 200))
                .col(string_len(Organization::Address, 200))
                .col(string_len(Organization::Phone, 200))
                .col(string_len(Organization::Email, 254))
                .col(string_len(Organization::Website, 200))
                .col(string_len(Organization::City, 200))
                .col(string_len(Organization::SignerName, 200))
                .col(string_len(Organization::SignerTitle, 200))
                .col(string_len(Organization::SignerNip, 200))
                .col(string_len(Organization::SignerRank, 200))
                .col(string_len(Organization::LetterNumberPattern, 200))
                .col(string_len(Organization::CertificateNumberPattern, 200))
                .col(blob_null(Organization::Logo))
                .col(string_len_null(Organization::LogoContentType, 64))
                .col(big_integer_null(Organization::UpdatedBy))
                .col(timestamp_with_time_zone(Organization::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Drafts::Table)
                .if_not_exists()
                .col(big_integer(Drafts::TicketId).primary_key())
                .col(text(Drafts::Content))
                .col(integer(Drafts::Revision))
                .col(text_null(Drafts::Remarks))
                .col(big_integer_null(Drafts::UpdatedBy))
                .col(timestamp_with_time_zone(Drafts::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SigningKeys::Table)
                .if_not_exists()
                .col(string_len(SigningKeys::KeyId, 64).primary_key())
                .col(string_len(SigningKeys::Algorithm, 32))
                .col(text(SigningKeys::PublicKey))
                .col(timestamp_with_time_zone(SigningKeys::CreatedAt))
                .to_owned(),
        )
        .await?;
        // SQLite alters one column per statement.
        for column in [
            string_len(Documents::Status, 16).default("draft").to_owned(),
            string_len_null(Documents::Number, 200),
            integer_null(Documents::DraftRevision),
            text_null(Documents::Subject),
            text_null(Documents::Signature),
            string_len_null(Documents::SignatureAlg, 32),
            string_len_null(Documents::KeyId, 64),
            string_len_null(Documents::SignerName, 200),
            string_len_null(Documents::SignerTitle, 200),
            timestamp_with_time_zone_null(Documents::SignedAt),
            timestamp_with_time_zone_null(Documents::RevokedAt),
            text_null(Documents::RevokedReason),
            big_integer_null(Documents::RevokedBy),
        ] {
            m.alter_table(Table::alter().table(Documents::Table).add_column(column).to_owned()).await?;
        }
        // The analysis report is a record, issued as it is rendered.
        m.exec_stmt(
            Query::update()
                .table(Documents::Table)
                .value(Documents::Status, "final")
                .and_where(Expr::col(Documents::Kind).eq("analysis_report"))
                .to_owned(),
        )
        .await?;
        // A number is never issued twice (both databases allow many NULLs in a unique index).
        m.create_index(
            Index::create()
                .name("idx_documents_kind_number")
                .table(Documents::Table)
                .col(Documents::Kind)
                .col(Documents::Number)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("idx_documents_kind_number").table(Documents::Table).to_owned()).await?;
        for column in [
            Documents::Status,
            Documents::Number,
            Documents::DraftRevision,
            Documents::Subject,
            Documents::Signature,
            Documents::SignatureAlg,
            Documents::KeyId,
            Documents::SignerName,
            Documents::SignerTitle,
            Documents::SignedAt,
            Documents::RevokedAt,
            Documents::RevokedReason,
            Documents::RevokedBy,
        ] {
            m.alter_table(Table::alter().table(Documents::Table).drop_column(column).to_owned()).await?;
        }
        m.drop_table(Table::drop().table(SigningKeys::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Drafts::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Organization::Table).to_owned()).await
    }
}
