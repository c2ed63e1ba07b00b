/**
 * npm run lab:start: checks the Debian packages (installs them as root with apt-get, else names
 * them), then starts the lab on 127.0.0.1 and prints where everything is.
 * LAB_RUN_DIR (default .tmp/lab) holds configs, pids, logs and sipdump files.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { LAB_PACKAGES } from './packages';
import { startLab } from './lab';

const root = path.resolve(import.meta.dirname, '..');
const runDir = path.resolve(root, process.env.LAB_RUN_DIR ?? '.tmp/lab');

try {
  execFileSync('bash', [path.join(root, 'scripts/ensure-debian-packages.sh'), ...LAB_PACKAGES], { stdio: 'inherit' });
} catch {
  process.exit(1);
}

try {
  const lab = await startLab(runDir);
  console.log(`Lab running (run directory ${lab.runDir}; stop it with npm run lab:stop)
  SIP over WebSocket  ${lab.wsUrl}  and  ${lab.wssUrl} (self-signed certificate)
  SIP over UDP/TCP    ${lab.sipUri}
  TURN                ${lab.turnUrl}  user ${lab.turnUser}, password ${lab.turnPassword}
  users               1000–1029 @ ${lab.domain}, password lab<user> (lab/kamailio/db/subscriber)
  Tabphone            npm start, then http://127.0.0.1:8080/?server=${encodeURIComponent(lab.wsUrl)}&user=1000&password=lab1000`);
} catch (error) {
  console.error(`lab:start failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`Logs are in ${runDir}/*.log`);
  process.exit(1);
}
