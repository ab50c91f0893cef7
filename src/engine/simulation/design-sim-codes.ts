// Numbers the design simulator and its report share: how a request ended, and which figure
// each recorder field holds.

/** Outcome codes: 0 success, else the reason (index + 1 into FAILURE_REASONS). */
export const OK = 0;
export const R_ERROR = 1;
export const R_DOWN = 2;
export const R_TIMEOUT = 3;
export const R_REJECTED = 4;
export const R_OPEN = 5;
export const FAILURE_REASONS = ['error', 'down', 'timeout', 'rejected', 'circuit-open'] as const;

// Component (node) recorder fields.
export const N_ARRIVALS = 0;
export const N_OK = 1;
export const N_ERRORS = 2;
export const N_TIMEOUTS = 3;
export const N_REJECTED = 4;
export const N_RETRIES = 5;
/** Worker-ms busy, worker-ms up, request-ms waiting (time areas). */
export const N_BUSY = 6;
export const N_CAP = 7;
export const N_QUEUE = 8;
/** Most requests waiting at one copy at any moment (a peak, not a sum). */
export const N_QMAX = 9;
export const NODE_FIELDS = 10;

// Flow recorder fields; failures by reason follow F_FAILED, at F_FAILED + outcome code.
export const F_SENT = 0;
export const F_OK = 1;
export const F_FAILED = 2;
export const FLOW_FIELDS = F_FAILED + FAILURE_REASONS.length + 1;
