import type { nation } from '../db/schema/tenants/organisation-enums.ts';

/**
 * The nation whose bank holidays an organisation's working-time clocks follow. Taken from the
 * database enum so that adding a nation there fails to compile here until its calendar exists.
 */
export type Nation = (typeof nation.enumValues)[number];

/** Display names; a Record so the compiler insists on exactly one entry per nation. */
export const NATION_NAMES: Readonly<Record<Nation, string>> = Object.freeze({
  england_and_wales: 'England and Wales',
  scotland: 'Scotland',
  northern_ireland: 'Northern Ireland',
});

export const NATIONS: readonly Nation[] = Object.freeze(Object.keys(NATION_NAMES) as Nation[]);

export function isNation(value: string): value is Nation {
  return Object.hasOwn(NATION_NAMES, value);
}
