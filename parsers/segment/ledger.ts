/**
 * The failure ledger: each cycle's failures, found again by name or ellipsized text, and named when
 * the log binds a description-only failure to its unit (PID 1's result lines, audit records, catalog
 * lines), with the evidence of the unit's own process and of mounts.
 */
import type { LineRef } from '../grammar/classify.js';
import { type FailureKind, type Verb } from '../grammar/status.js';
import { deviceUnitForPath, isUnitName, parseUnitText, nameFitsDescription, mountUnitForPath, own, ownRef, pathForMountUnit, unitType, type UnitRef } from '../grammar/units.js';
import type { Evidence } from '../report/schema.js';
import type { CycleState, FailureState, MountError } from './state.js';
import { addEvidence, clip, LIMITS, NEAR_LINES, objectList, whyLine } from './evidence.js';
import { currentCycle, ellipsisFit, Timeline } from './timeline.js';
/** Words of a process's message that say something went wrong. */
/** initrd programs whose error ends them (they exit at once) and whose unit the boot cannot do without. */
const FATAL_WHEN_IT_SPEAKS: Readonly<Record<string, string>> = {
  'ostree-prepare-root': 'ostree-prepare-root.service',
};

/** cloud-init's stages and the units that run them. */
const CLOUD_INIT_STAGES: Readonly<Record<string, string>> = {
  'init-local': 'cloud-init-local.service',
  init: 'cloud-init.service',
  'init-network': 'cloud-init.service',
  'modules:config': 'cloud-config.service',
  'modules-config': 'cloud-config.service',
  'modules:final': 'cloud-final.service',
  'modules-final': 'cloud-final.service',
};
/** mount(8)'s own words for a mount that failed, and a program's child that exited with an error status. */
const NOT_MOUNTED = /^mount: .*(?:not mounted|bad option)|exited with exit status [1-9]/;
/** udev killed a worker whose device event did not finish in time. */
const UDEV_WORKER_KILLED = /^\s*worker \[\d+\] \S+ timeout; kill it$|: Worker \[\d+\] processing SEQNUM=\d+ killed$/;
/** … or is still at it after a minute (`card0: Spawned process '/usr/bin/foo' [112] is taking longer than 59s to
 *  complete`, `card0: Worker [107] processing SEQNUM=718 is taking a long time`, older `seq 730 '/devices/vbd-2048'
 *  is taking a long time`). */
const UDEV_WORKER_SLOW = /: Spawned process '[^']+' \[\d+\] is taking longer than \d+s to complete$|: Worker \[\d+\] processing SEQNUM=\d+ is taking a long time$|^\s*seq \d+ '\S+' is taking a long time$/;
/** Anaconda's words as it stops an installation. */
const ANACONDA_FAILED = /^(?:Non interactive installation failed: .+|The installation was stopped due to an error.*)$/;
/** Ignition's critical error in one of its stages (each runs as ignition-<stage>.service). */
const IGNITION_CRITICAL = /(?:^|\]: )CRITICAL\s*: (fetch-offline|fetch|kargs|disks|mount|files|umount|remount)\b/;
export const PROCESS_ERROR = /fail|error|unreachable|can not|is down\b|not a tty|no route to host|fatal|not exist|denied|timed out|timeout occurred|No such|cannot|can't|couldn't|could not|not found|not supported|invalid|refused|refusing|unable|busy|no memory|forbidden|unauthorized|not available|\bno \S+ available\b|already exists|File exists|unknown filesystem type|wrong fs type|unhandled signal|segfault at/i;
/** A unit named by PID 1 this many lines from a description-only failure can be its name. */
export const BIND_LINES = 40;
/** Reports kept in a cycle's `recent`: a line refers to failures reported at most BIND_LINES lines before
 *  it, and a line holds at most two reports (a status line and a kernel line spliced into it). */
const RECENT = 4 * BIND_LINES;
/** A search for a unit's failure looks back through this many userspace cycles (a boot's worth)… */
const FIND_CYCLES = 64;
/** …and fits the unit to this many ellipsized failures at most; past either it stops, and says so. */
const FIND_CHECKS = 64;
/** Job results and the failure kinds whose status lines they name. */
export const JOB_RESULT_KIND: Readonly<Record<string, FailureKind>> = { dependency: 'dependency', timeout: 'timeout', failed: 'failed', assert: 'assert' };

/** The candidate whose description fits the name best; the earliest among equals (systemd prints a job's
 *  status line and its result line together, job after job). */
