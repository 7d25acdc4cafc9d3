/**
 * GraphQL enum values in the conventional UPPER_CASE, each carrying the database's snake_case
 * value and a description (the schema is the partner developer's documentation).
 */
export function describedEnumValues<T extends string>(
  descriptions: Record<T, string>,
): Record<string, { value: T; description: string }> {
  const values: Record<string, { value: T; description: string }> = {};
  for (const [value, description] of Object.entries(descriptions) as [T, string][]) {
    values[value.toUpperCase()] = { value, description };
  }
  return values;
}
