/**
 * An init script for every benchmark page, run before the others. tsx compiles with esbuild's
 * keepNames, which wraps named functions in `__name(fn, "name")`; functions handed to the page
 * (init scripts, page.evaluate) carry those calls into a page that has no `__name`. This defines
 * it there as esbuild's helper does, minus the name it would set.
 */
export function defineEsbuildNameHelper(): void {
  (globalThis as { __name?: unknown }).__name = (target: unknown) => target;
}
