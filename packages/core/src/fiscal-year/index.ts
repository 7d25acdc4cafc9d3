// Fiscal years (1 April to 31 March, written '2017/18') judged on the London calendar.
export * from './fiscal-year.ts';
