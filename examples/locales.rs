//! Writes every built-in translation as an ES module for the npm package, which is built
//! without them: `locales/<language>.js` (`export default { heading: …, … }`) and its `.d.ts`.
//! Usage: `cargo run --example locales -- <dir>`.

use std::{env, fs, io, path::PathBuf};

use cognito_confirm::core::i18n;
use cognito_confirm::core::protocol::StringMap;

fn main() -> io::Result<()> {
    let dir = PathBuf::from(env::args().nth(1).unwrap_or_else(|| "pkg/locales".to_owned()));
    fs::create_dir_all(&dir)?;
    for language in i18n::locales().filter(|l| *l != "en") {
        let Some(texts) = i18n::catalogue(language) else {
            continue;
        };
        let object = StringMap(
            texts
                .into_iter()
                .map(|(key, text)| (key.to_owned(), text.to_owned()))
                .collect(),
        );
        let object = serde_json::to_string(&object).map_err(io::Error::other)?;
        let module = format!(
            "// cognito-confirm messages for \"{language}\". Use: registerLocale(\"{language}\", messages) before mount().\n\
             export default {};\n",
            object
        );
        fs::write(dir.join(format!("{language}.js")), module)?;
        fs::write(
            dir.join(format!("{language}.d.ts")),
            "declare const messages: Record<string, string>;\nexport default messages;\n",
        )?;
    }
    Ok(())
}
