import { FUNNEL_BENCHMARKS, funnelBenchmarks } from '../../src/core/model/benchmarks';
import { BUSINESS_MODELS } from '../../src/core/model/business-models';
import { measureStage } from '../../src/core/workbook/dashboard-top';
import { BUSINESS_MODEL_IDS } from '../../src/core/workbook/options';

describe.each(BUSINESS_MODEL_IDS)('the %s funnel benchmarks', (model) => {
  const { funnel } = BUSINESS_MODELS[model];

  it('give every step after the first a rate in (0, 1] with its source, and nothing else', () => {
    const table = FUNNEL_BENCHMARKS[model];
    expect(Object.keys(table).sort()).toEqual(funnel.slice(1).map((step) => step.measure).sort());
    for (const step of funnel.slice(1)) {
      const benchmark = table[step.measure]!;
      expect(benchmark.rate).toBeGreaterThan(0);
      expect(benchmark.rate).toBeLessThanOrEqual(1);
      expect(benchmark.source.length).toBeGreaterThan(10);
    }
    expect(funnelBenchmarks(model)).toEqual([undefined, ...funnel.slice(1).map((step) => table[step.measure]!.rate)]);
  });

  it('put every step in a RACE stage, never earlier than the step before', () => {
    const order = ['reach', 'act', 'convert', 'engage'];
    const stages = funnel.map((step) => order.indexOf(measureStage(step.measure)));
    expect(stages.every((stage) => stage >= 0)).toBe(true);
    stages.slice(1).forEach((stage, i) => expect(stage).toBeGreaterThanOrEqual(stages[i]));
    expect(measureStage(funnel[funnel.length - 1].measure)).toBe('engage');
  });
});
