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
    working_days:
      'Working days: what the Nth working day means is the definition `workingDayConvention` (close of business on the Nth working day after the day of receipt, or the same clock time N working days later).',
    elapsed_minutes: 'Real minutes, nights and weekends included (paused while waiting on the customer).',
  }),
});

export const WorkingDayConventionEnum = builder.enumType('WorkingDayConvention', {
  description:
    'What a target of N working days means. Both count working time only (09:00-17:00 Europe/London, weekdays that are not bank holidays in the organisation nation), both are fixed as a budget of working time when the request is raised, and under both a pause (waiting on the customer) moves the due time later by exactly the working time it lasted.',
  values: describedEnumValues<(typeof tables.workingDayConvention.enumValues)[number]>({
    end_of_nth_working_day:
      'Close of business (17:00) on the Nth working day after the day of receipt. The day of receipt is the working day the request arrives on if it arrives before 17:00, otherwise (evening, weekend, bank holiday) the next working day: Monday 10:00 plus 2 is Wednesday 17:00, Monday 18:00 plus 2 is Thursday 17:00. Zero is the close of business on the day of receipt.',
    same_time_nth_working_day:
      'The same clock time on the Nth working day: N whole working days (N x 8 working hours) from the moment it arrives. Monday 10:00 plus 2 is Wednesday 10:00. A request arriving outside business hours counts from the next opening: Monday 18:00 plus 2 is Thursday 09:00. A due time that falls exactly at a close of business is shown at the next opening (the same working instant).',
  }),
});

export const IncidentPriorityEnum = builder.enumType('IncidentPriority', {
  description: 'How urgent an incident is.',
  values: describedEnumValues<(typeof tables.incidentPriority.enumValues)[number]>({
    p1: 'Critical: a service is down for many users.',
    p2: 'High: a service is degraded or down for a team.',
    p3: 'Medium: one user cannot work normally.',
    p4: 'Low: an inconvenience with a workaround.',
  }),
});
