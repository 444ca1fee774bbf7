//! The reader's language and every reader-visible message, in one table.
//!
//! Messages are templates with named `{placeholders}`, filled by [`fill`]. Dates and numbers are
//! not formatted here: the view asks the browser's `Intl` for them and passes the text in.

/// The widget's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Bahasa Indonesia (the default).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Parses `id` or `en`, ignoring case and surrounding spaces.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code used in attributes, `lang` attributes and event details.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The BCP 47 locale handed to `Intl` formatters.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Id => "id-ID",
            Lang::En => "en-GB",
        }
    }
}

macro_rules! messages {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// Every reader-visible message.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key,)* }

        /// Every template, Indonesian then English for each message in order, each ended by NUL:
        /// one string and a table of offsets is a fraction of the code a `match` compiles to.
        const TEXTS: &str = concat!($($id, "\0", $en, "\0",)*);

        impl Msg {
            /// Every message, for completeness tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];
        }
    };
}

/// Where each template starts in [`TEXTS`]; the last entry is the end of the string.
const OFFSETS: [u16; 2 * Msg::ALL.len() + 1] = offsets();

const fn offsets<const K: usize>() -> [u16; K] {
    let bytes = TEXTS.as_bytes();
    assert!(bytes.len() < u16::MAX as usize);
    let mut out = [0u16; K];
    let (mut i, mut k) = (0, 1);
    while i < bytes.len() {
        if bytes[i] == 0 {
            out[k] = (i + 1) as u16;
            k += 1;
        }
        i += 1;
    }
    assert!(k == K);
    out
}

impl Msg {
    /// The message's template in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let i = self as usize * 2 + lang as usize;
        TEXTS.get(OFFSETS[i] as usize..OFFSETS[i + 1] as usize - 1).unwrap_or("")
    }
}

