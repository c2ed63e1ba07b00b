import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface HarnessServer {
  /** http://127.0.0.1:PORT/harness.html: a secure context, as getUserMedia needs. */
  url: string;
  close(): Promise<void>;
}

/** Builds the harness page with Vite into a temporary folder and serves it on 127.0.0.1. */
export async function startHarnessServer(): Promise<HarnessServer> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'tabphone-media-harness-'));
  await build({
    root: here,
    configFile: false,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: path.join(here, 'harness.html') } },
  });
  const server = http.createServer((request, response) => {
    const name = path.normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^[/\\]+/, '');
    readFile(path.join(outDir, name)).then(
      (body) => {
        response.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream' });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/harness.html`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
