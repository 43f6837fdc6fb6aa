// Its own module, so the jobs function logs without bundling the HTTP stack (hono, the OpenAPI layer).
export type LogEntry = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>;
export type Log = (entry: LogEntry) => void;

/** Structured JSON logs: one object per line, as CloudWatch Logs Insights reads them. */
export const jsonLog: Log = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') console.error(line);
  else console.log(line);
};
