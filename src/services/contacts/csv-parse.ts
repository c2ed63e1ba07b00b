/**
 * CSV as RFC 4180 writes it — fields in double quotes may hold commas, line breaks and quotes
 * (doubled) — plus what spreadsheets do: a UTF-8 byte order mark, LF or CR line ends, and ";"
 * or tab as the separator (chosen by what the header row uses most).
 */

export type ParsedCsv = { ok: true; rows: string[][] } | { ok: false; problem: string };

export function parseCsv(input: string): ParsedCsv {
  const text = input.replace(/^\uFEFF/, '');
  const separator = guessSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && field === '') {
      const start = line;
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, problem: `Line ${start}: a quoted field is never closed` };
        const c = text[i]!;
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          field += c;
          i++;
        }
      }
      const next = text[i];
      if (next !== undefined && next !== separator && next !== '\r' && next !== '\n') {
        return { ok: false, problem: `Line ${line}: text after a closing quote (a quote inside a field must be doubled)` };
      }
      continue;
    }
    if (char === separator) {
      endField();
      i++;
    } else if (char === '\r' || char === '\n') {
      endRow();
      line++;
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += char;
      i++;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return { ok: true, rows: rows.filter((r) => r.some((f) => f.trim() !== '')) };
}

/** The separator the first row uses most outside quotes: ",", ";" or tab. */
function guessSeparator(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}
