// The <cognito-confirm-sign-up> custom element. A JavaScript class because wasm cannot extend
// HTMLElement; it only maps attributes and properties to mount() options and events.

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
};
const NUMBERS = new Set(["resendCooldownSeconds", "timeoutMs", "autoSubmitLength"]);
const BOOLEANS = new Set(["prefillFromUrl", "webOtp", "useFipsEndpoint", "useDualstackEndpoint"]);
// Set as properties only: secrets, providers, credentials and objects never go in attributes.
const PROPERTIES = ["clientSecret", "secretHash", "credentials", "messages", "clientMetadata", "encodedData"];
const SECRET_PROPERTIES = new Set(["clientSecret", "credentials"]);
// Property values per element, out of reach of attribute reflection and serialisation.
const PROPS = new WeakMap();

export function defineCognitoElement(tagName, mount) {
  const existing = customElements.get(tagName);
  if (existing) return existing;

  class CognitoConfirmSignUp extends HTMLElement {
    static get observedAttributes() {
      return Object.keys(ATTRIBUTES);
    }

    #handle = null;
    #container = null;
    #scheduled = false;

    constructor() {
      super();
      PROPS.set(this, {});
      const root = this.attachShadow({ mode: "open" });
      this.#container = document.createElement("div");
      this.#container.setAttribute("part", "container");
      root.append(this.#container);
    }

    connectedCallback() {
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

    // Re-render once per turn of the event loop, however many attributes changed.
    #schedule() {
      if (this.#scheduled) return;
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        if (this.isConnected) this.#render();
      });
    }

    #render() {
      // Keep what the user typed across a re-render.
      const typed = this.shadowRoot.querySelector("input[name=code]")?.value;
      this.#handle?.unmount();
      this.#handle = null;
      const options = { ...PROPS.get(this) };
      for (const [attribute, option] of Object.entries(ATTRIBUTES)) {
        const value = this.getAttribute(attribute);
        if (value === null) continue;
        if (NUMBERS.has(option)) options[option] = Number(value);
        else if (BOOLEANS.has(option)) options[option] = value !== "false";
        else options[option] = value;
      }
      if (typed) options.code = typed;
      const emit = (type) => (detail) =>
        this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
      options.onConfirmed = emit("confirmed");
      options.onResent = emit("code-resent");
      options.onError = emit("confirm-error");
      try {
        this.#handle = mount(this.#container, options);
      } catch (error) {
        options.onError(error);
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
