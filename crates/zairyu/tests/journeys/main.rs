//! Journeys through the front door: the real server on a random port, a fresh database per test
//! (SQLite, or PostgreSQL with `ZAIRYU_TEST_DB=postgres`), real HTTP with cookies. One test binary
//! for the whole suite, so the workspace links few test executables.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod applications;
mod attachments;
mod back_office;
mod back_office_admin;
mod entry;
mod identity;
mod languages;
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
