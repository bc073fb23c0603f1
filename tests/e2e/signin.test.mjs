// Signed in right after confirming: the form with `session` and `autoSignIn` sends the SignUp
// Session with ConfirmSignUp and, with the Session that comes back, InitiateAuth USER_AUTH; then
// hands the tokens to onSignedIn, or the next challenge to onChallenge. cognito-local has no
// USER_AUTH and returns no Session, so the dev layer in front of it answers these with real
// Cognito's shapes (support/dev-server.mjs), and the other answers (a challenge, an expired
// Session) are given in the page, as real Cognito gives them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CognitoIdentityProviderClient, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { call, storedUser, userStatus } from "./support/cognito-local.mjs";
import { newPage } from "./support/browser.mjs";
import { useStack } from "./support/stack.mjs";

let cognito, pool, server, browser;
const stack = useStack({ cognito: true }, (s) => ({ cognito, pool, browser } = s));
// The dev server with its dev layer in front of cognito-local, started on first use and stopped
// with the stack.
const dev = async () => (server ??= await stack.serve({ cognito, pool }));

/** Signs `username` up through the dev layer, as an app's sign-up page would: {code, session}. */
async function signUpWithSession(username) {
  const { Session } = await call(`${(await dev()).url}cognito/`, "SignUp", {
    ClientId: pool.clientId,
    Username: username,
    Password: "Corr3ct-Horse!",
    UserAttributes: [{ Name: "email", Value: `${username}@example.com` }],
  });
  assert.ok(Session?.length >= 20, "the dev layer's SignUp answers with a Session");
  return { code: storedUser(cognito, pool.poolId, username).ConfirmationCode, session: Session };
}

/** The form for `username`, mounted with `options`; the callbacks' calls land in `window.seen`. */
async function mountForm(username, options) {
  await dev();
  const opened = await newPage(browser);
  const { page } = opened;
  opened.bodies = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/cognito/")) opened.bodies.push({ target: r.headers()["x-amz-target"].split(".")[1], body: r.postData() });
  });
  opened.console = [];
  page.on("console", (m) => opened.console.push(m.text()));
  await page.goto(`${server.url}test/blank.html`);
  await page.evaluate(async ({ endpoint, clientId, username, options }) => {
    const cc = await import("/pkg/cognito_confirm.js");
    await cc.default();
    window.seen = [];
    const record = (name) => (value) => window.seen.push({ name, value: value instanceof Error ? { name: value.name, kind: value.kind, message: value.message } : value });
    cc.mount("#app", {
      endpoint, clientId, username, ...options,
      onConfirmed: record("confirmed"), onSignedIn: record("signedIn"), onChallenge: record("challenge"), onError: record("error"),
    });
  }, { endpoint: `${server.url}cognito/`, clientId: pool.clientId, username, options });
  return opened;
}

const confirmWith = async (page, code) => {
  await page.getByRole("textbox", { name: "Confirmation code" }).fill(code);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
};
const status = (page) => page.getByRole("status").textContent();
const seen = (page) => page.evaluate(() => window.seen);

/** The body the AWS SDK v3's InitiateAuthCommand sends for `input`, caught before it leaves. */
async function sdkBody(input) {
  let body;
  const client = new CognitoIdentityProviderClient({
    region: "eu-west-1", maxAttempts: 1,
    requestHandler: { handle: async (request) => { body = new TextDecoder().decode(request.body); throw new Error("caught"); } },
  });
  await client.send(new InitiateAuthCommand(input)).catch(() => {});
  return body;
}

