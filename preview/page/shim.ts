// google.script.run for the sidebar served by the preview, injected into dist/Sidebar.html. As in Apps
// Script: each with*Handler call returns a new runner, handlers are called asynchronously, arguments
// travel as JSON. Calls go to the preview server, which runs them on the real bundle.
import { CALL_FINISHED_MESSAGE } from './view';

interface Handlers {
  success?: (value: unknown, userObject?: unknown) => void;
  failure?: (error: Error, userObject?: unknown) => void;
  userObject?: unknown;
}

type Answer = { ok: true; value: unknown } | { ok: false; message: string };

async function post(name: string, args: unknown[]): Promise<Answer> {
  try {
    const response = await fetch('/api/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, args }),
    });
    return (await response.json()) as Answer;
  } catch (error) {
    return { ok: false, message: `The preview server did not answer (${String(error)}).` };
  }
}

async function run(name: string, args: unknown[], handlers: Handlers): Promise<void> {
  const answer = await post(name, args);
  setTimeout(() => {
    if (answer.ok) handlers.success?.(answer.value, handlers.userObject);
    else handlers.failure?.(new Error(answer.message), handlers.userObject);
  }, 0);
  // The page redraws the spreadsheet after every call.
  if (window.parent !== window) window.parent.postMessage({ type: CALL_FINISHED_MESSAGE, name }, window.location.origin);
}

function runner(handlers: Handlers): unknown {
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (typeof property !== 'string' || property === 'then') return undefined; // not a thenable
        if (property === 'withSuccessHandler') return (success: Handlers['success']) => runner({ ...handlers, success });
        if (property === 'withFailureHandler') return (failure: Handlers['failure']) => runner({ ...handlers, failure });
        if (property === 'withUserObject') return (userObject: unknown) => runner({ ...handlers, userObject });
        return (...args: unknown[]) => void run(property, args, handlers);
      },
    },
  );
}

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner({}),
    host: { close() {}, setHeight() {}, setWidth() {}, editor: { focus() {} } },
  },
};
