import type { Arg } from '../core/cells';
import { customerLifetimeValue, ratioOfSums, relativeChange } from '../core/ratios';
import { spreadsheetContext } from './context';
import { defineCustomFunction } from './define';

// Every ratio here is sum(numerator) / sum(denominator) over whole ranges (never an average of row
// ratios); paired ranges must have the same rows x columns (a single cell pairs with anything), and the
// denominator must add up to more than zero.

export const RACE_CONVERSION = defineCustomFunction({
  name: 'RACE_CONVERSION',
  description: 'Conversion rate from one funnel stage to the next: sum(to) / sum(from).',
  params: [
    { name: 'from', description: 'Volumes of the earlier stage (a cell or a range), e.g. visits.' },
    { name: 'to', description: 'Volumes of the later stage, same size as from, e.g. leads.' },
  ],
  returns: 'The conversion rate as a decimal (format the cell as %).',
  example: { formula: '=RACE_CONVERSION(B2:B90, C2:C90)', result: '0.034 (3.4%)' },
  spills: false,
  run(from: Arg, to: Arg) {
    return ratioOfSums(spreadsheetContext('RACE_CONVERSION'), to, 'to', from, 'from');
  },
});

export const RACE_AOV = defineCustomFunction({
  name: 'RACE_AOV',
  description: 'Average order value: sum(revenue) / sum(orders).',
  params: [
    { name: 'revenue', description: 'Revenue (a cell or a range), e.g. revenue per day or per channel.' },
    { name: 'orders', description: 'Number of orders, same size as revenue.' },
  ],
  returns: 'Revenue per order, in the currency of revenue.',
  example: { formula: '=RACE_AOV(F2:F90, E2:E90)', result: '48.5 when F2:F90 adds up to 97000 and E2:E90 to 2000' },
  spills: false,
  run(revenue: Arg, orders: Arg) {
    return ratioOfSums(spreadsheetContext('RACE_AOV'), revenue, 'revenue', orders, 'orders');
  },
});

export const RACE_CPA = defineCustomFunction({
  name: 'RACE_CPA',
  description: 'Cost per acquisition: sum(cost) / sum(conversions).',
  params: [
    { name: 'cost', description: 'Marketing cost (a cell or a range), e.g. ad spend per campaign.' },
    { name: 'conversions', description: 'Conversions bought with that cost (sales or leads), same size as cost.' },
  ],
  returns: 'Cost per conversion, in the currency of cost.',
  example: { formula: '=RACE_CPA(G2:G90, E2:E90)', result: '12.5 when G2:G90 adds up to 25000 and E2:E90 to 2000' },
  spills: false,
  run(cost: Arg, conversions: Arg) {
    return ratioOfSums(spreadsheetContext('RACE_CPA'), cost, 'cost', conversions, 'conversions');
  },
});

export const RACE_ROAS = defineCustomFunction({
  name: 'RACE_ROAS',
  description: 'Return on ad spend: sum(revenue) / sum(cost).',
  params: [
    { name: 'revenue', description: 'Revenue attributed to the ads (a cell or a range).' },
    { name: 'cost', description: 'Ad spend, same size as revenue.' },
  ],
  returns: 'Revenue per unit of cost as a decimal (3.88 means 3.88 earned per 1 spent).',
  example: { formula: '=RACE_ROAS(F2:F90, G2:G90)', result: '3.88 when F2:F90 adds up to 97000 and G2:G90 to 25000' },
  spills: false,
  run(revenue: Arg, cost: Arg) {
    return ratioOfSums(spreadsheetContext('RACE_ROAS'), revenue, 'revenue', cost, 'cost');
  },
});

export const RACE_ROI = defineCustomFunction({
  name: 'RACE_ROI',
  description: 'Return on investment: (sum(revenue) − sum(cost)) / sum(cost).',
  params: [
    { name: 'revenue', description: 'Revenue or profit earned (a cell or a range).' },
    { name: 'cost', description: 'Cost of earning it, same size as revenue.' },
  ],
  returns: 'The return as a decimal (format as %); negative when cost exceeds revenue.',
  example: { formula: '=RACE_ROI(F2:F90, G2:G90)', result: '2.88 (288%) when F2:F90 adds up to 97000 and G2:G90 to 25000' },
  spills: false,
  run(revenue: Arg, cost: Arg) {
    return relativeChange(spreadsheetContext('RACE_ROI'), revenue, 'revenue', cost, 'cost');
  },
});

export const RACE_VALUE_PER_VISIT = defineCustomFunction({
  name: 'RACE_VALUE_PER_VISIT',
  description: 'Value per visit: sum(revenue) / sum(visits).',
  params: [
    { name: 'revenue', description: 'Revenue or goal value (a cell or a range).' },
    { name: 'visits', description: 'Visits or sessions, same size as revenue.' },
  ],
  returns: 'Revenue per visit, in the currency of revenue.',
  example: { formula: '=RACE_VALUE_PER_VISIT(F2:F90, B2:B90)', result: '0.97 when F2:F90 adds up to 97000 and B2:B90 to 100000' },
  spills: false,
  run(revenue: Arg, visits: Arg) {
    return ratioOfSums(spreadsheetContext('RACE_VALUE_PER_VISIT'), revenue, 'revenue', visits, 'visits');
  },
});

