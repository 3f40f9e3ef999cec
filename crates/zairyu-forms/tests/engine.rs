//! The engine on realistic definitions loaded from `tests/fixtures/`: the ENS notification form of
//! SPEC §8 (status of residence → classification → content → the items each content needs), a
//! residence application extract with a repeating family group, and a generated 300-field form.

// Test code: clippy.toml allows unwrap in `#[test]` functions only, not in this file's helpers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use zairyu_domain::Invalid;
use zairyu_forms::*;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn lists() -> OptionLists {
    OptionLists::parse(&fixture("lists.toml")).unwrap()
}

fn load(name: &str) -> FormDef {
    match FormDef::parse(&fixture(name), &lists()) {
        Ok(f) => f,
        Err(errs) => panic!(
            "{name}:\n{}",
            errs.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn today() -> Date {
    Date::from_ymd(2025, 6, 15).unwrap()
}

fn answers(f: &FormDef, p: &[(&str, &str)]) -> Answers {
    let pairs: Vec<(String, String)> = p
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    Answers::from_pairs(f, &pairs)
}

fn errors(f: &FormDef, p: &[(&str, &str)]) -> Vec<(String, ErrorCode)> {
    match f.validate(&answers(f, p), today()) {
        Ok(c) => panic!("accepted: {:#?}", c.answers()),
        Err(e) => e.into_vec().into_iter().map(|e| (e.path, e.code)).collect(),
    }
}

fn paths(errs: &[(String, ErrorCode)]) -> Vec<&str> {
    errs.iter().map(|(p, _)| p.as_str()).collect()
}

fn required(path: &str) -> (String, ErrorCode) {
    (path.to_owned(), ErrorCode::Invalid(Invalid::Required))
}

fn text<'a>(a: &'a Answers, id: &str) -> &'a str {
    match a.get(id) {
        Some(Answer::Text(s)) => s,
        other => panic!("{id}: {other:?}"),
    }
}

#[test]
fn every_fixture_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".toml") && name != "lists.toml" {
            load(&name);
            n += 1;
        }
    }
    assert!(n >= 2);
}

// ---------------------------------------------------------------------------------------------------
// ENS notification

const NOTIFIER: &[(&str, &str)] = &[
    ("name", "nguyen van a"),
    ("date_of_birth", "19950101"),
    ("nationality", "vn"),
    ("card_number", "ab12345678cd"),
    ("telephone", "03-1234-5678"),
    ("mobile", ""),
];

fn with_notifier(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<(&str, &str)> = NOTIFIER.to_vec();
    v.extend_from_slice(extra);
    v
}

#[test]
fn ens_status_decides_classification_and_content() {
    let f = load("ens_notification.toml");
    assert_eq!((f.id(), f.version()), ("ens-notification", 1));

    let empty = f.visible(&Answers::new());
    assert!(empty.section("type"));
    for s in [
        "activity_org",
        "contract_org",
        "spouse",
        "notifier",
        "details",
    ] {
        assert!(!empty.section(s), "{s}");
    }
    assert_eq!(errors(&f, &[]), [required("status")]);

    let student = f.visible(&answers(&f, &[("status", "student")]));
    assert!(student.section("activity_org"));
    assert!(!student.section("contract_org") && !student.section("spouse"));
    assert!(!student.section("notifier"), "no content chosen yet");
    assert_eq!(
        errors(&f, &[("status", "student")]),
        [required("content_activity")]
    );

    let researcher = f.visible(&answers(&f, &[("status", "researcher")]));
    assert!(researcher.section("contract_org") && !researcher.section("activity_org"));
    let dependent = f.visible(&answers(&f, &[("status", "dependent")]));
    assert!(dependent.section("spouse"));

    assert!(
        f.field("status").unwrap().changes_following()
            && f.affects_others(f.field("status").unwrap())
    );
}

