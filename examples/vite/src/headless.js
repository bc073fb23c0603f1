// An app with its own form: the Promise API alone from `cognito-confirm/headless`.
import init, { confirmSignUp } from "cognito-confirm/headless";

const params = new URLSearchParams(location.search);
await init();
const form = document.getElementById("own-form");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const result = document.getElementById("result");
  try {
    const response = await confirmSignUp(
      { ClientId: params.get("clientId"), Username: params.get("username"), ConfirmationCode: form.code.value },
      { endpoint: params.get("endpoint") },
    );
    result.value = `confirmed ${JSON.stringify(response)}`;
  } catch (error) {
    result.value = `${error.name}: ${error.message}`;
  }
});
document.body.dataset.ready = "true";