export const RACE_BOUNCE_RATE = defineCustomFunction({
  name: 'RACE_BOUNCE_RATE',
  description: 'Bounce rate: sum(bounces) / sum(sessions).',
  params: [
    { name: 'bounces', description: 'Single-page sessions (a cell or a range).' },
    { name: 'sessions', description: 'All sessions, same size as bounces.' },
  ],
  returns: 'The bounce rate as a decimal (format the cell as %); lower is better.',
  example: { formula: '=RACE_BOUNCE_RATE(H2:H90, B2:B90)', result: '0.42 (42%) when H2:H90 adds up to 42000 and B2:B90 to 100000' },
  spills: false,
  run(bounces: Arg, sessions: Arg) {
    return ratioOfSums(spreadsheetContext('RACE_BOUNCE_RATE'), bounces, 'bounces', sessions, 'sessions');
  },
});

export const RACE_REPEAT_RATE = defineCustomFunction({
  name: 'RACE_REPEAT_RATE',
  description: 'Repeat purchase rate: sum(repeat_customers) / sum(customers).',
  params: [
    { name: 'repeat_customers', description: 'Customers who bought more than once (a cell or a range).' },
    { name: 'customers', description: 'All customers, same size as repeat_customers.' },
  ],
  returns: 'The repeat rate as a decimal (format the cell as %).',
  example: { formula: '=RACE_REPEAT_RATE(I2:I13, D2:D13)', result: '0.25 (25%) when I2:I13 adds up to 500 and D2:D13 to 2000' },
  spills: false,
  run(repeat_customers: Arg, customers: Arg) {
    return ratioOfSums(spreadsheetContext('RACE_REPEAT_RATE'), repeat_customers, 'repeat_customers', customers, 'customers');
  },
});

export const RACE_CHURN = defineCustomFunction({
  name: 'RACE_CHURN',
  description: 'Churn rate: sum(lost_customers) / sum(customers_at_start).',
  params: [
    { name: 'lost_customers', description: 'Customers lost during the period (a cell or a range).' },
    { name: 'customers_at_start', description: 'Customers at the start of the period, same size as lost_customers.' },
  ],
  returns: 'The churn rate as a decimal (format the cell as %); lower is better.',
  example: { formula: '=RACE_CHURN(J2:J13, K2:K13)', result: '0.05 (5%) when J2:J13 adds up to 60 and K2:K13 to 1200' },
  spills: false,
  run(lost_customers: Arg, customers_at_start: Arg) {
    return ratioOfSums(spreadsheetContext('RACE_CHURN'), lost_customers, 'lost_customers', customers_at_start, 'customers_at_start');
  },
});

export const RACE_CLV = defineCustomFunction({
  name: 'RACE_CLV',
  description:
    'Customer lifetime value: average_order_value × purchases_per_year × years × margin. Each argument is one figure; a range is read as the average of its numbers (for an order value from revenue and orders, use RACE_AOV first). Negative values are errors.',
  params: [
    { name: 'average_order_value', description: 'Average revenue per order (a cell, or a range that is averaged).' },
    { name: 'purchases_per_year', description: 'Orders per customer per year (a cell, or a range that is averaged).' },
    { name: 'years', description: 'How many years a customer stays (a cell, or a range that is averaged).' },
    { name: 'margin', description: 'Optional gross margin as a decimal from 0 to 1 (e.g. 0.4 or "40%"); blank means 1 (revenue, not profit).', optional: true },
  ],
  returns: 'The lifetime value of one customer, in the currency of average_order_value.',
  example: { formula: '=RACE_CLV(50, 4, 3, 0.4)', result: '240' },
  spills: false,
  run(average_order_value: Arg, purchases_per_year: Arg, years: Arg, margin: Arg) {
    return customerLifetimeValue(spreadsheetContext('RACE_CLV'), average_order_value, purchases_per_year, years, margin);
  },
});

export const RACE_GROWTH = defineCustomFunction({
  name: 'RACE_GROWTH',
  description: 'Growth from one period to the next: sum(current) / sum(previous) − 1.',
  params: [
    { name: 'current', description: 'This period\'s values (a cell or a range), e.g. visits per channel this month.' },
    { name: 'previous', description: 'The previous period\'s values, same size as current.' },
  ],
  returns: 'The growth as a decimal (format as %); negative for a decline.',
  example: { formula: '=RACE_GROWTH(C2:C9, B2:B9)', result: '0.25 (25%) when C2:C9 adds up to 12500 and B2:B9 to 10000' },
  spills: false,
  run(current: Arg, previous: Arg) {
    return relativeChange(spreadsheetContext('RACE_GROWTH'), current, 'current', previous, 'previous');
  },
});

export const RATIO_FUNCTIONS = [
  RACE_CONVERSION,
  RACE_AOV,
  RACE_CPA,
  RACE_ROAS,
  RACE_ROI,
  RACE_VALUE_PER_VISIT,
  RACE_BOUNCE_RATE,
  RACE_REPEAT_RATE,
  RACE_CHURN,
  RACE_CLV,
  RACE_GROWTH,
];
