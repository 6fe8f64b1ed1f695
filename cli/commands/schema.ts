/** `bootwhy schema`: the JSON Schema of `--json`'s report, generated from the zod schemas. */
import { z } from 'zod';
import { Report } from '../../parsers/report/schema.js';

export function reportJsonSchema(): unknown {
  return z.toJSONSchema(Report, { target: 'draft-2020-12' });
}

export function schemaCommand(stdout: NodeJS.WriteStream): number {
  stdout.write(JSON.stringify(reportJsonSchema(), null, 2) + '\n');
  return 0;
}
