// Puts back the lock-file entries npm 11 leaves out: the optional packages built for other
// platforms (@rollup/rollup-darwin-x64, @tailwindcss/oxide-win32-x64-msvc …), which the registry
// here does not serve. Without them `npm ci` refuses the lock. Each entry gets its version and
// the os/cpu/libc its name spells, so npm skips it on any other platform.
//   node scripts/lock-platform-entries.mjs   (after an `npm install` that rewrote the lock)
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const OS = new Set(['aix', 'android', 'darwin', 'freebsd', 'linux', 'netbsd', 'openbsd', 'openharmony', 'sunos', 'win32']);
const CPU = new Set(['arm', 'arm64', 'ia32', 'loong64', 'mips64el', 'ppc64', 'riscv64', 's390x', 'wasm32', 'x64']);

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const entry of Object.values({ ...packages })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (key in packages) continue;
    const words = name.split('/').at(-1).split('-');
    const os = words.filter((word) => OS.has(word));
    const cpu = words.filter((word) => CPU.has(word)).slice(0, 1);
    const libc = os.includes('linux') ? words.find((word) => /^(gnu|musl)/.test(word)) : undefined;
    packages[key] = {
      version,
      dev: true,
      optional: true,
      ...(cpu.length > 0 ? { cpu } : {}),
      ...(os.length > 0 ? { os } : {}),
      ...(libc ? { libc: [libc.startsWith('musl') ? 'musl' : 'glibc'] } : {}),
    };
    added++;
  }
}
const [root, ...rest] = Object.keys(packages);
lock.packages = Object.fromEntries([root, ...rest.sort()].map((key) => [key, packages[key]]));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
