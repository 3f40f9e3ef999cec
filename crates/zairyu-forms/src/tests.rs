//! Unit tests of the engine on small inline definitions: each field kind's good and bad inputs,
//! conditions, cleaning, rules, every load-time error, answers from HTTP pairs, the summary.

use crate::*;
use zairyu_domain::Invalid;

const HEAD: &str = r#"
id = "t"
version = 1
title = { ja = "テスト", en = "Test" }
"#;

fn today() -> Date {
    Date::from_ymd(2025, 6, 15).unwrap()
}

fn lists() -> OptionLists {
    OptionLists::parse(
        r#"colours = [
  { value = "red", label = { ja = "赤", en = "Red" } },
  { value = "blue", label = { ja = "青", en = "Blue" } },
]"#,
    )
    .unwrap()
}

fn parse(body: &str) -> Result<FormDef, Vec<DefError>> {
    FormDef::parse(&format!("{HEAD}\n{body}"), &lists())
}

fn form(body: &str) -> FormDef {
    match parse(body) {
        Ok(f) => f,
        Err(e) => panic!("definition refused: {e:#?}"),
    }
}

fn errors(body: &str) -> Vec<DefError> {
    match parse(body) {
        Ok(_) => panic!("definition accepted"),
        Err(e) => e,
    }
}

/// A form with one section holding the given `[[sections.fields]]` tables.
fn fields(tables: &str) -> FormDef {
    form(&format!(
        "[[sections]]\nid = \"s\"\ntitle = {{ ja = \"節\", en = \"Section\" }}\n{tables}"
    ))
}

