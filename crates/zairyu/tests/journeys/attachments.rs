//! Attachments (SPEC §9.3, §10.6, §10.7) through the front door, on the demonstration procedure:
//! attach, remove, confirm, apply, download; and every bad input — each with its message, nothing
//! typed lost. The files are built in code (`zairyu_files::fixtures`); big ones at test time.

use reqwest::multipart::{Form, Part};
use zairyu_files::fixtures::{encrypted_pdf, jpeg_of, pdf_with_filler, tiny_pdf};
use zairyu_testkit::{Browser, PASSWORD, Page, TestApp, login, register};

const ENTRY: &str = "/procedures/demo-attachments/entry";
const CONFIRM: &str = "/procedures/demo-attachments/confirm";
const ATTACH: &str = "/procedures/demo-attachments/files/attach";
const REMOVE: &str = "/procedures/demo-attachments/files/remove";
const MIB: usize = 1024 * 1024;

pub(crate) async fn user(t: &TestApp, email: &str) -> Browser {
    let id = register(t, &t.browser(), email, "KAI TAN", PASSWORD).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    // The messages below are read in English.
    b.post("/settings/language", &[("lang", "en"), ("back", "/")])
        .await;
    b
}

/// The file ids a page lists in a slot (its hidden inputs).
fn listed(page: &Page, slot: &str) -> Vec<String> {
    let marker = format!("type=\"hidden\" name=\"{slot}\" value=\"");
    page.body
        .split(&marker)
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// Posts the entry form the way its Attach button does: the CSRF token first, then the typed
/// fields (with the ids already listed), then the files as (slot, name, claimed type, bytes).
async fn attach_with(
    t: &TestApp,
    b: &Browser,
    token: Option<String>,
    fields: &[(&str, &str)],
    files: Vec<(&str, &str, &str, Vec<u8>)>,
) -> Page {
    let mut form = Form::new();
    if let Some(token) = token {
        form = form.text("csrf", token);
    }
    for (k, v) in fields {
        form = form.text((*k).to_owned(), (*v).to_owned());
    }
    for (slot, name, mime, bytes) in files {
        form = form.part(
            format!("file:{slot}"),
            Part::bytes(bytes)
                .file_name(name.to_owned())
                .mime_str(mime)
                .unwrap(),
        );
    }
    let r = b
        .client
        .post(format!("{}{ATTACH}", t.base))
        .multipart(form)
        .send()
        .await
        .unwrap();
    Page {
        status: r.status(),
        headers: r.headers().clone(),
        body: r.text().await.unwrap(),
    }
}

async fn attach(
    t: &TestApp,
    b: &Browser,
    fields: &[(&str, &str)],
    files: Vec<(&str, &str, &str, Vec<u8>)>,
) -> Page {
    attach_with(t, b, Some(b.csrf().await), fields, files).await
}

/// The entry screen after a redirect, or the page itself.
async fn landed(b: &Browser, page: Page) -> Page {
    match page.location() {
        Some(to) if page.status.as_u16() == 303 => b.get(&to).await,
        _ => page,
    }
}

/// Attaches a photo and a document, proceeds, confirms and applies: (photo id, document id,
/// reference number).
pub(crate) async fn file_application(
    t: &TestApp,
    b: &Browser,
    name: &str,
) -> (String, String, String) {
    let page = landed(
        b,
        attach(
            t,
            b,
            &[("name_en", name)],
            vec![
                ("photo", "me.jpg", "image/jpeg", jpeg_of(300, 400)),
                ("documents", "filed.pdf", "application/pdf", tiny_pdf()),
            ],
        )
        .await,
    )
    .await;
    let (photo, doc) = (
        listed(&page, "photo")[0].clone(),
        listed(&page, "documents")[0].clone(),
    );
    b.post(
        ENTRY,
        &[
            ("name_en", name),
            ("photo", &photo),
            ("documents", &doc),
            ("action", "submit"),
        ],
    )
    .await
    .assert_status(303);
    let key = b.get(CONFIRM).await.input_value("submit_key").unwrap();
    let done = b
        .post(CONFIRM, &[("submit_key", &key), ("action", "submit")])
        .await;
    done.assert_status(303);
    let reference = done
        .location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    (photo, doc, reference)
}

async fn uploads(t: &TestApp) -> i64 {
    t.scalar("SELECT COUNT(*) FROM uploads").await
}

fn stored(t: &TestApp, id: &str) -> bool {
    t.data_dir.join("files/attachments").join(id).is_file()
}

#[tokio::test]
async fn attach_remove_confirm_apply_and_download() {
    let t = TestApp::spawn().await;
    let b = user(&t, "files@example.jp").await;
    let page = b.get(ENTRY).await;
    page.assert_status(200);
    assert!(page.has("[Demo]"), "the demonstration says what it is");
    assert!(page.has("name=\"file:photo\"") && page.has("formenctype=\"multipart/form-data\""));

    // The photo, with the name typed: the field comes back as typed.
    let typed = [("name_en", "KAI TAN"), ("note", "Typed before attaching")];
    let r = attach(
        &t,
        &b,
        &typed,
        vec![("photo", "me.jpeg", "image/jpeg", jpeg_of(300, 400))],
    )
    .await;
    r.assert_status(303);
    assert!(r.location().unwrap().contains("attached=1"));
    let page = landed(&b, r).await;
    assert!(page.has("me.jpeg"), "{}", page.body);
    assert_eq!(page.input_value("name_en").unwrap(), "KAI TAN");
    assert!(page.has("Typed before attaching"));
    let photo = listed(&page, "photo");
    assert_eq!(photo.len(), 1);
    assert!(stored(&t, &photo[0]));

    // Two documents at once; the photo stays listed.
    let a = pdf_with_filler(2000);
    let mut fields = typed.to_vec();
    fields.push(("photo", &photo[0]));
    let page = landed(
        &b,
        attach(
            &t,
            &b,
            &fields,
            vec![
                ("documents", "a.pdf", "application/pdf", a.clone()),
                ("documents", "b.pdf", "application/pdf", tiny_pdf()),
            ],
        )
        .await,
    )
    .await;
    page.assert_status(200);
    let docs = listed(&page, "documents");
    assert_eq!(docs.len(), 2, "{}", page.body);
    assert!(page.has("a.pdf") && page.has("b.pdf") && page.has("me.jpeg"));
    assert!(page.has("3 of 20 files"), "the running total is shown");

    // Remove b.pdf: gone from the list, the database and the disk; the rest kept.
    let mut fields = typed.to_vec();
    fields.push(("photo", &photo[0]));
    fields.push(("documents", &docs[0]));
    fields.push(("documents", &docs[1]));
    fields.push(("remove", &docs[1]));
    let r = b.post(REMOVE, &fields).await;
    r.assert_status(303);
    let page = landed(&b, r).await;
    assert!(page.has("a.pdf") && !page.has("b.pdf"));
    assert_eq!(page.input_value("name_en").unwrap(), "KAI TAN");
    assert!(!stored(&t, &docs[1]));
    assert_eq!(uploads(&t).await, 2);

    // Proceed, confirm (the files listed by name), Apply.
    let r = b
        .post(
            ENTRY,
            &[
                ("name_en", "KAI TAN"),
                ("photo", &photo[0]),
                ("documents", &docs[0]),
                ("action", "submit"),
            ],
        )
        .await;
    r.assert_status(303);
    let confirm = b.get(CONFIRM).await;
    confirm.assert_status(200);
    assert!(
        confirm.has("me.jpeg") && confirm.has("a.pdf"),
        "{}",
        confirm.body
    );
    let key = confirm.input_value("submit_key").unwrap();
    let done = b
        .post(CONFIRM, &[("submit_key", &key), ("action", "submit")])
        .await;
    done.assert_status(303);
    let reference = done
        .location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM uploads WHERE application_id IS NOT NULL")
            .await,
        2,
        "Apply linked both files"
    );

    // Details: each file a download, saved under its own name, of the checked type, not sniffed.
    let details = b.get(&format!("/applications/{reference}")).await;
    details.assert_status(200);
    let href = format!("/applications/{reference}/files/{}", docs[0]);
    assert!(details.has(&href), "{}", details.body);
    assert!(details.has(&format!("/applications/{reference}/files/{}", photo[0])));
    let r = b
        .client
        .get(format!("{}{href}", t.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let h = r.headers().clone();
    assert_eq!(h.get("content-type").unwrap(), "application/pdf");
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(
        h.get("content-disposition").unwrap(),
        "attachment; filename=\"a.pdf\"; filename*=UTF-8''a.pdf"
    );
    assert_eq!(r.bytes().await.unwrap().to_vec(), a);
    let r = b
        .client
        .get(format!(
            "{}/applications/{reference}/files/{}",
            t.base, photo[0]
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers().get("content-type").unwrap(), "image/jpeg");
}

#[tokio::test]
async fn every_bad_file_gets_its_own_message_and_nothing_typed_is_lost() {
    let t = TestApp::spawn().await;
    let b = user(&t, "bad-files@example.jp").await;
    let typed = [("name_en", "KEEP ME"), ("note", "Still here")];
    let cases: Vec<(&str, &str, &str, Vec<u8>, &str)> = vec![
        // A PDF named and announced as a JPEG, in the photo slot.
        (
            "photo",
            "photo.jpg",
            "image/jpeg",
            tiny_pdf(),
            "is a PDF file, not a JPEG image",
        ),
        // A JPEG named and announced as a PDF, in the documents slot.
        (
            "documents",
            "scan.pdf",
            "application/pdf",
            jpeg_of(30, 40),
            "is a JPEG image, not a PDF file",
        ),
        (
            "documents",
            "locked.pdf",
            "application/pdf",
            encrypted_pdf("secret"),
            "has security settings",
        ),
        (
            "documents",
            "noprint.pdf",
            "application/pdf",
            encrypted_pdf(""),
            "has security settings",
        ),
        (
            "documents",
            "cut.pdf",
            "application/pdf",
            tiny_pdf()[..150].to_vec(),
            "ISO 32000-1",
        ),
        (
            "documents",
            "junk.pdf",
            "application/pdf",
            b"%PDF-1.4\nnot really\n%%EOF\n".to_vec(),
            "ISO 32000-1",
        ),
        (
            "documents",
            "notes.txt.pdf",
            "application/pdf",
            b"plain text".to_vec(),
            "is not a PDF file",
        ),
        (
            "photo",
            "wide.jpg",
            "image/jpeg",
            jpeg_of(400, 300),
            "400 × 300 pixels",
        ),
        (
            "photo",
            "broken.jpg",
            "image/jpeg",
            jpeg_of(300, 400)[..200].to_vec(),
            "could not be read as a JPEG",
        ),
    ];
    for (slot, name, mime, bytes, message) in cases {
        let page = attach(&t, &b, &typed, vec![(slot, name, mime, bytes)]).await;
        page.assert_status(422);
        let summary = page.text_of("error-summary").unwrap_or_default();
        assert!(
            summary.contains(name) && summary.contains(message),
            "{name}: {summary}"
        );
        assert!(
            page.has(&format!("href=\"#f-{slot}\"")),
            "the summary links to the slot"
        );
        assert_eq!(page.input_value("name_en").unwrap(), "KEEP ME", "{name}");
        assert!(page.has("Still here"), "{name}");
    }
    // Attach with no file chosen.
    let page = attach(
        &t,
        &b,
        &[("name_en", "KEEP ME"), ("attach", "documents")],
        vec![],
    )
    .await;
    page.assert_status(422);
    assert!(
        page.text_of("error-summary")
            .unwrap()
            .contains("Select a file for Documents")
    );
    assert_eq!(uploads(&t).await, 0, "nothing refused was kept");
    assert_eq!(
        std::fs::read_dir(t.data_dir.join("files"))
            .unwrap()
            .flatten()
            .count(),
        0,
        "nor stored"
    );
    // The entries were kept as the draft all the same.
    assert_eq!(
        b.get(ENTRY).await.input_value("name_en").unwrap(),
        "KEEP ME"
    );

    // Without the token, or with the token after the files, nothing is read.
    let page = attach_with(
        &t,
        &b,
        None,
        &typed,
        vec![("documents", "a.pdf", "application/pdf", tiny_pdf())],
    )
    .await;
    page.assert_status(403);
    let form = Form::new()
        .part("file:documents", Part::bytes(tiny_pdf()).file_name("a.pdf"))
        .text("csrf", b.csrf().await);
    let r = b
        .client
        .post(format!("{}{ATTACH}", t.base))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    assert_eq!(uploads(&t).await, 0);
}

#[tokio::test]
async fn twenty_files_at_most_and_25_mb_in_all() {
    let t = TestApp::spawn().await;
    let b = user(&t, "limits@example.jp").await;
    // The photo and 19 documents in one request: 20 files, accepted.
    let mut files = vec![("photo", "me.jpg", "image/jpeg", jpeg_of(300, 400))];
    for _ in 0..19 {
        files.push(("documents", "doc.pdf", "application/pdf", tiny_pdf()));
    }
    let page = landed(&b, attach(&t, &b, &[("name_en", "KAI TAN")], files).await).await;
    page.assert_status(200);
    let photo = listed(&page, "photo");
    let docs = listed(&page, "documents");
    assert_eq!((photo.len(), docs.len()), (1, 19));
    // The 21st is refused: 20 files per application, the photo included.
    let mut fields = vec![("name_en", "KAI TAN"), ("photo", photo[0].as_str())];
    fields.extend(docs.iter().map(|d| ("documents", d.as_str())));
    let page = attach(
        &t,
        &b,
        &fields,
        vec![("documents", "21st.pdf", "application/pdf", tiny_pdf())],
    )
    .await;
    page.assert_status(422);
    assert!(
        page.text_of("error-summary")
            .unwrap()
            .contains("at most 20 files")
    );
    assert_eq!(page.input_value("name_en").unwrap(), "KAI TAN");
    assert_eq!(uploads(&t).await, 20);

    // A fresh user: 2 × 10 MB fit; 6 MB more would pass 25 MB.
    let b = user(&t, "big@example.jp").await;
    let big = pdf_with_filler(10 * MIB);
    let page = landed(
        &b,
        attach(
            &t,
            &b,
            &[("name_en", "BIG FILES")],
            vec![
                ("documents", "one.pdf", "application/pdf", big.clone()),
                ("documents", "two.pdf", "application/pdf", big),
            ],
        )
        .await,
    )
    .await;
    let docs = listed(&page, "documents");
    assert_eq!(
        docs.len(),
        2,
        "{}",
        page.text_of("error-summary").unwrap_or_default()
    );
    let mut fields = vec![("name_en", "BIG FILES")];
    fields.extend(docs.iter().map(|d| ("documents", d.as_str())));
    let page = attach(
        &t,
        &b,
        &fields,
        vec![(
            "documents",
            "three.pdf",
            "application/pdf",
            pdf_with_filler(6 * MIB),
        )],
    )
    .await;
    page.assert_status(422);
    assert!(
        page.text_of("error-summary")
            .unwrap()
            .contains("total at most 25 MB")
    );
    assert_eq!(
        listed(&page, "documents").len(),
        2,
        "what was attached stays"
    );

    // One request over the limit by itself: refused while it streams, the typed name kept.
    let b = user(&t, "huge@example.jp").await;
    let page = attach(
        &t,
        &b,
        &[("name_en", "HUGE FILE")],
        vec![(
            "documents",
            "huge.pdf",
            "application/pdf",
            pdf_with_filler(30 * MIB),
        )],
    )
    .await;
    page.assert_status(422);
    assert!(page.text_of("error-summary").unwrap().contains("huge.pdf"));
    assert_eq!(page.input_value("name_en").unwrap(), "HUGE FILE");
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM uploads u JOIN users s ON s.id = u.user_id WHERE s.email = 'huge@example.jp'")
            .await,
        0
    );
}

/// A body announced as larger than any upload may be is refused before a byte of it is read: the
/// answer comes while the client has sent nothing but the headers.
#[tokio::test]
async fn an_upload_announced_too_large_is_refused_unread() {
    use reqwest::cookie::CookieStore;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let t = TestApp::spawn().await;
    let b = user(&t, "announced@example.jp").await;
    let url: reqwest::Url = t.base.parse().unwrap();
    let cookies = b.jar.cookies(&url).unwrap().to_str().unwrap().to_owned();
    let mut s = tokio::net::TcpStream::connect(url.socket_addrs(|| None).unwrap()[0])
        .await
        .unwrap();
    let head = format!(
        "POST {ATTACH} HTTP/1.1\r\nHost: {}\r\nCookie: {cookies}\r\n\
         Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 100000000\r\n\r\n",
        url.authority()
    );
    s.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 64];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), s.read(&mut answer))
        .await
        .expect("answered without the body")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]).into_owned();
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}

