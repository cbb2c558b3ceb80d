// Call counting and fault injection for the emulated Apps Script objects.

/** How many times each method of the emulated services was called, as "Class.method" -> count. */
export class CallLog {
  private readonly counts = new Map<string, number>();
  private muted = false;

  record(name: string): void {
    if (!this.muted) this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Runs `work` without recording: calls made by custom functions during recalculation, which Sheets runs apart. */
  unrecorded<T>(work: () => T): T {
    const wasMuted = this.muted;
    this.muted = true;
    try {
      return work();
    } finally {
      this.muted = wasMuted;
    }
  }

  /** Calls of "Class.method", or of a method name on any class ("setValues"), or all calls. */
  count(name?: string): number {
    let sum = 0;
    for (const [key, value] of this.counts) {
      if (name === undefined || key === name || key.endsWith(`.${name}`)) sum += value;
    }
    return sum;
  }

  entries(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/** Counts calls that change the spreadsheet and makes the N-th one throw, once. */
export class WriteFaults {
  /** Mutating calls so far, counting the one that failed. */
  writes = 0;

  constructor(public failOnWrite?: number) {}

  beforeWrite(): void {
    this.writes++;
    if (this.writes === this.failOnWrite) throw new Error(`Injected failure at write ${this.writes}`);
  }
}

/**
 * Wraps an emulated object so that every method called on it is logged as "className.method", and
 * the mutating ones go through fault injection first. Inside the methods `this` is the unwrapped
 * object, so the emulator's own calls are not counted; a method returning `this` (builders, chaining)
 * returns the wrapper.
 */
export function counted<T extends object>(
  target: T,
  className: string,
  log: CallLog,
  faults: WriteFaults,
  mutating: ReadonlySet<string> = new Set(),
): T {
  const proxy: T = new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor') return value;
      return (...args: unknown[]) => {
        log.record(`${className}.${property}`);
        if (mutating.has(property)) faults.beforeWrite();
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        return result === object ? proxy : result;
      };
    },
  });
  return proxy;
}
