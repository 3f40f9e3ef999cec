//! Form bodies. The context middleware reads every url-encoded body once (it must, to check the CSRF
//! token) and hands the fields on, so handlers never meet a body-parsing rejection: a missing field is
//! simply empty and gets its "required" message on the page.

/// The fields of a submitted form, in order.
#[derive(Debug, Clone, Default)]
pub struct FormData(pub Vec<(String, String)>);

impl FormData {
    /// The first value of a field, or "" when absent.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}

/// One part of a `multipart/form-data` body (a file upload), read by the context middleware.
#[derive(Debug, Clone, Default)]
pub struct Part {
    pub name: String,
    pub file_name: Option<String>,
    pub bytes: Vec<u8>,
}

/// The parts of a multipart body, in order.
#[derive(Debug, Clone, Default)]
pub struct Upload(pub Vec<Part>);

impl Upload {
    pub fn part(&self, name: &str) -> Option<&Part> {
        self.0.iter().find(|p| p.name == name)
    }
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Upload {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Upload>()
            .cloned()
            .unwrap_or_default())
    }
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for FormData {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<FormData>()
            .cloned()
            .unwrap_or_default())
    }
}
