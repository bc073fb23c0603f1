// The <cognito-confirm-sign-up> custom element. A JavaScript class because wasm cannot extend
// HTMLElement; it only maps attributes and properties to mount() options and events, and moves
// the form from one drawing to the next.
//
// Defined two ways, with one class: by the wasm's defineElement() (src/web/element.rs), which
// hands over mount() itself; and by the package's element.js (src/web/element-loader.js), which
// hands over a Promise of mount() and the form's HTML rendered at build time, so the element
// shows the form at once and the wasm takes over when it has arrived.

const ATTRIBUTES = {
  region: "region",
  endpoint: "endpoint",
  "client-id": "clientId",
  username: "username",
  "user-pool-id": "userPoolId",
  code: "code",
  mode: "mode",
  locale: "locale",
  "resend-cooldown-seconds": "resendCooldownSeconds",
  "timeout-ms": "timeoutMs",
  "auto-submit-length": "autoSubmitLength",
  "prefill-from-url": "prefillFromUrl",
  "web-otp": "webOtp",
  "use-fips-endpoint": "useFipsEndpoint",
  "use-dualstack-endpoint": "useDualstackEndpoint",
  "auto-sign-in": "autoSignIn",
};
const NUMBERS = new Set(["resendCooldownSeconds", "timeoutMs", "autoSubmitLength"]);
const BOOLEANS = new Set(["prefillFromUrl", "webOtp", "useFipsEndpoint", "useDualstackEndpoint", "autoSignIn"]);
// Set as properties only: secrets, Sessions, providers, credentials and objects never go in
// attributes.
const PROPERTIES = ["clientSecret", "secretHash", "credentials", "messages", "clientMetadata", "encodedData", "session"];
const SECRET_PROPERTIES = new Set(["clientSecret", "credentials", "session"]);
// Property values per element, out of reach of attribute reflection and serialisation.
const PROPS = new WeakMap();
// The inputs whose value, focus and selection move from one drawing of the form to the next.
const INPUTS = ["code", "username"];

/**
 * Defines `tagName` (once) and returns its class. `mount` is mount(), or a Promise of it while
 * the wasm is on its way; `early` ({forms: {user, username}, css, busy, languages, locale,
 * register}) is the form's HTML to show until then, in English, and how to get it in the
 * `languages` that have a module of their own (`locale(language)`), whose texts `register`
 * hands to the wasm.
 */