messages! {
    WidgetLabel => "Widget Pemilu", "Election widget";
    ModuleCountdown => "Hitung mundur", "Countdown";
    ModuleParties => "Partai dan calon", "Parties and candidates";
    ModuleQuiz => "Kuis hoaks atau fakta", "Hoax or fact quiz";
    Source => "Sumber", "Source";
    AsOf => "Data per {date}", "Data as of {date}";

    CountdownHeading => "Menuju {name}", "Countdown to {name}";
    PollsOpenAt => "TPS dibuka {date} pukul {time}", "Polls open on {date} at {time}";
    PollsOpenAtAuto => "TPS di zona WIB dibuka {date} pukul {time} waktu Anda", "Polls in the WIB zone open on {date} at {time} your time";
    ZoneFixed => "Zona waktu: {zone} (UTC+{hours})", "Time zone: {zone} (UTC+{hours})";
    ZoneAuto => "Zona waktu: waktu setempat Anda ({tz})", "Time zone: your local time ({tz})";
    UntilPollsOpen => "Waktu menuju pembukaan TPS", "Time until polls open";
    Days => "hari", "days";
    Day => "hari", "day";
    Hours => "jam", "hours";
    Hour => "jam", "hour";
    Minutes => "menit", "minutes";
    Minute => "menit", "minute";
    Seconds => "detik", "seconds";
    Second => "detik", "second";
    PollsAreOpen => "TPS sedang dibuka: pemungutan suara berlangsung hingga pukul {time}.", "Polls are open: voting continues until {time}.";
    VotingClosed => "Pemungutan suara telah usai.", "Voting has closed.";
    VotingTookPlace => "Pemungutan suara digelar {date} ({relative}).", "Voting took place on {date} ({relative}).";
    HeadingVotingDay => "{name}: hari pemungutan suara", "{name}: voting day";
    VotingDayHours => "Hari pemungutan suara: {date}, pukul {open}\u{2013}{close}", "Voting day: {date}, {open}\u{2013}{close}";
    NextElection => "Berikutnya: {name}; tanggal pemungutan suara belum ditetapkan.", "Next: {name}; no voting date has been set yet.";
    NextElectionOn => "Berikutnya: {name}, {date} ({relative}).", "Next: {name}, on {date} ({relative}).";
    SourceAsOf => "Sumber: {site}, per {date}", "Source: {site}, as of {date}";
    CurrentStage => "Tahap saat ini: {stage} ({dates}).", "Current stage: {stage} ({dates}).";
    StageBetween => "Tahap terakhir: {stage} ({dates}). Berikutnya: {next} ({next_dates}).", "Last stage: {stage} ({dates}). Next: {next} ({next_dates}).";
    AllStagesDone => "Semua tahapan telah selesai; tahap terakhir: {stage} ({dates}).", "All stages are complete; the last was {stage} ({dates}).";
    TimelineHeading => "Tahapan pemilihan", "Election timeline";
    StageCurrentMark => "tahap saat ini", "current stage";
    StageDoneMark => "selesai", "completed";
    AnnounceLeft => "{left} lagi menuju pembukaan TPS.", "{left} left until polls open.";
    AnnounceOpen => "TPS sudah dibuka. Pemungutan suara berlangsung hingga pukul {time}.", "Polls are now open. Voting continues until {time}.";
    AnnounceClosed => "Pemungutan suara telah usai. {stage}", "Voting has closed. {stage}";

    ModuleGuide => "Panduan pemilih", "Voter's guide";
    GuideHeading => "Panduan pemilih: {name}", "Voter's guide: {name}";
    NoGuide => "Berkas data pemilu ini tidak memuat panduan pemilih.", "This election data file has no voter's guide.";

    TabParties => "Partai", "Parties";
    TabPairs => "Pasangan calon", "Candidates";
    TabResults => "Hasil", "Results";
    SearchLabel => "Cari partai", "Search parties";
    SearchHint => "Nama, singkatan, atau nomor urut", "Name, abbreviation or ballot number";
    ScopeLabel => "Cakupan", "Contesting";
    ScopeAll => "Semua partai", "All parties";
    ScopeNational => "Partai nasional", "National parties";
    ScopeAceh => "Partai lokal Aceh", "Aceh local parties";
    PairLabel => "Mendukung", "Backing";
    PairAll => "Semua pasangan", "Any pair";
    PairOption => "Pasangan {number}", "Pair {number}";
    SortLabel => "Urutkan", "Sort by";
    SortNumber => "Nomor urut", "Ballot number";
    SortName => "Nama", "Name";
    SortVotes => "Perolehan suara DPR", "DPR vote share";
    PartyCount => "{count} dari {total} partai", "{count} of {total} parties";
    NoParty => "Tidak ada partai yang cocok. Coba nama lain, singkatan, atau nomor urut.", "No party matches. Try another name, an abbreviation or a ballot number.";
    ShowAll => "Tampilkan semua {total} partai", "Show all {total} parties";
    BallotNumber => "Nomor urut {number}", "Ballot number {number}";
    ScopeNationalLong => "Partai nasional: ikut pemilihan DPR dan DPRD.", "National party: contests the DPR and regional legislatures.";
    ScopeAcehLong => "Partai lokal Aceh: hanya ikut pemilihan DPRA dan DPRK di Aceh, bukan DPR.", "Aceh local party: contests only the DPRA and DPRK in Aceh, not the DPR.";
    NominatedPair => "Mengusulkan pasangan {pairs}.", "Nominated pair {pairs}.";
    BackedPair => "Juga mendukung pasangan {pairs} (bukan partai pengusul).", "Also backed pair {pairs} (not a nominating party).";
    NoPair => "Tidak mengusulkan pasangan calon presiden.", "Did not nominate a presidential pair.";
    DprLine => "DPR: {votes} suara ({share}, per {votes_date}), {seats} kursi (per {seats_date}).", "DPR: {votes} votes ({share}, as of {votes_date}), {seats} seats (as of {seats_date}).";
    Passed => "Lolos ambang batas parlemen {threshold}.", "Passed the {threshold} parliamentary threshold.";
    NotPassed => "Tidak lolos ambang batas parlemen {threshold}.", "Did not pass the {threshold} parliamentary threshold.";
    NoDpr => "Tidak ikut pemilihan DPR.", "Did not contest the DPR.";
    Note => "Catatan", "Note";
    PartySource => "Sumber nomor urut", "Ballot number source";
    ResultSource => "Sumber hasil", "Results source";
    NominatingParties => "Partai pengusul: {parties}.", "Nominating parties: {parties}.";
    Independent => "Partai pengusul: tidak ada (jalur perseorangan).", "Nominating parties: none (independent pair).";
    NoPartyList => "Partai tidak ada di surat suara pemilihan ini dan tidak bernomor urut; partai mengusung pasangan calon:", "Parties are not on this ballot and have no ballot numbers; they nominate candidate pairs:";
    OtherSupporters => "Juga didukung: {parties}.", "Also backed by: {parties}.";
    PairResult => "Hasil: {votes} suara ({share}, per {date}).", "Result: {votes} votes ({share}, as of {date}).";
    PairSource => "Sumber pasangan calon", "Candidate pair source";
    ResultCaption => "Hasil pemilihan {office}, ditetapkan {by} {date}", "{office} election result, set by {by} on {date}";
    OfficePresident => "presiden", "Presidential";
    OfficeGovernor => "gubernur", "Gubernatorial";
    OfficeRegent => "bupati", "Regent";
    OfficeMayor => "wali kota", "Mayoral";
    DprCaption => "Perolehan suara DPR ({votes_date}) dan kursi ({seats_date})", "DPR votes ({votes_date}) and seats ({seats_date})";
    ColPair => "Pasangan", "Pair";
    ColParty => "Partai", "Party";
    ColVotes => "Suara", "Votes";
    ColShare => "Persen", "Share";
    ColSeats => "Kursi", "Seats";
    PassedMark => "lolos", "passed";
    ThresholdNote => "Ambang batas parlemen {threshold} dari suara sah nasional ({votes} dari {total} suara, dihitung). {passed} partai lolos (ditandai \u{2713}); kursi dibagi dengan metode Sainte-Lagu\u{eb}.", "Parliamentary threshold: {threshold} of valid national votes ({votes} of {total} votes, computed). {passed} parties passed (marked \u{2713}); seats are allocated by the Sainte-Lagu\u{eb} method.";
    TotalValid => "Total suara sah: {votes}.", "Total valid votes: {votes}.";
    Turnout => "Partisipasi pemilih: {share}.", "Turnout: {share}.";
    InvalidVotes => "Suara tidak sah: {invalid}; suara sah dan tidak sah: {cast}.", "Invalid votes: {invalid}; ballots cast: {cast}.";
    TurnoutComputed => "Partisipasi pemilih: {share} (dihitung dari {voters} pemilih dalam DPT).", "Turnout: {share} (computed from {voters} registered voters).";
    SortTableVotes => "Urutkan menurut perolehan suara", "Sort by votes";
    SortTableNumber => "Urutkan menurut nomor urut", "Sort by ballot number";
    ConfirmedSource => "Sumber pengukuhan hasil", "Result confirmation source";
    SeatsSource => "Sumber kursi", "Seats source";
    ThresholdSource => "Sumber ambang batas", "Threshold source";
    TurnoutSource => "Sumber partisipasi", "Turnout source";
    NoResults => "Hasil resmi belum tersedia.", "Official results are not available yet.";
    NoPartyData => "Data partai tidak tersedia dalam berkas data ini.", "This data file has no party data.";

    QuizIntro => "Tebak: klaim seputar pemilu ini hoaks atau fakta? Setiap jawaban dijelaskan dengan sumber pemeriksa faktanya.", "Guess: is each claim from this election a hoax or a fact? Every answer is explained with its fact-check source.";
    QuizStart => "Mulai kuis", "Start the quiz";
    QuizContinue => "Lanjutkan kuis (soal {n} dari {total})", "Continue the quiz (question {n} of {total})";
    QuizReview => "Ulangi {n} soal yang dulu terlewat", "Retry {n} questions you missed before";
    QuizLoading => "Memuat soal\u{2026}", "Loading questions\u{2026}";
    QuizRetry => "Coba lagi", "Try again";
    QuestionOf => "Pertanyaan {n} dari {total}", "Question {n} of {total}";
    PostLabel => "Pesan yang beredar di media sosial", "A post going around on social media";
    PostAuthor => "Pesan berantai", "Forwarded message";
    AnswerPrompt => "Menurut Anda, ini hoaks atau fakta?", "Is this a hoax or a fact?";
    AnswerHoax => "Hoaks", "Hoax";
    AnswerFact => "Fakta", "Fact";
    ConfidenceLegend => "Seberapa yakin Anda? (boleh dilewati)", "How sure are you? (optional)";
    Confidence1 => "Ragu", "Unsure";
    Confidence2 => "Cukup yakin", "Fairly sure";
    Confidence3 => "Sangat yakin", "Very sure";
    Correct => "Benar!", "Correct!";
    Incorrect => "Kurang tepat.", "Not quite.";
    ItIsHoax => "Klaim ini hoaks.", "This claim is a hoax.";
    ItIsFact => "Klaim ini fakta.", "This claim is a fact.";
    VerdictLabel => "Label pemeriksa fakta: {verdict}", "Fact-checker's label: {verdict}";
    TechniqueLine => "Teknik: {name}. {description}", "Technique: {name}. {description}";
    CheckedBy => "Diperiksa oleh {checker}", "Checked by {checker}";
    SourceBy => "Sumber: {checker}", "Source: {checker}";
    Contested => "Label diperdebatkan: {note}", "Contested label: {note}";
    Circulated => "Beredar {date}", "Circulated {date}";
    ChannelAsOf => "(info per {date})", "(as of {date})";
    Months => "JanFebMarAprMeiJunJulAguSepOktNovDes", "JanFebMarAprMayJunJulAugSepOctNovDec";
    AlsoSee => "Sumber lain {n}", "Other source {n}";
    NextQuestion => "Pertanyaan berikutnya", "Next question";
    SeeResult => "Lihat hasil", "See your result";
    ResultHeading => "Hasil Anda", "Your result";
    ScoreLine => "{score} dari {total} jawaban benar.", "{score} of {total} answers correct.";
    Discernment => "Anda mengenali {caught} dari {hoaxes} hoaks dan memercayai {trusted} dari {facts} klaim yang benar.", "You spotted {caught} of {hoaxes} hoaxes and trusted {trusted} of {facts} true claims.";
    SureButWrong => "Anda merasa sangat yakin pada {n} jawaban yang ternyata keliru. Justru saat merasa yakin, cek sumbernya dulu.", "You were very sure of {n} answers that turned out wrong. Feeling sure is exactly when to check the source.";
    FooledBy => "Teknik yang mengecoh Anda", "Techniques that fooled you";
    NotFooled => "Tidak ada hoaks yang lolos dari Anda di ronde ini.", "No hoax got past you this round.";
    TipsHeading => "Tips resmi mengenali hoaks", "Official tips for spotting hoaxes";
    ReportHeading => "Ke mana melapor", "Where to report";
    PlayAgain => "Main lagi dengan soal baru", "Play again with new questions";
    Share => "Bagikan hasil", "Share your result";
    ShareText => "Saya menjawab {score} dari {total} soal kuis \u{201c}Hoaks atau fakta?\u{201d} Pemilu dengan benar. Pelajarannya: saring sebelum sharing \u{2014} cek sumbernya dulu.", "I got {score} of {total} right in the election \u{201c}Hoax or fact?\u{201d} quiz. The lesson: check the source before you share.";
    Copied => "Teks hasil disalin. Tempelkan di mana saja untuk membagikannya.", "Result text copied. Paste it anywhere to share it.";
    CopyFailed => "Salin teks ini untuk membagikannya: {text}", "Copy this text to share it: {text}";

    InvalidAttribute => "Nilai {attr} tidak valid: \u{201c}{value}\u{201d}. {hint}", "Invalid {attr} value: \u{201c}{value}\u{201d}. {hint}";
    HintLang => "Gunakan id atau en; widget memakai bahasa Indonesia.", "Use id or en; the widget uses Indonesian.";
    HintModules => "Modul yang dikenal: countdown, parties, quiz, guide.", "Known modules: countdown, parties, quiz, guide.";
    HintTheme => "Gunakan light, dark, atau auto; widget memakai auto.", "Use light, dark or auto; the widget uses auto.";
    HintAccent => "Gunakan warna CSS, misalnya #b3261e; widget memakai warna bawaan.", "Use a CSS colour such as #b3261e; the widget uses its own.";
    HintTimezone => "Gunakan WIB, WITA, WIT, atau auto.", "Use WIB, WITA, WIT or auto.";
    HintElectionDate => "Gunakan tanggal dan jam ISO 8601 dengan zona waktu, misalnya 2029-02-14T07:00:00+07:00.", "Use an ISO 8601 date and time with an offset, such as 2029-02-14T07:00:00+07:00.";
    HintNow => "Gunakan waktu ISO 8601 dengan zona waktu, misalnya 2024-02-14T06:30:00+07:00.", "Use an ISO 8601 instant with an offset, such as 2024-02-14T06:30:00+07:00.";
    HintSrc => "Gunakan alamat http(s) atau jalur relatif.", "Use an http(s) address or a relative path.";
    HintShareUrl => "Gunakan alamat http(s) lengkap; tautan memakai alamat artikel.", "Use a full http(s) address; the link goes to the article.";
    HintQuizCount => "Gunakan bilangan bulat 1\u{2013}50; kuis memakai 10.", "Use a whole number from 1 to 50; the quiz uses 10.";
    HintSeed => "Gunakan bilangan bulat; urutan soal diacak.", "Use a whole number; questions are shuffled.";
    HintElectionName => "Nama terlalu panjang (maksimal 120 karakter); widget memakai nama bawaan.", "The name is too long (120 characters at most); the widget uses the default name.";
    CountdownUnavailable => "Hitung mundur tidak dapat ditampilkan.", "The countdown cannot be shown.";
    DataLoading => "Memuat data pemilu\u{2026}", "Loading election data\u{2026}";
}

