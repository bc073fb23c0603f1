// What happens when the wasm module fails for good: a trap (a Rust panic, which the package's
// build turns straight into one, or any other fault such as an out-of-bounds access). A module
// that has trapped cannot be trusted to report it, so this is done here, in JavaScript:
//   - the glue reads the module's exports through `guard(exports)` (scripts/guard-glue.mjs), so
//     every call into the module that ends in a trap reaches `failed`, then is thrown on;
//   - builds with a panic hook (the crate built without the package's size settings) call
//     `failed` from the hook;
//   - `failed` says so on the console and turns every mounted form into a visible error: its
//     `data-state` becomes "error" and its alert region shows the form's own translated
//     "something went wrong" text, handed over by `watch` when the form was drawn.

/** Mount target → the text to show there if the module fails. */
const WATCHED = new Map();
/** Traps already reported (one that crosses several calls into the module is reported once). */
const REPORTED = new WeakSet();

export function watch(target, message) {
  WATCHED.set(target, message);
}

export function unwatch(target) {
  WATCHED.delete(target);
}

export function failed(detail) {
  console.error("cognito-confirm: internal error:", detail);
  for (const [target, message] of WATCHED) {
    const root = target.querySelector(".cognito-confirm");
    if (!root) continue;
    root.setAttribute("data-state", "error");
    const alert = root.querySelector("[role=alert]");
    if (alert) alert.textContent = message;
  }
}

/** The module's exports, each function wrapped so that a trap is reported before it is thrown on. */
export function guard(exports) {
  const guarded = {};
  for (const [name, value] of Object.entries(exports)) {
    guarded[name] =
      typeof value !== "function"
        ? value
        : (...args) => {
            try {
              return value(...args);
            } catch (e) {
              if (e instanceof WebAssembly.RuntimeError && !REPORTED.has(e)) {
                REPORTED.add(e);
                failed(e);
              }
              throw e;
            }
          };
  }
  return guarded;
}