fn field_errors(tables: &str) -> Vec<DefError> {
    errors(&format!(
        "[[sections]]\nid = \"s\"\ntitle = {{ ja = \"節\", en = \"Section\" }}\n{tables}"
    ))
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn answers(f: &FormDef, p: &[(&str, &str)]) -> Answers {
    Answers::from_pairs(f, &pairs(p))
}

/// The codes of a failed validation, by path.
fn codes(f: &FormDef, p: &[(&str, &str)]) -> Vec<(String, ErrorCode)> {
    match f.validate(&answers(f, p), today()) {
        Ok(c) => panic!("accepted: {:?}", c.answers()),
        Err(e) => e.into_vec().into_iter().map(|e| (e.path, e.code)).collect(),
    }
}

fn ok(f: &FormDef, p: &[(&str, &str)]) -> Answers {
    match f.validate(&answers(f, p), today()) {
        Ok(c) => c.into_answers(),
        Err(e) => panic!("refused: {e:?}"),
    }
}

fn one(kind_and_keys: &str) -> FormDef {
    fields(&format!(
        "[[sections.fields]]\nid = \"x\"\nlabel = {{ ja = \"項目\", en = \"Item\" }}\nrequired = true\n{kind_and_keys}"
    ))
}

fn text_of(a: &Answers, id: &str) -> String {
    match a.get(id) {
        Some(Answer::Text(s)) => s.clone(),
        other => panic!("{id}: {other:?}"),
    }
}

/// The stored value of `x` for an accepted input, or the error code for a refused one.
fn check_x(f: &FormDef, input: &str) -> Result<String, ErrorCode> {
    match f.validate(&answers(f, &[("x", input)]), today()) {
        Ok(c) => Ok(text_of(c.answers(), "x")),
        Err(e) => Err(e.into_vec().remove(0).code),
    }
}

fn inv(i: Invalid) -> Result<String, ErrorCode> {
    Err(ErrorCode::Invalid(i))
}

fn fc(c: FormCode) -> Result<String, ErrorCode> {
    Err(ErrorCode::Form(c))
}

fn okv(s: &str) -> Result<String, ErrorCode> {
    Ok(s.to_owned())
}

// ---------------------------------------------------------------------------------------------------
// Field kinds

#[test]
fn text_charsets() {
    let upper = one("kind = \"text\"\ncharset = \"upper_alpha\"\nmax_len = 10");
    assert_eq!(check_x(&upper, " john  smith "), okv("JOHN SMITH"));
    assert_eq!(
        check_x(&upper, "john smiths"),
        inv(Invalid::TooLong { max: 10 })
    );
    assert_eq!(check_x(&upper, "ｊｏｈｎ　ｓ"), okv("JOHN S"));
    assert_eq!(check_x(&upper, "JOHN2"), inv(Invalid::Characters));
    assert_eq!(check_x(&upper, "山田"), inv(Invalid::Characters));
    assert_eq!(check_x(&upper, "   "), inv(Invalid::Required));

    let alnum = one("kind = \"text\"\ncharset = \"upper_alnum\"\nmax_len = 9\nmin_len = 3");
    assert_eq!(check_x(&alnum, "tk1234567"), okv("TK1234567"));
    assert_eq!(check_x(&alnum, "ab"), inv(Invalid::TooShort { min: 3 }));
    assert_eq!(check_x(&alnum, "TK 123"), inv(Invalid::Characters));

    let digits = one("kind = \"text\"\ncharset = \"digits\"\nmax_len = 4");
    assert_eq!(check_x(&digits, "０１２３"), okv("0123"));
    assert_eq!(check_x(&digits, "12a"), inv(Invalid::Characters));
    assert_eq!(check_x(&digits, "12345"), inv(Invalid::TooLong { max: 4 }));

    let wide = one("kind = \"text\"\ncharset = \"fullwidth\"\nmax_len = 10");
    assert_eq!(check_x(&wide, "東京 1-2"), okv("東京\u{3000}１－２"));
    assert_eq!(check_x(&wide, "ﾄｳｷｮｳ"), inv(Invalid::Characters));
    assert_eq!(check_x(&wide, "東\u{7}"), inv(Invalid::Characters));

    let ascii = one("kind = \"text\"\ncharset = \"ascii\"\nmax_len = 20");
    assert_eq!(check_x(&ascii, "Ａbc-1 ok"), okv("Abc-1 ok"));
    assert_eq!(check_x(&ascii, "café"), inv(Invalid::Characters));

    let any = one("kind = \"text\"\nmax_len = 5");
    assert_eq!(check_x(&any, " 東京都 "), okv("東京都"));
    assert_eq!(
        check_x(&any, "東京都千代田"),
        inv(Invalid::TooLong { max: 5 })
    );
    assert_eq!(check_x(&any, "a\tb"), inv(Invalid::Characters));
}

#[test]
fn textarea() {
    let f = one("kind = \"textarea\"\nmax_len = 10");
    assert_eq!(check_x(&f, "a\r\nb\rc "), okv("a\nb\nc"));
    assert_eq!(check_x(&f, "tab\tok"), okv("tab\tok"));
    assert_eq!(check_x(&f, "bell\u{7}"), inv(Invalid::Characters));
    assert_eq!(
        check_x(&f, &"あ".repeat(11)),
        inv(Invalid::TooLong { max: 10 })
    );
}

#[test]
fn email_telephone_postal_address_card() {
    let email = one("kind = \"email\"");
    assert_eq!(check_x(&email, " a@example.jp "), okv("a@example.jp"));
    assert_eq!(check_x(&email, "a@b"), inv(Invalid::Format));
    let long = format!("{}@example.jp", "a".repeat(50));
    assert_eq!(check_x(&email, &long), inv(Invalid::TooLong { max: 60 }));

    let tel = one("kind = \"telephone\"");
    assert_eq!(check_x(&tel, "03-1234-5678"), okv("0312345678"));
    assert_eq!(check_x(&tel, "03-1234-567x"), inv(Invalid::Characters));
    assert_eq!(
        check_x(&tel, "0123456789012"),
        inv(Invalid::TooLong { max: 12 })
    );

    let postal = one("kind = \"postal_code\"");
    assert_eq!(check_x(&postal, "〒100-0001"), okv("1000001"));
    assert_eq!(check_x(&postal, "0000000"), okv("0000000"));
    assert_eq!(check_x(&postal, "100-001"), inv(Invalid::Format));

    let address = one("kind = \"address\"");
    assert_eq!(check_x(&address, "千代田区1-1"), okv("千代田区１－１"));
    assert_eq!(
        check_x(&address, &"東".repeat(86)),
        inv(Invalid::TooLong { max: 85 })
    );

    let card = one("kind = \"residence_card_number\"");
    assert_eq!(check_x(&card, "ab 12345678 cd"), okv("AB12345678CD"));
    assert_eq!(check_x(&card, "AB1234567CD"), inv(Invalid::Format));
    assert_eq!(check_x(&card, "AB12345678C!"), inv(Invalid::Characters));
}

#[test]
fn dates() {
    let f = one(
        "kind = \"date\"\nnot_future = true\nnot_before = \"2000-01-01\"\nnot_after = \"2030-12-31\"",
    );
    assert_eq!(check_x(&f, "20250401"), okv("2025-04-01"));
    assert_eq!(check_x(&f, "2025-04-01"), okv("2025-04-01"));
    assert_eq!(check_x(&f, "2025/4/1"), okv("2025-04-01"));
    assert_eq!(check_x(&f, "２０２５０４０１"), okv("2025-04-01"));
    assert_eq!(
        check_x(&f, "20250615"),
        okv("2025-06-15"),
        "today is not the future"
    );
    assert_eq!(check_x(&f, "20250616"), fc(FormCode::Future));
    assert_eq!(check_x(&f, "20250230"), fc(FormCode::InvalidDate));
    assert_eq!(check_x(&f, "2025-4"), inv(Invalid::Format));
    assert_eq!(check_x(&f, "April 1"), inv(Invalid::Format));
    let limit = Date::from_ymd(2000, 1, 1).unwrap();
    assert_eq!(
        check_x(&f, "19991231"),
        fc(FormCode::BeforeDate {
            limit: DateLimit::Date(limit)
        })
    );
    // Answers for a plain date with an unknown part are refused, not silently read.
    let a = {
        let mut a = Answers::new();
        a.insert(
            "x",
            Answer::Date {
                text: "2025".into(),
                unknown: "month_day".into(),
            },
        );
        a
    };
    let e = f.validate(&a, today()).unwrap_err();
    assert_eq!(
        e.get("x").unwrap().code,
        ErrorCode::Form(FormCode::NotAChoice)
    );

    let future_ok = one("kind = \"date\"\nnot_after = \"2030-12-31\"");
    assert_eq!(check_x(&future_ok, "20300101"), okv("2030-01-01"));
    assert_eq!(
        check_x(&future_ok, "20310101"),
        fc(FormCode::AfterDate {
            limit: DateLimit::Date(Date::from_ymd(2030, 12, 31).unwrap())
        })
    );
}

#[test]
fn dates_with_unknown_parts() {
    let f = one("kind = \"date\"\nallow_unknown = true\nnot_future = true");
    let check = |text: &str, unknown: &str| -> Result<Answer, ErrorCode> {
        match f.validate(
            &answers(&f, &[("x", text), ("x.unknown", unknown)]),
            today(),
        ) {
            Ok(c) => Ok(c.answers().get("x").unwrap().clone()),
            Err(e) => Err(e.into_vec().remove(0).code),
        }
    };
    let date = |t: &str, u: &str| {
        Ok(Answer::Date {
            text: t.into(),
            unknown: u.into(),
        })
    };
    assert_eq!(check("19900415", ""), date("1990-04-15", "none"));
    assert_eq!(check("19900415", "none"), date("1990-04-15", "none"));
    assert_eq!(check("199004", "day"), date("1990-04", "day"));
    assert_eq!(check("1990-04-15", "day"), date("1990-04", "day"));
    assert_eq!(check("1990", "month_day"), date("1990", "month_day"));
    assert_eq!(
        check("", "all"),
        date("", "all"),
        "required is met by 'all unknown'"
    );
    assert_eq!(check("", "day"), Err(ErrorCode::Invalid(Invalid::Required)));
    assert_eq!(
        check("199004", "none"),
        Err(ErrorCode::Invalid(Invalid::Format))
    );
    assert_eq!(
        check("1990", "week"),
        Err(ErrorCode::Form(FormCode::NotAChoice))
    );
    assert_eq!(
        check("2025-07", "day"),
        Err(ErrorCode::Form(FormCode::Future))
    );
    assert_eq!(
        check("2025-06", "day"),
        date("2025-06", "day"),
        "June may have begun"
    );
    assert_eq!(check("2025", "month_day"), date("2025", "month_day"));
    assert_eq!(
        check("2026", "month_day"),
        Err(ErrorCode::Form(FormCode::Future))
    );
    // Plain text (an old draft) is read as "no unknown part".
    let mut a = Answers::new();
    a.insert("x", Answer::Text("1990-04-15".into()));
    assert!(f.validate(&a, today()).is_ok());
}

#[test]
fn choices() {
    let select = one(
        "kind = \"select\"\noptions = [ { value = \"a\", label = { ja = \"あ\", en = \"A\" } }, { value = \"b\", label = { ja = \"い\", en = \"B\" } } ]",
    );
    assert_eq!(check_x(&select, "a"), okv("a"));
    assert_eq!(check_x(&select, "c"), fc(FormCode::NotAChoice));
    assert_eq!(check_x(&select, ""), inv(Invalid::Required));

    let radio = one("kind = \"radio\"\noptions_from = \"colours\"");
    assert_eq!(check_x(&radio, "blue"), okv("blue"));
    assert_eq!(check_x(&radio, "green"), fc(FormCode::NotAChoice));

    let boxes = fields(
        "[[sections.fields]]\nid = \"x\"\nkind = \"checkboxes\"\nlabel = { ja = \"色\", en = \"Colours\" }\noptions_from = \"colours\"",
    );
    let a = ok(&boxes, &[("x", "blue"), ("x", "red"), ("x", "blue")]);
    assert_eq!(
        a.get("x"),
        Some(&Answer::Many(vec!["red".into(), "blue".into()])),
        "option order, no duplicates"
    );
    assert_eq!(
        codes(&boxes, &[("x", "red"), ("x", "green")]),
        [("x".to_owned(), ErrorCode::Form(FormCode::NotAChoice))]
    );
    assert_eq!(ok(&boxes, &[]).get("x"), None, "optional and empty");
    let required = one("kind = \"checkboxes\"\noptions_from = \"colours\"");
    assert_eq!(
        codes(&required, &[]),
        [("x".to_owned(), ErrorCode::Invalid(Invalid::Required))]
    );
}

#[test]
fn checkbox() {
    let must = one("kind = \"checkbox\"");
    assert_eq!(
        codes(&must, &[]),
        [("x".to_owned(), ErrorCode::Invalid(Invalid::Required))]
    );
    assert_eq!(
        codes(&must, &[("x", "false")]),
        [("x".to_owned(), ErrorCode::Invalid(Invalid::Required))]
    );
    assert_eq!(
        ok(&must, &[("x", "on")]).get("x"),
        Some(&Answer::Bool(true))
    );
    let may = fields(
        "[[sections.fields]]\nid = \"x\"\nkind = \"checkbox\"\nlabel = { ja = \"同意\", en = \"Agree\" }",
    );
    assert_eq!(ok(&may, &[]).get("x"), Some(&Answer::Bool(false)));
}

#[test]
fn files() {
    let f = one("kind = \"file\"\naccept = [\"pdf\"]\nmax_files = 2");
    assert_eq!(
        ok(&f, &[("x", "f-1"), ("x", "f_2"), ("x", "f-1")]).get("x"),
        Some(&Answer::Files(vec!["f-1".into(), "f_2".into()]))
    );
    assert_eq!(
        codes(&f, &[("x", "a"), ("x", "b"), ("x", "c")]),
        [(
            "x".to_owned(),
            ErrorCode::Form(FormCode::TooManyFiles { max: 2 })
        )]
    );
    assert_eq!(
        codes(&f, &[("x", "../etc/passwd")]),
        [("x".to_owned(), ErrorCode::Invalid(Invalid::Format))]
    );
    assert_eq!(
        codes(&f, &[]),
        [("x".to_owned(), ErrorCode::Invalid(Invalid::Required))]
    );
    let FieldKind::File { accept, max_files } = f.field("x").unwrap().kind() else {
        panic!()
    };
    assert_eq!(
        (accept.as_slice(), *max_files),
        ([FileType::Pdf].as_slice(), 2)
    );
}

const GROUP: &str = r#"
[[sections.fields]]
id = "people"
kind = "group"
label = { ja = "人", en = "Person" }
min_rows = 1
max_rows = 3

[[sections.fields.fields]]
id = "name"
kind = "text"
charset = "upper_alpha"
max_len = 10
label = { ja = "氏名", en = "Name" }
required = true

[[sections.fields.fields]]
id = "kind"
kind = "select"
options_from = "colours"
label = { ja = "種類", en = "Kind" }

[[sections.fields.fields]]
id = "note"
kind = "text"
max_len = 10
label = { ja = "備考", en = "Note" }
show_if = { field = "kind", equals = "red" }
"#;

#[test]
fn group_rows() {
    let f = fields(GROUP);
    let a = ok(
        &f,
        &[
            ("people[0].name", "ann"),
            ("people[3].name", "beyond max_rows: ignored"),
            ("people[5].name", "also ignored"),
            ("people[2].name", "bob"),
            ("people[2].kind", "red"),
            ("people[2].note", "hi"),
            ("people[1].name", ""),
        ],
    );
    let Some(Answer::Rows(rows)) = a.get("people") else {
        panic!("{a:?}")
    };
    assert_eq!(
        rows.len(),
        2,
        "blank and out-of-range rows dropped, gaps compacted"
    );
    assert_eq!(text_of(&rows[0], "name"), "ANN");
    assert_eq!(text_of(&rows[1], "name"), "BOB");
    assert_eq!(text_of(&rows[1], "note"), "hi");

    assert_eq!(
        codes(&f, &[]),
        [(
            "people".to_owned(),
            ErrorCode::Form(FormCode::TooFewRows { min: 1 })
        )]
    );
    assert_eq!(
        codes(&f, &[("people[0].kind", "blue"), ("people[1].name", "x1")]),
        [
            (
                "people[0].name".to_owned(),
                ErrorCode::Invalid(Invalid::Required)
            ),
            (
                "people[1].name".to_owned(),
                ErrorCode::Invalid(Invalid::Characters)
            ),
        ]
    );
    // Programmatic answers with too many rows are refused, not truncated.
    let mut many = Answers::new();
    let row = |n: &str| {
        let mut r = Answers::new();
        r.insert("name", Answer::Text(n.into()));
        r
    };
    many.insert(
        "people",
        Answer::Rows(vec![row("A"), row("B"), row("C"), row("D")]),
    );
    let e = f.validate(&many, today()).unwrap_err();
    assert_eq!(
        e.get("people").unwrap().code,
        ErrorCode::Form(FormCode::TooManyRows { max: 3 })
    );
    // ...and cut to max_rows by clean.
    let Some(Answer::Rows(kept)) = f.clean(&many).get("people").cloned() else {
        panic!()
    };
    assert_eq!(kept.len(), 3);
}

#[test]
fn group_required_without_min_rows() {
    let f = fields(
        r#"
[[sections.fields]]
id = "g"
kind = "group"
label = { ja = "行", en = "Rows" }
required = true
max_rows = 2

[[sections.fields.fields]]
id = "v"
kind = "text"
max_len = 5
label = { ja = "値", en = "Value" }
"#,
    );
    assert_eq!(
        codes(&f, &[("g[0].v", " ")]),
        [("g".to_owned(), ErrorCode::Invalid(Invalid::Required))]
    );
    assert!(
        f.validate(&answers(&f, &[("g[1].v", "x")]), today())
            .is_ok()
    );
}

// ---------------------------------------------------------------------------------------------------
// Conditions

const CONDITIONS: &str = r#"
[[sections]]
id = "main"
title = { ja = "主", en = "Main" }

[[sections.fields]]
id = "colour"
kind = "select"
options_from = "colours"
label = { ja = "色", en = "Colour" }

[[sections.fields]]
id = "if_red"
kind = "text"
max_len = 10
label = { ja = "赤", en = "Red" }
required = true
show_if = { field = "colour", equals = "red" }

[[sections.fields]]
id = "if_any"
kind = "text"
max_len = 10
label = { ja = "どれか", en = "Any" }
show_if = { field = "colour", in = ["red", "blue"] }

[[sections.fields]]
id = "if_none"
kind = "text"
max_len = 10
label = { ja = "未選択", en = "None" }
show_if = { field = "colour", filled = false }

[[sections.fields]]
id = "if_red_filled"
kind = "text"
max_len = 10
label = { ja = "赤あり", en = "Red given" }
show_if = { all = [ { field = "if_red", filled = true }, { not = { field = "colour", equals = "blue" } } ] }

[[sections.fields]]
id = "if_either"
kind = "text"
max_len = 10
label = { ja = "いずれか", en = "Either" }
show_if = { any = [ { field = "colour", equals = "blue" }, { field = "later", filled = true } ] }

# Read by `if_either` above: a condition may read a later field.
[[sections.fields]]
id = "later"
kind = "checkbox"
label = { ja = "後", en = "Later" }

[[sections]]
id = "blue_part"
title = { ja = "青", en = "Blue part" }
show_if = { field = "colour", equals = "blue" }

[[sections.fields]]
id = "in_blue"
kind = "text"
max_len = 10
label = { ja = "青の中", en = "In blue" }
required = true
"#;

fn shown(f: &FormDef, p: &[(&str, &str)]) -> Vec<String> {
    f.visible(&answers(f, p)).shown_paths()
}

#[test]
fn conditions_equals_in_filled_all_any_not_and_sections() {
    let f = form(CONDITIONS);
    assert_eq!(shown(&f, &[]), ["colour", "if_none", "later"]);
    assert_eq!(
        shown(&f, &[("colour", "red")]),
        ["colour", "if_red", "if_any", "later"]
    );
    assert_eq!(
        shown(&f, &[("colour", "red"), ("if_red", "x")]),
        ["colour", "if_red", "if_any", "if_red_filled", "later"]
    );
    assert_eq!(
        shown(&f, &[("colour", "blue"), ("if_red", "x")]),
        ["colour", "if_any", "if_either", "later", "in_blue"],
        "if_red is hidden, so it counts as unanswered for if_red_filled"
    );
    assert_eq!(
        shown(&f, &[("later", "on")]),
        ["colour", "if_none", "if_either", "later"]
    );
    let vis = f.visible(&answers(&f, &[("colour", "blue")]));
    assert!(vis.section("blue_part") && vis.section("main"));
    assert!(vis.field("in_blue") && !vis.field("if_red"));
    assert!(!vis.field("nope") && !vis.section("nope"));
    let vis = f.visible(&answers(&f, &[("colour", "red")]));
    assert!(!vis.section("blue_part") && !vis.field("in_blue"));
}

#[test]
fn a_tampered_choice_opens_nothing() {
    let f = form(CONDITIONS);
    assert_eq!(
        shown(&f, &[("colour", "purple")]),
        ["colour", "if_none", "later"]
    );
    assert_eq!(
        codes(&f, &[("colour", "purple")]),
        [("colour".to_owned(), ErrorCode::Form(FormCode::NotAChoice))]
    );
}

#[test]
fn required_applies_only_to_shown_fields() {
    let f = form(CONDITIONS);
    assert!(f.validate(&answers(&f, &[]), today()).is_ok());
    assert_eq!(
        codes(&f, &[("colour", "red")]),
        [("if_red".to_owned(), ErrorCode::Invalid(Invalid::Required))]
    );
    assert_eq!(
        codes(&f, &[("colour", "blue")]),
        [("in_blue".to_owned(), ErrorCode::Invalid(Invalid::Required))]
    );
}

#[test]
fn hidden_answers_are_never_kept() {
    let f = form(CONDITIONS);
    let sent = answers(
        &f,
        &[
            ("colour", "red"),
            ("if_red", "keep"),
            ("in_blue", "tampered: section hidden"),
            ("if_none", "tampered: field hidden"),
            ("unknown_field", "ignored"),
        ],
    );
    assert!(
        sent.get("unknown_field").is_none(),
        "from_pairs ignores unknown names"
    );
    let cleaned = f.validate(&sent, today()).unwrap();
    let kept: Vec<&str> = cleaned.answers().iter().map(|(k, _)| k).collect();
    assert_eq!(kept, ["colour", "if_red", "later"]);

    let mut raw = sent.clone();
    raw.insert("unknown_field", Answer::Text("x".into()));
    raw.insert("colour_typo", Answer::Text("x".into()));
    let clean = f.clean(&raw);
    let kept: Vec<&str> = clean.iter().map(|(k, _)| k).collect();
    assert_eq!(kept, ["colour", "if_red"]);
    assert_eq!(f.unknown_answers(&raw), ["colour_typo", "unknown_field"]);

    let mut bad = Answers::new();
    bad.insert("colour", Answer::Text("purple".into()));
    bad.insert("if_none", Answer::Many(vec!["wrong shape".into()]));
    assert!(
        f.clean(&bad).is_empty(),
        "invalid choices and wrong shapes dropped"
    );
}

#[test]
fn clean_is_idempotent_and_validate_accepts_its_own_output() {
    let f = form(CONDITIONS);
    let a = answers(
        &f,
        &[("colour", "blue"), ("in_blue", " x "), ("later", "on")],
    );
    let once = f.clean(&a);
    assert_eq!(f.clean(&once), once);
    let cleaned = f.validate(&a, today()).unwrap();
    let again = f.validate(cleaned.answers(), today()).unwrap();
    assert_eq!(again, cleaned);
}

#[test]
fn row_scope_before_form_scope() {
    let f = form(
        r#"
[[sections]]
id = "s"
title = { ja = "節", en = "S" }

[[sections.fields]]
id = "kind"
kind = "select"
options_from = "colours"
label = { ja = "上", en = "Top kind" }

[[sections.fields]]
id = "rows"
kind = "group"
label = { ja = "行", en = "Row" }
max_rows = 3

[[sections.fields.fields]]
id = "kind"
kind = "select"
options_from = "colours"
label = { ja = "種類", en = "Kind" }

[[sections.fields.fields]]
id = "red_note"
kind = "text"
max_len = 5
label = { ja = "赤", en = "Red note" }
required = true
show_if = { field = "kind", equals = "red" }

[[sections.fields.fields]]
id = "top_blue"
kind = "text"
max_len = 5
label = { ja = "上が青", en = "Top is blue" }
show_if = { all = [ { field = "top_only", equals = "blue" }, { field = "kind", filled = true } ] }

[[sections.fields]]
id = "top_only"
kind = "radio"
options_from = "colours"
label = { ja = "上のみ", en = "Top only" }
"#,
    );
    let a = answers(
        &f,
        &[
            ("kind", "blue"),
            ("top_only", "blue"),
            ("rows[0].kind", "red"),
            ("rows[1].kind", "blue"),
        ],
    );
    let vis = f.visible(&a);
    assert!(vis.row_field("rows", 0, "red_note"), "row 0 is red");
    assert!(
        !vis.row_field("rows", 1, "red_note"),
        "row 1 is blue; the top `kind` is not read"
    );
    assert!(vis.row_field("rows", 0, "top_blue") && vis.row_field("rows", 1, "top_blue"));
    assert!(
        !vis.row_field("rows", 5, "red_note"),
        "a fresh row is judged empty"
    );
    assert!(vis.row_field("rows", 5, "kind"));
    assert!(!vis.row_field("rows", 0, "nope") && !vis.row_field("nope", 0, "kind"));
    assert_eq!(
        vis.shown_paths(),
        [
            "kind",
            "rows",
            "rows[0].kind",
            "rows[0].red_note",
            "rows[0].top_blue",
            "rows[1].kind",
            "rows[1].top_blue",
            "top_only"
        ]
    );
    assert_eq!(
        codes(
            &f,
            &[
                ("rows[0].kind", "red"),
                ("rows[1].kind", "red"),
                ("rows[1].red_note", "ok")
            ]
        ),
        [(
            "rows[0].red_note".to_owned(),
            ErrorCode::Invalid(Invalid::Required)
        )]
    );
    // A hidden row field's tampered answer is not kept.
    let c = f
        .validate(
            &answers(
                &f,
                &[("rows[0].kind", "blue"), ("rows[0].red_note", "sneak")],
            ),
            today(),
        )
        .unwrap();
    let Some(Answer::Rows(rows)) = c.answers().get("rows") else {
        panic!()
    };
    assert!(rows[0].get("red_note").is_none());
    assert!(
        !f.affects_others(f.field("kind").unwrap()),
        "shadowed in the rows"
    );
    assert!(f.affects_others(f.field("top_only").unwrap()));
    assert!(f.affects_others(f.field_at_path("rows.kind").unwrap()));
}

// ---------------------------------------------------------------------------------------------------
// Rules

const RULES: &str = r#"
[[sections]]
id = "s"
title = { ja = "節", en = "S" }

[[sections.fields]]
id = "email"
kind = "email"
label = { ja = "メール", en = "Email" }

[[sections.fields]]
id = "email_confirm"
kind = "email"
label = { ja = "メール（確認）", en = "Email (re-enter)" }

[[sections.fields]]
id = "joined"
kind = "date"
label = { ja = "入社日", en = "Joined" }

[[sections.fields]]
id = "left"
kind = "date"
allow_unknown = true
label = { ja = "退社日", en = "Left" }

[[sections.fields]]
id = "hide_left"
kind = "checkbox"
label = { ja = "隠す", en = "Hide" }

[[rules]]
kind = "equals"
field = "email_confirm"
other = "email"

[[rules]]
kind = "not_before"
field = "left"
other = "joined"

[[rules]]
kind = "not_after"
field = "joined"
other = "left"

[[rules]]
kind = "not_future"
field = "joined"
"#;

#[test]
fn cross_field_rules() {
    let f = form(RULES);
    assert!(
        f.validate(
            &answers(
                &f,
                &[("email", "A@Example.jp"), ("email_confirm", "a@example.JP")]
            ),
            today()
        )
        .is_ok(),
        "addresses compare without case"
    );
    assert_eq!(
        codes(
            &f,
            &[("email", "a@example.jp"), ("email_confirm", "b@example.jp")]
        ),
        [(
            "email_confirm".to_owned(),
            ErrorCode::Invalid(Invalid::Mismatch)
        )]
    );
    assert_eq!(
        codes(&f, &[("email", "a@example.jp")]),
        [(
            "email_confirm".to_owned(),
            ErrorCode::Invalid(Invalid::Mismatch)
        )],
        "a missing re-entry does not match"
    );
    assert_eq!(
        codes(&f, &[("email", "bad"), ("email_confirm", "a@example.jp")]),
        [("email".to_owned(), ErrorCode::Invalid(Invalid::Format))],
        "not applied when one side is invalid: one message per problem"
    );

    let joined = DateLimit::Field("joined".into());
    let left = DateLimit::Field("left".into());
    assert_eq!(
        codes(&f, &[("joined", "20250301"), ("left", "20250201")]),
        [
            (
                "joined".to_owned(),
                ErrorCode::Form(FormCode::AfterDate { limit: left })
            ),
            (
                "left".to_owned(),
                ErrorCode::Form(FormCode::BeforeDate { limit: joined })
            ),
        ]
    );
    assert!(
        f.validate(
            &answers(
                &f,
                &[
                    ("joined", "20250301"),
                    ("left", "2025-03"),
                    ("left.unknown", "day")
                ]
            ),
            today()
        )
        .is_ok(),
        "a month that contains the other date is not surely before it"
    );
    assert_eq!(
        codes(&f, &[("joined", "20250701")]),
        [("joined".to_owned(), ErrorCode::Form(FormCode::Future))]
    );
}

// ---------------------------------------------------------------------------------------------------
// Load-time checks

fn has(errs: &[DefError], pred: impl Fn(&DefError) -> bool) -> bool {
    errs.iter().any(pred)
}

const F: &str = "label = { ja = \"項目\", en = \"Item\" }";

#[test]
fn unknown_keys_are_errors() {
    for body in [
        format!(
            "colour = \"red\"\n[[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\" }}\n[[sections.fields]]\nid = \"x\"\nkind = \"email\"\n{F}"
        ),
        format!(
            "[[sections]]\nid = \"s\"\ntitel = {{ ja = \"a\", en = \"b\" }}\n[[sections.fields]]\nid = \"x\"\nkind = \"email\"\n{F}"
        ),
        format!(
            "[[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\" }}\n[[sections.fields]]\nid = \"x\"\nkind = \"email\"\nrequird = true\n{F}"
        ),
        format!(
            "[[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\", fr = \"c\" }}\n[[sections.fields]]\nid = \"x\"\nkind = \"email\"\n{F}"
        ),
        format!(
            "[[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\" }}\n[[sections.fields]]\nid = \"x\"\nkind = \"email\"\n{F}\nshow_if = {{ field = \"x\", equal = \"a\" }}"
        ),
        format!(
            "[[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\" }}\n[[sections.fields]]\nid = \"x\"\nkind = \"colour\"\n{F}"
        ),
        format!(
            "[[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\" }}\n[[sections.fields]]\nid = \"x\"\nkind = \"email\"\n{F}\n[[rules]]\nkind = \"equals\"\nfield = \"x\"\nother = \"x\"\nwhy = 1"
        ),
    ] {
        let e = errors(&body);
        assert!(
            matches!(e.as_slice(), [DefError::Syntax(_)]),
            "{body}\n{e:?}"
        );
    }
    let e = errors(
        "[[sections]]\nid = \"s\"\ntitle = { ja = \"a\", en = \"b\" }\nbogus = 1\n[[sections.fields]]\nid = \"x\"\nkind = \"email\"\nlabel = { ja = \"a\", en = \"b\" }",
    );
    assert!(e[0].to_string().contains("bogus"), "{}", e[0]);
    assert!(e[0].to_string().contains("line"), "{}", e[0]);
}

#[test]
fn keys_of_another_kind_and_missing_keys() {
    let e = field_errors(&format!(
        "[[sections.fields]]\nid = \"a\"\nkind = \"text\"\n{F}\n\
         [[sections.fields]]\nid = \"b\"\nkind = \"textarea\"\n{F}\n\
         [[sections.fields]]\nid = \"c\"\nkind = \"email\"\nmax_len = 5\n{F}\n\
         [[sections.fields]]\nid = \"d\"\nkind = \"text\"\nmax_len = 5\noptions_from = \"colours\"\n{F}\n\
         [[sections.fields]]\nid = \"e\"\nkind = \"group\"\n{F}\n\
         [[sections.fields]]\nid = \"f\"\nkind = \"file\"\n{F}\n\
         [[sections.fields]]\nid = \"g\"\nkind = \"text\"\nmax_len = 5\nmin_len = 6\n{F}\n\
         [[sections.fields]]\nid = \"h\"\nkind = \"date\"\nnot_before = \"1.1.2000\"\n{F}\n"
    ));
    let missing = |id: &str, key: &str| {
        has(
            &e,
            |x| matches!(x, DefError::MissingKey { at, key: k, .. } if at.contains(&format!("`{id}`")) && *k == key),
        )
    };
    assert!(missing("a", "max_len"));
    assert!(missing("b", "max_len"));
    assert!(missing("e", "max_rows"));
    assert!(missing("e", "fields"));
    assert!(missing("f", "accept"));
    assert!(has(&e, |x| matches!(
        x,
        DefError::KeyNotForKind {
            key: "max_len",
            kind: "email",
            ..
        }
    )));
    assert!(has(&e, |x| matches!(
        x,
        DefError::KeyNotForKind {
            key: "options_from",
            kind: "text",
            ..
        }
    )));
    assert!(has(
        &e,
        |x| matches!(x, DefError::Invalid { at, .. } if at.contains("`g`"))
    ));
    assert!(has(&e, |x| matches!(
        x,
        DefError::BadDate {
            key: "not_before",
            ..
        }
    )));
    assert!(e.len() >= 9, "all problems at once: {e:#?}");
}

#[test]
fn duplicate_ids() {
    let e = errors(&format!(
        "[[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\" }}\n\
         [[sections.fields]]\nid = \"x\"\nkind = \"email\"\n{F}\n\
         [[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\" }}\n\
         [[sections.fields]]\nid = \"x\"\nkind = \"telephone\"\n{F}\n\
         [[sections.fields]]\nid = \"g\"\nkind = \"group\"\nmax_rows = 2\n{F}\n\
         [[sections.fields.fields]]\nid = \"y\"\nkind = \"email\"\n{F}\n\
         [[sections.fields.fields]]\nid = \"y\"\nkind = \"email\"\n{F}\n"
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::DuplicateId { at, id } if at == "form sections" && id == "s")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::DuplicateId { at, id } if at == "form" && id == "x")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::DuplicateId { at, id } if at == "group `g`" && id == "y")
    ));

    // The same id in two groups, or in a group and at the top, is fine: rows are scoped.
    fields(&format!(
        "[[sections.fields]]\nid = \"name\"\nkind = \"email\"\n{F}\n\
         [[sections.fields]]\nid = \"g1\"\nkind = \"group\"\nmax_rows = 2\n{F}\n\
         [[sections.fields.fields]]\nid = \"name\"\nkind = \"email\"\n{F}\n\
         [[sections.fields]]\nid = \"g2\"\nkind = \"group\"\nmax_rows = 2\n{F}\n\
         [[sections.fields.fields]]\nid = \"name\"\nkind = \"email\"\n{F}\n"
    ));
}

