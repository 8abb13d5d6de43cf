//! Timeline entries become typed events: `ticket_events.event` holds the event's kind
//! (`drafts_updated`, `delivered`, `rejected_as`...) and `event_params` its parameters as a JSON
//! object, and `body` keeps only text a person wrote. Rows written before, whose bodies are
//! sentences the platform composed (`Draf surat dan sertifikat diperbarui (revisi 2)`, `Surat dan
//! sertifikat terkirim / Letter and certificate delivered`, `spam: ...`), are recognised and
//! rewritten; what is not recognised stays as it was.
//!
//! The kinds and parameters are written here as literals, not through the shared enum, so this
//! migration keeps meaning what it meant when the enum changes.

use sea_orm::{ConnectionTrait, TryGetable};
use sea_orm_migration::prelude::*;
use serde_json::{Map, Value, json};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TicketEvents {
    Table,
    Id,
    Kind,
    ToState,
    ActorLabel,
    Body,
    Event,
    EventParams,
}

/// What an old row becomes: the event's kind, its parameters, and the body left (a person's text).
#[derive(Debug, PartialEq)]
struct Recognised {
    event: &'static str,
    params: Map<String, Value>,
    body: Option<String>,
}

fn recognised(event: &'static str, params: Value, body: Option<&str>) -> Recognised {
    let params = match params {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    Recognised { event, params, body: body.map(str::trim).filter(|b| !b.is_empty()).map(str::to_string) }
}

const REJECT_REASONS: [&str; 5] = ["not_valid", "duplicate", "out_of_scope", "insufficient_information", "spam"];

/// Reads an old row's composed body (see the services before this migration).
fn recognise(kind: &str, to_state: Option<&str>, actor_label: &str, body: &str) -> Option<Recognised> {
    match kind {
        "state_change" if to_state == Some("completed") => (body.trim()
            == "Surat dan sertifikat terkirim / Letter and certificate delivered")
            .then(|| recognised("delivered", json!({}), None)),
        // `reject` wrote `<reason>` or `<reason>: <the team's words>`.
        "state_change" if to_state == Some("rejected") => {
            let (reason, rest) = match body.split_once(": ") {
                Some((reason, rest)) => (reason, Some(rest)),
                None => (body.trim(), None),
            };
            REJECT_REASONS.contains(&reason).then(|| recognised("rejected_as", json!({"reason": reason}), rest))
        }
        "note" => {
            let revision =
                body.trim().strip_prefix("Draf surat dan sertifikat diperbarui (revisi ")?.strip_suffix(')')?;
            let revision: u32 = revision.parse().ok()?;
            Some(recognised("drafts_updated", json!({"revision": revision}), None))
        }
        // The reporter's answer, with ` (+N berkas / files)` added when it brought files.
        "reply" => {
            let (text, tail) = body.rsplit_once(" (+")?;
            let files: u32 = tail.strip_suffix(" berkas / files)")?.parse().ok()?;
            Some(recognised("info_provided", json!({"files": files}), Some(text)))
        }
        "assignment" if body.ends_with(" mengambil tiket ini / claimed this ticket") => {
            Some(recognised("claimed", json!({}), None))
        }
        // `Disposisi kepada <name>[: <instruction>][ (batas <YYYY-MM-DD>)]`.
        "assignment" => {
            let rest = body.strip_prefix("Disposisi kepada ")?;
            let (rest, due) = match rest.rsplit_once(" (batas ") {
                Some((head, tail)) => match tail.strip_suffix(')') {
                    Some(day) if chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok() => (head, Some(day)),
                    _ => (rest, None),
                },
                None => (rest, None),
            };
            let (name, instruction) = match rest.split_once(": ") {
                Some((name, instruction)) => (name, Some(instruction)),
                None => (rest, None),
            };
            let mut params = json!({"assignee": name.trim()});
            if let Some(day) = due {
                params["due_date"] = json!(day);
            }
            Some(recognised("assigned", params, instruction))
        }
        // `PSE mengonfirmasi penerimaan surat[ dan menyatakan celah telah diperbaiki][ (<name>)][: <note>]`,
        // where the name is also the row's author.
        "acknowledgement" => {
            let rest = body.strip_prefix("PSE mengonfirmasi penerimaan surat")?;
            let (fixed, rest) = match rest.strip_prefix(" dan menyatakan celah telah diperbaiki") {
                Some(rest) => (true, rest),
                None => (false, rest),
            };
            let named = format!(" ({actor_label})");
            let rest = rest.strip_prefix(named.as_str()).unwrap_or(rest);
            let note = match rest {
                "" => None,
                _ => Some(rest.strip_prefix(": ")?),
            };
            Some(recognised("acknowledged", json!({"fixed": fixed}), note))
        }
        _ => None,
    }
}

fn get<T: TryGetable>(row: &sea_orm::QueryResult, column: &str) -> Result<T, DbErr> {
    row.try_get("", column)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        m.alter_table(
            Table::alter()
                .table(TicketEvents::Table)
                .add_column(ColumnDef::new(TicketEvents::Event).string_len(32).null())
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(TicketEvents::Table)
                .add_column(ColumnDef::new(TicketEvents::EventParams).text().null())
                .to_owned(),
        )
        .await?;

        let db = m.get_connection();
        let backend = db.get_database_backend();
        let select = Query::select()
            .columns([
                TicketEvents::Id,
                TicketEvents::Kind,
                TicketEvents::ToState,
                TicketEvents::ActorLabel,
                TicketEvents::Body,
            ])
            .from(TicketEvents::Table)
            .and_where(Expr::col(TicketEvents::Body).is_not_null())
            .and_where(Expr::col(TicketEvents::Kind).is_in([
                "state_change",
                "note",
                "reply",
                "assignment",
                "acknowledgement",
            ]))
            .to_owned();
        for row in db.query_all(backend.build(&select)).await? {
            let id: i64 = get(&row, "id")?;
            let kind: String = get(&row, "kind")?;
            let to_state: Option<String> = get(&row, "to_state")?;
            let actor_label: String = get(&row, "actor_label")?;
            let body: Option<String> = get(&row, "body")?;
            let Some(found) = body.as_deref().and_then(|b| recognise(&kind, to_state.as_deref(), &actor_label, b))
            else {
                continue;
            };
            let params = (!found.params.is_empty()).then(|| Value::Object(found.params).to_string());
            let update = Query::update()
                .table(TicketEvents::Table)
                .values([
                    (TicketEvents::Event, found.event.into()),
                    (TicketEvents::EventParams, params.into()),
                    (TicketEvents::Body, found.body.into()),
                ])
                .and_where(Expr::col(TicketEvents::Id).eq(id))
                .to_owned();
            db.execute(backend.build(&update)).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(TicketEvents::Table).drop_column(TicketEvents::EventParams).to_owned())
            .await?;
        m.alter_table(Table::alter().table(TicketEvents::Table).drop_column(TicketEvents::Event).to_owned()).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: &str, to: Option<&str>, author: &str, body: &str) -> Option<(&'static str, Value, Option<String>)> {
        recognise(kind, to, author, body).map(|r| (r.event, Value::Object(r.params), r.body))
    }

    #[test]
    fn the_sentences_the_services_wrote_are_recognised() {
        let delivered = "Surat dan sertifikat terkirim / Letter and certificate delivered";
        assert_eq!(event("state_change", Some("completed"), "sistem", delivered), Some(("delivered", json!({}), None)));
        assert_eq!(
            event("state_change", Some("rejected"), "Sari", "spam"),
            Some(("rejected_as", json!({"reason": "spam"}), None))
        );
        assert_eq!(
            event(
                "state_change",
                Some("rejected"),
                "Sari",
                "duplicate: Sama dengan laporan kemarin: lihat TTIS-2026-000001."
            ),
            Some((
                "rejected_as",
                json!({"reason": "duplicate"}),
                Some("Sama dengan laporan kemarin: lihat TTIS-2026-000001.".into())
            ))
        );
        assert_eq!(
            event("note", None, "Sari", "Draf surat dan sertifikat diperbarui (revisi 12)"),
            Some(("drafts_updated", json!({"revision": 12}), None))
        );
        assert_eq!(
            event("reply", None, "reporter", "Ini tangkapan layarnya.\n(+2 berkas) (+2 berkas / files)"),
            Some(("info_provided", json!({"files": 2}), Some("Ini tangkapan layarnya.\n(+2 berkas)".into())))
        );
        assert_eq!(
            event("assignment", None, "Sari", "Sari mengambil tiket ini / claimed this ticket"),
            Some(("claimed", json!({}), None))
        );
        assert_eq!(
            event("assignment", None, "Kadis", "Disposisi kepada Budi: Segera cek: hubungi PSE (batas 2026-12-01)"),
            Some((
                "assigned",
                json!({"assignee": "Budi", "due_date": "2026-12-01"}),
                Some("Segera cek: hubungi PSE".into())
            ))
        );
        assert_eq!(
            event("assignment", None, "Kadis", "Disposisi kepada Budi"),
            Some(("assigned", json!({"assignee": "Budi"}), None))
        );
        assert_eq!(
            event(
                "acknowledgement",
                None,
                "Admin TIK",
                "PSE mengonfirmasi penerimaan surat dan menyatakan celah telah diperbaiki (Admin TIK): Sudah dipulihkan."
            ),
            Some(("acknowledged", json!({"fixed": true}), Some("Sudah dipulihkan.".into())))
        );
        assert_eq!(
            event("acknowledgement", None, "PSE", "PSE mengonfirmasi penerimaan surat"),
            Some(("acknowledged", json!({"fixed": false}), None))
        );
    }

    #[test]
    fn what_people_wrote_is_left_alone() {
        assert_eq!(event("note", None, "Sari", "Draf sudah saya periksa."), None);
        assert_eq!(event("reply", None, "reporter", "Tidak ada berkas lain."), None);
        assert_eq!(event("state_change", Some("needs_info"), "Sari", "spam: apakah ini?"), None);
        assert_eq!(event("state_change", Some("rejected"), "Sari", "bukan alasan: teks"), None);
        assert_eq!(event("message", None, "Sari", "spam"), None);
    }
}
