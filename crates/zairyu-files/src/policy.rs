//! The upload policy (SPEC §10.6, §10.7), judged by content.
//!
//! An upload passes two gates. [`Intake`] sees the bytes as they arrive: the first few say what the
//! file is (a file of a kind the slot does not take is refused at once, before the rest is read),
//! and the count says whether it still fits (refused the moment it crosses its allowance). Then
//! [`inspect`] parses the whole file: CPU work, meant for a blocking thread.

/// What a file is, by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A PDF document (attachments, SPEC §10.7).
    Pdf,
    /// A JPEG image (the facial photo, SPEC §10.6).
    Jpeg,
}

impl Kind {
    /// The media type the file is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            Kind::Pdf => "application/pdf",
            Kind::Jpeg => "image/jpeg",
        }
    }

    /// The code kept in the database.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Jpeg => "jpeg",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        match code {
            "pdf" => Some(Kind::Pdf),
            "jpeg" => Some(Kind::Jpeg),
            _ => None,
        }
    }

    /// File name extensions of this kind, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Pdf => &["pdf"],
            Kind::Jpeg => &["jpg", "jpeg"],
        }
    }
}

/// At most this many files per application, the facial photo included (SPEC §10.7).
pub const MAX_FILES: usize = 20;
/// At most this many bytes per application, all files together (SPEC §10.7: 25 MB, read as MiB).
pub const MAX_TOTAL_BYTES: u64 = 25 * 1024 * 1024;
/// At most this many bytes for the facial photo. The manuals give no figure; a 4:3 portrait photo
/// of ample quality is well under 1 MB, so 5 MB leaves room without letting one photo take a fifth
/// of the application's allowance.
pub const MAX_PHOTO_BYTES: u64 = 5 * 1024 * 1024;
/// At most this many pixels in a photo, checked from the header before decoding, so a small file
/// that claims to be enormous cannot make the server allocate gigabytes.
pub const MAX_PHOTO_PIXELS: u64 = 40_000_000;
/// How far a photo's height:width may be from 4:3 (2 %): cameras and cropping tools round, so
/// 300 × 401 or 600 × 797 pixels pass, while 3:2, 1:1 and landscape photos do not.
pub const ASPECT_TOLERANCE: f64 = 0.02;
/// Bounds what one compressed stream inside a PDF may inflate to while it is parsed.
const MAX_PDF_STREAM: usize = 64 * 1024 * 1024;

/// Why a file was refused. Each has its own message (`message_key`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing was in the file.
    Empty,
    /// The content is not of a kind the slot takes; `found` is what it is, when it is a kind known here.
    WrongKind {
        accept: Vec<Kind>,
        found: Option<Kind>,
    },
    /// A photo over [`MAX_PHOTO_BYTES`].
    PhotoTooLarge,
    /// The file would take the application past [`MAX_TOTAL_BYTES`].
    OverTotal,
    /// The PDF has security settings: a password, or limits on printing or copying.
    PdfEncrypted,
    /// The PDF does not load as ISO 32000-1 (PDF 1.0–1.7): damaged, cut short, or not a PDF.
    PdfInvalid,
    /// The JPEG does not decode.
    JpegInvalid,
    /// The photo has more than [`MAX_PHOTO_PIXELS`] pixels.
    PhotoTooManyPixels,
    /// The photo is not portrait 4:3 (width and height as displayed).
    PhotoAspect { width: u32, height: u32 },
}

impl Refusal {
    /// The translation key of the message (locales/*/attachments.ftl). Every message takes
    /// `$file` (the file's name); `PhotoAspect` also `$width` and `$height`.
    pub fn message_key(&self) -> &'static str {
        match self {
            Refusal::Empty => "attach-err-empty",
            Refusal::WrongKind { accept, found } => match (accept.as_slice(), found) {
                ([Kind::Pdf], Some(Kind::Jpeg)) => "attach-err-jpeg-not-pdf",
                ([Kind::Pdf], _) => "attach-err-not-pdf",
                ([Kind::Jpeg], Some(Kind::Pdf)) => "attach-err-pdf-not-jpeg",
                ([Kind::Jpeg], _) => "attach-err-not-jpeg",
                _ => "attach-err-not-pdf-or-jpeg",
            },
            Refusal::PhotoTooLarge => "attach-err-photo-too-large",
            Refusal::OverTotal => "attach-err-over-total",
            Refusal::PdfEncrypted => "attach-err-pdf-encrypted",
            Refusal::PdfInvalid => "attach-err-pdf-invalid",
            Refusal::JpegInvalid => "attach-err-jpeg-invalid",
            Refusal::PhotoTooManyPixels => "attach-err-photo-pixels",
            Refusal::PhotoAspect { .. } => "attach-err-photo-aspect",
        }
    }
}

