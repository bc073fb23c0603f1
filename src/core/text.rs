//! String helpers written out by hand. Each replaces a standard-library routine that is larger in
//! the wasm than the whole job (a vectorised counter; a substring searcher with its panic
//! formatting; `format!`, whose machinery is kilobytes: messages are built with `concat` and
//! `decimal`; `[..].concat()` and `[..].join`, whose generic code is larger than these loops):
//! the browser build counts every kilobyte.

/// The parts one after the other (`[..].concat()`).
pub fn concat(parts: &[&str]) -> String {
    join(parts, "")
}

/// The parts with `sep` between them (`[..].join(sep)`).
pub fn join(parts: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

/// `n` in decimal.
pub fn decimal(n: u64) -> String {
    let mut width = 1;
    while width < 20 && n >= 10_u64.pow(width) {
        width += 1;
    }
    let mut out = String::with_capacity(20);
    push_digits(&mut out, n, width);
    out
}

/// Appends the last `width` decimal digits of `n`, zero-padded (`width` at most 20).
pub fn push_digits(out: &mut String, n: u64, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10_u64.pow(place) % 10;
        out.push(char::from(b'0' + u8::try_from(digit).unwrap_or(0)));
    }
}

/// Appends `sep` unless `out` is still empty: the step between the parts of a joined list, for
/// lists built in place (`[..].join` needs them collected first, an instance per item type).
pub fn push_separator(out: &mut String, sep: &str) {
    if !out.is_empty() {
        out.push_str(sep);
    }
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

/// `text` split around the first `byte`, an ASCII delimiter (`str::split_once` by byte: the
/// standard library's character searcher is larger in the wasm than this).
pub fn split_once_byte(text: &str, byte: u8) -> Option<(&str, &str)> {
    split_around(text, text.bytes().position(|b| b == byte)?)
}

/// `text` split around the last `byte`, an ASCII delimiter (`str::rsplit_once` by byte).
pub fn rsplit_once_byte(text: &str, byte: u8) -> Option<(&str, &str)> {
    split_around(text, text.bytes().rposition(|b| b == byte)?)
}

/// `text` before and after the one-byte delimiter at `at`.
fn split_around(text: &str, at: usize) -> Option<(&str, &str)> {
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// The parts of `text` between the `byte`s, an ASCII delimiter (`str::split` by byte).
pub fn split_byte(text: &str, byte: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        let (part, tail) = split_once_byte(current, byte).map_or((current, None), |(p, t)| (p, Some(t)));
        rest = tail;
        Some(part)
    })
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
    fn decimal_agrees_with_format() {
        for n in [0, 7, 10, 99, 443, 65_535, 600_000, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
    }

    #[test]
    fn concat_and_join_agree_with_the_standard_library() {
        let lists: [&[&str]; 5] = [
            &[],
            &[""],
            &["", "a", ""],
            &["ConfirmSignUp"],
            &["é", "𝄞", "x y", ""],
        ];
        for parts in lists {
            assert_eq!(concat(parts), parts.concat(), "{parts:?}");
            for sep in ["", ", ", "/"] {
                assert_eq!(join(parts, sep), parts.join(sep), "{parts:?} / {sep}");
            }
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
        for text in [
            "",
            "_",
            "a_b",
            "eu-west-1_AbC",
            "__x__",
            "é_ü_𝄞",
            "/a//b/./c/",
            "no delimiter",
        ] {
            for byte in [b'_', b'/', b'.'] {
                let sep = char::from(byte);
                assert_eq!(
                    split_once_byte(text, byte),
                    text.split_once(sep),
                    "{text} / {sep}"
                );
                assert_eq!(
                    rsplit_once_byte(text, byte),
                    text.rsplit_once(sep),
                    "{text} / {sep}"
                );
                assert_eq!(
                    split_byte(text, byte).collect::<Vec<_>>(),
                    text.split(sep).collect::<Vec<_>>()
                );
            }
        }
    }
}
