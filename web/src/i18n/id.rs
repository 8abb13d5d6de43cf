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
            "Penghargaan bagi para pelapor yang membantu mengamankan sistem elektronik Pemerintah Kabupaten Kutai Kartanegara. Setiap pelapor laporan valid ditampilkan sesuai pilihannya: nama asli, alias, atau anonim."
        }
        Key::VerifyTitle => "Verifikasi Dokumen",
        Key::VerifyLead => {
            "Periksa apakah surat pemberitahuan atau sertifikat apresiasi yang diterbitkan TTIS asli, ditandatangani secara elektronik, dan tidak diubah."
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
            "Baca pertanyaan tim pada riwayat di bawah, lalu jawab melalui formulir ini. Waktu layanan tim dihentikan sementara sampai Anda menjawab."
        }
        Key::TimelineTitle => "Riwayat laporan",
        Key::TimelineEmpty => "Belum ada riwayat.",
        Key::TimelineStateChange => "Status menjadi:",
        Key::TimelineMessage => "Pesan dari",
        Key::AuthorTeam => "Tim TTIS",
        Key::AuthorReporter => "Anda",
        Key::SecurityContact => "Kontak keamanan",
        Key::Processing => "Terunggah; server sedang menyimpan dan memeriksa bukti…",
        Key::ActionDone => "Tindakan berhasil: {action}.",
        Key::ActionsLabel => "Tindakan yang tersedia",
        Key::AnalysisFormTitle => "Laporan hasil analisis",
        Key::AnalysisFormLead => {
            "Catat hasil rapat tim: klasifikasi, tingkat keparahan, CVSS, PSE terdampak, temuan dan rekomendasi. Setelah dikirim, laporan dinyatakan sesuai dan surat serta sertifikat disusun otomatis."
        }
        Key::AnalysisResultLegend => "Hasil analisis",
        Key::AnalysisSubmit => "Simpan analisis dan verifikasi",
        Key::AnalysisTitle => "Hasil analisis",
        Key::Analyst => "Dianalisis oleh",
        Key::AssignOpen => "Disposisi",
        Key::AssignSubmit => "Kirim disposisi",
        Key::AssignTitle => "Disposisi tiket",
        Key::AssignTo => "Diteruskan kepada",
        Key::Assigned => "Disposisi tercatat.",
        Key::AssigneeIdHint => "Nomor akun analis (daftar petugas belum tersedia).",
        Key::AttendeesFallback => {
            "Daftar petugas belum tersedia; hanya Anda dan petugas yang ditugaskan yang dapat dipilih."
        }
        Key::AttendeesRequired => "Pilih sedikitnya satu peserta rapat.",
        Key::Cancel => "Batal",
        Key::CategoriesLead => {
            "Taksonomi insiden (ENISA / TF-CSIRT RSIT) dengan sub-jenis lokal. Kategori yang dinonaktifkan tetap tercatat pada tiket lama."
        }
        Key::CategoriesListTitle => "Kategori aktif",
        Key::CategoriesTitle => "Taksonomi Insiden",
        Key::CategoryAdd => "Tambah kategori",
        Key::CategoryCode => "Kode",
        Key::CategoryCodeHint => "Huruf kecil, angka dan garis bawah; tidak dapat diubah.",
        Key::CategoryParent => "Kelas induk",
        Key::CategoryTopLevel => "(kelas utama)",
        Key::ChannelEmail => "Email",
        Key::ChannelHint => "Bagaimana laporan ini diterima tim.",
        Key::ChannelLetter => "Surat",
        Key::ChannelMonitoring => "Tim pemantauan",
        Key::ChannelPhone => "Telepon",
        Key::ChannelWalkIn => "Datang langsung",
        Key::ChannelWeb => "Situs web",
        Key::ChooseOne => "— Pilih —",
        Key::Claim => "Ambil tiket ini",
        Key::Claimed => "Tiket ini sekarang Anda tangani.",
        Key::ClassificationLegend => "Klasifikasi",
        Key::ClockDue => "Batas waktu",
        Key::ClockStandard => "Waktu standar",
        Key::ClockStarted => "Dimulai",
        Key::ClockSteps => "Langkah SOP",
        Key::Close => "Tutup",
        Key::CvssA => "Ketersediaan",
        Key::CvssAc => "Kompleksitas serangan",
        Key::CvssAdjacent => "Jaringan terdekat",
        Key::CvssAv => "Vektor serangan",
        Key::CvssC => "Kerahasiaan",
        Key::CvssChanged => "Berubah",
        Key::CvssHigh => "Tinggi",
        Key::CvssI => "Integritas",
        Key::CvssIncomplete => "Lengkapi kedelapan metrik CVSS, atau kosongkan semuanya.",
        Key::CvssLocal => "Lokal",
        Key::CvssLow => "Rendah",
        Key::CvssMetricsHint => "Pilih nilai setiap metrik dasar; vektor dan skor dihitung langsung.",
        Key::CvssNetwork => "Jaringan",
        Key::CvssNone => "Tidak ada",
        Key::CvssPhysical => "Fisik",
        Key::CvssPr => "Hak akses yang dibutuhkan",
        Key::CvssRequired => "Diperlukan",
        Key::CvssS => "Cakupan",
        Key::CvssUi => "Interaksi pengguna",
        Key::CvssUnchanged => "Tidak berubah",
        Key::Delete => "Hapus",
        Key::Deleted => "Dihapus",
        Key::DispositionHint => "Lembar ini memuat isian formulir disposisi di atas; cetak lalu tanda tangani.",
        Key::DispositionSheet => "Lembar disposisi",
        Key::DispositionTitle => "LEMBAR DISPOSISI",
        Key::Download => "Unduh",
        Key::DueDate => "Batas waktu",
        Key::DuplicateHintsNote => "Laporan lain dengan aset atau judul serupa:",
        Key::DuplicateOf => "Duplikat dari",
        Key::DuplicateOfHint => "Kode tiket laporan asli; pelapornya tetap mendapat apresiasi.",
        Key::DuplicateOfLabel => "Tiket asli",
        Key::DuplicatesTitle => "Kemungkinan duplikat",
        Key::Edit => "Ubah",
        Key::EvidenceStaffNote => "Bukti hanya dapat diunduh; jangan dibuka di perangkat kerja tanpa pemeriksaan.",
        Key::ExplainApprove => "Kepala Dinas mengesahkan dan menandatangani surat dan sertifikat secara elektronik.",
        Key::ExplainComplete => "Tutup tiket setelah surat dan sertifikat terkirim.",
        Key::ExplainOther => "Lanjutkan ke langkah berikutnya.",
        Key::ExplainReject => "Laporan tidak sesuai. Pilih alasannya; pesan kepada pelapor dikirim melalui email.",
        Key::ExplainRequestInfo => {
            "Pertanyaan dikirim ke pelapor melalui email; waktu layanan dihentikan sementara sampai pelapor menjawab."
        }
        Key::ExplainReturn => "Kembalikan draf kepada tim dengan catatan perbaikan.",
        Key::ExplainStart => "Mulai verifikasi dan analisis laporan (langkah 4, waktu standar 1 hari kerja).",
        Key::ExplainSubmit => "Ajukan surat pemberitahuan dan sertifikat apresiasi kepada Kepala Dinas untuk disahkan.",
        Key::FieldAssignee => "Petugas",
        Key::FieldChannel => "Kanal penerimaan",
        Key::FieldPse => "PSE",
        Key::FieldSeverity => "Tingkat keparahan",
        Key::FilterAll => "Semua",
        Key::FilterMine => "Tiket saya",
        Key::FilterOverdue => "Hanya yang terlambat",
        Key::FilterReset => "Atur ulang",
        Key::FilterUnassigned => "Belum ditugaskan",
        Key::Findings => "Temuan",
        Key::HandlingTitle => "Penanganan",
        Key::HostLabel => "Host",
        Key::InfoAnswerHint => "Jawaban Anda dikirim bersama kode tiket dan kunci akses yang Anda masukkan di atas.",
        Key::InfoAnswerLabel => "Jawaban Anda",
        Key::InfoAnswerSent => "Terima kasih, jawaban Anda telah diterima. Tim TTIS melanjutkan verifikasi.",
        Key::InfoAnswerSubmit => "Kirim jawaban",
        Key::Instruction => "Isi disposisi",
        Key::InternalBadge => "internal",
        Key::LabelEn => "Nama (Inggris)",
        Key::LabelId => "Nama (Indonesia)",
        Key::MeetingAttendees => "Peserta rapat",
        Key::MeetingDate => "Tanggal rapat",
        Key::MeetingDecision => "Keputusan rapat",
        Key::MeetingLegend => "Rapat tim",
        Key::MeetingMinutes => "Notulen",
        Key::MessageAudience => "Jenis",
        Key::MessageBodyInternal => "Catatan internal (tidak terlihat oleh pelapor)",
        Key::MessageBodyPublic => "Pesan kepada pelapor (dikirim melalui email)",
        Key::MessageInternal => "Catatan internal",
        Key::MessagePublic => "Pesan kepada pelapor",
        Key::MessageSaveNote => "Simpan catatan",
        Key::MessageSendPublic => "Kirim pesan",
        Key::MessageSent => "Pesan dikirim kepada pelapor.",
        Key::MessageTitle => "Pesan dan catatan",
        Key::NewTicketDone => "Laporan tercatat. Sampaikan kode tiket dan kunci akses kepada pelapor.",
        Key::NewTicketLead => {
            "Catat laporan yang diterima melalui telepon, email, surat, kunjungan langsung, atau dari tim pemantauan."
        }
        Key::NewTicketSubmit => "Catat laporan",
        Key::NewTicketTitle => "Catat laporan baru",
        Key::NoActions => "Tidak ada tindakan untuk Anda pada tahap ini.",
        Key::NoteSaved => "Catatan internal disimpan.",
        Key::PagerLabel => "Halaman antrean",
        Key::PagerNext => "Berikutnya",
        Key::PagerPrev => "Sebelumnya",
        Key::PagerText => "{from}–{to} dari {total}",
        Key::PersonalDataBadge => "Data pribadi",
        Key::PersonalDataNote => "Dilindungi UU PDP No. 27/2022; gunakan hanya untuk penanganan laporan ini.",
        Key::PrintDisposition => "Cetak lembar disposisi",
        Key::Priority => "Sifat",
        Key::PriorityBiasa => "Biasa",
        Key::PrioritySangatSegera => "Sangat segera",
        Key::PrioritySegera => "Segera",
        Key::PseAdd => "Tambah PSE",
        Key::PseAddress => "Alamat",
        Key::PseAssets => "Aset",
        Key::PseContacts => "Kontak",
        Key::PseDeleteConfirm => "Hapus {name} dari daftar PSE?",
        Key::PseEdit => "Ubah PSE",
        Key::PseEmails => "Email",
        Key::PseEmailsHint => "Satu alamat per baris (atau pisahkan dengan koma).",
        Key::PseHead => "Pimpinan",
        Key::PseHeadName => "Nama pimpinan",
        Key::PseHeadTitle => "Jabatan pimpinan",
        Key::PseName => "Nama PSE",
        Key::PseNone => "Belum ditentukan",
        Key::PseRulesHint => "Laporan dicocokkan dengan aturan ini saat diterima (aturan paling spesifik menang).",
        Key::PsesEmpty => "Belum ada PSE terdaftar.",
        Key::PsesLead => "Perangkat daerah penyelenggara sistem elektronik dan aset yang mereka kelola.",
        Key::PsesListTitle => "Daftar PSE",
        Key::PsesTitle => "Daftar PSE",
        Key::QuestionLabel => "Pertanyaan kepada pelapor",
        Key::QueueAdminOnly => {
            "Antrean tiket untuk analis dan Kepala Dinas. Sebagai administrator, kelola akun, daftar PSE dan taksonomi melalui tautan di atas."
        }
        Key::QueueAutoRefresh => "Diperbarui otomatis setiap 30 detik",
        Key::QueueFiltersLabel => "Saring antrean",
        Key::QueueSearch => "Cari",
        Key::QueueSearchButton => "Cari",
        Key::QueueSearchHint => "Kode, judul, aset, nama atau email pelapor",
        Key::ReasonDuplicate => "Duplikat laporan lain",
        Key::ReasonInsufficient => "Informasi tidak cukup",
        Key::ReasonNotValid => "Tidak valid",
        Key::ReasonOutOfScope => "Di luar cakupan",
        Key::ReasonSpam => "Spam",
        Key::Recommendations => "Rekomendasi kepada PSE",
        Key::RejectMessageLabel => "Pesan kepada pelapor",
        Key::RejectReasonLabel => "Alasan",
        Key::RemarksLabel => "Catatan perbaikan",
        Key::Remove => "Hapus",
        Key::Rename => "Ubah nama",
        Key::ReportSection => "Laporan",
        Key::ReporterSection => "Pelapor",
        Key::Restore => "Aktifkan kembali",
        Key::Restored => "Diaktifkan kembali",
        Key::Retire => "Nonaktifkan",
        Key::RetireConfirm => "Nonaktifkan kategori {name}? Tiket lama tetap memakai kategori ini.",
        Key::Retired => "Dinonaktifkan",
        Key::RetiredNow => "Baru dinonaktifkan",
        Key::RuleAdd => "Tambah aturan aset",
        Key::RuleAppName => "Nama aplikasi",
        Key::RuleCidr => "Rentang IP (CIDR)",
        Key::RuleDomainSuffix => "Domain dan subdomain",
        Key::RuleExactHost => "Host persis",
        Key::RuleKind => "Jenis aturan",
        Key::RuleValue => "Nilai",
        Key::Save => "Simpan",
        Key::Saved => "Tersimpan",
        Key::SevKritis => "Kritis",
        Key::SevRendah => "Rendah",
        Key::SevSedang => "Sedang",
        Key::SevTinggi => "Tinggi",
        Key::SheetDate => "Tanggal",
        Key::SheetFrom => "Dari",
        Key::SheetSigner => "Pemberi disposisi,",
        Key::SheetTo => "Kepada",
        Key::SlaClosed => "Selesai",
        Key::SlaColumn => "Waktu layanan",
        Key::SlaLeft => "sisa {t}",
        Key::SlaOverdue => "terlambat {t}",
        Key::SlaPausedShort => "dijeda (menunggu pelapor)",
        Key::SortCode => "Kode tiket",
        Key::SortDue => "Paling mendesak",
        Key::SortLabel => "Urutkan",
        Key::SortNewest => "Terbaru",
        Key::SortOldest => "Terlama",
        Key::SortOrder => "Urutan",
        Key::SortState => "Status",
        Key::SortTitle => "Judul",
        Key::StaffNavLabel => "Menu petugas",
        Key::Subject => "Perihal",
        Key::TicketClosed => "Tiket ini sudah ditutup.",
        Key::TlAssignment => "Disposisi",
        Key::TlMessage => "Pesan kepada pelapor",
        Key::TlNote => "Catatan internal",
        Key::TlReply => "Jawaban pelapor",
        Key::TlStateChange => "Status:",
        Key::Unassigned => "Belum ditugaskan",
        Key::WaitingReporter => "Menunggu jawaban pelapor; waktu layanan dihentikan sementara.",
        Key::EvidenceTitle => "Bukti",
        Key::ApprovalsTitle => "Persetujuan Dokumen",
        Key::ApprovalsLead => {
            "Surat pemberitahuan dan sertifikat apresiasi yang menunggu pengesahan dan tanda tangan Kepala Dinas (langkah 6–7 SOP)."
        }
        Key::ApprovalsListTitle => "Menunggu persetujuan",
        Key::ApprovalsEmptyTitle => "Tidak ada dokumen yang menunggu persetujuan.",
        Key::ApprovalsEmptyText => "Tiket yang diajukan tim akan muncul di sini.",
        Key::ApprovalsHeadOnly => {
            "Hanya Kepala Dinas yang dapat mengesahkan dokumen; bagi Anda daftar ini hanya untuk dibaca."
        }
        Key::ApprovalsOpen => "Tinjau",
        Key::ApprovalsSince => "Diajukan",
        Key::ApprovalsWaiting => "tiket menunggu persetujuan",
        Key::NavApprovals => "Persetujuan",
        Key::NavOrganization => "Organisasi",
        Key::ApprovedDocsText => {
            "Surat dan sertifikat telah disetujui dan ditandatangani pada {date}, lalu dikirim ke email Anda."
        }
        Key::DocDraft => "Draf",
        Key::DocFinal => "Final",
        Key::DocKind => "Jenis dokumen",
        Key::DocLatestPreviews => "Pratinjau versi terbaru",
        Key::DocNumber => "Nomor",
        Key::DocOpenTab => "Buka di tab baru",
        Key::DocPreview => "Pratinjau",
        Key::DocRevoked => "Dicabut",
        Key::DocSigned => "Ditandatangani",
        Key::DocVerifyLink => "Verifikasi",
        Key::DocVersion => "Versi",
        Key::DocumentsNone => {
            "Belum ada dokumen. Laporan hasil analisis, surat dan sertifikat disusun saat laporan diverifikasi."
        }
        Key::DocumentsTitle => "Dokumen",
        Key::DraftsTitle => "Draf surat dan sertifikat",
        Key::DraftsLead => {
            "Ubah bagian surat pemberitahuan dan sertifikat apresiasi yang dapat disesuaikan. Setiap penyimpanan menyusun ulang kedua dokumen sebagai versi baru; versi lama tetap tersimpan."
        }
        Key::DraftRevision => "Revisi {n}, diperbarui {at}",
        Key::DraftLetterLegend => "Surat pemberitahuan insiden siber",
        Key::DraftRecipient => "Kepada (Yth.)",
        Key::DraftRecipientHint => "Jabatan penerima, mis. Kepala Dinas Pendidikan Kabupaten Kutai Kartanegara.",
        Key::DraftRecipientPlace => "Di (tempat)",
        Key::DraftNature => "Sifat surat",
        Key::NatureBiasa => "Biasa",
        Key::NatureSegera => "Segera",
        Key::NatureRahasia => "Rahasia",
        Key::DraftResponseDays => "Batas tanggapan (hari kerja)",
        Key::DraftResponseDaysInvalid => "Isi bilangan bulat 1 sampai 90.",
        Key::DraftSummary => "Ringkasan laporan",
        Key::DraftSummaryHint => "Paragraf pembuka: apa yang dilaporkan kepada Tim TTIS.",
        Key::DraftCopies => "Tembusan",
        Key::DraftCopiesHint => "Satu penerima per baris, paling banyak 10.",
        Key::DraftCopiesTooMany => "Paling banyak 10 baris tembusan.",
        Key::DraftCertificateLegend => "Sertifikat apresiasi",
        Key::DraftCertificateName => "Nama penerima sertifikat",
        Key::DraftCertificateNameHint => "Bawaannya nama yang dipilih pelapor untuk Hall of Fame.",
        Key::DraftCitation => "Kalimat apresiasi",
        Key::DraftCitationHint => "Mis. atas laporan kerentanan yang disampaikan secara bertanggung jawab.",
        Key::DraftsSave => "Simpan draf",
        Key::DraftsSaveHint => "Kedua dokumen disusun ulang sebagai versi baru.",
        Key::DraftsSaved => "Draf disimpan; surat dan sertifikat versi baru telah disusun.",
        Key::HeadRemarks => "Catatan Kepala Dinas",
        Key::ReviewDraftsTitle => "Tinjau draf surat dan sertifikat",
        Key::ReviewDraftsHint => {
            "Periksa kedua draf, lalu sahkan dan tanda tangani, atau kembalikan kepada tim dengan catatan perbaikan."
        }
        Key::FixMarkedFields => "Periksa kembali isian yang ditandai merah.",
        Key::OrgTitle => "Pengaturan Organisasi",
        Key::OrgLead => {
            "Kop surat, penanda tangan, dan penomoran surat serta sertifikat. Dokumen yang disusun sesudahnya memakai pengaturan ini; dokumen yang sudah ditandatangani tidak berubah."
        }
        Key::OrgForbidden => "Hanya administrator yang dapat mengubah pengaturan organisasi.",
        Key::OrgFormTitle => "Kop surat dan penanda tangan",
        Key::OrgLetterheadLegend => "Kop surat",
        Key::OrgGovernmentName => "Nama pemerintah daerah",
        Key::OrgGovernmentNameHint => "Baris pertama kop, mis. PEMERINTAH KABUPATEN KUTAI KARTANEGARA.",
        Key::OrgAgencyName => "Nama perangkat daerah",
        Key::OrgWebsite => "Situs web",
        Key::OrgCity => "Kota tempat surat dibuat",
        Key::OrgCityHint => "Dipakai pada baris tanggal, mis. Tenggarong, 10 Juli 2025.",
        Key::OrgSignerLegend => "Penanda tangan",
        Key::OrgSignerName => "Nama penanda tangan",
        Key::OrgSignerTitle => "Jabatan",
        Key::OrgSignerTitleHint => "Dicetak di atas tanda tangan, mis. Kepala Dinas Komunikasi dan Informatika.",
        Key::OrgSignerNip => "NIP",
        Key::OrgSignerRank => "Pangkat/golongan",
        Key::OrgSignerRankHint => "Mis. Pembina Utama Muda.",
        Key::OrgNumberingLegend => "Penomoran",
        Key::OrgPatternHint => {
            "Pola nomor: {seq} (wajib, tepat satu kali; urutan dimulai ulang setiap tahun), {YYYY} tahun, {MM} bulan (07), {ROMAN_MM} bulan dalam angka Romawi (VII). Contoh: B-{seq}/DISKOMINFO/000.6/{MM}/{YYYY}."
        }
        Key::OrgLetterPattern => "Pola nomor surat",
        Key::OrgCertificatePattern => "Pola nomor sertifikat",
        Key::OrgPatternInvalid => {
            "Pola harus memuat {seq} tepat satu kali, selain itu hanya {YYYY}, {MM} atau {ROMAN_MM}."
        }
        Key::OrgSaved => "Pengaturan organisasi disimpan.",
        Key::OrgLogoTitle => "Logo kop surat",
        Key::OrgLogoNone => "Belum ada logo yang diunggah; kop surat memakai lambang bawaan.",
        Key::OrgLogoAlt => "Logo kop surat saat ini",
        Key::OrgLogoChoose => "Berkas logo",
        Key::OrgLogoHint => "PNG atau JPEG, paling besar 512 KB.",
        Key::OrgLogoWrongType => "Logo harus berupa berkas PNG atau JPEG.",
        Key::OrgLogoTooLarge => "Logo terlalu besar; paling besar 512 KB.",
        Key::OrgLogoChooseFirst => "Pilih berkas logo terlebih dahulu.",
        Key::OrgLogoUpload => "Unggah logo",
        Key::OrgLogoUploaded => "Logo diunggah.",
        Key::OrgLogoRemove => "Hapus logo",
        Key::OrgLogoRemoveConfirm => "Hapus logo? Kop surat kembali memakai lambang bawaan.",
        Key::OrgLogoRemoved => "Logo dihapus; kop surat memakai lambang bawaan.",
        Key::RevokeTitle => "Cabut dokumen",
        Key::RevokeLead => {
            "Khusus administrator. Dokumen yang dicabut tetap tersimpan, tetapi halaman ini menyatakannya tidak berlaku beserta alasannya. Pencabutan tidak dapat dibatalkan."
        }
        Key::RevokeReason => "Alasan pencabutan",
        Key::RevokeSubmit => "Cabut dokumen",
        Key::VerifyLookupTitle => "Cari dokumen",
        Key::VerifyIdHint => "Tertera di bawah kode QR pada dokumen; Anda juga dapat menempelkan alamat dari kode QR.",
        Key::VerifySubmit => "Periksa dokumen",
        Key::VerifyNotFoundTitle => "Dokumen tidak ditemukan.",
        Key::VerifyNotFoundText => {
            "Tidak ada dokumen bertanda tangan dengan nomor rujukan ini. Periksa kembali nomor pada dokumen atau pindai ulang kode QR-nya. Dokumen yang tidak dapat diverifikasi di sini jangan dianggap resmi."
        }
        Key::VerifyValidTitle => "Sah (Valid)",
        Key::VerifyValidText => {
            "Dokumen ini diterbitkan oleh TTIS dan tanda tangan elektroniknya terverifikasi. Cocokkan isinya dengan rincian di bawah, atau periksa berkas Anda."
        }
        Key::VerifyRevokedTitle => "Dicabut",
        Key::VerifyRevokedText => "Dokumen ini dicabut pada {date} dan tidak berlaku lagi.\nAlasan: {reason}",
        Key::VerifyInvalidTitle => "Tidak valid",
        Key::VerifyInvalidText => {
            "Tanda tangan elektronik dokumen ini tidak dapat diverifikasi. Jangan mengandalkan dokumen ini dan hubungi Tim TTIS."
        }
        Key::VerifyDate => "Tanggal dokumen",
        Key::VerifyIssuer => "Penerbit",
        Key::VerifySigner => "Ditandatangani oleh",
        Key::VerifySignerTitle => "Jabatan penanda tangan",
        Key::VerifySignedAt => "Waktu penandatanganan",
        Key::VerifySignature => "Tanda tangan elektronik",
        Key::VerifySignatureOk => "Terverifikasi",
        Key::VerifySignatureBad => "Tidak terverifikasi",
        Key::VerifyKeyId => "ID kunci penanda tangan",
        Key::VerifyTechnical => "Rincian teknis",
        Key::VerifyPublicKey => "Kunci publik (Base64)",
        Key::VerifySignatureValue => "Nilai tanda tangan (Base64)",
        Key::VerifyTechnicalHint => {
            "Tanda tangan dibuat atas SHA-256 berkas PDF; siapa pun dapat memeriksanya dengan kunci publik ini."
        }
        Key::VerifyFileTitle => "Cocokkan berkas Anda",
        Key::VerifyFileLead => {
            "Pilih berkas PDF yang Anda terima untuk memastikan isinya sama persis dengan dokumen yang ditandatangani. Berkas hanya dibandingkan dan tidak disimpan."
        }
        Key::VerifyFileLabel => "Berkas PDF",
        Key::VerifyFileCheck => "Cocokkan berkas",
        Key::VerifyFileChooseFirst => "Pilih berkas PDF terlebih dahulu.",
        Key::VerifyFileTooLarge => "Berkas terlalu besar; paling besar 10 MB.",
        Key::VerifyFileMatches => "Berkas identik dengan dokumen yang ditandatangani.",
        Key::VerifyFileDiffers => {
            "Berkas berbeda dari dokumen yang ditandatangani: isinya tidak sama atau telah diubah."
        }
        Key::VerifyFileYourHash => "SHA-256 berkas Anda",
        Key::VerifyFileSignedHash => "SHA-256 dokumen yang ditandatangani",
        Key::StepDoneAt => "Waktu selesai",
        Key::StepNotYet => "belum",
        Key::DownloadsTitle => "Unduh dokumen Anda",
        Key::DownloadsHint => {
            "Dokumen berikut telah ditandatangani secara elektronik. Keasliannya dapat diperiksa siapa pun di halaman Verifikasi Dokumen."
        }
        Key::HofShowRealName => "Nama asli",
        Key::HofShowAlias => "Alias",
        Key::HofShowAnonymous => "Anonim (tercantum tanpa nama)",
        Key::HofShowHidden => "Tidak dicantumkan di Hall of Fame",
        Key::HofChangeHint => {
            "Laporan yang valid dicantumkan di Hall of Fame setelah surat dan sertifikatnya disetujui. Anda dapat mengubah cara Anda ditampilkan kapan saja; perubahan berlaku seketika."
        }
        Key::HofChoiceLabel => "Tampilkan saya sebagai",
        Key::HofAliasHint => "Paling banyak 60 karakter. Alias tidak pernah dikaitkan dengan nama asli Anda.",
        Key::HofSaved => "Pilihan tampilan Hall of Fame telah disimpan.",
        Key::HofReportsOne => "{n} laporan valid",
        Key::HofReportsMany => "{n} laporan valid",
        Key::HofEmptyTitle => "Belum ada pelapor yang tercantum.",
        Key::HofEmptyText => {
            "Pelapor laporan yang valid akan tercantum di sini setelah surat pemberitahuan dan sertifikat apresiasinya disetujui."
        }
        Key::HofEmptyYearText => {
            "Tidak ada pelapor yang tercantum untuk tahun {year}. Pilih tahun lain atau tampilkan semua tahun."
        }
        Key::HofSummary => "Pelapor: {people} · {reports}",
        Key::HofListTitle => "Daftar pelapor",
        Key::HofYearLabel => "Tahun",
        Key::HofAllYears => "Semua tahun",
        Key::HofNote => {
            "Hall of Fame hanya memuat nama tampilan yang dipilih pelapor; data pribadi lainnya tidak pernah ditampilkan. Keaslian setiap sertifikat dapat diperiksa melalui tautan pada nomornya."
        }
        Key::HofAnonymousName => "Anonim",
        Key::HofRank => "Peringkat",
        Key::HofLatest => "Terakhir",
        Key::HofCertificates => "Sertifikat",
        Key::HofVerifyCertificate => "Verifikasi sertifikat",
        Key::AckTitle => "Konfirmasi Penerimaan Surat",
        Key::AckLead => {
            "Halaman ini untuk penyelenggara sistem elektronik (PSE) yang menerima Surat Pemberitahuan Insiden Siber dari Tim TTIS. Dengan mengonfirmasi, Anda menyatakan bahwa surat telah diterima dan, bila sudah, bahwa celahnya telah diperbaiki. Tautan ini hanya dapat digunakan satu kali."
        }
        Key::AckFormTitle => "Konfirmasi penerimaan",
        Key::AckFixed => "Celah sudah diperbaiki",
        Key::AckFixedHint => {
            "Centang hanya bila perbaikan sudah selesai. Bila belum, cukup konfirmasi penerimaan surat dan kabari Tim TTIS setelah celah diperbaiki."
        }
        Key::AckName => "Nama dan jabatan yang mengonfirmasi",
        Key::AckNote => "Catatan",
        Key::AckNoteHint => "Misalnya langkah yang telah atau akan diambil.",
        Key::AckSubmit => "Kirim konfirmasi",
        Key::AckThanks => "Terima kasih. Konfirmasi Anda telah tercatat.",
        Key::AckLetterNumber => "Nomor surat",
        Key::AckAt => "Waktu konfirmasi",
        Key::AckFixedLabel => "Celah sudah diperbaiki",
        Key::AckNotFixedHint => "Setelah celah diperbaiki, mohon kabari Tim TTIS melalui kanal resmi.",
        Key::AckUsed => "Tautan ini sudah digunakan.",
        Key::AckUsedHint => {
            "Penerimaan surat ini sudah dikonfirmasi sebelumnya dan tidak dapat diubah lagi. Bila ada pertanyaan, hubungi Tim TTIS melalui kanal resmi."
        }
        Key::AckInvalid => "Tautan tidak valid.",
        Key::AckInvalidHint => {
            "Periksa apakah tautan tersalin utuh dari email. Bila masih gagal, hubungi Tim TTIS melalui kanal resmi."
        }
        Key::AckNoToken => {
            "Buka halaman ini melalui tautan lengkap pada email Surat Pemberitahuan Insiden Siber. Pastikan seluruh tautan tersalin, termasuk bagian setelah tanda #."
        }
        Key::DeliveriesTitle => "Pengiriman",
        Key::DeliveriesNone => "Belum ada pemberitahuan yang dikirim untuk tiket ini.",
        Key::DeliveryChannel => "Saluran",
        Key::DeliveryRecipients => "Penerima",
        Key::DeliverySentAt => "Terkirim pada",
        Key::DeliverySent => "Terkirim",
        Key::DeliveryPending => "Menunggu",
        Key::DeliverySending => "Sedang dikirim",
        Key::DeliveryFailed => "Gagal",
        Key::DeliveryWebhook => "Webhook",
        Key::DeliveryNextAttempt => "Percobaan berikutnya:",
        Key::DeliveryAttempts => "Percobaan",
        Key::DeliveryLastError => "Kesalahan terakhir",
        Key::DeliveryResend => "Kirim ulang",
        Key::DeliveryResent => "Pesan dimasukkan kembali ke antrean pengiriman.",
        Key::DeliveryPurposeDocuments => "Pengiriman dokumen (langkah 9)",
        Key::DeliveryAttachments => "Lampiran",
        Key::FailedDeliveriesTitle => "Pengiriman gagal",
        Key::FailedDeliveriesHint => {
            "Pemberitahuan berikut tetap gagal setelah semua percobaan ulang. Buka tiketnya untuk memeriksa alamat penerima, lalu kirim ulang."
        }
        Key::PseAckTitle => "Konfirmasi PSE",
        Key::PseAckShort => "PSE telah mengonfirmasi penerimaan surat",
        Key::PseAckMarker => "PSE ✓",
        Key::WebhooksTitle => "Webhook",
        Key::WebhooksLead => {
            "Beri tahu sistem lain (misalnya SOC atau aplikasi tiket) secara otomatis saat laporan masuk, status tiket berubah, dokumen disetujui, atau tiket selesai. Khusus administrator."
        }
        Key::WebhooksListTitle => "Webhook terdaftar",
        Key::WebhooksEmptyTitle => "Belum ada webhook.",
        Key::WebhooksEmptyText => "Daftarkan alamat penerima dengan formulir Tambah webhook.",
        Key::WebhookUrl => "Alamat (URL) penerima",
        Key::WebhookUrlHint => {
            "Alamat https:// (atau http:// untuk penerima di jaringan yang sama) yang menerima permintaan POST berisi JSON."
        }
        Key::WebhookUrlInvalid => "Masukkan alamat lengkap yang diawali https:// atau http://, tanpa spasi.",
        Key::WebhookEvents => "Peristiwa",
        Key::WebhookEventsRequired => "Pilih minimal satu peristiwa.",
        Key::WebhookEvent => "Peristiwa",
        Key::WebhookEventReportSubmitted => "Laporan baru masuk",
        Key::WebhookEventTicketStateChanged => "Status tiket berubah",
        Key::WebhookEventDocumentApproved => "Surat dan sertifikat disetujui",
        Key::WebhookEventTicketCompleted => "Tiket selesai",
        Key::WebhookAdd => "Tambah webhook",
        Key::WebhookDeleteConfirm => "Hapus webhook {url}? Panggilan yang masih dalam antrean akan gagal.",
        Key::WebhookDeleted => "Webhook dihapus",
        Key::WebhookCalls => "Lihat pengiriman",
        Key::WebhookHideCalls => "Tutup pengiriman",
        Key::WebhookNoCalls => "Belum ada panggilan ke webhook ini.",
        Key::WebhookSecretTitle => "Rahasia penandatanganan webhook",
        Key::WebhookSecretCopyNow => "Salin rahasia ini sekarang.",
        Key::WebhookSecretOnce => {
            "Rahasia untuk {url} hanya ditampilkan kali ini dan tidak dapat dilihat lagi. Simpan di sistem penerima; bila hilang, hapus webhook lalu daftarkan ulang."
        }
        Key::WebhookSecretDone => "Sudah saya simpan",
        Key::WebhookHowToTitle => "Cara memverifikasi panggilan",
        Key::WebhookHowToHeaders => {
            "Setiap peristiwa dikirim sebagai permintaan POST berisi JSON dengan header X-TTIS-Event (nama peristiwa), X-TTIS-Delivery (nomor pengiriman, untuk mengenali pengulangan), dan X-TTIS-Signature."
        }
        Key::WebhookHowToVerify => {
            "Header X-TTIS-Signature berbentuk t=<waktu Unix>,v1=<tanda tangan>. Hitung HMAC-SHA256 atas teks \"<t>.<isi permintaan apa adanya>\" dengan rahasia webhook, tulis dalam heksadesimal, lalu bandingkan dengan v1 secara waktu-konstan. Tolak panggilan bila tidak cocok atau bila t terpaut lebih dari 5 menit dari jam Anda."
        }
        Key::WebhookHowToRetry => {
            "Jawab dengan status 2xx. Panggilan yang gagal dicoba ulang dengan jeda yang makin panjang; riwayatnya dapat dilihat dengan tombol Lihat pengiriman."
        }
        Key::QueueExport => "Unduh CSV",
        Key::QueueExportHint => {
            "Unduh semua tiket sesuai filter dan urutan saat ini sebagai berkas CSV (dipisah titik koma)."
        }
        Key::StatsNav => "Statistik",
        Key::StatsTitle => "Statistik Laporan Insiden Siber",
        Key::StatsLead => {
            "Jumlah laporan per bulan dan kategori, ketepatan waktu setiap langkah SOP, hasil penanganan, dan tiket yang masih terbuka — untuk pimpinan dan tim."
        }
        Key::StatsForbidden => "Statistik hanya untuk analis dan Kepala Dinas.",
        Key::StatsPeriodLabel => "Periode dan filter statistik",
        Key::StatsFrom => "Dari tanggal",
        Key::StatsTo => "Sampai tanggal",
        Key::StatsApply => "Terapkan",
        Key::StatsThisYear => "Tahun ini",
        Key::StatsDateInvalid => "Isi tanggal yang valid.",
        Key::StatsDateOrder => "Tanggal akhir tidak boleh sebelum tanggal awal.",
        Key::StatsPrint => "Cetak",
        Key::StatsSummaryTitle => "Ringkasan",
        Key::StatsPeriodText => "Periode {from} s.d. {to}",
        Key::StatsTotal => "Total laporan",
        Key::StatsValid => "Valid",
        Key::StatsRejected => "Ditolak",
        Key::StatsOpen => "Masih diproses",
        Key::StatsMonthsTitle => "Laporan per bulan dan kategori",
        Key::StatsMonthsHint => "Setiap kolom adalah satu bulan; warnanya menunjukkan kategori insiden.",
        Key::StatsMonth => "Bulan",
        Key::StatsNoReports => "Tidak ada laporan pada periode ini.",
        Key::StatsShowTable => "Lihat data dalam tabel",
        Key::StatsSlaTitle => "Ketepatan waktu per langkah SOP",
        Key::StatsSlaHint => {
            "Persentase pelaksanaan langkah yang selesai dalam waktu standar (Mutu Baku) pada periode ini."
        }
        Key::StatsSlaLegend => {
            "Hijau: minimal {green}; kuning: {amber} sampai di bawah {green}; merah: di bawah {amber}."
        }
        Key::StatsNoData => "Tidak ada data",
        Key::StatsStep => "Langkah",
        Key::StatsWithinStandard => "Sesuai waktu standar",
        Key::StatsInstances => "Jumlah pelaksanaan",
        Key::StatsStepsTitle => "Waktu penyelesaian per langkah",
        Key::StatsMedian => "Median",
        Key::StatsP90 => "Persentil ke-90",
        Key::StatsOutcomesTitle => "Hasil penanganan laporan",
        Key::StatsOutcomesHint => {
            "Laporan pada periode ini menurut hasilnya: valid, ditolak beserta alasannya, atau masih diproses."
        }
        Key::StatsOutcome => "Hasil",
        Key::StatsOutcomeValid => "Valid (ditindaklanjuti)",
        Key::StatsOutcomeOpen => "Masih diproses",
        Key::StatsOutcomeRejected => "Ditolak",
        Key::StatsCount => "Jumlah",
        Key::StatsShare => "Persentase",
        Key::StatsAgeTitle => "Tiket terbuka menurut umur",
        Key::StatsAgeHint => {
            "Semua tiket yang belum selesai saat ini, menurut lama sejak laporan masuk (tidak terbatas pada periode)."
        }
        Key::StatsAge => "Umur tiket",
        Key::StatsAgeLt1d => "< 1 hari",
        Key::StatsAge1To3d => "1–3 hari",
        Key::StatsAge3To7d => "3–7 hari",
        Key::StatsAge7To30d => "7–30 hari",
        Key::StatsAgeGt30d => "> 30 hari",
        Key::StatsBreakdownsTitle => "Rincian laporan",
        Key::StatsByCategory => "Menurut kategori",
        Key::StatsBySeverity => "Menurut tingkat keparahan",
        Key::StatsByReporter => "Menurut jenis pelapor",
        Key::StatsReporterType => "Jenis pelapor",
        Key::StatsTopPses => "PSE dengan laporan terbanyak",
        Key::StatsExportsTitle => "Unduh data dan rekapitulasi",
        Key::StatsExportsHint => {
            "Berkas CSV memakai periode dan kategori yang diterapkan di atas, dipisah titik koma agar langsung terbaca di spreadsheet berbahasa Indonesia."
        }
        Key::StatsExportStats => "Unduh statistik (CSV)",
        Key::StatsExportTickets => "Unduh daftar tiket (CSV)",
        Key::StatsRecapTitle => "Rekapitulasi Laporan Insiden Siber",
        Key::StatsRecapHint => "Rekap bulanan dalam format PDF untuk dilaporkan kepada pimpinan.",
        Key::StatsRecapMonth => "Bulan",
        Key::StatsRecapMonthInvalid => "Pilih bulan rekapitulasi.",
        Key::StatsRecapDownload => "Unduh rekap (PDF)",
        Key::StatsTeaserTitle => "Statistik tahun ini",
        Key::StatsTeaserText => "Tren laporan, ketepatan waktu setiap langkah SOP, dan rekap bulanan untuk pimpinan.",
        Key::StatsOpenPage => "Buka statistik",
        Key::SlaTableTitle => "Waktu layanan per langkah SOP",
        Key::SlaTableHint => {
            "Waktu yang dipakai setiap langkah dibandingkan waktu standarnya. Waktu menunggu jawaban pelapor tidak dihitung. Hijau: dalam 80% waktu standar; kuning: mendekati batas; merah: melewati waktu standar."
        }
        Key::SlaEnded => "Selesai",
        Key::SlaSpent => "Waktu terpakai",
        Key::SlaRunning => "Sedang berjalan",
        Key::SlaNoStandard => "Tanpa waktu standar",
        Key::SlaStatusGreen => "Sesuai standar",
        Key::SlaStatusAmber => "Mendekati batas",
        Key::SlaStatusRed => "Melewati standar",
        Key::SlaStatusNotStarted => "Belum dimulai",
        Key::SlaStatusNotTimed => "Tidak diukur",
        Key::SlaPolicyNav => "Kebijakan SLA",
        Key::SlaPolicyTitle => "Kebijakan SLA dan Hari Libur",
        Key::SlaPolicyLead => {
            "Atur hari kerja, zona waktu, dan waktu standar setiap langkah SOP. Perubahan langsung berlaku pada tenggat tiket yang masih terbuka."
        }
        Key::SlaFormTitle => "Kalender kerja dan waktu standar",
        Key::SlaUpdatedAt => "Terakhir diubah:",
        Key::SlaCalendarLegend => "Kalender kerja",
        Key::SlaOffset => "Zona waktu",
        Key::SlaOffsetHint => "Hari kerja dihitung menurut jam setempat di zona ini.",
        Key::SlaOfficeHours => "Batasi pada jam kerja kantor",
        Key::SlaOfficeHoursHint => {
            "Bila dipilih, standar dalam menit hanya dihitung pada jam kerja, dan standar hari kerja dimulai pada jam buka berikutnya. Bila tidak, waktu dihitung sepanjang hari."
        }
        Key::SlaDayStart => "Jam buka",
        Key::SlaDayEnd => "Jam tutup",
        Key::SlaHoursInvalid => "Jam tutup harus setelah jam buka.",
        Key::SlaOffsetWib => "WIB — Waktu Indonesia Barat (UTC+7)",
        Key::SlaOffsetWita => "WITA — Waktu Indonesia Tengah (UTC+8)",
        Key::SlaOffsetWit => "WIT — Waktu Indonesia Timur (UTC+9)",
        Key::SlaWorkingDays => "Hari kerja",
        Key::SlaWorkingDaysHint => {
            "Waktu standar dalam hari kerja melewati hari yang tidak dicentang dan hari libur di bawah."
        }
        Key::SlaDaysRequired => "Pilih minimal satu hari kerja.",
        Key::SlaStandardsLegend => "Waktu standar per langkah SOP",
        Key::SlaStandardsHint => {
            "Isi dalam menit atau hari kerja, atau pilih tanpa waktu standar. Standar SOP (Mutu Baku) ditampilkan sebagai acuan."
        }
        Key::SlaUnit => "Satuan",
        Key::SlaValue => "Nilai",
        Key::SlaSopStandard => "Standar SOP",
        Key::SlaUnitNone => "Tanpa waktu standar",
        Key::SlaUnitMinutes => "Menit",
        Key::SlaUnitWorkingDays => "Hari kerja",
        Key::SlaValueInvalid => "Isi bilangan bulat lebih dari 0.",
        Key::SlaResetSop => "Kembalikan ke standar SOP",
        Key::SlaSaved => "Kebijakan SLA disimpan. Tenggat tiket yang masih terbuka telah dihitung ulang.",
        Key::DayMonday => "Senin",
        Key::DayTuesday => "Selasa",
        Key::DayWednesday => "Rabu",
        Key::DayThursday => "Kamis",
        Key::DayFriday => "Jumat",
        Key::DaySaturday => "Sabtu",
        Key::DaySunday => "Minggu",
        Key::HolidaysTitle => "Hari libur dan cuti bersama",
        Key::HolidaysHint => "Hari libur nasional dan cuti bersama tidak dihitung sebagai hari kerja.",
        Key::HolidaysEmpty => "Belum ada hari libur yang dicatat.",
        Key::HolidayDate => "Tanggal",
        Key::HolidayName => "Keterangan",
        Key::HolidayNameHint => "Contoh: Hari Raya Natal, Cuti bersama Idulfitri.",
        Key::HolidayDateInvalid => "Pilih tanggal yang valid.",
        Key::HolidayAdd => "Tambah hari libur",
        Key::HolidaySaved => "Hari libur disimpan",
        Key::HolidayDeleted => "Hari libur dihapus",
        Key::LoginTotpLabel => "Kode verifikasi",
        Key::LoginTotpHint => {
            "Akun ini memakai verifikasi dua langkah. Buka aplikasi autentikator Anda lalu masukkan kode 6 angka untuk TTIS Lapor."
        }
        Key::EnrollmentBannerTitle => "Aktifkan verifikasi dua langkah",
        Key::EnrollmentBannerText => {
            "Kebijakan keamanan mewajibkan administrator dan kepala dinas memakai verifikasi dua langkah. Sampai Anda mengaktifkannya, hanya halaman akun Anda yang dapat dibuka."
        }
        Key::EnrollmentBannerLink => "Buka halaman akun",
        Key::NavAccount => "Akun Saya",
        Key::NavSecurity => "Keamanan",
        Key::NavAudit => "Log Audit",
        Key::NavReporterData => "Data Pelapor",
        Key::AccountTitle => "Akun Saya",
        Key::AccountLead => "Kelola verifikasi dua langkah, kata sandi, dan sesi masuk akun Anda.",
        Key::TotpTitle => "Verifikasi dua langkah",
        Key::TotpIntro => {
            "Selain kata sandi, masuk juga meminta kode 6 angka dari aplikasi autentikator di ponsel Anda (misalnya Google Authenticator, Microsoft Authenticator, atau FreeOTP)."
        }
        Key::TotpOn => "Aktif",
        Key::TotpOff => "Tidak aktif",
        Key::TotpStartHint => "Masukkan kata sandi Anda untuk mulai mendaftarkan aplikasi autentikator.",
        Key::TotpStart => "Mulai aktivasi",
        Key::TotpScanTitle => "Pindai kode QR",
        Key::TotpScanText => {
            "Pindai kode QR ini dengan aplikasi autentikator, atau ketik kunci di bawahnya secara manual. Lalu masukkan kode 6 angka yang ditampilkan aplikasi."
        }
        Key::TotpQrAlt => "Kode QR untuk aplikasi autentikator",
        Key::TotpSecretLabel => "Kunci untuk dimasukkan manual",
        Key::TotpCodeLabel => "Kode 6 angka",
        Key::TotpActivate => "Aktifkan",
        Key::TotpActivated => {
            "Verifikasi dua langkah aktif. Mulai sekarang, masuk meminta kode dari aplikasi autentikator."
        }
        Key::TotpRemoveTitle => "Nonaktifkan verifikasi dua langkah",
        Key::TotpRemoveHint => "Perlu kata sandi Anda dan kode saat ini dari aplikasi autentikator.",
        Key::TotpRemove => "Nonaktifkan",
        Key::TotpRemoved => "Verifikasi dua langkah dinonaktifkan.",
        Key::PwTitle => "Ganti kata sandi",
        Key::PwCurrent => "Kata sandi saat ini",
        Key::PwNew => "Kata sandi baru",
        Key::PwNewHint => {
            "Minimal 12 karakter. Frasa panjang yang mudah diingat lebih baik daripada kata sandi pendek yang rumit; kata sandi yang umum ditolak."
        }
        Key::PwConfirm => "Ulangi kata sandi baru",
        Key::PwMismatch => "Kedua kata sandi baru tidak sama.",
        Key::PwSubmit => "Ganti kata sandi",
        Key::PwChanged => "Kata sandi diganti. Sesi Anda di perangkat lain telah diakhiri.",
        Key::SessionsTitle => "Sesi aktif",
        Key::SessionsLead => {
            "Perangkat dan peramban tempat akun Anda sedang masuk. Akhiri sesi yang tidak Anda kenali."
        }
        Key::SessionStarted => "Mulai",
        Key::SessionLastUsed => "Terakhir dipakai",
        Key::SessionIp => "Alamat IP",
        Key::SessionBrowser => "Peramban",
        Key::SessionCurrent => "Perangkat ini",
        Key::SessionEnd => "Akhiri",
        Key::SessionEnded => "Sesi diakhiri.",
        Key::SessionsEmpty => "Tidak ada sesi aktif.",
        Key::UsersTotp => "Verifikasi 2 langkah",
        Key::UsersSessions => "Sesi",
        Key::UsersHideSessions => "Tutup sesi",
        Key::UsersTotpReset => "Atur ulang 2FA",
        Key::UsersTotpResetConfirm => {
            "Hapus verifikasi dua langkah {name}? Semua sesinya berakhir dan ia perlu mendaftarkan aplikasi autentikator lagi."
        }
        Key::UsersTotpResetDone => "Verifikasi dua langkah dihapus untuk",
        Key::SecurityTitle => "Keamanan dan Retensi Data",
        Key::SecurityLead => "Kebijakan keamanan akun petugas dan masa simpan data pribadi pelapor.",
        Key::PolicyTitle => "Kebijakan keamanan",
        Key::PolicyRequireTotp => "Wajibkan verifikasi dua langkah untuk administrator dan kepala dinas",
        Key::PolicyRequireTotpHint => {
            "Akun administrator atau kepala dinas yang belum mengaktifkannya hanya dapat membuka halaman akunnya sampai mengaktifkannya."
        }
        Key::PolicyRetentionDays => "Masa simpan data pelapor (hari)",
        Key::PolicyRetentionHint => {
            "Dihitung sejak tiket selesai atau ditolak. Kosongkan untuk menyimpan tanpa batas waktu."
        }
        Key::PolicyRetentionInvalid => "Isi bilangan bulat 1 sampai 36500, atau kosongkan.",
        Key::PolicySave => "Simpan kebijakan",
        Key::PolicySaved => "Kebijakan keamanan disimpan.",
        Key::RetentionTitle => "Retensi data pelapor",
        Key::RetentionExplain => {
            "Setelah masa simpan berakhir, data pribadi pelapor pada tiket yang selesai atau ditolak dihapus: nama, email, telepon, organisasi, nama asli di Hall of Fame (alias tetap), berkas bukti, serta isi pesan dan email kepada pelapor. Kode tiket, kategori, tingkat keparahan, jenis pelapor, PSE, tanggal, waktu setiap langkah SOP, dan hasil akhir tetap tersimpan, sehingga statistik tidak berubah; surat dan sertifikat yang sudah ditandatangani tetap sebagai arsip. Penghapusan berjalan otomatis secara berkala dan tidak dapat dibatalkan."
        }
        Key::RetentionRun => "Jalankan retensi sekarang",
        Key::RetentionRunConfirm => {
            "Hapus sekarang data pribadi pelapor pada tiket yang melewati masa simpan? Tindakan ini tidak dapat dibatalkan."
        }
        Key::RetentionResult => "{n} tiket dianonimkan, {files} berkas bukti dihapus.",
        Key::RetentionCutoff => "Batas: selesai atau ditolak sebelum",
        Key::RetentionNoPeriod => "Masa simpan belum diatur; tidak ada data yang dihapus.",
        Key::ReporterDataTitle => "Permintaan Data Pelapor",
        Key::ReporterDataLead => {
            "Pelapor berhak mengetahui data pribadi yang disimpan tentang dirinya (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi). Masukkan emailnya untuk mengunduh semua data yang tersimpan sebagai berkas JSON."
        }
        Key::ReporterDataNote => {
            "Pastikan permintaan benar-benar berasal dari pemilik email sebelum mengirimkan berkas ini. Setiap permintaan dicatat di log audit."
        }
        Key::ReporterDataSubmit => "Unduh data",
        Key::ReporterDataResult => "{n} tiket ditemukan untuk {email}. Berkas data-pelapor.json telah diunduh.",
        Key::ReporterDataForbidden => "Halaman ini hanya untuk analis dan kepala dinas.",
        Key::AuditTitle => "Log Audit",
        Key::AuditLead => {
            "Setiap tindakan di platform tercatat berantai: setiap entri memuat hash entri sebelumnya, sehingga entri yang diubah atau dihapus dapat dideteksi."
        }
        Key::AuditFiltersLabel => "Saring log audit",
        Key::AuditAction => "Tindakan",
        Key::AuditActionHint => "awalan, mis. ticket.",
        Key::AuditActor => "Pelaku",
        Key::AuditTarget => "Sasaran",
        Key::AuditTargetHint => "persis, mis. ticket:TTIS-2026-000123",
        Key::AuditFrom => "Dari tanggal",
        Key::AuditTo => "Sampai tanggal",
        Key::AuditApply => "Terapkan",
        Key::AuditTime => "Waktu",
        Key::AuditDetails => "Rincian",
        Key::AuditEmpty => "Tidak ada entri yang cocok.",
        Key::AuditPages => "Halaman log audit",
        Key::AuditPage => "Halaman {page} dari {pages}",
        Key::AuditVerifyTitle => "Keutuhan rantai",
        Key::AuditVerifyHint => "Menghitung ulang hash setiap entri sejak entri pertama.",
        Key::AuditVerify => "Periksa rantai",
        Key::AuditIntact => "Rantai utuh: {n} entri diperiksa, tidak ada yang diubah.",
        Key::AuditBroken => {
            "Rantai rusak pada entri #{id} ({n} entri diperiksa). Entri tersebut dan sesudahnya mungkin telah diubah."
        }
    }
}
