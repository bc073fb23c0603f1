// Plain JavaScript in a Vite app: the form through mount(), and the custom element.
import init, { mount, defineElement } from "cognito-confirm";

const params = new URLSearchParams(location.search);
const options = { endpoint: params.get("endpoint"), region: params.get("region") ?? undefined, clientId: params.get("clientId") };

await init();
mount("#confirm", {
  ...options,
  username: params.get("username"),
  onConfirmed: (response) => document.body.setAttribute("data-confirmed", JSON.stringify(response)),
});

defineElement();
const element = document.getElementById("element");
element.setAttribute("endpoint", options.endpoint);
element.setAttribute("client-id", options.clientId);
element.setAttribute("username", params.get("elementUsername") ?? "");