#[test]
fn ens_leaving_the_activity_organisation() {
    let f = load("ens_notification.toml");
    let input = with_notifier(&[
        ("status", "student"),
        ("content_activity", "leaving"),
        ("event_date", "20250331"),
        ("org_name", "東京日本語学校"),
        ("org_postal_code", "１００－０００１"),
        ("org_address", "東京都千代田区千代田1-1"),
        // Tampered: items of other contents.
        ("new_org_name", "sneaky"),
        ("spouse_name", "SNEAKY"),
        ("content_contract", "termination"),
    ]);
    let shown = f.visible(&answers(&f, &input)).shown_paths();
    assert_eq!(
        shown,
        [
            "status",
            "content_activity",
            "name",
            "date_of_birth",
            "nationality",
            "card_number",
            "telephone",
            "mobile",
            "event_date",
            "org_name",
            "org_postal_code",
            "org_address",
            "remarks"
        ]
    );
    let cleaned = f.validate(&answers(&f, &input), today()).unwrap();
    let a = cleaned.answers();
    assert_eq!(text(a, "name"), "NGUYEN VAN A");
    assert_eq!(text(a, "card_number"), "AB12345678CD");
    assert_eq!(text(a, "telephone"), "0312345678");
    assert_eq!(text(a, "event_date"), "2025-03-31");
    assert_eq!(text(a, "org_postal_code"), "1000001");
    assert_eq!(text(a, "org_address"), "東京都千代田区千代田１－１");
    for hidden in ["new_org_name", "spouse_name", "content_contract", "mobile"] {
        assert!(a.get(hidden).is_none(), "{hidden}");
    }
    assert_eq!(cleaned.form_id(), "ens-notification");
    assert_eq!(cleaned.version(), 1);
    assert_eq!(cleaned.fingerprint(), f.schema_fingerprint());

    let summary = f.summary(&cleaned, "en");
    let row = |path: &str| summary.iter().find(|r| r.path == path).unwrap();
    assert_eq!(row("status").value, SummaryValue::Text("Student".into()));
    assert_eq!(
        row("content_activity").value,
        SummaryValue::Text("Leaving".into())
    );
    assert_eq!(
        row("org_postal_code").value,
        SummaryValue::Text("100-0001".into())
    );
    assert_eq!(
        row("nationality").value,
        SummaryValue::Text("Viet Nam".into())
    );
    assert_eq!(row("mobile").value, SummaryValue::Empty);
    assert_eq!(
        row("activity_org").label,
        "Notification Concerning Activity Organization"
    );
    assert!(
        !summary
            .iter()
            .any(|r| r.path == "spouse_name" || r.path == "contract_org")
    );
    let ja = f.summary(&cleaned, "ja");
    assert!(
        ja.iter()
            .any(|r| r.value == SummaryValue::Text("留学".into()))
    );
    let ko = f.summary(&cleaned, "ko");
    assert!(
        ko.iter()
            .any(|r| r.value == SummaryValue::Text("유학".into())),
        "translated option"
    );
    assert!(
        ko.iter().any(|r| r.label == "Name in alphabet"),
        "English fallback"
    );
}

#[test]
fn ens_events_must_have_happened() {
    let f = load("ens_notification.toml");
    let input = with_notifier(&[
        ("status", "student"),
        ("content_activity", "leaving"),
        ("event_date", "20250616"),
        ("org_name", "学校"),
        ("org_postal_code", "0000000"),
        ("org_address", "東京都"),
    ]);
    assert_eq!(
        errors(&f, &input),
        [("event_date".to_owned(), ErrorCode::Form(FormCode::Future))]
    );
    let mut input = input;
    input.retain(|(k, _)| *k != "event_date");
    input.push(("event_date", "20250230"));
    assert_eq!(
        errors(&f, &input),
        [(
            "event_date".to_owned(),
            ErrorCode::Form(FormCode::InvalidDate)
        )]
    );
}

