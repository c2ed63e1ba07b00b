import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './server/security-headers.ts';

const THEME_COLOR = '#0f766e';

/**
 * Serves /embedded-pbx.json from the dev and preview servers, as server/app-server.ts does for
 * `npm start`. scripts/start.mjs --dev puts the body, for the PBX it started, in
 * TABPHONE_EMBEDDED_PBX; without it there is no embedded PBX and the app says so.
 * (No imports from the app here: Vite's native config loader wants none without extensions.)
 */
function embeddedPbxEndpoint(): Plugin {
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const body = process.env.TABPHONE_EMBEDDED_PBX;
    if (req.url?.split('?')[0] !== '/embedded-pbx.json' || body === undefined) return next();
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(body);
  };
  return {
    name: 'tabphone:embedded-pbx',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

/** The Content-Security-Policy as a <meta> tag in the built index.html, for hosts that send no header. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'tabphone:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/** sip: and tel: links (and web+callto:) open the installed app, which asks before it dials. */
const DIAL_LINK_URL = '/?dial=%s';

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    embeddedPbxEndpoint(),
    contentSecurityPolicyMeta(),
    VitePWA({
      // 'prompt', not 'autoUpdate': a new version must never reload a tab in the middle of a call.
      // The waiting worker takes over once every Tabphone tab is closed.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/favicon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'Tabphone',
        short_name: 'Tabphone',
        description: 'A SIP softphone in a browser tab',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOR,
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        shortcuts: [
          { name: 'Dialpad', url: '/?screen=phone', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
          { name: 'Messages', url: '/?screen=messages', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
          { name: 'History', url: '/?screen=history', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
        ],
        protocol_handlers: [
          { protocol: 'sip', url: DIAL_LINK_URL },
          { protocol: 'tel', url: DIAL_LINK_URL },
          { protocol: 'web+callto', url: DIAL_LINK_URL },
        ],
        // A link opened while Tabphone runs goes to its window (window.launchQueue), not a new one.
        launch_handler: { client_mode: 'focus-existing' },
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // Server-provided configuration is never served from the precache.
        navigateFallbackDenylist: [/^\/embedded-pbx\.json$/],
        cleanupOutdatedCaches: true,
        // Answer / Decline on an incoming-call notification (a plain script, precached with the rest).
        importScripts: ['/sw-call-actions.js'],
      },
    }),
  ],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // The SIP and SDP core has no import-time side effects (platform objects are injected), so a
      // barrel import of one helper (SipUri in the stores) does not drag the whole user agent into
      // the first load: it stays in the phone's lazy chunk.
      treeshake: { moduleSideEffects: [{ test: /\/src\/(sip|sdp)\//, sideEffects: false }] },
    },
  },
});
