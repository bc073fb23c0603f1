// Starts the pinned cognito-local on 127.0.0.1 in a throw-away data folder, and talks to it.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const bin = join(root, "node_modules", "cognito-local", "lib", "bin", "start.js");

/** Starts cognito-local on a free loopback port; resolves to {endpoint, dir, stop()}. */
export async function startCognitoLocal() {
  const dir = mkdtempSync(join(tmpdir(), "cognito-local-"));
  mkdirSync(join(dir, ".cognito"));
  // Plain usernames (cognito-local defaults pools to email usernames).
  writeFileSync(join(dir, ".cognito", "config.json"), JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }));
  const child = spawn(process.execPath, ["--no-deprecation", bin], {
    cwd: dir,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", NODE_NO_WARNINGS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: a Ctrl-C in the terminal reaches only our process, which then
    // stops the server in order (and still can ask it for the user's status first).
    detached: true,
  });
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  let log = "";
  const endpoint = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cognito-local did not start:\n${log}`)), 30000);
    const onData = (chunk) => {
      log += chunk;
      const m = log.match(/running on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(`${m[1]}/`);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`cognito-local exited with ${code}:\n${log}`));
    });
  });
  const stop = async () => {
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { endpoint, dir, stop, log: () => log };
}

/** Calls a Cognito operation as JSON (cognito-local does not check signatures). */
export async function call(endpoint, operation, body) {
  const res = await fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.1",
      "X-Amz-Target": `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) {
    const err = new Error(`${operation}: ${json.__type}: ${json.message}`);
    err.type = json.__type;
    throw err;
  }
  return json;
}

/** Creates a pool and an app client; resolves to {poolId, clientId}. */
export async function createPool(endpoint, name = "demo") {
  const { UserPool } = await call(endpoint, "CreateUserPool", { PoolName: name });
  const { UserPoolClient } = await call(endpoint, "CreateUserPoolClient", { UserPoolId: UserPool.Id, ClientName: "web" });
  return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId };
}

/** Signs up an unconfirmed user; resolves to the confirmation code cognito-local stored. */
export async function signUp(env, { clientId, poolId }, username, email = `${username}@example.com`) {
  await call(env.endpoint, "SignUp", {
    ClientId: clientId,
    Username: username,
    Password: "Corr3ct-Horse!",
    UserAttributes: [{ Name: "email", Value: email }],
  });
  return storedUser(env, poolId, username).ConfirmationCode;
}

/** The user record as cognito-local stored it (status, code, password). */
export function storedUser(env, poolId, username) {
  const db = JSON.parse(readFileSync(join(env.dir, ".cognito", "db", `${poolId}.json`), "utf8"));
  return db.Users?.[username];
}

/** `UserStatus` as AdminGetUser reports it. */
export async function userStatus(endpoint, poolId, username) {
  const user = await call(endpoint, "AdminGetUser", { UserPoolId: poolId, Username: username });
  return user.UserStatus;
}
