//! `dostyk serve`: the local preview. The built site lives in memory ([`files`]), the rebuild
//! loop and the HTTP workers share it through [`live`], and [`http`] serves it under the
//! published base path, with a live-reload script injected into HTML responses only.

pub mod files;
pub mod http;
pub mod live;
