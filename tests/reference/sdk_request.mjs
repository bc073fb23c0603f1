// The reference for tests/initiate_auth.rs: the HTTP request the AWS SDK for JavaScript v3 builds
// for a command and its input (argv: the command's name, the input as JSON), caught before it
// leaves the process. Prints {url, target, contentType, body}.
import * as sdk from "@aws-sdk/client-cognito-identity-provider";

const [name, input] = process.argv.slice(2);
let seen;
const client = new sdk.CognitoIdentityProviderClient({
  region: "eu-west-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  maxAttempts: 1,
  requestHandler: {
    handle: async (request) => {
      seen = request;
      throw new Error("caught before sending");
    },
  },
});
await client.send(new sdk[`${name}Command`](JSON.parse(input))).catch(() => {});
process.stdout.write(JSON.stringify({
  url: `${seen.protocol}//${seen.hostname}${seen.path}`,
  target: seen.headers["x-amz-target"],
  contentType: seen.headers["content-type"],
  body: typeof seen.body === "string" ? seen.body : new TextDecoder().decode(seen.body),
}));
