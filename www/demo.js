// The demo page: reads the local server's settings and mounts the form. `?lang=de` shows a
// translation: each one is a small module loaded only when asked for.
import init, { mount, registerLocale } from "/pkg/cognito_confirm.js";

const log = (text) => { document.getElementById("log").textContent += `${text}\n`; };

const lang = new URLSearchParams(location.search).get("lang");
const [config, translation] = await Promise.all([
  fetch("demo-config.json").then((r) => r.json()),
  lang && /^[a-z]{2,3}$/.test(lang) ? import(`/pkg/locales/${lang}.js`).catch(() => null) : null,
  init(),
]);
if (translation) registerLocale(lang, translation.default);
mount("#app", {
  endpoint: new URL("cognito/", location.href).href,
  ...config,
  ...(lang ? { locale: lang } : {}),
  onConfirmed: (response) => log(`confirmed: ${JSON.stringify(response)}`),
  onResent: (response) => log(`code resent: ${JSON.stringify(response.CodeDeliveryDetails)}`),
  onError: (error) => log(`${error.name} (${error.kind}): ${error.message}`),
});
