//! The words of every notification, in Indonesian first and English after, in one place.

use ttis_shared::Lang;

use crate::entities::ticket;

pub struct Rendered {
    pub subject: String,
    pub body: String,
}

const RULE: &str = "------------------------------------------------------------";

/// To the reporter, right after submission (SOP step 3).
pub fn report_receipt(agency: &str, public_url: &str, t: &ticket::Model, access_key: Option<&str>) -> Rendered {
    let key_id = match access_key {
        Some(k) => format!(
            "Kunci akses: {k}\n(Anda meminta kunci ini dikirim melalui email. Simpan baik-baik dan jangan berikan kepada siapa pun.)"
        ),
        None => "Kunci akses hanya ditampilkan satu kali saat Anda mengirim laporan dan tidak kami simpan.".to_string(),
    };
    let key_en = match access_key {
        Some(k) => {
            format!(
                "Access key: {k}\n(You asked for it to be sent by email. Keep it safe and do not share it with anyone.)"
            )
        }
        None => "The access key was shown only once, when you submitted the report; we do not keep it.".to_string(),
    };
    let body = format!(
        "Yth. {name},\n\n\
         Terima kasih. Laporan Anda telah kami terima dengan kode tiket {code}.\n\
         Judul: {title}\n\n\
         {key_id}\n\n\
         Pantau status laporan Anda di {public_url}/track dengan kode tiket dan kunci akses tersebut.\n\
         Tim Tanggap Insiden Siber (TTIS) akan memverifikasi laporan ini dalam 1 hari kerja.\n\n\
         Hormat kami,\nTTIS - {agency}\n\n{RULE}\n\n\
         Dear {name},\n\n\
         Thank you. We have received your report; its ticket code is {code}.\n\
         Title: {title}\n\n\
         {key_en}\n\n\
         Follow the status of your report at {public_url}/track with the ticket code and the access key.\n\
         The Cyber Incident Response Team (TTIS) will verify your report within 1 working day.\n",
        name = t.reporter_name,
        code = t.code,
        title = t.title,
    );
    Rendered { subject: format!("[{}] Laporan diterima / Report received", t.code), body }
}

/// To the analysts, when a report arrives. No personal data of the reporter.
pub fn new_report_alert(public_url: &str, t: &ticket::Model, category_label: &str, evidence_count: usize) -> Rendered {
    let lang = Lang::Id;
    let body = format!(
        "Laporan baru / New report: {code}\n\n\
         Judul / Title: {title}\n\
         Kategori / Category: {category_label}\n\
         Aset terdampak / Affected asset: {asset}\n\
         Masih berlangsung / Ongoing: {ongoing}\n\
         TLP: {tlp}\n\
         Bukti / Evidence: {evidence_count} {files}\n\n\
         Verifikasi dalam 1 hari kerja / Verify within 1 working day:\n\
         {public_url}/staff/tickets/{code}\n",
        code = t.code,
        title = t.title,
        asset = t.affected_asset,
        ongoing = if t.ongoing { lang.pick("ya / yes", "yes") } else { lang.pick("tidak / no", "no") },
        tlp = t.tlp.as_str().to_uppercase(),
        files = if evidence_count == 1 { "berkas / file" } else { "berkas / files" },
    );
    Rendered { subject: format!("[{}] Laporan baru / New report: {}", t.code, t.title), body }
}

/// Subject of a request for more information (step 4); the body is the analyst's question.
pub const REQUEST_INFO_SUBJECT: &str = "Permintaan informasi tambahan / Request for more information";

/// Subject of the verification's result when a report is not valid.
pub const REJECTED_SUBJECT: &str = "Hasil verifikasi laporan / Result of the verification";

/// What the reporter reads when a report is not valid and the analyst wrote no words of their own.
pub fn rejection_text(reason: ttis_shared::dto::tickets::RejectReason) -> &'static str {
    match reason {
        ttis_shared::dto::tickets::RejectReason::Duplicate => {
            "Laporan ini sama dengan laporan yang telah kami terima sebelumnya.\n\
             This report is the same as one we received earlier."
        }
        _ => {
            "Setelah kami verifikasi, laporan ini dinyatakan tidak sesuai.\n\
             After verifying it, we found that this report is not valid."
        }
    }
}

/// To the assignee, when the head returns the drafts (step 7): subject and body.
pub fn returned_for_revision(remarks: &str) -> (&'static str, String) {
    (
        "Dikembalikan untuk perbaikan / Returned for revision",
        format!("Catatan Kepala Dinas / The head's remarks:\n{remarks}"),
    )
}

/// To the assignee, when the head approves and signs (step 7): subject and body.
pub const APPROVED_NOTICE: (&str, &str) = (
    "Disetujui dan ditandatangani / Approved and signed",
    "Surat Pemberitahuan Insiden Siber dan Sertifikat Apresiasi telah disetujui dan ditandatangani. \
     / The notification letter and certificate were approved and signed.",
);
