/** Mean of the defined values; null when there are none (the metric does not apply). */
export function meanOf(values: ReadonlyArray<number | null | undefined>): number | null {
  const defined = values.filter((value): value is number => typeof value === 'number');
  return defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length;
}

/** Share of true among the defined booleans; null when there are none. */
export function shareOf(values: ReadonlyArray<boolean | null | undefined>): number | null {
  return meanOf(values.map((value) => (typeof value === 'boolean' ? Number(value) : null)));
}