#[test]
fn bad_ids_and_blank_texts() {
    let e = errors(&format!(
        "[[sections]]\nid = \"Sec\"\ntitle = {{ ja = \"\", en = \"b\" }}\n\
         [[sections.fields]]\nid = \"a.b\"\nkind = \"email\"\n{F}\n\
         [[sections.fields]]\nid = \"c\"\nkind = \"email\"\nlabel = {{ ja = \"a\", en = \" \" }}\n"
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::BadId { id, .. } if id == "Sec")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::BadId { id, .. } if id == "a.b")
    ));
    assert_eq!(
        e.iter()
            .filter(|x| matches!(x, DefError::EmptyText { .. }))
            .count(),
        2
    );
    let e = FormDef::parse(
        "id = \"T!\"\nversion = 1\ntitle = { ja = \"a\", en = \"b\" }\nsections = []",
        &lists(),
    )
    .unwrap_err();
    assert!(has(&e, |x| matches!(x, DefError::BadId { .. })));
    assert!(has(
        &e,
        |x| matches!(x, DefError::Invalid { reason, .. } if reason.contains("section"))
    ));
    let e = FormDef::parse(
        &format!("id = \"t\"\nversion = 0\ntitle = {{ ja = \"a\", en = \"b\" }}\n[[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\" }}\n[[sections.fields]]\nid = \"x\"\nkind = \"email\"\n{F}"),
        &lists(),
    )
    .unwrap_err();
    assert!(has(
        &e,
        |x| matches!(x, DefError::Invalid { reason, .. } if reason.contains("version"))
    ));
    assert!(matches!(
        FormDef::parse("id = \"t\"\nversion = -1", &lists())
            .unwrap_err()
            .as_slice(),
        [DefError::Syntax(_)]
    ));
}

