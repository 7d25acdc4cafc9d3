import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';

/** An instant, written as an ISO 8601 string with an offset (UTC `Z` on output). */
builder.scalarType('DateTime', {
  description: 'An instant in time as an ISO 8601 string with a time zone offset, e.g. 2018-03-01T09:00:00Z.',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => {
    if (
      typeof value !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
    ) {
      throw new GraphQLError('DateTime must be an ISO 8601 string with an offset, e.g. 2018-03-01T09:00:00Z');
    }
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime ${value} is not a real instant`);
    return date;
  },
});