#[test]
fn ens_transfer_needs_the_new_organisation_and_dates_in_order() {
    let f = load("ens_notification.toml");
    let base = with_notifier(&[
        ("status", "engineer_humanities"),
        ("content_contract", "new_contract"),
        ("event_date", "20250401"),
        ("org_name", "旧株式会社"),
        ("org_postal_code", "1000001"),
        ("org_address", "東京都千代田区"),
    ]);
    let errs = errors(&f, &base);
    assert_eq!(
        errs,
        [
            required("new_org_name"),
            required("new_org_postal_code"),
            required("new_org_address"),
        ]
    );
    let mut full = base.clone();
    full.extend_from_slice(&[
        ("new_org_name", "新株式会社"),
        ("new_org_postal_code", "5300001"),
        ("new_org_address", "大阪府大阪市北区"),
        ("left_date", "20250402"),
        ("activity_content", "システム開発\r\n設計"),
    ]);
    assert_eq!(
        errors(&f, &full),
        [(
            "left_date".to_owned(),
            ErrorCode::Form(FormCode::AfterDate {
                limit: DateLimit::Field("event_date".into())
            })
        )]
    );
    let e = f.validate(&answers(&f, &full), today()).unwrap_err();
    let err = e.get("left_date").unwrap();
    assert_eq!(err.code.message_key(), "err-after-date");
    assert_eq!(
        f.error_args(err, "en"),
        [
            (
                "field",
                "Date of leaving the previous organization".to_owned()
            ),
            ("limit", "Date of the event".to_owned())
        ]
    );
    full.retain(|(k, _)| *k != "left_date");
    full.push(("left_date", "20250331"));
    let ok = f.validate(&answers(&f, &full), today()).unwrap();
    assert_eq!(text(ok.answers(), "activity_content"), "システム開発\n設計");
}

#[test]
fn ens_changing_status_hides_what_depended_on_it() {
    let f = load("ens_notification.toml");
    // The person chose Student → Leaving, filled the organisation, then switched to Researcher; the
    // browser still sends the old answers.
    let stale = with_notifier(&[
        ("status", "researcher"),
        ("content_activity", "leaving"),
        ("event_date", "20250301"),
        ("org_name", "学校"),
    ]);
    let vis = f.visible(&answers(&f, &stale));
    assert!(!vis.section("activity_org") && !vis.section("notifier") && !vis.section("details"));
    assert_eq!(errors(&f, &stale), [required("content_contract")]);
    let kept = f.clean(&answers(&f, &stale));
    assert_eq!(kept.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["status"]);
}

#[test]
fn ens_spouse_contents() {
    let f = load("ens_notification.toml");
    let input = with_notifier(&[
        ("status", "spouse_permanent"),
        ("content_spouse", "divorce"),
        ("event_date", "20250101"),
        ("spouse_name", "tanaka hanako"),
        ("spouse_date_of_birth", "1990-05"),
        ("spouse_date_of_birth.unknown", "day"),
        ("spouse_nationality", "jp"),
        ("org_name", "hidden: not an organisation content"),
    ]);
    let c = f.validate(&answers(&f, &input), today()).unwrap();
    assert_eq!(text(c.answers(), "spouse_name"), "TANAKA HANAKO");
    assert_eq!(
        c.answers().get("spouse_date_of_birth"),
        Some(&Answer::Date {
            text: "1990-05".into(),
            unknown: "day".into()
        })
    );
    assert!(c.answers().get("org_name").is_none());
    let summary = f.summary(&c, "en");
    assert!(summary.iter().any(|r| r.path == "spouse_date_of_birth"
        && r.value
            == SummaryValue::Message {
                key: "form-date-day-unknown",
                arg: Some("1990-05".into())
            }));
    assert!(
        summary
            .iter()
            .any(|r| r.value == SummaryValue::Text("Divorce from spouse".into()))
    );
}

#[test]
fn ens_out_of_range_choices_are_refused() {
    let f = load("ens_notification.toml");
    assert_eq!(
        errors(&f, &[("status", "diplomat")]),
        [("status".to_owned(), ErrorCode::Form(FormCode::NotAChoice))]
    );
    let e = errors(
        &f,
        &with_notifier(&[
            ("status", "dependent"),
            ("content_spouse", "leaving"),
            ("nationality", "xx"),
        ]),
    );
    assert_eq!(
        e,
        [(
            "content_spouse".to_owned(),
            ErrorCode::Form(FormCode::NotAChoice)
        )],
        "an invalid content opens nothing after it"
    );
}

// ---------------------------------------------------------------------------------------------------
// Residence application with family rows

fn applicant() -> Vec<(&'static str, &'static str)> {
    vec![
        ("nationality", "cn"),
        ("date_of_birth", "1988"),
        ("date_of_birth.unknown", "month_day"),
        ("name", "wang fang"),
        ("sex", "f"),
        ("card_number", "AB12345678CD"),
        ("postal_code", "1600023"),
        ("address", "東京都新宿区西新宿2-8-1"),
        ("telephone", "09012345678"),
        ("email", "fang@example.com"),
        ("email_confirm", "FANG@example.com"),
        ("photo", "file-photo-1"),
        ("confirmed", "on"),
    ]
}

