import { builder } from './builder.ts';

/** Arbitrary JSON, for the before/after snapshots of the audit trail. */
builder.scalarType('JSON', {
  description: 'Any JSON value (an object snapshot in the audit trail).',
  serialize: (value) => value,
  parseValue: (value) => value,
});
