//! The six translated languages (SPEC §2.4) through a whole filing: registration, the request for
//! use, the notification with its deadline warning and its receipt mail. Every page is in the chosen
//! language, none shows a raw message key or an unfilled `{$placeable}`, and the mails follow the
//! language too.

use zairyu_i18n::{I18n, Locale};
use zairyu_testkit::{Browser, PASSWORD, Page, TestApp, login, register};

/// Per language: texts that only a translated page shows — the logout button (ftl), the residence
/// card label of the request for use (form TOML), the Philippines in the nationality list (shared
/// list), the leaving option of the notification and the start of the legal-deadline warning.
struct Expect {
    lang: &'static str,
    logout: &'static str,
    card_label: &'static str,
    philippines: &'static str,
    leaving: &'static str,
    deadline_passed: &'static str,
}

const LANGUAGES: [Expect; 6] = [
    Expect {
        lang: "zh-Hans",
        logout: "退出登录",
        card_label: "在留卡号码",
        philippines: "菲律宾",
        leaving: "从活动机构脱离",
        deadline_passed: "本申报的法定期限",
    },
    Expect {
        lang: "zh-Hant",
        logout: "登出",
        card_label: "在留卡號碼",
        philippines: "菲律賓",
        leaving: "從活動機構脫離",
        deadline_passed: "本申報的法定期限",
    },
    Expect {
        lang: "ko",
        logout: "로그아웃",
        card_label: "재류카드 번호",
        philippines: "필리핀",
        leaving: "활동기관으로부터의 이탈",
        deadline_passed: "이 신고의 법정 기한",
    },
    Expect {
        lang: "es",
        logout: "Cerrar sesión",
        card_label: "Número de la tarjeta de residencia",
        philippines: "Filipinas",
        leaving: "Salida de la organización de actividades",
        deadline_passed: "Ha vencido el plazo legal",
    },
    Expect {
        lang: "vi",
        logout: "Đăng xuất",
        card_label: "Số thẻ lưu trú",
        philippines: "Philippines",
        leaving: "Rời khỏi cơ quan hoạt động",
        deadline_passed: "Đã quá thời hạn pháp định",
    },
    Expect {
        lang: "tl",
        logout: "Mag-log out",
        card_label: "Numero ng residence card",
        philippines: "Pilipinas",
        leaving: "Pag-alis sa organisasyon ng aktibidad",
        deadline_passed: "Lumipas na ang legal na takdang panahon",
    },
];

/// No message key shown as text and no placeable left unfilled (Fluent writes `{$name}` for a
/// variable it was not given).
#[track_caller]
fn clean(p: &Page, keys: &[String], what: &str, lang: &str) {
    assert!(!p.body.contains("{$"), "{lang} {what}: unfilled placeable");
    assert!(!p.body.contains("{ $"), "{lang} {what}: unfilled placeable");
    for k in keys {
        for shape in [format!(">{k}<"), format!("aria-label=\"{k}\"")] {
            assert!(!p.body.contains(&shape), "{lang} {what}: raw key {k}");
        }
    }
}

fn days_ago(t: &TestApp, days: i64) -> String {
    let d = zairyu_app::filing::today(&t.app).plus_days(-days).unwrap();
    d.iso().replace('-', "")
}

async fn set_language(b: &Browser, lang: &str) {
    b.post("/settings/language", &[("lang", lang), ("back", "/")])
        .await
        .assert_status(303);
}