#[test]
fn dangling_references() {
    let e = field_errors(&format!(
        "[[sections.fields]]\nid = \"a\"\nkind = \"email\"\n{F}\nshow_if = {{ field = \"ghost\", filled = true }}\n\
         [[sections.fields]]\nid = \"p\"\nkind = \"postal_code\"\naddress_field = \"nowhere\"\n{F}\n\
         [[sections.fields]]\nid = \"s\"\nkind = \"select\"\noptions_from = \"no_list\"\n{F}\n\
         [[sections.fields]]\nid = \"g\"\nkind = \"group\"\nmax_rows = 2\n{F}\n\
         [[sections.fields.fields]]\nid = \"inner\"\nkind = \"email\"\n{F}\n\
         [[sections.fields]]\nid = \"b\"\nkind = \"email\"\n{F}\nshow_if = {{ field = \"inner\", filled = true }}\n\
         [[rules]]\nkind = \"equals\"\nfield = \"a\"\nother = \"ghost2\"\n\
         [[rules]]\nkind = \"not_future\"\nfield = \"inner\"\n"
    ));
    let dangling = |key: &str, target: &str| {
        has(
            &e,
            |x| matches!(x, DefError::Dangling { key: k, target: t, .. } if *k == key && t == target),
        )
    };
    assert!(dangling("show_if", "ghost"));
    assert!(dangling("address_field", "nowhere"));
    assert!(dangling("options_from", "no_list"));
    assert!(
        dangling("show_if", "inner"),
        "a row field is not visible from the top"
    );
    assert!(dangling("other", "ghost2"));
    assert!(
        dangling("field", "inner"),
        "rules read top-level fields only"
    );
    // Sections too.
    let e = errors(&format!(
        "[[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\" }}\nshow_if = {{ field = \"ghost\", equals = \"x\" }}\n\
         [[sections.fields]]\nid = \"x\"\nkind = \"email\"\n{F}\n"
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::Dangling { at, .. } if at == "section `s`")
    ));
}

