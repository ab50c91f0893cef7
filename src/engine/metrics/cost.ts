// Monthly running cost: instance-hours plus per-request charges, in US dollars.

/** Hours in an average month (8760 h / 12), the figure cloud price sheets use. */
export const HOURS_PER_MONTH = 730;
/** Seconds in an average month: 730 h * 3600 s. */
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

export interface MonthlyCost {
  /** USD per month for instances that run all month, busy or idle. */
  instancesUsdPerMonth: number;
  /** USD per month for requests, at a steady rate. */
  requestsUsdPerMonth: number;
  totalUsdPerMonth: number;
}

/** instances * pricePerHour * 730 h + pricePerMillion * (rps * 2.628e6 s) / 1e6. */
export function monthlyCost(instances: number, pricePerHourUsd: number, pricePerMillionUsd: number, requestsPerSecond: number): MonthlyCost {
  const instancesUsdPerMonth = Math.max(0, instances) * Math.max(0, pricePerHourUsd) * HOURS_PER_MONTH;
  const requestsUsdPerMonth = (Math.max(0, pricePerMillionUsd) * Math.max(0, requestsPerSecond) * SECONDS_PER_MONTH) / 1e6;
  return { instancesUsdPerMonth, requestsUsdPerMonth, totalUsdPerMonth: instancesUsdPerMonth + requestsUsdPerMonth };
}
