// Working-time calendars and SLA clocks: bank holidays per nation, business hours in
// Europe/London, and clocks recomputed from a request's status history.
export {
  type BankHoliday,
  bankHolidays,
  CalendarRangeError,
  easterSunday,
  FIRST_BANK_HOLIDAY_YEAR,
  type IsoDate,
  isBankHoliday,
  LAST_BANK_HOLIDAY_YEAR,
  ONE_OFF_CHANGES,
} from './bank-holidays.ts';
export { isNation, NATION_NAMES, NATIONS, type Nation } from './nation.ts';
export {
  computeSlaClock,
  type SlaClock,
  type SlaClockInput,
  type SlaClockState,
  SlaHistoryError,
  type SlaPause,
  type SlaStatus,
  type SlaStatusChange,
  type SlaTarget,
  type SlaTargetUnit,
} from './sla-clock.ts';
export {
  addWorkingDays,
  addWorkingHours,
  addWorkingMillis,
  type BusinessHours,
  DEFAULT_BUSINESS_HOURS,
  isWorkingDay,
  type WorkingCalendar,
  workingCalendar,
  workingHoursBetween,
  workingMillisBetween,
} from './working-time.ts';
