import type { Arg } from '../core/cells';
import { bottleneck, funnelTable } from '../core/funnel';
import { languageContext } from './context';
import { defineCustomFunction } from './define';

const VOLUMES = {
  name: 'volumes',
  description: 'Stage volumes in funnel order, one row or one column (at least two; no blanks), e.g. visits, leads, customers.',
};
const LABELS = {
  name: 'labels',
  description: 'Optional stage names, as many as volumes; blank means "Stage 1", "Stage 2", ...',
  optional: true,
};
const LANGUAGE = {
  name: 'language',
  description: 'Optional language of the result: "en", "fa" or "ar"; blank means the spreadsheet\'s.',
  optional: true,
};

export const RACE_FUNNEL = defineCustomFunction({
  name: 'RACE_FUNNEL',
  description:
    'Funnel table: one row per stage with its volume, step conversion (stage / previous), cumulative conversion (stage / first), drop-off (previous − stage) and drop-off rate. Ratios with nothing before them are blank.',
  params: [VOLUMES, LABELS, LANGUAGE],
  returns: 'A table with a header row that spills below and right: stage, volume, step conversion, cumulative conversion, drop-off, drop-off rate.',
  example: {
    formula: '=RACE_FUNNEL(B2:B4, A2:A4)',
    result: 'for visits 10000, leads 500, customers 100: leads 0.05 step, 0.05 cumulative, 9500 drop-off, 0.95 rate; customers 0.2, 0.01, 400, 0.8',
  },
  spills: true,
  run(volumes: Arg, labels: Arg, language: Arg) {
    return funnelTable(languageContext('RACE_FUNNEL', language), volumes, labels);
  },
});

const REFERENCES = {
  name: 'references',
  description:
    'Optional expected step rates, one per stage like volumes (the first is ignored: nothing comes before it), e.g. target rates or benchmarks; a blank or 0 leaves its step out of the comparison.',
  optional: true,
};

export const RACE_BOTTLENECK = defineCustomFunction({
  name: 'RACE_BOTTLENECK',
  description:
    'The funnel step that holds the funnel back. Without references: the step with the lowest step conversion (the first on a tie), as "A → B". With references: the step furthest below its expected rate in relative terms (rate ÷ reference − 1 lowest), with the shortfall stated; a step with nothing yet is reported as such.',
  params: [VOLUMES, LABELS, LANGUAGE, REFERENCES],
  returns:
    'Text: "visits → leads" without references; with them "visits → leads 1.9% vs 3.0% expected", "No leads yet: visits → leads 0.0% vs 3.0% expected", or "No visits yet" when the first stage is 0. In Persian and Arabic "A ← B", so the arrow points from A to B in right-to-left text, and the rates in their digits.',
  example: { formula: '=RACE_BOTTLENECK(B2:B4, A2:A4, "en", C2:C4)', result: '"visits → leads 5.0% vs 8.0% expected" for visits 10000, leads 500, customers 100 and references (blank), 8%, 20%' },
  spills: false,
  run(volumes: Arg, labels: Arg, language: Arg, references?: Arg) {
    return bottleneck(languageContext('RACE_BOTTLENECK', language), volumes, labels, references);
  },
});

export const FUNNEL_FUNCTIONS = [RACE_FUNNEL, RACE_BOTTLENECK];