#[test]
fn wrong_kinds_and_bad_condition_values() {
    let e = field_errors(&format!(
        "[[sections.fields]]\nid = \"c\"\nkind = \"select\"\noptions_from = \"colours\"\n{F}\n\
         [[sections.fields]]\nid = \"t\"\nkind = \"text\"\nmax_len = 3\n{F}\n\
         [[sections.fields]]\nid = \"a\"\nkind = \"email\"\n{F}\nshow_if = {{ field = \"t\", equals = \"x\" }}\n\
         [[sections.fields]]\nid = \"b\"\nkind = \"email\"\n{F}\nshow_if = {{ field = \"c\", equals = \"green\" }}\n\
         [[sections.fields]]\nid = \"d\"\nkind = \"email\"\n{F}\nshow_if = {{ any = [ {{ field = \"c\", in = [\"red\", \"pink\"] }} ] }}\n\
         [[sections.fields]]\nid = \"p\"\nkind = \"postal_code\"\naddress_field = \"t\"\n{F}\n\
         [[sections.fields]]\nid = \"e\"\nkind = \"email\"\n{F}\nshow_if = {{ field = \"c\", equals = \"red\", filled = true }}\n\
         [[sections.fields]]\nid = \"f\"\nkind = \"email\"\n{F}\nshow_if = {{ all = [] }}\n\
         [[sections.fields]]\nid = \"g\"\nkind = \"email\"\n{F}\nshow_if = {{ field = \"c\", in = [] }}\n\
         [[rules]]\nkind = \"not_after\"\nfield = \"t\"\nother = \"c\"\n\
         [[rules]]\nkind = \"equals\"\nfield = \"a\"\nother = \"t\"\n\
         [[rules]]\nkind = \"equals\"\nfield = \"a\"\nother = \"a\"\n\
         [[rules]]\nkind = \"equals\"\nfield = \"a\"\n"
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::WrongKind { at, key: "show_if", .. } if at == "field `a`")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::NotAnOption { value, .. } if value == "green")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::NotAnOption { value, .. } if value == "pink")
    ));
    assert!(has(&e, |x| matches!(
        x,
        DefError::WrongKind {
            key: "address_field",
            ..
        }
    )));
    assert!(has(
        &e,
        |x| matches!(x, DefError::Invalid { at, .. } if at == "field `e`")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::Invalid { at, .. } if at == "field `f`")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::Invalid { at, .. } if at == "field `g`")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::WrongKind { at, key: "field", .. } if at == "rules[0]")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::WrongKind { at, key: "other", .. } if at == "rules[0]")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::WrongKind { at, .. } if at == "rules[1]")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::Invalid { at, .. } if at == "rules[2]")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::Invalid { at, .. } if at == "rules[3]")
    ));
}

