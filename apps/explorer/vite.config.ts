import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Static files in dist/: index.html loads one module script (no inline script, so the served
// Content-Security-Policy can say `script-src 'self'`); the message page's wallet actions are a
// chunk of their own, loaded when a user acts.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
    // dist/.vite/manifest.json: which chunks the first page loads (the bench weighs them).
    manifest: true,
    // Vite's module preload polyfill is an inline-free script, but it is not needed: es2022 browsers preload natively.
    modulePreload: { polyfill: false },
  },
})
