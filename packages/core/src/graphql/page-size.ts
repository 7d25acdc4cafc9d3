import { GraphQLError } from 'graphql';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Connection page sizes are 1 to 100. @pothos/plugin-drizzle would quietly clamp a larger
 * `first` to its maximum and answer `first: 0` with an empty page; a client asking for either
 * has a bug it should hear about. Pass as `maxSize` (the plugin calls it with the arguments).
 */
export function checkedPageSize(args: { first?: number | null; last?: number | null }): number {
  for (const name of ['first', 'last'] as const) {
    const size = args[name];
    if (size !== null && size !== undefined && (size < 1 || size > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`${name} must be between 1 and ${MAX_PAGE_SIZE}; it was ${size}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  }
  return MAX_PAGE_SIZE;
}

/** The page options every connection field takes. */
export const pageSizeOptions = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: checkedPageSize } as const;
