//! 1,000 generated procedures in the catalogue's `procedure.toml` format (procedures/README.md):
//! every combination of a kind of procedure, a status of residence and who files it, in Japanese and
//! English, with explanations about as long as the real ones (about 700 characters of Japanese and
//! 2,000 of English), keywords, and reception periods of which a few are closed or not yet open.

use std::fmt::Write as _;

/// How many procedures.
pub const PROCEDURES: usize = 1000;

/// The real synonym list, as shipped.
pub const SYNONYMS: &str = include_str!("../../../procedures/synonyms.toml");

/// "Now" for the searches: 2026-11-21 12:00 JST, in ms since the epoch.
pub const NOW_MS: i64 = 1_795_230_000_000;

struct Kind {
    slug: &'static str,
    system: &'static str,
    category: &'static str,
    ja: &'static str,
    en: &'static str,
    kw_ja: &'static [&'static str],
    kw_en: &'static [&'static str],
}

const KINDS: &[Kind] = &[
    Kind {
        slug: "extension",
        system: "rasens",
        category: "application",
        ja: "在留期間更新許可申請",
        en: "Application for Extension of Period of Stay",
        kw_ja: &["更新", "在留期間", "延長", "ビザ更新"],
        kw_en: &["extension", "renewal", "period of stay", "visa renewal"],
    },
    Kind {
        slug: "change",
        system: "rasens",
        category: "application",
        ja: "在留資格変更許可申請",
        en: "Application for Change of Status of Residence",
        kw_ja: &["資格変更", "在留資格変更", "転職", "卒業"],
        kw_en: &[
            "change of status",
            "status change",
            "visa change",
            "job change",
        ],
    },
    Kind {
        slug: "coe",
        system: "rasens",
        category: "application",
        ja: "在留資格認定証明書交付申請",
        en: "Application for Certificate of Eligibility",
        kw_ja: &["認定証明書", "呼び寄せ", "招へい", "入国"],
        kw_en: &["certificate of eligibility", "COE", "invitation", "entry"],
    },
    Kind {
        slug: "acquisition",
        system: "rasens",
        category: "application",
        ja: "在留資格取得許可申請",
        en: "Application for Permission for Acquisition of Status of Residence",
        kw_ja: &["出生", "資格取得", "国籍離脱"],
        kw_en: &["birth", "acquisition", "born in Japan"],
    },
    Kind {
        slug: "other-activity",
        system: "rasens",
        category: "application",
        ja: "資格外活動許可申請",
        en: "Application for Permission to Engage in Activity Other than That Permitted",
        kw_ja: &["アルバイト", "資格外活動", "副業", "パート"],
        kw_en: &["part-time job", "side job", "work permit", "activity"],
    },
    Kind {
        slug: "reentry",
        system: "rasens",
        category: "application",
        ja: "再入国許可申請",
        en: "Application for Re-entry Permit",
        kw_ja: &["再入国", "一時帰国", "出国"],
        kw_en: &["re-entry", "re-entry permit", "travel", "departure"],
    },
    Kind {
        slug: "employment-certificate",
        system: "rasens",
        category: "application",
        ja: "就労資格証明書交付申請",
        en: "Application for Certificate of Authorized Employment",
        kw_ja: &["就労", "証明書", "転職"],
        kw_en: &["employment", "certificate", "job change"],
    },
    Kind {
        slug: "permanent",
        system: "rasens",
        category: "application",
        ja: "永住許可申請",
        en: "Application for Permission for Permanent Residence",
        kw_ja: &["永住", "永住権", "永住許可"],
        kw_en: &["permanent residence", "permanent resident", "PR"],
    },
    Kind {
        slug: "card-renewal",
        system: "rasens",
        category: "application",
        ja: "在留カード有効期間更新申請",
        en: "Application for Renewal of the Validity Period of a Residence Card",
        kw_ja: &["在留カード", "有効期間", "更新"],
        kw_en: &["residence card", "validity", "renewal"],
    },
    Kind {
        slug: "card-reissue",
        system: "rasens",
        category: "application",
        ja: "在留カード再交付申請",
        en: "Application for Reissuance of a Residence Card",
        kw_ja: &["在留カード", "紛失", "汚損", "再交付"],
        kw_en: &["residence card", "lost", "damaged", "reissue"],
    },
    Kind {
        slug: "activity-org",
        system: "ens",
        category: "notification",
        ja: "活動機関に関する届出",
        en: "Notification Concerning the Activity Organization",
        kw_ja: &["届出", "所属機関", "離脱", "移籍", "退職", "転職"],
        kw_en: &[
            "notification",
            "organization",
            "leaving",
            "transfer",
            "resign",
        ],
    },
    Kind {
        slug: "contract-org",
        system: "ens",
        category: "notification",
        ja: "契約機関に関する届出",
        en: "Notification of the Contracting Organization",
        kw_ja: &["届出", "契約機関", "契約終了", "新たな契約", "転職"],
        kw_en: &[
            "notification",
            "contracting organization",
            "contract",
            "job change",
        ],
    },
    Kind {
        slug: "spouse",
        system: "ens",
        category: "notification",
        ja: "配偶者に関する届出",
        en: "Notification Regarding Spouse",
        kw_ja: &["届出", "配偶者", "離婚", "死別"],
        kw_en: &["notification", "spouse", "divorce", "bereavement"],
    },
    Kind {
        slug: "acceptance",
        system: "ens",
        category: "notification",
        ja: "中長期在留者の受入れに関する届出",
        en: "Notification by an Organization Accepting Mid- to Long-Term Residents",
        kw_ja: &["届出", "受入れ", "所属機関", "雇用"],
        kw_en: &["notification", "acceptance", "organization", "employer"],
    },
    Kind {
        slug: "address",
        system: "ens",
        category: "notification",
        ja: "住居地以外の記載事項の変更届出",
        en: "Notification of Change of Particulars Other than the Place of Residence",
        kw_ja: &["届出", "氏名変更", "国籍変更", "在留カード"],
        kw_en: &[
            "notification",
            "change of name",
            "nationality",
            "residence card",
        ],
    },
    Kind {
        slug: "support-plan",
        system: "ens",
        category: "notification",
        ja: "支援計画の変更に係る届出",
        en: "Notification of Change of the Support Plan",
        kw_ja: &["届出", "支援計画", "登録支援機関", "特定技能"],
        kw_en: &[
            "notification",
            "support plan",
            "registered support organization",
        ],
    },
    Kind {
        slug: "acceptance-status",
        system: "ens",
        category: "notification",
        ja: "受入れ状況に係る届出",
        en: "Notification of the Status of Acceptance",
        kw_ja: &["届出", "受入れ状況", "定期届出"],
        kw_en: &["notification", "status of acceptance", "periodic"],
    },
    Kind {
        slug: "ens-use",
        system: "ens",
        category: "request_for_use",
        ja: "電子届出システムの利用申出",
        en: "Request for Use of the Electronic Notification System",
        kw_ja: &["利用申出", "電子届出", "登録"],
        kw_en: &["request for use", "registration", "electronic notification"],
    },
    Kind {
        slug: "rasens-use",
        system: "rasens",
        category: "request_for_use",
        ja: "在留申請オンラインシステムの利用申出",
        en: "Request for Use of the Online Residence Application System",
        kw_ja: &["利用申出", "オンライン申請", "登録"],
        kw_en: &["request for use", "registration", "online application"],
    },
    Kind {
        slug: "designated-change",
        system: "rasens",
        category: "application",
        ja: "指定書記載事項変更申請",
        en: "Application for Change of the Particulars of the Designation",
        kw_ja: &["特定活動", "指定書", "変更"],
        kw_en: &["designated activities", "designation", "change"],
    },
];

