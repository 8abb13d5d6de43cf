//! Bahasa Indonesia (the default language).

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::DocumentTitle => "TTIS Lapor · Pelaporan Insiden Siber Kabupaten Kutai Kartanegara",
        Key::SkipToContent => "Lewati ke konten utama",
        Key::PlatformName => "TTIS Lapor",
        Key::BrandMark => "TTIS",
        Key::TeamName => "Tim Tanggap Insiden Siber · Diskominfo Kukar",
        Key::AgencyLine => "Pemerintah Kabupaten Kutai Kartanegara · Dinas Komunikasi dan Informatika",
        Key::AgencyFull => "Dinas Komunikasi dan Informatika Kabupaten Kutai Kartanegara",
        Key::FooterTeam => {
            "Tim Tanggap Insiden Siber (TTIS) menerima laporan insiden dan kerentanan siber pada sistem elektronik Pemerintah Kabupaten Kutai Kartanegara."
        }
        Key::FooterSop => "Layanan ini menjalankan SOP Pelaporan Insiden Siber No. B-247/DISKOMINFO/000.6/07/2025.",
        Key::NavLabel => "Navigasi utama",
        Key::NavHome => "Beranda",
        Key::NavReport => "Lapor Insiden",
        Key::NavTrack => "Lacak Laporan",
        Key::NavHallOfFame => "Hall of Fame",
        Key::NavVerify => "Verifikasi Dokumen",
        Key::NavStaffLogin => "Masuk Petugas",
        Key::NavDashboard => "Dashboard Petugas",
        Key::LangSwitchLabel => "English",
        Key::LangSwitchCode => "EN",
        Key::LangSwitchAria => "Ganti bahasa ke English",
        Key::ReportCta => "Lapor Insiden Siber",
        Key::BackHome => "Kembali ke Beranda",
        Key::BackDashboard => "Kembali ke Dashboard",
        Key::ComingSoonBadge => "Segera hadir",
        Key::ComingSoonText => {
            "Fitur ini sedang disiapkan dan akan tersedia pada tahap berikutnya. Untuk keadaan mendesak, hubungi Diskominfo Kabupaten Kutai Kartanegara melalui kanal resmi."
        }
        Key::Loading => "Memuat…",
        Key::ErrorNetwork => "Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.",
        Key::ErrorUnexpected => "Server memberikan jawaban yang tidak terduga. Coba lagi beberapa saat lagi.",
        Key::HomeEyebrow => "Tim Tanggap Insiden Siber · Diskominfo Kabupaten Kutai Kartanegara",
        Key::HomeTitle => "Laporkan insiden siber pada sistem Pemerintah Kabupaten Kutai Kartanegara",
        Key::HomeLead => {
            "TTIS Lapor adalah kanal resmi Tim Tanggap Insiden Siber (TTIS) Dinas Komunikasi dan Informatika Kabupaten Kutai Kartanegara untuk menerima, memverifikasi, dan menindaklanjuti laporan insiden serta kerentanan siber."
        }
        Key::HomeNoAccount => {
            "Tanpa akun. Setelah mengirim, Anda menerima kode tiket dan kunci akses untuk memantau laporan."
        }
        Key::HomeWhatTitle => "Apa yang dapat dilaporkan?",
        Key::HomeWhatLead => {
            "Setiap kejadian atau celah keamanan pada situs web, aplikasi, dan layanan elektronik milik perangkat daerah, misalnya:"
        }
        Key::HomeWhatDefacement => "Perubahan tampilan situs web (web defacement) atau webshell",
        Key::HomeWhatGambling => "Sisipan konten judi online atau SEO spam",
        Key::HomeWhatPhishing => "Phishing atau peniruan identitas instansi pemerintah",
        Key::HomeWhatMalware => "Malware, ransomware, atau aktivitas command-and-control",
        Key::HomeWhatDataLeak => "Kebocoran data, termasuk data pribadi",
        Key::HomeWhatAvailability => "Gangguan layanan (DoS/DDoS) atau kesalahan konfigurasi",
        Key::HomeWhatVulnerability => "Kerentanan keamanan yang Anda temukan dengan itikad baik",
        Key::HomeAboutTitle => "Tentang TTIS",
        Key::HomeAboutText => {
            "Tim Tanggap Insiden Siber (TTIS) adalah tim di bawah Dinas Komunikasi dan Informatika Kabupaten Kutai Kartanegara yang menangani insiden siber pada penyelenggara sistem elektronik (PSE) lingkup pemerintah daerah."
        }
        Key::HomeGoodFaith => {
            "Laporkan dengan itikad baik: jangan mengakses, mengubah, atau menyebarkan data melebihi yang diperlukan untuk membuktikan temuan. Laporan yang valid mendapat Sertifikat Apresiasi."
        }
        Key::HomeStepsTitle => "Bagaimana laporan diproses",
        Key::HomeStep1Title => "1. Kirim laporan",
        Key::HomeStep1Text => "Isi formulir dan lampirkan bukti. Anda langsung mendapat kode tiket.",
        Key::HomeStep2Title => "2. Verifikasi dan analisis",
        Key::HomeStep2Text => "Tim TTIS memverifikasi dan menganalisis laporan dalam 1 hari kerja.",
        Key::HomeStep3Title => "3. Pemberitahuan kepada PSE",
        Key::HomeStep3Text => {
            "Surat pemberitahuan disetujui dan ditandatangani Kepala Dinas, lalu dikirim ke pengelola sistem."
        }
        Key::HomeStep4Title => "4. Apresiasi",
        Key::HomeStep4Text => "Pelapor menerima Sertifikat Apresiasi dan dapat tercantum di Hall of Fame.",
        Key::HomeServicesTitle => "Layanan lain",
        Key::HomeTrackText => "Pantau status laporan Anda dengan kode tiket dan kunci akses.",
        Key::HomeHallText => "Penghargaan bagi pelapor yang membantu mengamankan sistem pemerintah daerah.",
        Key::HomeVerifyText => "Periksa keaslian surat pemberitahuan atau sertifikat yang diterbitkan TTIS.",
        Key::ReportTitle => "Lapor Insiden Siber",
        Key::ReportLead => {
            "Isi formulir berikut (sekitar 3 menit), periksa kembali, lalu kirim. Anda langsung menerima kode tiket dan kunci akses untuk memantau laporan."
        }
        Key::TrackTitle => "Lacak Laporan",
        Key::TrackLead => {
            "Masukkan kode tiket dan kunci akses dari tanda terima untuk melihat status laporan, tahapan penanganannya, dan pesan dari Tim TTIS."
        }
        Key::HallTitle => "Hall of Fame",
        Key::HallLead => {
            "Halaman ini akan menampilkan para pelapor laporan valid, sesuai pilihan tampilan mereka, dan dapat disaring per tahun."
        }
        Key::VerifyTitle => "Verifikasi Dokumen",
        Key::VerifyLead => {
            "Halaman ini akan memeriksa apakah surat pemberitahuan atau sertifikat apresiasi asli, ditandatangani secara elektronik, dan tidak diubah."
        }
        Key::VerifyDocumentId => "Nomor rujukan dokumen",
        Key::NotFoundCode => "Galat 404",
        Key::NotFoundTitle => "Halaman tidak ditemukan",
        Key::NotFoundText => "Alamat yang Anda buka tidak ada atau sudah dipindahkan.",
        Key::LoginTitle => "Masuk Petugas",
        Key::LoginLead => "Khusus Tim TTIS, Kepala Dinas, dan administrator platform.",
        Key::FieldEmail => "Email",
        Key::FieldPassword => "Kata sandi",
        Key::FieldInitialPassword => "Kata sandi awal",
        Key::FieldName => "Nama",
        Key::FieldRoles => "Peran",
        Key::LoginSubmit => "Masuk",
        Key::LoginSubmitting => "Memproses…",
        Key::LoginNote => "Pelapor tidak memerlukan akun: gunakan Lapor Insiden atau Lacak Laporan.",
        Key::SessionChecking => "Memeriksa sesi…",
        Key::StaffArea => "Area Petugas",
        Key::DashboardTitle => "Dashboard Manajemen Tiket",
        Key::SignedInAs => "Masuk sebagai",
        Key::Logout => "Keluar",
        Key::AdminToolsLabel => "Alat administrator",
        Key::AdminToolsTitle => "Administrasi",
        Key::QueueTitle => "Antrean Tiket",
        Key::QueueEmptyTitle => "Belum ada tiket untuk ditampilkan",
        Key::QueueEmptyText => {
            "Laporan yang masuk akan tampil di sini beserta status dan tenggat SLA setiap langkah SOP."
        }
        Key::QueueStatesTitle => "Status tiket dalam alur SOP",
        Key::UsersTitle => "Kelola Pengguna",
        Key::UsersLead => "Akun petugas dan perannya. Menonaktifkan akun langsung mengakhiri semua sesinya.",
        Key::UsersForbidden => "Halaman ini hanya untuk Administrator.",
        Key::UsersListTitle => "Daftar akun",
        Key::UsersEmpty => "Belum ada akun.",
        Key::UsersStatus => "Status",
        Key::UsersCreatedAt => "Dibuat",
        Key::UsersActions => "Tindakan",
        Key::UsersActive => "Aktif",
        Key::UsersDisabled => "Nonaktif",
        Key::UsersDisable => "Nonaktifkan",
        Key::UsersEnable => "Aktifkan",
        Key::UsersCreateTitle => "Tambah akun",
        Key::UsersCreateSubmit => "Buat akun",
        Key::UsersCreatedNotice => "Akun dibuat",
        Key::PasswordHint => "Minimal 12 karakter. Sampaikan kepada pemilik akun melalui saluran yang aman.",
        Key::Optional => "opsional",
        Key::Yes => "Ya",
        Key::No => "Tidak",
        Key::NotProvided => "Tidak diisi",
        Key::WizardLabel => "Langkah pelaporan",
        Key::StepFill => "Isi formulir",
        Key::StepReview => "Periksa",
        Key::StepReceipt => "Tanda terima",
        Key::SafeHarborTitle => "Kebijakan itikad baik (safe harbour)",
        Key::FormHasErrors => "Laporan belum dapat diperiksa. Perbaiki isian yang ditandai merah.",
        Key::FormRequiredNote => "Semua isian wajib diisi kecuali yang bertanda (opsional).",
        Key::SectionReporter => "A. Data pelapor",
        Key::SectionReporterHint => {
            "Data pribadi Anda hanya dapat dilihat oleh Tim TTIS dan dilindungi sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi."
        }
        Key::FieldPhone => "Nomor telepon / WhatsApp",
        Key::PhoneHint => "Contoh: +62 812 3456 7890",
        Key::FieldOrganization => "Instansi / organisasi",
        Key::EmailHint => "Tanda terima dan kabar perkembangan laporan dikirim ke alamat ini.",
        Key::FieldReporterType => "Anda melapor sebagai",
        Key::ReporterTypePublic => "Masyarakat umum",
        Key::ReporterTypeResearcher => "Peneliti keamanan",
        Key::ReporterTypeInternal => "Tim pemantauan internal",
        Key::ReporterTypeAgency => "Perangkat daerah / instansi (OPD)",
        Key::FieldHallOfFame => "Tampilan di Hall of Fame",
        Key::HofHint => "Jika laporan Anda valid, nama pelapor dapat dicantumkan di Hall of Fame sesuai pilihan Anda.",
        Key::HofRealName => "Nama asli",
        Key::HofAlias => "Alias",
        Key::HofAnonymous => "Anonim (tidak ditampilkan)",
        Key::FieldAlias => "Alias yang ditampilkan",
        Key::SectionIncident => "B. Insiden atau kerentanan",
        Key::FieldKind => "Jenis laporan",
        Key::KindIncident => "Insiden (sudah atau sedang terjadi)",
        Key::KindVulnerability => "Kerentanan (celah keamanan)",
        Key::FieldTitle => "Judul laporan",
        Key::TitleHint => "Ringkas, misalnya: Halaman utama situs dinas diubah (deface).",
        Key::FieldCategory => "Kategori",
        Key::CategoryChoose => "Pilih kategori…",
        Key::CategoryGeneral => "umum",
        Key::FieldAsset => "Sistem yang terdampak",
        Key::AssetHint => "Alamat URL, nama host, alamat IP, atau nama aplikasi.",
        Key::FieldDiscoveredAt => "Waktu ditemukan",
        Key::DiscoveredAtHint => "Waktu setempat pada perangkat Anda.",
        Key::FieldDescription => "Uraian kejadian",
        Key::DescriptionHint => "Apa yang Anda temukan, kapan, dan bagaimana. Minimal 20 karakter.",
        Key::FieldSteps => "Langkah reproduksi / bukti konsep (PoC)",
        Key::StepsHint => "Langkah-langkah agar tim dapat memastikan temuan Anda.",
        Key::FieldImpact => "Dampak",
        Key::ImpactHint => "Akibat yang terjadi atau mungkin terjadi.",
        Key::FieldOngoing => "Apakah insiden masih berlangsung?",
        Key::FieldPersonalData => "Apakah melibatkan data pribadi?",
        Key::FieldTlp => "Label berbagi informasi (TLP)",
        Key::TlpHint => {
            "Traffic Light Protocol: sejauh mana tim boleh membagikan laporan ini. Jika ragu, biarkan TLP:AMBER."
        }
        Key::TlpClear => "TLP:CLEAR: boleh dibagikan kepada publik",
        Key::TlpGreen => "TLP:GREEN: boleh dibagikan dalam komunitas, tidak untuk publik",
        Key::TlpAmber => "TLP:AMBER: hanya untuk organisasi penerima dan pihak yang perlu tahu",
        Key::TlpAmberStrict => "TLP:AMBER+STRICT: hanya untuk organisasi penerima",
        Key::TlpRed => "TLP:RED: hanya untuk penerima yang disebutkan, tidak diteruskan",
        Key::FieldCvss => "Vektor CVSS 3.1",
        Key::CvssHint => "Bagi peneliti: contoh CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H. Skor dihitung otomatis.",
        Key::CvssScore => "Skor dasar",
        Key::SeverityNone => "Tidak ada",
        Key::SeverityLow => "Rendah",
        Key::SeverityMedium => "Sedang",
        Key::SeverityHigh => "Tinggi",
        Key::SeverityCritical => "Kritis",
        Key::SectionEvidence => "C. Bukti",
        Key::EvidenceChoose => "Lampirkan berkas bukti",
        Key::EvidenceHint => {
            "Tangkapan layar, video, PDF, atau log (PNG, JPG, GIF, WebP, PDF, MP4, WebM, TXT, LOG). Maksimal {file} per berkas dan {total} seluruhnya."
        }
        Key::EvidenceMetadataNote => {
            "Metadata gambar (EXIF, lokasi GPS) dihapus otomatis dari berkas JPEG, PNG, dan WebP sebelum disimpan."
        }
        Key::EvidenceChosen => "Berkas yang dipilih",
        Key::EvidenceRemove => "Hapus",
        Key::EvidenceTotal => "{n} berkas, total {size}",
        Key::EvidenceTooLarge => "Berkas ini melebihi batas {max} per berkas.",
        Key::EvidenceTotalTooLarge => "Total ukuran bukti melebihi batas {max}. Hapus sebagian berkas.",
        Key::EvidenceWrongType => {
            "Jenis berkas ini tidak diterima. Gunakan gambar, PDF, video MP4/WebM, atau teks/log."
        }
        Key::EvidenceNone => "Tidak ada berkas bukti.",
        Key::EvidenceFile => "Berkas",
        Key::EvidenceSize => "Ukuran",
        Key::EvidenceType => "Jenis",
        Key::EvidenceMetadataStripped => "Metadata dihapus",
        Key::SectionDeclarations => "D. Pernyataan",
        Key::DeclGoodFaith => {
            "Saya menyatakan temuan ini saya peroleh dan laporkan dengan itikad baik, tanpa merusak sistem atau menyebarkan datanya."
        }
        Key::DeclConsent => {
            "Saya menyetujui pemrosesan data pribadi yang saya berikan untuk penanganan laporan ini sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi."
        }
        Key::DeclEmailKey => "Kirim juga kunci akses ke email saya",
        Key::DeclEmailKeyHint => {
            "Tanpa pilihan ini, kunci akses hanya ditampilkan sekali di layar setelah laporan terkirim."
        }
        Key::HoneypotLabel => "Jangan isi kolom ini",
        Key::ReviewButton => "Lanjut: periksa laporan",
        Key::ReviewTitle => "Periksa laporan Anda",
        Key::ReviewLead => "Pastikan semua data sudah benar. Pilih Ubah untuk memperbaiki, atau Kirim laporan.",
        Key::EditButton => "Ubah",
        Key::SendButton => "Kirim laporan",
        Key::Sending => "Mengirim…",
        Key::Verifying => "Memverifikasi…",
        Key::Uploading => "Mengunggah laporan dan bukti…",
        Key::UploadTotal => "Keseluruhan",
        Key::ReceiptSent => "Laporan Anda telah diterima.",
        Key::ReceiptTitle => "Tanda Terima Laporan Insiden Siber",
        Key::ReceiptLead => "Gunakan kode tiket dan kunci akses untuk memantau laporan di halaman Lacak Laporan.",
        Key::TicketCode => "Kode tiket",
        Key::AccessKey => "Kunci akses",
        Key::Copy => "Salin",
        Key::Copied => "Tersalin",
        Key::CopyFailed => "Tidak dapat menyalin otomatis; pilih teksnya lalu salin secara manual.",
        Key::SubmittedAt => "Dikirim",
        Key::Status => "Status",
        Key::KeyWarningTitle => "Simpan kunci akses ini sekarang.",
        Key::KeyWarningText => {
            "Kunci akses hanya ditampilkan sekali ini dan tidak dapat dipulihkan: tim kami pun tidak menyimpannya. Salin, cetak tanda terima, atau simpan di tempat aman. Jangan bagikan kepada orang lain."
        }
        Key::ReceiptPrintNote => {
            "Simpan tanda terima ini. Pantau laporan di halaman Lacak Laporan dengan kode tiket dan kunci akses di atas."
        }
        Key::TrackThisReport => "Lacak laporan ini",
        Key::PrintReceipt => "Cetak tanda terima",
        Key::TrackFormTitle => "Masukkan kode tiket dan kunci akses",
        Key::TicketCodeHint => "Contoh: TTIS-2026-000123",
        Key::AccessKeyHint => "Kunci yang ditampilkan pada tanda terima saat laporan dikirim.",
        Key::TrackSubmit => "Lihat status",
        Key::StateSince => "Status sejak",
        Key::StepsTitle => "Tahapan penanganan (SOP)",
        Key::StepWord => "Langkah",
        Key::StepDone => "Selesai",
        Key::StepCurrent => "Sedang berlangsung",
        Key::StepPending => "Menunggu",
        Key::StepRejected => "Laporan dinyatakan tidak sesuai",
        Key::StepSkipped => "Tidak dilanjutkan",
        Key::SlaPaused => "Menunggu jawaban Anda; waktu layanan tim dihentikan sementara.",
        Key::TimeStandardMinutes => "Waktu standar: {n} menit",
        Key::TimeStandardDay => "Waktu standar: {n} hari kerja",
        Key::TimeStandardDays => "Waktu standar: {n} hari kerja",
        Key::NeedsInfoTitle => "Tim TTIS memerlukan informasi tambahan dari Anda.",
        Key::NeedsInfoText => {
            "Baca pertanyaan tim pada riwayat di bawah. Fitur menjawab langsung dari halaman ini segera hadir; sementara itu, balas email pemberitahuan dari tim."
        }
        Key::TimelineTitle => "Riwayat laporan",
        Key::TimelineEmpty => "Belum ada riwayat.",
        Key::TimelineStateChange => "Status menjadi:",
        Key::TimelineMessage => "Pesan dari",
        Key::AuthorTeam => "Tim TTIS",
        Key::AuthorReporter => "Anda",
        Key::SecurityContact => "Kontak keamanan",
        Key::Processing => "Terunggah; server sedang menyimpan dan memeriksa bukti…",
    }
}