#[tokio::test]
async fn another_users_files_are_not_found_and_cannot_be_borrowed() {
    let t = TestApp::spawn().await;
    let owner = user(&t, "owner@example.jp").await;
    // The owner files an application with a photo and a document, and starts another draft file.
    let (_, doc, reference) = file_application(&t, &owner, "OWNER").await;
    let own_link = format!("/applications/{reference}/files/{doc}");
    owner.get(&own_link).await.assert_status(200);
    let pending = listed(
        &landed(
            &owner,
            attach(
                &t,
                &owner,
                &[("name_en", "OWNER")],
                vec![("documents", "draft.pdf", "application/pdf", tiny_pdf())],
            )
            .await,
        )
        .await,
        "documents",
    );
    assert_eq!(pending.len(), 1);

    // Someone else: the owner's download is the same 404 as a file that does not exist.
    let other = user(&t, "other@example.jp").await;
    let foreign = other.get(&own_link).await;
    foreign.assert_status(404);
    let missing = other
        .get(&format!(
            "/applications/{reference}/files/AAAAAAAAAAAAAAAAAAAAAA"
        ))
        .await;
    missing.assert_status(404);
    assert_eq!(foreign.text_of("main"), missing.text_of("main"));
    owner
        .get(&format!(
            "/applications/{reference}/files/AAAAAAAAAAAAAAAAAAAAAA"
        ))
        .await
        .assert_status(404);

    // The owner's ids posted into someone else's form: named, taken off, everything else kept.
    for id in [&pending[0], &doc] {
        let page = other
            .post(
                ENTRY,
                &[
                    ("name_en", "OTHER"),
                    ("documents", id),
                    ("action", "refresh"),
                ],
            )
            .await;
        page.assert_status(422);
        assert!(
            page.text_of("error-summary")
                .unwrap()
                .contains("not one of your uploads")
        );
        assert_eq!(page.input_value("name_en").unwrap(), "OTHER");
        assert!(listed(&page, "documents").is_empty());
        let page = other
            .post(
                ENTRY,
                &[
                    ("name_en", "OTHER"),
                    ("documents", id),
                    ("action", "submit"),
                ],
            )
            .await;
        page.assert_status(422);
        let page = attach(
            &t,
            &other,
            &[("name_en", "OTHER"), ("documents", id)],
            vec![("documents", "x.pdf", "application/pdf", tiny_pdf())],
        )
        .await;
        page.assert_status(422);
        assert!(
            page.text_of("error-summary")
                .unwrap()
                .contains("not one of your uploads")
        );
        // Remove cannot touch it either.
        other
            .post(REMOVE, &[("name_en", "OTHER"), ("remove", id)])
            .await
            .assert_status(303);
    }
    assert!(stored(&t, &pending[0]) && stored(&t, &doc));
    assert_eq!(
        t.scalar(&format!(
            "SELECT COUNT(*) FROM uploads u JOIN users s ON s.id = u.user_id WHERE s.email = 'owner@example.jp' AND u.file_id IN ('{}', '{doc}')",
            pending[0]
        ))
        .await,
        2,
        "the owner's files are still the owner's"
    );
    owner.get(&own_link).await.assert_status(200);
}