export function bestBinding<T>(candidates: readonly T[], score: (c: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const c of candidates) {
    const s = score(c);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

export abstract class FailureLedger extends Timeline {
  /** Recent storage errors from the kernel, attached to failures that come shortly after. */
  protected recentKernelErrors: Evidence[] = [];
  /** The kernel's last error lines with the subsystem that printed them (`ACPI Error: …` → `acpi`), for a
   *  crash in that subsystem's code just after (see lookForCrashLocation). */
  protected recentErrorSaid: Array<{ line: number; text: string; word: string }> = [];
  /** The first of the kernel's storage errors in the burst the last one belongs to (each within NEAR_LINES of the next). */
  protected kernelErrorBurstStart: Evidence | null = null;
  /** The kernel's message on that line. */
  protected kernelErrorBurstMessage: string | null = null;
  /** `mount: PATH: reason` lines, which the mount's failure line follows. */
  protected recentMountErrors: MountError[] = [];
  /** `systemctl status UNIT` output being read: its journal lines and fields are evidence for UNIT. */
  protected statusBlock: { unit: string | null; user?: boolean; pids?: number[]; programs?: string[] } | null = null;
  /** Units PID 1 recently named with a result, not yet bound to a description-only failure. */
  protected namedResults: Array<{ name: string; kind: FailureKind; line: number; text: string; used: boolean; manager?: string }> = objectList();
  /** Recent error lines of processes other than PID 1 (`ignition[642]: failed to fetch config: …`): evidence
   *  for the unit that runs them, when it fails just after. */
  protected processErrors: Array<{ ident: string; ev: Evidence; started?: { key: string; seq: number }; said?: string }> = objectList();
  /** Status messages read so far (each of any source), and the last one when it began a job (`Starting X...`):
   *  an error alone between a unit's start and its failure is that unit's (see processEvidence). */
  protected statusSeq = 0;
  protected lastStartBegin: { key: string; seq: number } | null = null;

  protected recordFailure(
    cycle: CycleState,
    ref: UnitRef,
    kind: FailureKind,
    verb: Verb | 'systemctl-failed' | 'unit-failed',
    at: LineRef,
    source: FailureState['source'],
    manager: string | null = null,
  ): FailureState | null {
    // (A device, mount or swap named with its escapes lost: the unit the log named with them.)
    if (ref.name !== null && manager === null && (ref.name.endsWith('.device') || ref.name.endsWith('.mount') || ref.name.endsWith('.swap'))) {
      const twin = this.resolver.escapedTwin(ref.name);
      if (twin !== null) ref = { ...ref, name: twin, resolvedBy: 'log' };
    }
    // (A status line that lost bytes (`Dependency failed for Star\uFFFDcprogress communication helper.`), just
    // after the same failure on PID 1's kernel-log line: that failure again, told in what survived of it.)
    if (ref.name === null && ref.text.includes('\uFFFD')) {
      const same = cycle.failures.slice(-4).find((g) => g.kind === kind && at.lineNo - g.lastLine <= 3 && at.lineNo >= g.line && damagedFits(ref.text, g.ref.description ?? g.ref.text));
      if (same !== undefined) {
        addEvidence(same.evidence, { line: at.lineNo, text: clip(at.text), why: 'the same failure on the console, some of its bytes lost' });
        return same;
      }
    }
    const key = `${kind}\u0000${manager === null ? '' : 'user\u0000'}${ref.name ?? ref.text}`;
    let f = cycle.failureByKey.get(key);
    cycle.reports++;
    if (f === undefined && cycle.failures.length >= LIMITS.failuresPerCycle) {
      this.capped.failures++;
      return null;
    }
    const ev: Evidence = { line: at.lineNo, text: clip(at.text), why: whyLine(kind, source) };
    if (f) {
      this.noteReport(cycle, f);
      if (f.verb === 'unit-failed' && verb !== 'unit-failed') {
        f.verb = verb;
        f.message = clip(at.text);
      }
      f.lastSeq = cycle.reports;
      f.lastLine = at.lineNo;
      f.counts.set(source, (f.counts.get(source) ?? 0) + 1);
      addEvidence(f.evidence, ev);
      if (at.more) for (const m of at.more) addEvidence(f.evidence, { line: m, text: '(rest of the line above)', why: 'continuation of the line above' });
      return f;
    }
    f = {
      ref: ownRef(ref),
      kind,
      verb,
      line: at.lineNo,
      message: clip(at.text),
      source,
      counts: new Map([[source, 1]]),
      result: kind === 'dependency' ? 'dependency' : null,
      evidence: [ev],
      seq: cycle.reports,
      lastSeq: cycle.reports,
      lastLine: at.lineNo,
      manager,
      uptime: this.boot?.lastUptime ?? null,
      statusSeq: this.statusSeq,
    };
    if (verb === 'mount-failed' || verb === 'mount-timeout') {
      for (const m of this.recentMountErrors) {
        if (at.lineNo - m.line > NEAR_LINES) continue;
        if (ref.name === mountUnitForPath(m.path) || ref.description === m.path || ref.text.includes(`(${m.path})`) || ref.text === m.path) {
          f.evidence.push({ line: m.line, text: m.text, why: `why the mount failed: ${m.reason}` });
        }
      }
    }
    if (at.more) for (const m of at.more) f.evidence.push({ line: m, text: '(rest of the line above)', why: 'a kernel line cut this line in two' });
    for (const e of kernelErrorBurst(this.recentKernelErrors, at.lineNo, this.kernelErrorBurstStart)) addEvidence(f.evidence, e);
    cycle.failures.push(f);
    cycle.failureByKey.set(own(key), f);
    if (ref.name === null) {
      f.unbound = true;
      cycle.unbound.push(f);
    } else this.named(cycle, f);
    this.noteReport(cycle, f);
    this.retainedFailures++;
    // (A user manager's too, from that manager's own lines: `pulseaudio.service: Main process exited …`.)
    if (ref.name === null) this.bindFromEarlier(cycle, f, at);
    else if (ref.name !== null) {
      this.attachEarlier(f, ref.name, manager);
      this.takeRestarting(cycle, f);
    }
    if (kind !== 'dependency') this.processEvidence(f, at);
    this.keepWithinBudget();
    if (f.ref.name) cycle.failureByKey.set(f.ref.name, f);
    if (this.listening) this.emit({ type: 'failure', boot: this.boot!.index, cycle: cycle.index, line: at.lineNo, kind, unit: ref.name ?? ref.text, message: clip(at.text) });
    return f;
  }

  /** A failure that PID 1's line names fits an ellipsized text (found by findFailure just before): the name is now certain. */
  protected nameIt(f: FailureState, name: string, at: LineRef): void {
    if (f.ref.name !== null || !isUnitName(name)) return;
    f.ref = { ...f.ref, name, partial: false, resolvedBy: 'log' };
    if (this.foundIn !== null) this.named(this.foundIn, f);
    addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `names the unit: ${name}` });
    // With its name known, its own process's complaints just before it failed are evidence too.
    if (f.kind !== 'dependency') this.processEvidence(f, { lineNo: f.line, text: f.message });
  }

  /** The cycle of the failure findFailure last returned. */
  private foundIn: CycleState | null = null;

  /**
   * The latest failure of a unit, searching back through the cycles (status output may come much later):
   * in each cycle, the one keyed by its name, else the last one given that name or whose ellipsized text
   * fits it. Bounded by FIND_CYCLES and FIND_CHECKS (counted in `capped.lookups` when reached).
   */
  protected findFailure(unit: string): FailureState | null {
    let cycles = FIND_CYCLES;
    let checks = FIND_CHECKS;
    for (let b = this.boots.length - 1; b >= 0; b--) {
      const list = this.boots[b]!.cycles;
      for (let c = list.length - 1; c >= 0; c--) {
        if (cycles-- === 0) {
          this.capped.lookups++;
          return null;
        }
        const cyc = list[c]!;
        // (Most cycles failed nothing: passed over without a lookup, though still counted.)
        if (cyc.unbound.length === 0 && cyc.failureByKey.size === 0 && cyc.named.size === 0) continue;
        this.foundIn = cyc;
        const direct = cyc.failureByKey.get(unit);
        if (direct) return direct;
        // Failures are listed in the order they came (`seq`): the latest of those named so, and any later
        // unnamed one whose text fits.
        let best: FailureState | null = null;
        const named = cyc.named.get(unit);
        if (named !== undefined) for (const f of named) if (!f.dropped && (best === null || f.seq > best.seq)) best = f;
        const unbound = cyc.unbound;
        for (let i = unbound.length - 1; i >= 0; i--) {
          const f = unbound[i]!;
          if (best !== null && f.seq < best.seq) break;
          if (checks-- === 0) {
            this.capped.lookups++;
            return best;
          }
          if (!f.dropped && f.ref.name === null && (f.fits ??= ellipsisFit(f.ref.text))(unit)) {
            best = f;
            break;
          }
        }
        if (best !== null) return best;
      }
    }
    return null;
  }

  /** A failure has (now) a name: findFailure finds it by it. */
  protected named(cycle: CycleState, f: FailureState): void {
    const name = f.ref.name!;
    const list = cycle.named.get(name);
    if (list === undefined) cycle.named.set(name, [f]);
    else if (!list.includes(f)) list.push(f);
    if (f.unbound) this.staleUnbound(cycle);
  }

  /** An unnamed failure was named or dropped: the list of unnamed ones is swept when it is mostly such. */
  private staleUnbound(cycle: CycleState): void {
    if (++cycle.unboundStale <= 32 || cycle.unboundStale * 2 <= cycle.unbound.length) return;
    const kept: FailureState[] = [];
    for (const f of cycle.unbound) {
      if (!f.dropped && f.ref.name === null) kept.push(f);
      else f.unbound = false;
    }
    cycle.unbound = kept;
    cycle.unboundStale = 0;
  }

  private noteReport(cycle: CycleState, f: FailureState): void {
    const recent = cycle.recent;
    recent.push(f);
    if (recent.length >= 2 * RECENT) recent.splice(0, RECENT);
  }

  /** Takes a failure out of its cycle (its keys are the caller's business). */
  protected dropFailure(cycle: CycleState, f: FailureState): void {
    const i = cycle.failures.indexOf(f);
    if (i < 0) return;
    cycle.failures.splice(i, 1);
    this.retainedFailures--;
    const wasUnbound = f.unbound === true && f.ref.name === null;
    f.dropped = true;
    if (wasUnbound) this.staleUnbound(cycle);
  }

  /** The failures reported in the last `recent` reports that pass `keep`, each once, in the order they came. */
  protected recentFailures(cycle: CycleState, keep: (f: FailureState) => boolean): FailureState[] {
    const seen = new Set<FailureState>();
    const out: FailureState[] = [];
    const recent = cycle.recent;
    for (let i = recent.length - 1, n = 0; i >= 0 && n < RECENT; i--, n++) {
      const f = recent[i]!;
      if (f.dropped || seen.has(f)) continue;
      seen.add(f);
      if (keep(f)) out.push(f);
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** The failure reported last in a cycle. */
  protected lastReported(cycle: CycleState): FailureState | undefined {
    const recent = cycle.recent;
    for (let i = recent.length - 1; i >= 0; i--) if (!recent[i]!.dropped) return recent[i];
    return cycle.failures.reduce<FailureState | undefined>((a, f) => (a === undefined || f.lastSeq > a.lastSeq ? f : a), undefined);
  }

  protected systemctlFailure(unit: string, result: string | null, at: LineRef, why: string): void {
    let f = this.findFailure(unit);
    if (f === null || f.kind === 'dependency') {
      const cycle = this.ensureCycle(at.lineNo);
      const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
      this.recognised++;
      f = this.recordFailure(cycle, ref, 'failed', 'systemctl-failed', at, 'systemctl', this.statusBlock?.user === true ? 'user manager (systemctl --user)' : null);
      if (f === null) return;
    } else {
      addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why });
    }
    if (result !== null) f.result ??= clip(result);
  }

  protected statusField(field: string, value: string, at: LineRef): void {
    const unit = this.statusBlock?.unit ?? null;
    this.touch();
    if (unit === null) return;
    if (field === 'Active') {
      const m = /^failed \(Result: ([\w-]+)\)/.exec(value);
      if (m) this.systemctlFailure(unit, m[1]!, at, `systemctl status: failed with result '${m[1]}'`);
      return;
    }
    // (Its processes' PIDs and programs, `Process: 373 ExecStart=/usr/bin/btuart (code=…)`, `Main PID: 11215
    // (dockerd)`: their journal lines below are the unit's own.)
    if (field === 'Process' || field === 'Main PID') {
      const pid = /^(\d{1,10}) (?:\w+=(?:[!@+:-]{0,3})(\/\S+)|\((\S{1,32})\))?/.exec(value);
      const block = this.statusBlock!;
      if (pid !== null && (block.pids ??= []).length < 8) {
        block.pids.push(Number(pid[1]));
        const program = pid[2] !== undefined ? pid[2].slice(pid[2].lastIndexOf('/') + 1) : pid[3];
        if (program !== undefined && !(block.programs ??= []).includes(program)) block.programs.push(program);
      }
    }
    if ((field === 'Process' || field === 'Main PID') && /\(code=(?:exited, status=(?!0\/)\d|killed|dumped)/.test(value)) {
      // `Process: 258 ExecStart=/bin/bash /usr/bin/resin-init (code=exited, status=123)`: how it failed.
      const f = this.findFailure(unit);
      if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: 'systemctl status: how its process ended' });
      return;
    }
    if (field === 'What' || field === 'Where') {
      const f = this.findFailure(unit);
      if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `systemctl status: the mount’s ${field === 'What' ? 'source' : 'mount point'}` });
    }
  }

  /** dracut's `Warning: dracut-initqueue timeout - starting timeout scripts`, the last one seen. */
  protected initqueueTimeout: Evidence | null = null;
  /** dracut's `Warning: Could not boot.`, the last one seen. */
  protected dracutGaveUp: Evidence | null = null;

  protected mountError(path: string, reason: string, at: LineRef): void {
    if (reason === 'does not exist' && path.startsWith('/dev/') && this.statusBlock === null) {
      // dracut's last word before its shell: the root device it waited for is not there.
      const missing = { path, ev: { line: at.lineNo, text: clip(at.text), why: `dracut: ${path} does not exist` } };
      const boot = this.ensureBoot('log-start', at.lineNo);
      const cycle = currentCycle(boot);
      const holder: { missingDevice?: typeof missing & { more?: Evidence[] } } = cycle ?? boot;
      if (holder.missingDevice === undefined) {
        holder.missingDevice = missing;
        // dracut's main loop gave up waiting just before: that line says why the device is missing now.
        const q = this.initqueueTimeout;
        if (q !== null && at.lineNo - q.line <= 200 && at.lineNo >= q.line) holder.missingDevice.more = [q];
        // (And its `Could not boot.` just before the devices it lists.)
        const g = this.dracutGaveUp;
        if (g !== null && at.lineNo - g.line <= 5 && at.lineNo > g.line) (holder.missingDevice.more ??= []).push(g);
      }
      else if (holder.missingDevice.path !== path) {
        // The same device by its other names (`/dev/centos/root`, `/dev/mapper/centos-root`): evidence too.
        const held = holder.missingDevice;
        const more = (held.more ??= []);
        if (more.length < 3 && !more.some((e) => e.text === missing.ev.text)) more.push(missing.ev);
        // dracut lists its waits in the order of their hooks' file names, not of importance: of a logical
        // volume's two names the root= argument gives the device mapper's (`/dev/mapper/rhel-root`, as
        // installers write it; `rd.lvm.lv=rhel/root` only asks for the volume to be activated).
        // (The evidence stays in the order dracut printed it.)
        if (path === lvmMapperPath(held.path)) holder.missingDevice = { ...held, path };
      }
    }
    // The initramfs's own mount of the root file system (mkinitcpio's /new_root, dracut's and Alpine's /sysroot,
    // initramfs-tools' /root), before any userspace cycle.
    if (this.statusBlock === null && INITRAMFS_ROOT.test(path) && reason !== 'does not exist') {
      this.recognised++;
      const boot = this.ensureBoot('log-start', at.lineNo);
      if (boot.cycles.length === 0) boot.rootMountError ??= { line: at.lineNo, text: clip(at.text), why: `the initramfs could not mount the root file system: ${reason}` };
    }
    if (this.statusBlock === null) {
      // On the console the mount's error comes before systemd reports the failure.
      this.recentMountErrors.push({ path, reason, line: at.lineNo, text: clip(at.text) });
      if (this.recentMountErrors.length > 8) this.recentMountErrors.shift();
    }
    const unit = this.statusBlock?.unit ?? mountUnitForPath(path);
    // A device path names its device unit too (dracut says the root device does not exist after the
    // device job timed out).
    const device = deviceUnitForPath(path);
    const f = this.findFailure(unit) ?? this.findFailure(mountUnitForPath(path)) ?? (device !== null ? this.findFailure(device) : null);
    if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: f.ref.name === device ? `${path} ${reason}` : `why the mount failed: ${reason}` });
  }

  // ---- name binding --------------------------------------------------------------------------

  /**
   * PID 1 named a unit with a result (`foo.service: Failed with result 'exit-code'`, `Job
   * foo.service/start failed with result 'dependency'`, an audit record): a description-only failure
   * of the same kind a few lines away is that unit. The earliest unbound one is taken, as systemd
   * prints a job's status line and its result line together, job after job. Returns the failure bound.
   */
  protected namedResult(name: string, kind: FailureKind, at: LineRef, remember = true): FailureState | null {
    if (!isUnitName(name)) return null;
    const boot = this.boot;
    const cycle = boot ? currentCycle(boot) : null;
    if (cycle) {
      // The unnamed failures first reported in the last BIND_LINES lines are among the last RECENT unnamed ones.
      const near: FailureState[] = [];
      const unbound = cycle.unbound;
      for (let i = unbound.length - 1; i >= 0 && i >= unbound.length - RECENT; i--) {
        const x = unbound[i]!;
        if (!x.dropped && x.ref.name === null && x.manager === null && x.kind === kind && at.lineNo - x.line <= BIND_LINES && at.lineNo >= x.line) near.push(x);
      }
      near.reverse();
      const f = bestBinding(
        near.filter((x) => this.canBind(x, name)),
        (x) => nameFitsDescription(name, x.ref.text),
      );
      if (f) {
        this.bind(cycle, f, name, at);
        return f;
      }
    }
    if (remember) this.rememberResult(name, kind, at);
    return null;
  }

  /** A unit PID 1 named with a result, for a description-only failure printed after it to bind to. */
  protected rememberResult(name: string, kind: FailureKind, at: LineRef): void {
    this.namedResults.push({ name, kind, line: at.lineNo, text: clip(at.text), used: false });
    if (this.namedResults.length > 32) this.namedResults.shift();
  }

  /** PID 1's earlier lines on the unit (`Main process exited, …`) and its own process's errors join its failure. */
  protected attachEarlier(f: FailureState, name: string, manager: string | null): void {
    // (The latest few: a unit restarted again and again has many such lines, and its own process's words are evidence too.)
    for (const r of this.namedResults.filter((x) => x.name === name && (x.manager ?? null) === manager && f.line - x.line <= BIND_LINES && x.line < f.line).slice(-3)) {
      r.used = true;
      this.coredumpEvidence(f, r.text, r.line);
      addEvidence(f.evidence, { line: r.line, text: r.text, why: 'PID 1 on the unit’s process' });
    }
    f.evidence.sort((a, b) => a.line - b.line);
  }

  /** The unit failed before and PID 1 restarted it (see restart-scheduled); it failed for good now: what
   *  PID 1 said of the failures before (its process's exit, its result) is why. */
  protected takeRestarting(cycle: CycleState, f: FailureState): void {
    const name = f.ref.name;
    const r = name === null || f.kind === 'dependency' ? undefined : cycle.restarting?.find((x) => x.ref.name === name && x.line < f.line && f.line - x.lastLine <= BIND_LINES);
    if (r === undefined) return;
    cycle.restarting = cycle.restarting!.filter((x) => x !== r);
    for (const e of r.evidence.slice(0, 3)) addEvidence(f.evidence, { ...e, why: `before its restart: ${e.why}` });
    f.result ??= r.result;
    f.evidence.sort((a, b) => a.line - b.line);
  }

  /** Where a unit known only by its description last began to start (`Starting LSB: VirtualBox Linux kernel
   *  module...`), by that description: a few of the latest. */
  private readonly begun = new Map<string, number>();

  protected noteBegun(description: string, line: number): void {
    this.begun.delete(description);
    this.begun.set(own(description), line);
    if (this.begun.size > 32) this.begun.delete(this.begun.keys().next().value!);
  }

  /** A new description-only failure: a unit PID 1 named just before may be it. */
  protected bindFromEarlier(cycle: CycleState, f: FailureState, at: LineRef): void {
    // (Not a unit whose result came before this one began to start: that result was another job's.)
    const began = this.begun.get(f.ref.text) ?? -1;
    const hit = bestBinding(
      this.namedResults.filter(
        (r) => !r.used && r.kind === f.kind && (r.manager ?? null) === (f.manager ?? null) && at.lineNo - r.line <= BIND_LINES && r.line > began && this.joinable(cycle.failureByKey.get(`${f.kind}\u0000${r.name}`), r.line) && this.canBind(f, r.name),
      ),
      (r) => nameFitsDescription(r.name, f.ref.text),
    );
    if (hit !== undefined) {
      hit.used = true;
      this.bind(cycle, f, hit.name, { lineNo: hit.line, text: hit.text });
      return;
    }
    // (Or a unit PID 1 already recorded as failed from its process's words alone, `foo.service: Failed at step EXEC
    // spawning …`, its result lines taken as that failure's evidence: the status line is the same failure.)
    const recent: FailureState[] = [];
    for (let i = cycle.failures.length - 1; i >= 0 && i >= cycle.failures.length - RECENT; i--) {
      const x = cycle.failures[i]!;
      if (x !== f && !x.dropped && x.verb === 'unit-failed' && x.kind === f.kind && x.ref.name !== null && (x.manager ?? null) === (f.manager ?? null) && at.lineNo - x.line <= BIND_LINES && x.line > began && this.canBind(f, x.ref.name)) recent.push(x);
    }
    const spawned = bestBinding(recent, (x) => nameFitsDescription(x.ref.name!, f.ref.text));
    if (spawned !== undefined && nameFitsDescription(spawned.ref.name!, f.ref.text) > 0) this.bind(cycle, f, spawned.ref.name!, { lineNo: spawned.line, text: spawned.evidence[0]?.text ?? f.message });
  }

  /** No failure of that name yet, or one only PID 1's word made (its result line at `line`, or a unit-failed
   *  line): a status line's failure joins it. */
  private joinable(existing: FailureState | undefined, line: number): boolean {
    // (The unit's own process's lines before it, attached as its evidence, are no word of another failure's.)
    return existing === undefined || existing.verb === 'unit-failed' || (existing.line === line && existing.evidence.filter((e) => e.line >= line).length <= 2);
  }

  /** The unit's type fits the message, and what the log or the table says of its description does not contradict the text. */
  protected canBind(f: FailureState, name: string): boolean {
    const type = unitType(name);
    const verb = f.verb;
    if (verb === 'mount-failed' || verb === 'mount-timeout' || verb === 'unmount-failed') {
      if (type !== 'mount') return false;
    } else if (verb === 'swap-failed' || verb === 'swapoff-failed') {
      if (type !== 'swap') return false;
    } else if (verb === 'device-timeout') {
      if (type !== 'device') return false;
    } else if (verb === 'listen-failed') {
      if (type !== 'socket') return false;
    } else if (verb === 'automount-failed') {
      if (type !== 'automount') return false;
    } else if (type === 'device') return false;
    const text = f.ref.text;
    if (text.startsWith('/')) {
      const path = pathForMountUnit(name);
      if (path !== null && path !== text) return false;
    }
    const known = this.resolver.descriptionOf(name);
    if (known && !text.includes('…') && known !== text && name !== text) return false;
    // The table names the description as another unit.
    const byTable = this.resolver.resolve(f.ref).name;
    if (byTable !== null && byTable !== name) return false;
    return true;
  }

  protected bind(cycle: CycleState, f: FailureState, unit: string, by: LineRef): void {
    const text = f.ref.text;
    const name = own(unit);
    // PID 1's result line was recorded as the unit's failure already: the status line joins it.
    const earlier = cycle.failureByKey.get(`${f.kind}\u0000${name}`);
    if (earlier !== undefined && earlier !== f && this.joinable(earlier, by.lineNo)) {
      this.dropFailure(cycle, f);
      cycle.failureByKey.set(own(`${f.kind}\u0000${text}`), earlier);
      earlier.verb = f.verb;
      earlier.line = Math.min(earlier.line, f.line);
      earlier.message = f.message;
      earlier.ref = { ...f.ref, name, partial: false, resolvedBy: 'log' };
      this.named(cycle, earlier);
      for (const e of f.evidence) addEvidence(earlier.evidence, e);
      return;
    }
    f.ref = { ...f.ref, name, partial: false, resolvedBy: 'log' };
    this.named(cycle, f);
    cycle.failureByKey.set(name, f);
    cycle.failureByKey.set(own(`${f.kind}\u0000${name}`), f);
    if (!text.includes('…') && !text.startsWith('/')) this.resolver.learn({ name, description: text, text, partial: false, resolvedBy: null });
    addEvidence(f.evidence, { line: by.lineNo, text: clip(by.text), why: `names the unit: ${name}` });
    // (And PID 1's other words on that unit just before, its process's exit and its result: why it failed.)
    if (f.kind !== 'dependency') {
      this.attachEarlier(f, name, f.manager);
      this.takeRestarting(cycle, f);
    }
    if (f.kind !== 'dependency') this.processEvidence(f, { lineNo: f.line, text: f.message });
  }

  /** A manager's own complaint about a unit (`foo.service: Failed to spawn executor: …`): evidence for its failure. */
  protected unitComplaint(message: string, at: LineRef): void {
    const colon = message.indexOf(': ');
    if (colon < 0) return;
    const unit = message.slice(0, colon);
    if (!isUnitName(unit)) return;
    this.processError(unit.slice(0, unit.lastIndexOf('.')), message.slice(colon + 2), at);
  }

  /** systemd-coredump's last words that a process dumped core (`Process 329 (ipmid) of user 0 dumped core.`). */
  protected readonly coredumps: Evidence[] = [];

  /** systemd-coredump says a process dumped core just before PID 1 says the unit's did, naming it (`Process 329
   *  (ipmid) of user 0 dumped core.`, then `…: Main process exited, code=dumped, status=11/SEGV`): evidence. */
  protected coredumpEvidence(f: FailureState, pid1Line: string, line: number): void {
    if (!pid1Line.includes('code=dumped')) return;
    // (The nearest before it: two services that crashed together are told apart by their order.)
    let near: Evidence | undefined;
    for (const core of this.coredumps) if (core.line < line && line - core.line <= 3 && (near === undefined || core.line > near.line)) near = core;
    if (near !== undefined) addEvidence(f.evidence, near);
  }

  protected processError(ident: string, message: string, at: LineRef): void {
    if (ident === 'systemd-coredump' && message.includes(' dumped core')) {
      this.coredumps.push({ line: at.lineNo, text: clip(at.text), why: 'the core dump of the unit’s process' });
      if (this.coredumps.length > 4) this.coredumps.shift();
    }
    // (With no systemd cycle, the boot holds it.)
    const tb = this.boot !== null ? (currentCycle(this.boot) ?? this.boot) : null;
    if (tb !== null && (tb.traceback === undefined || (tb.traceback.exception === undefined && tb.traceback.ident === ident))) this.traceback(tb, ident, message, at);
    // udev gave up on a device event that would not finish (`udevd[209]:  worker [219] /devices/…/block/sr0
    // timeout; kill it`, systemd-udevd's `sr0: Worker [219] processing SEQNUM=1878 killed`): what waited on
    // that device waited, as for a device that stopped responding.
    if ((ident === 'udevd' || ident === 'systemd-udevd') && (UDEV_WORKER_KILLED.test(message) || UDEV_WORKER_SLOW.test(message))) {
      const seen = (this.ensureBoot('log-start', at.lineNo).kernelFailures ??= []);
      const hang = seen.find((f) => f.kind === 'hang');
      if (hang === undefined) {
        if (seen.length < 4) seen.push({ kind: 'hang', message: clip(message.trim()), line: at.lineNo, text: clip(at.text), more: [] });
      } else if (hang.more.length < 2 && (UDEV_WORKER_KILLED.test(hang.message) || UDEV_WORKER_SLOW.test(hang.message))) {
        // (udev's next words on its stuck workers: the same hang.)
        hang.more.push({ line: at.lineNo, text: clip(at.text), why: 'udev says it again' });
      }
    }
    // (Read with the units whose process has another name: UNIT_RUNS.)
    const current = this.boot !== null ? currentCycle(this.boot) : null;
    if (ident === 'anaconda' && this.boot !== null) {
      const said = message.replace(/^anaconda\[\d+\]: /, '').trim();
      const prev = this.boot.overseerFailed;
      // (Its summary, `Non interactive installation failed: …`, says more than its `The installation was stopped`.)
      if (ANACONDA_FAILED.test(said) && (prev === undefined || (prev.who === 'Anaconda' && !prev.message.startsWith('Non interactive') && said.startsWith('Non interactive')))) {
        this.boot.overseerFailed = { who: 'Anaconda', message: clip(said), ev: { line: at.lineNo, text: clip(at.text), why: 'Anaconda stopped the installation' } };
      }
    }
    if (ident === 'systemd-modules-load' && current !== null && current.modulesLoadError === undefined && /(?:^|\]: )Failed to (?:find|insert) module '/.test(message)) {
      current.modulesLoadError = { line: at.lineNo, text: clip(at.text), why: 'systemd-modules-load could not load a module: its unit fails' };
    }
    if (ident === 'ignition' && current !== null && current.ignitionCritical === undefined) {
      const m = IGNITION_CRITICAL.exec(message);
      if (m !== null) current.ignitionCritical = { stage: m[1]!, ev: { line: at.lineNo, text: clip(at.text), why: `Ignition's ${m[1]} stage reports a critical error: the stage fails` } };
    }
    const prev = current?.lastProcessLine;
    if (current !== null) current.lastProcessLine = { ident: own(ident), line: at.lineNo, text: clip(at.text) };
    // (A generator's error journald put just after PID 1's line that it failed.)
    if (ident.endsWith('-generator') && current !== null) {
      for (const f of current.failures.slice(-4)) if (f.ref.name === null && at.lineNo - f.line <= 3 && generatorIdent(f.ref.text) === ident) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `${ident}, the generator, says why` });
    }
    if (!PROCESS_ERROR.test(message) && !NOT_MOUNTED.test(message)) return;
    // (An error's second line, indented under its first (`mount: /: mount point not mounted or bad option.`,
    // then `       dmesg(1) may have more information after failed mount system call.`): the first says it.)
    if (message.charCodeAt(0) === 0x20 && prev !== undefined && prev.ident === ident && prev.line === at.lineNo - 1 && !this.processErrors.some((p) => p.ev.line === prev.line)) {
      this.processErrors.push({ ident, ev: { line: prev.line, text: prev.text, why: `${ident}, run by the unit, reports the error` } });
    }
    // (The same words again, just before, say nothing new: systemd-modules-load's `ctx=… path=…/parport.ko error=No such file or
    // directory` for each module that needs it. Kept once, they leave room for the other errors and PID 1's lines.)
    if (this.processErrors.some((p) => p.ident === ident && p.said === message && at.lineNo - p.ev.line <= 20)) return;
    const started = this.lastStartBegin !== null && this.lastStartBegin.seq === this.statusSeq ? this.lastStartBegin : undefined;
    this.processErrors.push({ ident, ev: { line: at.lineNo, text: clip(at.text), why: `${ident}, run by the unit, reports the error` }, started, said: message });
    const cycle = this.boot !== null ? currentCycle(this.boot) : null;
    if (cycle !== null) cycle.lastProcessError = { ident: own(ident), line: at.lineNo, text: clip(at.text) };
    if (this.processErrors.length > 8) this.processErrors.shift();
    // Programs that print only on the way out: their error is their unit's failure, whether or not
    // PID 1's own line about it made it to the log.
    // cloud-init says when one of its stages failed (`failed run of stage init-local`): each stage is its own
    // unit, which exits with an error after it.
    // (On the kernel's log the message still holds its `cloud-init[581]: `.)
    const stage = ident === 'cloud-init' ? /^(?:cloud-init\[\d+\]: )?failed run of stage (\S+?)\s*$/.exec(message.trim()) : null;
    const unit = stage !== null ? CLOUD_INIT_STAGES[stage[1]!] : FATAL_WHEN_IT_SPEAKS[ident];
    if (unit !== undefined && this.findFailure(unit) === null) {
      const f = this.recordFailure(this.ensureCycle(at.lineNo), parseUnitText(unit), 'failed', 'unit-failed', at, 'kmsg');
      if (f) f.evidence[0]!.why = stage !== null ? `cloud-init's stage ${stage[1]} failed, and its unit with it` : `${ident} stopped with an error: it runs only to set up the root file system, so its unit failed`;
    }
  }

  /** A program's Python traceback: its header, then the exception line that ends it (not indented). */
  private traceback(cycle: Pick<CycleState, 'traceback'> & { unitsSeen?: Set<string> }, ident: string, message0: string, at: LineRef): void {
    // (A kernel-log line's message still holds its `ident[pid]: `.)
    const message = message0.startsWith(ident) && message0.includes(': ') ? message0.slice(message0.indexOf(': ') + 2) : message0;
    const t = cycle.traceback;
    if (t === undefined) {
      if (message.trim() === 'Traceback (most recent call last):') cycle.traceback = { ident: own(ident), header: { line: at.lineNo, text: clip(at.text), why: `${ident} printed a traceback` } };
      return;
    }
    if (at.lineNo - t.header.line > 200) {
      cycle.traceback = undefined;
      return;
    }
    if (!PY_EXCEPTION.test(message)) return;
    t.exception = { line: at.lineNo, text: clip(at.text), why: `${ident} stopped on an uncaught error` };
    // (Its unit, when the log names one after the program (`vyos-router.service`), or describes one that
    // reads as its name: `Started VyOS Router.` for vyos-router.)
    const unit = `${ident}.service`;
    const seen = cycle.unitsSeen ?? new Set<string>();
    t.unit = seen.has(unit) ? unit : [...seen].some((k) => !k.includes('.') && k.toLowerCase().replace(/[^a-z0-9]+/g, '-') === ident.toLowerCase()) ? unit : null;
  }

  /** The failing unit's own process said why, just before (its name starts with the unit's, or the other way round). */
  protected processEvidence(f: FailureState, at: LineRef): void {
    const name = f.ref.name;
    // (A generator's own error: `systemd-gpt-auto-generator[613]: Failed to dissect: Permission denied`.)
    if (name === null && f.ref.text.includes('-generator failed with exit status')) {
      const ident = generatorIdent(f.ref.text);
      for (const p of this.processErrors) if (p.ident === ident && p.ev.line <= at.lineNo && at.lineNo - p.ev.line <= NEAR_LINES) addEvidence(f.evidence, p.ev);
    }
    if (this.processErrors.length === 0) return;
    if (name !== null) this.ownProcessEvidence(f, name, at);
    // (Or the errors printed after the unit's `Starting X...` and before its failure, with no other status
    // line between: `Starting User-specified setting generators...`, `settings-committer[366]: Error sending
    // POST …`, `[FAILED] Failed to start User-specified setting generators.`.)
    if (f.statusSeq !== undefined) {
      for (const p of this.processErrors) {
        if (p.started === undefined || p.started.seq + 1 !== f.statusSeq || p.ev.line > at.lineNo || at.lineNo - p.ev.line > NEAR_LINES * 2) continue;
        if (p.started.key === f.ref.text || p.started.key === name || p.started.key === f.ref.description) addEvidence(f.evidence, { ...p.ev, why: BETWEEN_START_AND_FAILURE });
      }
    }
  }

  /** The last eight kernel lines with text (a ring: line, message, text). */
  protected kRingAt = 0;
  protected readonly kRingLine: number[] = new Array<number>(8).fill(-1);
  /** The line with content before each (see driverChainStart). */
  protected readonly kRingBefore: number[] = new Array<number>(8).fill(-1);
  protected readonly kRingMessage: string[] = new Array<string>(8).fill('');
  protected readonly kRingText: string[] = new Array<string>(8).fill('');

  /** The ring's kernel lines before line `before` and at most `within` lines above it, oldest first. */
  protected recentKernelLines(before: number, within: number): Array<{ line: number; message: string; text: string }> {
    const out: Array<{ line: number; message: string; text: string }> = [];
    for (let k = Math.min(8, this.kRingAt); k >= 1; k--) {
      const r = (this.kRingAt - k) & 7;
      const line = this.kRingLine[r]!;
      if (line >= 0 && line < before && before - line <= within) out.push({ line, message: this.kRingMessage[r]!, text: this.kRingText[r]! });
    }
    return out;
  }

  private ownProcessEvidence(f: FailureState, name: string, at: LineRef): void {
    const stem = unitStem(name);
    // (The process's last words just before PID 1 said the unit's process exited: `rdcore[1076]: Error: …`,
    // then `coreos-ignition-unique-boot.service: Main process exited, code=exited, status=1/FAILURE`; and the
    // errors the same process printed just above them: `apachectl[681]: AH00526: Syntax error on line 11 …`,
    // `Invalid command 'SSLRequireSSL' …`, then `Action 'start' failed.`)
    let lastFrom = Infinity;
    let lastIdent = '';
    for (const p of this.processErrors) {
      if (p.ev.line > at.lineNo || !this.namedResults.some((r) => r.name === name && r.line > p.ev.line && r.line - p.ev.line <= 2 && r.text.includes('process exited'))) continue;
      if (p.ev.line < lastFrom) {
        lastFrom = p.ev.line;
        lastIdent = p.ident;
      }
    }
    for (const p of this.processErrors) {
      const ident = p.ident.toLowerCase();
      if (at.lineNo - p.ev.line > NEAR_LINES * 2 || p.ev.line > at.lineNo || ident.length < 3) continue;
      const runs = UNIT_RUNS.get(stem);
      const lastWords = (p.ev.line >= lastFrom - 4 && p.ident === lastIdent) || this.namedResults.some((r) => r.name === name && r.line > p.ev.line && r.line - p.ev.line <= 2 && r.text.includes('process exited'));
      // (A mount unit's program is mount(8), whatever the path: `mount[859]: mount: unknown filesystem type 'vfat'`.)
      const mounts = ident === 'mount' && name.endsWith('.mount');
      if (namesAlike(stem, ident) || lastWords || mounts || (runs !== undefined && (runs.idents.includes(ident) || runs.says.test(p.ev.text)))) {
        // (Taken already as printed between its start and its failure, before its name was known: now it is
        // known whose it is.)
        const had = f.evidence.find((e) => e.line === p.ev.line && e.why === BETWEEN_START_AND_FAILURE);
        if (had !== undefined) had.why = p.ev.why;
        else addEvidence(f.evidence, p.ev);
      }
    }
    // (And its very last line, errors' words or not: `coreos-metadata[726]: Caused by: update-ssh-keys: no keys
    // found in "…"`, then `…: Main process exited, code=exited, status=1/FAILURE`.)
    const last = this.boot !== null ? currentCycle(this.boot)?.lastProcessLine : undefined;
    if (last !== undefined && last.line < at.lineNo && (namesAlike(stem, last.ident.toLowerCase()) || last.ident === lastIdent) && this.namedResults.some((r) => r.name === name && r.line > last.line && r.line - last.line <= 2 && r.text.includes('process exited'))) {
      addEvidence(f.evidence, { line: last.line, text: last.text, why: `${last.ident}'s last words before its unit's process exited` });
    }
    // (And the kernel's complaint on the lines just before the process's first error: the call it refused,
    // and why: `zram: Cannot initialise zstd compressing backend`, then `zram-generator[3938]: Error: Failed to
    // configure disk size into /sys/block/zram0/disksize`.)
    let first = Infinity;
    for (const e of f.evidence) if (e.line < at.lineNo && e.line < first && !e.text.includes(name)) first = e.line;
    if (first === Infinity) return;
    for (const k of this.recentKernelLines(first, 3)) {
      if (KERNEL_COMPLAINT.test(k.message) && k.message.length < 300) addEvidence(f.evidence, { line: k.line, text: clip(k.text), why: "the kernel's complaint just before the unit's process failed" });
    }
  }

}

