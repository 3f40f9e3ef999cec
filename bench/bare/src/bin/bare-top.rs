//! The ceiling for the top page benchmark: an axum server with no database, no middleware and no
//! template, answering `GET /` with the bytes the real top page returned (captured by
//! `bench/run.sh`). Whatever the real server does beyond this is what the ratio measures.
//!
//! Usage: `bare-top ADDR FILE`, e.g. `bare-top 127.0.0.1:18081 /tmp/top.html`.

use axum::Router;
use axum::body::Bytes;
use axum::http::header;
use axum::routing::get;
use std::error::Error;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(addr), Some(file), None) = (args.next(), args.next(), args.next()) else {
        return Err("usage: bare-top ADDR FILE".into());
    };
    let body = Bytes::from(std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?);
    let app = Router::new().route(
        "/",
        get(move || {
            let body = body.clone();
            async move { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body) }
        }),
    );
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .map_err(|e| format!("{addr}: {e}"))?;
    eprintln!("bare-top: serving {file} on http://{addr}/");
    axum::serve(listener, app).await?;
    Ok(())
}
