import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The chat chunk: an ES module the loader imports only when the visitor opens the chat.
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    lib: { entry: 'src/chat/index.tsx', formats: ['es'], fileName: () => 'chat.js' },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
