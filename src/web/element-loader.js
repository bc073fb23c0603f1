// The package's element.js (npm "cognito-confirm/element"): defines <cognito-confirm-sign-up> as
// soon as it runs and shows the form, rendered at build time from the Leptos component
// (examples/prerender.rs), while it loads the wasm; the wasm's form then takes over. Bundled by
// scripts/build.sh with the generated forms.js; ./cognito_confirm.js stays a separate module, the
// package's own.
import { defineCognitoElement } from "./element.js";
import { FORMS, CSS, BUSY, LANGUAGES } from "./forms.js";

const glue = import("./cognito_confirm.js").then(async (module) => {
  await module.default();
  return module;
});
// A failed load is reported once; the form stays as drawn, its Confirm never sending.
glue.catch((error) => console.error("cognito-confirm: the wasm module could not be loaded:", error));

defineCognitoElement("cognito-confirm-sign-up", glue.then((module) => module.mount), {
  forms: FORMS,
  css: CSS,
  busy: BUSY,
  languages: LANGUAGES,
  // A language's module (locales/<language>.js, beside this one): its form to draw before the
  // wasm, and its texts for the wasm's form.
  locale: (language) => import(new URL(`locales/${language}.js`, import.meta.url).href),
  register: (language, messages) => glue.then((module) => module.registerLocale(language, messages)),
});