/// (slug, ja, en).
const STATUSES: &[(&str, &str, &str)] = &[
    (
        "engineer",
        "技術・人文知識・国際業務",
        "Engineer/Specialist in Humanities/International Services",
    ),
    ("student", "留学", "Student"),
    ("dependent", "家族滞在", "Dependent"),
    ("ssw", "特定技能", "Specified Skilled Worker"),
    ("skilled", "技能", "Skilled Labor"),
    ("intra", "企業内転勤", "Intra-company Transferee"),
    ("manager", "経営・管理", "Business Manager"),
    ("professor", "教授", "Professor"),
    ("instructor", "教育", "Instructor"),
    ("researcher", "研究", "Researcher"),
    ("nursing", "介護", "Nursing Care"),
    ("medical", "医療", "Medical Services"),
    ("legal", "法律・会計業務", "Legal/Accounting Services"),
    ("hsp", "高度専門職", "Highly Skilled Professional"),
    ("intern", "技能実習", "Technical Intern Training"),
    ("designated", "特定活動", "Designated Activities"),
    (
        "spouse-jp",
        "日本人の配偶者等",
        "Spouse or Child of Japanese National",
    ),
    (
        "spouse-pr",
        "永住者の配偶者等",
        "Spouse or Child of Permanent Resident",
    ),
    ("long-term", "定住者", "Long-Term Resident"),
    ("entertainer", "興行", "Entertainer"),
    ("cultural", "文化活動", "Cultural Activities"),
    ("trainee", "研修", "Trainee"),
    ("journalist", "報道", "Journalist"),
    ("artist", "芸術", "Artist"),
    ("religious", "宗教", "Religious Activities"),
];

