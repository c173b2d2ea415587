import { defineConfig, type Plugin } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

/** lit's template text minified in the package, since a page's bundler leaves template literals as written. */
const templates: Plugin = {
  name: 'minify-templates',
  transform: (code, id) => (/\/src\/.*\.ts$/.test(id) ? { code: minifyTemplates(code, id), map: null } : undefined),
};

/**
 * `vite build --mode lib`: the package (ESM, dependencies left external). Otherwise: the demo page, on msw alone
 * with `--mode static` (demo/.env.static).
 */
export default defineConfig(({ mode }) =>
  mode === 'lib'
    ? {
        plugins: [templates],
        build: {
          outDir: 'dist',
          copyPublicDir: false,
          sourcemap: true,
          target: 'es2022',
          lib: {
            entry: {
              index: 'src/index.ts',
              define: 'src/define.ts',
              rules: 'src/rules/index.ts',
              'locales/fr': 'src/elements/internal/locales/fr.ts',
              'locales/he': 'src/elements/internal/locales/he.ts',
            },
            formats: ['es'],
          },
          rollupOptions: { external: [/^lit/, /^@lit\//, /^zod/] },
        },
      }
    : {
        root: 'demo',
        // Relative URLs, so the static build (`--mode static`) works from any folder of a file server.
        base: './',
        publicDir: 'public',
        build: { outDir: '../dist-demo', emptyOutDir: true, target: 'es2022' },
      },
);
