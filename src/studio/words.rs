//! The studio's own words, in Indonesian and English (the widget's messages stay in
//! `domain::i18n`, so that readers do not download these).

use crate::domain::contract::Attr;
use crate::domain::i18n::Lang;

macro_rules! words {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// Every text the studio shows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum W { $($key,)* }

        impl W {
            /// Every text, for completeness tests.
            #[cfg(test)]
            pub const ALL: &'static [W] = &[$(W::$key,)*];

            /// The text in `lang`.
            pub fn t(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((W::$key, Lang::Id) => $id, (W::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

words! {
    Title => "Studio Pemilu Widget", "Pemilu Widget studio";
    Intro => "Atur widget, lihat hasilnya langsung, salin kode sematan. Periksa dan sunting berkas data pemilu atau bank soal kuis. Semua berjalan di peramban ini: tidak ada yang diunggah.", "Configure a widget, see it live, copy the embed code. Check and edit an election data file or a quiz question bank. Everything runs in this browser: nothing is uploaded.";
    UiLang => "Bahasa studio", "Studio language";
    Configure => "Atur widget", "Configure";
    ShareHint => "Alamat halaman ini menyimpan pengaturan: salin untuk membagikannya.", "This page's address keeps the configuration: copy it to share.";
    Modules => "Modul, sesuai urutan tampil", "Modules, in display order";
    Up => "Naikkan", "Move up";
    Down => "Turunkan", "Move down";
    Default => "Bawaan", "Default";
    Auto => "otomatis", "automatic";
    Preview => "Pratinjau", "Preview";
    PreviewHint => "Widget sungguhan dengan pengaturan di atas. Tarik sudut kanan bawah bingkai untuk mengubah lebarnya.", "The real widget with the settings above. Drag the frame's bottom-right corner to change its width.";
    Width => "Lebar", "Width";
    FullWidth => "Penuh", "Full";
    Background => "Latar pratinjau", "Preview background";
    Light => "Terang", "Light";
    Dark => "Gelap", "Dark";
    PreviewEdited => "Pratinjau memakai berkas yang sedang disunting.", "The preview uses the file being edited.";
    Code => "Kode sematan", "Embed code";
    ScriptForm => "Skrip dan <div> (untuk CMS yang mengizinkan skrip)", "Script and <div> (for CMSs that allow scripts)";
    IframeForm => "Iframe (untuk CMS yang membuang skrip, CSP ketat)", "Iframe (for CMSs that strip scripts, strict CSP)";
    CopyScript => "Salin kode skrip", "Copy the script code";
    CopyIframe => "Salin kode iframe", "Copy the iframe code";
    Copied => "Kode disalin.", "Code copied.";
    CopyFailed => "Tidak dapat menyalin otomatis: kode sudah dipilih, tekan Ctrl+C.", "Could not copy automatically: the code is selected, press Ctrl+C.";
    CodeHostsFile => "Kode memakai alamat berkas data yang diisi di atas; berkas yang disunting di bawah harus diunggah ke server Anda dahulu.", "The code uses the data URLs set above; a file edited below must first be put on your server.";
    InvalidOptions => "Nilai yang tidak valid (widget akan memakai bawaannya):", "Invalid values (the widget falls back to its default):";
    Data => "Berkas data", "Data files";
    DataIntro => "Buka berkas data pemilu atau bank soal, periksa dengan pemeriksa yang sama dengan widget, sunting, lalu unduh.", "Open an election data file or a question bank, check it with the widget's own checker, edit it, then download it.";
    Kind => "Jenis berkas", "Kind of file";
    KindDataset => "Data pemilu", "Election data";
    KindBank => "Bank soal kuis", "Quiz question bank";
    OpenFile => "Buka berkas", "Open a file";
    DropHint => "atau seret berkas JSON ke bagian ini", "or drop a JSON file on this section";
    FromUrl => "Alamat berkas", "File URL";
    Load => "Muat", "Load";
    Bundled => "Mulai dari data bawaan Pemilu 2024", "Start from the bundled Pemilu 2024 data";
    BundledBank => "Mulai dari bank soal bawaan Pemilu 2024", "Start from the bundled Pemilu 2024 question bank";
    Loading => "Memuat…", "Loading…";
    LoadFailed => "Berkas tidak dapat dimuat:", "The file could not be loaded:";
    Loaded => "Dimuat:", "Loaded:";
    Problems => "Masalah", "Problems";
    NoProblems => "Tidak ada masalah: widget dapat memakai berkas ini.", "No problems: the widget can use this file.";
    OneProblem => "1 masalah ditemukan. Pilih untuk menuju kolomnya.", "1 problem found. Choose it to go to its field.";
    ProblemsFound => "masalah ditemukan. Pilih satu untuk menuju kolomnya.", "problems found. Choose one to go to its field.";
    Incomplete => "Pemeriksaan berhenti di masalah ini; perbaiki dulu untuk melihat sisanya.", "The check stopped at this problem; fix it to see the rest.";
    Missing => "tidak ada, atau bukan jenis nilai yang diharapkan", "missing, or not the expected kind of value";
    Rejected => "tidak diterima di sini", "is not accepted here";
    Twice => "dipakai dua kali, juga di", "is used twice, also at";
    Syntax => "Bukan JSON yang sah: baris", "Not valid JSON: line";
    Column => "kolom", "column";
    Format => "Format (bahasa Inggris):", "Format:";
    Order => "tidak urut: nomor harus naik dari atas ke bawah", "is out of order: numbers must rise down the list";
    TooLarge => "KB: widget menolak berkas sebesar ini. Pindahkan sebagian isi ke berkas lain, atau persingkat teksnya.", "KB: the widget refuses a file this large. Move part of it to another file, or shorten its texts.";
    OtherKind => "Berkas ini tampaknya berjenis lain: pilih jenis berkas yang sesuai di atas.", "This file looks like the other kind: choose the matching kind of file above.";
    LoadHint => "Periksa alamatnya; berkas di server lain hanya dapat dibaca bila server itu mengizinkannya (CORS)", "Check the address; a file on another server can be read only if that server allows it (CORS)";
    DownloadWarn => "Berkas ini masih bermasalah: widget akan menolaknya sampai diperbaiki.", "This file still has problems: the widget will refuse it until they are fixed.";
    AmpForm => "AMP (amp-iframe, untuk halaman AMP)", "AMP (amp-iframe, for AMP pages)";
    CopyAmp => "Salin kode AMP", "Copy the AMP code";
    ShowAll => "Tampilkan seluruh widget", "Show the whole widget";
    Form => "Sunting", "Edit";
    VotingDay => "Hari pemungutan suara", "Voting day";
    Stages => "Tahapan", "Stages";
    Starts => "mulai", "starts";
    Ends => "selesai", "ends";
    Results => "Angka hasil", "Result figures";
    PairVotes => "Suara pasangan nomor", "Votes for pair number";
    PartyVotes => "Suara partai nomor", "Votes for party number";
    PartySeats => "Kursi partai nomor", "Seats for party number";
    TotalValid => "Total suara sah", "Total valid votes";
    SeatsTotal => "Total kursi", "Total seats";
    DprResults => "Hasil DPR per partai", "DPR results by party";
    Item => "Soal", "Item";
    AddItem => "Tambah soal", "Add an item";
    Claim => "Klaim", "Claim";
    Answer => "Jawaban", "Answer";
    Hoax => "Hoaks", "Hoax";
    Fact => "Fakta", "Fact";
    Verdict => "Label pemeriksa fakta", "Fact-checker's verdict";
    Technique => "Teknik", "Technique";
    None => "tidak ada", "none";
    Explanation => "Penjelasan", "Explanation";
    Circulated => "Beredar (TTTT-BB)", "Circulated (YYYY-MM)";
    Checker => "Pemeriksa fakta", "Fact-checker";
    SourceUrl => "Alamat sumber", "Source URL";
    SourceDate => "Tanggal sumber", "Source date";
    About => "Tentang pasangan nomor (dipisah koma)", "About pair numbers (comma-separated)";
    Direction => "Arah terhadap pasangan itu", "Direction towards that pair";
    Helps => "menguntungkan", "helps";
    Hurts => "merugikan", "hurts";
    Neutral => "netral", "neutral";
    Raw => "JSON mentah", "Raw JSON";
    RawHint => "Untuk yang tidak ada di formulir. Pemeriksaan berjalan setiap kali Anda mengetik.", "For what the form does not cover. The check runs as you type.";
    Download => "Unduh berkas", "Download the file";
    Balance => "Keseimbangan kuis", "Quiz balance";
    TrueShare => "Klaim benar:", "True claims:";
    Of => "dari", "of";
    Pair => "Pasangan", "Pair";
    NoPair => "bukan tentang pasangan", "about no pair";
    Hoaxes => "Hoaks", "Hoaxes";
    Facts => "Fakta", "Facts";
    NoFile => "Belum ada berkas. Buka berkas atau mulai dari data bawaan.", "No file yet. Open one or start from the bundled data.";
}

/// One line of help for an option, with its default.
pub fn help(attr: Attr, lang: Lang) -> &'static str {
    match (attr, lang) {
        (Attr::Lang, Lang::Id) => "Bahasa widget. Bawaan: id.",
        (Attr::Lang, Lang::En) => "The widget's language. Default: id.",
        (Attr::Modules, Lang::Id) => "Bagian yang tampil. Bawaan: hitung mundur, partai, kuis.",
        (Attr::Modules, Lang::En) => "What the widget shows. Default: countdown, parties, quiz.",
        (Attr::Theme, Lang::Id) => "Warna terang atau gelap; otomatis mengikuti pengaturan pembaca. Bawaan: otomatis.",
        (Attr::Theme, Lang::En) => "Light or dark colours; automatic follows the reader's setting. Default: automatic.",
        (Attr::Accent, Lang::Id) => "Warna aksen, warna CSS apa pun (#b00020, rebeccapurple). Bawaan: warna tema.",
        (Attr::Accent, Lang::En) => "Accent colour, any CSS colour (#b00020, rebeccapurple). Default: the theme's own.",
        (Attr::Timezone, Lang::Id) => "Zona waktu hitung mundur; otomatis memakai zona pembaca. Bawaan: otomatis.",
        (Attr::Timezone, Lang::En) => "The countdown's time zone; automatic uses the reader's zone. Default: automatic.",
        (Attr::ElectionDate, Lang::Id) => {
            "Tanggal dan jam buka TPS, ISO 8601 dengan offset (2029-02-14T07:00:00+07:00). Bawaan: dari data."
        }
        (Attr::ElectionDate, Lang::En) => {
            "Polls-open date and time, ISO 8601 with offset (2029-02-14T07:00:00+07:00). Default: from the data."
        }
        (Attr::ElectionName, Lang::Id) => "Nama pemilu di judul. Bawaan: dari data.",
        (Attr::ElectionName, Lang::En) => "The election's name in headings. Default: from the data.",
        (Attr::DataSrc, Lang::Id) => "Alamat berkas data pemilu (JSON). Bawaan: data Pemilu 2024 bawaan.",
        (Attr::DataSrc, Lang::En) => "URL of an election data file (JSON). Default: the bundled Pemilu 2024 data.",
        (Attr::QuizSrc, Lang::Id) => "Alamat bank soal kuis (JSON). Bawaan: bank bawaan sesuai bahasa.",
        (Attr::QuizSrc, Lang::En) => "URL of a quiz question bank (JSON). Default: the bundled bank in the widget's language.",
        (Attr::QuizCount, Lang::Id) => "Jumlah soal per putaran, 1–50. Bawaan: 10.",
        (Attr::QuizCount, Lang::En) => "Questions per round, 1–50. Default: 10.",
        (Attr::Seed, Lang::Id) => "Bilangan bulat yang menetapkan urutan soal. Bawaan: acak tiap putaran.",
        (Attr::Seed, Lang::En) => "An integer that fixes the question order. Default: random each round.",
        (Attr::Now, Lang::Id) => {
            "Membekukan jam widget pada saat ini (ISO 8601), untuk pratinjau dan tangkapan layar. Bawaan: jam sungguhan."
        }
        (Attr::Now, Lang::En) => {
            "Freezes the widget's clock at this instant (ISO 8601), for previews and screenshots. Default: the real clock."
        }
        (Attr::ShareUrl, Lang::Id) => "Alamat artikel yang dibagikan tombol Bagikan kuis. Bawaan: alamat kanonis halaman.",
        (Attr::ShareUrl, Lang::En) => "The article address the quiz's Share button links to. Default: the page's canonical address.",
    }
}

/// An option's label.
pub fn label(attr: Attr, lang: Lang) -> &'static str {
    match (attr, lang) {
        (Attr::Lang, Lang::Id) => "Bahasa widget",
        (Attr::Lang, Lang::En) => "Widget language",
        (Attr::Modules, Lang::Id) => "Modul",
        (Attr::Modules, Lang::En) => "Modules",
        (Attr::Theme, Lang::Id) => "Tema",
        (Attr::Theme, Lang::En) => "Theme",
        (Attr::Accent, Lang::Id) => "Warna aksen",
        (Attr::Accent, Lang::En) => "Accent colour",
        (Attr::Timezone, Lang::Id) => "Zona waktu",
        (Attr::Timezone, Lang::En) => "Time zone",
        (Attr::ElectionDate, Lang::Id) => "Tanggal pemilu",
        (Attr::ElectionDate, Lang::En) => "Election date",
        (Attr::ElectionName, Lang::Id) => "Nama pemilu",
        (Attr::ElectionName, Lang::En) => "Election name",
        (Attr::DataSrc, Lang::Id) => "Alamat data pemilu",
        (Attr::DataSrc, Lang::En) => "Election data URL",
        (Attr::QuizSrc, Lang::Id) => "Alamat bank soal",
        (Attr::QuizSrc, Lang::En) => "Question bank URL",
        (Attr::QuizCount, Lang::Id) => "Soal per putaran",
        (Attr::QuizCount, Lang::En) => "Questions per round",
        (Attr::Seed, Lang::Id) => "Benih urutan soal",
        (Attr::Seed, Lang::En) => "Question order seed",
        (Attr::Now, Lang::Id) => "Jam beku",
        (Attr::Now, Lang::En) => "Frozen clock",
        (Attr::ShareUrl, Lang::Id) => "Alamat untuk dibagikan",
        (Attr::ShareUrl, Lang::En) => "Share URL",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_and_option_has_both_languages() {
        for w in W::ALL {
            assert!(!w.t(Lang::Id).is_empty() && !w.t(Lang::En).is_empty(), "{w:?}");
        }
        for a in Attr::ALL {
            for l in [Lang::Id, Lang::En] {
                assert!(!help(a, l).is_empty() && !label(a, l).is_empty());
            }
            assert_ne!(help(a, Lang::Id), help(a, Lang::En));
        }
    }
}
