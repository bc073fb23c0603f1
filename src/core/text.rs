//! String helpers written out by hand. Each replaces a standard-library routine that is larger in
//! the wasm than the whole job (a vectorised counter; a substring searcher with its panic
//! formatting): the browser build counts every kilobyte.

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
    fn helpers_agree_with_the_standard_library() {
        for text in ["", "a", "ConfirmSignUp", "Ünïcödé ✓ 𝄞", "secret hash mismatch"] {
            assert_eq!(char_count(text), text.chars().count(), "{text}");
            for word in ["", "a", "secret hash", "𝄞", "Sign"] {
                assert_eq!(has(text, word), text.contains(word), "{text} / {word}");
            }
        }
    }
}
