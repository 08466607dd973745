//! Static search index (chunked inverted index) and its browser client. See issue 5.
