//! Attachment uploads, streamed. Every other body is read whole by the context middleware, within a
//! small limit, so it can check the CSRF token; an attachment request may carry 25 MB of files, so
//! its route reads the body itself, part by part, and judges each file while its bytes arrive.
//!
//! The CSRF check is not skipped, only moved: [`StreamedForm`] is the only way a handler gets such
//! a body, and it yields nothing until the token — the `X-CSRF-Token` header, or else the **first**
//! part, which is where the entry form's hidden `csrf` input puts it — has been checked.

use crate::ctx::Ctx;
use crate::error::{ErrorKind, WebError};
use crate::middleware::{CSRF_FIELD, CSRF_HEADER};
use axum::extract::{FromRequest, Request};
use zairyu_app::attachments::{Batch, MAX_TOTAL_BYTES};
use zairyu_app::secret::same;

/// The most an attachment request may send. Files are refused as soon as they pass their own
/// allowance (at most 25 MB in all), and their remaining bytes are read and dropped, so that the
/// browser gets the page that says so instead of a reset connection; past this bound the request
/// is cut short (a body announced as larger is refused before anything is read).
pub const REQUEST_LIMIT: u64 = MAX_TOTAL_BYTES + 39 * 1024 * 1024;

/// At most this many parts (fields and files) in one request.
const MAX_PARTS: usize = 5000;

/// Whether a POST to `path` is a streamed upload (the middleware leaves its body alone).
pub fn streams_itself(path: &str) -> bool {
    path.starts_with("/procedures/") && path.ends_with("/files/attach")
}

/// A `multipart/form-data` body whose CSRF token has been checked; the rest is still unread.
pub struct StreamedForm(multer::Multipart<'static>);

impl<S: Send + Sync> FromRequest<S> for StreamedForm {
    type Rejection = WebError;

    async fn from_request(req: Request, _: &S) -> Result<Self, Self::Rejection> {
        let ctx = req
            .extensions()
            .get::<Ctx>()
            .cloned()
            .ok_or(WebError(ErrorKind::Internal))?;
        let headers = req.headers();
        let announced = headers
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if announced.is_some_and(|n| n > REQUEST_LIMIT) {
            return Err(WebError(ErrorKind::TooLarge));
        }
        let header_ok = headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| same(t, &ctx.csrf));
        let boundary = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| multer::parse_boundary(v).ok())
            .ok_or(WebError(ErrorKind::BadRequest))?;
        let limits = multer::Constraints::new()
            .size_limit(multer::SizeLimit::new().whole_stream(REQUEST_LIMIT));
        let mut mp = multer::Multipart::with_constraints(
            req.into_body().into_data_stream(),
            boundary,
            limits,
        );
        if !header_ok {
            let token = match mp.next_field().await {
                Ok(Some(field)) if field.name() == Some(CSRF_FIELD) => {
                    read_text(field, 256).await.unwrap_or_default()
                }
                _ => String::new(),
            };
            if !same(&token, &ctx.csrf) {
                tracing::warn!("CSRF token missing or wrong on an upload");
                return Err(WebError(ErrorKind::Csrf));
            }
        }
        Ok(StreamedForm(mp))
    }
}

/// A text part, whole, if it has at most `limit` bytes of UTF-8.
async fn read_text(mut field: multer::Field<'static>, limit: usize) -> Option<String> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.ok()? {
        if bytes.len() + chunk.len() > limit {
            return None;
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).ok()
}

/// What an attachment request brought besides its files.
pub struct Posted {
    /// The form's other fields, as a url-encoded form would have sent them.
    pub pairs: Vec<(String, String)>,
    /// The request passed [`REQUEST_LIMIT`] and was cut short: fields after that point are lost.
    pub cut_short: bool,
}

/// Why reading stopped early: the request passed [`REQUEST_LIMIT`] (what was read so far is kept),
/// or the body is not a well-formed multipart body.
enum Stop {
    Cut,
    Bad(WebError),
}

fn stop(e: multer::Error) -> Stop {
    match e {
        multer::Error::StreamSizeExceeded { .. } => Stop::Cut,
        _ => Stop::Bad(WebError(ErrorKind::BadRequest)),
    }
}

/// Reads the rest of a streamed form: files (parts named `file:<slot>`) go through `batch`, which
/// judges each as it arrives; every other part is a field, at most `text_limit` bytes in all.
pub async fn read(
    StreamedForm(mut mp): StreamedForm,
    batch: &mut Batch,
    text_limit: usize,
) -> Result<Posted, WebError> {
    let mut pairs = Vec::new();
    match read_parts(&mut mp, batch, text_limit, &mut pairs).await {
        Ok(()) => Ok(Posted {
            pairs,
            cut_short: false,
        }),
        Err(Stop::Cut) => Ok(Posted {
            pairs,
            cut_short: true,
        }),
        Err(Stop::Bad(e)) => Err(e),
    }
}

async fn read_parts(
    mp: &mut multer::Multipart<'static>,
    batch: &mut Batch,
    text_limit: usize,
    pairs: &mut Vec<(String, String)>,
) -> Result<(), Stop> {
    let mut text_bytes = 0usize;
    let mut parts = 0usize;
    while let Some(mut field) = mp.next_field().await.map_err(stop)? {
        parts += 1;
        if parts > MAX_PARTS {
            return Err(Stop::Bad(WebError(ErrorKind::BadRequest)));
        }
        let name = field.name().unwrap_or_default().to_owned();
        if let Some(slot) = name.strip_prefix("file:") {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let mut intake = batch.intake(slot);
            let mut refused = None;
            let mut empty = true;
            while let Some(chunk) = field.chunk().await.map_err(stop)? {
                empty &= chunk.is_empty();
                // Once refused, the rest of the file is read and dropped: nothing more is kept.
                if let (Some(i), None) = (intake.as_mut(), &refused)
                    && let Err(r) = i.push(&chunk)
                {
                    refused = Some(r);
                }
            }
            // A file input left empty still sends a part, with no name and no bytes.
            if empty && file_name.is_empty() {
                continue;
            }
            if let Some(intake) = intake {
                let result = match refused {
                    Some(r) => Err(r),
                    None => intake.finish(),
                };
                batch.received(slot, &file_name, result);
            }
        } else {
            let mut value = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(stop)? {
                text_bytes += chunk.len();
                if text_bytes > text_limit {
                    return Err(Stop::Bad(WebError(ErrorKind::TooLarge)));
                }
                value.extend_from_slice(&chunk);
            }
            let value =
                String::from_utf8(value).map_err(|_| Stop::Bad(WebError(ErrorKind::BadRequest)))?;
            pairs.push((name, value));
        }
    }
    Ok(())
}
