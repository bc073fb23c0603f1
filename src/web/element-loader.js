// The package's element.js (npm "cognito-confirm/element"): defines <cognito-confirm-sign-up> as
// soon as it runs and shows the form, rendered at build time from the Leptos component
// (examples/prerender.rs), while it loads the wasm; the wasm's form then takes over. Bundled by
// scripts/build.sh with the generated forms.js; ./cognito_confirm.js stays a separate module, the
// package's own.
import { defineCognitoElement } from "./element.js";
import { FORMS, CSS, BUSY } from "./forms.js";

const mount = import("./cognito_confirm.js").then(async (glue) => {
  await glue.default();
  return glue.mount;
});
// A failed load is reported once; the form stays as drawn, its Confirm never sending.
mount.catch((error) => console.error("cognito-confirm: the wasm module could not be loaded:", error));

defineCognitoElement("cognito-confirm-sign-up", mount, { forms: FORMS, css: CSS, busy: BUSY });
