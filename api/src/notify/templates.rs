//! The words of every notification the server sends (SOP steps 3-9), in Indonesian first and
//! English after, in one place: to the reporter, to the staff (analysts, the assignee, the heads)
//! and to the PSE. Each function takes the values it needs and returns the subject and the body;
//! the services decide whom to send them to and when, and queue them in the outbox
//! (`services::outbox`). A message the team writes to the reporter is framed here too.

use chrono::NaiveDate;
use ttis_shared::Lang;
use ttis_shared::dto::tickets::{Priority, RejectReason};

use crate::entities::ticket;

/// A notification's words: the subject line and the plain-text body.
pub struct Rendered {
    pub subject: String,
    pub body: String,
}

const RULE: &str = "------------------------------------------------------------";

// To the reporter.

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

/// The frame of a message to the reporter: the greeting, the words, the ticket's code and where to
/// reply or follow the report.
fn to_reporter(agency: &str, public_url: &str, t: &ticket::Model, subject: &str, words: &str) -> Rendered {
    let body = format!(
        "Yth. {name} / Dear {name},\n\n{words}\n\nKode tiket / Ticket code: {code}\n\
         Balas atau pantau laporan Anda di / Reply or follow your report at: {public_url}/track\n\n\
         Tim Tanggap Insiden Siber (TTIS)\n{agency}\n",
        name = t.reporter_name,
        code = t.code,
    );
    Rendered { subject: format!("[{}] {subject}", t.code), body }
}

/// To the reporter, when the team asks for more information (step 4); the words are the analyst's question.
pub fn info_requested(agency: &str, public_url: &str, t: &ticket::Model, question: &str) -> Rendered {
    to_reporter(agency, public_url, t, "Permintaan informasi tambahan / Request for more information", question)
}

/// To the reporter, when a report is not valid (step 4): the analyst's words, or a standard text
/// for the reason when they wrote none.
pub fn rejected(
    agency: &str,
    public_url: &str,
    t: &ticket::Model,
    reason: RejectReason,
    words: Option<&str>,
) -> Rendered {
    let words = words.unwrap_or_else(|| rejection_text(reason));
    to_reporter(agency, public_url, t, "Hasil verifikasi laporan / Result of the verification", words)
}

/// What the reporter reads when a report is not valid and the analyst wrote no words of their own.
fn rejection_text(reason: RejectReason) -> &'static str {
    match reason {
        RejectReason::Duplicate => {
            "Laporan ini sama dengan laporan yang telah kami terima sebelumnya.\n\
             This report is the same as one we received earlier."
        }
        _ => {
            "Setelah kami verifikasi, laporan ini dinyatakan tidak sesuai.\n\
             After verifying it, we found that this report is not valid."
        }
    }
}

/// To the reporter, a message the team writes on the ticket.
pub fn team_message(agency: &str, public_url: &str, t: &ticket::Model, message: &str) -> Rendered {
    to_reporter(agency, public_url, t, "Pesan dari Tim TTIS / Message from the TTIS team", message)
}

/// To the reporter, once the head has approved (step 9): thanks, with the signed certificate
/// attached and the letter too when `with_letter` (its TLP allows it).
pub fn documents_to_reporter(agency: &str, public_url: &str, t: &ticket::Model, with_letter: bool) -> Rendered {
    let body = format!(
        "Yth. {name},\n\nTerima kasih atas laporan Anda. Laporan dengan kode tiket {code} telah diverifikasi \
         dan diteruskan kepada penyelenggara sistem elektronik yang terdampak, dan Anda dicantumkan di Hall of \
         Fame sesuai pilihan Anda.\n\
         Terlampir Sertifikat Apresiasi{letter} yang telah ditandatangani secara elektronik; keasliannya dapat \
         diperiksa melalui kode QR pada dokumen.{withheld}\n\n\
         Dear {name},\n\nThank you for your report. Your report (ticket {code}) has been verified and passed on \
         to the operator of the affected system, and you are listed in the Hall of Fame as you chose. Your \
         electronically signed certificate of appreciation{letter_en} attached; the QR code on each document \
         leads to the page that verifies it.{withheld_en}\n\n{url}/track\n\nTim Tanggap Insiden Siber (TTIS)\n{agency}\n",
        name = t.reporter_name,
        code = t.code,
        letter = if with_letter { " dan Surat Pemberitahuan Insiden Siber" } else { "" },
        letter_en = if with_letter { " and the notification letter are" } else { " is" },
        withheld = if with_letter {
            String::new()
        } else {
            format!(
                " Surat Pemberitahuan Insiden Siber kepada penyelenggara sistem berlabel TLP:{} sehingga hanya \
                 dikirimkan kepada penyelenggara tersebut.",
                t.tlp.as_str().to_uppercase()
            )
        },
        withheld_en = if with_letter {
            String::new()
        } else {
            format!(
                " The notification letter to the system's operator is labelled TLP:{}, so it goes to the \
                 operator only.",
                t.tlp.as_str().to_uppercase()
            )
        },
        url = public_url,
    );
    Rendered { subject: format!("[{}] Terima kasih atas laporan Anda / Thank you for your report", t.code), body }
}
// To the staff.

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

