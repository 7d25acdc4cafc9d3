/**
 * The platform-wide service catalogue: service lines and the offerings customers subscribe to.
 *
 * Platform-wide data (no tenant): the same definitions serve every partnership and customer; a
 * subscription carries the contract price an organisation actually pays.
 *
 * Where the values come from (documents in seeds/source-documents):
 * - The request types are the Employee Service Centre's "Common Transactional Requests" in
 *   northumberland-strategic-change-business-case.txt, plus payroll changes and ICT incidents.
 * - Targets come from the Lancashire report where it gives one (DBS checks in two working days,
 *   contract letters within 10 days, ICT response within 30 minutes); the rest are assumptions,
 *   each explained beside its offering.
 * - The one documented price is Northumberland's "average cost per contact in ICT of £6"; every
 *   other price is an assumption ('assumed'), explained beside its offering.
 *
 * Conventions:
 * - One request raised against an offering is one billable unit: `unitPrice` is per request
 *   (per DBS check, per new payroll, per service-desk contact...).
 * - `fulfilmentTarget` runs from the request being complete (all necessary information received)
 *   to fulfilment, on the working-time calendar of the customer's nation; time waiting on the
 *   customer is paused by the SLA clock, not counted here.
 * - For incidents, `fulfilmentTarget` is the default (normal-priority) resolution target;
 *   per-priority targets belong to the versioned SLA definitions.
 * - `keywords` are lower case and each belongs to one offering only, so a free-text requirement
 *   line ("DBS checks for new school staff") points at one offering without a tie.
 */
import type { OrganisationKind } from '../organisations/seed-organisation.ts';

export type ServiceLineCode = 'payroll' | 'recruitment' | 'ict' | 'finance' | 'procurement';

export interface SeedServiceLine {
  code: ServiceLineCode;
  name: string;
  description: string;
}

export type TargetUnit = 'working_hours' | 'working_days' | 'elapsed_minutes';

export interface SeedTarget {
  unit: TargetUnit;
  amount: number;
}

export interface SeedServiceOffering {
  /** kebab-case, unique, e.g. 'dbs-check'; stable key for seeds, subscriptions and tests. */
  code: string;
  serviceLine: ServiceLineCode;
  /** The request type's name as the documents give it, where they give one. */
  name: string;
  /** One or two sentences a partner developer understands. */
  description: string;
  /** Incidents have priorities; requests do not. */
  kind: 'request' | 'incident';
  /** From complete information to fulfilment (resolution, for incidents). */
  fulfilmentTarget: SeedTarget;
  /** From submission to the first response by the partnership's staff. */
  responseTarget?: SeedTarget;
  /** Per request, in pounds, as a decimal string with two decimals (never a float). */
  unitPrice: string;
  /** Which kinds of organisation may subscribe; never 'partnership' (a provider) or 'platform_operator'. */
  allowedKinds: OrganisationKind[];
  /** Lower-case words or phrases a free-text requirement line might use, for capability matching. */
  keywords: string[];
  /** A short verbatim quote from `sourceDocument` that supports the offering or its target/price; '' when none. */
  source: string;
  /** File name of the document the quote is from. */
  sourceDocument?: string;
  /**
   * When the target comes from a different passage (or document) than `source`: the verbatim
   * quote that supports the target, and its document.
   */
  targetSource?: { quote: string; document: string };
  /** 'document' when a document gives the price (the quote in `source` shows it), else 'assumed'. */
  priceBasis: 'document' | 'assumed';
}

const LANCASHIRE = 'lancashire-partnership-performance-report.txt';
const NORTHUMBERLAND = 'northumberland-strategic-change-business-case.txt';
const LOCAL_GOVERNMENT_PARTNERSHIPS = 'local-government-partnerships.txt';

/**
 * Every kind of organisation that buys services. Partnerships are providers, not customers, and
 * the platform operator buys nothing.
 */
export const CUSTOMER_KINDS: readonly OrganisationKind[] = [
  'county_council',
  'district_council',
  'unitary_council',
  'metropolitan_council',
  'city_council',
  'school',
  'academy',
  'police_force',
  'police_and_crime_commissioner',
  'nhs_trust',
  'other_public_body',
];

/**
 * Customers that run their own corporate functions (a payroll of their own, a supplier master
 * file, accounts payable, purchasing): everyone but schools and academies. Maintained schools
 * sit on their council's payrolls and buy through its central purchasing and accounts payable,
 * so the council subscribes on their behalf; academies keep their own finance under academy
 * trust rules and the documents show them buying only ICT (Grace Academy), never a council's
 * corporate function.
 */
