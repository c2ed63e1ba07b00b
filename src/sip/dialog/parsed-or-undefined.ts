import { SipParseError } from '../message';

/**
 * Runs a read of lazily parsed headers (Contact, Record-Route…) that the parser
 * did not validate up front; a malformed header yields undefined instead of an
 * exception, because a bad message from the network is a value, not a crash.
 */
export function parsedOrUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof SipParseError) return undefined;
    throw error;
  }
}
