import type * as tables from '@ssp/services-tables';
import type { FieldSpec } from '../records/import/record-kind.ts';

type Status = (typeof tables.requestStatus.enumValues)[number];
type Priority = (typeof tables.incidentPriority.enumValues)[number];

const STATUSES: readonly Status[] = ['new', 'in_progress', 'waiting_on_customer', 'resolved', 'closed', 'cancelled'];
const PRIORITIES: readonly Priority[] = ['p1', 'p2', 'p3', 'p4'];

/**
 * The columns of a service-desk history row: the request's (given on its first row; later rows
 * of the same request leave them empty or repeat them exactly) and one status change's (empty on
 * a row that only states the request). One shape serves both ways of exporting a history: one row
 * per status change with the request repeated, or a request row followed by its change rows.
 */
export const REQUEST_COLUMNS: readonly FieldSpec[] = [
  {
    name: 'offeringCode',
    csv: 'offering_code',
    type: 'text',
    maxLength: 100,
    required: false,
    description: "The catalogue offering's code (e.g. `ict-user-support`); the organisation must subscribe to it.",
  },
  {
    name: 'title',
    csv: 'title',
    type: 'text',
    maxLength: 200,
    required: false,
    description: 'What was asked for, in a line (1-200 characters).',
  },
  {
    name: 'description',
    csv: 'description',
    type: 'text',
    maxLength: 10_000,
    required: false,
    description: 'The detail (up to 10,000 characters); empty if the other system has none.',
  },
  {
    name: 'priority',
    csv: 'priority',
    type: 'enum',
    values: PRIORITIES,
    graphqlEnum: 'IncidentPriority',
    required: false,
    description: 'Incidents only, and required for them.',
  },
  {
    name: 'raisedAt',
    csv: 'raised_at',
    type: 'instant',
    required: false,
    description: 'When it was raised in the other system: its clocks start here.',
  },
  {
    name: 'raisedBy',
    csv: 'raised_by',
    type: 'text',
    maxLength: 200,
    required: false,
    description: 'Who raised it, as the other system names them.',
  },
  {
    name: 'assignedAgent',
    csv: 'assigned_agent',
    type: 'text',
    maxLength: 200,
    required: false,
    description: 'The agent working it at the end of the history, if any.',
  },
  {
    name: 'satisfactionScore',
    csv: 'satisfaction_score',
    type: 'count',
    required: false,
    description: "The customer's rating, 1 (very poor) to 5 (excellent): only for a request resolved or closed.",
  },
];

export const CHANGE_COLUMNS: readonly FieldSpec[] = [
  {
    name: 'status',
    csv: 'status',
    type: 'enum',
    values: STATUSES,
    graphqlEnum: 'RequestStatus',
    required: false,
    description: 'The status this change entered; empty on a row that only states the request.',
  },
  {
    name: 'changedAt',
    csv: 'changed_at',
    type: 'instant',
    required: false,
    description: 'When the change was made (with a status): not before the request was raised or the change before.',
  },
  {
    name: 'changedBy',
    csv: 'changed_by',
    type: 'text',
    maxLength: 200,
    required: false,
    description: 'Who made the change; empty: recorded as the source system.',
  },
  {
    name: 'reason',
    csv: 'reason',
    type: 'text',
    maxLength: 2_000,
    required: false,
    description: 'Why: required when entering waiting on customer (the pause reason) or cancelled.',
  },
  {
    name: 'firstContactResolution',
    csv: 'first_contact_resolution',
    type: 'flag',
    required: false,
    description: 'With a move to resolved, and only then: was it resolved at the first point of contact?',
  },
];

export const HISTORY_ROW_FIELDS: readonly FieldSpec[] = [
  {
    name: 'externalReference',
    csv: 'external_reference',
    type: 'text',
    maxLength: 100,
    required: true,
    description:
      "The request's reference in the system it comes from, on every row: rows with the same reference are one request's, in time order.",
  },
  ...REQUEST_COLUMNS,
  ...CHANGE_COLUMNS,
];

/** The request columns a request's first row must give. */
export const REQUIRED_ON_FIRST_ROW = ['offeringCode', 'title', 'raisedAt', 'raisedBy'] as const;
