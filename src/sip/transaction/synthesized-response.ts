import { createResponse, type SipRequest, type SipResponse } from '../message';
import type { ResponseSource } from './client-transaction';

/**
 * The final response a client transaction reports when none arrived: 408 when
 * Timer B/F fires (§17.1.1.2, §17.1.2.2), 503 on a transport error (§8.1.3.1).
 */
export function synthesizeResponse(request: SipRequest, source: Exclude<ResponseSource, 'network'>): SipResponse {
  return source === 'timeout' ? createResponse(request, 408, 'Request Timeout') : createResponse(request, 503, 'Transport Error');
}
