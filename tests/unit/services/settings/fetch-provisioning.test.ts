import { describe, expect, it } from 'vitest';
import { fetchProvisioning } from '../../../../src/services/settings/fetch-provisioning';

const PAGE = 'http://127.0.0.1:8080/?config=x';

function serving(body: string, status = 200) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn = ((url: string, init?: RequestInit) => {
    requests.push({ url, init });
    return Promise.resolve(new Response(body, { status }));
  }) as typeof fetch;
  return { fetchFn, requests };
}

describe('fetchProvisioning', () => {
  it('fetches the file with CORS and without cookies, resolving a relative link against the page', async () => {
    const { fetchFn, requests } = serving(JSON.stringify({ accounts: [{ user: '1000', domain: 'example.com', server: 'wss://example.com' }] }));
    const result = await fetchProvisioning('/provision/alice.json', PAGE, fetchFn);
    expect(result.ok).toBe(true);
    expect(requests).toEqual([{ url: 'http://127.0.0.1:8080/provision/alice.json', init: { mode: 'cors', credentials: 'omit', cache: 'no-store' } }]);
  });

  it('refuses a link that is not http(s), a failed load, and a malformed file, naming the URL', async () => {
    expect(await fetchProvisioning('javascript:alert(1)', PAGE, serving('{}').fetchFn)).toEqual({
      ok: false,
      problem: 'The provisioning link "javascript:alert(1)" is not an http(s) URL.',
    });
    expect(await fetchProvisioning('https://a.example.com/c.json', PAGE, serving('nope', 404).fetchFn)).toEqual({
      ok: false,
      problem: 'The provisioning file https://a.example.com/c.json could not be loaded: HTTP 404.',
    });
    const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await fetchProvisioning('https://a.example.com/c.json', PAGE, failing)).toEqual({
      ok: false,
      problem: 'The provisioning file https://a.example.com/c.json could not be loaded (Failed to fetch).',
    });
    expect(await fetchProvisioning('https://a.example.com/c.json', PAGE, serving('{"accounts": {}}').fetchFn)).toEqual({
      ok: false,
      problem: 'The provisioning file https://a.example.com/c.json was refused: The file has no "accounts" list.',
    });
  });
});
