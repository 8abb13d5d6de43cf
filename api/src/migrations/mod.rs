//! Schema migrations, one sea-query DSL for SQLite and PostgreSQL. Append new migrations; never
//! edit one that has shipped.

use sea_orm_migration::prelude::*;

mod m20261129_000001_foundation;
mod m20261129_000002_reports;
mod m20261129_000003_verification;
mod m20261129_000004_documents;
mod m20261129_000005_letters;
mod m20261129_000006_delivery;
mod m20261129_000007_sla_policy;
mod m20261129_000008_statistics;
mod m20261129_000009_security;
mod m20261129_000010_audit_sealing;
mod m20261129_000011_queue_index;
mod m20261206_000012_signers;
mod m20261206_000013_timeline_events;
mod m20261206_000014_user_roles;
mod m20261206_000015_evidence_links;
mod m20261206_000016_sla_stamp;
mod m20261206_000017_state_category_index;
mod m20261206_000018_duplicate_search_index;
mod m20261206_000019_rate_limits;
mod m20261206_000020_pdp_and_observables;
mod m20261206_000021_monitors;
mod m20261206_000022_one_unlinked_finding;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_foundation::Migration),
            Box::new(m20261129_000002_reports::Migration),
            Box::new(m20261129_000003_verification::Migration),
            Box::new(m20261129_000004_documents::Migration),
            Box::new(m20261129_000005_letters::Migration),
            Box::new(m20261129_000006_delivery::Migration),
            Box::new(m20261129_000007_sla_policy::Migration),
            Box::new(m20261129_000008_statistics::Migration),
            Box::new(m20261129_000009_security::Migration),
            Box::new(m20261129_000010_audit_sealing::Migration),
            Box::new(m20261129_000011_queue_index::Migration),
            Box::new(m20261206_000012_signers::Migration),
            Box::new(m20261206_000013_timeline_events::Migration),
            Box::new(m20261206_000014_user_roles::Migration),
            Box::new(m20261206_000015_evidence_links::Migration),
            Box::new(m20261206_000016_sla_stamp::Migration),
            Box::new(m20261206_000017_state_category_index::Migration),
            Box::new(m20261206_000018_duplicate_search_index::Migration),
            Box::new(m20261206_000019_rate_limits::Migration),
            Box::new(m20261206_000020_pdp_and_observables::Migration),
            Box::new(m20261206_000021_monitors::Migration),
            Box::new(m20261206_000022_one_unlinked_finding::Migration),
        ]
    }
}
