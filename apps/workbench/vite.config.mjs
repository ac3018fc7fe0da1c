// The workbench is built into dist/apps/workbench, which the admin API serves at /admin/.
// Preact's JSX is compiled by Vite's own transformer (no Babel plugin needed).
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default {
  root,
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/workbench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: { proxy: { '/admin/v1': 'http://localhost:3000' } },
};
