import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: built into web/dist and served by the mockops server (same origin as the API).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
  server: { proxy: { '/api': 'http://127.0.0.1:4317' } },
});
