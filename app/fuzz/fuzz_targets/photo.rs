//! A photo upload: the bytes of the file, as the staff's upload hands them to `process_photo`.
//! Inputs are kept small by `.ci/fuzz` (`-max_len`), and libFuzzer's memory and time limits stand
//! for the decompression bombs the size checks must stop.
//!
//! Beyond "does not panic": only what the sniffer calls a photo is decoded; an accepted photo
//! yields two JPEG renditions that fit their sizes, are never upscaled and keep the long side
//! proportions; the checksum is the large rendition's; and a rendition passes the same checks
//! again, keeping its size.
#![no_main]

use app::server::media::{self, MediaError};
use image::{ImageFormat, ImageReader};
use libfuzzer_sys::fuzz_target;
use std::io::Cursor;

fuzz_target!(|bytes: &[u8]| {
    let sniffed = media::sniff_photo(bytes);
    match media::process_photo(bytes) {
        Err(MediaError::Empty) => assert!(bytes.is_empty()),
        Err(MediaError::NotAPhoto) => assert_eq!(sniffed, None),
        // Measured or decoded only once sniffed as a photo.
        Err(MediaError::TooManyPixels(..) | MediaError::BrokenImage) => assert!(sniffed.is_some()),
        Err(other) => panic!("a photo refused for a reason that is not a photo's: {other:?}"),
        Ok(photo) => {
            let format = sniffed.expect("only a sniffed photo is decoded");
            let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
                .into_dimensions()
                .expect("an accepted photo has dimensions");
            let long = |w: u32, h: u32| w.max(h);
            let (large, small) = (&photo.large, &photo.small);
            assert!(large.width >= 1 && large.height >= 1 && small.width >= 1 && small.height >= 1);
            assert_eq!(long(large.width, large.height), long(width, height).min(media::LARGE_SIDE));
            assert_eq!(
                long(small.width, small.height),
                long(large.width, large.height).min(media::SMALL_SIDE)
            );
            for rendition in [large, small] {
                assert_eq!(media::sniff_photo(&rendition.bytes), Some(ImageFormat::Jpeg));
            }
            assert_eq!(photo.sha256, media::sha256(&large.bytes));
            let again = media::process_photo(&large.bytes).expect("a rendition is a valid photo");
            assert_eq!((again.large.width, again.large.height), (large.width, large.height));
        }
    }
});
