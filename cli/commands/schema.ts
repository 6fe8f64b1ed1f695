/**
 * `bootwhy schema`: the JSON Schema of `--json`'s report; `bootwhy schema --events`: of the NDJSON lines
 * `watch --json` streams (the analyzer's events, the source's notes, and the report at the end, each
 * with `t`, seconds since watch started). Both generated from the zod schemas.
 */
import { z } from 'zod';
import { AnalyzerEvent, Report } from '../../parsers/report/schema.js';
import { EXIT } from '../exit-codes.js';

const T = { t: z.number().nonnegative().describe('seconds since watch started') };

/** One line of `watch --json`. */
const WATCH_EVENTS = [
  ...AnalyzerEvent.options.map((o) => o.extend(T)),
  z.object({ type: z.literal('source'), ...T, message: z.string().describe('what the live source did: connected, closed, retrying, rotated') }),
  z.object({ type: z.literal('report'), ...T, report: Report }),
];
export const WatchEvent = z.discriminatedUnion('type', WATCH_EVENTS as unknown as Parameters<typeof z.discriminatedUnion>[1]);

export function reportJsonSchema(): unknown {
  return z.toJSONSchema(Report, { target: 'draft-2020-12' });
}

export function eventsJsonSchema(): unknown {
  return z.toJSONSchema(WatchEvent, { target: 'draft-2020-12' });
}

export function schemaCommand(stdout: NodeJS.WriteStream, events = false): number {
  stdout.write(JSON.stringify(events ? eventsJsonSchema() : reportJsonSchema(), null, 2) + '\n');
  return EXIT.ok;
}
