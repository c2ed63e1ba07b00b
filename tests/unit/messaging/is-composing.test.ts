import { describe, expect, it } from 'vitest';
import { isComposingDocument, parseIsComposing } from '../../../src/sip';

describe('isComposing documents (RFC 3994)', () => {
  it('writes documents its own reader and the RFC 3994 namespace agree on', () => {
    const active = isComposingDocument('active', 120);
    expect(active).toContain('xmlns="urn:ietf:params:xml:ns:im-iscomposing"');
    expect(parseIsComposing(active)).toEqual({ state: 'active', refresh: 120 });
    const idle = isComposingDocument('idle', 120);
    expect(idle).not.toContain('<refresh>');
    expect(parseIsComposing(idle)).toEqual({ state: 'idle', refresh: 120 });
  });

  it('reads the state and the refresh interval', () => {
    const xml = '<?xml version="1.0"?><isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing"><state>active</state><refresh>90</refresh></isComposing>';
    expect(parseIsComposing(xml)).toEqual({ state: 'active', refresh: 90 });
  });

  it('reads elements with a namespace prefix, and assumes 120 s without a refresh', () => {
    const xml = '<is:isComposing xmlns:is="urn:ietf:params:xml:ns:im-iscomposing"><is:state> idle </is:state></is:isComposing>';
    expect(parseIsComposing(xml)).toEqual({ state: 'idle', refresh: 120 });
  });

  it('ignores a refresh that is not a positive whole number', () => {
    expect(parseIsComposing('<isComposing><state>active</state><refresh>-5</refresh></isComposing>')).toEqual({ state: 'active', refresh: 120 });
  });

  it('gives nothing for a document without a known state', () => {
    expect(parseIsComposing('<isComposing><refresh>60</refresh></isComposing>')).toBeUndefined();
    expect(parseIsComposing('<isComposing><state>typing</state></isComposing>')).toBeUndefined();
    expect(parseIsComposing('not xml at all')).toBeUndefined();
  });
});
