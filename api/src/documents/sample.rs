//! Sample data for every template: the unit tests render it, the render benchmark times it, and
//! `ttis-api preview-template` writes it to a file so an operator can look at an overridden
//! template before using it. The texts are written as the team writes them (the findings and
//! recommendations as the analysts type them, with their own `1.` or `-` lists), so what the
//! tests measure (one page, where the signature falls) is what a real letter does.

use ttis_shared::dto::signers::{self, SigningCapacity};

use super::{DEFAULT_EMBLEM, Inputs, qr_svg};

/// The short verification address and code of the sample's signed documents.
pub const VERIFY_URL: &str = "https://ttis.kukarkab.go.id/verify/7K3M9QX2HP";
pub const VERIFICATION_CODE: &str = "7K3M9-QX2HP";

/// The head's title, as the organisation settings hold it.
const HEAD_TITLE: &str = "Kepala Dinas Komunikasi dan Informatika";

/// The sample signer of a capacity: the head for a definitive signature, the secretary
/// otherwise (name, rank, NIP, own position).
fn signer_of(capacity: SigningCapacity) -> (&'static str, &'static str, &'static str, &'static str) {
    match capacity {
        SigningCapacity::Definitive => {
            ("Dr. H. Contoh Pejabat, S.Kom., M.Si.", "Pembina Utama Muda", "197001011995031001", HEAD_TITLE)
        }
        _ => ("Ir. Contoh Sekretaris Dinas, M.T.", "Pembina Tingkat I", "197505152000031002", "Sekretaris"),
    }
}

/// The letterhead, signer and ticket fields every template shares.
pub fn letterhead() -> Inputs {
    Inputs::default()
        .text("government", "PEMERINTAH KABUPATEN KUTAI KARTANEGARA")
        .text("agency", "DINAS KOMUNIKASI DAN INFORMATIKA")
        .text("address", "Jl. Wolter Monginsidi No. 1, Tenggarong, Kalimantan Timur 75511")
        .text("contact", "Telp. (0541) 661234 · ttis@kukarkab.go.id · https://ttis.kukarkab.go.id")
        .bytes("logo", DEFAULT_EMBLEM.to_vec())
        .text("logo_format", "svg")
        .text("city", "Tenggarong")
        .text("date", "29 November 2026")
        .text("code", "TTIS-2026-000123")
        .text("tlp", "amber")
        .merge(signer(SigningCapacity::Definitive))
        .text("verify_url", VERIFY_URL)
}

/// The lines above the sample signer's signature in a capacity, worded as the server words them.
pub fn signer_lines(capacity: SigningCapacity) -> Vec<String> {
    signers::signature_lines(capacity, signer_of(capacity).3, HEAD_TITLE)
}

/// The signer fields of a capacity.
pub fn signer(capacity: SigningCapacity) -> Inputs {
    let (name, rank, nip, _) = signer_of(capacity);
    Inputs::default()
        .list("signer_lines", signer_lines(capacity))
        .text("signer_name", name)
        .text("signer_rank", rank)
        .text("signer_nip", nip)
}

/// The analysis report of the sample ticket.
pub fn analysis() -> Inputs {
    letterhead()
        .text("title", "Halaman utama situs dinas diubah (deface) #not-markup *x* $y$")
        .text("kind", "Insiden")
        .text("category", "Web Defacement (Deface)")
        .text("severity", "Tinggi")
        .text("cvss", "8.2 (CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:N)")
        .text("asset", "https://disdik.kukarkab.go.id/")
        .text("pse", "Dinas Pendidikan Kabupaten Kutai Kartanegara")
        .text("submitted", "28 November 2026 pukul 08.15 WITA")
        .text("meeting_date", "28 November 2026")
        .list("attendees", ["Rina Analis".to_string(), "Budi Analis".to_string(), "Sari Koordinator".to_string()])
        .text("decision", "Sesuai: deface terkonfirmasi, dilanjutkan dengan surat pemberitahuan kepada PSE.")
        .text(
            "minutes",
            "Tim memeriksa tangkapan layar pelapor, arsip halaman, dan log akses yang diminta dari pengelola \
             server. Perubahan halaman dan webshell terkonfirmasi; tingkat keparahan ditetapkan Tinggi karena \
             situs masih dapat diubah oleh pihak luar.",
        )
        .text("findings", FINDINGS)
        .text("recommendations", RECOMMENDATIONS)
        .text("analyst", "Rina Analis")
}

