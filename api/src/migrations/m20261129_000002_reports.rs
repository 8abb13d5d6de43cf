//! Public reporting: categories, tickets, their timeline and evidence, counters, idempotency,
//! the outbox, duplicate hints and spent proof-of-work challenges.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Categories {
    Table,
    Code,
    ParentCode,
    LabelId,
    LabelEn,
    SortOrder,
    Retired,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    Id,
    Code,
    Year,
    Seq,
    Kind,
    Title,
    CategoryCode,
    AffectedAsset,
    AffectedHost,
    DiscoveredAt,
    Description,
    StepsToReproduce,
    Impact,
    Ongoing,
    PersonalDataInvolved,
    Tlp,
    CvssVector,
    CvssScore,
    State,
    StateEnteredAt,
    AccessKeyHash,
    ReporterName,
    ReporterEmail,
    ReporterPhone,
    ReporterOrganization,
    ReporterType,
    HallOfFame,
    HallOfFameAlias,
    EmailAccessKey,
    Channel,
    Severity,
    AssigneeId,
    PseId,
    DuplicateOfId,
    SubmittedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum TicketEvents {
    Table,
    Id,
    TicketId,
    At,
    Kind,
    FromState,
    ToState,
    ActorUserId,
    ActorLabel,
    Body,
    Public,
}

