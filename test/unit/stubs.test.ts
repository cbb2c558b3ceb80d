import vm from 'node:vm';
import type { ServerFunctionSpec } from '../../src/addon/define';
import type { CustomFunctionSpec } from '../../src/functions/define';
import { parameterNames, registryProblems, renderStub, renderStubs } from '../../scripts/stubs';

function customFunction(overrides: Partial<CustomFunctionSpec> = {}): CustomFunctionSpec {
  return {
    name: 'RACE_SAMPLE',
    description: 'A sample ratio.',
    params: [
      { name: 'numerator', description: 'Top.' },
      { name: 'denominator', description: 'Bottom.' },
      { name: 'language', description: 'en, fa or ar.', optional: true },
    ],
    returns: 'The ratio.',
    example: { formula: '=RACE_SAMPLE(A1, B1)', result: '0.5' },
    spills: false,
    run(numerator, denominator, language) {
      return [numerator, denominator, language].length;
    },
    ...overrides,
  };
}

function serverFunction(overrides: Partial<ServerFunctionSpec> = {}): ServerFunctionSpec {
  return {
    name: 'onOpen',
    description: 'Adds the add-on menu.',
    params: [{ name: 'e', description: 'The open event.' }],
    run(e: never) {
      return e;
    },
    ...overrides,
  };
}

function problemsOf(custom: CustomFunctionSpec[], server: ServerFunctionSpec[] = []): string[] {
  return registryProblems([...custom, ...server], custom);
}

describe('parameterNames', () => {
  it('reads method shorthand, function and arrow forms', () => {
    const spec = { run(from: number, to: number) { return from + to; } };
    expect(parameterNames(spec.run)).toEqual(['from', 'to']);
    expect(parameterNames(function named(a: number, b: number) { return a + b; })).toEqual(['a', 'b']);
    expect(parameterNames((volumes: number, labels: number) => volumes + labels)).toEqual(['volumes', 'labels']);
    expect(parameterNames((scores: number) => scores)).toEqual(['scores']);
    expect(parameterNames(() => 0)).toEqual([]);
  });

  it('reads names from source text with defaults, rest and a parameterless arrow', () => {
    const compiled = vm.runInNewContext(
      '[x => x, async (a, b = f(1, [2, 3]), c = "x,)") => a, function (first, ...rest) {}, { run() {} }.run]',
    ) as ((...args: never[]) => unknown)[];
    expect(compiled.map(parameterNames)).toEqual([['x'], ['a', 'b', 'c'], ['first', 'rest'], []]);
  });

  it('refuses a destructured parameter, which a stub cannot repeat', () => {
    const destructured = vm.runInNewContext('(function ({ a, b }) {})') as (...args: never[]) => unknown;
    expect(() => parameterNames(destructured)).toThrow(/not a plain name/);
  });
});