export function defineCognitoElement(tagName, mount, early) {
  const existing = customElements.get(tagName);
  if (existing) return existing;

  let ready = typeof mount === "function" ? mount : null;
  if (!ready) Promise.resolve(mount).then((m) => (ready = m), () => {});
  let sheet;

  class CognitoConfirmSignUp extends HTMLElement {
    static get observedAttributes() {
      return Object.keys(ATTRIBUTES);
    }

    #handle = null;
    #container = null;
    #scheduled = false;
    // A Confirm pressed before the wasm took over, to send once it has.
    #pending = false;
    #early = false;
    #live = false;
    // The language's module, while it loads: the wasm's form waits for its texts.
    #held = null;

    constructor() {
      super();
      PROPS.set(this, {});
      // A declarative shadow root (<template shadowrootmode="open">) is there already: adopt it.
      const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      this.#container = [...root.children].find((child) => child.getAttribute("part") === "container");
      if (!this.#container) {
        this.#container = document.createElement("div");
        this.#container.setAttribute("part", "container");
        root.append(this.#container);
      }
    }

    connectedCallback() {
      if (!ready) this.#drawEarly();
      this.#schedule();
    }

    disconnectedCallback() {
      this.#handle?.unmount();
      this.#handle = null;
    }

    attributeChangedCallback(_name, oldValue, newValue) {
      if (oldValue !== newValue) this.#schedule();
    }

    /** Re-renders with the current attributes and properties (batched per microtask). */
    render() {
      this.#schedule();
    }

    // Before the wasm: the form's HTML, styled, with a Confirm that waits for the wasm. The
    // admin mode waits for the wasm itself (its credentials are properties).
    #drawEarly() {
      if (!early || this.#early || this.getAttribute("mode") === "admin") return;
      this.#early = true;
      const root = this.shadowRoot;
      if (early.css) {
        if (sheet === undefined) {
          try {
            sheet = new CSSStyleSheet();
            sheet.replaceSync(early.css);
          } catch {
            sheet = null;
          }
        }
        if (sheet && !root.adoptedStyleSheets.includes(sheet)) {
          root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        }
      }
      const draw = (forms) => {
        if (!this.#container.firstElementChild) {
          this.#container.innerHTML = this.hasAttribute("username") ? forms.user : forms.username;
        }
      };
      let busy = early.busy;
      const language = languageOf(this);
      if (language !== "en" && early.languages?.includes(language)) {
        // Drawn when the language's module is there (at once, when the page loads it with
        // element.js); English if it cannot be loaded.
        this.#held = Promise.resolve(early.locale(language))
          .then(async (module) => {
            draw(module.forms);
            busy = module.busy;
            await early.register(language, module.default);
          })
          .catch(() => draw(early.forms));
      } else {
        draw(early.forms);
      }
      root.addEventListener("submit", (event) => {
        if (this.#handle) return; // the wasm's form handles its own
        event.preventDefault();
        if (this.#pending) return;
        this.#pending = true;
        const form = this.#container.querySelector(".cognito-confirm");
        form?.setAttribute("data-state", "submitting");
        const submit = this.#container.querySelector("button[type=submit]");
        if (submit) {
          submit.setAttribute("aria-busy", "true");
          if (busy) submit.textContent = busy;
        }
      });
      Promise.all([mount, this.#held]).then(() => {
        this.#held = null;
        this.#schedule();
      }, () => {});
    }

    // Re-render once per turn of the event loop, however many attributes changed.
    #schedule() {
      if (this.#scheduled) return;
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        if (this.isConnected && ready && !this.#held) this.#render();
      });
    }

    // Draws the form anew beside the one shown (hidden), carries over what the user typed, the
    // focus and the selection, then swaps the two in one task: nothing moves on the page.
    #render() {
      const old = this.#container;
      const kept = carried(this.shadowRoot, old);
      const options = { ...PROPS.get(this) };
      for (const [attribute, option] of Object.entries(ATTRIBUTES)) {
        const value = this.getAttribute(attribute);
        if (value === null) continue;
        if (NUMBERS.has(option)) options[option] = Number(value);
        else if (BOOLEANS.has(option)) options[option] = value !== "false";
        else options[option] = value;
      }
      if (kept.code?.value) options.code = kept.code.value;
      // The page's language, which mount() cannot see from inside the shadow root.
      if (options.locale === undefined) {
        const lang = pageLanguage(this);
        if (lang) options.locale = lang;
      }
      const emit = (type) => (detail) =>
        this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
      options.onConfirmed = emit("confirmed");
      options.onResent = emit("code-resent");
      options.onError = emit("confirm-error");
      options.onSignedIn = emit("signed-in");
      options.onChallenge = emit("sign-in-challenge");
      const next = document.createElement("div");
      next.setAttribute("part", "container");
      next.hidden = true;
      old.after(next);
      let handle;
      try {
        handle = ready(next, options);
      } catch (error) {
        next.remove();
        options.onError(error);
        return;
      }
      this.#handle?.unmount();
      this.#handle = handle;
      this.#container = next;
      old.remove();
      next.hidden = false;
      restore(this.shadowRoot, next, kept);
      if (!this.#live) {
        this.#live = true;
        // The wasm's form is in place: a Confirm now sends. (Not bubbling; listen on the element.)
        this.dispatchEvent(new Event("ready"));
      }
      if (this.#pending) {
        this.#pending = false;
        next.querySelector("form")?.requestSubmit();
      }
    }
  }

  for (const name of PROPERTIES) {
    Object.defineProperty(CognitoConfirmSignUp.prototype, name, {
      configurable: true,
      enumerable: false,
      // Secrets can be set but not read back from the element.
      get() {
        return SECRET_PROPERTIES.has(name) ? undefined : PROPS.get(this)?.[name];
      },
      set(value) {
        PROPS.get(this)[name] = value;
        this.render();
      },
    });
  }

  customElements.define(tagName, CognitoConfirmSignUp);
  return CognitoConfirmSignUp;
}

// The `lang` of the element's closest ancestor that has one (the page's language), if any.
function pageLanguage(element) {
  return element.closest("[lang]")?.getAttribute("lang");
}

// The language the element asks for: its `locale`, else the page's, else English.
function languageOf(element) {
  const tag = element.getAttribute("locale") || pageLanguage(element) || "en";
  return tag.split(/[-_]/)[0].toLowerCase();
}

// What the user has in the inputs of `container`: each input's value, and which one has the
// focus with its selection.
function carried(root, container) {
  const kept = {};
  for (const name of INPUTS) {
    const input = container.querySelector(`input[name=${name}]`);
    if (!input) continue;
    kept[name] = { value: input.value };
    if (root.activeElement === input) {
      kept.focus = { name, start: input.selectionStart, end: input.selectionEnd, direction: input.selectionDirection };
    }
  }
  return kept;
}

// Puts what `carried` kept into the inputs of `container`.
function restore(root, container, kept) {
  for (const name of INPUTS) {
    const input = container.querySelector(`input[name=${name}]`);
    if (input && kept[name]?.value && input.value !== kept[name].value) input.value = kept[name].value;
  }
  const focus = kept.focus;
  const input = focus && container.querySelector(`input[name=${focus.name}]`);
  if (input && root.activeElement !== input) {
    input.focus({ preventScroll: true });
    try {
      input.setSelectionRange(focus.start, focus.end, focus.direction ?? "none");
    } catch {
      // Not every input type has a selection.
    }
  }
}
