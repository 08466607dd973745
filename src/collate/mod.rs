//! `learnsite collate`: a regional site from many boards' learning indexes. See issue 6.
