import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Stateless digest nonces: "<issued-at ms, base 36>.<random>.<HMAC of both>". The PBX keeps no
 * nonce table; a nonce is valid when its HMAC checks out and it is younger than the lifetime.
 * An expired but genuine nonce makes the authenticator answer stale=true (RFC 7616 §3.3).
 */
export class NonceIssuer {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): string {
    const body = `${this.now().toString(36)}.${randomBytes(9).toString('base64url')}`;
    return `${body}.${this.mac(body)}`;
  }

  isValid(nonce: string): boolean {
    const parts = nonce.split('.');
    if (parts.length !== 3) return false;
    const [issued, salt, mac] = parts as [string, string, string];
    const expected = Buffer.from(this.mac(`${issued}.${salt}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    const issuedAt = parseInt(issued, 36);
    return Number.isFinite(issuedAt) && this.now() - issuedAt <= this.lifetimeMs;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
