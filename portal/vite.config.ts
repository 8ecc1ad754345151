import { defineConfig } from 'vite';

// A static build: `npm run build` writes portal/dist, served by serve.mjs (or any static server).
export default defineConfig({
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, sourcemap: false },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