/** A text that lost bytes (U+FFFD where they were) fits a whole one: what survived before and after the loss
 *  begins and ends it (the character next to the loss may be garbled too). */
export function damagedFits(damaged: string, whole: string): boolean {
  const parts = damaged.split('\uFFFD');
  const head = parts[0]!;
  const tail = parts[parts.length - 1]!.slice(1);
  return head.length + tail.length >= 8 && whole.length >= head.length + tail.length && whole.startsWith(head) && whole.endsWith(tail);
}

/** The program name of a generator in PID 1's `…/systemd-gpt-auto-generator failed with exit status 1`. */
export function generatorIdent(text: string): string {
  const m = /(?:^|\/)([^/\s]+-generator) failed with exit status/.exec(text);
  return m === null ? '' : m[1]!;
}

/** The last line of a Python traceback: the exception and its message, not indented. */
const PY_EXCEPTION = /^(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt)(?:: |$)/;

const BETWEEN_START_AND_FAILURE = "printed between the unit's start and its failure, with nothing else started between";

/** A unit's name without its type and instance, lower case (`systemd-fsck@sda1.service` → `systemd-fsck`). */
export function unitStem(name: string): string {
  return name.slice(0, name.lastIndexOf('.')).replace(/@.*$/, '').toLowerCase();
}

