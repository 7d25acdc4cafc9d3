import { describedEnumValues } from '@ssp/core';
import { builder } from '@ssp/schema';
import type * as tables from '@ssp/services-tables';

export const ServiceLineCodeEnum = builder.enumType('ServiceLineCode', {
  description: 'A line of service the partnership delivers.',
  values: describedEnumValues<(typeof tables.serviceLineCode.enumValues)[number]>({
    payroll: 'Payroll: starters, leavers, changes, payments.',
    recruitment: 'Recruitment: vacancies, contracts, DBS checks.',
    ict: 'ICT: accounts, devices, user support, incidents.',
    finance: 'Finance: invoices and payments.',
    procurement: 'Procurement: suppliers and purchasing.',
  }),
});

export const OfferingKindEnum = builder.enumType('OfferingKind', {
  description: 'Whether an offering is a request (fulfilled) or an incident (restored, with a priority).',
  values: describedEnumValues<(typeof tables.offeringKind.enumValues)[number]>({
    request: 'A request for something to be done.',
    incident: 'Something is broken; incidents carry a priority.',
  }),
});

export const TargetUnitEnum = builder.enumType('TargetUnit', {
  description: 'How an SLA target is counted.',
  values: describedEnumValues<(typeof tables.targetUnit.enumValues)[number]>({
    working_hours: 'Hours within business hours (09:00-17:00 Europe/London) on working days.',
    working_days: 'Working days: the target falls at close of business on the Nth working day after receipt.',
    elapsed_minutes: 'Real minutes, nights and weekends included (paused while waiting on the customer).',
  }),
});
