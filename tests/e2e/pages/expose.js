// Loads the package's entries in the page itself and hands them to the test as `window.cc`
// (the root) and `window.ccHeadless`: in some engines a WebDriver script runs in a sandbox of
// its own, where an `import()` would load another instance of the module, outside the page.
import * as root from "/pkg/cognito_confirm.js";
import * as headless from "/pkg/headless/cognito_confirm.js";

await root.default();
await headless.default();
window.cc = root;
window.ccHeadless = headless;
dispatchEvent(new Event("cc-ready"));
