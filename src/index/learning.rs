//! The regional learning index export (learning-index.json / .csv). See issue 6.
