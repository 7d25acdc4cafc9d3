import { type Actor, readRule } from '@ssp/core';
import { SUPPORT_ROLES } from './roles.ts';

const hasSupportRole = (actor: Actor) => SUPPORT_ROLES.some((role) => actor.roles.includes(role));

/** What members keep and share day to day: their support people (tenant admins, service agents). */
const SUPPORT_WORK = readRule({ roles: ['tenant_admin', 'service_agent'], platformAdmins: false });

// Who may read the shared-support types: their rows of the one roles x types matrix. Shared
// support is used by the members themselves, never on the platform path; which partnerships'
// rows a member reads is decided by its opted-in agreements.
export const SHARED_SUPPORT_READ_RULES = {
  SupportPerson: SUPPORT_WORK,
  SharedPerson: SUPPORT_WORK,
  HelpRequest: SUPPORT_WORK,
  RecoveryPlan: SUPPORT_WORK,
  /**
   * A loan: support roles see every loan of their partnerships (the offers on its requests);
   * finance sees the accepted loans its own organisation gave or received (its help statement).
   */
  HelpLoan: readRule<{ lendingMemberId: string; requestingMemberId: string; status: string }>({
    roles: ['tenant_admin', 'service_agent', 'finance'],
    platformAdmins: false,
    row: (loan, actor) =>
      hasSupportRole(actor) ||
      (loan.status === 'accepted' &&
        (loan.lendingMemberId === actor.organisationId || loan.requestingMemberId === actor.organisationId)),
  }),
  /**
   * The out-of-hours rota: whoever at a member may open its shared support (tenant admins,
   * service agents, finance); an incident shows who is on call for it to the same people.
   */
  RotaShift: readRule({ roles: ['tenant_admin', 'service_agent', 'finance'], platformAdmins: false }),
};
