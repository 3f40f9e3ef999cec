//! Where attachment bytes are kept: `object_store`, so the same calls work on a local folder today
//! and on an S3-compatible store when an installation outgrows one disk.

use crate::id::FileId;
use bytes::Bytes;
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use std::path::PathBuf;
use std::sync::Arc;

/// A file's bytes as they come out of the store, chunk by chunk (a download never holds the whole
/// file in memory).
pub type ByteStream = BoxStream<'static, Result<Bytes, FilesError>>;

/// A failure of the store itself (disk, permissions, network): never the user's doing.
#[derive(Debug, thiserror::Error)]
pub enum FilesError {
    #[error("file store: {0}")]
    Store(#[from] object_store::Error),
    #[error("file store folder {0}: {1}")]
    Folder(String, std::io::Error),
}

/// Which store to use. Only the local disk is built in: cloud back ends need `object_store`
/// features (and their dependencies) that an installation should switch on only when it uses them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreConfig {
    /// A folder on this machine (`<data_dir>/files` by default), created if missing.
    Local(PathBuf),
}

/// The attachment store. Keys are `attachments/<file id>`; the database says whose file it is,
/// what it is called and which application it belongs to. Cheap to clone.
#[derive(Debug, Clone)]
pub struct FileStore {
    inner: Arc<dyn ObjectStore>,
}

impl FileStore {
    pub fn open(config: &StoreConfig) -> Result<FileStore, FilesError> {
        match config {
            StoreConfig::Local(root) => {
                std::fs::create_dir_all(root)
                    .map_err(|e| FilesError::Folder(root.display().to_string(), e))?;
                let fs = object_store::local::LocalFileSystem::new_with_prefix(root)?;
                Ok(FileStore::with(Arc::new(fs)))
            }
        }
    }

    /// Any `object_store` back end (an S3 client, or an in-memory store).
    pub fn with(inner: Arc<dyn ObjectStore>) -> FileStore {
        FileStore { inner }
    }

    fn key(id: &FileId) -> StorePath {
        StorePath::from(format!("attachments/{id}"))
    }

    /// Stores a file whole (the local store writes a temporary file and renames it, so a reader
    /// never sees half a file).
    pub async fn put(&self, id: &FileId, bytes: Bytes) -> Result<(), FilesError> {
        self.inner
            .put(&Self::key(id), PutPayload::from_bytes(bytes))
            .await?;
        Ok(())
    }

    /// A stored file's size and bytes, or `None` when the store has no such file.
    pub async fn open_stream(&self, id: &FileId) -> Result<Option<(u64, ByteStream)>, FilesError> {
        match self.inner.get(&Self::key(id)).await {
            Ok(got) => {
                let size = got.meta.size;
                let stream = got
                    .into_stream()
                    .map(|r| r.map_err(FilesError::from))
                    .boxed();
                Ok(Some((size, stream)))
            }
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Deletes a file; a file already gone is not an error (deleting twice is safe).
    pub async fn delete(&self, id: &FileId) -> Result<(), FilesError> {
        match self.inner.delete(&Self::key(id)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn files_go_in_come_out_and_go_away() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("files");
        let store = FileStore::open(&StoreConfig::Local(root.clone())).unwrap();
        let id = FileId::generate();
        assert!(store.open_stream(&id).await.unwrap().is_none());
        store
            .put(&id, Bytes::from_static(b"%PDF-1.4 hello"))
            .await
            .unwrap();
        assert!(root.join("attachments").join(id.as_str()).is_file());
        let (size, mut stream) = store.open_stream(&id).await.unwrap().unwrap();
        assert_eq!(size, 14);
        let mut got = Vec::new();
        while let Some(chunk) = stream.next().await {
            got.extend_from_slice(&chunk.unwrap());
        }
        assert_eq!(got, b"%PDF-1.4 hello");
        store.delete(&id).await.unwrap();
        store.delete(&id).await.unwrap();
        assert!(store.open_stream(&id).await.unwrap().is_none());
    }
}