/// What the first bytes say the file is. PDF files start with `%PDF-` (ISO 32000-1 §7.5.2; a
/// header anywhere later is a tolerance of some readers that we do not extend), JPEG files with
/// the SOI marker and the start of another marker (`FF D8 FF`).
pub fn sniff(head: &[u8]) -> Option<Kind> {
    if head.starts_with(b"%PDF-") {
        Some(Kind::Pdf)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Kind::Jpeg)
    } else {
        None
    }
}

/// Bytes enough to sniff.
const HEAD: usize = 5;

/// One file arriving, chunk by chunk.
#[derive(Debug)]
pub struct Intake {
    accept: Vec<Kind>,
    allowance: u64,
    kind: Option<Kind>,
    bytes: Vec<u8>,
}

impl Intake {
    /// A file for a slot that takes `accept`, which may add at most `allowance` bytes to the
    /// application (what is left of [`MAX_TOTAL_BYTES`]).
    pub fn new(accept: &[Kind], allowance: u64) -> Intake {
        Intake {
            accept: accept.to_vec(),
            allowance,
            kind: None,
            bytes: Vec::new(),
        }
    }

    /// Takes the next chunk. An error means: stop reading this file, it is refused.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), Refusal> {
        let len = self.bytes.len() as u64 + chunk.len() as u64;
        if self.kind.is_none() && len >= HEAD as u64 {
            let mut head = self.bytes.clone();
            head.extend_from_slice(&chunk[..chunk.len().min(HEAD)]);
            self.kind = Some(self.judge(&head)?);
        }
        if self.kind == Some(Kind::Jpeg) && len > MAX_PHOTO_BYTES {
            return Err(Refusal::PhotoTooLarge);
        }
        if len > self.allowance {
            return Err(Refusal::OverTotal);
        }
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    fn judge(&self, head: &[u8]) -> Result<Kind, Refusal> {
        match sniff(head) {
            Some(k) if self.accept.contains(&k) => Ok(k),
            found => Err(Refusal::WrongKind {
                accept: self.accept.clone(),
                found,
            }),
        }
    }

    /// The whole file, once its last chunk is in: its kind and bytes (not yet inspected).
    pub fn finish(self) -> Result<(Kind, Vec<u8>), Refusal> {
        if self.bytes.is_empty() {
            return Err(Refusal::Empty);
        }
        let kind = match self.kind {
            Some(k) => k,
            None => self.judge(&self.bytes)?,
        };
        Ok((kind, self.bytes))
    }
}

/// What inspection found out about an accepted file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub kind: Kind,
    /// Pixels of a photo as displayed (width, height); `None` for PDFs.
    pub dimensions: Option<(u32, u32)>,
}

/// Parses a whole file of the kind its first bytes gave. CPU-bound (a large PDF takes a while):
/// call it on a blocking thread.
pub fn inspect(kind: Kind, bytes: &[u8]) -> Result<Checked, Refusal> {
    match kind {
        Kind::Pdf => pdf(bytes).map(|()| Checked {
            kind,
            dimensions: None,
        }),
        Kind::Jpeg => jpeg(bytes).map(|d| Checked {
            kind,
            dimensions: Some(d),
        }),
    }
}

fn pdf(bytes: &[u8]) -> Result<(), Refusal> {
    // ISO 32000-1 is PDF 1.7; it covers 1.0 to 1.7. PDF 2.0 is ISO 32000-2.
    let version_ok =
        bytes.len() > 8 && bytes.starts_with(b"%PDF-1.") && (b'0'..=b'7').contains(&bytes[7]);
    // §7.5.5: the last line of the file holds `%%EOF`. A file cut short in transfer loses it.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let ends_well = tail.windows(5).any(|w| w == b"%%EOF");
    let declares_encryption = || bytes.windows(8).any(|w| w == b"/Encrypt");
    if !version_ok || !ends_well {
        return Err(if declares_encryption() {
            Refusal::PdfEncrypted
        } else {
            Refusal::PdfInvalid
        });
    }
    let options = lopdf::LoadOptions {
        // Strict: a damaged cross-reference table is a refusal, not something to repair.
        strict: true,
        max_decompressed_size: Some(MAX_PDF_STREAM),
        ..lopdf::LoadOptions::default()
    };
    match lopdf::Document::load_mem_with_options(bytes, options) {
        // A file that opens without a password but restricts printing or copying is encrypted
        // all the same (with an empty user password), and lopdf decrypts it on load.
        Ok(doc) if doc.was_encrypted() || doc.is_encrypted() => Err(Refusal::PdfEncrypted),
        Ok(doc) if doc.get_pages().is_empty() => Err(Refusal::PdfInvalid),
        Ok(_) => Ok(()),
        Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword) => {
            Err(Refusal::PdfEncrypted)
        }
        Err(_) if declares_encryption() => Err(Refusal::PdfEncrypted),
        Err(_) => Err(Refusal::PdfInvalid),
    }
}

