//! Journeys through the front door: the real server on a random port, a fresh database per test
//! (SQLite, or PostgreSQL with `ZAIRYU_TEST_DB=postgres`), real HTTP with cookies. One test binary
//! for the whole suite, so the workspace links few test executables.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod applications;
mod entry;
mod login;
mod mail;
mod mypage;
mod notification;
mod portal;
mod procedures;
mod recovery;
mod registration;
mod saving;
mod security;
mod seeding;
