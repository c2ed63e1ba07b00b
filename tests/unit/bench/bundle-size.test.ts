import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { biggestGroups, firstLoadPaths, moduleGroup } from '../../../bench/bundle-size';

const root = path.resolve(import.meta.dirname, '../../..');

describe('what takes the room in a bundle', () => {
  it('groups modules by package (scoped too) or by source folder, the SIP core one level deeper', () => {
    expect(moduleGroup(path.join(root, 'node_modules/react-dom/cjs/react-dom.production.js'))).toBe('react-dom');
    expect(moduleGroup(path.join(root, 'node_modules/@noble/hashes/sha2.js'))).toBe('@noble/hashes');
    expect(moduleGroup(path.join(root, 'node_modules/.pnpm/x/node_modules/events/events.js'))).toBe('events');
    expect(moduleGroup(path.join(root, 'src/sip/ua/call/call-session.ts'))).toBe('src/sip/ua');
    expect(moduleGroup(path.join(root, 'src/ui/components/dialpad.tsx'))).toBe('src/ui');
    expect(moduleGroup('\0rolldown/runtime.js')).toBe('bundler runtime');
  });

  it('lists the biggest groups first with their share of the whole', () => {
    const modules = new Map([
      [path.join(root, 'src/sip/message/parser.ts'), 300],
      [path.join(root, 'src/sip/message/uri.ts'), 200],
      [path.join(root, 'node_modules/sdp-transform/lib/grammar.js'), 400],
      [path.join(root, 'src/sdp/codecs.ts'), 100],
    ]);
    expect(biggestGroups(modules, 2)).toEqual([
      ['src/sip/message', 0.5],
      ['sdp-transform', 0.4],
    ]);
    expect(biggestGroups(new Map())).toEqual([]);
  });
});

describe('the first load of a build', () => {
  let dist: string | undefined;
  afterEach(async () => {
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  it('is index.html with its same-origin scripts, module preloads and stylesheets, not icons, manifest or other origins', async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'bench-first-load-'));
    await writeFile(
      path.join(dist, 'index.html'),
      [
        '<link rel="icon" type="image/svg+xml" href="/icons/favicon.svg">',
        '<script type="module" crossorigin src="/assets/index-a1.js"></script>',
        '<link rel="modulepreload" crossorigin href="/assets/vendor-b2.js">',
        '<link rel="stylesheet" crossorigin href="/assets/index-c3.css">',
        '<link rel="manifest" href="/manifest.webmanifest">',
        '<script src="//cdn.example/x.js"></script>',
        '<script type="module" src="/assets/index-a1.js"></script>',
      ].join('\n'),
    );
    expect(await firstLoadPaths(dist)).toEqual(['/index.html', '/assets/index-a1.js', '/assets/vendor-b2.js', '/assets/index-c3.css']);
  });
});
