export interface MountOptions extends ClientOptions {
  /** The app client id. Required in user mode. */
  clientId?: string;
  /** The user; when absent the form asks for it. */
  username?: string;
  /** The user pool, for admin mode. */
  userPoolId?: string;
  /** A code to prefill (e.g. from a link). */
  code?: string;
  /** "user" (code form, default) or "admin" (confirm without a code; needs `userPoolId` and `credentials`). */
  mode?: "user" | "admin";
  /** A BCP 47 locale. Defaults to the page's `lang`. */
  locale?: string;
  /** Per-key text overrides. */
  messages?: Record<string, string>;
  /** Seconds the resend button rests after a code was sent. Defaults to 30. */
  resendCooldownSeconds?: number;
  /** Submit by itself once the code has this many characters. Off by default. */
  autoSubmitLength?: number;
  /** ClientMetadata sent with every call. */
  clientMetadata?: Record<string, string>;
  /** Read `?username=` and `?code=` from the page URL when the options leave them open. Off by default. */
  prefillFromUrl?: boolean;
  /** UserContextData.EncodedData to send; by default taken from AmazonCognitoAdvancedSecurityData when the page loaded it (needs userPoolId). */
  encodedData?: string;
  /** Fill the code from an incoming SMS through the WebOTP API where available. Defaults to true. */
  webOtp?: boolean;
  /** Adopt the default stylesheet (CSP-safe constructable stylesheet). Defaults to true. */
  stylesheet?: boolean;
  /** The Session of the app's SignUp response, sent with ConfirmSignUp (property only on the element). */
  session?: string;
  /** After confirming, sign in with the Session ConfirmSignUp returns (InitiateAuth USER_AUTH). Defaults to false. */
  autoSignIn?: boolean;
  onConfirmed?: (response: ConfirmSignUpResponse) => void;
  /** After an automatic sign-in: the tokens. */
  onSignedIn?: (response: InitiateAuthResponse) => void;
  /** After an automatic sign-in that needs another step: the challenge (ChallengeName, Session, ...). */
  onChallenge?: (response: InitiateAuthResponse) => void;
  onResent?: (response: ResendConfirmationCodeResponse) => void;
  onError?: (error: CognitoConfirmError) => void;
}

export interface MountHandle {
  /** Re-renders with new options, keeping the typed code; throws a ValidationError (and keeps the form) on bad options. */
  update(options: MountOptions): void;
  /** Removes the form and frees its memory. */
  unmount(): void;
}

export function mount(target: Element | string, options: MountOptions): MountHandle;

/** Registers `<cognito-confirm-sign-up>` (or `tagName`) and returns its class. Idempotent. */
export function defineElement(tagName?: string): CustomElementConstructor;

/**
 * The custom element. Attributes: region, endpoint, client-id, username, user-pool-id, code,
 * mode, locale, resend-cooldown-seconds, timeout-ms, auto-submit-length, prefill-from-url,
 * web-otp, use-fips-endpoint, use-dualstack-endpoint, auto-sign-in. Properties (never attributes): clientSecret, secretHash, credentials, messages,
 * clientMetadata, encodedData, session. Events (bubbling, composed): "confirmed", "code-resent",
 * "confirm-error", "signed-in", "sign-in-challenge" with the response or error as `detail`;
 * "ready" (on the element, not bubbling) once the wasm's form is in place.
 */
export interface CognitoConfirmSignUpElement extends HTMLElement {
  clientSecret?: string;
  secretHash?: ClientOptions["secretHash"];
  messages?: Record<string, string>;
  clientMetadata?: Record<string, string>;
  encodedData?: string;
  /** The SignUp response's Session (never an attribute). */
  session?: string;
  /** Re-renders with the current attributes and properties. */
  render(): void;
}

/**
 * Adds a catalogue of texts for `locale` (a BCP 47 tag; its language is what counts). Forms
 * already mounted in that language render again with it, keeping the typed code. The package
 * ships each translation but English as a module:
 * `import de from "cognito-confirm/locales/de.js"; registerLocale("de", de);`
 * Throws a ValidationError for keys it does not know.
 */
export function registerLocale(locale: string, messages: Record<string, string>): void;
