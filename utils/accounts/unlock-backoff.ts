/**
 * The growing delay after wrong passwords: the first three tries are free, then each further
 * failure doubles the wait (1 s, 2 s, 4 s, …) up to 5 minutes. Pure.
 *
 * @param failures consecutive wrong passwords so far
 * @returns the wait in ms before the next try is allowed
 */
export function unlockDelayMs(failures: number): number {
  const free = 3;
  if (failures < free) return 0;
  return Math.min(1000 * 2 ** (failures - free), 5 * 60 * 1000);
}
