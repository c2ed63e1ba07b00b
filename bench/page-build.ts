import { build } from 'vite';

/** Builds a static page (its index.html and what it imports) with Vite into `outDir`, minified. */
export async function buildPage(root: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    mode: 'production',
    base: '/',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}
