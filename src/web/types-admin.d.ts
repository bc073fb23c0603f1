// With the `admin` feature (the package root and `cognito-confirm/bundler`; not the headless entry).
export interface ClientOptions {
  /** AWS credentials for AdminConfirmSignUp. */
  credentials?: Credentials;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AdminConfirmSignUpRequest {
  UserPoolId: string;
  Username: string;
  ClientMetadata?: Record<string, string>;
}
export interface AdminConfirmSignUpResponse { [member: string]: unknown }

export function adminConfirmSignUp(request: AdminConfirmSignUpRequest, options: ClientOptions): Promise<AdminConfirmSignUpResponse>;
