/**
 * Serves the built app (dist/) over plain HTTP on loopback, plus /embedded-pbx.json so the app
 * finds the embedded PBX. http://127.0.0.1 is a secure context, which getUserMedia and service
 * workers require.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { EMBEDDED_PBX_INFO_PATH, type EmbeddedPbxInfo } from '../src/app/embedded-pbx-info';
import { SECURITY_HEADERS } from './security-headers';

export interface AppServerOptions {
  host?: string;
  /** 0 picks any free port. */
  port?: number;
  distDir: string;
  /** WebSocket URL of the PBX the app should register with. */
  pbxUrl: string;
  demoUsers?: string[];
}

export interface AppServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export const DEMO_USERS = Array.from({ length: 10 }, (_, i) => String(1000 + i));

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

/** The body of /embedded-pbx.json for a PBX at `pbxUrl`. */
export function embeddedPbxInfo(pbxUrl: string, demoUsers: string[] = DEMO_USERS): EmbeddedPbxInfo {
  return { server: pbxUrl, domain: new URL(pbxUrl).hostname, demoUsers };
}

export function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const host = options.host ?? '127.0.0.1';
  const root = path.resolve(options.distDir);
  const info = JSON.stringify(embeddedPbxInfo(options.pbxUrl, options.demoUsers));

  const server = createServer((req, res) => {
    handle(req, res, root, info).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const hostInUrl = host.includes(':') ? `[${host}]` : host;
      resolve({
        port,
        url: `http://${hostInUrl}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, root: string, info: string): Promise<void> {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method Not Allowed');
  }

  const pathname = decodePath(req.url ?? '/');
  if (pathname === undefined) return send(res, 400, 'Bad Request');

  if (pathname === EMBEDDED_PBX_INFO_PATH) {
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Type', MIME_TYPES['.json']!);
    res.setHeader('Content-Length', Buffer.byteLength(info));
    res.end(req.method === 'HEAD' ? undefined : info);
    return;
  }

  const file = path.join(root, pathname);
  // path.join normalises "..": anything that lands outside the root is refused.
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 404, 'Not Found');

  const found = await regularFile(file);
  if (found) return serveFile(req, res, file, found.size, pathname);

  // SPA fallback: a path with no file extension is a client-side route; so is a folder path
  // ("/settings/" arrives here as "/settings/index.html").
  if (path.extname(pathname) === '' || pathname.endsWith('/index.html')) {
    const index = path.join(root, 'index.html');
    const indexFile = await regularFile(index);
    if (indexFile) return serveFile(req, res, index, indexFile.size, '/index.html');
  }
  send(res, 404, 'Not Found');
}

function decodePath(url: string): string | undefined {
  try {
    const pathname = decodeURIComponent(new URL(url, 'http://app.invalid').pathname);
    if (pathname.includes('\0')) return undefined;
    return pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  } catch {
    return undefined;
  }
}

async function regularFile(file: string): Promise<{ size: number } | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? { size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

function serveFile(req: IncomingMessage, res: ServerResponse, file: string, size: number, pathname: string): void {
  res.setHeader('Content-Type', MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Content-Length', size);
  res.setHeader('Cache-Control', cacheControl(pathname));
  if (pathname === '/sw.js') res.setHeader('Service-Worker-Allowed', '/');
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function cacheControl(pathname: string): string {
  // A cached service worker would pin users to an old build.
  if (pathname === '/sw.js') return 'no-store';
  // Vite puts content-hashed bundles under /assets/: they never change under the same name.
  if (pathname.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  // Everything else (index.html, the manifest, icons) is revalidated so a new build shows up.
  return 'no-cache';
}

function send(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
}
