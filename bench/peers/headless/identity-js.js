// amazon-cognito-identity-js: confirmRegistration and resendConfirmationCode (no admin
// confirmation, no client secret).
import { CognitoUser, CognitoUserPool } from "amazon-cognito-identity-js";

const pool = new CognitoUserPool({ UserPoolId: "eu-west-1_AbCdEf123", ClientId: "7example1client2id3" });
const user = (username) => new CognitoUser({ Username: username, Pool: pool });
const settle = (run) => new Promise((resolve, reject) => run((error, result) => (error ? reject(error) : resolve(result))));
export const confirmSignUp = (username, code) => settle((done) => user(username).confirmRegistration(code, true, done));
export const resendConfirmationCode = (username) => settle((done) => user(username).resendConfirmationCode(done));
