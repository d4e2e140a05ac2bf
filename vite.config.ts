/// <reference types="vitest/config" />
import { createServer, defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { playwright } from '@vitest/browser-playwright';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from './tests/chromium.ts';

/**
 * The Content-Security-Policy of every built page. Added only to the build: Vite's dev
 * server injects inline styles and scripts that a strict policy would block.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Every HTML page of the build (index.html, embed.html) gets the policy as its first tag. */
function strictCsp(): Plugin {
  return {
    name: 'tokenscope-strict-csp',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => ({
        // The widget registers no service worker and is not installable: the manifest link
        // the PWA plugin adds to every page would only cost the embedding page a request.
        html: context.filename.endsWith('embed.html') ? html.replace(/<link rel="manifest"[^>]*>/, '') : html,
        tags: [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
            injectTo: 'head-prepend',
          },
          ...(context.filename.endsWith('embed.html')
            ? []
            : [
                {
                  tag: 'link',
                  attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' },
                  injectTo: 'head' as const,
                },
              ]),
        ],
      }),
    },
  };
}

/**
 * index.html with the first screen already in it, rendered by Svelte's server renderer from
 * the same components (`src/prerender.ts`): the shell and the decoder paint as soon as the
 * stylesheets arrive, without waiting for the JavaScript that then hydrates them.
 */
function prerenderShell(): Plugin {
  return {
    name: 'tokenscope-prerender',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      async handler(html, context) {
        if (!/[\\/]index\.html$/.test(context.filename)) return html;
        const mount = '<div id="app"></div>';
        if (!html.includes(mount))
          throw new Error(`index.html has no empty ${mount} to render the first screen into`);
        const server = await createServer({
          configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
          server: { middlewareMode: true, hmr: false, watch: null },
          appType: 'custom',
          logLevel: 'error',
        });
        try {
          const { renderFirstScreen } = (await server.ssrLoadModule(
            '/src/prerender.ts',
          )) as typeof import('./src/prerender');
          return html.replace(mount, () => `<div id="app">${renderFirstScreen()}</div>`);
        } finally {
          await server.close();
        }
      },
    },
  };
}

/**
 * The offline app. Workbox precaches every built file (the shell, each lazily loaded tool
 * chunk, the workers, embed.html and the icons), so each tool opens with the network off after
 * the first visit. `registerType: 'prompt'`: a new version waits until the person chooses to
 * reload into it; until then the old worker keeps serving the old, complete set of files.
 * Registration happens in `src/state/pwa.svelte.ts` through `virtual:pwa-register` (an
 * inline registration script would break the CSP).
 */
const offlineApp = VitePWA({
  strategies: 'generateSW',
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Tokenscope — JWT workbench',
    short_name: 'Tokenscope',
    description:
      'Decode, verify, generate and audit JSON Web Tokens in your browser, offline, and see how session and JWT authentication behave.',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#0b1020',
    theme_color: '#0f172a',
    categories: ['developer', 'utilities', 'security'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,txt,wasm}'],
    // Source maps are for people debugging, not for the offline app.
    globIgnores: ['**/*.map'],
    navigateFallback: '/index.html',
    // Other pages are precached under their own names; only app routes fall back to the shell.
    navigateFallbackAllowlist: [/^\/(?:index\.html)?$/],
    cleanupOutdatedCaches: true,
    clientsClaim: false,
    skipWaiting: false,
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  },
});

/**
 * The decoder's modules, in two chunks (each with one stylesheet) beside the entry's own.
 * `first-screen`: the Svelte runtime, the token box and its status, on index.html and
 * embed.html alike (DESIGN.md's budget: at most 25 KB gzip). `decoded-token`: inspect() and
 * the core it needs, and what shows a decoded token (report, parts, JSON, claims column,
 * risks, share), requested by the first token and fetched after the load event otherwise: a
 * result cannot show before this chunk, so nothing that needs one is on the first screen.
 * Left to automatic chunking, every module a lazy tool also uses became a file of its own: 15
 * requests and six render-blocking stylesheets, and each small file compresses worse alone.
 * App.svelte's script and its own modules stay in the entry chunk, out of the embed page;
 * the shell's styles join the first-screen stylesheet, so the site has one render-blocking
 * stylesheet (the widget carries 0.2 KiB of unused shell styles for it).
 *
 * The lists are explicit because a group is chosen by module name, not by who imports it:
 * every compiled component imports the whole Svelte runtime through one module, and
 * `core/index.ts` re-exports every tool's core. A module the decoder stops using must leave
 * these lists, or it would still load; one it starts using lands in an automatic chunk (a
 * request more) until added. `npm run bench` prints the files and bytes.
 */
