// What an end-to-end test file runs against, started before its tests and stopped after them:
// cognito-local with a user pool (optional), a dev server (optional), and headless Chromium.
import { before, after } from "node:test";
import { startCognitoLocal, createPool } from "./cognito-local.mjs";
import { startDevServer } from "./dev-server.mjs";
import { launch } from "./browser.mjs";

/**
 * Registers the hooks and returns the stack `{cognito, pool, server, browser}`, filled in before
 * the first test, when `ready(stack)` is called. `cognito: true` starts cognito-local and creates
 * a pool; `server` (startDevServer's options) starts a dev server. `stack.serve(options)`
 * replaces the dev server during the tests; whichever is current is stopped at the end.
 */
export function useStack({ cognito = false, server = null } = {}, ready = () => {}) {
  const stack = {
    cognito: null,
    pool: null,
    server: null,
    browser: null,
    async serve(options) {
      await stack.server?.stop();
      stack.server = await startDevServer(options);
      return stack.server;
    },
  };
  before(async () => {
    if (cognito) {
      stack.cognito = await startCognitoLocal();
      stack.pool = await createPool(stack.cognito.endpoint);
    }
    if (server) await stack.serve(server);
    stack.browser = await launch();
    ready(stack);
  });
  after(async () => {
    await stack.browser?.close();
    await stack.server?.stop();
    await stack.cognito?.stop();
  });
  return stack;
}
