// React usage: mount the form in an effect and unmount it on cleanup.
import React, { useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import init, { mount } from "cognito-confirm";

const ready = init();

function ConfirmSignUp({ onConfirmed, ...options }) {
  const ref = useRef(null);
  useEffect(() => {
    let handle;
    let cancelled = false;
    ready.then(() => {
      if (!cancelled) handle = mount(ref.current, { ...options, onConfirmed });
    });
    return () => {
      cancelled = true;
      handle?.unmount();
    };
  }, [options.clientId, options.username]);
  return <div ref={ref} />;
}

function App() {
  const params = new URLSearchParams(location.search);
  const [confirmed, setConfirmed] = useState(false);
  return confirmed ? (
    <p role="status">Welcome aboard!</p>
  ) : (
    <ConfirmSignUp
      endpoint={params.get("endpoint")}
      clientId={params.get("clientId")}
      username={params.get("username")}
      onConfirmed={() => setConfirmed(true)}
    />
  );
}

createRoot(document.getElementById("root")).render(<App />);
