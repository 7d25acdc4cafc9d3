import { ALL_MEMBER_ROLES, readRule } from '@ssp/core';

/** The catalogue, subscriptions, requests and records: every member of an organisation it can see. */
const MEMBERS = readRule({ roles: ALL_MEMBER_ROLES, platformAdmins: true });

// Who may read the services domain's types: its rows of the one roles x types matrix (see
// `readRule` in core). Row-level security decides which rows.
export const SERVICES_READ_RULES = {
  ServiceOffering: MEMBERS,
  SlaDefinition: MEMBERS,
  Subscription: MEMBERS,
  ServiceRequest: MEMBERS,
  Payroll: MEMBERS,
  DbsCheck: MEMBERS,
  ContractLetter: MEMBERS,
  Vacancy: MEMBERS,
  Application: MEMBERS,
};
