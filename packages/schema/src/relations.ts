import { defineRelations, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import * as schema from './all-tables.ts';

/**
 * Payroll and recruitment records are kept in every version (a correction is a new row): lists
 * show each record's newest version, the one no later version corrects, unless that version
 * retracts the record. The anti-join reads the partial index of corrections, empty until
 * something is corrected.
 */
const newestVersion = (tableName: string) => ({
  RAW: (t: { tenantId: AnyPgColumn; recordId: AnyPgColumn; version: AnyPgColumn; retracted: AnyPgColumn }) =>
    sql`not ${t.retracted} and not exists (select 1 from ${sql.identifier(tableName)} as later
          where later.tenant_id = ${t.tenantId} and later.corrects_id = ${t.recordId} and later.version > ${t.version})`,
});

/**
 * The relations of the whole platform schema, in one place because `@pothos/plugin-drizzle`
 * plans a GraphQL selection into one SQL statement from them.
 */
export const relations = defineRelations(schema, (r) => ({
  organisations: {
    parent: r.one.organisations({ from: r.organisations.parentId, to: r.organisations.id }),
    children: r.many.organisations({ from: r.organisations.id, to: r.organisations.parentId }),
    // The nation's bank-holiday calendar, which its requests' SLA clocks read with their row.
    calendar: r.one.nationCalendars({ from: r.organisations.nation, to: r.nationCalendars.nation, optional: false }),
    memberships: r.many.memberships({ from: r.organisations.id, to: r.memberships.tenantId }),
    auditEvents: r.many.auditEvents({ from: r.organisations.id, to: r.auditEvents.tenantId }),
    subscriptions: r.many.subscriptions({ from: r.organisations.id, to: r.subscriptions.tenantId }),
    serviceRequests: r.many.serviceRequests({ from: r.organisations.id, to: r.serviceRequests.tenantId }),
    payrolls: r.many.payrolls({
      from: r.organisations.id,
      to: r.payrolls.tenantId,
      where: newestVersion('payrolls'),
    }),
    apiClients: r.many.apiClients({ from: r.organisations.id, to: r.apiClients.tenantId }),
    dbsChecks: r.many.dbsChecks({
      from: r.organisations.id,
      to: r.dbsChecks.tenantId,
      where: newestVersion('dbs_checks'),
    }),
    contractLetters: r.many.contractLetters({
      from: r.organisations.id,
      to: r.contractLetters.tenantId,
      where: newestVersion('contract_letters'),
    }),
    vacancies: r.many.vacancies({
      from: r.organisations.id,
      to: r.vacancies.tenantId,
      where: newestVersion('vacancies'),
    }),
    affordabilityCharges: r.many.affordabilityCharges({
      from: r.organisations.id,
      to: r.affordabilityCharges.tenantId,
    }),
    reductionRequests: r.many.reductionRequests({ from: r.organisations.id, to: r.reductionRequests.tenantId }),
    savingsOpportunities: r.many.savingsOpportunities({
      from: r.organisations.id,
      to: r.savingsOpportunities.tenantId,
    }),
    statementCredits: r.many.statementCredits({ from: r.organisations.id, to: r.statementCredits.tenantId }),
    savingsLedgerEntries: r.many.savingsLedgerEntries({
      from: r.organisations.id,
      to: r.savingsLedgerEntries.tenantId,
    }),
    businessCases: r.many.businessCases({ from: r.organisations.id, to: r.businessCases.tenantId }),
  },
  payrolls: {
    organisation: r.one.organisations({ from: r.payrolls.tenantId, to: r.organisations.id, optional: false }),
    periods: r.many.payPeriods({
      from: [r.payrolls.tenantId, r.payrolls.recordId],
      to: [r.payPeriods.tenantId, r.payPeriods.payrollId],
      where: newestVersion('pay_periods'),
    }),
  },
  payPeriods: {
    payroll: r.one.payrolls({
      from: [r.payPeriods.tenantId, r.payPeriods.payrollId],
      to: [r.payrolls.tenantId, r.payrolls.id],
      optional: false,
    }),
    changes: r.many.payrollChanges({
      from: [r.payPeriods.tenantId, r.payPeriods.recordId],
      to: [r.payrollChanges.tenantId, r.payrollChanges.payPeriodId],
      where: newestVersion('payroll_changes'),
    }),
    errors: r.many.payrollErrors({
      from: [r.payPeriods.tenantId, r.payPeriods.recordId],
      to: [r.payrollErrors.tenantId, r.payrollErrors.payPeriodId],
      where: newestVersion('payroll_errors'),
    }),
  },
  // Applications name their vacancy's record id, stages their application's (the first version's
  // id, which every version carries as record_id): children follow the record, not a version.
  vacancies: {
    organisation: r.one.organisations({ from: r.vacancies.tenantId, to: r.organisations.id, optional: false }),
    applications: r.many.applications({
      from: [r.vacancies.tenantId, r.vacancies.recordId],
      to: [r.applications.tenantId, r.applications.vacancyId],
      where: newestVersion('applications'),
    }),
  },
  applications: {
    stages: r.many.applicationStages({
      from: [r.applications.tenantId, r.applications.recordId],
      to: [r.applicationStages.tenantId, r.applicationStages.applicationId],
      where: newestVersion('application_stages'),
    }),
  },
  serviceLines: {
    offerings: r.many.serviceOfferings({ from: r.serviceLines.code, to: r.serviceOfferings.serviceLineCode }),
  },
  serviceOfferings: {
    serviceLine: r.one.serviceLines({
      from: r.serviceOfferings.serviceLineCode,
      to: r.serviceLines.code,
      optional: false,
    }),
    slaDefinitions: r.many.slaDefinitions({ from: r.serviceOfferings.id, to: r.slaDefinitions.offeringId }),
  },
  nationCalendars: {
    versions: r.many.calendarVersions({ from: r.nationCalendars.nation, to: r.calendarVersions.nation }),
    holidays: r.many.bankHolidays({ from: r.nationCalendars.nation, to: r.bankHolidays.nation }),
  },
  slaDefinitions: {
    offering: r.one.serviceOfferings({ from: r.slaDefinitions.offeringId, to: r.serviceOfferings.id, optional: false }),
  },
  subscriptions: {
    organisation: r.one.organisations({ from: r.subscriptions.tenantId, to: r.organisations.id, optional: false }),
    offering: r.one.serviceOfferings({ from: r.subscriptions.offeringId, to: r.serviceOfferings.id, optional: false }),
  },
  // Joins between tenant tables carry tenant_id (Citus routes a join only on the distribution key).
  serviceRequests: {
    organisation: r.one.organisations({ from: r.serviceRequests.tenantId, to: r.organisations.id, optional: false }),
    offering: r.one.serviceOfferings({
      from: r.serviceRequests.offeringId,
      to: r.serviceOfferings.id,
      optional: false,
    }),
    slaDefinition: r.one.slaDefinitions({
      from: r.serviceRequests.slaDefinitionId,
      to: r.slaDefinitions.id,
      optional: false,
    }),
    subscription: r.one.subscriptions({
      from: [r.serviceRequests.tenantId, r.serviceRequests.subscriptionId],
      to: [r.subscriptions.tenantId, r.subscriptions.id],
      optional: false,
    }),
    statusChanges: r.many.serviceRequestStatusChanges({
      from: [r.serviceRequests.tenantId, r.serviceRequests.id],
      to: [r.serviceRequestStatusChanges.tenantId, r.serviceRequestStatusChanges.requestId],
    }),
    comments: r.many.serviceRequestComments({
      from: [r.serviceRequests.tenantId, r.serviceRequests.id],
      to: [r.serviceRequestComments.tenantId, r.serviceRequestComments.requestId],
    }),
  },
  auditEvents: {
    organisation: r.one.organisations({ from: r.auditEvents.tenantId, to: r.organisations.id, optional: false }),
  },
  delegations: {
    grantee: r.one.organisations({ from: r.delegations.tenantId, to: r.organisations.id, optional: false }),
    delegatedOrganisation: r.one.organisations({
      from: r.delegations.delegatedOrganisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  memberships: {
    organisation: r.one.organisations({ from: r.memberships.tenantId, to: r.organisations.id, optional: false }),
  },
  affordabilityCharges: {
    organisation: r.one.organisations({
      from: r.affordabilityCharges.tenantId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  reductionRequests: {
    organisation: r.one.organisations({ from: r.reductionRequests.tenantId, to: r.organisations.id, optional: false }),
  },
  savingsOpportunities: {
    organisation: r.one.organisations({
      from: r.savingsOpportunities.tenantId,
      to: r.organisations.id,
      optional: false,
    }),
    ledgerEntries: r.many.savingsLedgerEntries({
      from: [r.savingsOpportunities.tenantId, r.savingsOpportunities.id],
      to: [r.savingsLedgerEntries.tenantId, r.savingsLedgerEntries.opportunityId],
    }),
  },
  savingsLedgerEntries: {
    opportunity: r.one.savingsOpportunities({
      from: [r.savingsLedgerEntries.tenantId, r.savingsLedgerEntries.opportunityId],
      to: [r.savingsOpportunities.tenantId, r.savingsOpportunities.id],
      optional: false,
    }),
    reverses: r.one.savingsLedgerEntries({
      from: [r.savingsLedgerEntries.tenantId, r.savingsLedgerEntries.reversesEntryId],
      to: [r.savingsLedgerEntries.tenantId, r.savingsLedgerEntries.id],
    }),
  },
  businessCases: {
    organisation: r.one.organisations({ from: r.businessCases.tenantId, to: r.organisations.id, optional: false }),
    workstreams: r.many.businessCaseWorkstreams({
      from: [r.businessCases.tenantId, r.businessCases.id],
      to: [r.businessCaseWorkstreams.tenantId, r.businessCaseWorkstreams.businessCaseId],
    }),
    lines: r.many.businessCaseLines({
      from: [r.businessCases.tenantId, r.businessCases.id],
      to: [r.businessCaseLines.tenantId, r.businessCaseLines.businessCaseId],
    }),
    statedFigures: r.many.businessCaseStatedFigures({
      from: [r.businessCases.tenantId, r.businessCases.id],
      to: [r.businessCaseStatedFigures.tenantId, r.businessCaseStatedFigures.businessCaseId],
    }),
  },
  businessCaseWorkstreams: {
    businessCase: r.one.businessCases({
      from: [r.businessCaseWorkstreams.tenantId, r.businessCaseWorkstreams.businessCaseId],
      to: [r.businessCases.tenantId, r.businessCases.id],
      optional: false,
    }),
  },
  businessCaseLines: {
    businessCase: r.one.businessCases({
      from: [r.businessCaseLines.tenantId, r.businessCaseLines.businessCaseId],
      to: [r.businessCases.tenantId, r.businessCases.id],
      optional: false,
    }),
    workstream: r.one.businessCaseWorkstreams({
      from: [r.businessCaseLines.tenantId, r.businessCaseLines.workstreamId],
      to: [r.businessCaseWorkstreams.tenantId, r.businessCaseWorkstreams.id],
    }),
    amounts: r.many.businessCaseLineAmounts({
      from: [r.businessCaseLines.tenantId, r.businessCaseLines.id],
      to: [r.businessCaseLineAmounts.tenantId, r.businessCaseLineAmounts.lineId],
    }),
    opportunityLinks: r.many.businessCaseLineOpportunities({
      from: [r.businessCaseLines.tenantId, r.businessCaseLines.id],
      to: [r.businessCaseLineOpportunities.tenantId, r.businessCaseLineOpportunities.lineId],
    }),
  },
  businessCaseLineAmounts: {
    line: r.one.businessCaseLines({
      from: [r.businessCaseLineAmounts.tenantId, r.businessCaseLineAmounts.lineId],
      to: [r.businessCaseLines.tenantId, r.businessCaseLines.id],
      optional: false,
    }),
  },
  businessCaseStatedFigures: {
    lines: r.many.businessCaseStatedFigureLines({
      from: [r.businessCaseStatedFigures.tenantId, r.businessCaseStatedFigures.id],
      to: [r.businessCaseStatedFigureLines.tenantId, r.businessCaseStatedFigureLines.statedFigureId],
    }),
  },
  businessCaseLineOpportunities: {
    line: r.one.businessCaseLines({
      from: [r.businessCaseLineOpportunities.tenantId, r.businessCaseLineOpportunities.lineId],
      to: [r.businessCaseLines.tenantId, r.businessCaseLines.id],
      optional: false,
    }),
    opportunity: r.one.savingsOpportunities({
      from: [r.businessCaseLineOpportunities.tenantId, r.businessCaseLineOpportunities.opportunityId],
      to: [r.savingsOpportunities.tenantId, r.savingsOpportunities.id],
      optional: false,
    }),
  },
}));
