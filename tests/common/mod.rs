//! Helpers shared by the integration tests, by concern:
//!
//! - [`repo`]: the repository's own project, built into a temporary folder, and its `content/`
//!   read independently of the generator;
//! - [`fixture`]: small fixture sites written from strings into temporary folders;
//! - [`html`]: reading a built site back (files, pages, what list pages show);
//! - [`links`]: checking every link of a built site;
//! - [`tools`]: [`require_tool`], which every test that needs an outside tool goes through;
//! - [`browser`]: the browser tests' Chromium and Node.js;
//! - [`search`]: queries run with Pagefind's own search code, in Node.js.
//!
//! Each test binary uses only some of these, hence the `dead_code` and `unused_imports`
//! allowances.
#![allow(dead_code, unused_imports)]

mod browser;
mod fixture;
mod html;
mod links;
mod photos;
mod repo;
mod search;
mod tools;

pub(crate) use browser::*;
pub(crate) use fixture::*;
pub(crate) use html::*;
pub(crate) use links::*;
pub(crate) use photos::*;
pub(crate) use repo::*;
pub(crate) use search::*;
pub(crate) use tools::*;
