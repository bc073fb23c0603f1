// Amplify JS auth: its sign-up confirmation and resend (it has no admin confirmation).
import { Amplify } from "aws-amplify";
import { confirmSignUp, resendSignUpCode } from "aws-amplify/auth";

Amplify.configure({ Auth: { Cognito: { userPoolId: "eu-west-1_AbCdEf123", userPoolClientId: "7example1client2id3" } } });
export { confirmSignUp, resendSignUpCode };