test("with session and autoSignIn, one ConfirmSignUp and one InitiateAuth sign the user in, both as the AWS SDK sends them", async () => {
  const { code, session } = await signUpWithSession("sam");
  const { page, context, problems, bodies, console: logged } = await mountForm("sam", { session, autoSignIn: true });
  await confirmWith(page, code);
  await page.getByRole("status").filter({ hasText: "You are signed in." }).waitFor();
  assert.equal(await page.locator(".cognito-confirm").getAttribute("data-state"), "confirmed");
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "sam"), "CONFIRMED");

  const calls = await seen(page);
  assert.deepEqual(calls.map((c) => c.name), ["confirmed", "signedIn"], "onConfirmed first, then onSignedIn");
  const confirmSession = calls[0].value.Session;
  assert.ok(confirmSession?.startsWith("dev-layer-session-") && confirmSession !== session, "ConfirmSignUp's new Session");
  const tokens = calls[1].value.AuthenticationResult;
  assert.equal(tokens.TokenType, "Bearer");
  assert.equal(tokens.ExpiresIn, 3600);
  for (const t of ["AccessToken", "IdToken", "RefreshToken"]) assert.match(tokens[t], /^dev-layer\./);

  // On the wire: the sign-up's Session with ConfirmSignUp, then InitiateAuth as the SDK sends it.
  assert.deepEqual(bodies.map((b) => b.target), ["ConfirmSignUp", "InitiateAuth"], "exactly two requests");
  assert.equal(JSON.parse(bodies[0].body).Session, session);
  const expected = { AuthFlow: "USER_AUTH", ClientId: pool.clientId, AuthParameters: { USERNAME: "sam" }, Session: confirmSession };
  assert.equal(bodies[1].body, await sdkBody(expected), "InitiateAuth byte for byte");

  // Tokens and Sessions stay with the app: not in the DOM, attributes, console or storage.
  const secrets = [session, confirmSession, tokens.AccessToken, tokens.IdToken, tokens.RefreshToken];
  const page_text = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  }));
  for (const secret of secrets) {
    assert.ok(!page_text.html.includes(secret), "not in the DOM");
    assert.ok(!page_text.storage.includes(secret), "not in storage");
    assert.ok(!logged.some((line) => line.includes(secret)), "not on the console");
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("an EMAIL_OTP challenge goes to onChallenge, and the form says the account is confirmed", async () => {
  const { code, session } = await signUpWithSession("cam");
  const { page, context, bodies } = await mountForm("cam", { session, autoSignIn: true });
  // Real Cognito's answer when the pool wants a second factor (ChallengeNameType, the API model).
  const challenge = {
    ChallengeName: "EMAIL_OTP",
    Session: "AYABchallenge".padEnd(60, "x"),
    ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: "EMAIL", CODE_DELIVERY_DESTINATION: "c***@e***.com" },
    AvailableChallenges: ["EMAIL_OTP", "PASSWORD"],
  };
  await page.route(/\/cognito\/$/, (route) => route.request().headers()["x-amz-target"].endsWith(".InitiateAuth")
    ? route.fulfill({ status: 200, contentType: "application/x-amz-json-1.1", body: JSON.stringify(challenge) })
    : route.continue());
  await confirmWith(page, code);
  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  assert.equal(await status(page), "Your account is confirmed.");
  const calls = await seen(page);
  assert.deepEqual(calls.map((c) => c.name), ["confirmed", "challenge"]);
  assert.deepEqual(calls[1].value, challenge, "the challenge as Cognito sent it");
  assert.deepEqual(bodies.map((b) => b.target), ["ConfirmSignUp", "InitiateAuth"]);
  assert.ok(!(await page.content()).includes(challenge.Session), "the challenge's Session is not in the DOM");
  await context.close();
});

test("an expired Session: the user is confirmed, told to sign in, and onError gets the named error; no resend is offered", async () => {
  const { code, session } = await signUpWithSession("eve");
  const { page, context } = await mountForm("eve", { session, autoSignIn: true });
  await page.route(/\/cognito\/$/, (route) => route.request().headers()["x-amz-target"].endsWith(".InitiateAuth")
    ? route.fulfill({ status: 400, contentType: "application/x-amz-json-1.1", body: JSON.stringify({ __type: "NotAuthorizedException", message: "Invalid session for the user." }) })
    : route.continue());
  await confirmWith(page, code);
  await page.getByRole("status").filter({ hasText: "Sign in to continue" }).waitFor();
  assert.equal(await status(page), "Your account is confirmed. Sign in to continue.");
  assert.equal(await page.locator(".cognito-confirm").getAttribute("data-state"), "confirmed");
  assert.equal(await page.locator("[role=alert]").textContent(), "", "not shown as an error of the form");
  assert.equal(await page.getByRole("button", { name: /Resend code/ }).isDisabled(), true, "no code is offered again");
  const calls = await seen(page);
  assert.deepEqual(calls.map((c) => c.name), ["confirmed", "error"]);
  assert.deepEqual(calls[1].value, { name: "NotAuthorizedException", kind: "session-expired", message: "Invalid session for the user." });
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "eve"), "CONFIRMED");
  await context.close();
});

test("no Session back (none given): no InitiateAuth, confirmed as before", async () => {
  const { code } = await signUpWithSession("noa");
  const { page, context, bodies } = await mountForm("noa", { autoSignIn: true });
  await confirmWith(page, code);
  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  assert.equal(await status(page), "Your account is confirmed.");
  assert.deepEqual(bodies.map((b) => b.target), ["ConfirmSignUp"]);
  assert.equal(JSON.parse(bodies[0].body).Session, undefined);
  assert.deepEqual((await seen(page)).map((c) => c.name), ["confirmed"]);
  await context.close();
});