fn jpeg(bytes: &[u8]) -> Result<(u32, u32), Refusal> {
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    decoder.read_info().map_err(|_| Refusal::JpegInvalid)?;
    let info = decoder.info().ok_or(Refusal::JpegInvalid)?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    if w == 0 || h == 0 {
        return Err(Refusal::JpegInvalid);
    }
    if u64::from(w) * u64::from(h) > MAX_PHOTO_PIXELS {
        return Err(Refusal::PhotoTooManyPixels);
    }
    decoder.set_max_decoding_buffer_size((MAX_PHOTO_PIXELS * 4) as usize);
    decoder.decode().map_err(|_| Refusal::JpegInvalid)?;
    // Phones store many portrait photos as landscape pixels plus an EXIF note to turn them; the
    // photo as displayed is what must be 4:3.
    let (w, h) = match decoder.exif_data().and_then(exif_orientation) {
        Some(5..=8) => (h, w),
        _ => (w, h),
    };
    if !portrait_four_three(w, h) {
        return Err(Refusal::PhotoAspect {
            width: w,
            height: h,
        });
    }
    Ok((w, h))
}

/// Height:width is 4:3 within [`ASPECT_TOLERANCE`].
fn portrait_four_three(width: u32, height: u32) -> bool {
    let want = f64::from(width) * 4.0 / 3.0;
    (f64::from(height) - want).abs() <= want * ASPECT_TOLERANCE
}

