/**
 * The JSON report: these zod schemas are its single source of truth. TypeScript types come from them and
 * `bootwhy schema` prints the JSON Schema generated from them. Additive changes keep `schemaVersion`;
 * breaking changes bump it.
 */
import { z } from 'zod';

import { SCHEMA_VERSION } from './version.js';
export { SCHEMA_VERSION };

export const Evidence = z
  .object({
    line: z.number().int().positive().describe('1-based line number in the input'),
    text: z.string().describe('the line as a terminal shows it, escapes removed'),
    why: z.string().describe('what this line proves'),
  })
  .describe('A line of the input that supports a finding');

export const Unit = z
  .object({
    name: z.string().nullable().describe('full unit name when certain'),
    description: z.string().nullable(),
    text: z.string().describe('the unit as printed (possibly ellipsized)'),
    partial: z.boolean().describe('the name could not be made certain'),
    resolvedBy: z.enum(['log', 'table']).nullable().describe('where a name that the text did not hold came from'),
  })
  .describe('A unit reference');

export const FailureKind = z.enum(['failed', 'timeout', 'dependency', 'assert', 'unsupported', 'once', 'skipped']);

export const Failure = z.object({
  unit: Unit,
  kind: FailureKind,
  verb: z.string().describe('what the message said happened, e.g. mount-failed, start-failed, device-timeout'),
  line: z.number().int().positive(),
  message: z.string(),
  source: z.enum(['console', 'kmsg', 'journal', 'systemctl']).describe('a status line, PID 1 in the kernel log, a journal line, or systemctl output'),
  count: z.number().int().positive().describe('times the failure was reported'),
  causedBy: z.string().nullable().describe('for a dependency failure: the unit whose failure caused it'),
  rootCause: z.string().nullable().describe('for a dependency failure: the primary failure it traces back to'),
  result: z.string().nullable().describe("systemd's result, e.g. exit-code, timeout, dependency"),
  manager: z.string().nullable().describe("a user service manager's failure (`user manager (PID 1203)`): a user service, not the system's; null for PID 1"),
  expected: z.string().nullable().describe('the policy expects this failure (bootwhy.yaml): its reason; null when not expected or no policy'),
  evidence: z.array(Evidence),
});

export type CascadeNodeT = { unit: string; kind: z.infer<typeof FailureKind>; line: number; children: CascadeNodeT[] };
export const CascadeNode: z.ZodType<CascadeNodeT> = z.lazy(() =>
  z.object({
    unit: z.string(),
    kind: FailureKind,
    line: z.number().int().positive(),
    children: z.array(CascadeNode),
  }),
);

export const Job = z.object({
  unit: Unit,
  op: z.enum(['start', 'stop']),
  firstLine: z.number().int().positive(),
  lastLine: z.number().int().positive(),
  elapsed: z.number().nullable().describe('last elapsed time shown, seconds'),
  limit: z.number().nullable().describe('job timeout, seconds; null for no limit'),
  elapsedText: z.string(),
  limitText: z.string(),
  frames: z.number().int().positive().describe('spinner frames seen'),
  ranToLimit: z.boolean(),
  outcome: z.string().nullable().describe('what happened to the unit afterwards, when the log says'),
});

export const SlowStart = z.object({
  unit: z.string().describe('the unit, or its description where the log names none'),
  seconds: z.number().nonnegative(),
  line: z.number().int().positive().describe('its result, or the spinner that showed it still starting'),
  source: z.enum(['timestamps', 'spinner']).describe('timestamps: from the times of its begin and result lines; spinner: the start job\'s own elapsed time (how long it had run when last shown)'),
  approximate: z.boolean().describe('a line without a time of its own took the last one before it (a console\'s status lines), or the clock counts whole seconds'),
  startUptime: z.number().nullable().describe('kernel uptime (s) when it began, where the log\'s clock is the kernel\'s (a spinner\'s: its elapsed time back from the last stamp before it)'),
});

