//! Exports: CSV of the filtered ticket list and of the statistics (UTF-8 with a byte-order mark
//! so spreadsheet programs read the characters right; `,` or `;` between fields), and the monthly
//! recap PDF (*Rekapitulasi Laporan Insiden Siber*) for the head to sign and send upward.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use ttis_shared::Lang;
use ttis_shared::dto::signers::SigningCapacity;
use ttis_shared::dto::stats::{Stats, StatsQuery};
use ttis_shared::dto::tickets::TicketQuery;

use super::clock::Clock;
use super::{organization, stats};
use crate::documents::{Inputs, dates};
use crate::entities::{category, pse, user};
use crate::error::ApiError;
use crate::state::AppState;

/// A CSV document being written.
pub struct Csv {
    sep: char,
    out: String,
}

impl Csv {
    pub fn new(semicolon: bool) -> Csv {
        Csv { sep: if semicolon { ';' } else { ',' }, out: String::from('\u{feff}') }
    }

    pub fn row<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, fields: I) {
        let mut first = true;
        for f in fields {
            if !first {
                self.out.push(self.sep);
            }
            first = false;
            let f = f.as_ref();
            // Formula injection: a leading = + - @ would run as a formula in a spreadsheet.
            let guarded = if f.starts_with(['=', '+', '-', '@']) { format!("'{f}") } else { f.to_string() };
            if guarded.contains([self.sep, '"', '\n', '\r']) {
                self.out.push('"');
                self.out.push_str(&guarded.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(&guarded);
            }
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

fn local(clock: &Clock, at: DateTime<Utc>) -> String {
    clock.local(at).format("%Y-%m-%d %H:%M").to_string()
}

/// The filtered queue as CSV, every page of it.
pub async fn tickets_csv(
    db: &DatabaseConnection,
    clock: &Clock,
    q: &TicketQuery,
    semicolon: bool,
) -> Result<String, ApiError> {
    let at = clock.now();
    // Every page is exported, but the paging parameters must still make sense.
    super::tickets::paging(q)?;
    let categories: std::collections::HashMap<String, String> =
        category::Entity::find().all(db).await?.into_iter().map(|c| (c.code, c.label_id)).collect();
    let pses: std::collections::HashMap<i64, String> =
        pse::Entity::find().all(db).await?.into_iter().map(|p| (p.id, p.name)).collect();
    let users: std::collections::HashMap<i64, String> =
        user::Entity::find().all(db).await?.into_iter().map(|u| (u.id, u.name)).collect();
    let mut csv = Csv::new(semicolon);
    csv.row([
        "kode_tiket",
        "diterima",
        "judul",
        "kategori",
        "tingkat_keparahan",
        "status",
        "pse",
        "penanggung_jawab",
        "pelapor",
        "jenis_pelapor",
        "kanal",
        "tlp",
        "batas_waktu",
        "terlambat",
    ]);
    let mut pages = super::tickets::select(q, at)?.paginate(db, 1000);
    while let Some(rows) = pages.fetch_and_next().await? {
        for t in rows {
            let state = t.state;
            let overdue = t.due_at.is_some_and(|d| at > d) && !state.is_terminal() && !state.sla_paused();
            csv.row([
                t.code.clone(),
                local(clock, t.submitted_at),
                t.title.clone(),
                categories.get(&t.category_code).cloned().unwrap_or(t.category_code.clone()),
                t.severity.map(|s| s.as_str().to_string()).unwrap_or_default(),
                state.label(Lang::Id).to_string(),
                t.pse_id.and_then(|id| pses.get(&id).cloned()).unwrap_or_default(),
                t.assignee_id.and_then(|id| users.get(&id).cloned()).unwrap_or_default(),
                t.reporter_name.clone(),
                t.reporter_type.as_str().to_string(),
                t.channel.as_str().to_string(),
                t.tlp.as_str().to_uppercase(),
                t.due_at.map(|d| local(clock, d)).unwrap_or_default(),
                if overdue { "ya".into() } else { "tidak".into() },
            ]);
        }
    }
    Ok(csv.finish())
}

/// The statistics as CSV: one section per table, `bagian;kunci;label;jumlah`.
pub fn stats_csv(s: &Stats, semicolon: bool) -> String {
    let mut csv = Csv::new(semicolon);
    csv.row(["bagian", "kunci", "label", "jumlah"]);
    csv.row(["periode", &s.from.to_string(), &s.to.to_string(), &s.total.to_string()]);
    for m in &s.per_month {
        csv.row(["per_bulan", m.month.as_str(), "", &m.total.to_string()]);
    }
    for (section, items) in [
        ("kategori", &s.by_category),
        ("tingkat_keparahan", &s.by_severity),
        ("jenis_pelapor", &s.by_reporter_type),
        ("hasil", &s.outcomes),
        ("umur_tiket_terbuka", &s.open_by_age),
        ("pse_teratas", &s.top_pses),
    ] {
        for k in items {
            let label = k.label.as_ref().map(|l| l.id.clone()).unwrap_or_default();
            csv.row([section, k.key.as_str(), label.as_str(), &k.count.to_string()]);
        }
    }
    for st in &s.steps {
        let share = st.within_standard.map(|w| format!("{:.1}%", w * 100.0)).unwrap_or_default();
        csv.row(["langkah_jumlah", &st.step.to_string(), st.label.id.as_str(), &st.count.to_string()]);
        csv.row([
            "langkah_median_detik",
            &st.step.to_string(),
            "",
            &st.median_seconds.map(|v| v.to_string()).unwrap_or_default(),
        ]);
        csv.row([
            "langkah_p90_detik",
            &st.step.to_string(),
            "",
            &st.p90_seconds.map(|v| v.to_string()).unwrap_or_default(),
        ]);
        csv.row(["langkah_sesuai_standar", &st.step.to_string(), "", share.as_str()]);
    }
    csv.finish()
}

const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

fn duration(seconds: Option<i64>) -> String {
    match seconds {
        None => "-".into(),
        Some(s) if s < 3600 => format!("{} menit", (s + 59) / 60),
        Some(s) if s < 86_400 => format!("{} jam {} menit", s / 3600, (s % 3600) / 60),
        Some(s) => format!("{} hari {} jam", s / 86_400, (s % 86_400) / 3600),
    }
}

/// The monthly recap PDF of `month` (`YYYY-MM`).
pub async fn recap_pdf(state: &AppState, month: &str) -> Result<Vec<u8>, ApiError> {
    let first = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .map_err(|_| ApiError::InvalidParameter("month: YYYY-MM".into()))?;
    let last = first.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(first);
    let s = stats::compute(
        &state.db,
        &state.clock,
        &StatsQuery { from: Some(first), to: Some(last), category: None, pse: None },
    )
    .await?;
    let org = organization::current(&state.db).await?;
    let count_of = |key: &str| {
        s.outcomes
            .iter()
            .filter(|o| o.key == key || o.key.starts_with(&format!("{key}:")))
            .map(|o| o.count)
            .sum::<u64>()
    };
    let label =
        |k: &ttis_shared::dto::stats::KeyCount| k.label.as_ref().map(|l| l.id.clone()).unwrap_or_else(|| k.key.clone());
    let pairs = |items: &[ttis_shared::dto::stats::KeyCount]| -> Vec<String> {
        items.iter().flat_map(|k| [label(k), k.count.to_string()]).collect()
    };
    let steps: Vec<String> = s
        .steps
        .iter()
        .flat_map(|st| {
            [
                format!("{}. {}", st.step, st.label.id),
                st.count.to_string(),
                duration(st.median_seconds),
                duration(st.p90_seconds),
                st.within_standard.map(|w| format!("{:.0}%", w * 100.0)).unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    let month_name = format!("{} {}", MONTHS.get(first.month0() as usize).copied().unwrap_or(""), first.year());
    let inputs: Inputs = organization::letterhead(&org)
        .text("month", month_name)
        .text("period", format!("{} s.d. {}", dates::indonesian(first), dates::indonesian(last)))
        .text("total", s.total.to_string())
        .text("valid", count_of("valid").to_string())
        .text("rejected", count_of("rejected").to_string())
        .text("open", count_of("open").to_string())
        .list("categories", pairs(&s.by_category))
        .list("severities", pairs(&s.by_severity))
        .list("outcomes", pairs(&s.outcomes))
        .list("pses", pairs(&s.top_pses))
        .list("steps", steps)
        .text("date", dates::indonesian(state.clock.local_now().date_naive()))
        .text("tlp", "amber")
        .text("code", format!("REKAP-{month}"))
        // Printed for the head to sign by hand: the title, and a line for the name.
        .list(
            "signer_lines",
            ttis_shared::dto::signers::signature_lines(SigningCapacity::Definitive, "", &org.head_title),
        )
        .text("signer_name", "")
        .text("signer_rank", "")
        .text("signer_nip", "");
    let documents = state.documents.clone();
    tokio::task::spawn_blocking(move || documents.recap.render(inputs))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("render task: {e}")))?
        .map_err(ApiError::Internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_guards_and_marks_utf8() {
        let mut csv = Csv::new(true);
        csv.row(["kode", "nama"]);
        csv.row(["TTIS-1", "José Núñez; \"Pepe\""]);
        csv.row(["=HYPERLINK(\"x\")", "Siti Nurhaliza"]);
        let out = csv.finish();
        assert!(out.starts_with('\u{feff}'));
        assert_eq!(
            out.trim_start_matches('\u{feff}'),
            "kode;nama\r\nTTIS-1;\"José Núñez; \"\"Pepe\"\"\"\r\n\"'=HYPERLINK(\"\"x\"\")\";Siti Nurhaliza\r\n"
        );
    }
}
