/** The report format's version: kept apart from the zod schema so the analysis path loads no zod. */
export const SCHEMA_VERSION = 1;
