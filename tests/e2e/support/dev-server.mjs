// Serves www/ and pkg/ on 127.0.0.1 and proxies /cognito/ to cognito-local. Demo and test
// support only, not part of the product: a dev layer in front of cognito-local adds what it lacks,
// with real Cognito's shapes: ResendConfirmationCode (a new code, the old one invalid,
// CodeDeliveryDetails), and the sign-in that follows a confirmation (a Session in the answers to
// SignUp and ConfirmSignUp, and InitiateAuth USER_AUTH answering that Session with tokens).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, normalize, extname, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import { call, storedUser } from "./cognito-local.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

/** Masks an email the way Cognito does in CodeDeliveryDetails: a***@e***.com. */
export function maskEmail(email) {
  const [local, domain = ""] = email.split("@");
  const dot = domain.lastIndexOf(".");
  const tld = dot >= 0 ? domain.slice(dot) : "";
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${tld}`;
}

/**
 * Starts the server. `cognito` is {endpoint, dir}; `pool` is {poolId, clientId};
 * `pageConfig` is served as /demo-config.json; `onCode(username, code)` hears new codes;
 * `headers` are added to every static answer (e.g. a Content-Security-Policy); `root` is the
 * folder served at / (www/ by default); `pages` maps paths to pages (HTML, or a script where the path ends in .js), or to functions of the
 * server's URL that return it. With `holdWasm`, every `.wasm` file waits until
 * `releaseWasm()`: the page as it is on a slow network, before the module has arrived.
 * `calls` lists the X-Amz-Target of every call proxied to Cognito, in order.
 */
export async function startDevServer({ cognito = null, pool = null, pageConfig = {}, onCode = () => {}, headers = {}, port = 0, root: site = join(root, "www"), pages = {}, holdWasm = false }) {
  const calls = [];
  let release;
  const released = holdWasm ? new Promise((resolve) => (release = resolve)) : Promise.resolve();
  const wasmRequests = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      if (url.pathname === "/cognito/" && req.method === "POST" && cognito) {
        calls.push(req.headers["x-amz-target"] ?? "");
        return await proxy(req, res);
      }
      if (Object.hasOwn(pages, url.pathname)) {
        const page = pages[url.pathname];
        const html = typeof page === "function" ? page(`http://127.0.0.1:${server.address().port}/`) : page;
        return send(res, 200, { "Content-Type": TYPES[extname(url.pathname)] ?? TYPES[".html"], "Cache-Control": "no-store", ...headers }, html);
      }
      if (url.pathname.endsWith(".wasm")) {
        wasmRequests.push(url.pathname);
        await released;
      }
      if (url.pathname === "/demo-config.json") {
        return send(res, 200, { "Content-Type": TYPES[".json"], "Cache-Control": "no-store" }, JSON.stringify(pageConfig));
      }
      let path = url.pathname;
      let base = site;
      if (path.startsWith("/pkg/")) {
        base = join(root, "pkg");
        path = path.slice(4);
      } else if (path.startsWith("/test/")) {
        base = join(root, "tests", "e2e", "pages");
        path = path.slice(5);
      }
      if (path.endsWith("/")) path += "index.html";
      const file = normalize(join(base, path));
      if (!file.startsWith(base)) return send(res, 403, {}, "forbidden");
      const body = await readFile(file);
      send(res, 200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store", ...headers }, body);
    } catch (e) {
      send(res, e.code === "ENOENT" ? 404 : 500, { "Content-Type": "text/plain" }, e.code === "ENOENT" ? "not found" : String(e));
    }
  });

  async function proxy(req, res) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks).toString("utf8");
    const target = req.headers["x-amz-target"] ?? "";
    const answer = ({ status, json }) => send(res, status, { "Content-Type": "application/x-amz-json-1.1" }, JSON.stringify(json));
    const forward = {};
    for (const h of ["content-type", "x-amz-target", "x-amz-date", "authorization", "x-amz-security-token"]) {
      if (req.headers[h]) forward[h] = req.headers[h];
    }
    // The call as it came (or with another body), to cognito-local.
    const upstream = (sent = body) => fetch(cognito.endpoint, { method: "POST", headers: forward, body: sent });
    if (target === "AWSCognitoIdentityProviderService.ResendConfirmationCode") {
      return answer(await resend(JSON.parse(body)));
    }
    if (target === "AWSCognitoIdentityProviderService.InitiateAuth" && JSON.parse(body).AuthFlow === "USER_AUTH") {
      return answer(signIn(JSON.parse(body)));
    }
    if (target === "AWSCognitoIdentityProviderService.SignUp" || target === "AWSCognitoIdentityProviderService.ConfirmSignUp") {
      return answer(await withSession(target.split(".")[1], JSON.parse(body), upstream));
    }
    const reply = await upstream();
    const text = await reply.text();
    send(res, reply.status, { "Content-Type": reply.headers.get("content-type") ?? "application/json" }, text);
  }

  // The sign-in after a confirmation, as Cognito's choice-based sign-in does it: SignUp answers
  // with a Session; ConfirmSignUp given that Session answers with a new one; InitiateAuth
  // USER_AUTH with that one answers with tokens, once. cognito-local has none of it.
  const sessions = new Map(); // Session -> {username, step: "signed-up" | "confirmed"}
  const newSession = (username, step) => {
    const session = `dev-layer-session-${randomBytes(24).toString("base64url")}`;
    sessions.set(session, { username, step });
    return session;
  };
  async function withSession(operation, request, upstream) {
    // cognito-local is given the request without the Session, which it does not know.
    const { Session, ...rest } = request;
    const reply = await upstream(JSON.stringify(operation === "SignUp" ? request : rest));
    const json = await reply.json();
    if (!reply.ok) return { status: reply.status, json };
    if (operation === "SignUp") return { status: 200, json: { ...json, Session: newSession(request.Username, "signed-up") } };
    const given = sessions.get(Session);
    if (given?.username !== request.Username || given.step !== "signed-up") return { status: 200, json };
    sessions.delete(Session);
    return { status: 200, json: { ...json, Session: newSession(request.Username, "confirmed") } };
  }
  function signIn(request) {
    const username = request.AuthParameters?.USERNAME;
    const given = sessions.get(request.Session);
    if (request.ClientId !== pool.clientId) return { status: 400, json: { __type: "ResourceNotFoundException", message: "User pool client does not exist." } };
    if (given?.username !== username || given.step !== "confirmed") {
      return { status: 400, json: { __type: "NotAuthorizedException", message: "Invalid session for the user." } };
    }
    sessions.delete(request.Session);
    const token = (kind) => `dev-layer.${kind}.${randomBytes(32).toString("base64url")}`;
    return {
      status: 200,
      json: {
        AuthenticationResult: { AccessToken: token("access"), ExpiresIn: 3600, TokenType: "Bearer", RefreshToken: token("refresh"), IdToken: token("id") },
        ChallengeParameters: {},
      },
    };
  }

  // Real Cognito's answers: UserNotFoundException, InvalidParameterException "User is already
  // confirmed.", or CodeDeliveryDetails. The new code comes from signing the user up again.
  async function resend(request) {
    const error = (type, message) => ({ status: 400, json: { __type: type, message } });
    if (request.ClientId !== pool.clientId) return error("ResourceNotFoundException", "User pool client does not exist.");
    const user = storedUser(cognito, pool.poolId, request.Username);
    if (!user) return error("UserNotFoundException", "Username/client id combination not found.");
    if (user.UserStatus === "CONFIRMED") return error("InvalidParameterException", "User is already confirmed.");
    const attributes = user.Attributes.filter((a) => a.Name !== "sub");
    await call(cognito.endpoint, "AdminDeleteUser", { UserPoolId: pool.poolId, Username: request.Username });
    await call(cognito.endpoint, "SignUp", {
      ClientId: pool.clientId,
      Username: request.Username,
      Password: user.Password,
      UserAttributes: attributes,
    });
    const code = storedUser(cognito, pool.poolId, request.Username).ConfirmationCode;
    onCode(request.Username, code);
    const email = attributes.find((a) => a.Name === "email")?.Value ?? "";
    return {
      status: 200,
      json: { CodeDeliveryDetails: { Destination: maskEmail(email), DeliveryMedium: "EMAIL", AttributeName: "email" } },
    };
  }

  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const stop = () => new Promise((resolve) => {
    release?.();
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
  return { url, stop, calls, wasmRequests, releaseWasm: () => release?.() };
}

function send(res, status, headers, body) {
  res.writeHead(status, headers);
  res.end(body);
}
