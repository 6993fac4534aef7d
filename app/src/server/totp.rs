//! Time-based one-time passwords (RFC 6238 over RFC 4226), as every authenticator app computes
//! them: HMAC-SHA-1, 30-second steps, six digits. Pure functions; the database side (enrolment,
//! replay protection, recovery codes) is in [`super::second_factor`].

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// Seconds in one time step.
pub const STEP_SECONDS: i64 = 30;
/// Digits in a code.
pub const DIGITS: u32 = 6;
/// Steps either side of now whose code is still accepted, for clocks that drift and for the
/// time it takes to type a code.
pub const WINDOW: i64 = 1;
/// Bytes of a new secret (160 bits, as RFC 4226 recommends).
pub const SECRET_BYTES: usize = 20;

/// A new random secret.
pub fn new_secret() -> Vec<u8> {
    use rand::RngCore;
    let mut secret = vec![0u8; SECRET_BYTES];
    rand::rng().fill_bytes(&mut secret);
    secret
}

/// The time step of a Unix time.
pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The code of one time step, as a number below 10^DIGITS.
pub fn code_at(secret: &[u8], step: i64) -> u32 {
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(secret) else {
        // HMAC takes keys of any length; this cannot happen.
        return u32::MAX;
    };
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    // Dynamic truncation (RFC 4226 §5.3).
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let word = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    word % 10u32.pow(DIGITS)
}

/// The code of one time step as the app shows it, zero-padded.
pub fn format_code(code: u32) -> String {
    format!("{code:0width$}", width = DIGITS as usize)
}

/// What a person typed, as a code: the digits alone, when there are exactly six of them once
/// spaces are taken out (apps show `123 456`).
pub fn parse_code(typed: &str) -> Option<u32> {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    (digits.len() == DIGITS as usize && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The time step whose code `code` is, within [`WINDOW`] of `now_step` and later than
/// `last_used`: a code is accepted once, and never one older than the last accepted.
/// Every candidate is computed and compared, so the answer's timing tells nothing of which one
/// matched.
pub fn matching_step(
    secret: &[u8],
    code: u32,
    now_step: i64,
    last_used: Option<i64>,
) -> Option<i64> {
    let mut found = None;
    for step in now_step - WINDOW..=now_step + WINDOW {
        let fresh = last_used.is_none_or(|last| step > last);
        if code_at(secret, step) == code && fresh && found.is_none() {
            found = Some(step);
        }
    }
    found
}

/// RFC 4648 base32 without padding: the form in which apps take a secret typed by hand.
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// The `otpauth://` address an app reads from a QR code (Key URI Format): the issuer and the
/// account name label the entry in the app.
pub fn provisioning_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let encode = |text: &str| -> String {
        url::form_urlencoded::byte_serialize(text.as_bytes())
            .collect::<String>()
            .replace('+', "%20")
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        encode(issuer),
        encode(account),
        base32(secret),
        encode(issuer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn the_codes_of_rfc_6238_appendix_b() {
        // The RFC's SHA-1 vectors have eight digits; six-digit codes are their last six.
        for (time, eight_digits) in [
            (59, 94_287_082),
            (1_111_111_109, 7_081_804),
            (1_111_111_111, 14_050_471),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
            (20_000_000_000, 65_353_130),
        ] {
            assert_eq!(code_at(RFC_SECRET, step_at(time)), eight_digits % 1_000_000, "at {time}");
        }
    }

    #[test]
    fn the_hotp_values_of_rfc_4226_appendix_d() {
        let expected = [755_224, 287_082, 359_152, 969_429, 338_314, 254_676, 287_922, 162_583];
        for (counter, code) in expected.into_iter().enumerate() {
            assert_eq!(code_at(RFC_SECRET, counter as i64), code, "counter {counter}");
        }
    }

    #[test]
    fn a_code_counts_within_the_window_and_once() {
        let now = step_at(1_234_567_890);
        let code = code_at(RFC_SECRET, now);
        assert_eq!(matching_step(RFC_SECRET, code, now, None), Some(now));
        // Typed just before the step ended, checked just after.
        assert_eq!(matching_step(RFC_SECRET, code, now + 1, None), Some(now));
        assert_eq!(matching_step(RFC_SECRET, code, now + 2, None), None, "too old");
        assert_eq!(matching_step(RFC_SECRET, code, now - 2, None), None, "too far ahead");
        // Replayed: the step was already used, or a later one was.
        assert_eq!(matching_step(RFC_SECRET, code, now, Some(now)), None);
        assert_eq!(matching_step(RFC_SECRET, code, now, Some(now + 1)), None);
        assert_eq!(matching_step(RFC_SECRET, code, now, Some(now - 1)), Some(now));
        let wrong = (code + 1) % 1_000_000;
        assert_eq!(matching_step(RFC_SECRET, wrong, now, None), None);
    }

    #[test]
    fn typed_codes_are_six_digits_with_spaces_allowed() {
        assert_eq!(parse_code("287082"), Some(287_082));
        assert_eq!(parse_code(" 287 082 "), Some(287_082));
        assert_eq!(parse_code("012345"), Some(12_345));
        assert_eq!(format_code(12_345), "012345");
        for bad in ["", "28708", "2870823", "28708a", "２８７０８２", "-28708"] {
            assert_eq!(parse_code(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn base32_matches_rfc_4648() {
        for (input, output) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(base32(input.as_bytes()), output);
        }
        assert_eq!(base32(RFC_SECRET), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    #[test]
    fn the_provisioning_uri_names_issuer_account_and_secret() {
        let uri = provisioning_uri("ICIC Central Asia", "li.wei@icic-ca.example", RFC_SECRET);
        assert_eq!(
            uri,
            "otpauth://totp/ICIC%20Central%20Asia:li.wei%40icic-ca.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ICIC%20Central%20Asia&algorithm=SHA1&digits=6&period=30"
        );
    }

    #[test]
    fn new_secrets_are_random_and_full_length() {
        let (a, b) = (new_secret(), new_secret());
        assert_eq!(a.len(), SECRET_BYTES);
        assert_ne!(a, b);
    }
}
