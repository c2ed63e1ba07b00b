import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    embeddedPbxEndpoint(),
    VitePWA({
      // 'prompt', not 'autoUpdate': a new version must never reload a tab in the middle of a call.
      // The waiting worker takes over once every Tabphone tab is closed.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/favicon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
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
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // Server-provided configuration is never served from the precache.
        navigateFallbackDenylist: [/^\/embedded-pbx\.json$/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: true },
});
