/** Proxy timers, named as in the RFCs. Milliseconds. */

// RFC 3261 §17.1.1.1: T1, the round-trip estimate everything else is scaled from.
export const T1 = 500;
// RFC 3261 §17.1.1.2: Timer B, an INVITE branch with no response at all times out.
export const TIMER_B = 64 * T1;
// RFC 3261 §17.1.2.2: Timer F, a non-INVITE branch without a final response times out.
export const TIMER_F = 64 * T1;
// RFC 3261 §16.6 step 11, §16.8: Timer C, "greater than 3 minutes", a ringing INVITE branch is cancelled.
export const TIMER_C = 3 * 60_000 + 1000;
// RFC 3261 §9.1: after sending CANCEL, wait 64*T1 for the final response, then give the branch up.
export const CANCEL_WAIT = 64 * T1;
// RFC 6026 §8.7: Timer L, a transaction lingers 64*T1 after its final response to pass on 2xx retransmissions.
export const TIMER_L = 64 * T1;
