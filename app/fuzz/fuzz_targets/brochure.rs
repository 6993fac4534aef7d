//! A brochure upload: the bytes of the file, as the staff's upload hands them to `check_brochure`.
//!
//! Beyond "does not panic": what is accepted starts as a PDF and ends with its end marker, and an
//! accepted file with JavaScript, a launch action or encryption added at its end (even with the
//! name's letters escaped, `/J#53`) is refused for it.
#![no_main]

use app::server::media::{self, MediaError};
use libfuzzer_sys::fuzz_target;

/// What a tampered copy adds, and what it must then be refused for.
const ADDED: [(&[u8], MediaError); 4] = [
    (b"\n<< /S /JavaScript /JS (app.alert(1)) >>\n%%EOF\n", MediaError::ActivePdf),
    (b"\n<< /J#53 (x) >>\n%%EOF\n", MediaError::ActivePdf),
    (b"\n<< /S /Launch /F (cmd.exe) >>\n%%EOF\n", MediaError::ActivePdf),
    (b"\ntrailer << /Encrypt 5 0 R >>\n%%EOF\n", MediaError::EncryptedPdf),
];

fuzz_target!(|bytes: &[u8]| {
    let is_pdf = bytes.starts_with(b"%PDF-1.") || bytes.starts_with(b"%PDF-2.");
    match media::check_brochure(bytes) {
        Err(MediaError::Empty) => assert!(bytes.is_empty()),
        Err(MediaError::NotAPdf) => assert!(!is_pdf),
        Err(MediaError::TruncatedPdf) => assert!(is_pdf),
        Err(MediaError::EncryptedPdf | MediaError::ActivePdf) => assert!(is_pdf),
        Err(other) => panic!("a brochure refused for a reason that is not a brochure's: {other:?}"),
        Ok(()) => {
            assert!(is_pdf);
            let tail = &bytes[bytes.len().saturating_sub(1024)..];
            assert!(tail.windows(5).any(|w| w == b"%%EOF"), "accepted without its end marker");
            for (added, refusal) in ADDED {
                let tampered = [bytes, added].concat();
                assert_eq!(
                    media::check_brochure(&tampered),
                    Err(refusal.clone()),
                    "an accepted brochure with {:?} added",
                    String::from_utf8_lossy(added)
                );
            }
        }
    }
});