/// (slug, ja, en, user type).
const FILERS: &[(&str, &str, &str, &str)] = &[
    ("self", "本人申請", "by the applicant", "foreign_national"),
    (
        "staff",
        "所属機関の職員による申請",
        "by staff of the organization",
        "organization_staff",
    ),
];

const JA_SENTENCES: &[&str] = &[
    "この手続は、在留資格「{status}」をもって在留する方が行う{kind}です。",
    "申請は、在留期間の満了する日以前に行ってください。在留期間の満了する日の３か月前から申請することができます。",
    "申請に当たっては、申請書のほか、所属機関の概要を明らかにする資料、在職証明書、住民税の課税証明書及び納税証明書を提出してください。",
    "オンラインで申請する場合、提出資料はPDF形式で添付してください。１ファイル当たりの容量は10MBまでです。",
    "審査の結果は、登録したメールアドレスに通知されます。在留カードの交付を受けるときは、通知に記載された方法により受領してください。",
    "申請人本人のほか、所属機関の職員、弁護士又は行政書士で地方出入国在留管理局長に届け出た方が、申請を取り次ぐことができます。",
    "審査の過程において、上記以外の資料の提出をお願いする場合があります。また、提出された資料は返却できませんので、再度入手することが困難な資料の原本は提出しないでください。",
    "申請内容に変更が生じた場合は、速やかに申請先の地方出入国在留管理官署に連絡してください。",
    "手数料は、許可の際に収入印紙又は電子納付により納付していただきます。",
    "{status}の在留資格に該当する活動を継続して行うことが必要です。転職、退職等により所属機関に変更があった場合は、14日以内に届出をしてください。",
    "外国で作成された文書には、日本語訳を添付してください。",
    "日本の法令に違反した場合、在留が認められないことがあります。",
];

const EN_SENTENCES: &[&str] = &[
    "This procedure is the {kind} for people residing in Japan with the status of residence \"{status}\". It is filed online through this portal and reviewed by the Regional Immigration Services Bureau that has jurisdiction over your place of residence.",
    "File the application on or before the day your current period of stay expires. You can apply from three months before the expiry date; if you will be out of Japan for a long time during that period, contact the bureau in advance.",
    "Together with the application form, submit materials that show the outline of your organization, a certificate of employment, and a certificate of residence tax assessment and a tax payment certificate for the latest year, issued by the municipal office of your place of residence.",
    "When you apply online, attach the documents as PDF files. Each file may be up to 10 MB; if a document has several pages, scan them into one file. Files that are protected by a password or that cannot be opened are treated as not submitted.",
    "You will be notified of the result at the email address you registered. When a new residence card is issued to you, receive it by the method given in the notification, and bring your current residence card and passport if you receive it at a counter.",
    "Besides the applicant, staff of the organization to which the applicant belongs, and attorneys or certified administrative procedures legal specialists who have notified the Director-General of a Regional Immigration Services Bureau, can submit the application on the applicant's behalf.",
    "During the examination, we may ask you to submit materials other than those listed above. Submitted materials cannot be returned, so do not submit the originals of documents that would be difficult to obtain again; submit copies instead and keep the originals.",
    "If anything in your application changes while it is being examined, such as your address, your employer or your contact details, promptly contact the Regional Immigration Services Bureau to which you applied.",
    "The fee is paid when permission is granted, with revenue stamps or by electronic payment. The amount depends on the procedure and is shown in the notification of the result.",
    "You must continue the activities that correspond to the status of residence \"{status}\". If your organization changes because you change jobs or leave, notify the Immigration Services Agency within 14 days.",
    "Attach a Japanese translation to any document made in a foreign language. The translation must state the name of the translator and the date of the translation.",
    "If you have violated Japanese laws and regulations, for example by failing to submit notifications or by engaging in activities that are not permitted, your stay may not be permitted.",
];

