// Plain JavaScript in a Vite app: the form through mount(), and the custom element. `?lang=de`
// loads the German texts as their own chunk after the form is up.
import init, { mount, defineElement, registerLocale } from "cognito-confirm";

const params = new URLSearchParams(location.search);
const options = { endpoint: params.get("endpoint"), region: params.get("region") ?? undefined, clientId: params.get("clientId") };

await init();
mount("#confirm", {
  ...options,
  locale: params.get("lang") ?? undefined,
  username: params.get("username"),
  onConfirmed: (response) => document.body.setAttribute("data-confirmed", JSON.stringify(response)),
});

defineElement();
const element = document.getElementById("element");
element.setAttribute("endpoint", options.endpoint);
element.setAttribute("client-id", options.clientId);
element.setAttribute("username", params.get("elementUsername") ?? "");

if (params.get("lang") === "de") {
  import("cognito-confirm/locales/de.js").then((de) => registerLocale("de", de.default));
}
