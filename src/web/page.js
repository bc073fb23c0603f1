// The form's dealings with the page around it. What the page offers (src/web/page.rs): each is
// optional, and where it is missing or fails the answer is "" and the form goes on without it.
// What the form adds to the page: its default stylesheet (src/web/style.rs).
//
// One module for both: a page that loads the crate's modules unbundled (a Rust app, the
// browser tests) fetches each one on its own (see the README's Layout section).

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

// The default stylesheet (style.css, handed over by src/web/style.rs), adopted as a
// constructable stylesheet so that it works under a strict Content-Security-Policy (no inline
// <style>): one sheet, added once to each document or shadow root that holds a form. Where the
// browser cannot construct one, forms go without it.
let sheet;

export function adoptStyles(element, css) {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
  }
  if (!sheet) return;
  const root = element.getRootNode();
  const holder = root instanceof ShadowRoot || root instanceof Document ? root : element.ownerDocument;
  if (holder && !holder.adoptedStyleSheets.includes(sheet)) {
    holder.adoptedStyleSheets = [...holder.adoptedStyleSheets, sheet];
  }
}
