//! Bahasa Indonesia (the default language).

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::DocumentTitle => "TTIS Lapor · Pelaporan Insiden Siber Kabupaten Kutai Kartanegara",
        Key::SkipToContent => "Lewati ke konten utama",
        Key::PlatformName => "TTIS Lapor",
        Key::BrandMark => "TTIS",
        Key::TeamName => "Tim Tanggap Insiden Siber · Diskominfo Kukar",
        Key::AgencyLine => {
            "Pemerintah Kabupaten Kutai Kartanegara · Dinas Komunikasi dan Informatika"
        }
        Key::AgencyFull => "Dinas Komunikasi dan Informatika Kabupaten Kutai Kartanegara",
        Key::FooterTeam => {
            "Tim Tanggap Insiden Siber (TTIS) menerima laporan insiden dan kerentanan siber pada sistem elektronik Pemerintah Kabupaten Kutai Kartanegara."
        }
        Key::FooterSop => {
            "Layanan ini menjalankan SOP Pelaporan Insiden Siber No. B-247/DISKOMINFO/000.6/07/2025."
        }
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
        Key::ErrorNetwork => {
            "Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi."
        }
        Key::ErrorUnexpected => {
            "Server memberikan jawaban yang tidak terduga. Coba lagi beberapa saat lagi."
        }
        Key::HomeEyebrow => "Tim Tanggap Insiden Siber · Diskominfo Kabupaten Kutai Kartanegara",
        Key::HomeTitle => {
            "Laporkan insiden siber pada sistem Pemerintah Kabupaten Kutai Kartanegara"
        }
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
        Key::HomeStep1Text => {
            "Isi formulir dan lampirkan bukti. Anda langsung mendapat kode tiket."
        }
        Key::HomeStep2Title => "2. Verifikasi dan analisis",
        Key::HomeStep2Text => "Tim TTIS memverifikasi dan menganalisis laporan dalam 1 hari kerja.",
        Key::HomeStep3Title => "3. Pemberitahuan kepada PSE",
        Key::HomeStep3Text => {
            "Surat pemberitahuan disetujui dan ditandatangani Kepala Dinas, lalu dikirim ke pengelola sistem."
        }
        Key::HomeStep4Title => "4. Apresiasi",
        Key::HomeStep4Text => {
            "Pelapor menerima Sertifikat Apresiasi dan dapat tercantum di Hall of Fame."
        }
        Key::HomeServicesTitle => "Layanan lain",
        Key::HomeTrackText => "Pantau status laporan Anda dengan kode tiket dan kunci akses.",
        Key::HomeHallText => {
            "Penghargaan bagi pelapor yang membantu mengamankan sistem pemerintah daerah."
        }
        Key::HomeVerifyText => {
            "Periksa keaslian surat pemberitahuan atau sertifikat yang diterbitkan TTIS."
        }
        Key::ReportTitle => "Lapor Insiden Siber",
        Key::ReportLead => {
            "Di halaman ini Anda akan mengisi formulir laporan insiden atau kerentanan siber beserta buktinya, lalu menerima kode tiket dan kunci akses."
        }
        Key::TrackTitle => "Lacak Laporan",
        Key::TrackLead => {
            "Di halaman ini Anda akan memantau status laporan, menjawab pertanyaan tim, dan mengunduh surat serta sertifikat dengan kode tiket dan kunci akses."
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
        Key::LoginNote => {
            "Pelapor tidak memerlukan akun: gunakan Lapor Insiden atau Lacak Laporan."
        }
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
        Key::UsersLead => {
            "Akun petugas dan perannya. Menonaktifkan akun langsung mengakhiri semua sesinya."
        }
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
        Key::PasswordHint => {
            "Minimal 12 karakter. Sampaikan kepada pemilik akun melalui saluran yang aman."
        }
    }
}
