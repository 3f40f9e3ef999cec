//! Small files built in code for tests (this crate's and the journeys through `zairyu-testkit`),
//! so no binary fixture is committed. Compiled only for tests and with the `fixtures` feature,
//! which only the test kit switches on.
// Test support: a fixture that cannot be built is a broken test, and should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

/// A one-page PDF 1.4 with a correct cross-reference table and a file identifier. `filler` bytes
/// of comment lines make it as large as a test needs (a comment is legal anywhere between objects).
pub fn pdf_with_filler(filler: usize) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let line = [b"%".as_slice(), &[b'x'; 98], b"\n"].concat();
    while out.len() < filler {
        out.extend_from_slice(&line);
    }
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    let id = "<00112233445566778899aabbccddeeff>";
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /ID [{id} {id}] >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A tiny valid PDF.
pub fn tiny_pdf() -> Vec<u8> {
    pdf_with_filler(0)
}

/// The tiny PDF encrypted (RC4 128-bit, nothing permitted). With an empty `user_password` it
/// opens without a password but forbids printing and copying.
pub fn encrypted_pdf(user_password: &str) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(&tiny_pdf()).expect("the tiny PDF loads");
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::empty(),
    })
    .expect("encryption state");
    doc.encrypt(&state).expect("encrypt");
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

/// A grey JPEG of this size.
pub fn jpeg_of(width: u16, height: u16) -> Vec<u8> {
    let pixels = vec![128u8; usize::from(width) * usize::from(height) * 3];
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 80)
        .encode(&pixels, width, height, jpeg_encoder::ColorType::Rgb)
        .expect("encode");
    out
}