export const CORPORATE_FUNCTION_KINDS: readonly OrganisationKind[] = CUSTOMER_KINDS.filter(
  (kind) => kind !== 'school' && kind !== 'academy',
);

const everyCustomer = (): OrganisationKind[] => [...CUSTOMER_KINDS];
const corporateCustomers = (): OrganisationKind[] => [...CORPORATE_FUNCTION_KINDS];

/**
 * The Lancashire portal rule applies to every ICT request and incident, so all ICT offerings
 * share it: "respond to new requests within 30 minutes of submission". Counted in elapsed
 * minutes, as the report states it.
 */
const ictResponseTarget = (): SeedTarget => ({ unit: 'elapsed_minutes', amount: 30 });
const ICT_RESPONSE_SOURCE = {
  quote:
    'incidents/requests submitted via the portal are prioritised with dedicated resource ready to respond to new requests within 30 minutes of submission',
  document: LANCASHIRE,
};

/** Northumberland's only unit cost: the average cost of one ICT service-desk contact. */
const ICT_CONTACT_PRICE_SOURCE = 'Based on the average cost per contact in ICT of £6';

export const serviceLines: readonly SeedServiceLine[] = [
  {
    code: 'payroll',
    name: 'Payroll',
    description:
      'Payroll and pensions processing: starters and leavers, pay changes and arrears, new payrolls and payslip queries, paid by the published payroll deadline.',
  },
  {
    code: 'recruitment',
    name: 'Recruitment',
    description:
      'End-to-end recruitment support: vacancies and assessment centres, Disclosure and Barring Service (DBS) checks and employment contract letters.',
  },
  {
    code: 'ict',
    name: 'ICT',
    description:
      'The ICT service desk: user accounts, devices, password resets, user support and guidance, and incidents where something is not working.',
  },
  {
    code: 'finance',
    name: 'Finance',
    description: 'Transactional finance for accounts payable: processing and paying supplier invoices.',
  },
  {
    code: 'procurement',
    name: 'Procurement',
    description: 'Transactional purchasing: setting up suppliers and raising purchase requisitions and orders.',
  },
];

