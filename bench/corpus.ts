import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures', 'sip');

/** The captured real-world messages the parser tests use, as WebSocket frames would carry them. */
export function readCorpus(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.sip'))
    .sort()
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
}
