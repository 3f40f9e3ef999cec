//! The ceiling for the top page benchmark: an axum server with no database, no middleware and no
//! template, answering `GET /` with the bytes the real top page returned (captured by
//! `bench/run.sh`). Whatever the real server does beyond this is what the ratio measures.
//!
//! Usage: `bare-top ADDR FILE [PATH=FILE …]`, e.g. `bare-top 127.0.0.1:18081 /tmp/top.html
//! /procedures=/tmp/procedures.html /applications=/tmp/applications.html`: `GET /` answers the
//! first file, each `PATH` its own (the query string is ignored, as a route ignores it).

use axum::Router;
use axum::body::Bytes;
use axum::http::header;
use axum::routing::get;
use std::error::Error;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(addr), Some(file)) = (args.next(), args.next()) else {
        return Err("usage: bare-top ADDR FILE [PATH=FILE …]".into());
    };
    let mut pages = vec![("/".to_owned(), file.clone())];
    for extra in args {
        let Some((path, f)) = extra.split_once('=') else {
            return Err(format!("{extra}: expected PATH=FILE").into());
        };
        pages.push((path.to_owned(), f.to_owned()));
    }
    let mut app = Router::new();
    for (path, f) in pages {
        let body = Bytes::from(std::fs::read(&f).map_err(|e| format!("{f}: {e}"))?);
        app = app.route(
            &path,
            get(move || {
                let body = body.clone();
                async move { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body) }
            }),
        );
    }
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .map_err(|e| format!("{addr}: {e}"))?;
    eprintln!("bare-top: serving {file} on http://{addr}/");
    axum::serve(listener, app).await?;
    Ok(())
}
