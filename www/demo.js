// The demo page: reads the local server's settings and mounts the form.
import init, { mount } from "/pkg/cognito_confirm.js";

const log = (text) => { document.getElementById("log").textContent += `${text}\n`; };

await init();
const config = await (await fetch("demo-config.json")).json();
mount("#app", {
  endpoint: new URL("cognito/", location.href).href,
  ...config,
  onConfirmed: (response) => log(`confirmed: ${JSON.stringify(response)}`),
  onResent: (response) => log(`code resent: ${JSON.stringify(response.CodeDeliveryDetails)}`),
  onError: (error) => log(`${error.name} (${error.kind}): ${error.message}`),
});
