import { describe, expect, it } from 'vitest';
import { loadEmbeddedPbxInfo } from '../../../src/app/load-embedded-pbx-info';
import type { Logger, LogLevel } from '../../../src/sip/ports';

const INFO = { server: 'ws://127.0.0.1:5070', domain: '127.0.0.1', demoUsers: ['1000'] };

function recordingLogger() {
  const entries: { level: LogLevel; message: string }[] = [];
  const logger: Logger = { log: (level, message) => entries.push({ level, message }) };
  return { logger, entries };
}

/** A fetch that answers every request with `respond()` and remembers what was asked. */
function fakeFetch(respond: () => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn = ((input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(input), init });
    return Promise.resolve().then(respond);
  }) as typeof fetch;
  return { fetchFn, requests };
}

describe('loadEmbeddedPbxInfo', () => {
  it('asks the page origin for /embedded-pbx.json, bypassing the HTTP cache', async () => {
    const { fetchFn, requests } = fakeFetch(() => Response.json(INFO));
    await loadEmbeddedPbxInfo(fetchFn, recordingLogger().logger);
    expect(requests).toEqual([{ url: '/embedded-pbx.json', init: { cache: 'no-store' } }]);
  });

  it('returns the PBX the server describes, logging nothing', async () => {
    const { logger, entries } = recordingLogger();
    const info = await loadEmbeddedPbxInfo(fakeFetch(() => Response.json(INFO)).fetchFn, logger);
    expect(info).toEqual(INFO);
    expect(entries).toEqual([]);
  });

  it('returns undefined quietly when the server has no embedded PBX (404)', async () => {
    const { logger, entries } = recordingLogger();
    const info = await loadEmbeddedPbxInfo(fakeFetch(() => new Response('Not Found', { status: 404 })).fetchFn, logger);
    expect(info).toBeUndefined();
    expect(entries).toEqual([]);
  });

  it('refuses a body of the wrong shape with a warning instead of throwing', async () => {
    const { logger, entries } = recordingLogger();
    const body = { server: 'http://127.0.0.1:5070', domain: '127.0.0.1', demoUsers: ['1000'] };
    const info = await loadEmbeddedPbxInfo(fakeFetch(() => Response.json(body)).fetchFn, logger);
    expect(info).toBeUndefined();
    expect(entries).toEqual([{ level: 'warn', message: '/embedded-pbx.json has an unexpected shape' }]);
  });

  it('refuses a body that is not JSON without throwing', async () => {
    const { logger, entries } = recordingLogger();
    const info = await loadEmbeddedPbxInfo(fakeFetch(() => new Response('<!doctype html><title>app</title>')).fetchFn, logger);
    expect(info).toBeUndefined();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.message).toContain('/embedded-pbx.json');
  });

  it('returns undefined with an info line when the request itself fails', async () => {
    const { logger, entries } = recordingLogger();
    const failing = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetchFn;
    await expect(loadEmbeddedPbxInfo(failing, logger)).resolves.toBeUndefined();
    expect(entries).toEqual([{ level: 'info', message: 'no embedded PBX: /embedded-pbx.json unavailable' }]);
  });
});