describe('registryProblems', () => {
  it('accepts a complete registry', () => {
    expect(problemsOf([customFunction()], [serverFunction()])).toEqual([]);
  });

  it('fails when a custom function has no description', () => {
    expect(problemsOf([customFunction({ description: ' ' })])).toEqual(['RACE_SAMPLE: missing description']);
  });

  it('fails when a parameter has no description', () => {
    const params = [
      { name: 'numerator', description: '' },
      { name: 'denominator', description: 'Bottom.' },
      { name: 'language', description: 'en, fa or ar.', optional: true },
    ];
    expect(problemsOf([customFunction({ params })])).toEqual(['RACE_SAMPLE: parameter "numerator" has no description']);
  });

  it('fails when a custom function has no example or no returns', () => {
    expect(problemsOf([customFunction({ example: { formula: '=RACE_SAMPLE(A1, B1)', result: '' } })])).toEqual([
      'RACE_SAMPLE: missing example (formula and result)',
    ]);
    expect(problemsOf([customFunction({ returns: '' })])).toEqual(['RACE_SAMPLE: missing returns']);
  });

  it('fails when the registry parameter names differ from run', () => {
    const params = [
      { name: 'numerator', description: 'Top.' },
      { name: 'bottom', description: 'Bottom.' },
      { name: 'language', description: 'en, fa or ar.', optional: true },
    ];
    expect(problemsOf([customFunction({ params })])).toEqual([
      "RACE_SAMPLE: params (numerator, bottom, language) differ from run's parameters (numerator, denominator, language)",
    ]);
  });

  it('fails when the registry lists fewer parameters than run', () => {
    const params = [{ name: 'numerator', description: 'Top.' }];
    expect(problemsOf([customFunction({ params })])).toEqual([
      "RACE_SAMPLE: params (numerator) differ from run's parameters (numerator, denominator, language)",
    ]);
  });

  it('fails when a required parameter follows an optional one', () => {
    const params = [
      { name: 'numerator', description: 'Top.', optional: true },
      { name: 'denominator', description: 'Bottom.' },
      { name: 'language', description: 'en, fa or ar.', optional: true },
    ];
    expect(problemsOf([customFunction({ params })])).toEqual(['RACE_SAMPLE: a required parameter follows an optional one']);
  });

  it('fails when a public name ends in "_"', () => {
    expect(problemsOf([], [serverFunction({ name: 'openSidebar_' })])).toEqual([
      'openSidebar_: a public name must not end in "_" (Apps Script would make it private)',
    ]);
    expect(problemsOf([customFunction({ name: 'RACE_SAMPLE_' })])).toEqual([
      'RACE_SAMPLE_: a public name must not end in "_" (Apps Script would make it private)',
    ]);
  });

  it('fails when a custom function lacks the RACE_ prefix', () => {
    const spec = customFunction();
    const unprefixed = { ...spec, name: 'CONVERSION' } as unknown as CustomFunctionSpec;
    expect(problemsOf([unprefixed])).toEqual(['CONVERSION: a custom function name must start with RACE_']);
  });

  it('fails when two public names collide', () => {
    expect(problemsOf([customFunction()], [serverFunction({ name: 'RACE_SAMPLE' })])).toEqual([
      'RACE_SAMPLE: two public functions have this name',
    ]);
  });

  it('fails when a custom function is missing from the public list', () => {
    expect(registryProblems([], [customFunction()])).toEqual(['RACE_SAMPLE: custom function missing from PUBLIC_FUNCTIONS']);
  });

  it('fails when a name is not a JavaScript identifier', () => {
    expect(problemsOf([], [serverFunction({ name: 'open-sidebar' })])).toEqual([
      'open-sidebar: not a valid JavaScript function name',
    ]);
  });
});

describe('renderStub', () => {
  it('writes JSDoc with typed @param names, optional ones in brackets, @return and @customfunction', () => {
    expect(renderStub(customFunction(), true)).toBe(
      [
        '/**',
        ' * A sample ratio.',
        ' * Example: =RACE_SAMPLE(A1, B1) returns 0.5',
        ' *',
        ' * @param {*|Array<Array<*>>} numerator Top.',
        ' * @param {*|Array<Array<*>>} denominator Bottom.',
        ' * @param {*|Array<Array<*>>} [language] en, fa or ar.',
        ' * @return {*} The ratio.',
        ' * @customfunction',
        ' */',
        'function RACE_SAMPLE(numerator, denominator, language) { return RaceAddon_.api.RACE_SAMPLE.apply(this, arguments); }',
      ].join('\n'),
    );
  });

  it('gives server functions no @customfunction', () => {
    const stub = renderStub(serverFunction(), false);
    expect(stub).not.toContain('@customfunction');
    expect(stub).toContain(' * @param {*} e The open event.');
    expect(stub).toContain('function onOpen(e) { return RaceAddon_.api.onOpen.apply(this, arguments); }');
  });

  it('cannot close the comment early through a description', () => {
    const stub = renderStub(customFunction({ description: 'Ends */ here' }), true);
    expect(stub).toContain(' * Ends *\\/ here');
    expect(stub.match(/\*\//g)).toHaveLength(1);
  });
});

describe('renderStubs', () => {
  it('emits top-level functions that forward every argument to the bundle global', () => {
    const calls: unknown[][] = [];
    const context = vm.createContext({
      RaceAddon_: { api: { RACE_SAMPLE: (...args: unknown[]) => calls.push(args), onOpen: () => 'menu' } },
    });
    const sample = customFunction();
    const footer = renderStubs([sample, serverFunction()], [sample]);
    expect(footer.match(/@customfunction/g)).toHaveLength(1);
    vm.runInContext(footer, context);
    expect(vm.runInContext('[typeof RACE_SAMPLE, RACE_SAMPLE.length, onOpen({})]', context)).toEqual(['function', 3, 'menu']);
    vm.runInContext('RACE_SAMPLE(1, 2)', context);
    expect(calls).toEqual([[1, 2]]);
  });
});
