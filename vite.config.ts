/**
 * The dashboard build (`npm run build:web`): src/web → dist/web, served by `parley serve`.
 * Plain TypeScript modules, no framework; each view is its own chunk, so echarts loads with the dyad
 * view and cytoscape with the network view.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: '/',
  publicDir: false,
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