#[test]
fn family_hidden_when_there_is_none() {
    let f = load("residence_family.toml");
    assert_eq!(f.version(), 2);
    let mut input = applicant();
    input.extend_from_slice(&[("has_family", "no"), ("family[0].name", "tampered")]);
    let c = f.validate(&answers(&f, &input), today()).unwrap();
    assert!(c.answers().get("family").is_none());
    assert_eq!(
        c.answers().get("date_of_birth"),
        Some(&Answer::Date {
            text: "1988".into(),
            unknown: "month_day".into()
        })
    );
    let mut yes = applicant();
    yes.push(("has_family", "yes"));
    assert_eq!(errors(&f, &yes), [required("family")]);
}

#[test]
fn family_rows_are_capped_and_checked_row_by_row() {
    let f = load("residence_family.toml");
    let mut input = applicant();
    input.push(("has_family", "yes"));
    let names = [
        "family[0].name",
        "family[1].name",
        "family[2].name",
        "family[3].name",
        "family[4].name",
        "family[5].name",
        "family[6].name",
    ];
    let rels = [
        "family[0].relationship",
        "family[1].relationship",
        "family[2].relationship",
        "family[3].relationship",
        "family[4].relationship",
        "family[5].relationship",
        "family[6].relationship",
    ];
    let dobs = [
        "family[0].date_of_birth",
        "family[1].date_of_birth",
        "family[2].date_of_birth",
        "family[3].date_of_birth",
        "family[4].date_of_birth",
        "family[5].date_of_birth",
        "family[6].date_of_birth",
    ];
    let nats = [
        "family[0].nationality",
        "family[1].nationality",
        "family[2].nationality",
        "family[3].nationality",
        "family[4].nationality",
        "family[5].nationality",
        "family[6].nationality",
    ];
    for i in 0..7 {
        input.extend_from_slice(&[
            (names[i], "li ming"),
            (rels[i], "child"),
            (dobs[i], "20150101"),
            (nats[i], "jp"),
        ]);
    }
    let a = answers(&f, &input);
    let Some(Answer::Rows(rows)) = a.get("family") else {
        panic!()
    };
    assert_eq!(rows.len(), 6, "the seventh row is ignored");
    let c = f.validate(&a, today()).unwrap();
    let Some(Answer::Rows(rows)) = c.answers().get("family") else {
        panic!()
    };
    assert_eq!(rows.len(), 6);
    assert!(
        rows.iter().all(|r| r.get("card_number").is_none()),
        "Japanese: no card"
    );
}

#[test]
fn family_row_conditions_and_all_errors_at_once() {
    let f = load("residence_family.toml");
    let mut input = applicant();
    input.retain(|(k, _)| !matches!(*k, "email_confirm" | "photo" | "confirmed"));
    input.extend_from_slice(&[
        ("email_confirm", "other@example.com"),
        ("occupation", "other"),
        ("occupation", "student"),
        ("has_family", "yes"),
        // Row 0: spouse, foreign, no card number given, marriage date in the future.
        ("family[0].relationship", "spouse"),
        ("family[0].name", "li wei"),
        ("family[0].date_of_birth", "1987"),
        ("family[0].date_of_birth.unknown", "month_day"),
        ("family[0].nationality", "cn"),
        ("family[0].marriage_date", "20300101"),
        ("family[0].cohabiting", "on"),
        // Row 2 (row 1 left blank): "other" relationship without its text; Japanese, so no card;
        // a tampered marriage date for a non-spouse.
        ("family[1].name", ""),
        ("family[2].relationship", "other"),
        ("family[2].name", "sato"),
        ("family[2].date_of_birth", "2001-02-30"),
        ("family[2].nationality", "jp"),
        ("family[2].card_number", "tampered"),
        ("family[2].marriage_date", "tampered"),
        ("documents", "d1"),
    ]);
    let vis = f.visible(&answers(&f, &input));
    assert!(vis.field("occupation_other"));
    assert!(
        vis.row_field("family", 0, "card_number") && vis.row_field("family", 0, "marriage_date")
    );
    assert!(!vis.row_field("family", 0, "relationship_other"));
    assert!(
        vis.row_field("family", 1, "relationship_other"),
        "compacted: row 2 became row 1"
    );
    assert!(
        !vis.row_field("family", 1, "card_number"),
        "the row's nationality, not the applicant's"
    );
    assert!(!vis.row_field("family", 1, "marriage_date"));

    let errs = errors(&f, &input);
    assert_eq!(
        errs,
        [
            (
                "email_confirm".to_owned(),
                ErrorCode::Invalid(Invalid::Mismatch)
            ),
            required("occupation_other"),
            required("family[0].card_number"),
            (
                "family[0].marriage_date".to_owned(),
                ErrorCode::Form(FormCode::Future)
            ),
            required("family[1].relationship_other"),
            (
                "family[1].date_of_birth".to_owned(),
                ErrorCode::Form(FormCode::InvalidDate)
            ),
            required("photo"),
            required("confirmed"),
        ],
        "{:#?}",
        paths(&errs)
    );
}

