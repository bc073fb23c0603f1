// With the `ui` and `admin` features (the package root and `cognito-confirm/bundler`).
export interface CognitoConfirmSignUpElement {
  credentials?: Credentials;
}
