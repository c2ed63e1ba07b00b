// npm start: build the app, then serve it and the embedded PBX on loopback.
// npm run dev (--dev): Vite's dev server with hot reload instead of the build, plus the PBX.
//
// Environment: PORT (app, default 8080), PBX_PORT (default 5070), PBX_HOST (default 127.0.0.1),
// PBX_USERS (a users file for the PBX; default: demo users 1000–1009, password secret<user>),
// PBX_LOG_LEVEL (debug | info | warn | error; default info: one line per SIP message).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const appHost = '127.0.0.1';
const appPort = parsePort('PORT', 8080);
const pbxPort = parsePort('PBX_PORT', 5070);
const pbxHost = process.env.PBX_HOST ?? '127.0.0.1';

function parsePort(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name}=${text} is not a port number`);
    process.exit(1);
  }
  return port;
}

const vite = await import('vite');
const { startPbx } = await tsImport('../server/pbx.ts', import.meta.url);
const { startAppServer, embeddedPbxInfo } = await tsImport('../server/app-server.ts', import.meta.url);

if (!dev) {
  console.log('Building the app…');
  await vite.build({ root, logLevel: 'warn' });
}

const closers = [];
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const close of closers.reverse()) await close().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const pbx = await startPbx({
    host: pbxHost,
    port: pbxPort,
    usersFile: process.env.PBX_USERS || undefined,
    logLevel: process.env.PBX_LOG_LEVEL || 'info',
  });
  closers.push(() => pbx.close());

  // With a users file the demo passwords (secret<user>) are not known to hold.
  const demoUsers = process.env.PBX_USERS ? [] : undefined;
  let appUrl;
  if (dev) {
    process.env.TABPHONE_EMBEDDED_PBX = JSON.stringify(embeddedPbxInfo(pbx.url, demoUsers));
    const server = await vite.createServer({ root, server: { host: appHost, port: appPort, strictPort: true } });
    await server.listen();
    closers.push(() => server.close());
    appUrl = `http://${appHost}:${server.config.server.port}`;
  } else {
    const app = await startAppServer({
      host: appHost,
      port: appPort,
      distDir: path.join(root, 'dist'),
      pbxUrl: pbx.url,
      demoUsers,
    });
    closers.push(() => app.close());
    appUrl = app.url;
  }

  const usersNote = process.env.PBX_USERS
    ? `users from ${process.env.PBX_USERS}; pass ?password=`
    : 'users 1000–1009, password secret<user>';
  console.log(`
  Tabphone${dev ? ' (dev server, hot reload)' : ''}
    App:           ${appUrl}/            (demo user 1000)
    Second phone:  ${appUrl}/?user=1001
    Embedded PBX:  ${pbx.url}       (${usersNote})

  Ctrl-C stops both.
`);
} catch (error) {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  if (error?.code === 'EADDRINUSE') console.error('A port is taken: set PORT or PBX_PORT to a free one.');
  await stop(1);
}