export const Milestone = z.object({
  line: z.number().int().positive(),
  uptime: z.number().nullable().describe('kernel uptime (s) at the line (the last stamp at or before it)'),
  fromPowerOn: z.number().nullable().describe('seconds since power-on: the uptime plus the firmware and loader times PID 1 reported; null when it reported none'),
});

export const PhaseName = z.enum(['firmware', 'bootloader', 'kernel', 'initrd', 'system', 'shutdown']);

export const Phase = z.object({
  name: PhaseName,
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
  startUptime: z.number().nullable().describe('kernel uptime (s) at the first timestamp of the phase'),
  endUptime: z.number().nullable(),
  seconds: z.number().nonnegative().nullable().describe('how long the phase lasted: from its first uptime to the next phase\'s (or to its own last one); null where an edge has no uptime'),
});

export const ModeKind = z.enum(['emergency', 'rescue', 'dracut-shell', 'initramfs-shell']);

export const Emergency = z.object({
  kind: ModeKind,
  line: z.number().int().positive(),
  triggeredBy: z.string().nullable().describe('the unit whose failure pulled in emergency.target (OnFailure=)'),
  device: z.string().nullable().describe('for initramfs-tools: the root device that never appeared'),
  requested: z
    .boolean()
    .describe('the mode was asked for, not caused by a failure: it was the default target PID 1 started (systemd.unit= on the kernel command line, systemctl isolate or set-default), or rescue mode with nothing failed (systemd enters it only when asked)'),
  evidence: z.array(Evidence),
});

export const RootCause = z.object({
  kind: z
    .enum(['unit', 'kernel-crash', 'root-device', 'bootloader', 'firmware', 'kernel-error', 'manager', 'unexplained'])
    .describe(
      "bootloader: the bootloader failed and no kernel ran (unit holds its message); firmware: the secure world's firmware (OP-TEE, Trusted Firmware-A) panicked while the kernel ran or before it, and what the kernel then reported followed from it (unit holds its message); kernel-error: the kernel could not mount a filesystem, found one damaged or could not load a driver, and nothing else failed (unit holds the kernel's message); manager: systemd itself (PID 1) failed and froze or exited (`[!!!!!!] …`; unit holds the innermost error it logged), or systemd-shutdown could not do a step of the shutdown and went on (unit holds its error); unexplained: failures or emergency mode whose cause the log does not show (unit then names the first failure the log does show, when there is one)",
    ),
  unit: z.string().nullable(),
  description: z
    .string()
    .nullable()
    .describe(
      "the cause as the log words it: a unit's description (from the log, else from systemd's own units), the message of a failure that has no unit, the first sentence of an initramfs's giving up, a crash's title; for an unexplained cause, that of the first failure the log shows, else null",
    ),
  headline: z.string().describe('one line a person understands'),
  lines: z.array(z.number().int().positive()).describe('the line numbers that prove it'),
  evidence: z.array(Evidence),
  cascade: CascadeNode.nullable(),
  dependents: z.number().int().nonnegative().describe('dependency failures traced to it'),
  crash: z
    .enum(['panic', 'oops', 'bug', 'warning', 'hung-task', 'oom'])
    .nullable()
    .describe('for a kernel-crash root cause: the kind of the crash that explains the boot'),
});

export const Hint = z.object({
  id: z.string().describe('which known issue'),
  text: z.string().describe('what is known about this situation, and what to try'),
  link: z.string().describe('where to read more'),
  boot: z.number().int().positive(),
  cycle: z.number().int().positive().nullable().describe('the cycle whose root cause it is about (null: the boot\'s own)'),
  line: z.number().int().positive().nullable().describe('the root cause\'s first line'),
});
export type Hint = z.infer<typeof Hint>;

export const CycleStart = z.enum(['kernel-boot', 'soft-reboot', 'userspace-restart', 'log-start']);

