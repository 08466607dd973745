//! Fuzz target: `learnsite::untrusted::document` on arbitrary bytes (read as UTF-8, invalid
//! sequences replaced, as learnsite reports and skips a file that is not UTF-8).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(broken) = learnsite::untrusted::document(&text) {
        panic!("{broken}");
    }
});
