import { dialogKey, type DialogId } from '../dialog/dialog-id';
import type { Dialog } from '../dialog/dialog';
import type { DialogUsage } from './usage';

export interface DialogEntry {
  dialog: Dialog;
  usage: DialogUsage;
}

/** Live dialogs by Call-ID + local tag + remote tag: where in-dialog requests are routed (§12.2.2). */
export class DialogRegistry {
  readonly #entries = new Map<string, DialogEntry>();

  /** Registers a dialog with the usage that owns it; returns the function that removes it. */
  add(dialog: Dialog, usage: DialogUsage): () => void {
    if (this.#entries.has(dialog.key)) throw new Error(`dialog already registered: ${dialog.key}`);
    const entry = { dialog, usage };
    this.#entries.set(dialog.key, entry);
    return () => {
      if (this.#entries.get(dialog.key) === entry) this.#entries.delete(dialog.key);
    };
  }

  find(id: DialogId): DialogEntry | undefined {
    return this.#entries.get(dialogKey(id));
  }
}
