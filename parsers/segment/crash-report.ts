/**
 * What a kernel crash report says beyond its header, read from the lines after it: the task and CPU
 * (`CPU: 1 PID: 1 Comm: swapper/0 Tainted: G        W  6.1.0 #1`), the taint flags, the modules loaded
 * (`Modules linked in: …`), the faulting address, and the call trace's frames (x86's and arm64's
 * `  func+0x12/0x40 [mod]`, 32-bit ARM's `[<c0303e5c>] (func) from [<…>]`), without the unreliable `?`
 * ones, up to `---[ end trace … ]---` or the report's next part (other drivers' lines printed into the
 * trace on a busy console are passed over).
 */

export interface CrashDetails {
  cpu: number | null;
  pid: number | null;
  comm: string | null;
  /** `Not tainted`, or the taint letters (`G        W`, `P           O`). */
  tainted: string | null;
  /** Modules linked in when it crashed (as many as the report's first such line holds). */
  modules: string[];
  /** The address the kernel faulted on, as it printed it. */
  address: string | null;
  /** The call trace, innermost first: function names (with their module where the trace gives it). */
  frames: string[];
}

export const MAX_FRAMES = 24;
const MAX_MODULES = 64;

/** The fault address in a header (`BUG: kernel NULL pointer dereference, address: 0000000000000008`,
 *  `Unable to handle kernel paging request at virtual address dead000000000108`). */
const ADDRESS = /(?:, address: |(?:at|for) (?:virtual address |address )?)(?:0x)?([0-9a-f]{8,16})\b/;

