/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The backend serves dist/ at / (with a history fallback) and proxies nothing, so in
// development the dev server forwards /api and /docs to a locally running backend.
const backend = process.env.PARTNER_HUB_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': backend,
    },
  },
  build: {
    // Source maps stay out of the shipped bundle; the backend serves dist/ as is.
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    // Component tests type into real forms and load lazy pages; 2-core CI needs headroom.
    testTimeout: 20_000,
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
