/**
 * Svelte options. Runes are detected per component (every component in src/ uses them);
 * forcing runes mode globally would break @testing-library/svelte's own legacy wrapper.
 * @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig}
 */
export default {};
