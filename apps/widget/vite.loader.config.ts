import { defineConfig } from 'vite';

// The loader: a tiny framework-free IIFE behind <script src="/widget.js">.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    // The same as the chat chunk's: a browser without it could not chat anyway (native ?. and ?? keep the loader small).
    target: 'es2020',
    lib: { entry: 'src/loader/index.ts', formats: ['iife'], name: 'TribuLoader', fileName: () => 'widget.js' },
  },
});