#[tokio::test]
async fn uploads_of_abandoned_drafts_are_purged_and_filed_ones_kept() {
    let t = TestApp::spawn().await;
    let b = user(&t, "purge@example.jp").await;
    let (photo, doc, _) = file_application(&t, &b, "KAI TAN").await;
    // A new draft with a file, then abandoned until the draft expires.
    let page = landed(
        &b,
        attach(
            &t,
            &b,
            &[("name_en", "KAI TAN")],
            vec![("documents", "left.pdf", "application/pdf", tiny_pdf())],
        )
        .await,
    )
    .await;
    let left = listed(&page, "documents")[0].clone();
    assert!(stored(&t, &left));
    t.advance(std::time::Duration::from_secs(31 * 24 * 3600));
    for _ in 0..250 {
        if !stored(&t, &left) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(!stored(&t, &left), "the abandoned upload's bytes are gone");
    assert_eq!(
        t.scalar(&format!(
            "SELECT COUNT(*) FROM uploads WHERE file_id = '{left}'"
        ))
        .await,
        0
    );
    assert!(stored(&t, &photo) && stored(&t, &doc), "filed files stay");
    assert_eq!(uploads(&t).await, 2);
}

/// Modify (SPEC §9.3, "re-attach the modified facial photo and material(s)"): the form reopens
/// without the filed files; files attached anew go with the corrected application.
#[tokio::test]
async fn modify_and_resubmit_takes_the_files_attached_anew() {
    let t = TestApp::spawn().await;
    let b = user(&t, "modify@example.jp").await;
    let (photo, doc, reference) = file_application(&t, &b, "KAI TAN").await;
    // An officer sends it back (set directly here; the back office journeys test that screen).
    t.exec(&format!(
        "UPDATE applications SET status = 'in_return_process' WHERE reference_number = '{reference}'"
    ))
    .await;
    b.post(&format!("/applications/{reference}/modify"), &[])
        .await
        .assert_status(303);
    let page = b.get(ENTRY).await;
    assert_eq!(page.input_value("name_en").unwrap(), "KAI TAN");
    assert!(
        listed(&page, "photo").is_empty() && listed(&page, "documents").is_empty(),
        "the filed files are not offered as uploads in progress"
    );
    let page = landed(
        &b,
        attach(
            &t,
            &b,
            &[("name_en", "KAI TAN")],
            vec![
                ("photo", "new.jpg", "image/jpeg", jpeg_of(300, 400)),
                ("documents", "fixed.pdf", "application/pdf", tiny_pdf()),
            ],
        )
        .await,
    )
    .await;
    let (photo2, doc2) = (
        listed(&page, "photo")[0].clone(),
        listed(&page, "documents")[0].clone(),
    );
    b.post(
        ENTRY,
        &[
            ("name_en", "KAI TAN"),
            ("photo", &photo2),
            ("documents", &doc2),
            ("action", "submit"),
        ],
    )
    .await
    .assert_status(303);
    let key = b.get(CONFIRM).await.input_value("submit_key").unwrap();
    b.post(CONFIRM, &[("submit_key", &key), ("action", "submit")])
        .await
        .assert_status(303);
    let details = b.get(&format!("/applications/{reference}")).await;
    for id in [&photo, &doc, &photo2, &doc2] {
        assert!(
            details.has(&format!("/applications/{reference}/files/{id}")),
            "{id} is a file of the corrected application"
        );
    }
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM uploads WHERE application_id IS NULL")
            .await,
        0
    );
}
