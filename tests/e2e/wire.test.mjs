// Exact on the wire: for every operation with every member set, the request the component's
// Promise API sends (from headless Chromium) is compared with what the AWS SDK for JavaScript
// v3 sends for the same input: same URL, target, content type and JSON body.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  ResendConfirmationCodeCommand,
  AdminConfirmSignUpCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { startCaptureServer } from "./support/capture-server.mjs";
import { startDevServer } from "./support/dev-server.mjs";
import { launch, newPage, answerHttpsAsCognito } from "./support/browser.mjs";

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "TOKEN" };
const common = {
  AnalyticsMetadata: { AnalyticsEndpointId: "endpoint-1" },
  UserContextData: { IpAddress: "192.0.2.1", EncodedData: "ZW5jb2RlZA==" },
  ClientMetadata: { source: "wire-test", "ünï": "cødé" },
};
const cases = [
  {
    op: "ConfirmSignUp",
    fn: "confirmSignUp",
    Command: ConfirmSignUpCommand,
    input: {
      ClientId: "7example1client2id3",
      SecretHash: "c2VjcmV0aGFzaA==",
      Username: "zoë",
      ConfirmationCode: "123456",
      ForceAliasCreation: true,
      Session: "s".repeat(40),
      ...common,
    },
    answer: { Session: "t".repeat(40) },
  },
  {
    op: "ResendConfirmationCode",
    fn: "resendConfirmationCode",
    Command: ResendConfirmationCodeCommand,
    input: { ClientId: "7example1client2id3", SecretHash: "c2VjcmV0aGFzaA==", Username: "zoë", ...common },
    answer: { CodeDeliveryDetails: { Destination: "z***@e***.com", DeliveryMedium: "EMAIL", AttributeName: "email" } },
  },
  {
    op: "InitiateAuth",
    fn: "initiateAuth",
    Command: InitiateAuthCommand,
    input: {
      AuthFlow: "USER_AUTH",
      ClientId: "7example1client2id3",
      AuthParameters: { USERNAME: "zoë", SECRET_HASH: "c2VjcmV0aGFzaA==", PREFERRED_CHALLENGE: "EMAIL_OTP" },
      ...common,
      Session: "s".repeat(40),
    },
    // Cognito's answer with tokens (the shape of the API model's AuthenticationResultType).
    answer: {
      AuthenticationResult: { AccessToken: "eyJ.access", ExpiresIn: 3600, TokenType: "Bearer", RefreshToken: "eyJ.refresh", IdToken: "eyJ.id" },
      ChallengeParameters: {},
    },
  },
  {
    op: "AdminConfirmSignUp",
    fn: "adminConfirmSignUp",
    Command: AdminConfirmSignUpCommand,
    input: { UserPoolId: "eu-west-1_AbCdEf123", Username: "zoë", ClientMetadata: common.ClientMetadata },
    answer: {},
  },
];

/**
 * Checks a request's Signature V4 as the service would: the canonical request rebuilt from what
 * arrived (signed headers, path, query, body), the string to sign, the derived key, and the
 * signature compared with the Authorization header. Applied to the AWS SDK's request too, so the
 * check itself is checked.
 */
