/**
 * CLI for the embedded PBX: `npm run pbx` (and `npm start`, beside the app).
 * Environment: PBX_HOST (default 127.0.0.1), PBX_PORT (default 5070), PBX_USERS (users JSON file),
 * PBX_LOG_LEVEL (debug | info | warn | error; default info).
 */
import { isLogLevel } from './logger';
import { DEFAULT_PORT, startPbx } from './pbx';

async function main(): Promise<void> {
  const env = process.env;
  const port = env.PBX_PORT ? Number(env.PBX_PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PBX_PORT "${env.PBX_PORT}" is not a port`);
  const logLevel = env.PBX_LOG_LEVEL ?? 'info';
  if (!isLogLevel(logLevel)) throw new Error(`PBX_LOG_LEVEL "${logLevel}" is not one of debug, info, warn, error`);

  const pbx = await startPbx({
    host: env.PBX_HOST || '127.0.0.1',
    port,
    logLevel,
    ...(env.PBX_USERS ? { usersFile: env.PBX_USERS } : {}),
  });
  if (!env.PBX_USERS) console.log('Demo users 1000–1009, password "secret<user>" (e.g. 1000 / secret1000).');

  const stop = () => {
    void pbx.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`PBX failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