test("without autoSignIn the Session is still sent, and nothing signs in", async () => {
  const { code, session } = await signUpWithSession("ona");
  const { page, context, bodies } = await mountForm("ona", { session });
  await confirmWith(page, code);
  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  assert.deepEqual(bodies.map((b) => b.target), ["ConfirmSignUp"]);
  const calls = await seen(page);
  assert.deepEqual(calls.map((c) => c.name), ["confirmed"]);
  assert.ok(calls[0].value.Session, "onConfirmed has the Session for the app to sign in itself");
  await context.close();
});

test("headless initiateAuth: tokens for a good Session, named errors for a used one and for bad input, nothing sent for bad input", async () => {
  const { code, session } = await signUpWithSession("hal");
  const { page, context, bodies } = await mountForm("nobody", {});
  const out = await page.evaluate(async ({ endpoint, clientId, code, session }) => {
    const cc = await import("/pkg/headless/cognito_confirm.js");
    await cc.default();
    const outcome = (p) => p.then((v) => ["ok", v], (e) => ["error", `${e.name} ${e.kind} ${e.field ?? ""}: ${e.message}`]);
    const { Session } = await cc.confirmSignUp({ ClientId: clientId, Username: "hal", ConfirmationCode: code, Session: session }, { endpoint });
    const request = { AuthFlow: "USER_AUTH", ClientId: clientId, AuthParameters: { USERNAME: "hal" }, Session };
    return {
      first: await outcome(cc.initiateAuth(request, { endpoint })),
      again: await outcome(cc.initiateAuth(request, { endpoint })),
      flow: await outcome(cc.initiateAuth({ ...request, AuthFlow: "USER_PASSWORD_AUTH" }, { endpoint })),
      short: await outcome(cc.initiateAuth({ ...request, Session: "too-short" }, { endpoint })),
      misspelt: await outcome(cc.initiateAuth({ ...request, AuthParameters: { USERNAME: "hal", SECRETHASH: "x" } }, { endpoint })),
    };
  }, { endpoint: `${server.url}cognito/`, clientId: pool.clientId, code, session });
  assert.equal(out.first[0], "ok");
  assert.match(out.first[1].AuthenticationResult.AccessToken, /^dev-layer\.access\./);
  assert.deepEqual(out.again, ["error", "NotAuthorizedException session-expired : Invalid session for the user."]);
  assert.equal(out.flow[0], "error");
  assert.match(out.flow[1], /^ValidationError validation AuthFlow: AuthFlow must be USER_AUTH/);
  assert.match(out.short[1], /^ValidationError validation Session: Session must be 20 to 4096 characters long/);
  assert.match(out.misspelt[1], /^ValidationError validation AuthParameters: .*"SECRETHASH".*Did you mean "SECRET_HASH"\?/);
  assert.deepEqual(bodies.map((b) => b.target), ["ConfirmSignUp", "InitiateAuth", "InitiateAuth"], "nothing sent for bad input");
  await context.close();
});

test("the custom element signs in with its session property and auto-sign-in attribute: confirmed, then signed-in", async () => {
  const { code, session } = await signUpWithSession("eli");
  const { page, context, problems } = await newPage(browser);
  await page.goto(`${server.url}test/blank.html`);
  await page.evaluate(async ({ endpoint, clientId, session }) => {
    const cc = await import("/pkg/cognito_confirm.js");
    await cc.default();
    cc.defineElement();
    window.events = [];
    for (const type of ["confirmed", "signed-in", "sign-in-challenge", "confirm-error"]) {
      document.addEventListener(type, (e) => window.events.push({ type, tokenType: e.detail?.AuthenticationResult?.TokenType }));
    }
    const el = document.createElement("cognito-confirm-sign-up");
    el.setAttribute("endpoint", endpoint);
    el.setAttribute("client-id", clientId);
    el.setAttribute("username", "eli");
    el.setAttribute("auto-sign-in", "");
    el.session = session;
    document.getElementById("app").append(el);
  }, { endpoint: `${server.url}cognito/`, clientId: pool.clientId, session });
  await confirmWith(page, code);
  await page.getByRole("status").filter({ hasText: "You are signed in." }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.events), [{ type: "confirmed", tokenType: undefined }, { type: "signed-in", tokenType: "Bearer" }]);
  const leaked = await page.evaluate((session) => {
    const el = document.querySelector("cognito-confirm-sign-up");
    return document.documentElement.outerHTML.includes(session) || el.shadowRoot.innerHTML.includes("dev-layer") || el.session !== undefined;
  }, session);
  assert.equal(leaked, false, "the Session is neither in the page nor readable back");
  assert.deepEqual(problems, []);
  await context.close();
});
