/**
 * The Content-Security-Policy of the app, one source for the header server/app-server.ts sends and
 * the <meta> tag the build puts into index.html for static hosts. No inline scripts, nothing from
 * other origins; connect-src allows any ws:/wss: because the SIP server is the user's to choose, and
 * https: because an admin's provisioning file (?config=) may live on another server, fetched with CORS.
 * `npm run dev` gets neither: Vite's dev server injects an inline script for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' https: ws: wss:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The response headers of every page and file (frame-ancestors works only as a header). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'microphone=(self), camera=(), geolocation=(), autoplay=(self), screen-wake-lock=(self)',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