#[test]
fn options_problems() {
    let e = field_errors(&format!(
        "[[sections.fields]]\nid = \"a\"\nkind = \"select\"\n{F}\n\
         [[sections.fields]]\nid = \"b\"\nkind = \"radio\"\noptions = []\n{F}\n\
         [[sections.fields]]\nid = \"c\"\nkind = \"checkboxes\"\noptions_from = \"colours\"\noptions = [ {{ value = \"x\", label = {{ ja = \"x\", en = \"x\" }} }} ]\n{F}\n\
         [[sections.fields]]\nid = \"d\"\nkind = \"select\"\noptions = [ {{ value = \"x\", label = {{ ja = \"x\", en = \"x\" }} }}, {{ value = \"x\", label = {{ ja = \"y\", en = \"y\" }} }} ]\n{F}\n"
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::NoOptions { at } if at == "field `a`")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::NoOptions { at } if at == "field `b`")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::Invalid { at, .. } if at == "field `c`")
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::DuplicateOption { value, .. } if value == "x")
    ));
}

#[test]
fn groups_nest_one_level_only() {
    let e = field_errors(&format!(
        "[[sections.fields]]\nid = \"g\"\nkind = \"group\"\nmax_rows = 2\n{F}\n\
         [[sections.fields.fields]]\nid = \"h\"\nkind = \"group\"\nmax_rows = 2\n{F}\n\
         [[sections.fields.fields.fields]]\nid = \"x\"\nkind = \"email\"\n{F}\n"
    ));
    assert!(has(
        &e,
        |x| matches!(x, DefError::NestedGroup { at } if at == "field `g.h`")
    ));
    let e = field_errors(&format!(
        "[[sections.fields]]\nid = \"g\"\nkind = \"group\"\nmax_rows = 0\nmin_rows = 2\n{F}\n\
         [[sections.fields.fields]]\nid = \"x\"\nkind = \"email\"\n{F}\n\
         [[sections.fields]]\nid = \"f\"\nkind = \"file\"\naccept = [\"pdf\"]\nmax_files = 21\n{F}\n"
    ));
    assert_eq!(
        e.iter()
            .filter(|x| matches!(x, DefError::Invalid { .. }))
            .count(),
        3,
        "{e:#?}"
    );
}