export const Cycle = z.object({
  index: z.number().int().positive(),
  start: CycleStart,
  startNote: z.string().describe('how the cycle began, in words'),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
  startUptime: z.number().nullable(),
  endUptime: z.number().nullable(),
  os: z.string().nullable(),
  systemdVersion: z.string().nullable(),
  end: z.enum(['soft-reboot', 'reboot', 'poweroff', 'halt', 'kexec', 'panic', 'log-end']),
  outcome: z.enum(['ok', 'failed', 'emergency', 'rescue', 'panic', 'incomplete']),
  phases: z.array(Phase),
  failures: z.array(Failure),
  hungJobs: z.array(Job),
  emergency: Emergency.nullable(),
  loginLine: z.number().int().positive().nullable(),
  startupFinished: z.string().nullable(),
  startup: z
    .object({
      firmware: z.number().nullable(),
      loader: z.number().nullable(),
      kernel: z.number().nullable(),
      initrd: z.number().nullable(),
      userspace: z.number().nullable(),
      total: z.number().nullable(),
    })
    .nullable()
    .describe('`startupFinished` read into seconds, part by part'),
  defaultTarget: z.string().nullable().describe('the target PID 1 started as default, e.g. system-update.target for an offline update'),
  slowest: z.array(SlowStart).describe('the units slowest to start (at most 5), longest first'),
  toLogin: Milestone.nullable().describe('when the login prompt (or a login) came'),
  toFailure: Milestone.nullable().describe('when the first failure was reported'),
  rootCause: RootCause.nullable(),
  units: z.object({ seen: z.number().int().nonnegative(), dropped: z.number().int().nonnegative() }),
});

export const CrashKind = z.enum(['panic', 'oops', 'bug', 'warning', 'hung-task', 'oom']).describe('oom: the kernel OOM killer killed a process');

export const KernelCrash = z.object({
  kind: CrashKind,
  title: z.string(),
  line: z.number().int().positive(),
  uptime: z.number().nullable(),
  cycle: z.number().int().positive().nullable().describe('the userspace cycle running when it happened'),
  evidence: z.array(Evidence),
  details: z
    .object({
      cpu: z.number().int().nonnegative().nullable(),
      pid: z.number().int().nonnegative().nullable(),
      comm: z.string().nullable().describe('the task that was running'),
      tainted: z.string().nullable().describe('`Not tainted`, or the taint letters as printed'),
      modules: z.array(z.string()).describe('`Modules linked in:` (its first line)'),
      address: z.string().nullable().describe('the address the kernel faulted on, as printed'),
      frames: z.array(z.string()).describe('the call trace, innermost first, without the unreliable `?` frames (at most 24)'),
    })
    .describe("what the report's lines after its header say"),
});

export const Boot = z.object({
  index: z.number().int().positive(),
  startReason: z.enum(['log-start', 'firmware', 'bootloader', 'kernel-banner', 'timestamps-restarted', 'journal-boot', 'kexec']).describe("journal-boot: a journal's `-- Boot … --` or `-- Reboot --` separator; kexec: the kernel before started this one (`kexec_core: Starting new kernel`) and this one printed nothing of its own start"),
  startsMidway: z.boolean().describe('the log begins after this boot started'),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
  kernelVersion: z.string().nullable(),
  firstUptime: z.number().nullable(),
  lastUptime: z.number().nullable(),
  phases: z.array(Phase),
  cycles: z.array(Cycle),
  crashes: z.array(KernelCrash),
  emergency: Emergency.nullable().describe('an initrd shell entered before systemd ran'),
  rootCause: RootCause.nullable().describe('why the boot failed outside any userspace cycle'),
  init: z
    .enum(['openrc', 'sysvinit', 'upstart', 'busybox', 'talos', 'dinit', 'runit', 'procd', 'android', 's6', 'finit', 'shepherd', 'kdump'])
    .nullable()
    .describe('an init system other than systemd that the log shows (its failures and shells are reported; it has no userspace cycles)'),
  loginLine: z.number().int().positive().nullable().describe('a login prompt outside any systemd userspace cycle (another init system)'),
  end: z.enum(['reboot', 'poweroff', 'halt', 'panic', 'log-end']),
});