#[derive(DeriveIden)]
enum Evidence {
    Table,
    Id,
    TicketId,
    StorageKey,
    FileName,
    ContentType,
    Size,
    Sha256,
    MetadataStripped,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum Counters {
    Table,
    Name,
    Value,
}

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
    Key,
    RequestHash,
    TicketId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    Kind,
    ToAddrs,
    Subject,
    Body,
    DedupeKey,
    TicketId,
    Status,
    Attempts,
    NextAttemptAt,
    LockedUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum DuplicateHints {
    Table,
    TicketId,
    CandidateId,
    Reason,
}

#[derive(DeriveIden)]
enum UsedChallenges {
    Table,
    ChallengeHash,
    ExpiresAt,
}

fn index(name: &str, table: impl IntoIden + 'static, cols: Vec<impl IntoIden + 'static>) -> IndexCreateStatement {
    let mut idx = Index::create();
    idx.name(name).table(table);
    for c in cols {
        idx.col(c);
    }
    idx.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Categories::Table)
                .if_not_exists()
                .col(string_len(Categories::Code, 64).primary_key())
                .col(string_len_null(Categories::ParentCode, 64))
                .col(string_len(Categories::LabelId, 120))
                .col(string_len(Categories::LabelEn, 120))
                .col(integer(Categories::SortOrder))
                .col(boolean(Categories::Retired).default(false))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Tickets::Table)
                .if_not_exists()
                .col(big_integer(Tickets::Id).auto_increment().primary_key())
                .col(string_len_uniq(Tickets::Code, 32))
                .col(integer(Tickets::Year))
                .col(big_integer(Tickets::Seq))
                .col(string_len(Tickets::Kind, 16))
                .col(string_len(Tickets::Title, 200))
                .col(string_len(Tickets::CategoryCode, 64))
                .col(string_len(Tickets::AffectedAsset, 500))
                .col(string_len_null(Tickets::AffectedHost, 255))
                .col(timestamp_with_time_zone(Tickets::DiscoveredAt))
                .col(text(Tickets::Description))
                .col(text_null(Tickets::StepsToReproduce))
                .col(text_null(Tickets::Impact))
                .col(boolean(Tickets::Ongoing))
                .col(boolean(Tickets::PersonalDataInvolved))
                .col(string_len(Tickets::Tlp, 16))
                .col(string_len_null(Tickets::CvssVector, 200))
                .col(double_null(Tickets::CvssScore))
                .col(string_len(Tickets::State, 32))
                .col(timestamp_with_time_zone(Tickets::StateEnteredAt))
                .col(string_len(Tickets::AccessKeyHash, 64))
                .col(string_len(Tickets::ReporterName, 120))
                .col(string_len(Tickets::ReporterEmail, 254))
                .col(string_len_null(Tickets::ReporterPhone, 32))
                .col(string_len_null(Tickets::ReporterOrganization, 200))
                .col(string_len(Tickets::ReporterType, 32))
                .col(string_len(Tickets::HallOfFame, 16))
                .col(string_len_null(Tickets::HallOfFameAlias, 60))
                .col(boolean(Tickets::EmailAccessKey))
                .col(string_len(Tickets::Channel, 32))
                .col(string_len_null(Tickets::Severity, 16))
                .col(big_integer_null(Tickets::AssigneeId))
                .col(big_integer_null(Tickets::PseId))
                .col(big_integer_null(Tickets::DuplicateOfId))
                .col(timestamp_with_time_zone(Tickets::SubmittedAt))
                .col(timestamp_with_time_zone(Tickets::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_tickets_state", Tickets::Table, vec![Tickets::State, Tickets::StateEnteredAt]))
            .await?;
        m.create_index(index("idx_tickets_host", Tickets::Table, vec![Tickets::AffectedHost, Tickets::CategoryCode]))
            .await?;
        m.create_index(index("idx_tickets_submitted", Tickets::Table, vec![Tickets::SubmittedAt])).await?;
        m.create_table(
            Table::create()
                .table(TicketEvents::Table)
                .if_not_exists()
                .col(big_integer(TicketEvents::Id).auto_increment().primary_key())
                .col(big_integer(TicketEvents::TicketId))
                .col(timestamp_with_time_zone(TicketEvents::At))
                .col(string_len(TicketEvents::Kind, 32))
                .col(string_len_null(TicketEvents::FromState, 32))
                .col(string_len_null(TicketEvents::ToState, 32))
                .col(big_integer_null(TicketEvents::ActorUserId))
                .col(string_len(TicketEvents::ActorLabel, 254))
                .col(text_null(TicketEvents::Body))
                .col(boolean(TicketEvents::Public))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_events_ticket")
                        .from(TicketEvents::Table, TicketEvents::TicketId)
                        .to(Tickets::Table, Tickets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_events_ticket", TicketEvents::Table, vec![TicketEvents::TicketId, TicketEvents::At]))
            .await?;
        m.create_table(
            Table::create()
                .table(Evidence::Table)
                .if_not_exists()
                .col(big_integer(Evidence::Id).auto_increment().primary_key())
                .col(big_integer(Evidence::TicketId))
                .col(string_len_uniq(Evidence::StorageKey, 64))
                .col(string_len(Evidence::FileName, 255))
                .col(string_len(Evidence::ContentType, 64))
                .col(big_integer(Evidence::Size))
                .col(string_len(Evidence::Sha256, 64))
                .col(boolean(Evidence::MetadataStripped))
                .col(string_len(Evidence::UploadedBy, 32))
                .col(timestamp_with_time_zone(Evidence::UploadedAt))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_evidence_ticket")
                        .from(Evidence::Table, Evidence::TicketId)
                        .to(Tickets::Table, Tickets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_evidence_ticket", Evidence::Table, vec![Evidence::TicketId])).await?;
        m.create_table(
            Table::create()
                .table(Counters::Table)
                .if_not_exists()
                .col(string_len(Counters::Name, 64).primary_key())
                .col(big_integer(Counters::Value))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(IdempotencyKeys::Table)
                .if_not_exists()
                .col(string_len(IdempotencyKeys::Key, 128).primary_key())
                .col(string_len(IdempotencyKeys::RequestHash, 64))
                .col(big_integer(IdempotencyKeys::TicketId))
                .col(timestamp_with_time_zone(IdempotencyKeys::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Outbox::Table)
                .if_not_exists()
                .col(big_integer(Outbox::Id).auto_increment().primary_key())
                .col(string_len(Outbox::Kind, 16))
                .col(text(Outbox::ToAddrs))
                .col(string_len(Outbox::Subject, 300))
                .col(text(Outbox::Body))
                .col(string_len_null(Outbox::DedupeKey, 128).unique_key())
                .col(big_integer_null(Outbox::TicketId))
                .col(string_len(Outbox::Status, 16))
                .col(integer(Outbox::Attempts))
                .col(timestamp_with_time_zone(Outbox::NextAttemptAt))
                .col(timestamp_with_time_zone_null(Outbox::LockedUntil))
                .col(text_null(Outbox::LastError))
                .col(timestamp_with_time_zone(Outbox::CreatedAt))
                .col(timestamp_with_time_zone_null(Outbox::SentAt))
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_outbox_due", Outbox::Table, vec![Outbox::Status, Outbox::NextAttemptAt])).await?;
        m.create_table(
            Table::create()
                .table(DuplicateHints::Table)
                .if_not_exists()
                .col(big_integer(DuplicateHints::TicketId))
                .col(big_integer(DuplicateHints::CandidateId))
                .col(string_len(DuplicateHints::Reason, 64))
                .primary_key(Index::create().col(DuplicateHints::TicketId).col(DuplicateHints::CandidateId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(UsedChallenges::Table)
                .if_not_exists()
                .col(string_len(UsedChallenges::ChallengeHash, 64).primary_key())
                .col(timestamp_with_time_zone(UsedChallenges::ExpiresAt))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            UsedChallenges::Table.into_iden(),
            DuplicateHints::Table.into_iden(),
            Outbox::Table.into_iden(),
            IdempotencyKeys::Table.into_iden(),
            Counters::Table.into_iden(),
            Evidence::Table.into_iden(),
            TicketEvents::Table.into_iden(),
            Tickets::Table.into_iden(),
            Categories::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