/// An analysis report one page long but for its closing and signature, so that it needs two.
pub fn long_analysis() -> Inputs {
    analysis().text("findings", LONG_FINDINGS)
}

const SUMMARY: &str = "Pada 27 November 2026 pukul 21.40 WITA Tim TTIS menerima laporan dari masyarakat bahwa halaman \
utama situs web Dinas Pendidikan menampilkan pesan peretas dan tautan ke situs judi daring. Hasil verifikasi tim pada \
28 November 2026 mengonfirmasi bahwa halaman tersebut diubah tanpa izin (web defacement) dan bahwa sebuah berkas \
berbahaya ditanamkan pada direktori unggahan situs.";

const FINDINGS: &str = "1. Berkas index.php pada direktori utama diganti pada 27 November 2026 pukul 19.12 WITA; \
salinan aslinya tidak ada lagi di server.
2. Terdapat webshell (uploads/2026/11/cache.php, berisi eval($_POST['c'])) yang diunggah melalui formulir \
pendaftaran tanpa pemeriksaan jenis berkas.
3. Plugin formulir versi 2.3.1 yang dipakai memiliki kerentanan unggah berkas yang telah diumumkan.
4. Log akses mencatat permintaan ke webshell dari alamat IP luar negeri sejak 25 November 2026.";

const RECOMMENDATIONS: &str = "- Tutup sementara akses publik ke situs dan pulihkan dari cadangan bersih sebelum \
25 November 2026.
- Hapus webshell dan periksa seluruh direktori unggahan dari berkas PHP lain.
- Perbarui plugin formulir ke versi terbaru dan batasi jenis berkas yang dapat diunggah.
- Ganti kata sandi seluruh akun administrator, basis data, dan FTP.";

const LONG_SUMMARY: &str = "Pada 27 November 2026 pukul 21.40 WITA Tim TTIS menerima laporan dari seorang peneliti \
keamanan bahwa halaman utama situs web Dinas Pendidikan menampilkan pesan peretas dan tautan ke situs judi daring, \
dan bahwa sejumlah halaman berita lama telah disisipi teks promosi yang hanya tampil bagi mesin pencari. Tim \
memverifikasi laporan tersebut pada 28 November 2026 dengan memeriksa arsip halaman, tangkapan layar pelapor, \
serta log akses dan log aplikasi yang diserahkan oleh pengelola server. Hasil verifikasi mengonfirmasi perubahan \
tampilan tanpa izin (web defacement) dan penyisipan konten judi daring, yang dilakukan melalui sebuah webshell.";

const LONG_FINDINGS: &str = "1. Berkas index.php pada direktori utama diganti pada 27 November 2026 pukul 19.12 \
WITA; salinan aslinya tidak ada lagi di server, dan cadangan terakhir yang utuh bertanggal 20 November 2026.
2. Terdapat dua webshell yang diunggah melalui formulir pendaftaran tanpa pemeriksaan jenis berkas:
  - uploads/2026/11/cache.php, berisi eval($_POST['c']);
  - uploads/2026/10/thumb.php, yang menyamar sebagai berkas gambar.
3. Plugin formulir versi 2.3.1 yang dipakai memiliki kerentanan unggah berkas yang telah diumumkan, dan \
pembaruannya tersedia sejak September 2026.
4. Sebanyak 214 halaman berita disisipi teks dan tautan judi daring yang hanya ditampilkan kepada mesin pencari.
5. Log akses mencatat permintaan ke webshell dari tiga alamat IP luar negeri sejak 25 November 2026, termasuk \
perintah untuk membaca berkas konfigurasi yang memuat kata sandi basis data.";

const LONG_RECOMMENDATIONS: &str = "1. Tutup sementara akses publik ke situs dan pulihkan dari cadangan bersih \
bertanggal 20 November 2026, lalu terapkan kembali perubahan isi sesudah tanggal tersebut secara manual.
2. Hapus kedua webshell dan periksa seluruh direktori unggahan dari berkas PHP lain; larang eksekusi PHP di \
direktori unggahan pada konfigurasi server web.
3. Perbarui plugin formulir ke versi terbaru dan batasi jenis berkas yang dapat diunggah.
4. Ganti kata sandi seluruh akun administrator, basis data, dan FTP, karena berkas konfigurasi telah dibaca pihak \
luar.
5. Simpan log akses dan log aplikasi sejak 1 November 2026 sebagai bukti, dan laporkan hasil penanganan kepada \
Tim TTIS.";

