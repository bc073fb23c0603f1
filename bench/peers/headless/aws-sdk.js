// The AWS SDK for JavaScript v3 with the three commands, as a hand-rolled form calls them.
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  ResendConfirmationCodeCommand,
} from "@aws-sdk/client-cognito-identity-provider";

const client = new CognitoIdentityProviderClient({ region: "eu-west-1" });
export const confirmSignUp = (input) => client.send(new ConfirmSignUpCommand(input));
export const resendConfirmationCode = (input) => client.send(new ResendConfirmationCodeCommand(input));
export const adminConfirmSignUp = (input) => client.send(new AdminConfirmSignUpCommand(input));
