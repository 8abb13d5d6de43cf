//! Sample data for every template: the unit tests render it, the render benchmark times it, and
//! `ttis-api preview-template` writes it to a file so an operator can look at an overridden
//! template before using it.

use super::{DEFAULT_EMBLEM, Inputs, qr_svg};

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
        .list("signer_lines", ["KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,".to_string()])
        .text("signer_name", "Dr. H. Contoh Pejabat, S.Kom., M.Si.")
        .text("signer_rank", "Pembina Utama Muda")
        .text("signer_nip", "197001011995031001")
        .text("verify_url", "https://ttis.kukarkab.go.id/verify/0b1e")
}

/// The analysis report of the sample ticket.
pub fn analysis() -> Inputs {
    letterhead()
        .text("title", "Halaman utama situs dinas diubah (deface) #not-markup *x* $y$")
        .text("kind", "Insiden")
        .text("category", "Web Defacement (Deface) (web_defacement)")
        .text("severity", "Tinggi")
        .text("cvss", "8.2 (CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:N)")
        .text("asset", "https://disdik.kukarkab.go.id/")
        .text("pse", "Dinas Pendidikan Kabupaten Kutai Kartanegara")
        .text("submitted", "28 November 2026")
        .text("meeting_date", "28 November 2026")
        .list("attendees", ["Rina Analis".to_string(), "Budi Analis".to_string()])
        .text("decision", "Sesuai: deface terkonfirmasi.")
        .text("minutes", "Tim memeriksa tangkapan layar dan arsip halaman.")
        .text("findings", "Halaman utama diganti dengan pesan peretas melalui celah unggah berkas.")
        .text("recommendations", "Pulihkan dari cadangan, tutup celah unggah, ganti kata sandi admin.")
        .text("analyst", "Rina Analis")
}

/// The letter and certificate of the sample ticket, as a draft or as signed (with a QR code).
pub fn letter(final_: bool) -> Inputs {
    letterhead()
        .flag("final", final_)
        .text("qr", qr_svg("https://ttis.kukarkab.go.id/verify/7K3M9QX2HP").unwrap_or_default())
        .text("verification_code", if final_ { "7K3M9-QX2HP" } else { "" })
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
        .text("summary", "Tim TTIS menerima laporan bahwa halaman utama situs Dinas Pendidikan diubah (deface).\n\nLaporan telah diverifikasi.")
        .text("findings", "Halaman utama diganti dengan pesan peretas melalui celah unggah berkas #x *y*.")
        .text("recommendations", "Pulihkan dari cadangan, tutup celah unggah berkas, ganti kata sandi admin.")
        .text("response_days", "3")
        .list("copies", ["Bupati Kutai Kartanegara (sebagai laporan)".to_string(), "Arsip".to_string()])
        .text("recipient_name", "budisec")
        .text("citation", "atas laporan insiden siber yang disampaikan dengan itikad baik dan secara bertanggung jawab kepada Tim Tanggap Insiden Siber.")
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