export const Severity = z.enum(['fail', 'note', 'ignore']);

export const PatternMatch = z.object({
  title: z.string().describe("the policy pattern's title"),
  pattern: z.string().describe('the regular expression, as written'),
  severity: Severity,
  count: z.number().int().positive().describe('lines it matched'),
  lines: z
    .array(z.object({ line: z.number().int().positive(), boot: z.number().int().positive().nullable(), text: z.string() }))
    .describe('the first lines it matched (at most 20)'),
});
export type PatternMatch = z.infer<typeof PatternMatch>;

export const Degraded = z.object({
  code: z.enum(['binary-input', 'long-lines', 'unterminated-escape', 'invalid-utf8', 'truncated-report', 'no-console-output', 'source-gap', 'spliced-lines', 'damaged-input']),
  message: z.string(),
  line: z.number().int().positive().nullable(),
});

export const Gap = z.object({
  line: z.number().int().positive().describe('the input line at which bytes are missing (the saved log has no mark there)'),
  byte: z.number().int().nonnegative().describe('offset in the input at which bytes are missing'),
  reason: z.string().describe('why the source went away: closed, connection reset, hung up, truncated, …'),
  seconds: z.number().nonnegative().nullable().describe('how long the source was away, when known'),
});

/** A root cause with where it is: the log's first, in the headline's order. */
export const LogCause = RootCause.extend({
  boot: z.number().int().positive().describe('the boot it belongs to (boots[].index)'),
  cycle: z.number().int().positive().nullable().describe("the userspace cycle it belongs to (cycles[].index); null: the boot's own cause"),
});

export const Report = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('bootwhy'), version: z.string() }),
  input: z.object({
    name: z.string(),
    bytes: z.number().int().nonnegative(),
    lines: z.number().int().nonnegative(),
    escapeSequences: z.number().int().nonnegative(),
    gaps: z.array(Gap).describe('live input: times the source went away and came back; what it sent meanwhile is missing'),
    recognisedAs: z
      .enum(['console', 'journal', 'syslog', 'dmesg', 'unrecognised'])
      .describe('what the text was read as: a console (status lines, prompts, firmware), journalctl output, a syslog file, the kernel log alone, or nothing bootwhy knows'),
    lineSources: z
      .object({ console: z.number().int().nonnegative(), kernel: z.number().int().nonnegative(), journal: z.number().int().nonnegative() })
      .describe('recognised lines by where they came from'),
    envelopes: z
      .array(z.object({ kind: z.string(), lines: z.number().int().nonnegative() }))
      .describe('wrappers taken off lines before reading them: cr-line-ends (a file whose lines end with CR alone, read as line ends), lava, ci-timestamps, markdown-fence, quoted, indented, kmsg-level, syslog-level (socklog facility.level), talos-dmesg (`talosctl dmesg`: node, facility, level and time before each kernel message; the kernel’s dictionary lines under them dropped), cut-prefix (a journal line cut to its colon), caret-escapes, caret-cr (a `^M` at each line’s end whose caret was lost: `… keymap.M`), bare-escapes, web-escapes, vm-name (a test driver’s machine name, log label or logging level before each line: `machine # `, `console: `, `DEBUG - `), grabserial (its two clocks), compose (docker compose’s service column), markdown-bold (`**` a person put around words), quoted-printable (a mail body: soft breaks joined, `=XX` decoded), ebcdic-brackets (a z/VM 3270 console’s `¬` and `|` for brackets), forum-markup (a forum archive’s `[email]`/`[url]` tags around auto-linked text), container-log (a Kubernetes pod log’s stream and partial-line mark after the runtime’s clock: `stdout F `; parts joined), commented (a paste commented out with `# ` in a source file), journal-delta (`journalctl -o short-delta`: the delta after the monotonic time dropped), logcat (Android’s `logcat -v threadtime` columns; a MediaTek kernel’s CPU and task), line-numbers (a web page’s line numbers glued before each line, or a log viewer’s column of them), dialog-frame (a text-mode dialog’s `│` frame around a line), grep-prefix (grep’s file name, and line number, before each line it found: `./syslog:`), journal-json (`journalctl -o json`: each entry read as its short line, a boot’s `-- Boot … --` where `_BOOT_ID` changed)'),
    compression: z.string().nullable().describe('gzip, xz or zstd when the input was compressed'),
  }),
  verdict: z.enum(['ok', 'failed', 'empty']),
  headline: z.string().describe('the whole log in one line'),
  rootCause: LogCause.nullable().describe(
    "the one failure that explains the log, the one the headline names first: a boot's own cause (a kernel crash, the initramfs, the bootloader) before its cycles', an earlier boot's before a later one's; it is also in boots[] (null: nothing failed)",
  ),
  boots: z.array(Boot),
  policy: z
    .object({
      file: z.string().nullable(),
      expected: z.number().int().nonnegative().describe('failures the policy expects'),
      failOn: z.array(z.enum(['failed', 'emergency', 'crash', 'degraded', 'any'])),
      severity: z.record(z.string(), Severity).describe('what each kind of finding does to the verdict: fail, note (listed, not failing) or ignore (not counted)'),
    })
    .nullable()
    .describe('the policy the verdict was decided by (bootwhy.yaml or --fail-on); null: the default'),
  matches: z.array(PatternMatch).describe("lines that matched a policy's own patterns"),
  hints: z.array(Hint).describe('known issues that match a root cause: what is known, and where to read more (parsers/diagnose/hints.ts)'),
  droppedBoots: z.number().int().nonnegative().describe('earliest boots left out to keep memory bounded'),
  droppedCycles: z.number().int().nonnegative().describe('earliest userspace cycles of kept boots left out to keep memory bounded'),
  degraded: z.array(Degraded),
});