#[tokio::test]
async fn every_translated_language_carries_a_whole_filing() {
    let t = TestApp::spawn().await;
    let mut keys: Vec<String> = I18n::load().unwrap().keys(Locale::En).into_iter().collect();
    keys.sort();
    for e in LANGUAGES {
        let lang = e.lang;
        let email = format!("{}@example.jp", lang.to_ascii_lowercase());

        // Logged out: the shell, the catalogue and a procedure's explanation.
        let visitor = t.browser();
        set_language(&visitor, lang).await;
        for path in [
            "/",
            "/procedures",
            "/procedures/ens-notification",
            "/login",
            "/register/email",
            "/no-such-page",
        ] {
            let p = visitor.get(path).await;
            clean(&p, &keys, path, lang);
            assert!(
                p.has(&format!("lang=\"{lang}\"")),
                "{lang} {path}: <html lang>"
            );
        }
        let explanation = visitor.get("/procedures/ens-notification").await;
        assert!(
            explanation.has("14"),
            "{lang}: the explanation in the language"
        );

        // Registration in the language: its mail is too, and still carries its link.
        let id = register(&t, &visitor, &email, "ANNA LEE", PASSWORD).await;
        let mails = t.wait_mails(&email, 2).await;
        let expected_subject = I18n::load().unwrap().t(
            Locale::from_code(lang).unwrap(),
            "mail-registration-link-subject",
        );
        assert!(
            mails
                .iter()
                .any(|m| m.subject.contains(&expected_subject) && m.text.contains("/register/")),
            "{lang}: the registration mail in the language with its link"
        );
        assert!(
            mails.iter().all(|m| !m.text.contains(PASSWORD)),
            "{lang}: no mail carries the password"
        );

        // Logged in: My Page, the request for use, then the notification.
        let b = t.browser();
        login(&b, &id, PASSWORD).await;
        set_language(&b, lang).await;
        let mypage = b.get("/mypage").await;
        clean(&mypage, &keys, "/mypage", lang);
        assert!(mypage.has(e.logout), "{lang}: the logout button");

        let entry = b.get("/procedures/ens-request-for-use/entry").await;
        entry.assert_status(200);
        clean(&entry, &keys, "request for use", lang);
        assert!(entry.has(e.card_label), "{lang}: the form's label");
        assert!(entry.has(e.philippines), "{lang}: the shared list");
        // A refused entry: the messages in the language, nothing typed lost.
        let refused = b
            .post(
                "/procedures/ens-request-for-use/entry",
                &[("name_en", "ANNA LEE"), ("action", "submit")],
            )
            .await;
        refused.assert_status(422);
        clean(&refused, &keys, "refused request for use", lang);
        assert_eq!(refused.input_value("name_en").unwrap(), "ANNA LEE");
        let fields = [
            ("name_en", "ANNA LEE"),
            ("date_of_birth.unknown", "none"),
            ("date_of_birth", "19900415"),
            ("sex", "female"),
            ("nationality", "PHL"),
            ("residence_card_number", "AB12345678CD"),
            ("telephone", "0312345678"),
            ("action", "submit"),
        ];
        b.post("/procedures/ens-request-for-use/entry", &fields)
            .await
            .assert_status(303);
        let confirm = b.get("/procedures/ens-request-for-use/confirm").await;
        clean(&confirm, &keys, "request for use confirmation", lang);
        let key = confirm.input_value("submit_key").unwrap();
        let done = b
            .post_follow(
                "/procedures/ens-request-for-use/confirm",
                &[("submit_key", &key), ("action", "submit")],
            )
            .await;
        clean(&done, &keys, "request for use completed", lang);

        let step = b
            .post(
                "/procedures/ens-notification/entry",
                &[
                    ("status", "student"),
                    ("content_activity", "leaving"),
                    ("action", "update"),
                ],
            )
            .await;
        step.assert_status(200);
        clean(&step, &keys, "notification", lang);
        assert!(step.has(e.leaving), "{lang}: the content options");
        let date = days_ago(&t, 20);
        let filing = [
            ("status", "student"),
            ("content_activity", "leaving"),
            ("name_en", "ANNA LEE"),
            ("telephone", "0312345678"),
            ("leaving_date", date.as_str()),
            ("org_name", "Tokyo Language School"),
            ("org_postal_code", "1000013"),
            ("org_address", "東京都千代田区霞が関1-1-1"),
            ("action", "submit"),
        ];
        b.post("/procedures/ens-notification/entry", &filing)
            .await
            .assert_status(303);
        let confirm = b.get("/procedures/ens-notification/confirm").await;
        clean(&confirm, &keys, "notification confirmation", lang);
        assert!(
            confirm.has(e.deadline_passed),
            "{lang}: the deadline warning"
        );
        let key = confirm.input_value("submit_key").unwrap();
        let done = b
            .post_follow(
                "/procedures/ens-notification/confirm",
                &[("submit_key", &key), ("action", "submit")],
            )
            .await;
        clean(&done, &keys, "notification completed", lang);
        for path in ["/applications", "/mypage/user", "/mypage/drafts"] {
            let p = b.get(path).await;
            p.assert_status(200);
            clean(&p, &keys, path, lang);
        }
        let received = I18n::load().unwrap().t(
            Locale::from_code(lang).unwrap(),
            "mail-application-received-subject",
        );
        t.drain_jobs().await;
        assert!(
            t.mails()
                .await
                .iter()
                .any(|m| m.to == email && m.subject.contains(&received)),
            "{lang}: the receipt mail in the language"
        );
    }
}
