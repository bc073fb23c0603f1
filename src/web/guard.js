// What happens when the wasm module fails for good: a Rust panic, which aborts the module. The
// panic hook (src/web/panic.rs) calls `failed` with the panic's message before the abort; it
// says so on the console and turns every mounted form into a visible error: its `data-state`
// becomes "error" and its alert region shows the form's own translated "something went wrong"
// text, handed over by `watch` when the form was drawn.

/** Mount target → the text to show there if the module fails. */
const WATCHED = new Map();

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