function verifySigV4(request, { secretAccessKey }) {
  const auth = request.headers.authorization;
  const [, scope, signedHeaders, signature] = auth.match(/^AWS4-HMAC-SHA256 Credential=[^/]+\/([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/);
  const [date, region, service] = scope.split("/");
  const url = new URL(request.url, "http://placeholder");
  const sha256 = (data) => createHash("sha256").update(data).digest("hex");
  const canonical = [
    request.method,
    url.pathname,
    url.search.slice(1),
    ...signedHeaders.split(";").map((h) => `${h}:${String(request.headers[h]).trim()}`),
    "",
    signedHeaders,
    sha256(request.body),
  ].join("\n");
  const toSign = ["AWS4-HMAC-SHA256", request.headers["x-amz-date"], scope, sha256(canonical)].join("\n");
  const hmac = (key, data) => createHmac("sha256", key).update(data).digest();
  const key = ["aws4_request"].reduce(hmac, hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service));
  assert.equal(signature, createHmac("sha256", key).update(toSign).digest("hex"), "the signature verifies");
}

let capture, pages, browser, page, context;

before(async () => {
  capture = await startCaptureServer(Object.fromEntries(cases.map((c) => [c.op, [200, c.answer]])));
  pages = await startDevServer({});
  browser = await launch();
  ({ page, context } = await newPage(browser));
  await page.goto(`${pages.url}test/blank.html`);
});

after(async () => {
  await context?.close();
  await browser?.close();
  await pages?.stop();
  await capture?.stop();
});

// The headless entry has no AdminConfirmSignUp (the admin feature is the package root's).
const entries = [["", "/pkg/cognito_confirm.js", cases], [" (headless entry)", "/pkg/headless/cognito_confirm.js", cases.filter((c) => c.op !== "AdminConfirmSignUp")]];
for (const [entry, module, its] of entries) for (const c of its) {
  test(`${c.op}${entry}: the component sends what the AWS SDK v3 sends`, async () => {
    const sdk = new CognitoIdentityProviderClient({ region: "eu-west-1", endpoint: capture.url, credentials, maxAttempts: 1 });
    const sdkResponse = await sdk.send(new c.Command(structuredClone(c.input)));
    const theirs = capture.requests.at(-1);

    const ours = await page.evaluate(async ({ module, fn, input, endpoint, credentials }) => {
      const mod = await import(module);
      await mod.default();
      return mod[fn](input, { region: "eu-west-1", endpoint, credentials });
    }, { module, fn: c.fn, input: c.input, endpoint: capture.url, credentials });
    const mine = capture.requests.at(-1);
    assert.notEqual(mine, theirs, "the component sent its own request");

    assert.equal(mine.method, "POST");
    assert.equal(mine.url, theirs.url);
    assert.equal(mine.headers["x-amz-target"], theirs.headers["x-amz-target"]);
    assert.equal(mine.headers["x-amz-target"], `AWSCognitoIdentityProviderService.${c.op}`);
    assert.equal(mine.headers["content-type"], theirs.headers["content-type"]);
    assert.deepEqual(JSON.parse(mine.body), JSON.parse(theirs.body));
    if (c.op === "InitiateAuth") assert.equal(mine.body, theirs.body, "byte for byte");
    assert.deepEqual(JSON.parse(mine.body), c.input, "every member is sent");
    assert.deepEqual(ours, c.answer, "resolves to the server's object");
    for (const [k, v] of Object.entries(c.answer)) assert.deepEqual(sdkResponse[k], v);

    if (c.op === "AdminConfirmSignUp") {
      const scope = (h) => h.authorization.match(/Credential=([^,]+)/)[1];
      assert.equal(scope(mine.headers), scope(theirs.headers), "same credential scope");
      assert.equal(mine.headers["x-amz-security-token"], "TOKEN");
      assert.match(mine.headers.authorization, /SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,/);
      verifySigV4(theirs, credentials);
      verifySigV4(mine, credentials);
    } else {
      assert.equal(mine.headers.authorization, undefined, "user operations are not signed");
    }
  });
}

// Endpoints: for regions of several partitions, with the FIPS and dual-stack options, the URL
// the browser requests is the one the AWS SDK's own endpoint provider resolves. The requests are
// intercepted in the page (nothing leaves the machine) and answered as Cognito would.
test("the browser requests the URL the AWS SDK v3 resolves, in every partition and flag", async () => {
  const { page: p, context: ctx } = await newPage(browser);
  const requested = await answerHttpsAsCognito(p);
  await p.goto(`${pages.url}test/blank.html`);
  const resolve = new CognitoIdentityProviderClient({ region: "us-east-1" }).config.endpointProvider;
  const regions = ["eu-west-1", "us-east-1", "cn-north-1", "us-gov-west-1", "eusc-de-east-1", "us-iso-east-1", "us-isob-east-1"];
  for (const region of regions) for (const useFipsEndpoint of [false, true]) for (const useDualstackEndpoint of [false, true]) {
    const expected = resolve({ Region: region, UseFIPS: useFipsEndpoint, UseDualStack: useDualstackEndpoint }).url.href;
    await p.evaluate(async (options) => {
      const mod = await import("/pkg/headless/cognito_confirm.js");
      await mod.default();
      await mod.confirmSignUp({ ClientId: "7example1client2id3", Username: "alice", ConfirmationCode: "123456" }, options);
    }, { region, useFipsEndpoint, useDualstackEndpoint });
    assert.equal(requested.at(-1), expected, `${region} fips=${useFipsEndpoint} dualstack=${useDualstackEndpoint}`);
  }
  assert.equal(requested.length, regions.length * 4, "one request each");
  // Refused before anything is sent: a custom endpoint with either flag, and a misspelt option.
  const refused = await p.evaluate(async () => {
    const mod = await import("/pkg/headless/cognito_confirm.js");
    const request = { ClientId: "7example1client2id3", Username: "alice", ConfirmationCode: "123456" };
    const out = [];
    for (const options of [
      { endpoint: "https://proxy.example.com/", useFipsEndpoint: true },
      { endpoint: "https://proxy.example.com/", useDualstackEndpoint: true },
      { region: "eu-west-1", useFIPSEndpoint: true },
    ]) {
      try {
        await mod.confirmSignUp(request, options);
        out.push("sent");
      } catch (e) {
        out.push(`${e.name} ${e.field}: ${e.message}`);
      }
    }
    return out;
  });
  assert.deepEqual(refused.slice(0, 2), [
    "ValidationError endpoint: Invalid Configuration: FIPS and custom endpoint are not supported",
    "ValidationError endpoint: Invalid Configuration: Dualstack and custom endpoint are not supported",
  ]);
  assert.match(refused[2], /^ValidationError options: .*"useFIPSEndpoint".*Did you mean "useFipsEndpoint"\?/);
  assert.equal(requested.length, regions.length * 4, "nothing sent for refused options");
  await ctx.close();
});