#[test]
fn family_attachments_and_summary() {
    let f = load("residence_family.toml");
    let mut input = applicant();
    input.extend_from_slice(&[
        ("has_family", "yes"),
        ("family[0].relationship", "mother"),
        ("family[0].name", "wang li"),
        ("family[0].date_of_birth", ""),
        ("family[0].date_of_birth.unknown", "all"),
        ("family[0].nationality", "cn"),
        ("family[0].card_number", "cd87654321ab"),
        ("photo", "another-photo"),
    ]);
    assert_eq!(
        errors(&f, &input),
        [(
            "photo".to_owned(),
            ErrorCode::Form(FormCode::TooManyFiles { max: 1 })
        )]
    );
    input.retain(|(k, v)| !(*k == "photo" && *v == "another-photo"));
    let c = f.validate(&answers(&f, &input), today()).unwrap();
    let rows = f.summary(&c, "en");
    let get = |p: &str| rows.iter().find(|r| r.path == p).unwrap().clone();
    assert_eq!(get("family[0]").label, "Family member 1");
    assert_eq!(
        get("family[0].relationship").value,
        SummaryValue::Text("Mother".into())
    );
    assert_eq!(
        get("family[0].date_of_birth").value,
        SummaryValue::Message {
            key: "form-date-unknown",
            arg: None
        }
    );
    assert_eq!(
        get("family[0].card_number").value,
        SummaryValue::Text("CD87654321AB".into())
    );
    assert_eq!(
        get("photo").value,
        SummaryValue::Message {
            key: "form-files",
            arg: Some("1".into())
        }
    );
    assert_eq!(
        get("confirmed").value,
        SummaryValue::Message {
            key: "form-yes",
            arg: None
        }
    );
    assert_eq!(get("documents").value, SummaryValue::Empty);
    assert_eq!(
        get("date_of_birth").value,
        SummaryValue::Message {
            key: "form-date-month-day-unknown",
            arg: Some("1988".into())
        }
    );

    // Saving and loading: the cleaned answers go back into the form and validate to the same value.
    let pairs = c.answers().to_pairs();
    let again = f
        .validate(&Answers::from_pairs(&f, &pairs), today())
        .unwrap();
    assert_eq!(again, c);
}

#[test]
fn a_broken_definition_reports_every_problem() {
    let broken = fixture("residence_family.toml")
        .replace("options_from = \"yes_no\"", "options_from = \"yes_no_maybe\"")
        .replace(
            "show_if = { field = \"occupation\", equals = \"other\" }",
            "show_if = { field = \"occupation\", equals = \"astronaut\" }",
        )
        .replace("max_len = 40\nlabel = { ja = \"その他の職業\"", "label = { ja = \"その他の職業\"")
        .replace(
            "show_if = { field = \"has_family\", equals = \"yes\" }",
            "show_if = { field = \"confirmed\", filled = true }\n",
        )
        .replace(
            "label = { ja = \"申請人が申請内容に相違ないことを確認しました\"",
            "show_if = { field = \"family\", filled = true }\nlabel = { ja = \"申請人が申請内容に相違ないことを確認しました\"",
        );
    let errs = FormDef::parse(&broken, &lists()).unwrap_err();
    let text: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert!(
        errs.iter().any(|e| matches!(
            e,
            DefError::Dangling {
                key: "options_from",
                ..
            }
        )),
        "{text:#?}"
    );
    assert!(
        errs.iter()
            .any(|e| matches!(e, DefError::NotAnOption { value, .. } if value == "astronaut")),
        "{text:#?}"
    );
    assert!(
        errs.iter()
            .any(|e| matches!(e, DefError::MissingKey { key: "max_len", .. })),
        "{text:#?}"
    );
    assert!(
        errs.iter().any(|e| matches!(e, DefError::Cycle { .. })),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.contains("family → confirmed → family")
                || t.contains("confirmed → family → confirmed")),
        "{text:#?}"
    );
}

