/**
 * The nations whose bank holidays an organisation's working-time clocks follow. Declared here,
 * beside their calendars, and taken by the tenants' `nation` column: a nation cannot be stored
 * before it has a calendar.
 */
export const NATIONS = ['england_and_wales', 'scotland', 'northern_ireland'] as const;
export type Nation = (typeof NATIONS)[number];

/** Display names; a Record so the compiler insists on exactly one entry per nation. */
export const NATION_NAMES: Readonly<Record<Nation, string>> = Object.freeze({
  england_and_wales: 'England and Wales',
  scotland: 'Scotland',
  northern_ireland: 'Northern Ireland',
});

export function isNation(value: string): value is Nation {
  return Object.hasOwn(NATION_NAMES, value);
}