/** `CPU: 1 PID: 1 Comm: swapper/0 Not tainted 6.1.0 #1` (6.12 puts `UID: 0` between). */
const TASK = /^CPU: (\d+) (?:UID: \d+ )?PID: (\d+) Comm: (\S+?) (Not tainted|Tainted: ([A-Z ]+?))(?= \d| \S*$|$)/;
/** `Process init (pid: 1, stack limit = 0xc7838238)` and the like. */
const OLD_TASK = /^Process (\S{1,16}) \(pid: (\d+)(?:,|\))/;
/** A frame: `func+0x12/0x40 [mod]` (x86 and arm64, after `Call Trace:` or `Call trace:`). */
const FRAME = /^(\?\s+)?(?:\[<[0-9a-f]+>\]\s+)?([A-Za-z_.$][\w.$]*)\+0x[0-9a-f]+\/0x[0-9a-f]+(?: \[(\w+)\])?/;
/** 32-bit ARM: `[<c0303e5c>] (ext4_fill_super) from [<c0243c8c>] (mount_bdev+0x…)`, or with `+0x…` inside. */
const ARM_FRAME = /^\[<[0-9a-f]+>\] \(([A-Za-z_.$][\w.$]*)(?:\+0x[0-9a-f]+\/0x[0-9a-f]+)?(?: \[(\w+)\])?\) from \[</;
/** 32-bit ARM since 5.16: `bio_free from squashfs_read_data+0x118/0x748 [mod]`, or as decode_stacktrace.sh
 *  leaves it, the offset turned into the source line: `ss_rstat_init from cgroup_init_subsys (kernel/cgroup/cgroup.c:6134)`. */
const ARM_FROM_FRAME = /^([A-Za-z_.$][\w.$]*) from [A-Za-z_.$][\w.$]*(?:\+0x[0-9a-f]+\/0x[0-9a-f]+(?: \[\w+\])?|(?: \[\w+\])? \([\w./-]+:\d+\b[^)]*\)?\)?)\s*$/;
/** Where a trace ends: its end marker, the next report part, or the task markers around it. */
const TRACE_END = /^(?:---\[ end|Modules linked in|Code: |RIP: |Kernel panic|Instruction dump|---\[ end Kernel panic)/;

export function newDetails(header: string): CrashDetails {
  const a = ADDRESS.exec(header);
  return { cpu: null, pid: null, comm: null, tainted: null, modules: [], address: a ? a[1]! : null, frames: [] };
}

/** Reads one more line of the report (its message, without the timestamp); `inTrace` is the state of the
 *  call trace: false before `Call Trace:`, true in it, null once it ended. Returns the new state. */
export function readReportLine(d: CrashDetails, message: string, inTrace: boolean | null): boolean | null {
  const m = message.trim();
  if (m === '') return inTrace;
  if (d.pid === null && m.startsWith('CPU: ')) {
    const t = TASK.exec(m);
    if (t !== null) {
      d.cpu = Number(t[1]);
      d.pid = Number(t[2]);
      d.comm = t[3]!;
      // (The letters stand in fixed columns; the spaces between them say nothing.)
      d.tainted = t[4] === 'Not tainted' ? 'Not tainted' : t[5]!.trim().replace(/\s+/g, ' ');
    }
    return inTrace;
  }
  // Older kernels and other architectures say the task apart: `Process init (pid: 1, stack limit = 0xc7838238)`
  // (ARM), `Process ifconfig (pid: 25, stackpage=80596000)` (MIPS on 2.4), `Process swapper (pid: 1, threadinfo=…`.
  if (d.pid === null && m.startsWith('Process ')) {
    const p = OLD_TASK.exec(m);
    if (p !== null) {
      d.pid = Number(p[2]);
      d.comm = p[1]!;
    }
    return inTrace;
  }
  if (d.modules.length === 0 && m.startsWith('Modules linked in:')) {
    d.modules = m
      .slice('Modules linked in:'.length)
      .trim()
      .split(/\s+/)
      .filter((x) => x !== '')
      .slice(0, MAX_MODULES);
    return inTrace === true ? null : inTrace;
  }
  if (d.address === null && (m.startsWith('BUG: ') || m.startsWith('Unable to handle kernel '))) {
    const a = ADDRESS.exec(m);
    if (a) d.address = a[1]!;
  }
  // 32-bit ARM since 5.16 writes one call a line, with no header before them: `bio_free from
  // squashfs_read_data+0x118/0x748` (the callee, then its caller and where in it).
  const from = inTrace !== null ? ARM_FROM_FRAME.exec(m) : null;
  if (from !== null) {
    if (d.frames.length < MAX_FRAMES) d.frames.push(from[1]!);
    return true;
  }
  if (inTrace === false) {
    if (/^(?:Call [Tt]race:|Backtrace:)/.test(m)) return true;
    // (RISC-V and older kernels print the frames with their addresses and no header:
    // `[<ffffffff8014762a>] __vmalloc_node_range+0x392/0x52e`.)
    if (m.charCodeAt(0) === 0x5b /* [ */ && m.charCodeAt(1) === 0x3c /* < */) {
      const f = FRAME.exec(m);
      if (f !== null && f[1] === undefined) {
        if (d.frames.length < MAX_FRAMES) d.frames.push(f[3] !== undefined ? `${f[2]} [${f[3]}]` : f[2]!);
        return true;
      }
    }
    return false;
  }
  if (inTrace === true) {
    if (TRACE_END.test(m)) return null;
    if (m === '<TASK>' || m === '</TASK>' || m === '<IRQ>' || m === '</IRQ>') return m === '</TASK>' ? null : true;
    const f = FRAME.exec(m);
    if (f !== null) {
      if (f[1] === undefined && d.frames.length < MAX_FRAMES) d.frames.push(f[3] !== undefined ? `${f[2]} [${f[3]}]` : f[2]!);
      return true;
    }
    const arm = ARM_FRAME.exec(m);
    if (arm !== null) {
      if (d.frames.length < MAX_FRAMES) d.frames.push(arm[2] !== undefined ? `${arm[1]} [${arm[2]}]` : arm[1]!);
      return true;
    }
    // (Registers, a stack dump's hex words, and other drivers' lines printed into the trace on a busy
    // console are passed over: the trace goes on to its end marker, within the report's lookahead.)
    return true;
  }
  return inTrace;
}