const svelteStyle = String.raw`\.svelte\?svelte&type=style`;
const firstScreenModules = [
  // Vite's and Rolldown's small helpers, the Svelte runtime.
  /^\0(vite[\\/]preload-helper|rolldown[\\/]runtime)/,
  /node_modules[\\/](svelte|clsx)[\\/]/,
  /[\\/]src[\\/]state[\\/](network|url|workspace)\.svelte\.ts$/,
  /[\\/]src[\\/]state[\\/]fragment\.ts$/,
  /[\\/]src[\\/]features[\\/]registry\.ts$/,
  /[\\/]src[\\/]features[\\/]decoder[\\/]decoder\.svelte\.ts$/,
  new RegExp(
    String.raw`[\\/]src[\\/](ui[\\/](Panel|Lazy)|features[\\/]decoder[\\/]Decoder)(\.svelte$|${svelteStyle})`,
  ),
  /[\\/]src[\\/]ui[\\/]when-loaded\.ts$/,
  // The shell's styles (not its script): one stylesheet for the site instead of two.
  new RegExp(String.raw`[\\/]src[\\/](App|features[\\/]privacy[\\/]NetworkIndicator)${svelteStyle}`),
  // The design tokens: main.ts imports them first, so they precede every component's styles.
  /[\\/]src[\\/]ui[\\/]theme\.css$/,
];
/**
 * Parts of the Svelte runtime that only the lazily loaded tools use (two-way bindings, keyed
 * blocks, inline styles, spread props…). They are a chunk of their own: the Svelte
 * runtime is otherwise one block in the first-screen chunk, and would carry every feature
 * any tool uses. The shell and the decoder's box use no `{#each}` for that reason. Possible because the runtime's modules are declared free of side effects
 * (`sideEffectFree` below), so the first screen imports only what it calls. A module listed
 * here that the first screen starts to use shows up as a fourth file in `npm run bench`.
 */
const toolOnlyRuntime = new RegExp(
  String.raw`node_modules[\\/]svelte[\\/]src[\\/](index-client|internal[\\/](flags[\\/]legacy|shared[\\/](clone|warnings)|client[\\/](reactivity[\\/]props|dom[\\/](blocks[\\/](key|each)|elements[\\/](style|bindings[\\/](input|select))))))\.js$`,
);
/**
 * Modules that only declare functions, constants and module state: nothing runs on import,
 * so an import whose bindings go unused can be dropped. The core is pure by design; Svelte's
 * runtime and its `esm-env` flags are written that way too.
 */
const sideEffectFree = [
  /node_modules[\\/]svelte[\\/]src[\\/](index-client|utils|constants|reactivity[\\/]|internal[\\/](client|shared)[\\/])/,
  /node_modules[\\/]esm-env[\\/]/,
  /[\\/]src[\\/]core[\\/]/,
];

const decodedTokenModules = [
  new RegExp(
    String.raw`[\\/]src[\\/](ui[\\/](CopyButton|JsonView|FindingList)|features[\\/](decoder[\\/](TokenParts|TokenActions|DecodedJson|DecodedColumn|Validity|DecodeReport)|audit[\\/]AuditFindings|share[\\/]ShareButton))(\.svelte$|${svelteStyle})`,
  ),
  /[\\/]src[\\/]ui[\\/](json-tokens|pretty-json)\.ts$/,
  // inspect() and the parts of core it shares with the lazy tools; token-response tells the
  // parts view whether a whole token response was pasted (its view loads only then).
  /[\\/]src[\\/]core[\\/](index|token[\\/](base64url|invisible|json|normalize|numeric-date|utf8|inspect|token-response)|audit[\\/](claims|types|rules|rules[\\/](alg-none|duplicate-key|noncanonical-base64url)))\.ts$/,
  /[\\/]src[\\/]features[\\/]decoder[\\/](decoding|worker[\\/]inspect-client)\.ts$/,
];

export default defineConfig({
  // The PWA plugin comes before the CSP plugin: both transform the HTML late, in this order.
  plugins: [svelte(), prerenderShell(), offlineApp, strictCsp()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // The polyfill only adds early fetches where `modulepreload` is missing (Safari before 17),
    // which load the same modules anyway; it would cost the first screen a kilobyte.
    modulePreload: { polyfill: false },
    // The widget is a page of its own, sharing the decoder's chunks with the site.
    rolldownOptions: {
      input: { main: 'index.html', embed: 'embed.html' },
      // The prerender (a server render of the first screen) is most of the plugins' time, by
      // design; the timing warning would print on every build.
      checks: { bundlerTimings: false },
      treeshake: { moduleSideEffects: (id) => !sideEffectFree.some((pattern) => pattern.test(id)) },
      output: {
        codeSplitting: {
          // Only the listed modules: `core/index.ts` re-exports every tool's core code, and
          // following its imports would pull all of it into the first screen.
          includeDependenciesRecursively: false,
          groups: [
            { name: 'tool-runtime', test: toolOnlyRuntime },
            { name: 'first-screen', test: (id) => firstScreenModules.some((pattern) => pattern.test(id)) },
            { name: 'decoded-token', test: (id) => decodedTokenModules.some((pattern) => pattern.test(id)) },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        plugins: [svelteTesting({ resolveBrowser: false, autoCleanup: true })],
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          setupFiles: ['tests/component/support/setup.ts'],
          // expect.poll, like findBy… (support/setup.ts): room for a chunk on a busy machine.
          expect: { poll: { timeout: 5000 } },
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium' }],
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
            }),
          },
        },
      },
    ],
  },
});
