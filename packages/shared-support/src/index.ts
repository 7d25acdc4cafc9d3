// Shared support: what the members of a partnership share with each other by agreement (a
// skills directory, help between members, an out-of-hours rota, disaster-recovery plans) and the
// benefits it delivers. Every cross-member read goes through the member's own opted-in agreement.
import './sharing/shared-support-type.ts';
import './sharing/join-shared-support-mutation.ts';
import './sharing/leave-shared-support-mutation.ts';
import './sharing/read-receipts-type.ts';
import './directory/directory-type.ts';
import './directory/save-support-person-mutation.ts';
import './directory/remove-support-person-mutation.ts';
import './help/help-loan-type.ts';
import './help/help-request-type.ts';
import './help/help-statement-type.ts';
import './help/request-help-mutation.ts';
import './help/offer-help-mutation.ts';
import './help/decide-help-offer-mutation.ts';
import './help/record-help-given-mutation.ts';
import './help/withdraw-help-request-mutation.ts';
import './rota/rota-type.ts';
import './rota/rota-swap-type.ts';
import './rota/add-rota-shift-mutation.ts';
import './rota/propose-rota-swap-mutation.ts';
import './rota/decide-rota-swap-mutation.ts';
import './rota/on-call-type.ts';
import './recovery/recovery-type.ts';
import './recovery/create-recovery-template-mutation.ts';
import './recovery/adopt-recovery-plan-mutation.ts';
import './recovery/record-recovery-test-mutation.ts';
import './benefits/benefits-type.ts';
import './benefits/update-shared-support-programme-mutation.ts';
import './rota/set-rota-share-mutation.ts';

export * from './benefits/benefits.ts';
export * from './common/partnership-context.ts';
export * from './directory/manage-support-people.ts';
export * from './directory/search-directory.ts';
export * from './errors/shared-support-error-codes.ts';
export * from './help/load-help.ts';
export * from './help/manage-help.ts';
export * from './recovery/load-recovery.ts';
export * from './recovery/manage-recovery.ts';
export * from './rota/load-rota.ts';
export * from './rota/manage-rota.ts';
export * from './rota/on-call.ts';
export * from './rota/out-of-hours.ts';
export * from './sharing/manage-sharing-agreement.ts';
export * from './sharing/publish-member-directory.ts';