/** A process whose (lower-case) name is the unit's stem, or begins it, or begins with it, is the unit's own program. */
export function namesAlike(stem: string, ident: string): boolean {
  return ident.length >= 3 && (stem.startsWith(ident) || ident.startsWith(stem));
}

/**
 * Units whose process is another program than their name says (their ExecStart=, in systemd's and
 * dracut's unit files), and the words of that program's errors: its complaint just before the unit fails
 * is the failure's evidence.
 */
const UNIT_RUNS: ReadonlyMap<string, { idents: readonly string[]; says: RegExp }> = new Map([
  ['initrd-switch-root', { idents: ['systemctl'], says: /Failed to switch root/ }],
  ['initrd-cleanup', { idents: ['systemctl'], says: /Failed to (?:start|isolate) initrd-switch-root/ }],
  ['initrd-parse-etc', { idents: ['systemctl', 'systemd-fstab-generator'], says: /fstab/ }],
  ['systemd-fsck-root', { idents: ['systemd-fsck', 'fsck', 'e2fsck', 'fsck.ext4', 'fsck.xfs'], says: /fsck/ }],
  ['systemd-fsck', { idents: ['systemd-fsck', 'fsck', 'e2fsck', 'fsck.ext4', 'fsck.xfs'], says: /fsck/ }],
  ['systemd-remount-fs', { idents: ['mount', 'systemd-remount-fs'], says: /remount/ }],
  ['systemd-udev-trigger', { idents: ['udevadm'], says: /udevadm trigger/ }],
  ['systemd-udev-settle', { idents: ['udevadm'], says: /udevadm settle/ }],
  ['ostree-prepare-root', { idents: ['ostree-prepare-root', 'ostree'], says: /ostree/ }],
  ['zfs-import-cache', { idents: ['zpool'], says: /cannot import/ }],
  ['zfs-import-scan', { idents: ['zpool'], says: /cannot import/ }],
  ['ifup', { idents: ['sh', 'ifup'], says: /ifup/ }],
  // (cloud-init's stages after its own, each `cloud-init modules --mode …`: they log as `cloud-init[876]`.)
  ['cloud-config', { idents: ['cloud-init'], says: /cc_\w+\.py\[(?:WARNING|ERROR)\]/ }],
  ['cloud-final', { idents: ['cloud-init'], says: /cc_\w+\.py\[(?:WARNING|ERROR)\]|\/scripts\/runcmd: / }],
]);

