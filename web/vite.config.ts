import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';

// The server serves the built UI from its wwwroot (see src/Mosaic.Server/Directory.Build.targets).
const outDir = fileURLToPath(new URL('../src/Mosaic.Server/wwwroot', import.meta.url));
const backend = process.env.MOSAIC_BACKEND_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 900 },
  server: { proxy: { '/api': { target: backend, changeOrigin: false } } },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // The machine is small and shared: generous per-test time, still bounded.
    testTimeout: 30_000,
  },
});
