import { builder } from '@ssp/schema';
import type { SharingAgreementRow } from './manage-sharing-agreement.ts';
import { SharingAgreementRef } from './shared-support-type.ts';

export const SharingAgreementPayload = builder
  .objectRef<{ agreement: SharingAgreementRow }>('SharingAgreementPayload')
  .implement({
    description: 'The agreement after the change.',
    fields: (t) => ({
      agreement: t.field({ type: SharingAgreementRef, description: 'The agreement.', resolve: (p) => p.agreement }),
    }),
  });