/// The letter and certificate of the sample ticket, as a draft or as signed (with a QR code):
/// a normal incident letter, which fits on one page.
pub fn letter(final_: bool) -> Inputs {
    letterhead()
        .flag("final", final_)
        .text("qr", if final_ { qr_svg(VERIFY_URL).unwrap_or_default() } else { String::new() })
        .text("verify_url", if final_ { VERIFY_URL } else { "" })
        .text("verification_code", if final_ { VERIFICATION_CODE } else { "" })
        .text("number", if final_ { "B-7/DISKOMINFO/000.6/11/2026" } else { "(diberikan saat disetujui)" })
        .text("nature", "Segera")
        .text("attachments", "-")
        .text("subject", "Pemberitahuan Insiden Siber")
        .text("recipient", "Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara")
        .text("recipient_place", "Tenggarong")
        .text("submitted", "28 November 2026")
        .text("asset", "https://disdik.kukarkab.go.id/")
        .text("category", "Web Defacement (Deface)")
        .text("severity", "Tinggi")
        .text("discovered", "27 November 2026 pukul 21.40 WITA")
        .text("summary", SUMMARY)
        .text("findings", FINDINGS)
        .text("recommendations", RECOMMENDATIONS)
        .text("response_days", "3")
        .flag("pdp", false)
        .text("pdp_deadline", "")
        .list("copies", ["Bupati Kutai Kartanegara (sebagai laporan)".to_string(), "Arsip".to_string()])
        .text("recipient_name", "budisec")
        .text(
            "citation",
            "sebagai bentuk penghargaan atas laporan insiden siber yang disampaikan dengan itikad baik dan secara \
             bertanggung jawab kepada Tim Tanggap Insiden Siber, sehingga membantu menjaga keamanan sistem \
             elektronik di lingkungan Pemerintah Kabupaten Kutai Kartanegara.",
        )
}

/// The sample letter signed (or drafted) in another capacity.
pub fn letter_as(final_: bool, capacity: SigningCapacity) -> Inputs {
    letter(final_).merge(signer(capacity))
}

/// A letter whose content needs two pages.
pub fn long_letter(final_: bool) -> Inputs {
    letter(final_)
        .text("summary", LONG_SUMMARY)
        .text("findings", LONG_FINDINGS)
        .text("recommendations", LONG_RECOMMENDATIONS)
        .list(
            "copies",
            [
                "Bupati Kutai Kartanegara (sebagai laporan)",
                "Sekretaris Daerah Kabupaten Kutai Kartanegara",
                "Inspektur Kabupaten Kutai Kartanegara",
                "Arsip",
            ]
            .map(String::from),
        )
}

/// A personal-data incident's letter: the controller's obligations under UU PDP, with the
/// deadline 72 hours after verification.
pub fn pdp_letter(final_: bool) -> Inputs {
    letter(final_)
        .text("category", "Kebocoran Data Pribadi")
        .flag("pdp", true)
        .text("pdp_deadline", "1 Desember 2026 pukul 09.15 WITA")
}

/// The certificate of the sample ticket (its own number).
pub fn certificate(final_: bool) -> Inputs {
    letter(final_).text("number", if final_ { "7/SERT-TTIS/XI/2026" } else { "(diberikan saat disetujui)" })
}

/// A month's recap with figures.
pub fn recap() -> Inputs {
    letterhead()
        .text("month", "November 2026")
        .text("period", "1 November 2026 s.d. 30 November 2026")
        .text("total", "42")
        .text("valid", "30")
        .text("rejected", "9")
        .text("open", "3")
        .list("categories", ["Web Defacement (Deface)", "12", "Phishing", "7", "Kerentanan", "11"].map(String::from))
        .list("severities", ["tinggi", "14", "sedang", "20", "rendah", "8"].map(String::from))
        .list("outcomes", ["valid", "30", "rejected:duplicate", "6", "open", "3"].map(String::from))
        .list("pses", Vec::<String>::new())
        .list(
            "steps",
            [
                "4. Verifikasi",
                "33",
                "5 jam 2 menit",
                "1 hari 2 jam",
                "88%",
                "7. Pengesahan",
                "30",
                "3 jam 0 menit",
                "9 jam 10 menit",
                "97%",
            ]
            .map(String::from),
        )
}