/// Fills `{name}` placeholders in `template` from `args`; unknown placeholders are left as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let key = &after[..end];
                match args.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Shorthand: the message in `lang` with its placeholders filled.
pub fn tr(lang: Lang, msg: Msg, args: &[(&str, &str)]) -> String {
    fill(msg.text(lang), args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(k, _)| k)).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn templates_are_found_by_message_and_language() {
        assert_eq!(Msg::WidgetLabel.text(Lang::Id), "Widget Pemilu");
        assert_eq!(Msg::WidgetLabel.text(Lang::En), "Election widget");
        assert_eq!(Msg::Days.text(Lang::En), "days");
        assert_eq!(Msg::DataLoading.text(Lang::Id), "Memuat data pemilu\u{2026}");
        assert_eq!(Msg::DataLoading.text(Lang::En), "Loading election data\u{2026}");
        assert!(Msg::ALL.iter().all(|m| !m.text(Lang::En).contains('\0')));
    }

    #[test]
    fn every_message_is_translated_with_the_same_placeholders() {
        for m in Msg::ALL {
            let (id, en) = (m.text(Lang::Id), m.text(Lang::En));
            assert!(!id.trim().is_empty() && !en.trim().is_empty(), "{m:?} is empty");
            assert_eq!(placeholders(id), placeholders(en), "{m:?} placeholders differ");
        }
    }

    #[test]
    fn languages_differ_where_they_should() {
        let same: Vec<_> = Msg::ALL.iter().filter(|m| m.text(Lang::Id) == m.text(Lang::En)).collect();
        assert!(same.is_empty(), "untranslated: {same:?}");
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill("{a} dan {b}", &[("a", "1"), ("b", "2")]), "1 dan 2");
        assert_eq!(fill("{a} {missing}", &[("a", "x")]), "x {missing}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("{a}{a}", &[("a", "é")]), "éé");
    }

    #[test]
    fn lang_parsing() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse(" id "), Some(Lang::Id));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::default(), Lang::Id);
    }
}
