//! Render: documents to pages. Markdown through pulldown-cmark and ammonia, pages through
//! Tera templates (the site's `layouts/` over the default theme compiled into the binary).

pub mod markdown;
pub mod templates;
pub mod view;
