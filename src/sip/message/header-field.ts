import type { HeaderField } from './message';

/**
 * A header line as the parser read it, remembering where its value lies in the frame.
 * The value itself is a slice of the frame, which V8 reads through an indirection on every
 * character; the typed parsers scan the frame (a flat string) instead. The frame stays
 * private so that copies, comparisons and serialization see only name and value.
 */
export class ParsedField implements HeaderField {
  name: string;
  value: string;
  readonly #frame: string;
  readonly #start: number;
  readonly #parsedValue: string;

  constructor(name: string, value: string, frame: string, start: number) {
    this.name = name;
    this.value = value;
    this.#frame = frame;
    this.#start = start;
    this.#parsedValue = value;
  }

  /** Whether the value is still the one read from the frame (it is public and writable). */
  #intact(): boolean {
    return this.value === this.#parsedValue;
  }

  /** The string to scan for `h`'s value: its frame, from start(h) for value.length characters. */
  static text(h: HeaderField): string {
    return h instanceof ParsedField && h.#intact() ? h.#frame : h.value;
  }

  /** Where `h`'s value starts in text(h). */
  static start(h: HeaderField): number {
    return h instanceof ParsedField && h.#intact() ? h.#start : 0;
  }
}

