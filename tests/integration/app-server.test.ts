import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedPbxInfo, startAppServer, type AppServer } from '../../server/app-server';
import { parseEmbeddedPbxInfo } from '../../src/app/embedded-pbx-info';

const PBX_URL = 'ws://127.0.0.1:5070';
const INDEX_HTML = '<!doctype html><title>Tabphone</title><div id="root"></div>';
const SECRET = 'outside the dist directory';
// The 8-byte PNG signature and the start of an IHDR chunk: bytes a text conversion would corrupt.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00]);

const FILES: Record<string, string | Buffer> = {
  'index.html': INDEX_HTML,
  'assets/index-4f2a9c.js': 'console.log("app");',
  'assets/index-8b1e77.css': 'body{margin:0}',
  'manifest.webmanifest': '{"name":"Tabphone"}',
  'icons/icon-192.png': PNG,
  'icons/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'sw.js': 'self.addEventListener("fetch",()=>{});',
  'notes.unknownext': 'plain bytes',
};

let workDir: string;
let app: AppServer;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'tabphone-app-server-'));
  const distDir = path.join(workDir, 'dist');
  for (const [name, content] of Object.entries(FILES)) {
    const file = path.join(distDir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  // A sibling of dist/ with the same prefix: a plain startsWith(root) check would let it through.
  await mkdir(path.join(workDir, 'dist-private'));
  await writeFile(path.join(workDir, 'dist-private', 'secret.txt'), SECRET);
  await writeFile(path.join(workDir, 'secret.txt'), SECRET);
  app = await startAppServer({ port: 0, distDir, pbxUrl: PBX_URL });
});

afterAll(async () => {
  await app?.close();
  await rm(workDir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request with `target` sent exactly as written: fetch would normalise "..". */
function raw(target: string, method = 'GET', port = app.port): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('app server', () => {
  it('listens on a free loopback port when given port 0', () => {
    expect(app.port).toBeGreaterThan(0);
    expect(app.url).toBe(`http://127.0.0.1:${app.port}`);
  });

  it.each([
    ['/assets/index-4f2a9c.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-8b1e77.css', 'text/css; charset=utf-8'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['/icons/icon-192.png', 'image/png'],
    ['/icons/favicon.svg', 'image/svg+xml'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/notes.unknownext', 'application/octet-stream'],
  ])('serves %s as %s, byte for byte', async (urlPath, mime) => {
    const res = await raw(urlPath);
    const expected = Buffer.from(FILES[urlPath.slice(1)]!);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(mime);
    expect(res.headers['content-length']).toBe(String(expected.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.equals(expected)).toBe(true);
  });

  it('lets browsers cache content-hashed assets for good and revalidate everything else', async () => {
    expect((await raw('/assets/index-4f2a9c.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw('/index.html')).headers['cache-control']).toBe('no-cache');
    expect((await raw('/manifest.webmanifest')).headers['cache-control']).toBe('no-cache');
  });

  it('never lets the service worker be cached, and allows it to control the whole origin', async () => {
    const res = await raw('/sw.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['service-worker-allowed']).toBe('/');
    expect((await raw('/assets/index-4f2a9c.js')).headers['service-worker-allowed']).toBeUndefined();
  });

  it('serves index.html for / and for client-side routes without a file extension', async () => {
    for (const route of ['/', '/settings', '/settings/', '/calls/recent/', '/calls/recent', '/assets', '/settings?tab=audio']) {
      const res = await raw(route);
      expect(res.status, route).toBe(200);
      expect(res.headers['content-type'], route).toBe('text/html; charset=utf-8');
      expect(res.body.toString(), route).toBe(INDEX_HTML);
    }
  });

  it('answers 404, not index.html, for a missing file with an extension', async () => {
    for (const missing of ['/missing.js', '/assets/gone-123.css', '/icons/none.png']) {
      const res = await raw(missing);
      expect(res.status, missing).toBe(404);
      expect(res.body.toString(), missing).toBe('Not Found');
    }
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%2fdist-private%2fsecret.txt',
    '/..%5csecret.txt',
    '//../secret.txt',
  ])('refuses to leave the dist directory for %s', async (target) => {
    const res = await raw(target);
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain(SECRET);
  });

  it('refuses paths that are not valid percent-encoding or hold a NUL byte', async () => {
    expect((await raw('/%E0%A4%A')).status).toBe(400);
    expect((await raw('/index.html%00.png')).status).toBe(400);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await raw('/assets/index-8b1e77.css', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(FILES['assets/index-8b1e77.css']!.length));
    expect(res.body.length).toBe(0);
  });

  it('refuses methods other than GET and HEAD with 405 and an Allow header', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await raw('/index.html', method);
      expect(res.status, method).toBe(405);
      expect(res.headers.allow, method).toBe('GET, HEAD');
    }
  });

  it('stops accepting connections once closed', async () => {
    const distDir = path.join(workDir, 'dist');
    const other = await startAppServer({ port: 0, distDir, pbxUrl: PBX_URL });
    await other.close();
    await expect(raw('/', 'GET', other.port)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('app server: /embedded-pbx.json', () => {
  it('describes the embedded PBX in the shape the app accepts, never cached', async () => {
    const res = await raw('/embedded-pbx.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    const body: unknown = JSON.parse(res.body.toString());
    expect(body).toEqual({
      server: PBX_URL,
      domain: '127.0.0.1',
      demoUsers: ['1000', '1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008', '1009'],
    });
    expect(parseEmbeddedPbxInfo(body)).toEqual(body);
  });

  it('ignores the query string', async () => {
    const res = await raw('/embedded-pbx.json?cache-bust=1');
    expect(JSON.parse(res.body.toString())).toMatchObject({ server: PBX_URL });
  });

  it('serves the demo users it was given and the host of an IPv6 PBX URL as the domain', async () => {
    const distDir = path.join(workDir, 'dist');
    const other = await startAppServer({ port: 0, distDir, pbxUrl: 'ws://[::1]:5070', demoUsers: ['2001'] });
    try {
      const res = await raw('/embedded-pbx.json', 'GET', other.port);
      expect(JSON.parse(res.body.toString())).toEqual({ server: 'ws://[::1]:5070', domain: '[::1]', demoUsers: ['2001'] });
    } finally {
      await other.close();
    }
  });

  it('builds the body from the PBX URL alone', () => {
    expect(embeddedPbxInfo('wss://127.0.0.1:8443/sip', [])).toEqual({ server: 'wss://127.0.0.1:8443/sip', domain: '127.0.0.1', demoUsers: [] });
  });
});
