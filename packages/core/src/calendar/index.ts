// Working-time calendars: bank holidays per nation and business hours in Europe/London (the
// services domain's SLA clocks count time on them).
export {
  type BankHoliday,
  bankHolidays,
  CalendarRangeError,
  checkCalendarEpochDay,
  easterSunday,
  epochDayOf,
  FIRST_BANK_HOLIDAY_YEAR,
  type IsoDate,
  isBankHoliday,
  isoDateOfEpochDay,
  LAST_BANK_HOLIDAY_YEAR,
  ONE_OFF_CHANGES,
  parseIsoDate,
} from './bank-holidays.ts';
export {
  type GovUkDocumentProblem,
  type GovUkDocumentReading,
  type ImportedDivision,
  readGovUkBankHolidays,
} from './gov-uk-bank-holidays.ts';
export { isNation, NATION_NAMES, NATIONS, type Nation } from './nation.ts';
export {
  addWorkingDays,
  addWorkingHours,
  addWorkingMillis,
  type BusinessHours,
  DEFAULT_BUSINESS_HOURS,
  isWorkingDay,
  type WorkingCalendar,
  workingCalendar,
  workingDayMillis,
  workingHoursBetween,
  workingMillisBetween,
} from './working-time.ts';
