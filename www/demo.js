// The demo page: reads the local server's settings and mounts the form. `?lang=de` shows a
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
  onConfirmed: (response) => log(`confirmed: ${JSON.stringify(response)}`),
  onResent: (response) => log(`code resent: ${JSON.stringify(response.CodeDeliveryDetails)}`),
  onError: (error) => log(`${error.name} (${error.kind}): ${error.message}`),
});
if (lang && /^[a-z]{2,3}$/.test(lang) && lang !== "en") {
  import(`/pkg/locales/${lang}.js`)
    .then((module) => registerLocale(lang, module.default))
    .catch(() => log(`no translation for "${lang}"`));
}
