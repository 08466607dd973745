//! Index: taxonomies and listings, feeds, sitemap, the search index and the regional
//! learning index. Only documents visible to the build's audience ever reach this stage.

pub mod feed;
pub mod learning;
pub mod search;
pub mod taxonomy;