export type Evidence = z.infer<typeof Evidence>;
export type Unit = z.infer<typeof Unit>;
export type Failure = z.infer<typeof Failure>;
export type Job = z.infer<typeof Job>;
export type Phase = z.infer<typeof Phase>;
export type Emergency = z.infer<typeof Emergency>;
export type RootCause = z.infer<typeof RootCause>;
export type Cycle = z.infer<typeof Cycle>;
export type KernelCrash = z.infer<typeof KernelCrash>;
export type Boot = z.infer<typeof Boot>;
export type Degraded = z.infer<typeof Degraded>;
export type Gap = z.infer<typeof Gap>;
export type Report = z.infer<typeof Report>;

/** Events the analyzer emits as findings arrive (live use streams them as NDJSON). */
export const AnalyzerEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('boot'), boot: z.number().int(), line: z.number().int(), reason: Boot.shape.startReason }),
  z.object({ type: z.literal('cycle'), boot: z.number().int(), cycle: z.number().int(), line: z.number().int(), start: CycleStart }),
  z.object({ type: z.literal('phase'), boot: z.number().int(), cycle: z.number().int().nullable(), line: z.number().int(), phase: PhaseName }),
  z.object({
    type: z.literal('failure'),
    boot: z.number().int(),
    cycle: z.number().int(),
    line: z.number().int(),
    kind: FailureKind,
    unit: z.string(),
    message: z.string(),
  }),
  z.object({ type: z.literal('job'), boot: z.number().int(), cycle: z.number().int(), line: z.number().int(), unit: z.string(), elapsed: z.string(), limit: z.string() }),
  z.object({ type: z.literal('emergency'), boot: z.number().int(), cycle: z.number().int().nullable(), line: z.number().int(), kind: ModeKind }),
  z.object({ type: z.literal('crash'), boot: z.number().int(), line: z.number().int(), kind: CrashKind, title: z.string() }),
  z.object({ type: z.literal('gap'), line: z.number().int(), byte: z.number().int(), reason: z.string(), seconds: z.number().nullable() }),
  z.object({ type: z.literal('login'), boot: z.number().int(), cycle: z.number().int().nullable(), line: z.number().int() }),
]);
export type AnalyzerEvent = z.infer<typeof AnalyzerEvent>;
