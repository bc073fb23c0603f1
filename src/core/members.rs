//! Strict reading of request and option objects with serde: the members a type declares, the
//! keys an object has that its type does not know, and a deserializer's error turned into a
//! `ValidationError` that names the member. serde's own derive checks types; the browser's
//! deserializer (serde-wasm-bindgen) only reads the keys a type declares, so unknown keys are
//! compared here.

use serde::de::{self, Deserialize, Deserializer, Visitor};

use super::error::CognitoError;

/// The member names `T` declares, in declaration order: what its derived `Deserialize` asks
/// a deserializer for.
pub fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Introspect(&mut fields));
    fields
}

/// A deserializer that answers nothing and records the fields of the struct asked for.
struct Introspect<'a>(&'a mut &'static [&'static str]);

/// The error of [`Introspect`], which always stops after the first request.
#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("introspection")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for Introspect<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = fields;
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The first of `keys` that is not one of `known`, as a `ValidationError` on `field` that lists
/// the known ones and suggests the closest (`clientID` → `clientId`).
pub fn check_keys<'k>(
    keys: impl IntoIterator<Item = &'k str>,
    field: &'static str,
    known: &[&str],
) -> Result<(), CognitoError> {
    for key in keys {
        if known.contains(&key) {
            continue;
        }
        let hint = closest(key, known)
            .map(|k| format!(" Did you mean \"{k}\"?"))
            .unwrap_or_default();
        return Err(CognitoError::validation(
            field,
            format!(
                "{field} has an unknown member \"{key}\".{hint} Its members are {}.",
                known.join(", ")
            ),
        ));
    }
    Ok(())
}

/// The known name `key` most likely meant: the same but for case, else one within two edits.
fn closest<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    if let Some(same) = known.iter().find(|k| k.eq_ignore_ascii_case(key)) {
        return Some(same);
    }
    let key = key.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&key, &k.to_ascii_lowercase()), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or_default();
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or_default();
            let left = row.get(j).copied().unwrap_or_default();
            let cost = usize::from(ca != *cb);
            let value = (diagonal + cost).min(above + 1).min(left + 1);
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or_default()
}

/// Reads `T`, an object type whose members all have defaults, with `deserialize`: called with
/// `None` it reads the whole object, with `Some(member)` an object holding only that member. A
/// member of the wrong type is a `ValidationError` that names it (found by reading the members
/// one at a time, which only a failed read pays for) and says what it must be, never what it
/// was: the value may be a secret. `field` names the whole object in errors.
pub fn read<T: for<'de> Deserialize<'de>, E: std::fmt::Display>(
    field: &'static str,
    deserialize: impl Fn(Option<&str>) -> Result<T, E>,
) -> Result<T, CognitoError> {
    let whole = match deserialize(None) {
        Ok(value) => return Ok(value),
        Err(e) => e,
    };
    for member in fields_of::<T>() {
        if let Err(e) = deserialize(Some(member)) {
            return Err(CognitoError::validation(
                member,
                format!("{member} must be {}", expected(&e)),
            ));
        }
    }
    Err(CognitoError::validation(
        field,
        format!("{field} must be {}", expected(&whole)),
    ))
}

/// What a deserializer error says was expected, without the value that was found: serde words
/// its type errors "invalid type: <found>, expected <what>".
pub(crate) fn expected(error: &impl std::fmt::Display) -> String {
    let text = error.to_string();
    match text.rsplit_once(", expected ") {
        Some((_, what)) if what.starts_with("struct ") || what == "a map" => "an object".to_owned(),
        Some((_, what)) => what.to_owned(),
        None if text.starts_with("invalid type") => "of another type".to_owned(),
        None => "well-formed".to_owned(),
    }
}
