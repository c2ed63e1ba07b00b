import { createContext } from 'react';

/** What the keyboard can do with the dial field while a Dialpad is on screen. */
export interface DialField {
  /** Appends a typed key and puts focus in the field, so further typing goes there. */
  append(key: string): void;
  /** Presses Call with what the field holds. */
  submit(): void;
}

/** The one dial field on screen, if any: the Dialpad fills the slot while it is mounted. */
export class DialFieldSlot {
  private field: DialField | undefined;

  /** Returns the function that empties the slot again (for the same field only). */
  fill(field: DialField): () => void {
    this.field = field;
    return () => {
      if (this.field === field) this.field = undefined;
    };
  }

  get current(): DialField | undefined {
    return this.field;
  }
}

/** One slot for the page; a test or a second tree can provide its own. */
export const DialFieldSlotContext = createContext(new DialFieldSlot());
