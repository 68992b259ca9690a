import { defineConfig } from 'vite';

// The loader: a tiny framework-free IIFE behind <script src="/widget.js">.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2018',
    lib: { entry: 'src/loader/index.ts', formats: ['iife'], name: 'TribuLoader', fileName: () => 'widget.js' },
  },
});
