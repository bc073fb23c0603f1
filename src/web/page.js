// What the page around the form offers (src/web/page.rs). Each is optional: where it is missing,
// or fails, the answer is "" and the form goes on without it.

// `?name=value` from the page URL.
export function urlParam(name) {
  return new URLSearchParams(globalThis.location?.search ?? "").get(name) ?? "";
}

// A one-time code from an incoming SMS through the WebOTP API, until `signal` aborts.
export async function webOtp(signal) {
  if (!("OTPCredential" in globalThis)) return "";
  try {
    const credential = await navigator.credentials.get({ otp: { transport: ["sms"] }, signal });
    return String(credential?.code ?? "");
  } catch {
    return "";
  }
}

// UserContextData.EncodedData from Cognito's advanced-security script, when the page loaded it.
export function advancedSecurityData(username, userPoolId, clientId) {
  try {
    const data = globalThis.AmazonCognitoAdvancedSecurityData?.getData?.(username, userPoolId, clientId);
    return typeof data === "string" ? data : "";
  } catch {
    return "";
  }
}
