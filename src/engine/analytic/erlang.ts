// Erlang's loss and delay formulas for c identical servers fed by Poisson arrivals.
// Both are computed through the Erlang B recursion, which never forms a^c or c! and so
// stays accurate for thousands of servers.

/**
 * Erlang B: the share of arrivals that find all c servers busy in an M/M/c/c loss system.
 * offeredLoad is a = lambda * S (in erlangs). O(c), with an early exit once B underflows.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  if (offeredLoad <= 0) return 0;
  let b = 1;
  for (let k = 1; k <= servers; k++) {
    const ab = offeredLoad * b;
    b = ab / (k + ab);
    // Past k > a the recursion only shrinks b, so once it reaches zero it stays there.
    if (b === 0) return 0;
  }
  return b;
}

/**
 * Erlang C: the probability an arrival has to wait in an M/M/c queue with unlimited room.
 * Only meaningful below saturation (a < c); returns 1 at or above it.
 */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad <= 0) return 0;
  const rho = offeredLoad / servers;
  if (rho >= 1) return 1;
  const b = erlangB(servers, offeredLoad);
  return b / (1 - rho * (1 - b));
}
