/**
 * Bundle sizes: each library entry in bench/entries built by the same Vite (Rolldown + its default
 * minifier, target es2022 like the app), and the app's first load from a production build made with
 * the app's own vite.config.ts. Sizes are of the minified files and of each file gzipped at level 9,
 * as a server would send them. Each size comes with what takes the room: the share of each package
 * or source folder in the code before minification (Rolldown's rendered length per module).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

export interface BundleSize {
  name: string;
  /** Files counted. */
  files: number;
  minBytes: number;
  gzipBytes: number;
  /** The biggest parts, largest first: [package or folder, share of the unminified code 0–1]. */
  biggest: [string, number][];
}

const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRIES = path.join(import.meta.dirname, 'entries');

export const LIBRARY_ENTRIES = [
  { name: 'Tabphone UA core + SDP', entry: 'tabphone-core.ts' },
  { name: 'Tabphone core + SDP + WebRTC engine + browser adapters', entry: 'tabphone-core-webrtc.ts' },
  { name: 'JsSIP 3.13.8 UA', entry: 'jssip-ua.ts' },
  { name: 'SIP.js 0.21.2 UserAgent', entry: 'sipjs-ua.ts' },
];

/** A package name for node_modules code, else the source folder two levels down (src/sip/ua, src/ui). */
export function moduleGroup(id: string): string {
  const inPackage = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (inPackage) return inPackage[1]!;
  const relative = path.relative(ROOT, id);
  if (relative.startsWith('..') || id.startsWith('\0')) return 'bundler runtime';
  return relative.split(path.sep).slice(0, relative.startsWith('src/sip') ? 3 : 2).join('/');
}

/** The `top` biggest groups of `modules` (id → rendered length) with their share of the total. */
export function biggestGroups(modules: Map<string, number>, top = 5): [string, number][] {
  const groups = new Map<string, number>();
  let total = 0;
  for (const [id, length] of modules) {
    const group = moduleGroup(id);
    groups.set(group, (groups.get(group) ?? 0) + length);
    total += length;
  }
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([group, length]) => [group, total === 0 ? 0 : length / total]);
}

/** A plugin noting, per output chunk file, each module's rendered length. */
function moduleLengths(into: Map<string, Map<string, number>>): Plugin {
  return {
    name: 'tabphone-bench:module-lengths',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        into.set(chunk.fileName, new Map(Object.entries(chunk.modules).map(([id, m]) => [id, m.renderedLength])));
      }
    },
  };
}

async function sizeOf(name: string, dir: string, files: string[], lengths: Map<string, Map<string, number>>): Promise<BundleSize> {
  const contents = await Promise.all(files.map((f) => readFile(path.join(dir, f))));
  const modules = new Map(files.flatMap((f) => [...(lengths.get(f.replace(/^\//, '')) ?? [])]));
  return {
    name,
    files: files.length,
    minBytes: contents.reduce((sum, c) => sum + c.length, 0),
    gzipBytes: contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
    biggest: biggestGroups(modules),
  };
}

/** Builds one entry as an ES module library (exports kept, everything else tree-shaken) and sizes its JS. */
export async function librarySize(name: string, entry: string, outDir: string): Promise<BundleSize> {
  const lengths = new Map<string, Map<string, number>>();
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ENTRIES,
    mode: 'production',
    plugins: [moduleLengths(lengths)],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      modulePreload: false,
      rollupOptions: { input: path.join(ENTRIES, entry), preserveEntrySignatures: 'exports-only' },
    },
  });
  const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.js'));
  return sizeOf(name, outDir, files, lengths);
}

/** The production app build: its first load, and the size of any set of its files. */
export interface AppBuild {
  firstLoad: BundleSize;
  size(name: string, files: string[]): Promise<BundleSize>;
}

/**
 * Builds the app as `npm run build` does, into `distDir`, and sizes what a first visit fetches:
 * index.html and the scripts and stylesheets it references (the entry, its static imports as
 * modulepreload, CSS). Lazy chunks, icons, the manifest and the service worker's later precache
 * are not part of the first load; `size` weighs other sets, such as what a cold start fetched.
 */
export async function buildApp(distDir: string): Promise<AppBuild> {
  const lengths = new Map<string, Map<string, number>>();
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'error',
    mode: 'production',
    plugins: [moduleLengths(lengths)],
    build: { outDir: distDir, emptyOutDir: true },
  });
  const size = (name: string, files: string[]) => sizeOf(name, distDir, files, lengths);
  return { firstLoad: await size('Tabphone app, first load (HTML + JS + CSS)', await firstLoadPaths(distDir)), size };
}

/** index.html and the same-origin scripts, module preloads and stylesheets it references. */
export async function firstLoadPaths(distDir: string): Promise<string[]> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /^<script\b/.test(tag) || /\brel="(?:stylesheet|modulepreload)"/.test(tag))
    .map((tag) => /\b(?:src|href)="(\/[^/"][^"]*)"/.exec(tag)?.[1])
    .filter((ref): ref is string => ref !== undefined);
  return ['/index.html', ...new Set(referenced)];
}
