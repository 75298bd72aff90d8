import { Writable } from 'node:stream';

export interface LogLine {
  level: string | number;
  msg: string;
  [key: string]: unknown;
}

/** A pino destination that keeps every line, parsed, in `lines`: tests assert on what was logged. */
export function captureLogs(): { destination: Writable; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { destination, lines };
}
