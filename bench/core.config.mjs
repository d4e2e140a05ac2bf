// Builds the core as a Node library for the bench, so it times exactly the shipped code.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist-bench',
    emptyOutDir: true,
    target: 'node20',
    lib: { entry: 'src/core/index.ts', formats: ['es'], fileName: () => 'core.js' },
  },
});