/// The EXIF Orientation tag (0x0112) of IFD0, from TIFF data as jpeg-decoder hands it over.
fn exif_orientation(tiff: &[u8]) -> Option<u16> {
    let big = match tiff.get(..2)? {
        b"MM" => true,
        b"II" => false,
        _ => return None,
    };
    let u16_at = |i: usize| -> Option<u16> {
        let b: [u8; 2] = tiff.get(i..i + 2)?.try_into().ok()?;
        Some(if big {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    };
    let u32_at = |i: usize| -> Option<u32> {
        let b: [u8; 4] = tiff.get(i..i + 4)?.try_into().ok()?;
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let entries = usize::from(u16_at(ifd)?);
    (0..entries.min(512)).find_map(|n| {
        let at = ifd + 2 + n * 12;
        (u16_at(at)? == 0x0112).then(|| u16_at(at + 8)).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{encrypted_pdf, jpeg_of, tiny_pdf};

    fn take(accept: &[Kind], bytes: &[u8], chunk: usize) -> Result<Checked, Refusal> {
        let mut intake = Intake::new(accept, MAX_TOTAL_BYTES);
        for c in bytes.chunks(chunk) {
            intake.push(c)?;
        }
        let (kind, bytes) = intake.finish()?;
        inspect(kind, &bytes)
    }

    #[test]
    fn a_valid_pdf_and_a_4_3_photo_pass() {
        assert_eq!(take(&[Kind::Pdf], &tiny_pdf(), 3).unwrap().kind, Kind::Pdf);
        let photo = take(&[Kind::Jpeg], &jpeg_of(300, 400), 1000).unwrap();
        assert_eq!(photo.dimensions, Some((300, 400)));
        // Within the tolerance.
        assert!(take(&[Kind::Jpeg], &jpeg_of(600, 797), 4096).is_ok());
    }

    #[test]
    fn the_content_decides_not_the_name() {
        assert_eq!(
            take(&[Kind::Jpeg], &tiny_pdf(), 2),
            Err(Refusal::WrongKind {
                accept: vec![Kind::Jpeg],
                found: Some(Kind::Pdf)
            })
        );
        let refusal = take(&[Kind::Pdf], &jpeg_of(30, 40), 7).unwrap_err();
        assert_eq!(refusal.message_key(), "attach-err-jpeg-not-pdf");
        let refusal = take(&[Kind::Pdf], b"GIF89a....", 100).unwrap_err();
        assert_eq!(refusal.message_key(), "attach-err-not-pdf");
        assert_eq!(take(&[Kind::Pdf], b"", 1), Err(Refusal::Empty));
        assert_eq!(
            take(&[Kind::Pdf], b"%P", 1).unwrap_err().message_key(),
            "attach-err-not-pdf"
        );
    }

    #[test]
    fn a_wrong_kind_is_refused_from_its_first_bytes() {
        let mut intake = Intake::new(&[Kind::Pdf], MAX_TOTAL_BYTES);
        assert!(intake.push(&[0xFF, 0xD8]).is_ok());
        assert!(
            intake.push(&[0xFF, 0xE0, 0, 0]).is_err(),
            "refused before the rest arrives"
        );
    }

    #[test]
    fn sizes_are_enforced_as_the_bytes_arrive() {
        let mut intake = Intake::new(&[Kind::Pdf], 10);
        assert!(intake.push(b"%PDF-1.4\n").is_ok());
        assert_eq!(intake.push(b"xx"), Err(Refusal::OverTotal));
        let mut photo = Intake::new(&[Kind::Jpeg], MAX_TOTAL_BYTES);
        photo.push(&[0xFF, 0xD8, 0xFF, 0xE0, 0]).unwrap();
        let mb = vec![0u8; 1024 * 1024];
        for _ in 0..4 {
            photo.push(&mb).unwrap();
        }
        assert_eq!(photo.push(&mb), Err(Refusal::PhotoTooLarge));
    }

    #[test]
    fn encrypted_pdfs_are_refused_with_or_without_a_password_to_open() {
        assert_eq!(
            take(&[Kind::Pdf], &encrypted_pdf("secret"), 512),
            Err(Refusal::PdfEncrypted)
        );
        // Opens without a password, but printing and copying are restricted.
        assert_eq!(
            take(&[Kind::Pdf], &encrypted_pdf(""), 512),
            Err(Refusal::PdfEncrypted)
        );
    }

    #[test]
    fn damaged_pdfs_are_refused() {
        let good = tiny_pdf();
        assert_eq!(
            take(&[Kind::Pdf], &good[..good.len() / 2], 64),
            Err(Refusal::PdfInvalid)
        );
        let mut garbage = b"%PDF-1.7\n".to_vec();
        garbage.extend(std::iter::repeat_n(b'#', 500));
        garbage.extend_from_slice(b"\n%%EOF\n");
        assert_eq!(take(&[Kind::Pdf], &garbage, 64), Err(Refusal::PdfInvalid));
        let mut two = good.clone();
        two[5..8].copy_from_slice(b"2.0");
        assert_eq!(
            take(&[Kind::Pdf], &two, 64),
            Err(Refusal::PdfInvalid),
            "PDF 2.0 is not ISO 32000-1"
        );
        // A cross-reference table pointing to the wrong places: repaired by lenient readers, refused here.
        let text = String::from_utf8(good).unwrap();
        let broken = text.replacen("0000000009 00000 n", "0000000001 00000 n", 1);
        assert_eq!(
            take(&[Kind::Pdf], broken.as_bytes(), 64),
            Err(Refusal::PdfInvalid)
        );
    }

    #[test]
    fn photos_must_be_portrait_4_3_and_decode() {
        assert_eq!(
            take(&[Kind::Jpeg], &jpeg_of(400, 300), 4096),
            Err(Refusal::PhotoAspect {
                width: 400,
                height: 300
            })
        );
        assert_eq!(
            take(&[Kind::Jpeg], &jpeg_of(300, 300), 4096)
                .unwrap_err()
                .message_key(),
            "attach-err-photo-aspect"
        );
        let good = jpeg_of(300, 400);
        assert_eq!(
            take(&[Kind::Jpeg], &good[..good.len() / 2], 4096),
            Err(Refusal::JpegInvalid)
        );
        assert_eq!(
            take(&[Kind::Jpeg], &[0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], 4096),
            Err(Refusal::JpegInvalid)
        );
    }

    #[test]
    fn exif_orientation_turns_the_photo() {
        // Little-endian TIFF, IFD0 at 8 with one entry: Orientation (SHORT) = 6.
        let tiff = [
            b'I', b'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0,
            0,
        ];
        assert_eq!(exif_orientation(&tiff), Some(6));
        assert_eq!(exif_orientation(b"MM\0*"), None);
        assert!(portrait_four_three(300, 400));
        assert!(!portrait_four_three(400, 300));
    }
}
