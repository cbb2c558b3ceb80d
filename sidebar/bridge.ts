// The one way the sidebar talks to the server: typed, promise-returning calls over google.script.run.
// The types come from the server's entry points, so renaming or changing one is a compile error here.
import type { ServerApi } from '../src/addon/entrypoints';

type Promised<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
export type ServerClient = { [Name in keyof ServerApi]: Promised<ServerApi[Name]> };

/** The part of Apps Script's client API we use: each with*Handler call returns a new runner. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}
declare const google: { script: { run: ScriptRunner } };

/**
 * Apps Script hands the failure handler an Error whose message is the server's, "generateWorkbook: ...":
 * the user sees it without the function name (the one place that prefix is taken off). Anything else
 * thrown becomes an Error too.
 */
export function asError(failure: unknown, serverFunction: string): Error {
  const message =
    typeof failure === 'object' && failure !== null && typeof (failure as { message?: unknown }).message === 'string'
      ? (failure as { message: string }).message
      : String(failure);
  const prefix = `${serverFunction}: `;
  return new Error(message.startsWith(prefix) ? message.slice(prefix.length) : message);
}

function call(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler(resolve).withFailureHandler((failure) => reject(asError(failure, name)));
    (runner[name] as (...callArgs: unknown[]) => void)(...args);
  });
}

export const server = new Proxy({} as ServerClient, {
  get: (_target, name) => (...args: unknown[]) => call(String(name), args),
});
