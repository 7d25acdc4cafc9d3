// The services domain: the catalogue, subscriptions, requests and incidents with their SLA
// clocks. (Payroll, recruitment and KPI reports are still to come: see issue #4.)
import './catalogue/service-offering-type.ts';
import './catalogue/catalogue-queries.ts';
import './catalogue/catalogue-admin-mutations.ts';
import './catalogue/calendar-type.ts';
import './subscriptions/subscription-type.ts';
import './requests/service-request-type.ts';
import './requests/service-request-queries.ts';
import './requests/service-request-mutations.ts';
import './requests/import-request-history-type.ts';
import './records/payroll-record-types.ts';
import './records/recruitment-record-types.ts';
import './records/import/record-import-type.ts';
import './capability/capability-match-type.ts';
import './onboarding/onboarding-type.ts';
import './onboarding/bulk-onboarding-type.ts';

export * from './catalogue/service-offering-type.ts';
export * from './errors/service-error-codes.ts';
export * from './performance/performance-indicators.ts';
export * from './performance/performance-records.ts';
export * from './performance/read-performance-report.ts';
export * from './records/import/import-records.ts';
export * from './records/import/record-kinds.ts';
export * from './requests/change-service-request-status.ts';
export * from './requests/count-closed-requests.ts';
export * from './requests/import-request-history.ts';
export * from './requests/raise-service-request.ts';
export * from './requests/request-status-rules.ts';
export * from './requests/service-request-type.ts';
export * from './subscriptions/subscription-type.ts';

import './performance/performance-report-type.ts';

export * from './capability/match-capabilities.ts';
export * from './onboarding/bulk-onboard-organisations.ts';
export * from './onboarding/onboard-organisation.ts';
