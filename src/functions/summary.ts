import type { Arg } from '../core/cells';
import { summarize } from '../core/summary';
import { languageContext } from './context';
import { defineCustomFunction } from './define';

export const RACE_SUMMARY = defineCustomFunction({
  name: 'RACE_SUMMARY',
  description:
    'Summarizes a data table with a header row: volumes (impressions, clicks, visits, leads, trials, orders, customers, new subscribers, revenue, MRR, cost, repeat and churned customers) and RACE rates, per group and in total.',
  params: [
    { name: 'table', description: 'The data with its header row, e.g. A1:H500. Headers are recognized in en, fa, ar and GA4/ad-export names.' },
    { name: 'group_by', description: 'Header of the column to group by, e.g. "Channel"; blank for one total.', optional: true },
    {
      name: 'columns',
      description: 'Measures mapped to headers when they are not recognized, e.g. "leads=Total_Conversion; customers=Approved_Conversion".',
      optional: true,
    },
    { name: 'language', description: 'Language of the labels: "en", "fa" or "ar" (default: the spreadsheet\'s).', optional: true },
  ],
  returns: 'A table that spills: a header row, one row per group and a Total row; undefined rates are blank.',
  example: {
    formula: '=RACE_SUMMARY(A1:F200, "Channel")',
    result: 'Channel | Visits | Leads | Customers | ... | Visit → lead | ... with a Total row',
  },
  spills: true,
  run(table: Arg, group_by: Arg, columns: Arg, language: Arg) {
    return summarize(languageContext('RACE_SUMMARY', language), table, group_by, columns);
  },
});

export const SUMMARY_FUNCTIONS = [RACE_SUMMARY];
