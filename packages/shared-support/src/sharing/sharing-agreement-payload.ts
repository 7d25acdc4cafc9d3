import { builder } from '@ssp/schema';
import { SharingAgreementRef } from './shared-support-type.ts';
import type { SharingAgreementRow } from './sharing-agreement.ts';

export const SharingAgreementPayload = builder
  .objectRef<{ agreement: SharingAgreementRow }>('SharingAgreementPayload')
  .implement({
    description: 'The agreement after the change.',
    fields: (t) => ({
      agreement: t.field({ type: SharingAgreementRef, description: 'The agreement.', resolve: (p) => p.agreement }),
    }),
  });
