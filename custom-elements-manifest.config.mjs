/** custom-elements.json from the elements' JSDoc and their registrations (`npm run build`). */

/** Events are dispatched as class instances the analyzer cannot name; the `@fires` tags name them instead. */
const namedEventsOnly = {
  name: 'named-events-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
      }
    }
  },
};

export default {
  globs: ['src/elements/*/*.ts', 'src/elements/internal/events.ts'],
  exclude: ['src/elements/*/*.styles.ts', 'src/elements/*/*.messages.ts', 'src/elements/*/*-state.ts', 'src/elements/*/*-controller.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [namedEventsOnly],
};
