//! A generated form of exactly 300 fields (group row fields counted once, as
//! `FormDef::field_count` does) with exactly 20 conditions, shaped like a residence application
//! (SPEC §10.2): the applicant, the stay, family rows, the organisation or school, the spouse,
//! employment and education histories, financial support, earlier stays, the agent, attachments and
//! the declaration. It mixes every kind the engine has (text in five character classes, textarea,
//! email, telephone, postal code, address, residence card number, dates with and without unknown
//! parts, selects with long shared lists, radios, a checkbox, checkboxes, a group with rows, file
//! slots) and the condition forms `equals`, `in`, `filled`, `all` and `any` (on fields, sections and
//! group rows, and on checkboxes).
//!
//! With it comes the POST body a browser would send for a complete, valid application (every input
//! of every field, empty ones too), and a copy with twelve mistakes in it.

use std::fmt::Write as _;

/// How many fields the form has.
pub const FIELDS: usize = 300;
/// How many `show_if` conditions it has.
pub const CONDITIONS: usize = 20;
/// Rows of the family group that the body fills.
pub const FAMILY_ROWS: usize = 3;

/// An answer as the browser sends it.
#[derive(Debug, Clone)]
pub enum V {
    /// Nothing chosen or typed: text inputs and selects still send `name=`; radios, checkboxes and
    /// file slots send nothing.
    Blank,
    One(String),
    Many(Vec<String>),
    /// A date with unknown parts: (text, unknown-part code).
    Date(String, String),
}

fn one(s: &str) -> V {
    V::One(s.to_owned())
}

