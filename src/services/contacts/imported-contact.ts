/** A contact as read from an import file, before it is checked against the address book. */
export interface ImportedContact {
  /** Where in the file it was ("card 3", "row 7"), for the import report. */
  where: string;
  /** Empty when the file gave none. */
  name: string;
  numbers: string[];
  email?: string;
}

/** What a parser makes of a file: every contact in it, or why the file is unreadable. */
export type ParsedFile = { ok: true; contacts: ImportedContact[] } | { ok: false; problem: string };