/// To the assignee, when the reporter answers a request for information (step 4).
pub fn reporter_answered(public_url: &str, t: &ticket::Model, answer: &str, new_files: usize) -> Rendered {
    let body = format!(
        "Pelapor menjawab permintaan informasi pada tiket {code}.\n\
         The reporter answered the request for information on ticket {code}.\n\n{answer}\n\n{files}{url}/staff/tickets/{code}\n",
        code = t.code,
        files = match new_files {
            0 => String::new(),
            n => format!("Berkas bukti baru / New evidence files: {n}\n\n"),
        },
        url = public_url,
    );
    Rendered { subject: format!("[{}] Pelapor menjawab / The reporter answered", t.code), body }
}

/// To the analyst a ticket is assigned to (a disposition), by someone else.
pub fn assigned(
    public_url: &str,
    code: &str,
    assigned_by: &str,
    instruction: Option<&str>,
    priority: Option<Priority>,
    due_date: Option<NaiveDate>,
) -> Rendered {
    let mut body =
        format!("{0} mendisposisikan tiket {code} kepada Anda.\n{0} assigned ticket {code} to you.\n", assigned_by);
    if let Some(i) = instruction {
        body.push_str(&format!("\nInstruksi / Instruction:\n{i}\n"));
    }
    if let Some(p) = priority {
        let (id, en) = match p {
            Priority::Biasa => ("Biasa", "Normal"),
            Priority::Segera => ("Segera", "Urgent"),
            Priority::SangatSegera => ("Sangat segera", "Most urgent"),
        };
        body.push_str(&format!("\nSifat / Priority: {id} / {en}\n"));
    }
    if let Some(d) = due_date {
        body.push_str(&format!("Batas waktu / Due date: {}\n", d.format("%Y-%m-%d")));
    }
    Rendered {
        subject: format!("[{code}] Disposisi / Assignment"),
        body: format!("{body}\n{public_url}/staff/tickets/{code}\n"),
    }
}

/// To every head, when the drafts are submitted for approval (step 6).
pub fn awaiting_approval(public_url: &str, t: &ticket::Model) -> Rendered {
    let body = format!(
        "Surat Pemberitahuan Insiden Siber dan Sertifikat Apresiasi untuk tiket {code} telah diajukan untuk \
         disetujui dan ditandatangani.\nThe notification letter and the certificate of appreciation for ticket \
         {code} await your approval and signature.\n\n{url}/staff/approvals\n",
        code = t.code,
        url = public_url,
    );
    Rendered { subject: format!("[{}] Menunggu persetujuan / Awaiting your approval", t.code), body }
}

/// The frame of a message to the ticket's assignee about the head's decision, with the ticket's link.
fn to_assignee(public_url: &str, t: &ticket::Model, subject: &str, words: &str) -> Rendered {
    Rendered {
        subject: format!("[{}] {subject}", t.code),
        body: format!("{words}\n\n{public_url}/staff/tickets/{}\n", t.code),
    }
}

/// To the assignee, when the head returns the drafts (step 7), with the head's remarks.
pub fn returned_for_revision(public_url: &str, t: &ticket::Model, remarks: &str) -> Rendered {
    to_assignee(
        public_url,
        t,
        "Dikembalikan untuk perbaikan / Returned for revision",
        &format!("Catatan Kepala Dinas / The head's remarks:\n{remarks}"),
    )
}

/// To the assignee, when the head approves and signs (step 7).
pub fn approved(public_url: &str, t: &ticket::Model) -> Rendered {
    to_assignee(
        public_url,
        t,
        "Disetujui dan ditandatangani / Approved and signed",
        "Surat Pemberitahuan Insiden Siber dan Sertifikat Apresiasi telah disetujui dan ditandatangani. \
         / The notification letter and certificate were approved and signed.",
    )
}

// To the PSE.

/// To the PSE's addresses (step 9): the signed letter attached, with the one-time link that
/// acknowledges it (`token`).
pub fn letter_to_pse(
    agency: &str,
    public_url: &str,
    t: &ticket::Model,
    head: &str,
    letter_number: &str,
    token: &str,
) -> Rendered {
    let body = format!(
        "Yth. {head},\n\nTerlampir Surat Pemberitahuan Insiden Siber nomor {letter_number} (TLP:{tlp}) mengenai \
         sistem elektronik yang Saudara kelola. Mohon rekomendasi di dalamnya segera ditindaklanjuti.\n\n\
         Mohon konfirmasikan penerimaan surat ini, serta perbaikannya bila sudah dilakukan, melalui tautan \
         sekali pakai berikut:\n\
         {url}/acknowledge#{token}\n\nTim Tanggap Insiden Siber (TTIS)\n{agency}\n",
        tlp = t.tlp.as_str().to_uppercase(),
        url = public_url,
    );
    Rendered { subject: format!("[{}] Surat Pemberitahuan Insiden Siber {letter_number}", t.code), body }
}
