/** window.localStorage, or undefined where the browser refuses it (the getter itself can throw). */
export function localStorageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
