// The demo page: reads the local server's settings (with the Session of the sign-up, to sign in
// right after confirming) and mounts the form. `?lang=de` shows a
// translation: each is a small module, loaded here after the form is up (the form switches to
// it when it arrives, keeping what was typed).
import init, { mount, registerLocale } from "/pkg/cognito_confirm.js";

const log = (text) => { document.getElementById("log").textContent += `${text}\n`; };

const lang = new URLSearchParams(location.search).get("lang");
const [config] = await Promise.all([fetch("demo-config.json").then((r) => r.json()), init()]);
mount("#app", {
  endpoint: new URL("cognito/", location.href).href,
  ...config,
  ...(lang ? { locale: lang } : {}),
  // The Session is never shown: it is a credential.
  onConfirmed: (response) => log(`confirmed${response.Session ? " (with a Session for the sign-in)" : ""}`),
  // Nor are the tokens: the page would hand them to its own session handling.
  onSignedIn: (response) => log(`signed in: tokens that expire in ${response.AuthenticationResult?.ExpiresIn} s`),
  onChallenge: (response) => log(`sign-in challenge: ${response.ChallengeName}`),
  onResent: (response) => log(`code resent: ${JSON.stringify(response.CodeDeliveryDetails)}`),
  onError: (error) => log(`${error.name} (${error.kind}): ${error.message}`),
});
if (lang && /^[a-z]{2,3}$/.test(lang) && lang !== "en") {
  import(`/pkg/locales/${lang}.js`)
    .then((module) => registerLocale(lang, module.default))
    .catch(() => log(`no translation for "${lang}"`));
}
