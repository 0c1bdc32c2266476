// Vite build of the kg browser app: root viewer/, output dist/viewer (served by `kg serve`).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** `vite build --config viewer/vite.config.ts` → dist/viewer; `vite --config …` proxies /api to KG_API. */
export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/viewer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // dev mode: `KG_API=http://127.0.0.1:4747 npx vite --config viewer/vite.config.ts`
    proxy: { '/api': process.env.KG_API ?? 'http://127.0.0.1:4747' },
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
