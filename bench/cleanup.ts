/**
 * What the bench started (DynamoDB Local, Chromium, a server) is stopped however the bench ends:
 * normally, on an error, or on Ctrl-C. Stops run newest first.
 */
const stops: (() => Promise<unknown>)[] = [];

export function onCleanup(stop: () => Promise<unknown>) {
  stops.push(stop);
}

export async function cleanup() {
  while (stops.length > 0) {
    const stop = stops.pop();
    try {
      await stop?.();
    } catch (error) {
      console.error(`cleanup: ${String(error)}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping what the bench started…`);
    void cleanup().finally(() => process.exit(130));
  });
}

// A stray rejection must not leave DynamoDB Local or Chromium running either.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.once(event, (error) => {
    console.error(`\n${event}: ${String(error instanceof Error ? error.stack : error)}`);
    void cleanup().finally(() => process.exit(1));
  });
}