/// The options of a choice field.
#[derive(Debug, Clone)]
enum Opts {
    Inline(Vec<(&'static str, &'static str, &'static str)>),
    From(&'static str),
}

#[derive(Debug, Clone)]
enum K {
    Text {
        charset: &'static str,
        max: usize,
        min: Option<usize>,
    },
    Textarea(usize),
    Email,
    Tel,
    Postal(Option<String>),
    Address,
    Card,
    Date {
        unknown: bool,
        not_future: bool,
        not_before: Option<&'static str>,
    },
    Select(Opts),
    Radio(Opts),
    Checkbox,
    Checkboxes(Opts),
    File {
        accept: &'static str,
        max: usize,
    },
}

impl K {
    fn toml(&self) -> String {
        let opts = |kind: &str, o: &Opts| {
            let mut s = format!("kind = \"{kind}\"\n");
            match o {
                Opts::From(list) => {
                    let _ = writeln!(s, "options_from = \"{list}\"");
                }
                Opts::Inline(v) => {
                    s.push_str("options = [\n");
                    for (value, ja, en) in v {
                        let _ = writeln!(
                            s,
                            "  {{ value = \"{value}\", label = {{ ja = \"{ja}\", en = \"{en}\" }} }},"
                        );
                    }
                    s.push_str("]\n");
                }
            }
            s
        };
        match self {
            K::Text { charset, max, min } => {
                let mut s = format!("kind = \"text\"\ncharset = \"{charset}\"\nmax_len = {max}\n");
                if let Some(m) = min {
                    let _ = writeln!(s, "min_len = {m}");
                }
                s
            }
            K::Textarea(max) => format!("kind = \"textarea\"\nmax_len = {max}\n"),
            K::Email => "kind = \"email\"\n".to_owned(),
            K::Tel => "kind = \"telephone\"\n".to_owned(),
            K::Postal(None) => "kind = \"postal_code\"\n".to_owned(),
            K::Postal(Some(a)) => format!("kind = \"postal_code\"\naddress_field = \"{a}\"\n"),
            K::Address => "kind = \"address\"\n".to_owned(),
            K::Card => "kind = \"residence_card_number\"\n".to_owned(),
            K::Date {
                unknown,
                not_future,
                not_before,
            } => {
                let mut s = "kind = \"date\"\n".to_owned();
                if *unknown {
                    s.push_str("allow_unknown = true\n");
                }
                if *not_future {
                    s.push_str("not_future = true\n");
                }
                if let Some(d) = not_before {
                    let _ = writeln!(s, "not_before = \"{d}\"");
                }
                s
            }
            K::Select(o) => opts("select", o),
            K::Radio(o) => opts("radio", o),
            K::Checkbox => "kind = \"checkbox\"\n".to_owned(),
            K::Checkboxes(o) => opts("checkboxes", o),
            K::File { accept, max } => {
                format!("kind = \"file\"\naccept = [\"{accept}\"]\nmax_files = {max}\n")
            }
        }
    }

    /// Name–value pairs the browser sends for this answer.
    fn pairs(&self, name: &str, v: &V, out: &mut Vec<(String, String)>) {
        match v {
            V::Blank => match self {
                K::Radio(_) | K::Checkbox | K::Checkboxes(_) | K::File { .. } => {}
                K::Date { unknown: true, .. } => {
                    out.push((format!("{name}.unknown"), "none".to_owned()));
                    out.push((name.to_owned(), String::new()));
                }
                _ => out.push((name.to_owned(), String::new())),
            },
            V::One(s) => {
                if let K::Date { unknown: true, .. } = self {
                    out.push((format!("{name}.unknown"), "none".to_owned()));
                }
                out.push((name.to_owned(), s.clone()));
            }
            V::Many(vs) => out.extend(vs.iter().map(|s| (name.to_owned(), s.clone()))),
            V::Date(text, unknown) => {
                out.push((format!("{name}.unknown"), unknown.clone()));
                out.push((name.to_owned(), text.clone()));
            }
        }
    }
}

/// One field to generate.
#[derive(Debug, Clone)]
struct F {
    id: String,
    k: K,
    ja: String,
    en: String,
    hint: Option<(String, String)>,
    required: bool,
    show_if: Option<String>,
    v: V,
}

fn f(id: impl Into<String>, k: K, ja: impl Into<String>, en: impl Into<String>) -> F {
    F {
        id: id.into(),
        k,
        ja: ja.into(),
        en: en.into(),
        hint: None,
        required: false,
        show_if: None,
        v: V::Blank,
    }
}

impl F {
    fn req(mut self) -> F {
        self.required = true;
        self
    }
    fn req_if(mut self, r: bool) -> F {
        self.required = r;
        self
    }
    fn hint(mut self, ja: &str, en: &str) -> F {
        self.hint = Some((ja.to_owned(), en.to_owned()));
        self
    }
    fn show(mut self, cond: &str) -> F {
        self.show_if = Some(cond.to_owned());
        self
    }
    fn val(mut self, v: V) -> F {
        self.v = v;
        self
    }
    fn s(self, v: &str) -> F {
        self.val(one(v))
    }
}

fn text(charset: &'static str, max: usize) -> K {
    K::Text {
        charset,
        max,
        min: None,
    }
}

fn date() -> K {
    K::Date {
        unknown: false,
        not_future: true,
        not_before: Some("1900-01-01"),
    }
}

fn future_date() -> K {
    K::Date {
        unknown: false,
        not_future: false,
        not_before: None,
    }
}

fn yes_no() -> K {
    K::Radio(Opts::From("yes_no"))
}

fn select(v: &[(&'static str, &'static str, &'static str)]) -> K {
    K::Select(Opts::Inline(v.to_vec()))
}

/// Statuses of residence (the shared list `status_of_residence`).
pub const STATUSES: &[(&str, &str, &str)] = &[
    ("professor", "教授", "Professor"),
    ("artist", "芸術", "Artist"),
    ("religious", "宗教", "Religious Activities"),
    ("journalist", "報道", "Journalist"),
    ("hsp", "高度専門職", "Highly Skilled Professional"),
    ("business_manager", "経営・管理", "Business Manager"),
    (
        "legal_accounting",
        "法律・会計業務",
        "Legal/Accounting Services",
    ),
    ("medical", "医療", "Medical Services"),
    ("researcher", "研究", "Researcher"),
    ("instructor", "教育", "Instructor"),
    (
        "engineer",
        "技術・人文知識・国際業務",
        "Engineer/Specialist in Humanities/International Services",
    ),
    ("intra_company", "企業内転勤", "Intra-company Transferee"),
    ("nursing_care", "介護", "Nursing Care"),
    ("entertainer", "興行", "Entertainer"),
    ("skilled_labor", "技能", "Skilled Labor"),
    ("ssw1", "特定技能1号", "Specified Skilled Worker (i)"),
    ("ssw2", "特定技能2号", "Specified Skilled Worker (ii)"),
    ("technical_intern", "技能実習", "Technical Intern Training"),
    ("cultural", "文化活動", "Cultural Activities"),
    ("student", "留学", "Student"),
    ("trainee", "研修", "Trainee"),
    ("dependent", "家族滞在", "Dependent"),
    ("designated", "特定活動", "Designated Activities"),
    ("permanent", "永住者", "Permanent Resident"),
    (
        "spouse_japanese",
        "日本人の配偶者等",
        "Spouse or Child of Japanese National",
    ),
    (
        "spouse_permanent",
        "永住者の配偶者等",
        "Spouse or Child of Permanent Resident",
    ),
    ("long_term", "定住者", "Long-Term Resident"),
    (
        "skill_development",
        "育成就労",
        "Employment for Skill Development",
    ),
];

const COUNTRIES: &[(&str, &str, &str)] = &[
    ("cn", "中国", "China"),
    ("vn", "ベトナム", "Viet Nam"),
    ("kr", "韓国", "Republic of Korea"),
    ("ph", "フィリピン", "Philippines"),
    ("br", "ブラジル", "Brazil"),
    ("np", "ネパール", "Nepal"),
    ("id", "インドネシア", "Indonesia"),
    ("mm", "ミャンマー", "Myanmar"),
    ("tw", "台湾", "Taiwan"),
    ("us", "米国", "United States"),
    ("th", "タイ", "Thailand"),
    ("pe", "ペルー", "Peru"),
    ("in", "インド", "India"),
    ("lk", "スリランカ", "Sri Lanka"),
    ("bd", "バングラデシュ", "Bangladesh"),
    ("pk", "パキスタン", "Pakistan"),
    ("kh", "カンボジア", "Cambodia"),
    ("mn", "モンゴル", "Mongolia"),
    ("gb", "英国", "United Kingdom"),
    ("fr", "フランス", "France"),
    ("de", "ドイツ", "Germany"),
    ("ca", "カナダ", "Canada"),
    ("au", "オーストラリア", "Australia"),
    ("my", "マレーシア", "Malaysia"),
    ("uz", "ウズベキスタン", "Uzbekistan"),
    ("la", "ラオス", "Laos"),
    ("bo", "ボリビア", "Bolivia"),
    ("ar", "アルゼンチン", "Argentina"),
    ("mx", "メキシコ", "Mexico"),
    ("es", "スペイン", "Spain"),
    ("it", "イタリア", "Italy"),
    ("ru", "ロシア", "Russia"),
    ("ua", "ウクライナ", "Ukraine"),
    ("tr", "トルコ", "Türkiye"),
    ("ir", "イラン", "Iran"),
    ("eg", "エジプト", "Egypt"),
    ("ng", "ナイジェリア", "Nigeria"),
    ("gh", "ガーナ", "Ghana"),
    ("ke", "ケニア", "Kenya"),
    ("za", "南アフリカ", "South Africa"),
    ("sg", "シンガポール", "Singapore"),
    ("hk", "香港", "Hong Kong"),
    ("nz", "ニュージーランド", "New Zealand"),
    ("co", "コロンビア", "Colombia"),
    ("cl", "チリ", "Chile"),
    ("pl", "ポーランド", "Poland"),
    ("nl", "オランダ", "Netherlands"),
    ("se", "スウェーデン", "Sweden"),
    ("af", "アフガニスタン", "Afghanistan"),
    ("sa", "サウジアラビア", "Saudi Arabia"),
    ("ae", "アラブ首長国連邦", "United Arab Emirates"),
    ("bt", "ブータン", "Bhutan"),
    ("fj", "フィジー", "Fiji"),
    ("pg", "パプアニューギニア", "Papua New Guinea"),
    ("et", "エチオピア", "Ethiopia"),
    ("sd", "スーダン", "Sudan"),
    ("cu", "キューバ", "Cuba"),
    ("jm", "ジャマイカ", "Jamaica"),
    ("ie", "アイルランド", "Ireland"),
    ("other", "その他", "Others"),
];

/// The shared option lists the form uses.
pub fn lists() -> String {
    let mut s = String::new();
    let mut list = |id: &str, v: &[(&str, &str, &str)]| {
        let _ = writeln!(s, "{id} = [");
        for (value, ja, en) in v {
            let _ = writeln!(
                s,
                "  {{ value = \"{value}\", label = {{ ja = \"{ja}\", en = \"{en}\" }} }},"
            );
        }
        s.push_str("]\n");
    };
    list("status_of_residence", STATUSES);
    list("nationality", COUNTRIES);
    list("yes_no", &[("yes", "有", "Yes"), ("no", "無", "No")]);
    list(
        "period_of_stay",
        &[
            ("3m", "3月", "3 months"),
            ("6m", "6月", "6 months"),
            ("1y", "1年", "1 year"),
            ("3y", "3年", "3 years"),
            ("5y", "5年", "5 years"),
            ("unlimited", "無期限", "Indefinite"),
        ],
    );
    s
}

const LONG_JA: &str = "日本の大学を卒業後、都内のソフトウェア開発会社に就職し、業務システムの設計及び開発に従事しています。今後も現在の勤務先で継続して勤務する予定であり、引き続き在留を希望します。";

/// What the generator writes: the form, and the body a browser sends for a full valid answer.
pub struct Generated {
    pub form: String,
    pub lists: String,
    /// Every input of every field (hidden ones too; filter by visibility to get what a page that
    /// renders only the shown fields posts).
    pub body: Vec<(String, String)>,
    pub fields: usize,
    pub conditions: usize,
}

struct Gen {
    form: String,
    body: Vec<(String, String)>,
    fields: usize,
    conditions: usize,
}

impl Gen {
    fn section(&mut self, id: &str, ja: &str, en: &str, show_if: Option<&str>) {
        let _ = write!(
            self.form,
            "\n[[sections]]\nid = \"{id}\"\ntitle = {{ ja = \"{ja}\", en = \"{en}\" }}\n"
        );
        if let Some(c) = show_if {
            let _ = writeln!(self.form, "show_if = {c}");
            self.conditions += 1;
        }
    }

    fn field_toml(&mut self, table: &str, x: &F) {
        let _ = write!(
            self.form,
            "\n[[{table}]]\nid = \"{}\"\nlabel = {{ ja = \"{}\", en = \"{}\" }}\n",
            x.id, x.ja, x.en
        );
        if let Some((ja, en)) = &x.hint {
            let _ = writeln!(self.form, "hint = {{ ja = \"{ja}\", en = \"{en}\" }}");
        }
        if x.required {
            self.form.push_str("required = true\n");
        }
        if let Some(c) = &x.show_if {
            let _ = writeln!(self.form, "show_if = {c}");
            self.conditions += 1;
        }
        self.form.push_str(&x.k.toml());
        self.fields += 1;
    }

    fn field(&mut self, x: F) {
        self.field_toml("sections.fields", &x);
        x.k.pairs(&x.id, &x.v, &mut self.body);
    }

    fn fields(&mut self, xs: Vec<F>) {
        for x in xs {
            self.field(x);
        }
    }

    /// A group and its row fields; `rows[i]` are the answers of row i, in the order of `children`.
    #[allow(clippy::too_many_arguments)]
    fn group(
        &mut self,
        id: &str,
        ja: &str,
        en: &str,
        max_rows: usize,
        show_if: &str,
        children: Vec<F>,
        rows: &[Vec<V>],
    ) {
        let _ = write!(
            self.form,
            "\n[[sections.fields]]\nid = \"{id}\"\nkind = \"group\"\nlabel = {{ ja = \"{ja}\", en = \"{en}\" }}\nrequired = true\nmax_rows = {max_rows}\nshow_if = {show_if}\n"
        );
        self.conditions += 1;
        self.fields += 1;
        for c in &children {
            self.field_toml("sections.fields.fields", c);
        }
        for (i, row) in rows.iter().enumerate() {
            for (c, v) in children.iter().zip(row) {
                c.k.pairs(&format!("{id}[{i}].{}", c.id), v, &mut self.body);
            }
        }
    }
}

fn employment_block(n: usize, filled: bool) -> Vec<F> {
    let p = |s: &str| format!("emp{n}_{s}");
    let v = |s: &str| if filled { one(s) } else { V::Blank };
    let first = n == 1;
    let types = [
        ("full_time", "正社員", "Full-time"),
        ("contract", "契約社員", "Contract employee"),
        ("part_time", "パート・アルバイト", "Part-time"),
        ("dispatch", "派遣社員", "Dispatched worker"),
        ("other", "その他", "Others"),
    ];
    let industries = [
        ("manufacturing", "製造業", "Manufacturing"),
        ("it", "情報通信業", "Information and communications"),
        ("wholesale", "卸売業・小売業", "Wholesale and retail trade"),
        (
            "food",
            "宿泊業・飲食サービス業",
            "Accommodation and food services",
        ),
        ("construction", "建設業", "Construction"),
        (
            "education",
            "教育・学習支援業",
            "Education and learning support",
        ),
        ("medical", "医療・福祉", "Medical, health care and welfare"),
        ("finance", "金融業・保険業", "Finance and insurance"),
        (
            "transport",
            "運輸業・郵便業",
            "Transport and postal activities",
        ),
        ("agriculture", "農業・林業", "Agriculture and forestry"),
        ("other", "その他", "Others"),
    ];
    let reasons = [
        ("still", "在職中", "Still employed"),
        ("contract_end", "契約期間満了", "End of the contract"),
        ("own", "自己都合", "Own reasons"),
        ("company", "会社都合", "Reasons of the company"),
    ];
    vec![
        f(
            p("name"),
            text("any", 100),
            format!("勤務先名称（{n}）"),
            format!("Name of employer ({n})"),
        )
        .req_if(first)
        .val(v("株式会社サンプル情報システム")),
        f(
            p("postal"),
            K::Postal(Some(p("address"))),
            format!("勤務先郵便番号（{n}）"),
            format!("Postal code of employer ({n})"),
        )
        .hint("例）1000013", "Example) 1000013")
        .val(v("100-0013")),
        f(
            p("address"),
            K::Address,
            format!("勤務先所在地（{n}）"),
            format!("Address of employer ({n})"),
        )
        .req_if(first)
        .val(v("東京都千代田区霞が関１－１－１")),
        f(
            p("phone"),
            K::Tel,
            format!("勤務先電話番号（{n}）"),
            format!("Telephone number of employer ({n})"),
        )
        .hint("例）0312345678", "Example) 0312345678")
        .val(v("03-1234-5678")),
        f(
            p("from"),
            date(),
            format!("就職年月日（{n}）"),
            format!("Date of joining ({n})"),
        )
        .req_if(first)
        .hint("例）20200401", "Example) 20200401")
        .val(v("20200401")),
        f(
            p("to"),
            date(),
            format!("退職年月日（{n}）"),
            format!("Date of leaving ({n})"),
        )
        .val(V::Blank),
        f(
            p("position"),
            text("any", 50),
            format!("役職（{n}）"),
            format!("Position ({n})"),
        )
        .val(v("システムエンジニア")),
        f(
            p("duties"),
            K::Textarea(400),
            format!("職務内容（{n}）"),
            format!("Duties ({n})"),
        )
        .req_if(first)
        .val(v(
            "業務システムの要件定義、設計、開発及び試験を担当。海外拠点との調整業務も行う。",
        )),
        f(
            p("type"),
            select(&types),
            format!("雇用形態（{n}）"),
            format!("Type of employment ({n})"),
        )
        .val(v("full_time")),
        f(
            p("salary"),
            text("digits", 10),
            format!("月額報酬（円）（{n}）"),
            format!("Monthly salary in yen ({n})"),
        )
        .hint("半角数字", "One-byte digits")
        .val(v("350000")),
        f(
            p("industry"),
            select(&industries),
            format!("業種（{n}）"),
            format!("Industry ({n})"),
        )
        .val(v("it")),
        f(
            p("employees"),
            text("digits", 7),
            format!("従業員数（{n}）"),
            format!("Number of employees ({n})"),
        )
        .val(v("250")),
        f(
            p("reason"),
            select(&reasons),
            format!("退職理由（{n}）"),
            format!("Reason for leaving ({n})"),
        )
        .val(v("still")),
        f(
            p("certificate"),
            K::File {
                accept: "pdf",
                max: 3,
            },
            format!("在職証明書（{n}）"),
            format!("Certificate of employment ({n})"),
        )
        .val(if filled {
            V::Many(vec![format!("file-emp{n}-01")])
        } else {
            V::Blank
        }),
    ]
}

fn education_block(n: usize, filled: bool) -> Vec<F> {
    let p = |s: &str| format!("edu{n}_{s}");
    let v = |s: &str| if filled { one(s) } else { V::Blank };
    let first = n == 1;
    let levels = [
        ("doctor", "大学院（博士）", "Doctor"),
        ("master", "大学院（修士）", "Master"),
        ("bachelor", "大学", "Bachelor"),
        ("junior_college", "短期大学", "Junior college"),
        (
            "vocational",
            "専門学校",
            "College of technology / vocational school",
        ),
        ("high_school", "高等学校", "Senior high school"),
        ("other", "その他", "Others"),
    ];
    let languages = [
        ("ja", "日本語", "Japanese"),
        ("en", "英語", "English"),
        ("other", "その他", "Others"),
    ];
    vec![
        f(
            p("school"),
            text("any", 100),
            format!("学校名（{n}）"),
            format!("Name of school ({n})"),
        )
        .req_if(first)
        .val(v("ハノイ工科大学")),
        f(
            p("country"),
            K::Select(Opts::From("nationality")),
            format!("所在国（{n}）"),
            format!("Country of the school ({n})"),
        )
        .req_if(first)
        .val(v("vn")),
        f(
            p("level"),
            select(&levels),
            format!("課程（{n}）"),
            format!("Level ({n})"),
        )
        .req_if(first)
        .val(v("bachelor")),
        f(
            p("major"),
            text("any", 60),
            format!("専攻（{n}）"),
            format!("Major ({n})"),
        )
        .val(v("情報工学")),
        f(
            p("from"),
            date(),
            format!("入学年月日（{n}）"),
            format!("Date of entering ({n})"),
        )
        .val(v("20110901")),
        f(
            p("to"),
            date(),
            format!("卒業年月日（{n}）"),
            format!("Date of graduation ({n})"),
        )
        .val(v("20150630")),
        f(
            p("graduated"),
            yes_no(),
            format!("卒業の有無（{n}）"),
            format!("Graduated ({n})"),
        )
        .val(v("yes")),
        f(
            p("address"),
            text("any", 200),
            format!("学校所在地（{n}）"),
            format!("Address of the school ({n})"),
        )
        .val(v("1 Dai Co Viet, Hai Ba Trung, Ha Noi")),
        f(
            p("degree"),
            text("any", 60),
            format!("学位（{n}）"),
            format!("Degree ({n})"),
        )
        .val(v("Bachelor of Engineering")),
        f(
            p("language"),
            select(&languages),
            format!("教育言語（{n}）"),
            format!("Language of instruction ({n})"),
        )
        .val(v("en")),
        f(
            p("gpa"),
            text("ascii", 10),
            format!("成績（GPA）（{n}）"),
            format!("Grades (GPA) ({n})"),
        )
        .val(v("3.4/4.0")),
        f(
            p("diploma"),
            K::File {
                accept: "pdf",
                max: 2,
            },
            format!("卒業証明書（{n}）"),
            format!("Diploma ({n})"),
        )
        .val(if filled {
            V::Many(vec![format!("file-edu{n}-01")])
        } else {
            V::Blank
        }),
    ]
}

/// The form and its valid body.
pub fn generate() -> Generated {
    let mut g = Gen {
        form: String::new(),
        body: Vec::new(),
        fields: 0,
        conditions: 0,
    };
    g.form.push_str(
        "# Generated by bench/forms (form_gen.rs): 300 fields, 20 conditions.\n\
         id = \"bench-residence\"\nversion = 1\n\
         title = { ja = \"在留期間更新許可申請（ベンチマーク）\", en = \"Application for Extension of Period of Stay (benchmark)\" }\n",
    );

    // --- 1. applicant (22) ------------------------------------------------------------------------
    g.section("applicant", "申請人", "Applicant", None);
    let occupations = [
        ("employee", "会社員", "Company employee"),
        ("public", "公務員", "Public servant"),
        ("student", "学生", "Student"),
        ("self_employed", "自営業", "Self-employed"),
        ("researcher", "研究者", "Researcher"),
        ("teacher", "教員", "Teacher"),
        ("unemployed", "無職", "Unemployed"),
        ("other", "その他", "Others"),
    ];
    g.fields(vec![
        f(
            "nationality",
            K::Select(Opts::From("nationality")),
            "国籍・地域",
            "Nationality/Region",
        )
        .req()
        .s("vn"),
        f(
            "date_of_birth",
            K::Date {
                unknown: true,
                not_future: true,
                not_before: Some("1900-01-01"),
            },
            "生年月日",
            "Date of birth",
        )
        .req()
        .hint("例）19900415", "Example) 19900415")
        .val(V::Date("19920415".into(), "none".into())),
        f(
            "name_en",
            K::Text {
                charset: "upper_alpha",
                max: 104,
                min: Some(2),
            },
            "氏名（アルファベット）",
            "Name in alphabet",
        )
        .req()
        .hint(
            "旅券に記載されているとおりに入力してください。",
            "Enter it as written in your passport.",
        )
        .s("nguyen van an"),
        f(
            "name_kanji",
            text("fullwidth", 52),
            "漢字氏名",
            "Name in kanji",
        )
        .s("阮文安"),
        f(
            "sex",
            K::Radio(Opts::Inline(vec![
                ("m", "男", "Male"),
                ("f", "女", "Female"),
            ])),
            "性別",
            "Sex",
        )
        .req()
        .s("m"),
        f(
            "place_of_birth",
            text("any", 60),
            "出生地",
            "Place of birth",
        )
        .req()
        .s("Ha Noi"),
        f(
            "marital_status",
            K::Radio(Opts::Inline(vec![
                ("married", "有", "Married"),
                ("single", "無", "Single"),
            ])),
            "配偶者の有無",
            "Marital status",
        )
        .req()
        .s("married"),
        f("occupation", select(&occupations), "職業", "Occupation")
            .req()
            .s("employee"),
        f(
            "occupation_other",
            text("fullwidth", 40),
            "その他の職業",
            "Other occupation",
        )
        .req()
        .show("{ field = \"occupation\", equals = \"other\" }"),
        f(
            "home_address",
            text("any", 200),
            "本国における居住地",
            "Home town/city",
        )
        .req()
        .s("12 Tran Hung Dao, Hoan Kiem, Ha Noi, Viet Nam"),
        f(
            "postal_code",
            K::Postal(Some("address".into())),
            "郵便番号",
            "Postal code",
        )
        .req()
        .hint("例）1000013", "Example) 1000013")
        .s("160-0023"),
        f("address", K::Address, "住居地", "Address in Japan")
            .req()
            .s("東京都新宿区西新宿２－８－１　サンプルマンション１０１号室"),
        f("telephone", K::Tel, "電話番号", "Telephone number")
            .req()
            .hint("例）0312345678", "Example) 0312345678")
            .s("03-5363-3013"),
        f("mobile", K::Tel, "携帯電話番号", "Mobile phone number").s("090-1234-5678"),
        f(
            "mobile_carrier",
            text("any", 30),
            "携帯電話の契約会社",
            "Mobile carrier",
        )
        .show("{ field = \"mobile\", filled = true }")
        .s("サンプルモバイル"),
        f("email", K::Email, "メールアドレス", "Email address")
            .req()
            .s("an.nguyen@example.jp"),
        f(
            "email_confirm",
            K::Email,
            "メールアドレス（確認）",
            "Email address (re-enter)",
        )
        .req()
        .s("an.nguyen@example.jp"),
        f(
            "passport_number",
            K::Text {
                charset: "upper_alnum",
                max: 20,
                min: Some(5),
            },
            "旅券番号",
            "Passport number",
        )
        .req()
        .s("c1234567"),
        f(
            "passport_expiry",
            future_date(),
            "旅券有効期限",
            "Passport expiry date",
        )
        .req()
        .s("20300131"),
        f(
            "card_number",
            K::Card,
            "在留カード番号",
            "Residence card number",
        )
        .req()
        .hint("例）AB12345678CD", "Example) AB12345678CD")
        .s("ab12345678cd"),
        f(
            "status",
            K::Select(Opts::From("status_of_residence")),
            "現に有する在留資格",
            "Current status of residence",
        )
        .req()
        .s("engineer"),
        f(
            "period_of_stay",
            K::Select(Opts::From("period_of_stay")),
            "在留期間",
            "Period of stay",
        )
        .req()
        .s("3y"),
    ]);

    // --- 2. stay (12) -------------------------------------------------------------------------------
    g.section("stay", "在留に関する事項", "Stay in Japan", None);
    g.fields(vec![
        f("expiry_date", future_date(), "在留期間の満了日", "Date of expiration").req().s("20261231"),
        f("desired_period", K::Select(Opts::From("period_of_stay")), "希望する在留期間", "Desired length of extension").req().s("5y"),
        f("reason", K::Textarea(400), "更新の理由", "Reason for extension").req().s(LONG_JA),
        f("entry_date", date(), "最初の入国年月日", "Date of first entry").req().s("20150901"),
        f("port_of_entry", text("any", 40), "上陸港", "Port of entry").s("成田空港"),
        f("criminal_record", yes_no(), "犯罪を理由とする処分を受けたことの有無", "Criminal record (in Japan or overseas)").req().s("no"),
        f("criminal_detail", K::Textarea(300), "犯罪歴の具体的内容", "Details of the criminal record")
            .req()
            .show("{ field = \"criminal_record\", equals = \"yes\" }"),
        f("departure_order", yes_no(), "退去強制又は出国命令による出国の有無", "Departure by deportation or departure order").req().s("no"),
        f("departure_detail", K::Textarea(300), "退去強制等の内容", "Details of the deportation")
            .req()
            .show("{ field = \"departure_order\", equals = \"yes\" }"),
        f("reentry_notes", K::Textarea(400), "補足説明", "Additional explanation")
            .show("{ any = [ { field = \"criminal_record\", equals = \"yes\" }, { field = \"departure_order\", equals = \"yes\" } ] }"),
        f("tax_paid", yes_no(), "住民税の納付の有無", "Payment of residence tax").req().s("yes"),
        f("insurance", K::Select(Opts::Inline(vec![
            ("employee", "健康保険（被用者保険）", "Employees' health insurance"),
            ("national", "国民健康保険", "National health insurance"),
            ("none", "未加入", "Not insured"),
        ])), "健康保険の種類", "Health insurance").req().s("employee"),
    ]);

    // --- 3. family (2 + 9 row fields) -----------------------------------------------------------
    g.section(
        "family_section",
        "在日親族及び同居者",
        "Family in Japan and co-residents",
        None,
    );
    g.field(
        f(
            "has_family",
            yes_no(),
            "在日親族及び同居者の有無",
            "Family in Japan or co-residents",
        )
        .req()
        .s("yes"),
    );
    let relationships = vec![
        ("spouse", "配偶者", "Spouse"),
        ("child", "子", "Child"),
        ("father", "父", "Father"),
        ("mother", "母", "Mother"),
        ("sibling", "兄弟姉妹", "Sibling"),
        ("other", "その他", "Others"),
    ];
    let children = vec![
        f(
            "relationship",
            K::Select(Opts::Inline(relationships)),
            "続柄",
            "Relationship",
        )
        .req(),
        f(
            "relationship_other",
            text("fullwidth", 20),
            "その他の続柄",
            "Other relationship",
        )
        .req()
        .show("{ field = \"relationship\", equals = \"other\" }"),
        f(
            "name",
            K::Text {
                charset: "upper_alpha",
                max: 104,
                min: None,
            },
            "氏名",
            "Name",
        )
        .req(),
        f(
            "date_of_birth",
            K::Date {
                unknown: true,
                not_future: true,
                not_before: Some("1900-01-01"),
            },
            "生年月日",
            "Date of birth",
        )
        .req(),
        f(
            "nationality",
            K::Select(Opts::From("nationality")),
            "国籍・地域",
            "Nationality/Region",
        )
        .req(),
        f("living_together", yes_no(), "同居の有無", "Living together").req(),
        f(
            "workplace",
            text("any", 100),
            "勤務先・通学先",
            "Place of employment/school",
        )
        .show(
            "{ field = \"relationship\", in = [\"spouse\", \"father\", \"mother\", \"sibling\"] }",
        ),
        f(
            "card_number",
            K::Card,
            "在留カード番号",
            "Residence card number",
        ),
        f("notes", text("any", 100), "備考", "Remarks"),
    ];
    let rows = vec![
        vec![
            one("spouse"),
            V::Blank,
            one("tran thi binh"),
            V::Date("19940702".into(), "none".into()),
            one("vn"),
            one("yes"),
            one("株式会社サンプル商事"),
            one("CD87654321EF"),
            V::Blank,
        ],
        vec![
            one("child"),
            V::Blank,
            one("nguyen van chi"),
            V::Date("20200315".into(), "none".into()),
            one("vn"),
            one("yes"),
            V::Blank,
            one("GH11223344IJ"),
            V::Blank,
        ],
        vec![
            one("other"),
            one("いとこ"),
            one("le van dung"),
            V::Date("1995".into(), "month_day".into()),
            one("vn"),
            one("no"),
            V::Blank,
            V::Blank,
            one("別居"),
        ],
    ];
    g.group(
        "family",
        "在日親族及び同居者",
        "Family member",
        6,
        "{ field = \"has_family\", equals = \"yes\" }",
        children,
        &rows,
    );

    // --- 4. organisation (15), for working statuses ----------------------------------------------
    g.section(
        "organisation",
        "所属機関等（勤務先）",
        "Organisation (place of employment)",
        Some("{ field = \"status\", in = [\"engineer\", \"skilled_labor\", \"intra_company\", \"business_manager\", \"researcher\", \"instructor\", \"ssw1\", \"ssw2\"] }"),
    );
    g.fields(vec![
        f(
            "org_name",
            text("any", 100),
            "名称",
            "Name of the organisation",
        )
        .req()
        .s("株式会社サンプル情報システム"),
        f(
            "org_branch",
            text("any", 100),
            "支店・事業所名",
            "Branch or office",
        )
        .s("本社"),
        f(
            "org_corporate_number",
            text("digits", 13),
            "法人番号",
            "Corporate number",
        )
        .req()
        .hint("13桁", "13 digits")
        .s("1234567890123"),
        f(
            "org_employment_insurance",
            text("digits", 11),
            "雇用保険適用事業所番号",
            "Employment insurance office number",
        )
        .s("13011234567"),
        f(
            "org_industry",
            select(&[
                ("manufacturing", "製造業", "Manufacturing"),
                ("it", "情報通信業", "Information and communications"),
                ("wholesale", "卸売業・小売業", "Wholesale and retail trade"),
                ("other", "その他", "Others"),
            ]),
            "業種",
            "Industry",
        )
        .req()
        .s("it"),
        f(
            "org_postal",
            K::Postal(Some("org_address".into())),
            "郵便番号",
            "Postal code",
        )
        .req()
        .s("1000005"),
        f("org_address", K::Address, "所在地", "Address")
            .req()
            .s("東京都千代田区丸の内１－１－１"),
        f("org_phone", K::Tel, "電話番号", "Telephone number")
            .req()
            .s("0312345678"),
        f(
            "org_capital",
            text("digits", 15),
            "資本金（円）",
            "Capital (yen)",
        )
        .s("100000000"),
        f(
            "org_sales",
            text("digits", 15),
            "年間売上高（円）",
            "Annual sales (yen)",
        )
        .s("2500000000"),
        f(
            "org_employees",
            text("digits", 7),
            "従業員数",
            "Number of employees",
        )
        .req()
        .s("250"),
        f(
            "org_foreign_employees",
            text("digits", 7),
            "外国人職員数",
            "Number of foreign employees",
        )
        .s("18"),
        f("org_joined", date(), "就職年月日", "Date of joining")
            .req()
            .s("20200401"),
        f(
            "org_salary",
            text("digits", 10),
            "月額報酬（円）",
            "Monthly salary (yen)",
        )
        .req()
        .s("350000"),
        f("org_duties", K::Textarea(400), "職務内容", "Duties")
            .req()
            .s(LONG_JA),
    ]);

    // --- 5. school (12), for students -----------------------------------------------------------
    g.section(
        "school",
        "在籍する学校",
        "School",
        Some("{ field = \"status\", equals = \"student\" }"),
    );
    g.fields(vec![
        f("school_name", text("any", 100), "学校名", "Name of school").req(),
        f(
            "school_postal",
            K::Postal(Some("school_address".into())),
            "郵便番号",
            "Postal code",
        )
        .req(),
        f("school_address", K::Address, "所在地", "Address").req(),
        f("school_phone", K::Tel, "電話番号", "Telephone number").req(),
        f(
            "school_type",
            select(&[
                ("university", "大学", "University"),
                ("graduate", "大学院", "Graduate school"),
                ("vocational", "専門学校", "Vocational school"),
                ("language", "日本語教育機関", "Japanese language institute"),
            ]),
            "学校の種類",
            "Type of school",
        )
        .req(),
        f(
            "school_faculty",
            text("any", 60),
            "学部・課程",
            "Faculty/course",
        )
        .req(),
        f("school_enrolled", date(), "入学年月日", "Date of admission").req(),
        f(
            "school_graduation",
            future_date(),
            "卒業予定年月日",
            "Expected graduation",
        )
        .req(),
        f(
            "school_hours",
            text("digits", 3),
            "週間授業時間",
            "Class hours per week",
        )
        .req(),
        f(
            "school_attendance",
            text("digits", 3),
            "出席率（％）",
            "Attendance rate (%)",
        ),
        f(
            "school_part_time",
            yes_no(),
            "資格外活動の有無",
            "Part-time work",
        )
        .req(),
        f(
            "school_certificate",
            K::File {
                accept: "pdf",
                max: 2,
            },
            "在学証明書",
            "Certificate of enrolment",
        )
        .req(),
    ]);

    // --- 6. spouse (12) ---------------------------------------------------------------------------
    g.section(
        "spouse",
        "配偶者",
        "Spouse",
        Some("{ all = [ { field = \"marital_status\", equals = \"married\" }, { field = \"status\", in = [\"dependent\", \"spouse_japanese\", \"spouse_permanent\"] } ] }"),
    );
    g.fields(vec![
        f(
            "spouse_name",
            text("upper_alpha", 104),
            "配偶者の氏名",
            "Name of spouse",
        )
        .req(),
        f(
            "spouse_nationality",
            K::Select(Opts::From("nationality")),
            "配偶者の国籍・地域",
            "Nationality of spouse",
        )
        .req(),
        f(
            "spouse_dob",
            date(),
            "配偶者の生年月日",
            "Date of birth of spouse",
        )
        .req(),
        f(
            "spouse_card",
            K::Card,
            "配偶者の在留カード番号",
            "Residence card number of spouse",
        ),
        f(
            "spouse_status",
            K::Select(Opts::From("status_of_residence")),
            "配偶者の在留資格",
            "Status of spouse",
        ),
        f(
            "spouse_marriage_date",
            date(),
            "婚姻届出年月日",
            "Date of marriage notification",
        )
        .req(),
        f(
            "spouse_marriage_place",
            text("any", 60),
            "婚姻届出先",
            "Where the marriage was notified",
        )
        .req(),
        f(
            "spouse_met",
            K::Textarea(400),
            "知り合った経緯",
            "How you met",
        )
        .req(),
        f(
            "spouse_employer",
            text("any", 100),
            "配偶者の勤務先",
            "Employer of spouse",
        ),
        f(
            "spouse_income",
            text("digits", 10),
            "配偶者の年収（円）",
            "Annual income of spouse (yen)",
        ),
        f(
            "spouse_phone",
            K::Tel,
            "配偶者の電話番号",
            "Telephone number of spouse",
        ),
        f(
            "spouse_certificate",
            K::File {
                accept: "pdf",
                max: 3,
            },
            "婚姻証明書",
            "Marriage certificate",
        )
        .req(),
    ]);

    // --- 7. employment history: 6 blocks of 14 (84); the 4th onward behind a question ------------
    g.section("employment_1", "職歴（1）", "Employment history (1)", None);
    g.fields(employment_block(1, true));
    g.field(
        f(
            "more_employment",
            yes_no(),
            "その他の職歴の有無",
            "Further employment history",
        )
        .s("yes"),
    );
    for n in 2..=3 {
        g.section(
            &format!("employment_{n}"),
            &format!("職歴（{n}）"),
            &format!("Employment history ({n})"),
            None,
        );
        g.fields(employment_block(n, n == 2));
    }
    g.section(
        "employment_4",
        "職歴（4）",
        "Employment history (4)",
        Some("{ field = \"more_employment\", equals = \"yes\" }"),
    );
    g.fields(employment_block(4, false));
    for n in 5..=6 {
        g.section(
            &format!("employment_{n}"),
            &format!("職歴（{n}）"),
            &format!("Employment history ({n})"),
            None,
        );
        g.fields(employment_block(n, false));
    }

    // --- 8. education history: 6 blocks of 12 (72) --------------------------------------------------
    for n in 1..=6 {
        g.section(
            &format!("education_{n}"),
            &format!("学歴（{n}）"),
            &format!("Education ({n})"),
            None,
        );
        g.fields(education_block(n, n <= 2));
    }

    // --- 9. financial support ----------------------------------------------------------------------
    g.section("finance", "経費支弁", "Financial support", None);
    let methods = vec![
        ("self", "本人負担", "Self"),
        ("family", "在日親族", "Family in Japan"),
        ("scholarship", "奨学金", "Scholarship"),
        ("employer", "勤務先", "Employer"),
        ("other_person", "その他の支弁者", "Another supporter"),
    ];
    g.fields(vec![
        f(
            "support_method",
            K::Checkboxes(Opts::Inline(methods)),
            "支弁方法",
            "Method of support",
        )
        .req()
        .val(V::Many(vec!["self".into(), "family".into()])),
        f(
            "monthly_income",
            text("digits", 10),
            "月額収入（円）",
            "Monthly income (yen)",
        )
        .req()
        .s("350000"),
        f(
            "savings",
            text("digits", 12),
            "預貯金額（円）",
            "Savings (yen)",
        )
        .s("2400000"),
        f(
            "scholarship_name",
            text("any", 60),
            "奨学金の名称",
            "Name of the scholarship",
        )
        .req()
        .show("{ field = \"support_method\", equals = \"scholarship\" }"),
        f(
            "scholarship_amount",
            text("digits", 10),
            "奨学金の月額（円）",
            "Scholarship per month (yen)",
        )
        .show("{ field = \"support_method\", equals = \"scholarship\" }"),
        f(
            "supporter_name",
            text("any", 100),
            "支弁者の氏名",
            "Name of the supporter",
        )
        .req()
        .show("{ field = \"support_method\", in = [\"family\", \"other_person\"] }")
        .s("TRAN THI BINH"),
        f(
            "supporter_relationship",
            text("any", 30),
            "支弁者との関係",
            "Relationship to the supporter",
        )
        .req()
        .show("{ field = \"support_method\", in = [\"family\", \"other_person\"] }")
        .s("配偶者"),
        f(
            "supporter_income",
            text("digits", 10),
            "支弁者の年収（円）",
            "Annual income of the supporter (yen)",
        )
        .s("3600000"),
        f(
            "remittance",
            yes_no(),
            "本国からの送金の有無",
            "Remittance from abroad",
        )
        .s("no"),
        f(
            "tax_certificate",
            K::File {
                accept: "pdf",
                max: 4,
            },
            "課税証明書・納税証明書",
            "Tax certificates",
        )
        .req()
        .val(V::Many(vec!["file-tax-01".into(), "file-tax-02".into()])),
    ]);

    // --- 10. earlier stays ---------------------------------------------------------------------------
    g.section("previous", "過去の出入国歴", "Earlier stays in Japan", None);
    g.fields(vec![
        f("has_previous", yes_no(), "過去の出入国歴の有無", "Earlier entries into Japan").req().s("yes"),
        f("previous_entry_count", text("digits", 3), "入国回数", "Number of entries")
            .req()
            .show("{ field = \"has_previous\", equals = \"yes\" }")
            .s("4"),
        f("previous_last_departure", date(), "直近の出国年月日", "Date of the latest departure")
            .show("{ all = [ { field = \"has_previous\", equals = \"yes\" }, { field = \"previous_entry_count\", filled = true } ] }")
            .s("20250815"),
        f("previous_last_return", date(), "直近の入国年月日", "Date of the latest entry").s("20250829"),
        f("previous_purpose", text("any", 100), "渡航目的", "Purpose of the travel").s("一時帰国"),
        f("previous_reentry_permit", yes_no(), "再入国許可の有無", "Re-entry permit").s("no"),
        f("previous_notes", K::Textarea(300), "出入国歴の補足", "Notes on earlier stays"),
        f("previous_passport", K::Text { charset: "upper_alnum", max: 20, min: Some(5) }, "当時の旅券番号", "Passport number at the time"),
    ]);

    // --- 11. who submits -------------------------------------------------------------------------------
    g.section("agent", "申請取次者等", "Agent", None);
    let submitters = vec![
        ("self", "本人", "The applicant"),
        ("agent", "申請取次者", "Authorized agent"),
        ("legal_rep", "法定代理人", "Legal representative"),
        ("staff", "所属機関の職員", "Staff of the organisation"),
    ];
    g.fields(vec![
        f("submitted_by", K::Radio(Opts::Inline(submitters)), "申請を行う者", "Who submits").req().s("self"),
        f("agent_name", text("any", 100), "取次者の氏名", "Name of the agent")
            .req()
            .show("{ any = [ { field = \"submitted_by\", equals = \"agent\" }, { field = \"submitted_by\", equals = \"legal_rep\" } ] }"),
        f("agent_address", K::Address, "取次者の住所", "Address of the agent")
            .req()
            .show("{ field = \"submitted_by\", in = [\"agent\", \"legal_rep\"] }"),
        f("agent_phone", K::Tel, "取次者の電話番号", "Telephone number of the agent"),
        f("agent_org", text("any", 100), "所属団体", "Organisation of the agent"),
        f("agent_registration", text("upper_alnum", 20), "登録番号", "Registration number"),
        f("agent_relationship", text("any", 30), "申請人との関係", "Relationship to the applicant"),
        f("agent_email", K::Email, "取次者のメールアドレス", "Email of the agent"),
    ]);

    // --- 12. attachments and declaration -------------------------------------------------------------
    g.section("attachments", "添付書類", "Attachments", None);
    g.fields(vec![
        f(
            "photo",
            K::File {
                accept: "jpeg",
                max: 1,
            },
            "顔写真",
            "Facial photograph",
        )
        .req()
        .val(V::Many(vec!["file-photo-01".into()])),
        f(
            "passport_copy",
            K::File {
                accept: "pdf",
                max: 2,
            },
            "旅券の写し",
            "Copy of the passport",
        )
        .req()
        .val(V::Many(vec!["file-passport-01".into()])),
        f(
            "card_copy",
            K::File {
                accept: "pdf",
                max: 2,
            },
            "在留カードの写し",
            "Copy of the residence card",
        )
        .req()
        .val(V::Many(vec!["file-card-01".into()])),
        f(
            "other_documents",
            K::File {
                accept: "pdf",
                max: 19,
            },
            "その他の資料",
            "Other documents",
        )
        .val(V::Many(vec![
            "file-other-01".into(),
            "file-other-02".into(),
            "file-other-03".into(),
        ])),
    ]);

    // --- filler to exactly 300: further remarks ---------------------------------------------------------
    let declaration = 3;
    let remaining = FIELDS.saturating_sub(g.fields + declaration);
    if remaining > 0 {
        g.section("remarks", "その他の事項", "Other matters", None);
        for i in 1..=remaining {
            let k = if i % 3 == 0 {
                K::Textarea(300)
            } else {
                text("any", 100)
            };
            let x = f(
                format!("remark_{i}"),
                k,
                format!("その他の事項（{i}）"),
                format!("Other matter ({i})"),
            );
            g.field(if i <= 2 { x.s("特になし") } else { x });
        }
    }
    g.section("declaration", "申請人の署名", "Declaration", None);
    g.fields(vec![
        f(
            "declaration_date",
            date(),
            "作成年月日",
            "Date of the declaration",
        )
        .req()
        .s("20261120"),
        f(
            "declaration_name",
            text("upper_alpha", 104),
            "署名（氏名）",
            "Signature (name)",
        )
        .req()
        .s("NGUYEN VAN AN"),
        f(
            "confirmed",
            K::Checkbox,
            "以上の記載内容は事実と相違ありません。",
            "I hereby declare that the statement given above is true and correct.",
        )
        .req()
        .s("on"),
    ]);

    g.form
        .push_str("\n[[rules]]\nkind = \"equals\"\nfield = \"email_confirm\"\nother = \"email\"\n");
    for n in 1..=6 {
        let _ = write!(
            g.form,
            "\n[[rules]]\nkind = \"not_before\"\nfield = \"emp{n}_to\"\nother = \"emp{n}_from\"\n"
        );
    }
    for n in 1..=6 {
        let _ = write!(
            g.form,
            "\n[[rules]]\nkind = \"not_before\"\nfield = \"edu{n}_to\"\nother = \"edu{n}_from\"\n"
        );
    }

    let mut body = vec![(
        "csrf".to_owned(),
        "Yk3N0u4qXkq7a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p".to_owned(),
    )];
    body.extend(g.body);
    body.push(("action".to_owned(), "submit".to_owned()));
    Generated {
        form: g.form,
        lists: lists(),
        body,
        fields: g.fields,
        conditions: g.conditions,
    }
}

/// The valid body with twelve mistakes a person makes (blank, malformed, impossible, future, too
/// long, mismatched, not an option, and two inside group rows, one breaking a date rule).
pub fn with_mistakes(body: &[(String, String)]) -> Vec<(String, String)> {
    let changes: [(&str, String); 12] = [
        ("name_en", String::new()),
        ("date_of_birth", "19921345".to_owned()),
        ("email_confirm", "an.nguyen@example.com".to_owned()),
        ("telephone", "03-53A3-3013".to_owned()),
        ("postal_code", "160-00".to_owned()),
        ("card_number", "AB1234CD".to_owned()),
        ("entry_date", "20991231".to_owned()),
        ("occupation", "astronaut".to_owned()),
        ("home_address", "長い住所".repeat(60)),
        ("emp1_to", "20190331".to_owned()),
        ("family[1].name", String::new()),
        ("family[0].date_of_birth", "19940230".to_owned()),
    ];
    body.iter()
        .map(|(k, v)| {
            let v = changes
                .iter()
                .find(|(name, _)| name == k)
                .map(|(_, new)| new.clone())
                .unwrap_or_else(|| v.clone());
            (k.clone(), v)
        })
        .collect()
}