/** A kernel line that says something could not be done. */
const KERNEL_COMPLAINT = /\b(?:[Cc]annot|[Cc]an't|[Ff]ailed|[Uu]nable to|[Ee]rror)\b/;

/** Where an initramfs mounts the root file system before it switches to it (NixOS's stage 1: `/mnt-root`). */
export const INITRAMFS_ROOT = /^\/(?:new_root|newroot|sysroot|root|mnt-root)\/*$/;

/** `/dev/VG/LV` → `/dev/mapper/VG-LV` (device mapper doubles the dashes inside each name); null for other paths. */
export function lvmMapperPath(path: string): string | null {
  const m = /^\/dev\/([^/\s]+)\/([^/\s]+)$/.exec(path);
  if (m === null || m[1] === 'mapper' || m[1] === 'disk') return null;
  return `/dev/mapper/${m[1]!.replace(/-/g, '--')}-${m[2]!.replace(/-/g, '--')}`;
}

/**
 * The kernel's storage errors that lead up to a failure at `line`: those near it, and before them each one
 * near the next (a burst, its first line the most telling: `XFS (sdc1): Metadata CRC error detected`, then
 * a hex dump of the bad block, then the errors of the reads that failed on it).
 */
export function kernelErrorBurst(recent: readonly Evidence[], line: number, burstStart: Evidence | null = null): Evidence[] {
  const out: Evidence[] = [];
  let next = line;
  let reached = true;
  for (let i = recent.length - 1; i >= 0; i--) {
    const e = recent[i]!;
    if (e.line > line) continue;
    if (next - e.line > NEAR_LINES) {
      reached = false;
      break;
    }
    out.push(e);
    next = e.line;
  }
  // (The burst began before the errors still kept: its first line leads.)
  if (reached && out.length > 0 && burstStart !== null && burstStart.line < out.at(-1)!.line) out.push(burstStart);
  out.reverse();
  // (A long burst says the same thing many times: its first line and its last two.)
  return out.length > 3 ? [out[0]!, ...out.slice(-2)] : out;
}
