import { defineConfig } from "vite";
import wasm from "vite-plugin-wasm";
import { resolve } from "node:path";

export default defineConfig({
  // For `cognito-confirm/bundler`, whose wasm is imported as a module.
  plugins: [wasm()],
  // Keep the package out of dependency pre-bundling so the default build's
  // `new URL("…_bg.wasm", import.meta.url)` still points at the wasm file, which Vite emits.
  optimizeDeps: { exclude: ["cognito-confirm"] },
  build: {
    target: "es2022",
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, "index.html"),
        react: resolve(import.meta.dirname, "react.html"),
        bundler: resolve(import.meta.dirname, "bundler.html"),
        headless: resolve(import.meta.dirname, "headless.html"),
      },
    },
  },
});
