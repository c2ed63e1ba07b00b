import { describe, it, expect } from 'vitest';
import { formatEventList, parseEventList, withDtmfEvents } from '../../../src/sdp';

describe('telephone-event lists', () => {
  it('parses ranges and single events', () => {
    expect(parseEventList('0-3,10,12-13')).toEqual([0, 1, 2, 3, 10, 12, 13]);
  });

  it('rejects malformed lists and events beyond 255', () => {
    expect(parseEventList('0-15;foo')).toBeUndefined();
    expect(parseEventList('15-0')).toBeUndefined();
    expect(parseEventList('0-300')).toBeUndefined();
  });

  it('writes events in compact range form', () => {
    expect(formatEventList([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 66])).toBe('0-16,66');
    expect(formatEventList([5])).toBe('5');
  });

  it('gives 0-15 when there is no list', () => {
    expect(withDtmfEvents(undefined)).toBe('0-15');
  });

  it('keeps a list wider than 0-15', () => {
    expect(withDtmfEvents('0-16')).toBe('0-16');
    expect(withDtmfEvents('0-15,66,70')).toBe('0-15,66,70');
  });

  it('widens a narrower list to cover 0-15', () => {
    expect(withDtmfEvents('0-11')).toBe('0-15');
    expect(withDtmfEvents('0-9,32')).toBe('0-15,32');
  });

  it('replaces a malformed list with 0-15', () => {
    expect(withDtmfEvents('all')).toBe('0-15');
  });
});
