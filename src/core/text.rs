//! String helpers written out by hand. Each replaces a standard-library routine that is larger in
//! the wasm than the whole job (a vectorised counter; a substring searcher with its panic
//! formatting; `format!`, whose machinery is kilobytes): the browser build counts every kilobyte.

/// `parts` joined into one string: what `format!` would make of a message built from pieces.
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// `n` in decimal.
pub fn decimal(n: u64) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    digits
        .get(at..)
        .map(|d| d.iter().map(|&b| char::from(b)).collect())
        .unwrap_or_default()
}

/// Whether `text` contains `word` (a byte search).
pub fn has(text: &str, word: &str) -> bool {
    // `windows(0)` would panic; every text contains the empty word.
    word.is_empty()
        || text
            .as_bytes()
            .windows(word.len().max(1))
            .any(|w| w == word.as_bytes())
}

/// The number of characters (Unicode scalar values) in `text`: its bytes that do not continue a
/// UTF-8 sequence.
pub fn char_count(text: &str) -> usize {
    text.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concat_and_decimal_agree_with_format() {
        assert_eq!(concat(&[]), "");
        assert_eq!(
            concat(&["a", "", "bc", "😀"]),
            format!("{}{}{}{}", "a", "", "bc", "😀")
        );
        for n in [0, 7, 10, 99, 443, 65_535, 600_000, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
    }

    #[test]
    fn helpers_agree_with_the_standard_library() {
        for text in ["", "a", "ConfirmSignUp", "Ünïcödé ✓ 𝄞", "secret hash mismatch"] {
            assert_eq!(char_count(text), text.chars().count(), "{text}");
            for word in ["", "a", "secret hash", "𝄞", "Sign"] {
                assert_eq!(has(text, word), text.contains(word), "{text} / {word}");
            }
        }
    }
}