export const serviceOfferings: readonly SeedServiceOffering[] = [
  // ---------------------------------------------------------------------------------------------
  // Payroll
  // ---------------------------------------------------------------------------------------------
  {
    code: 'starters-and-leavers',
    serviceLine: 'payroll',
    name: 'Starters and leavers',
    description:
      'Put a new employee on the payroll (with pension scheme enrolment) or take a leaver off it with final pay. One request per starter or leaver.',
    kind: 'request',
    // Assumed: 5 working days from a complete form keeps a starter inside one pay period; the
    // contractual measure (99 % of changes received by the published deadline processed in that
    // period) is computed from pay-period records, not from this clock.
    fulfilmentTarget: { unit: 'working_days', amount: 5 },
    // Assumed: setting up or closing a payroll record and pension forms is several changes'
    // work, so priced above a single pay change.
    unitPrice: '25.00',
    allowedKinds: everyCustomer(),
    keywords: ['starter', 'new starter', 'joiner', 'leaver', 'new employee', 'termination', 'pension enrolment'],
    source: 'Starters / leavers',
    sourceDocument: NORTHUMBERLAND,
    priceBasis: 'assumed',
  },
  {
    code: 'payroll-change',
    serviceLine: 'payroll',
    name: 'Pay changes and arrears',
    description:
      "A change to an existing employee's pay (hours, grade, allowance, deduction) with any arrears or adjustments it causes; changes received by the published payroll deadline are paid in that period.",
    kind: 'request',
    // Assumed: 5 working days, the usual gap between a payroll deadline and the pay run; the
    // contractual 99 % "by the published payroll deadline" measure is kept on pay periods.
    fulfilmentTarget: { unit: 'working_days', amount: 5 },
    // Assumed: a single keyed change with checking, priced below the £6 average service-desk contact.
    unitPrice: '4.00',
    allowedKinds: everyCustomer(),
    keywords: ['pay change', 'arrears', 'adjustment', 'overtime', 'allowance', 'deduction', 'salary change'],
    source:
      '% of changes and associated adjustments including arrears processed that were received by the published payroll deadline',
    sourceDocument: LANCASHIRE,
    priceBasis: 'assumed',
  },
  {
    code: 'payroll-set-up',
    serviceLine: 'payroll',
    name: 'Payroll set-up',
    description:
      'Create and test a new payroll for an employer (for example the eight Lancashire created for the Apprenticeship Levy), ready for its first pay run.',
    kind: 'request',
    // Assumed: 20 working days (about a month) to configure, parallel-run and sign off a payroll.
    fulfilmentTarget: { unit: 'working_days', amount: 20 },
    // Assumed: a one-off project of several days' specialist work, priced as a fixed fee.
    unitPrice: '750.00',
    // A payroll is an employer's corporate function: maintained schools sit on their council's
    // payrolls (Lancashire's new payrolls were created at county level for the council and its
    // schools), so schools and academies do not take this.
    allowedKinds: corporateCustomers(),
    keywords: ['payroll setup', 'payroll set-up', 'new payroll', 'apprenticeship levy', 'payroll implementation'],
    source: 'eight new payrolls were successfully created to ensure the legislation was fully met',
    sourceDocument: LANCASHIRE,
    priceBasis: 'assumed',
  },
  {
    code: 'payslip-query',
    serviceLine: 'payroll',
    name: 'Payslip queries',
    description:
      "An employee's or manager's question about a payslip, tax code, deduction or payment, answered at first contact where possible.",
    kind: 'request',
    // Assumed: 3 working days for queries that cannot be answered at first point of contact.
    fulfilmentTarget: { unit: 'working_days', amount: 3 },
    // Assumed: Northumberland itself applies the £6 ICT cost per contact across HR and Finance
    // ("this will save the council more than £100,000 across ICT, HR and Finance"), so a payslip
    // query, one contact, is priced at £6.00; the document gives no payroll price of its own.
    unitPrice: '6.00',
    allowedKinds: everyCustomer(),
    keywords: ['payslip', 'pay query', 'tax code', 'p60', 'underpayment', 'overpayment'],
    source: 'Payslip queries',
    sourceDocument: NORTHUMBERLAND,
    priceBasis: 'assumed',
  },

  // ---------------------------------------------------------------------------------------------
  // Recruitment
  // ---------------------------------------------------------------------------------------------
  {
    code: 'vacancy-advertising',
    serviceLine: 'recruitment',
    name: 'Vacancy advertising and recruitment',
    description:
      'Advertise an approved vacancy, manage the applications and arrange the shortlist and interviews; the target runs to the advert going live.',
    kind: 'request',
    // Assumed: 3 working days from an approved job description to a live advert.
    fulfilmentTarget: { unit: 'working_days', amount: 3 },
    // Assumed: fixed handling fee per vacancy, paid media (job boards, press) recharged at cost.
    unitPrice: '150.00',
    allowedKinds: everyCustomer(),
    keywords: ['vacancy', 'job advert', 'advertise', 'recruitment campaign', 'shortlisting', 'interview', 'resourcing'],
    source: "Undertaking job analysis and design and providing 'end to end' recruitment support services",
    sourceDocument: LANCASHIRE,
    priceBasis: 'assumed',
  },
  {
    code: 'assessment-centre',
    serviceLine: 'recruitment',
    name: 'Assessment centres',
    description:
      'Organise and run an assessment centre (exercises, assessors, venue and scoring) for a recruitment campaign. One request per assessment centre.',
    kind: 'request',
    // Assumed: 15 working days (three weeks) to design exercises, book assessors and invite candidates.
    fulfilmentTarget: { unit: 'working_days', amount: 15 },
    // Assumed: about a day's work for two recruitment officers plus preparation.
    unitPrice: '500.00',
    allowedKinds: everyCustomer(),
    keywords: ['assessment centre', 'assessment day', 'selection centre', 'psychometric'],
    source: 'Assessment centre activities are also supported.',
    sourceDocument: LANCASHIRE,
    priceBasis: 'assumed',
  },
  {
    code: 'dbs-check',
    serviceLine: 'recruitment',
    name: 'DBS checks',
    description:
      'A Disclosure and Barring Service check (formerly CRB) for a new or existing employee or volunteer, processed within two working days of receiving all necessary information (target: 75 % of checks).',
    kind: 'request',
    fulfilmentTarget: { unit: 'working_days', amount: 2 },
    // Assumed: the partnership's handling fee only; the statutory DBS fee is passed through at cost.
    unitPrice: '12.00',
    allowedKinds: everyCustomer(),
    keywords: ['dbs', 'crb', 'disclosure and barring', 'criminal record check', 'enhanced check', 'barred list'],
    source:
      '% Disclosure and Barring Service checks processed within two working days of receipt of all necessary information. Target 75%',
    sourceDocument: LANCASHIRE,
    priceBasis: 'assumed',
  },
  {
    code: 'employment-contract',
    serviceLine: 'recruitment',
    name: 'Employment contracts',
    description:
      'Issue the contract letter for a new appointment or a change of terms once the HR system has been updated, within 10 working days of the system change.',
    kind: 'request',
    // The KPI is 10 days: Lancashire issued contract letters "on average within 5 days from
    // Oracle system change, 5 days ahead of key performance indicators". Assumed to be working
    // days, as the report's other recruitment target is.
    fulfilmentTarget: { unit: 'working_days', amount: 10 },
    // Assumed: a templated letter with checking, a fraction of an officer's hour.
    unitPrice: '15.00',
    allowedKinds: everyCustomer(),
    keywords: ['employment contract', 'contract letter', 'offer letter', 'statement of particulars', 'change of terms'],
    source:
      'Over 16,000 contract letters issued in 2017, on average within 5 days from Oracle system change, 5 days ahead of key performance indicators',
    sourceDocument: LANCASHIRE,
    priceBasis: 'assumed',
  },

  // ---------------------------------------------------------------------------------------------
  // ICT
  // ---------------------------------------------------------------------------------------------
  {
    code: 'new-ict-account',
    serviceLine: 'ict',
    name: 'New ICT accounts',
    description:
      'Create a network, email and system login for a new user, with the access their role needs, issued securely.',
    kind: 'request',
    // Assumed: 2 working days, so an account is ready for a starter notified in the same week.
    fulfilmentTarget: { unit: 'working_days', amount: 2 },
    responseTarget: ictResponseTarget(),
    // Assumed: a few service-desk contacts' worth of work (account, mailbox, access groups).
    unitPrice: '15.00',
    allowedKinds: everyCustomer(),
    keywords: ['new account', 'user account', 'network account', 'email account', 'mailbox', 'system access'],
    source: 'New ICT accounts',
    sourceDocument: NORTHUMBERLAND,
    targetSource: ICT_RESPONSE_SOURCE,
    priceBasis: 'assumed',
  },
  {
    code: 'new-ict-device',
    serviceLine: 'ict',
    name: 'New ICT devices',
    description:
      'Configure and deliver a laptop, tablet, desktop or smartphone from a standard template, ready for the user to sign in. The hardware is charged separately.',
    kind: 'request',
    // Assumed: 5 working days to order from stock, configure (e.g. Windows Autopilot) and deliver.
    fulfilmentTarget: { unit: 'working_days', amount: 5 },
    responseTarget: ictResponseTarget(),
    // Assumed: build and deployment labour only; the device itself is recharged at cost.
    unitPrice: '45.00',
    allowedKinds: everyCustomer(),
    keywords: ['laptop', 'device', 'desktop', 'tablet', 'smartphone', 'mobile phone', 'hardware'],
    source: 'New ICT devices',
    sourceDocument: NORTHUMBERLAND,
    targetSource: ICT_RESPONSE_SOURCE,
    priceBasis: 'assumed',
  },
  {
    code: 'password-reset',
    serviceLine: 'ict',
    name: 'Password reset / log-on error',
    description:
      'Reset a forgotten or expired password, unlock an account or clear an error that stops a user logging on.',
    kind: 'request',
    // Assumed: 4 working hours; most resets are done during the first contact.
    fulfilmentTarget: { unit: 'working_hours', amount: 4 },
    responseTarget: ictResponseTarget(),
    // Assumed: one service-desk contact at Northumberland's £6 average; the document does not
    // price resets separately, so the basis is an assumption rather than the document.
    unitPrice: '6.00',
    allowedKinds: everyCustomer(),
    keywords: ['password', 'password reset', 'locked out', 'account locked', 'log-on error', 'login problem', 'logon'],
    source: 'Password reset / log-on error',
    sourceDocument: NORTHUMBERLAND,
    targetSource: ICT_RESPONSE_SOURCE,
    priceBasis: 'assumed',
  },
  {
    code: 'ict-user-support',
    serviceLine: 'ict',
    name: 'ICT user support and guidance',
    description:
      'A service-desk contact for help or guidance using ICT ("how do I..."), resolved at first point of contact where possible (target: 75 %); responded to within 30 minutes.',
    kind: 'request',
    // Assumed: 8 working hours (one working day) for contacts not resolved at first point of contact.
    fulfilmentTarget: { unit: 'working_hours', amount: 8 },
    responseTarget: ictResponseTarget(),
    unitPrice: '6.00',
    allowedKinds: everyCustomer(),
    keywords: ['service desk', 'helpdesk', 'it support', 'user support', 'how to', 'guidance', 'software help'],
    source: ICT_CONTACT_PRICE_SOURCE,
    sourceDocument: NORTHUMBERLAND,
    targetSource: ICT_RESPONSE_SOURCE,
    priceBasis: 'document',
  },
  {
    code: 'ict-incident',
    serviceLine: 'ict',
    name: 'ICT incidents',
    description:
      'Report something that is not working (a fault, outage or error); prioritised on arrival, responded to within 30 minutes and resolved within the target for its priority.',
    kind: 'incident',
    // Assumed: 8 working hours is the normal-priority resolution target; higher priorities get
    // shorter targets in the versioned SLA definitions.
    fulfilmentTarget: { unit: 'working_hours', amount: 8 },
    responseTarget: ictResponseTarget(),
    // Northumberland's £6 is the average over the service desk's "requests and incidents"
    // (47,000 a year, roughly 50:50), so it prices an incident contact as much as a request.
    unitPrice: '6.00',
    allowedKinds: everyCustomer(),
    keywords: ['incident', 'fault', 'outage', 'not working', 'broken', 'error message', 'network down', 'virus'],
    source: ICT_CONTACT_PRICE_SOURCE,
    sourceDocument: NORTHUMBERLAND,
    targetSource: ICT_RESPONSE_SOURCE,
    priceBasis: 'document',
  },

  // ---------------------------------------------------------------------------------------------
  // Finance and procurement: a council's (or force's, or trust's) corporate functions, so schools
  // and academies do not subscribe (see CORPORATE_FUNCTION_KINDS).
  // ---------------------------------------------------------------------------------------------
  {
    code: 'invoice-processing',
    serviceLine: 'finance',
    name: 'Invoice processing',
    description:
      'Register, match (to order and receipt) and pay a supplier invoice, electronic or paper. One request per invoice.',
    kind: 'request',
    // Assumed: 5 working days from a matched, approved invoice to payment run, well inside the
    // 30-day payment terms public bodies work to.
    fulfilmentTarget: { unit: 'working_days', amount: 5 },
    // Assumed: high-volume, largely automated transaction, priced below a service-desk contact.
    unitPrice: '3.00',
    allowedKinds: corporateCustomers(),
    keywords: ['invoice', 'accounts payable', 'supplier payment', 'purchase to pay', 'bacs payment'],
    source: 'Invoice processing',
    sourceDocument: NORTHUMBERLAND,
    priceBasis: 'assumed',
  },
  {
    code: 'supplier-set-up',
    serviceLine: 'procurement',
    name: 'Supplier set-up',
    description:
      'Add a new supplier to the supplier master file (bank details verified, due-diligence checks done) or change an existing one, so it can be ordered from and paid.',
    kind: 'request',
    // Assumed: 3 working days, allowing for a call-back to verify bank details against fraud.
    fulfilmentTarget: { unit: 'working_days', amount: 3 },
    // Assumed: checks and call-back take longer than an invoice.
    unitPrice: '10.00',
    allowedKinds: corporateCustomers(),
    keywords: ['supplier setup', 'supplier set-up', 'new supplier', 'vendor', 'supplier bank details', 'creditor'],
    source: 'Supplier setup',
    sourceDocument: NORTHUMBERLAND,
    priceBasis: 'assumed',
  },
  {
    code: 'purchase-order',
    serviceLine: 'procurement',
    name: 'Purchase requisitions and orders',
    description:
      'Turn an approved requisition into a purchase order placed with a contracted supplier, electronically where the supplier accepts it.',
    kind: 'request',
    // Assumed: 2 working days from an approved requisition to an order sent to the supplier.
    fulfilmentTarget: { unit: 'working_days', amount: 2 },
    // Assumed: largely automated e-procurement transaction.
    unitPrice: '5.00',
    allowedKinds: corporateCustomers(),
    keywords: ['purchase order', 'requisition', 'ordering', 'buying', 'procurement', 'eprocurement'],
    source: 'virtually all goods and services can now be requisitioned and ordered online',
    sourceDocument: LOCAL_GOVERNMENT_PARTNERSHIPS,
    priceBasis: 'assumed',
  },
];
