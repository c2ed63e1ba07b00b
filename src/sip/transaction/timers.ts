/**
 * RFC 3261 transaction timers for a reliable transport (WebSocket, RFC 7118 §5):
 * requests are never retransmitted (Timers A/E unused), and every timer that only
 * exists to absorb retransmissions on UDP is zero.
 */

/** RTT estimate (§17.1.1.1). */
export const T1 = 500;
/** Maximum retransmit interval for non-INVITE requests and INVITE 2xx responses (§17.1.2.2). */
export const T2 = 4000;

/** INVITE client: no final response while Calling (§17.1.1.2). */
export const TIMER_B = 64 * T1;
/** INVITE client: wait for response retransmissions after a non-2xx; zero on reliable transports (§17.1.1.2). */
export const TIMER_D = 0;
/** Non-INVITE client: no final response (§17.1.2.2). */
export const TIMER_F = 64 * T1;
/** Non-INVITE client: wait for response retransmissions; zero on reliable transports (§17.1.2.2). */
export const TIMER_K = 0;
/** INVITE server: wait for the ACK of a non-2xx final response (§17.2.1). */
export const TIMER_H = 64 * T1;
/** INVITE server: absorb ACK retransmissions; zero on reliable transports (§17.2.1). */
export const TIMER_I = 0;
/** Non-INVITE server: absorb request retransmissions after the final response; zero on reliable transports (§17.2.2). */
export const TIMER_J = 0;
/** INVITE server in Accepted: absorb INVITE retransmissions after a 2xx (RFC 6026 §8.7). */
export const TIMER_L = 64 * T1;
/** INVITE client in Accepted: accept 2xx retransmissions and forks (RFC 6026 §8.4). */
export const TIMER_M = 64 * T1;