/// A small deterministic generator (the same catalogue on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

fn pick_sentences(pool: &[&str], rng: &mut Lcg, count: usize, kind: &str, status: &str) -> String {
    let mut order: Vec<usize> = (0..pool.len()).collect();
    for i in (1..order.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    // The first sentence (what the procedure is) always leads.
    let mut chosen: Vec<usize> = vec![0];
    chosen.extend(order.into_iter().filter(|&i| i != 0).take(count - 1));
    let mut s = String::new();
    for (n, i) in chosen.iter().enumerate() {
        if n > 0 {
            s.push_str(if n % 3 == 0 { "\n\n" } else { " " });
        }
        s.push_str(&pool[*i].replace("{kind}", kind).replace("{status}", status));
    }
    s
}

fn toml_list(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

/// `(folder, procedure.toml)` for every generated procedure.
pub fn generate() -> Vec<(String, String)> {
    let mut rng = Lcg(0x7a61_6972_7975);
    let mut out = Vec::with_capacity(PROCEDURES);
    'all: for kind in KINDS {
        for status in STATUSES {
            for filer in FILERS {
                if out.len() == PROCEDURES {
                    break 'all;
                }
                let i = out.len();
                let id = format!("{}-{}-{}", kind.slug, status.0, filer.0);
                let name_ja = format!("{}（{}・{}）", kind.ja, status.1, filer.1);
                let name_en = format!("{} ({}, {})", kind.en, status.2, filer.2);
                let expl_ja = pick_sentences(JA_SENTENCES, &mut rng, 9, kind.ja, status.1);
                let expl_en = pick_sentences(EN_SENTENCES, &mut rng, 9, kind.en, status.2);
                let mut kw_ja: Vec<String> = kind.kw_ja.iter().map(|s| (*s).to_owned()).collect();
                kw_ja.push(status.1.to_owned());
                let mut kw_en: Vec<String> = kind.kw_en.iter().map(|s| (*s).to_owned()).collect();
                kw_en.push(status.2.to_lowercase());
                // Reception: most open since 2019–2025; one in 50 closed, one in 100 not yet open.
                let year = 2019 + (i % 7);
                let month = 1 + (i % 12);
                let start = if i % 100 == 99 {
                    "2027-04-01T00:00:00+09:00".to_owned()
                } else {
                    format!("{year}-{month:02}-01T00:00:00+09:00")
                };
                let end = if i % 50 == 7 {
                    "2026-03-31T23:59:59+09:00"
                } else {
                    ""
                };
                let mut t = String::new();
                let _ = write!(
                    t,
                    "# Generated by bench/forms (catalogue_gen.rs)\n\
                     id = \"{id}\"\nsystem = \"{}\"\ncategory = \"{}\"\norder = {}\n\
                     reception_start = \"{start}\"\nreception_end = \"{end}\"\n\
                     user_types = [\"{}\"]\nrequires_request_for_use = \"{}\"\n\
                     requires_card_reading = false\nonly_with_another_application = false\n\
                     form_versions = [1]\n\n\
                     [name]\nja = \"{name_ja}\"\nen = \"{name_en}\"\n\n\
                     [explanation]\nja = \"\"\"\n{expl_ja}\"\"\"\nen = \"\"\"\n{expl_en}\"\"\"\n\n\
                     [contact]\nja = \"最寄りの地方出入国在留管理官署へお問い合わせください。\"\nen = \"Please contact the nearest Regional Immigration Services Bureau.\"\n\n\
                     [keywords]\nja = {}\nen = {}\n",
                    kind.system,
                    kind.category,
                    (i + 1) * 10,
                    filer.3,
                    if kind.category == "request_for_use" {
                        ""
                    } else {
                        kind.system
                    },
                    toml_list(&kw_ja),
                    toml_list(&kw_en),
                );
                out.push((id, t));
            }
        }
    }
    out
}
