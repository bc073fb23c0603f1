// A loopback HTTP server that records every request and answers with a canned JSON body per
// X-Amz-Target, with CORS headers like Cognito's, so browsers and SDKs can be compared.
import { createServer } from "node:http";

export async function startCaptureServer(answers = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const cors = {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Headers": "*, authorization",
      "Access-Control-Allow-Methods": "POST",
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors);
      return res.end();
    }
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const record = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
    requests.push(record);
    const target = (req.headers["x-amz-target"] ?? "").split(".").pop();
    const [status, body] = answers[target] ?? [200, {}];
    res.writeHead(status, { ...cors, "Content-Type": "application/x-amz-json-1.1" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    requests,
    /** The canned answers, by operation; a test may change them between requests. */
    answers,
    stop: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
