// The `--target bundler` build: the wasm is an ES module import (vite-plugin-wasm), started on
// import, so there is no init() to call.
import { mount } from "cognito-confirm/bundler";

const params = new URLSearchParams(location.search);
mount("#confirm", {
  endpoint: params.get("endpoint"),
  clientId: params.get("clientId"),
  username: params.get("username"),
  onConfirmed: (response) => document.body.setAttribute("data-confirmed", JSON.stringify(response)),
});