#[test]
fn cycles() {
    // A field whose visibility reads itself.
    let e = field_errors(&format!(
        "[[sections.fields]]\nid = \"a\"\nkind = \"checkbox\"\n{F}\nshow_if = {{ field = \"a\", filled = true }}\n"
    ));
    assert!(
        has(
            &e,
            |x| matches!(x, DefError::Cycle { path } if path == &["a", "a"])
        ),
        "{e:?}"
    );

    // Two fields reading each other; and a three-field loop through `not`.
    let e = field_errors(&format!(
        "[[sections.fields]]\nid = \"a\"\nkind = \"checkbox\"\n{F}\nshow_if = {{ field = \"b\", filled = true }}\n\
         [[sections.fields]]\nid = \"b\"\nkind = \"checkbox\"\n{F}\nshow_if = {{ field = \"a\", filled = true }}\n\
         [[sections.fields]]\nid = \"c\"\nkind = \"checkbox\"\n{F}\nshow_if = {{ not = {{ field = \"d\", filled = true }} }}\n\
         [[sections.fields]]\nid = \"d\"\nkind = \"checkbox\"\n{F}\nshow_if = {{ field = \"e\", filled = true }}\n\
         [[sections.fields]]\nid = \"e\"\nkind = \"checkbox\"\n{F}\nshow_if = {{ field = \"c\", filled = true }}\n"
    ));
    let cycles: Vec<&Vec<String>> = e
        .iter()
        .filter_map(|x| match x {
            DefError::Cycle { path } => Some(path),
            _ => None,
        })
        .collect();
    assert_eq!(cycles.len(), 2, "{e:#?}");
    assert!(
        cycles
            .iter()
            .any(|p| p.len() == 3 && p.contains(&"a".to_owned()))
    );
    assert!(
        cycles
            .iter()
            .any(|p| p.len() == 4 && p.contains(&"e".to_owned()))
    );
    assert!(e[0].to_string().contains(" → "));

    // Through a section: the section's condition reads a field inside it.
    let e = errors(&format!(
        "[[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\" }}\nshow_if = {{ field = \"x\", filled = true }}\n\
         [[sections.fields]]\nid = \"x\"\nkind = \"checkbox\"\n{F}\n"
    ));
    assert!(has(&e, |x| matches!(x, DefError::Cycle { .. })), "{e:?}");

    // Through a group: a row field's condition reads a field whose section reads the group.
    let e = errors(&format!(
        "[[sections]]\nid = \"s\"\ntitle = {{ ja = \"a\", en = \"b\" }}\n\
         [[sections.fields]]\nid = \"g\"\nkind = \"group\"\nmax_rows = 2\n{F}\nshow_if = {{ field = \"y\", filled = true }}\n\
         [[sections.fields.fields]]\nid = \"x\"\nkind = \"checkbox\"\n{F}\n\
         [[sections]]\nid = \"t\"\ntitle = {{ ja = \"a\", en = \"b\" }}\nshow_if = {{ field = \"g\", filled = true }}\n\
         [[sections.fields]]\nid = \"y\"\nkind = \"checkbox\"\n{F}\n"
    ));
    assert!(
        has(
            &e,
            |x| matches!(x, DefError::Cycle { path } if path.contains(&"g".to_owned()) && path.contains(&"y".to_owned()))
        ),
        "{e:?}"
    );

    // A condition on a later field is not a cycle.
    fields(&format!(
        "[[sections.fields]]\nid = \"a\"\nkind = \"checkbox\"\n{F}\nshow_if = {{ field = \"b\", filled = true }}\n\
         [[sections.fields]]\nid = \"b\"\nkind = \"checkbox\"\n{F}\n"
    ));
}

// ---------------------------------------------------------------------------------------------------
// Identity, answers from HTTP, summary, messages

#[test]
fn fingerprint_follows_the_definition_not_its_layout() {
    let a = form(CONDITIONS);
    let b = form(&format!(
        "# a comment\n{}\n",
        CONDITIONS.replace("\n\n", "\n")
    ));
    assert_eq!(a.schema_fingerprint(), b.schema_fingerprint());
    assert_eq!(a.schema_fingerprint().len(), 16);
    let c = form(&CONDITIONS.replace("en = \"Red\"", "en = \"Red!\""));
    assert_ne!(a.schema_fingerprint(), c.schema_fingerprint());
    // Options from a shared list are part of it.
    let other_lists = OptionLists::parse(
        r#"colours = [
  { value = "red", label = { ja = "赤", en = "Crimson" } },
  { value = "blue", label = { ja = "青", en = "Blue" } },
]"#,
    )
    .unwrap();
    let d = FormDef::parse(&format!("{HEAD}\n{CONDITIONS}"), &other_lists).unwrap();
    assert_ne!(a.schema_fingerprint(), d.schema_fingerprint());
    assert_eq!((a.id(), a.version()), ("t", 1));
    assert_eq!(a.title().get("ja"), "テスト");
}

