//! Attachments (SPEC §9.3, §10.6, §10.7): where they are kept and what may be kept.
//!
//! - [`FileStore`] keeps the bytes through the `object_store` crate: a folder on the local disk by
//!   default (`<data_dir>/files`), any S3-compatible store later without touching the callers. The
//!   store holds bytes only; who owns a file and what it is called live in the database.
//! - [`Intake`] and [`inspect`] are the upload policy. A file is judged by its **content**, never by
//!   its name or the `Content-Type` the browser claimed: the first bytes say what it is (and a file
//!   of the wrong kind is refused before the rest is read), the size is counted while the bytes
//!   arrive (and a file over its allowance is refused the moment it crosses it), and only then is
//!   the whole file parsed — a PDF must load as ISO 32000-1 without security settings, a JPEG must
//!   decode and, for the facial photo, be portrait 4:3.
//! - [`FileId`] names a stored file: 128 random bits, so an id cannot be guessed; every lookup is
//!   still scoped by its owner in the database.

#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
mod id;
mod name;
mod policy;
mod store;

pub use id::FileId;
pub use name::{content_disposition, safe_name};
pub use policy::{
    ASPECT_TOLERANCE, Checked, Intake, Kind, MAX_FILES, MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS,
    MAX_TOTAL_BYTES, Refusal, inspect, sniff,
};
pub use store::{ByteStream, FileStore, FilesError, StoreConfig};
