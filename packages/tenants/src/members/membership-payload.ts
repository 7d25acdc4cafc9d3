import { compiledPayloadObject } from '@ssp/core';
import { builder } from '@ssp/schema';
import { MembershipRef } from './member-type.ts';
import type { MembershipRow } from './membership-checks.ts';

export const MembershipPayload = builder.objectRef<{ membership: MembershipRow }>('MembershipPayload').implement({
  description: 'The membership after the change.',
  fields: (t) => ({
    membership: t.field({
      type: MembershipRef,
      description: 'The membership.',
      extensions: compiledPayloadObject('membership'),
      resolve: (p) => p.membership,
    }),
  }),
});
