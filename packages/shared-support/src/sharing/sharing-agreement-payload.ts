import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  checkedPageSize,
  ForbiddenError,
  type Nation,
  NotFoundError,
  queryRows,
  requestActor,
  requestTransaction,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { auditActor, NationEnum, OrganisationRef, recordAuditEvents } from '@ssp/tenants';
import { sql } from 'drizzle-orm';
import { partnershipContext } from '../common/partnership-context.ts';
import { BENEFIT_ROLES } from '../common/roles.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import {
  currentAgreement,
  joinSharedSupport,
  leaveSharedSupport,
  type SharedFields,
  type SharingAgreementRow,
} from './manage-sharing-agreement.ts';


const SharingAgreementPayload = builder
  .objectRef<{ agreement: SharingAgreementRow }>('SharingAgreementPayload')
  .implement({
    description: 'The agreement after the change.',
    fields: (t) => ({
      agreement: t.field({ type: SharingAgreementRef, description: 'The agreement.', resolve: (p) => p.agreement }),
    }),
  });

