// `make demo`: cognito-local with a pool, an app client and an unconfirmed user, and the demo
// page served on 127.0.0.1. Prints what to open and type; Ctrl-C stops everything.
import { startCognitoLocal, createPool, call, storedUser, userStatus } from "../tests/e2e/support/cognito-local.mjs";
import { startDevServer } from "../tests/e2e/support/dev-server.mjs";

const username = process.env.DEMO_USERNAME ?? "alice";
const port = Number(process.env.DEMO_PORT ?? 8080);

const cognito = await startCognitoLocal();
const pool = await createPool(cognito.endpoint);
const pageConfig = { clientId: pool.clientId, username };
const server = await startDevServer({
  cognito,
  pool,
  port,
  pageConfig,
  onCode: (user, newCode) => console.log(`  new code for ${user}: ${newCode}`),
});
// Signed up through the dev layer, as an app's sign-up page would: its answer carries the
// Session that the form sends with ConfirmSignUp, to sign the user in right after.
const { Session } = await call(`${server.url}cognito/`, "SignUp", {
  ClientId: pool.clientId,
  Username: username,
  Password: "Corr3ct-Horse!",
  UserAttributes: [{ Name: "email", Value: `${username}@example.com` }],
});
Object.assign(pageConfig, { session: Session, autoSignIn: true });
const code = storedUser(cognito, pool.poolId, username).ConfirmationCode;

console.log(`
cognito-confirm demo
  page:      ${server.url}
  username:  ${username}
  code:      ${code}
  server:    cognito-local at ${cognito.endpoint} (pool ${pool.poolId}, client ${pool.clientId})
Open the page, type the code and press Confirm: the form confirms the user and signs them in
(the sign-in is answered by the dev layer in front of cognito-local, which has no USER_AUTH).
Ctrl-C stops everything.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const status = await userStatus(cognito.endpoint, pool.poolId, username).catch(() => "unknown");
  console.log(`\nUser ${username} is ${status}. Stopping.`);
  await server.stop();
  await cognito.stop();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
