/** Client options shared by every call and by `mount()`. */
export interface ClientOptions {
  /** AWS region, e.g. "eu-west-1": the endpoint's region and the Signature V4 region. Required unless `endpoint` is given. */
  region?: string;
  /** Full URL override (https, or http to a loopback host), e.g. a local Cognito-compatible server. */
  endpoint?: string;
  /** The app client secret: SecretHash is computed in the page. Prefer `secretHash` in production. */
  clientSecret?: string;
  /** Computes SecretHash elsewhere (e.g. your server), so the secret never reaches the browser. */
  secretHash?: (username: string, clientId: string) => string | Promise<string>;
  /** AWS credentials for AdminConfirmSignUp. */
  credentials?: Credentials;
  /** Per-attempt timeout in milliseconds. Defaults to 10000. */
  timeoutMs?: number;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AnalyticsMetadata { AnalyticsEndpointId?: string }
export interface UserContextData { IpAddress?: string; EncodedData?: string }

export interface ConfirmSignUpRequest {
  ClientId: string;
  Username: string;
  ConfirmationCode: string;
  SecretHash?: string;
  ForceAliasCreation?: boolean;
  AnalyticsMetadata?: AnalyticsMetadata;
  UserContextData?: UserContextData;
  ClientMetadata?: Record<string, string>;
  Session?: string;
}
export interface ConfirmSignUpResponse { Session?: string; [member: string]: unknown }

export interface ResendConfirmationCodeRequest {
  ClientId: string;
  Username: string;
  SecretHash?: string;
  AnalyticsMetadata?: AnalyticsMetadata;
  UserContextData?: UserContextData;
  ClientMetadata?: Record<string, string>;
}
export interface CodeDeliveryDetails {
  Destination?: string;
  DeliveryMedium?: "EMAIL" | "SMS";
  AttributeName?: string;
}
export interface ResendConfirmationCodeResponse { CodeDeliveryDetails?: CodeDeliveryDetails; [member: string]: unknown }

export interface AdminConfirmSignUpRequest {
  UserPoolId: string;
  Username: string;
  ClientMetadata?: Record<string, string>;
}
export interface AdminConfirmSignUpResponse { [member: string]: unknown }

/** Finer categories of `CognitoConfirmError.kind`. */
export type ErrorKind =
  | "code-mismatch" | "expired-code" | "attempt-limit" | "email-quota" | "limit-exceeded"
  | "already-confirmed" | "secret-hash" | "not-authorized" | "too-many-failed-attempts"
  | "throttled" | "user-not-found" | "alias-exists" | "code-delivery" | "lambda"
  | "configuration" | "forbidden" | "invalid-parameter" | "service" | "signature"
  | "validation" | "network" | "timeout" | "invalid-response" | "other";

/** Every rejection is a real `Error` with these fields. */
export interface CognitoConfirmError extends Error {
  /** The Cognito exception name (`CodeMismatchException`, ...) or `ValidationError`, `NetworkError`, `TimeoutError`, `InvalidResponseError`. */
  name: string;
  /** HTTP status, or 0 when no answer arrived. */
  status: number;
  /** True exactly when repeating the same request later may succeed. */
  retryable: boolean;
  kind: ErrorKind;
  /** For `ValidationError`: the member or option at fault. */
  field?: string;
}

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
  onConfirmed?: (response: ConfirmSignUpResponse) => void;
  onResent?: (response: ResendConfirmationCodeResponse) => void;
  onError?: (error: CognitoConfirmError) => void;
}

export interface MountHandle {
  /** Re-renders with new options, keeping the typed code; throws a ValidationError (and keeps the form) on bad options. */
  update(options: MountOptions): void;
  /** Removes the form and frees its memory. */
  unmount(): void;
}

export function confirmSignUp(request: ConfirmSignUpRequest, options: ClientOptions): Promise<ConfirmSignUpResponse>;
export function resendConfirmationCode(request: ResendConfirmationCodeRequest, options: ClientOptions): Promise<ResendConfirmationCodeResponse>;
export function adminConfirmSignUp(request: AdminConfirmSignUpRequest, options: ClientOptions): Promise<AdminConfirmSignUpResponse>;
export function secretHash(username: string, clientId: string, clientSecret: string): string;
export function mount(target: Element | string, options: MountOptions): MountHandle;

/** Registers `<cognito-confirm-sign-up>` (or `tagName`) and returns its class. Idempotent. */
export function defineElement(tagName?: string): CustomElementConstructor;

/**
 * The custom element. Attributes: region, endpoint, client-id, username, user-pool-id, code,
 * mode, locale, resend-cooldown-seconds, timeout-ms, auto-submit-length, prefill-from-url,
 * web-otp. Properties (never attributes): clientSecret, secretHash, credentials, messages,
 * clientMetadata, encodedData. Events (bubbling, composed): "confirmed", "code-resent",
 * "confirm-error" with the response or error as `detail`.
 */
export interface CognitoConfirmSignUpElement extends HTMLElement {
  clientSecret?: string;
  secretHash?: ClientOptions["secretHash"];
  credentials?: Credentials;
  messages?: Record<string, string>;
  clientMetadata?: Record<string, string>;
  encodedData?: string;
  /** Re-renders with the current attributes and properties. */
  render(): void;
}

/** How many forms are mounted on the page (for leak checks). */
export function mountedCount(): number;
