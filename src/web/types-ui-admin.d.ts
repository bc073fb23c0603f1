// With the `ui` and `admin` features (the package root).
export interface CognitoConfirmSignUpElement {
  credentials?: Credentials;
}