// ---------------------------------------------------------------------------------------------------
// A large generated form

#[test]
fn three_hundred_fields_with_twenty_conditions() {
    let mut toml =
        String::from("id = \"big\"\nversion = 1\ntitle = { ja = \"大\", en = \"Big\" }\n");
    let mut conditions = 0;
    for s in 0..15 {
        toml.push_str(&format!(
            "[[sections]]\nid = \"s{s}\"\ntitle = {{ ja = \"節{s}\", en = \"Section {s}\" }}\n"
        ));
        if s == 14 {
            // A section-level condition reading a field of the first section.
            toml.push_str("show_if = { field = \"f0\", equals = \"b\" }\n");
            conditions += 1;
        }
        for j in 0..20 {
            let i = s * 20 + j;
            toml.push_str(&format!(
                "[[sections.fields]]\nid = \"f{i}\"\nlabel = {{ ja = \"項目{i}\", en = \"Item {i}\" }}\n"
            ));
            match i % 5 {
                0 => toml.push_str("kind = \"radio\"\noptions = [ { value = \"a\", label = { ja = \"あ\", en = \"A\" } }, { value = \"b\", label = { ja = \"い\", en = \"B\" } } ]\n"),
                1 => toml.push_str("kind = \"text\"\nmax_len = 20\nrequired = true\n"),
                2 => toml.push_str("kind = \"date\"\nnot_future = true\n"),
                3 => toml.push_str("kind = \"telephone\"\n"),
                _ => toml.push_str("kind = \"checkbox\"\n"),
            }
            // 19 field conditions, each reading a radio field: most earlier, some later.
            if i % 16 == 7 && conditions < 20 {
                let target = if i % 32 == 7 {
                    ((i + 13) / 5 * 5).min(290)
                } else if i % 5 == 0 {
                    i - 5
                } else {
                    i / 5 * 5
                };
                toml.push_str(&format!(
                    "show_if = {{ field = \"f{target}\", equals = \"a\" }}\n"
                ));
                conditions += 1;
            }
        }
    }
    assert_eq!(conditions, 20);
    let f = FormDef::parse(&toml, &OptionLists::new()).unwrap();
    assert_eq!(f.field_count(), 300);

    let mut pairs: Vec<(String, String)> = Vec::new();
    for i in 0..300 {
        let v = match i % 5 {
            0 => "a",
            1 => "text",
            2 => "2020-01-01",
            3 => "0312345678",
            _ => "on",
        };
        pairs.push((format!("f{i}"), v.to_owned()));
    }
    let answers = Answers::from_pairs(&f, &pairs);
    let vis = f.visible(&answers);
    assert!(!vis.section("s14"), "f0 is a");
    let c = f.validate(&answers, today()).unwrap();
    assert_eq!(c.answers().len(), 280);
    assert_eq!(f.summary(&c, "en").len(), 280 + 14);

    // Everything hidden by its condition: the radios read are set to "b".
    pairs.iter_mut().for_each(|(k, v)| {
        if k.trim_start_matches('f')
            .parse::<usize>()
            .is_ok_and(|i| i % 5 == 0)
        {
            *v = "b".to_owned();
        }
    });
    let answers = Answers::from_pairs(&f, &pairs);
    let vis = f.visible(&answers);
    assert!(vis.section("s14"));
    let shown = vis.shown_paths().len();
    assert_eq!(shown, 300 - 19);
    let e = f.validate(&answers, today());
    assert!(e.is_ok());
}
