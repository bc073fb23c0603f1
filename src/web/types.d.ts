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
  /** Per-attempt timeout in milliseconds. Defaults to 10000. */
  timeoutMs?: number;
  /** The region's FIPS endpoint, as the AWS SDKs resolve it. Not with `endpoint`. Defaults to false. */
  useFipsEndpoint?: boolean;
  /** The region's dual-stack (IPv6) endpoint, as the AWS SDKs resolve it. Not with `endpoint`. Defaults to false. */
  useDualstackEndpoint?: boolean;
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

/** The sign-in that follows a confirmation: `USER_AUTH` with the Session ConfirmSignUp returned. */
export interface InitiateAuthRequest {
  /** Only "USER_AUTH": any other flow is a ValidationError. */
  AuthFlow: "USER_AUTH";
  ClientId: string;
  AuthParameters: {
    USERNAME: string;
    /** Filled like SecretHash when absent (`clientSecret` or `secretHash` option). */
    SECRET_HASH?: string;
    PREFERRED_CHALLENGE?: "EMAIL_OTP" | "SMS_OTP" | "WEB_AUTHN" | "PASSWORD" | "PASSWORD_SRP";
  };
  /** The Session of the ConfirmSignUp response. */
  Session?: string;
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadata;
  UserContextData?: UserContextData;
}
export interface AuthenticationResult {
  AccessToken?: string;
  IdToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
  TokenType?: string;
  NewDeviceMetadata?: { DeviceKey?: string; DeviceGroupKey?: string };
}
/** The tokens (`AuthenticationResult`), or the next challenge. */
export interface InitiateAuthResponse {
  AuthenticationResult?: AuthenticationResult;
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AvailableChallenges?: string[];
  [member: string]: unknown;
}

/** Finer categories of `CognitoConfirmError.kind`. */
export type ErrorKind =
  | "code-mismatch" | "expired-code" | "attempt-limit" | "email-quota" | "limit-exceeded"
  | "already-confirmed" | "secret-hash" | "not-authorized" | "session-expired"
  | "user-not-confirmed" | "password-reset-required" | "too-many-failed-attempts"
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

export function confirmSignUp(request: ConfirmSignUpRequest, options: ClientOptions): Promise<ConfirmSignUpResponse>;
export function resendConfirmationCode(request: ResendConfirmationCodeRequest, options: ClientOptions): Promise<ResendConfirmationCodeResponse>;
/** Signs the user in right after the confirmation (USER_AUTH with ConfirmSignUp's Session). */
export function initiateAuth(request: InitiateAuthRequest, options: ClientOptions): Promise<InitiateAuthResponse>;
export function secretHash(username: string, clientId: string, clientSecret: string): string;
