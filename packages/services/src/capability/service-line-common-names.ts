/**
 * What prospective customers call a whole service line when they ask for it. A requirement that
 * is only one of these names ("Payroll", "payroll services", "IT") asks for the line as a whole,
 * not for one offering whose name happens to contain the word: a school asking for "payroll"
 * wants the payroll service it may take, whatever the set-up offering for councils is called.
 */
export const SERVICE_LINE_COMMON_NAMES: Readonly<Record<string, readonly string[]>> = {
  payroll: ['payroll', 'pay roll', 'payroll bureau', 'pay and pensions', 'salaries'],
  recruitment: ['recruitment', 'recruiting', 'hiring', 'resourcing', 'recruitment and selection'],
  ict: ['ict', 'it', 'information technology', 'information and communication technology', 'computing', 'technology'],
  finance: ['finance', 'financial', 'accountancy', 'exchequer'],
  procurement: ['procurement', 'purchasing', 'purchase to pay', 'commissioning'],
};
