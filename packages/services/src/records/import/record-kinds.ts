import { PAY_PERIODS, PAYROLL_CHANGES, PAYROLL_ERRORS, PAYROLLS } from './payroll-record-kinds.ts';
import type { RecordKind, RecordKindName } from './record-kind.ts';
import {
  APPLICATION_STAGES,
  APPLICATIONS,
  CONTRACT_LETTERS,
  DBS_CHECKS,
  VACANCIES,
} from './recruitment-record-kinds.ts';

/** Every kind of record that comes in through the API, by name (in the order parents come first). */
export const RECORD_KINDS: Readonly<Record<RecordKindName, RecordKind>> = {
  payrolls: PAYROLLS,
  pay_periods: PAY_PERIODS,
  payroll_changes: PAYROLL_CHANGES,
  payroll_errors: PAYROLL_ERRORS,
  dbs_checks: DBS_CHECKS,
  contract_letters: CONTRACT_LETTERS,
  vacancies: VACANCIES,
  applications: APPLICATIONS,
  application_stages: APPLICATION_STAGES,
};
