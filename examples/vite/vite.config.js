import { defineConfig } from "vite";
import { resolve } from "node:path";

export default defineConfig({
  // Keep the package out of dependency pre-bundling so its `new URL("…_bg.wasm", import.meta.url)`
  // still points at the wasm file, which Vite then emits as an asset.
  optimizeDeps: { exclude: ["cognito-confirm"] },
  build: {
    target: "es2022",
    rollupOptions: { input: { main: resolve(import.meta.dirname, "index.html"), react: resolve(import.meta.dirname, "react.html") } },
  },
});