#[test]
fn answers_from_http_pairs_and_back() {
    let f = form(&format!(
        "{CONDITIONS}\n[[sections]]\nid = \"more\"\ntitle = {{ ja = \"他\", en = \"More\" }}\n\
         [[sections.fields]]\nid = \"dob\"\nkind = \"date\"\nallow_unknown = true\n{F}\n\
         [[sections.fields]]\nid = \"tags\"\nkind = \"checkboxes\"\noptions_from = \"colours\"\n{F}\n\
         [[sections.fields]]\nid = \"docs\"\nkind = \"file\"\naccept = [\"pdf\"]\nmax_files = 3\n{F}\n{GROUP}"
    ));
    let a = answers(
        &f,
        &[
            ("colour", "red"),
            ("colour", "blue"),
            ("dob.unknown", "day"),
            ("dob", "199004"),
            ("tags", "red"),
            ("tags", "blue"),
            ("tags", ""),
            ("docs", "f1"),
            ("later", "on"),
            ("colour.unknown", "ignored"),
            ("people[0].name", "ann"),
            ("people[0].kind", "red"),
            ("people[1001].name", "ignored"),
            ("people[0].ghost", "ignored"),
            ("people[x].name", "ignored"),
            ("ghost[0].name", "ignored"),
            ("colour[0].name", "ignored: not a group"),
            ("csrf", "ignored"),
        ],
    );
    assert_eq!(a.text("colour"), Some("blue"), "last value wins");
    assert_eq!(
        a.get("dob"),
        Some(&Answer::Date {
            text: "199004".into(),
            unknown: "day".into()
        })
    );
    assert_eq!(a.text("dob"), Some("199004"));
    assert_eq!(
        a.get("tags"),
        Some(&Answer::Many(vec!["red".into(), "blue".into()]))
    );
    assert_eq!(a.get("docs"), Some(&Answer::Files(vec!["f1".into()])));
    assert_eq!(a.get("later"), Some(&Answer::Bool(true)));
    let Some(Answer::Rows(rows)) = a.get("people") else {
        panic!()
    };
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].len(), 2);
    assert_eq!(a.len(), 6);
    assert_eq!(Answers::from_pairs(&f, &a.to_pairs()), a, "round trip");
}

#[test]
fn summary_lists_shown_answers_with_labels_in_the_language() {
    let f = form(&format!(
        "{CONDITIONS}\n[[sections]]\nid = \"more\"\ntitle = {{ ja = \"他\", en = \"More\" }}\n\
         [[sections.fields]]\nid = \"dob\"\nkind = \"date\"\nallow_unknown = true\n{F}\n\
         [[sections.fields]]\nid = \"zip\"\nkind = \"postal_code\"\n{F}\n\
         [[sections.fields]]\nid = \"tags\"\nkind = \"checkboxes\"\noptions_from = \"colours\"\n{F}\n{GROUP}"
    ));
    let c = f
        .validate(
            &answers(
                &f,
                &[
                    ("colour", "red"),
                    ("if_red", "x"),
                    ("dob", "1990"),
                    ("dob.unknown", "month_day"),
                    ("zip", "1000001"),
                    ("tags", "blue"),
                    ("tags", "red"),
                    ("people[0].name", "ann"),
                    ("people[0].kind", "blue"),
                ],
            ),
            today(),
        )
        .unwrap();
    let rows = f.summary(&c, "ja");
    let find = |path: &str| rows.iter().find(|r| r.path == path).cloned();
    assert_eq!(
        find("colour").unwrap().value,
        SummaryValue::Text("赤".into())
    );
    assert_eq!(find("colour").unwrap().label, "色");
    assert_eq!(
        find("if_red").unwrap().value,
        SummaryValue::Text("x".into())
    );
    assert_eq!(
        find("if_any").unwrap().value,
        SummaryValue::Empty,
        "shown but blank"
    );
    assert!(find("if_none").is_none(), "hidden");
    assert!(find("blue_part").is_none(), "hidden section");
    assert_eq!(
        find("later").unwrap().value,
        SummaryValue::Message {
            key: "form-no",
            arg: None
        }
    );
    assert_eq!(
        find("dob").unwrap().value,
        SummaryValue::Message {
            key: "form-date-month-day-unknown",
            arg: Some("1990".into())
        }
    );
    assert_eq!(
        find("zip").unwrap().value,
        SummaryValue::Text("100-0001".into())
    );
    assert_eq!(
        find("tags").unwrap().value,
        SummaryValue::Text("赤、青".into())
    );
    assert_eq!(find("main").unwrap().depth, 0);
    assert_eq!(find("people").unwrap().depth, 1);
    let row = find("people[0]").unwrap();
    assert_eq!((row.label.as_str(), row.depth), ("人 1", 2));
    assert_eq!(
        find("people[0].kind").unwrap().value,
        SummaryValue::Text("青".into())
    );
    assert_eq!(find("people[0].kind").unwrap().depth, 3);
    assert!(find("people[0].note").is_none(), "hidden in the row");
    let paths: Vec<&str> = rows.iter().map(|r| r.path.as_str()).collect();
    assert!(
        paths.iter().position(|p| *p == "colour")
            < paths.iter().position(|p| *p == "people[0].name"),
        "form order"
    );
    let en = f.summary(&c, "en");
    assert!(
        en.iter()
            .any(|r| r.value == SummaryValue::Text("Red, Blue".into()))
    );
    assert!(en.iter().any(|r| r.label == "Colour"));
}

#[test]
fn error_arguments_for_messages() {
    let f = form(RULES);
    let e = f
        .validate(
            &answers(&f, &[("joined", "20250301"), ("left", "20250201")]),
            today(),
        )
        .unwrap_err();
    let first = e.iter().next().unwrap();
    assert_eq!(first.code.message_key(), "err-after-date");
    assert_eq!(
        f.error_args(first, "en"),
        [("field", "Joined".to_owned()), ("limit", "Left".to_owned())]
    );
    let g = fields(GROUP);
    let e = g
        .validate(&answers(&g, &[("people[0].name", "ABCDEFGHIJK")]), today())
        .unwrap_err();
    let err = e.get("people[0].name").unwrap();
    assert_eq!(
        g.error_args(err, "ja"),
        [("field", "氏名".to_owned()), ("bound", "10".to_owned())]
    );
    assert_eq!(g.label("people.name", "en"), Some("Name"));
    assert_eq!(
        g.field_at_path("people[2].kind").map(|f| f.id()),
        Some("kind")
    );
    assert!(g.field_at_path("people[0].ghost").is_none());
}

#[test]
fn hostile_sizes_stay_cheap() {
    let f = fields(&format!(
        "[[sections.fields]]\nid = \"docs\"\nkind = \"file\"\naccept = [\"pdf\"]\nmax_files = 20\n{F}\n\
         [[sections.fields]]\nid = \"tags\"\nkind = \"checkboxes\"\noptions_from = \"colours\"\n{F}\n{GROUP}"
    ));
    let mut p: Vec<(String, String)> = Vec::new();
    for i in 0..50_000 {
        p.push(("docs".into(), format!("f{i}")));
        p.push(("tags".into(), "red".into()));
        p.push((format!("people[{}].name", i % 5000), "x".into()));
    }
    let a = Answers::from_pairs(&f, &p);
    let Some(Answer::Rows(rows)) = a.get("people") else {
        panic!()
    };
    assert_eq!(rows.len(), 3, "row indexes from max_rows on are ignored");
    let e = f.validate(&a, today()).unwrap_err();
    assert_eq!(
        e.get("docs").unwrap().code,
        ErrorCode::Form(FormCode::TooManyFiles { max: 20 })
    );
    assert!(e.get("tags").is_none());
    let long = "あ".repeat(1_000_000);
    let e = f
        .validate(&answers(&f, &[("people[0].name", long.as_str())]), today())
        .unwrap_err();
    assert_eq!(
        e.get("people[0].name").unwrap().code,
        ErrorCode::Invalid(Invalid::Characters)
    );
}
