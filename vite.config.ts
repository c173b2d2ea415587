import { defineConfig } from 'vite';

/** `vite build --mode lib`: the package (ESM, dependencies left external). Otherwise: the demo page. */
export default defineConfig(({ mode }) =>
  mode === 'lib'
    ? {
        build: {
          outDir: 'dist',
          copyPublicDir: false,
          sourcemap: true,
          target: 'es2022',
          lib: {
            entry: { index: 'src/index.ts', define: 'src/define.ts', rules: 'src/rules/index.ts' },
            formats: ['es'],
          },
          rollupOptions: { external: [/^lit/, /^@lit\//, /^@lit-labs\//, /^zod/, /^libphonenumber-js/] },
        },
      }
    : {
        root: 'demo',
        publicDir: 'public',
        build: { outDir: '../dist-demo', emptyOutDir: true, target: 'es2022' },
      },
);
