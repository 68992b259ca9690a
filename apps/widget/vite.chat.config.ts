import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The chat chunk: an ES module the loader imports only when the visitor opens the chat.
// An app build (not lib mode) so the ES output is fully minified; the entry keeps its exports.
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: false,
    rollupOptions: {
      input: 'src/chat/index.tsx',
      // The entry may export more (what lazy chunks share with it), so shared code stays in chat.js.
      preserveEntrySignatures: 'allow-extension',
      // Languages other than English are chunks of their own, loaded only when used.
      output: { entryFileNames: 'chat.js', chunkFileNames: 'chat-[name]-[hash].js' },
    },
  },
});
