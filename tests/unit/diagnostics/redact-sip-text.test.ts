import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactCredentials, redactSipText } from '../../../src/services/diagnostics/redact-sip-text';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'sip');
const microsipRegister = readFileSync(join(FIXTURES, 'microsip-register-authorization.sip'), 'utf8');

describe('redacting SIP text for the diagnostics trace', () => {
  it('keeps a Digest Authorization header as its public fields and response hash', () => {
    const out = redactSipText(microsipRegister);
    expect(out).toContain(
      'Authorization: Digest username="microsip01", realm="ccmsipline", nonce="vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL", uri="sip:192.168.80.100", response="b70fca7c592084c62c51f1a5143ea339", algorithm=MD5\r\n',
    );
    // Everything else is untouched.
    expect(out.replace(/^Authorization:.*$/m, '')).toBe(microsipRegister.replace(/^Authorization:.*$/m, ''));
  });

  it('drops Digest fields that are not part of the scheme, and hides every other scheme entirely', () => {
    expect(redactCredentials('Digest username="a", response="ff00", password="hunter2", qop=auth, nc=00000001')).toBe(
      'Digest username="a", response="ff00", qop=auth, nc=00000001',
    );
    expect(redactCredentials('Basic YWxpY2U6aHVudGVyMg==')).toBe('Basic [redacted]');
    expect(redactCredentials('Digest username="a", =broken')).toBe('Digest [redacted]');
    expect(redactCredentials('"odd"')).toBe('[redacted]');
  });

  it('redacts Proxy-Authorization too, whatever its case and across folded lines', () => {
    const text =
      'INVITE sip:1001@pbx SIP/2.0\r\nproxy-authorization: Basic\r\n YWxpY2U6aHVudGVyMg==\r\nCall-ID: x\r\n\r\n';
    const out = redactSipText(text);
    expect(out).toBe('INVITE sip:1001@pbx SIP/2.0\r\nproxy-authorization: Basic [redacted]\r\nCall-ID: x\r\n\r\n');
  });

  it('hides a password written into a SIP URI but keeps ports and users', () => {
    const text = 'OPTIONS sip:alice:hunter2@pbx.example.com:5060 SIP/2.0\r\nTo: <sip:1001@127.0.0.1:5070;transport=ws>\r\n\r\n';
    const out = redactSipText(text);
    expect(out).toContain('OPTIONS sip:alice:[redacted]@pbx.example.com:5060 SIP/2.0');
    expect(out).toContain('To: <sip:1001@127.0.0.1:5070;transport=ws>');
    expect(out).not.toContain('hunter2');
  });

  it('blanks the account password wherever it appears, in headers and body', () => {
    const text = 'MESSAGE sip:1001@pbx SIP/2.0\r\nSubject: secret1000\r\nContent-Length: 17\r\n\r\nmy pw: secret1000';
    const out = redactSipText(text, ['secret1000', '']);
    expect(out).not.toContain('secret1000');
    expect(out).toContain('Subject: [redacted]');
    expect(out.endsWith('my pw: [redacted]')).toBe(true);
  });

  it('leaves a message without credentials as it was, body included', () => {
    const text = 'SIP/2.0 200 OK\r\nCSeq: 1 INVITE\r\n\r\nv=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n';
    expect(redactSipText(text, ['ab'])).toBe(text);
  });
});
