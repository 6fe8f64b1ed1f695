/**
 * Segmentation: console records → kernel boots → systemd userspace cycles (initrd and switch-root are one
 * cycle; each soft-reboot starts a new one; a daemon-reexec does not) → phases, with the failures, hung
 * jobs, emergency modes and kernel crashes of each. Memory is bounded by the caps below.
 */
import type { ConsoleRecord, LineRef, UserManagerLine } from '../grammar/classify.js';
import { initramfsMissingDevice, matchMountError, matchPrompt, type PromptMatch } from '../grammar/console-lines.js';
import type { CrashMatch } from '../grammar/kernel.js';
import { VERB_FAILURE, type FailureKind, type StatusMessage, type Verb } from '../grammar/status.js';
import { isUnitName, nameFitsDescription, mountUnitForPath, parseUnitText, pathForMountUnit, swapUnitForPath, UnitResolver, unitType, type UnitRef } from '../grammar/units.js';
import type { AuditRecord } from '../grammar/sources.js';
import type { AnalyzerEvent, Evidence } from '../report/schema.js';
import type { BootState, BootStartReason, CrashState, CycleState, FailureState, ModeKind, MountError, PhaseName, PhaseState } from './state.js';

export const LIMITS = {
  boots: 64,
  cyclesPerBoot: 64,
  failuresPerCycle: 1000,
  /** Failures kept over all boots; past it the oldest cycles are left out of the report. */
  failuresRetained: 10000,
  unitsPerCycle: 5000,
  evidencePerFinding: 10,
  jobsPerCycle: 500,
  crashesPerBoot: 200,
  evidenceText: 240,
} as const;

/** Units a manager touches right after it starts; seeing them start means a userspace (re)start. */
const EARLY_UNITS = new Set([
  'local-fs-pre.target',
  'local-fs.target',
  'sysinit.target',
  'swap.target',
  'cryptsetup.target',
  'systemd-udevd.service',
  'systemd-udev-trigger.service',
  'systemd-journald.service',
  'systemd-remount-fs.service',
  'systemd-tmpfiles-setup.service',
  'systemd-tmpfiles-setup-dev.service',
  'systemd-sysctl.service',
  'systemd-modules-load.service',
]);
const STARTING_VERBS = new Set<Verb>(['start-begin', 'started', 'reached-target', 'mount-begin', 'mounted', 'finished', 'mount-failed', 'start-failed', 'dependency-failed']);
const SHUTDOWN_TARGETS: ReadonlyMap<string, CycleState['end']> = new Map([
  ['reboot.target', 'reboot'],
  ['poweroff.target', 'poweroff'],
  ['halt.target', 'halt'],
  ['kexec.target', 'kexec'],
  ['shutdown.target', 'log-end'],
  ['final.target', 'log-end'],
]);
const INITRD_UNIT = /^(?:initrd[\w-]*\.(?:target|service)|sysroot\.mount|dracut-[\w-]+\.service)$/;
const MOUNT_VERBS = new Set<Verb>(['mount-begin', 'mounted', 'mount-failed', 'mount-timeout', 'unmount-begin', 'unmounted', 'unmount-failed']);
const SWAP_VERBS = new Set<Verb>(['swap-begin', 'swap-activated', 'swap-failed']);
const DEVICE_VERBS = new Set<Verb>(['device-expect', 'device-found', 'device-timeout', 'unsupported']);
/** Words of a process's message that say something went wrong. */
const PROCESS_ERROR = /fail|error|not exist|denied|timed out|No such|cannot|can't|not found|invalid|refused|unable/i;
/** A unit named by PID 1 this many lines from a description-only failure can be its name. */
const BIND_LINES = 40;
/** Job results and the failure kinds whose status lines they name. */
const JOB_RESULT_KIND: Readonly<Record<string, FailureKind>> = { dependency: 'dependency', timeout: 'timeout', failed: 'failed', assert: 'assert' };
/** Units whose OnFailure= is emergency.target in systemd's own unit files. */
const EMERGENCY_ON_FAILURE: ReadonlySet<string> = new Set(['local-fs.target', 'initrd.target', 'initrd-root-fs.target', 'initrd-root-device.target', 'initrd-fs.target', 'initrd-switch-root.target', 'initrd-usr-fs.target', 'sysinit.target', 'emergency.target']);
/** Kernel lines earlier than this many lines before a failure still count as "near" it. */
const NEAR_LINES = 12;

export class Segmenter {
  readonly resolver = new UnitResolver();
  readonly boots: BootState[] = [];
  droppedBoots = 0;
  droppedCycles = 0;
  private retainedFailures = 0;
  /** Something recognisable as boot console output was seen. */
  recognised = 0;

  private boot: BootState | null = null;
  private cycleCount = 0;
  private lastLine = 1;
  /** Recent storage errors from the kernel, attached to failures that come shortly after. */
  private recentKernelErrors: Evidence[] = [];
  /** `mount: PATH: reason` lines, which the mount's failure line follows. */
  private recentMountErrors: MountError[] = [];
  /** `systemctl status UNIT` output being read: its journal lines and fields are evidence for UNIT. */
  private statusBlock: { unit: string | null; user?: boolean } | null = null;
  private readonly openCrashes: CrashState[] = [];
  /** Units PID 1 recently named with a result, not yet bound to a description-only failure. */
  private namedResults: Array<{ name: string; kind: FailureKind; line: number; text: string; used: boolean; manager?: string }> = [];
  /** Recent error lines of processes other than PID 1 (`ignition[642]: failed to fetch config: …`): evidence
   *  for the unit that runs them, when it fails just after. */
  private processErrors: Array<{ ident: string; ev: Evidence }> = [];

  private readonly emit: (event: AnalyzerEvent) => void;
  /** Events are built only when someone listens. */
  private readonly listening: boolean;

  constructor(onEvent?: (event: AnalyzerEvent) => void) {
    this.emit = onEvent ?? (() => {});
    this.listening = onEvent !== undefined;
  }

  push(rec: ConsoleRecord): void {
    const line = rec.at.lineNo;
    if (line > this.lastLine) this.lastLine = line;
    if (rec.at.more) for (const m of rec.at.more) if (m > this.lastLine) this.lastLine = m;
    if (rec.kind === 'text' && rec.crash === null && rec.mountError === null) {
      this.touch();
      this.lookForCrashLocation(rec.at, null);
      return;
    }
    switch (rec.kind) {
      case 'marker':
        return this.marker(rec.marker, rec.banner, rec.at);
      case 'kernel':
        return this.kernel(rec);
      case 'status':
        // Firmware prints `Starting …` too (`Starting depthcharge on …`); before any kernel it is not systemd's.
        if (rec.word === '' && this.inFirmware()) return this.touch();
        // Init scripts print `Starting network...` and `Timed out waiting for device …` too: such a line
        // is systemd's only inside a userspace cycle systemd is known to run, or when it names a unit.
        if (rec.bare && !this.systemdRunning() && !(rec.msg !== null && isUnitName(parseUnitText(rec.msg.unitText).name ?? '') && rec.msg.verb !== 'start-begin')) {
          if (rec.msg?.verb === 'device-timeout') this.initrdWait(rec.msg.unitText, rec.at);
          return this.touch();
        }
        this.statusBlock = null;
        this.recognised++;
        if (rec.msg) this.unitMessage(rec.msg, rec.at, 'console');
        else if (rec.word === '!!' && /^Soft-rebooting/.test(rec.message)) this.softReboot(rec.at);
        return this.touch();
      case 'spinner':
        this.recognised++;
        return this.spinner(rec);
      case 'welcome':
        this.recognised++;
        this.statusBlock = null;
        return this.managerSignal('welcome', rec.at, rec.os, null);
      case 'prompt':
        if (rec.prompt.kind !== 'shell') this.recognised++;
        this.statusBlock = null;
        return this.prompt(rec.prompt, rec.at);
      case 'command':
        this.statusBlock =
          rec.command.kind === 'systemctl-status' ? { unit: rec.command.arg, user: rec.command.user } : rec.command.kind === 'systemctl-failed' ? { unit: null, user: rec.command.user } : null;
        return this.touch();
      case 'status-header':
        this.statusBlock = { unit: rec.unit, user: this.statusBlock?.user ?? false };
        this.resolver.learn({ name: rec.unit, description: rec.description, text: rec.unit, partial: false, resolvedBy: null });
        return this.touch();
      case 'status-field':
        return this.statusField(rec.field, rec.value, rec.at);
      case 'failed-row':
        this.resolver.learn({ name: rec.unit, description: rec.description || null, text: rec.unit, partial: false, resolvedBy: null });
        this.systemctlFailure(rec.unit, null, rec.at, 'listed by systemctl --failed');
        return this.touch();
      case 'journal':
        return this.journal(rec);
      case 'catalog': {
        this.touch();
        if (!rec.failed || !isUnitName(rec.unit)) return;
        // The catalog names the unit of the failure just above, whatever its kind.
        const f = this.findFailure(rec.unit);
        if (f) {
          addEvidence(f.evidence, { line: rec.at.lineNo, text: clip(rec.at.text), why: 'journal catalog: the unit failed' });
          return;
        }
        for (const kind of ['failed', 'dependency', 'timeout'] as const) {
          const bound = this.namedResult(rec.unit, kind, rec.at, false);
          if (bound) return;
        }
        return;
      }
      case 'init': {
        this.recognised++;
        const boot = this.ensureBoot('log-start', rec.at.lineNo);
        if (!this.systemdRunning()) boot.init ??= rec.init;
        if (rec.failed !== null && boot.initFailures.length < 50) boot.initFailures.push({ service: rec.failed, line: rec.at.lineNo, text: clip(rec.at.text) });
        return this.touch();
      }
      case 'bootloader-error': {
        this.recognised++;
        const boot = this.boot;
        // Only before a kernel: the same words later are some program's.
        if (boot !== null && !boot.hasKernel && boot.cycles.length === 0) boot.bootloaderError = { line: rec.at.lineNo, text: clip(rec.at.text) };
        return this.touch();
      }
      case 'pid1':
        this.recognised++;
        this.managerEvent(rec.manager.kind, rec.manager.groups, rec.at, 'console');
        return this.touch();
      case 'initrd-failure': {
        this.recognised++;
        const boot = this.ensureBoot('log-start', rec.at.lineNo);
        boot.initrdFailure ??= { line: rec.at.lineNo, text: clip(rec.at.text), device: this.pendingInitrdDevice?.device ?? null, evidence: [] };
        if (this.pendingInitrdDevice) addEvidence(boot.initrdFailure.evidence, this.pendingInitrdDevice.ev);
        for (const m of this.recentMountErrors) {
          if (rec.at.lineNo - m.line <= NEAR_LINES) addEvidence(boot.initrdFailure.evidence, { line: m.line, text: m.text, why: `the mount failed: ${m.reason}` });
        }
        addEvidence(boot.initrdFailure.evidence, { line: rec.at.lineNo, text: clip(rec.at.text), why: 'NixOS stage 1 could not mount the root file system and stopped' });
        return this.touch();
      }
      case 'journal-boot':
        this.recognised++;
        this.statusBlock = null;
        if (rec.separator !== 'header') this.startBoot('journal-boot', rec.at.lineNo);
        return this.touch();
      case 'text':
        if (rec.crash) this.crash(rec.crash, rec.at, null, true);
        if (rec.mountError) this.mountError(rec.mountError.path, rec.mountError.reason, rec.at);
        return this.touch();
    }
  }

  end(): void {
    this.openCrashes.length = 0;
  }

  private partialSeen = -1;

  /** A live console's unfinished line: a login or emergency prompt waits there without a newline. */
  partialLine(text: string, lineNo: number): void {
    if (lineNo === this.partialSeen) return;
    const p = matchPrompt(text.trim());
    if (p === null || p.announces) return;
    this.partialSeen = lineNo;
    this.recognised++;
    this.prompt(p, { lineNo, text });
  }

  // ---- boots ---------------------------------------------------------------------------------

  private ensureBoot(reason: BootStartReason, line: number): BootState {
    if (this.boot) return this.boot;
    return this.startBoot(reason, line);
  }

  private startBoot(reason: BootStartReason, line: number): BootState {
    const prev = this.boot;
    if (prev) {
      const cycle = currentCycle(prev);
      if (cycle && cycle.end === 'log-end' && prev.end !== 'log-end') cycle.end = prev.end === 'panic' ? 'panic' : prev.end;
    }
    const boot: BootState = {
      index: (this.boots.at(-1)?.index ?? this.droppedBoots) + 1,
      startReason: reason,
      startLine: line,
      endLine: line,
      kernelVersion: null,
      firstUptime: null,
      lastUptime: null,
      hasKernel: false,
      bootloaderError: null,
      bannerLine: null,
      init: null,
      initFailures: [],
      loginLine: null,
      banners: new Set(),
      phases: [],
      cycles: [],
      crashes: [],
      mode: null,
      end: 'log-end',
    };
    if (this.boots.length >= LIMITS.boots) this.dropOldestBoot();
    this.boots.push(boot);
    this.boot = boot;
    this.emit({ type: 'boot', boot: boot.index, line, reason });
    return boot;
  }

  /** A boot that already shows a kernel or userspace gives way to a new one. */
  private bootHasRun(boot: BootState): boolean {
    return boot.hasKernel || boot.cycles.length > 0 || boot.end !== 'log-end';
  }

  private marker(kind: 'firmware' | 'bootloader', banner: string | null, at: LineRef): void {
    this.recognised++;
    let boot = this.boot;
    // A firmware stage's banner seen again in the same boot: the machine reset before a kernel ran.
    if (boot === null || this.bootHasRun(boot) || (banner !== null && boot.banners.has(banner))) boot = this.startBoot(kind, at.lineNo);
    if (banner !== null) boot.banners.add(banner);
    const last = boot.phases.at(-1);
    if (last?.name !== kind && !(kind === 'firmware' && last?.name === 'bootloader')) this.bootPhase(boot, kind, at.lineNo);
    this.touch();
  }

  /** Systemd is running: a cycle of this boot has shown systemd's own lines. */
  private systemdRunning(): boolean {
    const cycle = this.boot ? currentCycle(this.boot) : null;
    return cycle !== null && (cycle.signals.size > 0 || cycle.unitsSeen.size > 0 || cycle.failures.length > 0);
  }

  /** A device an init script waited for in vain (`Timed out waiting for device /dev/root, …`). */
  private pendingInitrdDevice: { device: string; ev: Evidence } | null = null;
  private initrdWait(text: string, at: LineRef): void {
    const m = /^(\/dev\/\S+?),?(?:\s|$)/.exec(text.trim());
    if (m) this.pendingInitrdDevice = { device: m[1]!, ev: { line: at.lineNo, text: clip(at.text), why: `the initrd waited for ${m[1]} in vain` } };
  }

  private inFirmware(): boolean {
    const boot = this.boot;
    if (boot === null || boot.hasKernel || boot.cycles.length > 0) return false;
    const phase = boot.phases.at(-1)?.name;
    return phase === 'firmware' || phase === 'bootloader';
  }

  private bootPhase(boot: BootState, name: PhaseName, line: number): void {
    const last = boot.phases.at(-1);
    if (last) last.endLine = Math.max(last.endLine, line - 1, last.startLine);
    boot.phases.push({ name, startLine: line, endLine: line, startUptime: null, endUptime: null });
    this.emit({ type: 'phase', boot: boot.index, cycle: null, line, phase: name });
  }

  private kernel(rec: Extract<ConsoleRecord, { kind: 'kernel' }>): void {
    this.recognised++;
    const at = rec.at;
    let boot = this.boot;
    // An untimed `Linux version …` after someone logged in is `cat /proc/version` or `dmesg`, not a boot.
    if (rec.event?.kind === 'banner' && rec.uptime === null && !rec.fromJournal && boot !== null && (boot.loginLine !== null || boot.cycles.some((c) => c.loginLine !== null))) {
      return this.touch();
    }
    if (rec.event?.kind === 'banner') {
      if (boot === null) boot = this.startBoot('kernel-banner', at.lineNo);
      else if (boot.kernelVersion !== null || boot.cycles.length > 0 || (boot.lastUptime !== null && boot.lastUptime > 5) || boot.end !== 'log-end') {
        boot = this.startBoot('kernel-banner', at.lineNo);
      }
      boot.kernelVersion = rec.event.detail;
      boot.bannerLine ??= at.lineNo;
    } else if (boot !== null && boot.lastUptime !== null && rec.uptime !== null && rec.uptime < 1.5 && boot.lastUptime - rec.uptime > 5) {
      // Timestamps back near zero: a new kernel (its banner may be missing). Backwards to a later
      // time is another writer's line or a redraw, spliced in: not a boot.
      boot = this.startBoot(boot.end === 'log-end' ? 'timestamps-restarted' : 'timestamps-restarted', at.lineNo);
    } else if (boot === null) {
      boot = this.startBoot('log-start', at.lineNo);
    }
    if (!boot.hasKernel) {
      boot.hasKernel = true;
      const last = boot.phases.at(-1);
      if (boot.cycles.length === 0 && (last === undefined || last.name === 'firmware' || last.name === 'bootloader')) this.bootPhase(boot, 'kernel', at.lineNo);
    }
    if (rec.uptime !== null) {
      boot.firstUptime ??= rec.uptime;
      boot.lastUptime = rec.uptime;
    }

    if (rec.event) {
      switch (rec.event.kind) {
        case 'run-init':
          if (boot.cycles.length === 0 && rec.event.detail === '/init') this.bootPhase(boot, 'initrd', at.lineNo);
          break;
        case 'restart':
          this.endBoot(boot, 'reboot', at);
          break;
        case 'power-down':
          this.endBoot(boot, 'poweroff', at);
          break;
        case 'halt':
          this.endBoot(boot, 'halt', at);
          break;
        default:
          break;
      }
    }
    if (rec.message.startsWith('Unable to handle kernel ')) this.unableToHandle = { line: at.lineNo, what: rec.message.replace(/ at (?:virtual )?address.*$/, ''), text: clip(at.text) };
    if (rec.crash) this.crash(rec.crash, at, rec.uptime, false);
    else this.lookForCrashLocation(at, rec.crashLocation);

    if (rec.storageError) {
      const ev: Evidence = { line: at.lineNo, text: clip(at.text), why: 'kernel storage or filesystem error near the failure' };
      this.recentKernelErrors.push(ev);
      if (this.recentKernelErrors.length > 8) this.recentKernelErrors.shift();
      const cycle = currentCycle(boot);
      if (cycle) for (const f of cycle.failures.slice(-8)) if (at.lineNo - f.line <= NEAR_LINES && at.lineNo >= f.line) addEvidence(f.evidence, ev);
    }

    const proc = rec.process;
    if (proc !== null && proc.ident !== 'systemd') this.processError(proc.ident, rec.message, at);
    if (rec.process?.ident === 'mount') {
      const m = matchMountError(rec.message.slice(rec.message.indexOf(': ') + 2));
      if (m) this.mountError(m.path, m.reason, at);
    }
    if (rec.process?.ident === 'systemd-shutdown') {
      const cycle = currentCycle(boot);
      if (cycle) this.cyclePhase(cycle, 'shutdown', at.lineNo);
    }
    const source = rec.fromJournal ? 'journal' : 'kmsg';
    if (rec.manager) this.managerEvent(rec.manager.kind, rec.manager.groups, at, source);
    else if (rec.msg) this.unitMessage(rec.msg, at, source);
    else if (rec.userManager) this.userManagerLine(rec.userManager, at);
    if (rec.audit) this.audit(rec.audit, at);
    if (rec.login) this.loginSeen(at);
    // After the events: a line that starts a cycle or a phase is its first timestamp.
    if (rec.uptime !== null) this.stampUptime(this.boot ?? boot, rec.uptime);
    this.touch();
  }

  private endBoot(boot: BootState, end: BootState['end'], at: LineRef): void {
    boot.end = end;
    const cycle = currentCycle(boot);
    if (cycle && cycle.end === 'log-end') cycle.end = end === 'panic' ? 'panic' : end;
    if (cycle && end !== 'panic') this.cyclePhase(cycle, 'shutdown', at.lineNo);
  }

  // ---- cycles --------------------------------------------------------------------------------

  private newCycle(boot: BootState, line: number, transition: CycleState['transition']): CycleState {
    const prev = currentCycle(boot);
    if (prev) prev.endLine = Math.max(prev.endLine, line - 1);
    if (boot.cycles.length >= LIMITS.cyclesPerBoot) this.dropCycle(boot);
    const lastBootPhase = boot.phases.at(-1);
    if (lastBootPhase) lastBootPhase.endLine = Math.max(lastBootPhase.startLine, line - 1);
    const cycle: CycleState = {
      index: ++this.cycleCount,
      transition,
      startLine: line,
      endLine: line,
      startUptime: null,
      endUptime: null,
      os: null,
      systemdVersion: null,
      phases: [{ name: 'system', startLine: line, endLine: line, startUptime: null, endUptime: null }],
      signals: new Set(),
      pending: null,
      earlyActivity: false,
      failures: [],
      failureByKey: new Map(),
      jobs: new Map(),
      mode: null,
      loginLine: null,
      startupFinished: null,
      defaultTarget: null,
      defaultTargetAt: null,
      onFailure: null,
      end: 'log-end',
      unitsSeen: new Set(),
      unitsDropped: 0,
      reports: 0,
    };
    boot.cycles.push(cycle);
    this.emit({ type: 'cycle', boot: boot.index, cycle: cycle.index, line, start: transition ?? 'log-start' });
    return cycle;
  }

  private ensureCycle(line: number): CycleState {
    const boot = this.ensureBoot('log-start', line);
    return currentCycle(boot) ?? this.newCycle(boot, line, null);
  }

  private cyclePhase(cycle: CycleState, name: PhaseName, line: number): void {
    const last = cycle.phases.at(-1)!;
    if (last.name === name) return;
    last.endLine = Math.max(last.startLine, line - 1);
    cycle.phases.push({ name, startLine: line, endLine: line, startUptime: null, endUptime: null });
    this.emit({ type: 'phase', boot: this.boot!.index, cycle: cycle.index, line, phase: name });
  }

  /** The cycle runs in the initrd: its first phase is the initrd, not the system. */
  private markInitrd(cycle: CycleState): void {
    const first = cycle.phases[0]!;
    if (cycle.phases.length !== 1 || first.name !== 'system') return;
    first.name = 'initrd';
    const boot = this.boot!;
    const bootInitrd = boot.phases.at(-1);
    // initramfs-tools' phase is the boot's; a systemd initrd is the cycle's own.
    if (bootInitrd?.name === 'initrd' && boot.cycles.length === 1) {
      boot.phases.pop();
      first.startLine = Math.min(first.startLine, bootInitrd.startLine);
      first.startUptime = bootInitrd.startUptime;
    }
  }

  private managerSignal(type: 'manager' | 'welcome', at: LineRef, os: string | null, version: string | null): void {
    // Another init system's boot: its `Welcome to Alpine!` is a motd, not systemd's banner.
    if (type === 'welcome' && this.boot !== null && this.boot.init !== null && currentCycle(this.boot) === null) return this.touch();
    const boot = this.ensureBoot('log-start', at.lineNo);
    let cycle = currentCycle(boot);
    if (cycle === null) {
      cycle = this.newCycle(boot, at.lineNo, null);
      cycle.signals.add(type);
    } else if (cycle.pending === 'switch-root') {
      cycle.pending = null;
      this.cyclePhase(cycle, 'system', at.lineNo);
      cycle.signals = new Set([type]);
    } else if (cycle.pending === 'reexec') {
      cycle.pending = null;
      if (type === 'welcome') cycle.signals.add(type);
    } else if (cycle.pending === 'soft-reboot') {
      cycle.pending = null;
      if (cycle.end === 'log-end') cycle.end = 'soft-reboot';
      cycle = this.newCycle(boot, at.lineNo, 'soft-reboot');
      cycle.signals.add(type);
    } else if (cycle.signals.has(type)) {
      // PID 1 re-logs its version on daemon-reexec, so only a second `Welcome to` proves a new start.
      if (type === 'welcome') {
        cycle = this.newCycle(boot, at.lineNo, 'userspace-restart');
        cycle.signals.add(type);
      }
    } else {
      cycle.signals.add(type);
    }
    cycle.earlyActivity = true;
    if (os !== null) {
      cycle.os = os;
      if (/initramfs|initrd/i.test(os)) this.markInitrd(cycle);
    }
    if (version !== null) cycle.systemdVersion = version;
    this.touch();
  }

  private managerEvent(kind: string, groups: readonly string[], at: LineRef, source: 'kmsg' | 'journal' | 'console' = 'kmsg'): void {
    switch (kind) {
      case 'restart-scheduled': {
        // The unit failed and is being restarted (Restart=): its failure alone broke nothing yet.
        const cycle = this.boot ? currentCycle(this.boot) : null;
        const f = cycle?.failureByKey.get(`failed\u0000${groups[0] ?? ''}`);
        if (cycle && f && f.verb === 'unit-failed') {
          cycle.failures.splice(cycle.failures.indexOf(f), 1);
          cycle.failureByKey.delete(`failed\u0000${groups[0] ?? ''}`);
          cycle.failureByKey.delete(groups[0] ?? '');
          this.retainedFailures--;
        }
        return;
      }
      case 'on-failure': {
        const unit = groups[0] ?? '';
        const failed = this.findFailure(unit);
        if (failed) {
          addEvidence(failed.evidence, { line: at.lineNo, text: clip(at.text), why: `${unit} failed and starts its OnFailure= units` });
          this.ensureCycle(at.lineNo).onFailure = unit;
        }
        if (EMERGENCY_ON_FAILURE.has(unit)) {
          const cycle = this.ensureCycle(at.lineNo);
          this.enterMode(cycle, 'emergency', at, null, `${unit} failed and pulls in emergency.target (OnFailure=)`);
        }
        return;
      }
      case 'manager-start':
        return this.managerSignal('manager', at, null, groups[0] ?? null);
      case 'initrd':
        return this.markInitrd(this.ensureCycle(at.lineNo));
      case 'switch-root':
        this.ensureCycle(at.lineNo).pending = 'switch-root';
        return;
      case 'soft-reboot':
        return this.softReboot(at);
      case 'reexec':
        this.ensureCycle(at.lineNo).pending = 'reexec';
        return;
      case 'shutdown':
        return this.cyclePhase(this.ensureCycle(at.lineNo), 'shutdown', at.lineNo);
      case 'default-target': {
        const cycle = this.ensureCycle(at.lineNo);
        cycle.defaultTarget = groups[0] ?? null;
        cycle.defaultTargetAt = { line: at.lineNo, text: clip(at.text) };
        return;
      }
      case 'startup-finished':
        this.ensureCycle(at.lineNo).startupFinished = groups[0] ?? null;
        return;
      case 'job-result': {
        const [prefix = '', jobUnit = '', , result = ''] = groups;
        const unit = prefix || jobUnit;
        this.resolver.learnName(unit);
        const f = this.findFailure(unit);
        if (f) {
          this.nameIt(f, unit, at);
          addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `PID 1: job failed with result '${result}'` });
        } else {
          const cls = JOB_RESULT_KIND[result];
          if (cls) this.namedResult(unit, cls, at);
        }
        return;
      }
      case 'unit-result': {
        const [unit = '', result = ''] = groups;
        // A line read without PID 1's prefix may be the cut tail of a wrapped one: its unit must be one
        // the log named elsewhere before it stands as a failure of its own.
        const trusted = source !== 'console' || this.resolver.knows(unit);
        this.resolver.learnName(unit);
        let f = this.findFailure(unit) ?? this.namedResult(unit, 'failed', at);
        const cycle = this.boot ? currentCycle(this.boot) : null;
        const stopping = cycle !== null && (cycle.phases.at(-1)?.name === 'shutdown' || cycle.pending !== null);
        if (f === null && isUnitName(unit) && !stopping && trusted) {
          // A unit that started and then failed has no status line of its own: this line is its failure.
          const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
          f = this.recordFailure(this.ensureCycle(at.lineNo), ref, 'failed', 'unit-failed', at, source);
          if (f) this.attachEarlier(f, unit, null);
        }
        if (f) {
          f.result ??= result;
          addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `PID 1: unit failed with result '${result}'` });
        }
        return;
      }
      case 'process-exited':
      case 'operation-timeout': {
        const unit = groups[0] || groups[1] || '';
        this.resolver.learnName(unit);
        const success = kind === 'process-exited' && /^code=exited,? status=0(?:\/|$)/.test(groups[1] ?? '');
        const f = this.findFailure(unit) ?? (success ? null : this.namedResult(unit, 'failed', at));
        if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: 'PID 1 on the unit’s process' });
        return;
      }
      default:
        return;
    }
  }

  private softReboot(at: LineRef): void {
    const cycle = this.ensureCycle(at.lineNo);
    cycle.pending = 'soft-reboot';
    cycle.end = 'soft-reboot';
    this.cyclePhase(cycle, 'shutdown', at.lineNo);
  }

  // ---- unit messages -------------------------------------------------------------------------

  private unitMessage(msg: StatusMessage, at: LineRef, source: 'console' | 'kmsg' | 'journal'): void {
    let ref = parseUnitText(msg.unitText);
    if (ref.name !== null) this.resolver.learn(ref);
    else ref = this.resolver.resolve(ref);
    if (ref.name === null && /^\/\S*$/.test(ref.text)) {
      // Mounts, swaps and devices without a Description= are shown by their path, from which systemd
      // derives the unit name (`systemd-escape --path`).
      // A [DEPEND] on a path: a swap when it is a device (a swap's description is its What=), else a mount.
      const dependencyPath = msg.verb === 'dependency-failed' ? (ref.text.startsWith('/dev/') ? swapUnitForPath(ref.text) : mountUnitForPath(ref.text)) : null;
      const name = dependencyPath !== null
        ? dependencyPath
        : MOUNT_VERBS.has(msg.verb)
        ? mountUnitForPath(ref.text)
        : SWAP_VERBS.has(msg.verb)
          ? swapUnitForPath(ref.text)
          : DEVICE_VERBS.has(msg.verb) && ref.text.startsWith('/dev/')
            ? mountUnitForPath(ref.text).replace(/\.mount$/, '.device')
            : null;
      if (name !== null) ref = { ...ref, name, description: ref.text, partial: false, resolvedBy: 'log' };
    }
    const cycle = this.ensureCycle(at.lineNo);
    const name = ref.name;
    const key = name ?? ref.text;
    if (!cycle.unitsSeen.has(key)) {
      if (cycle.unitsSeen.size < LIMITS.unitsPerCycle) cycle.unitsSeen.add(key);
      else cycle.unitsDropped++;
    }

    if (msg.verb === 'see-status') {
      // `See 'systemctl status X'` names the unit of the failure just printed, in full.
      const last = cycle.failures.reduce<FailureState | undefined>((a, f) => (a === undefined || f.lastSeq > a.lastSeq ? f : a), undefined);
      const adjacent = last !== undefined && last.kind !== 'dependency' && at.lineNo - last.lastLine <= 2;
      if (last && last.ref.name === null && name !== null && (fitsEllipsized(last.ref.text, name) || (adjacent && !last.ref.text.includes('…')))) {
        last.ref = { ...last.ref, name, partial: false, resolvedBy: 'log' };
        cycle.failureByKey.set(name, last);
        cycle.failureByKey.set(`${last.kind}\u0000${name}`, last);
        if (!last.ref.text.includes('…')) this.resolver.learn({ name, description: last.ref.text, text: last.ref.text, partial: false, resolvedBy: null });
      }
      const f = name ? cycle.failureByKey.get(name) : undefined;
      if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: 'systemd points at the unit’s status' });
      return;
    }

    if (STARTING_VERBS.has(msg.verb) && name !== null && (EARLY_UNITS.has(name) || (msg.verb === 'mount-begin' && name.endsWith('.mount')))) {
      if (cycle.phases.at(-1)?.name !== 'shutdown') cycle.earlyActivity = true;
    }
    if (name !== null && INITRD_UNIT.test(name) && STARTING_VERBS.has(msg.verb)) {
      if (cycle.pending === null && cycle.phases.length === 1) this.markInitrd(cycle);
      if (name === 'initrd-switch-root.target' || name === 'initrd-switch-root.service') {
        if (msg.verb === 'reached-target' || msg.verb === 'start-begin') cycle.pending = 'switch-root';
      }
    }
    if (msg.verb === 'reached-target' && name !== null) {
      if (name === 'soft-reboot.target') return this.softReboot(at);
      const end = SHUTDOWN_TARGETS.get(name);
      if (end !== undefined) {
        if (end !== 'log-end') cycle.end = end;
        this.cyclePhase(cycle, 'shutdown', at.lineNo);
      }
      if (name === 'emergency.target') this.enterMode(cycle, 'emergency', at, null);
      if (name === 'rescue.target') this.enterMode(cycle, 'rescue', at, null);
    }
    if (msg.verb === 'reached-target' && name === null && ref.description === 'Reboot System Userspace') return this.softReboot(at);
    if ((msg.verb === 'started' || msg.verb === 'start-begin') && name === 'emergency.service') this.enterMode(cycle, 'emergency', at, null);
    if ((msg.verb === 'started' || msg.verb === 'start-begin') && name === 'rescue.service') this.enterMode(cycle, 'rescue', at, null);
    if ((msg.verb === 'started' || msg.verb === 'start-begin') && name === 'dracut-emergency.service') this.enterMode(cycle, 'dracut-shell', at, null);
    if (msg.verb === 'stopped-target' && (name === 'multi-user.target' || name === 'graphical.target') && cycle.mode === null) {
      this.cyclePhase(cycle, 'shutdown', at.lineNo);
    }

    const job = cycle.jobs.get(key);
    if (job && job.outcome === null && msg.verb !== 'start-begin' && msg.verb !== 'stop-begin' && msg.verb !== 'mount-begin') job.outcome = msg.verb;

    const kind = VERB_FAILURE[msg.verb];
    if (kind !== undefined) this.recordFailure(cycle, ref, kind, msg.verb, at, source);
  }

  private recordFailure(
    cycle: CycleState,
    ref: UnitRef,
    kind: FailureKind,
    verb: Verb | 'systemctl-failed' | 'unit-failed',
    at: LineRef,
    source: FailureState['source'],
    manager: string | null = null,
  ): FailureState | null {
    const key = `${kind}\u0000${manager === null ? '' : 'user\u0000'}${ref.name ?? ref.text}`;
    const ev: Evidence = { line: at.lineNo, text: clip(at.text), why: whyLine(kind, source) };
    let f = cycle.failureByKey.get(key);
    cycle.reports++;
    if (f) {
      if (f.verb === 'unit-failed' && verb !== 'unit-failed') {
        f.verb = verb;
        f.message = clip(at.text);
      }
      f.lastSeq = cycle.reports;
      f.lastLine = at.lineNo;
      f.counts.set(source, (f.counts.get(source) ?? 0) + 1);
      addEvidence(f.evidence, ev);
      if (at.more) for (const m of at.more) addEvidence(f.evidence, { line: m, text: clip(at.text), why: 'continuation of the line above' });
      return f;
    }
    if (cycle.failures.length >= LIMITS.failuresPerCycle) return null;
    f = {
      ref,
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
    for (const e of this.recentKernelErrors) if (at.lineNo - e.line <= NEAR_LINES) addEvidence(f.evidence, e);
    cycle.failures.push(f);
    cycle.failureByKey.set(key, f);
    this.retainedFailures++;
    if (ref.name === null && manager === null) this.bindFromEarlier(cycle, f, at);
    else if (ref.name !== null) this.attachEarlier(f, ref.name, manager);
    if (kind !== 'dependency') this.processEvidence(f, at);
    this.keepWithinBudget();
    if (ref.name) cycle.failureByKey.set(ref.name, f);
    if (this.listening) this.emit({ type: 'failure', boot: this.boot!.index, cycle: cycle.index, line: at.lineNo, kind, unit: ref.name ?? ref.text, message: clip(at.text) });
    return f;
  }

  /** A failure that PID 1's line names fits an ellipsized text: the name is now certain. */
  private nameIt(f: FailureState, name: string, at: LineRef): void {
    if (f.ref.name !== null || !isUnitName(name)) return;
    f.ref = { ...f.ref, name, partial: false, resolvedBy: 'log' };
    addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `names the unit: ${name}` });
  }

  /** The latest failure of a unit, searching back through the cycles (status output may come much later). */
  private findFailure(unit: string): FailureState | null {
    for (let b = this.boots.length - 1; b >= 0; b--) {
      const cycles = this.boots[b]!.cycles;
      for (let c = cycles.length - 1; c >= 0; c--) {
        const cyc = cycles[c]!;
        const direct = cyc.failureByKey.get(unit);
        if (direct) return direct;
        for (let i = cyc.failures.length - 1; i >= 0; i--) {
          const f = cyc.failures[i]!;
          if (f.ref.name === unit || (f.ref.name === null && fitsEllipsized(f.ref.text, unit))) return f;
        }
      }
    }
    return null;
  }

  private systemctlFailure(unit: string, result: string | null, at: LineRef, why: string): void {
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
    if (result !== null) f.result ??= result;
  }

  private statusField(field: string, value: string, at: LineRef): void {
    const unit = this.statusBlock?.unit ?? null;
    this.touch();
    if (unit === null) return;
    if (field === 'Active') {
      const m = /^failed \(Result: ([\w-]+)\)/.exec(value);
      if (m) this.systemctlFailure(unit, m[1]!, at, `systemctl status: failed with result '${m[1]}'`);
      return;
    }
    if (field === 'What' || field === 'Where') {
      const f = this.findFailure(unit);
      if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `systemctl status: the mount’s ${field === 'What' ? 'source' : 'mount point'}` });
    }
  }

  private journal(rec: Extract<ConsoleRecord, { kind: 'journal' }>): void {
    this.touch();
    const j = rec.journal;
    const unit = this.statusBlock?.unit ?? null;
    const mount = j.ident === 'mount' || j.message.startsWith('mount: ') ? matchMountError(j.message) : null;
    if (mount) return this.mountError(mount.path, mount.reason, rec.at);
    if (this.statusBlock === null) {
      // A saved journal (journalctl -b): PID 1's messages tell the boot as its kmsg lines would.
      this.recognised++;
      if (j.ident !== 'systemd' && j.ident !== 'kernel') this.processError(j.ident, j.message, rec.at);
      if (rec.userManager) return this.userManagerLine({ pid: rec.journal.pid ?? 0, message: rec.journal.message, msg: rec.msg, manager: rec.manager }, rec.at);
      if (rec.manager === null && rec.msg === null && j.ident === 'systemd') this.unitComplaint(j.message, rec.at);
      if (rec.audit) this.audit(rec.audit, rec.at);
      if (rec.login) this.loginSeen(rec.at);
      if (rec.manager) return this.managerEvent(rec.manager.kind, rec.manager.groups, rec.at, 'journal');
      if (rec.msg) return this.unitMessage(rec.msg, rec.at, 'journal');
      return;
    }
    if (rec.msg) {
      let ref = parseUnitText(rec.msg.unitText);
      if (ref.name) this.resolver.learn(ref);
      else ref = this.resolver.resolve(ref);
      const kind = VERB_FAILURE[rec.msg.verb];
      const target = ref.name ?? unit;
      if (kind !== undefined && target) {
        const f = this.findFailure(target);
        if (f) addEvidence(f.evidence, { line: rec.at.lineNo, text: clip(rec.at.text), why: 'journal: PID 1 reports the failure' });
      }
      return;
    }
    if (rec.manager) {
      const name = rec.manager.groups[0] ?? '';
      if (rec.manager.kind === 'unit-result' || rec.manager.kind === 'process-exited' || rec.manager.kind === 'job-result') {
        const f = this.findFailure(name);
        if (f) {
          if (rec.manager.kind === 'unit-result') f.result ??= rec.manager.groups[1] ?? null;
          addEvidence(f.evidence, { line: rec.at.lineNo, text: clip(rec.at.text), why: 'journal: PID 1 on the failed unit' });
        }
      }
      return;
    }
    if (unit !== null && /fail|error|not exist|denied|timed out|No such/i.test(j.message)) {
      const f = this.findFailure(unit);
      if (f) addEvidence(f.evidence, { line: rec.at.lineNo, text: clip(rec.at.text), why: `journal of ${unit}` });
    }
  }

  private mountError(path: string, reason: string, at: LineRef): void {
    if (reason === 'does not exist' && path.startsWith('/dev/') && this.statusBlock === null) {
      // dracut's last word before its shell: the root device it waited for is not there.
      const missing = { path, ev: { line: at.lineNo, text: clip(at.text), why: `dracut: ${path} does not exist` } };
      const cycle = this.boot ? currentCycle(this.boot) : null;
      if (cycle) cycle.missingDevice ??= missing;
      else if (this.boot) this.boot.missingDevice ??= missing;
    }
    if (this.statusBlock === null) {
      // On the console the mount's error comes before systemd reports the failure.
      this.recentMountErrors.push({ path, reason, line: at.lineNo, text: clip(at.text) });
      if (this.recentMountErrors.length > 8) this.recentMountErrors.shift();
    }
    const unit = this.statusBlock?.unit ?? mountUnitForPath(path);
    // A device path names its device unit too (dracut says the root device does not exist after the
    // device job timed out).
    const device = path.startsWith('/dev/') ? mountUnitForPath(path).replace(/\.mount$/, '.device') : null;
    const f = this.findFailure(unit) ?? this.findFailure(mountUnitForPath(path)) ?? (device !== null ? this.findFailure(device) : null);
    if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: f.ref.name === device ? `${path} ${reason}` : `why the mount failed: ${reason}` });
  }

  // ---- jobs, prompts, crashes ----------------------------------------------------------------

  private spinner(rec: Extract<ConsoleRecord, { kind: 'spinner' }>): void {
    const s = rec.spinner;
    let ref = parseUnitText(s.unitText);
    if (ref.name === null) ref = this.resolver.resolve(ref);
    else this.resolver.learn(ref);
    const cycle = this.ensureCycle(rec.at.lineNo);
    const key = ref.name ?? ref.text;
    let job = cycle.jobs.get(key);
    if (job === undefined) {
      if (cycle.jobs.size >= LIMITS.jobsPerCycle) return;
      job = { ref, op: s.op, firstLine: rec.at.lineNo, lastLine: rec.at.lineNo, elapsed: s.elapsed, limit: s.limit, elapsedText: s.elapsedText, limitText: s.limitText, frames: 0, outcome: null, lastText: '' };
      cycle.jobs.set(key, job);
      this.emit({ type: 'job', boot: this.boot!.index, cycle: cycle.index, line: rec.at.lineNo, unit: key, elapsed: s.elapsedText, limit: s.limitText });
    }
    job.frames++;
    job.lastLine = rec.at.lineNo;
    job.lastText = clip(rec.at.text);
    if (s.elapsed !== null && (job.elapsed === null || s.elapsed >= job.elapsed)) {
      job.elapsed = s.elapsed;
      job.elapsedText = s.elapsedText;
    }
    job.limit = s.limit;
    job.limitText = s.limitText;
    this.touch();
  }

  private prompt(p: PromptMatch, at: LineRef): void {
    if (p.kind === 'shell') {
      // A shell after a login, not one of emergency mode's.
      const cycle = this.boot ? currentCycle(this.boot) : null;
      if (cycle !== null && cycle.mode === null) cycle.loginLine ??= at.lineNo;
      return this.touch();
    }
    if (p.kind === 'login' && this.boot !== null && this.boot.init !== null && !this.systemdRunning() && currentCycle(this.boot) === null) {
      // A login prompt with no systemd seen: OpenRC, sysvinit, busybox; no userspace cycle to put it in.
      const boot = this.ensureBoot('log-start', at.lineNo);
      boot.loginLine ??= at.lineNo;
      this.emit({ type: 'login', boot: boot.index, cycle: null, line: at.lineNo });
      return this.touch();
    }
    if (p.kind === 'login') {
      const cycle = this.ensureCycle(at.lineNo);
      cycle.loginLine ??= at.lineNo;
      this.emit({ type: 'login', boot: this.boot!.index, cycle: cycle.index, line: at.lineNo });
      return this.touch();
    }
    if (p.kind === 'initramfs-shell') {
      const boot = this.ensureBoot('log-start', at.lineNo);
      const cycle = currentCycle(boot);
      const device = initramfsMissingDevice(at.text);
      if (cycle === null) {
        if (boot.mode === null) {
          boot.mode = { kind: 'initramfs-shell', line: at.lineNo, device, evidence: [] };
          this.emit({ type: 'emergency', boot: boot.index, cycle: null, line: at.lineNo, kind: 'initramfs-shell' });
        }
        boot.mode.device ??= device;
        addEvidence(boot.mode.evidence, { line: at.lineNo, text: clip(at.text), why: 'initramfs-tools gave up and dropped to its shell' });
        return this.touch();
      }
      this.enterMode(cycle, 'initramfs-shell', at, device);
      return this.touch();
    }
    if ((p.kind === 'emergency' || p.kind === 'rescue') && !p.announces && !this.systemdRunning()) {
      // sulogin asked for the root password with no systemd in sight: an init script's maintenance shell.
      const boot = this.ensureBoot('log-start', at.lineNo);
      if (currentCycle(boot) === null) {
        if (boot.mode === null) {
          boot.mode = { kind: p.kind, line: at.lineNo, device: null, evidence: [] };
          this.emit({ type: 'emergency', boot: boot.index, cycle: null, line: at.lineNo, kind: p.kind });
        }
        addEvidence(boot.mode.evidence, { line: at.lineNo, text: clip(at.text), why: 'the init system asked for the root password for maintenance (no systemd seen)' });
        return this.touch();
      }
    }
    if (p.kind === 'dracut-shell') {
      // dracut's messages in a systemd initrd are emergency.target's (emergency.service runs dracut's
      // hook); its own shell is dracut-emergency.service, or a dracut:/# prompt with nothing before.
      const cycle = this.ensureCycle(at.lineNo);
      const kind = cycle.mode?.kind ?? (p.announces && cycle.unitsSeen.size > 0 && !cycle.unitsSeen.has('dracut-emergency.service') ? 'emergency' : 'dracut-shell');
      this.enterMode(cycle, kind, at, null, modeWhy('dracut-shell'));
      return this.touch();
    }
    this.enterMode(this.ensureCycle(at.lineNo), p.kind, at, null);
    this.touch();
  }

  private enterMode(cycle: CycleState, kind: ModeKind, at: LineRef, device: string | null, why: string = modeWhy(kind)): void {
    if (cycle.mode === null) {
      cycle.mode = { kind, line: at.lineNo, device, evidence: [] };
      this.emit({ type: 'emergency', boot: this.boot!.index, cycle: cycle.index, line: at.lineNo, kind });
    } else if (cycle.mode.kind === 'emergency' && kind === 'rescue') {
      return;
    }
    cycle.mode.device ??= device;
    addEvidence(cycle.mode.evidence, { line: at.lineNo, text: clip(at.text), why });
  }

  // ---- name binding --------------------------------------------------------------------------

  /**
   * PID 1 named a unit with a result (`foo.service: Failed with result 'exit-code'`, `Job
   * foo.service/start failed with result 'dependency'`, an audit record): a description-only failure
   * of the same kind a few lines away is that unit. The earliest unbound one is taken, as systemd
   * prints a job's status line and its result line together, job after job. Returns the failure bound.
   */
  private namedResult(name: string, kind: FailureKind, at: LineRef, remember = true): FailureState | null {
    if (!isUnitName(name)) return null;
    const boot = this.boot;
    const cycle = boot ? currentCycle(boot) : null;
    if (cycle) {
      const f = bestBinding(
        cycle.failures.filter((x) => x.ref.name === null && x.manager === null && x.kind === kind && at.lineNo - x.line <= BIND_LINES && at.lineNo >= x.line && this.canBind(x, name)),
        (x) => nameFitsDescription(name, x.ref.text),
      );
      if (f) {
        this.bind(cycle, f, name, at);
        return f;
      }
    }
    if (!remember) return null;
    this.namedResults.push({ name, kind, line: at.lineNo, text: clip(at.text), used: false });
    if (this.namedResults.length > 32) this.namedResults.shift();
    return null;
  }

  /** PID 1's earlier lines on the unit (`Main process exited, …`) and its own process's errors join its failure. */
  private attachEarlier(f: FailureState, name: string, manager: string | null): void {
    for (const r of this.namedResults) {
      if (r.name === name && (r.manager ?? null) === manager && f.line - r.line <= BIND_LINES && r.line < f.line) {
        r.used = true;
        addEvidence(f.evidence, { line: r.line, text: r.text, why: 'PID 1 on the unit’s process' });
      }
    }
    f.evidence.sort((a, b) => a.line - b.line);
  }

  /** A new description-only failure: a unit PID 1 named just before may be it. */
  private bindFromEarlier(cycle: CycleState, f: FailureState, at: LineRef): void {
    const hit = bestBinding(
      this.namedResults.filter(
        (r) => !r.used && r.kind === f.kind && at.lineNo - r.line <= BIND_LINES && (cycle.failureByKey.get(`${f.kind}\u0000${r.name}`)?.verb ?? 'unit-failed') === 'unit-failed' && this.canBind(f, r.name),
      ),
      (r) => nameFitsDescription(r.name, f.ref.text),
    );
    if (hit === undefined) return;
    hit.used = true;
    this.bind(cycle, f, hit.name, { lineNo: hit.line, text: hit.text });
  }

  /** The unit's type fits the message, and what the log or the table says of its description does not contradict the text. */
  private canBind(f: FailureState, name: string): boolean {
    const type = unitType(name);
    const verb = f.verb;
    if (verb === 'mount-failed' || verb === 'mount-timeout' || verb === 'unmount-failed') {
      if (type !== 'mount') return false;
    } else if (verb === 'swap-failed') {
      if (type !== 'swap') return false;
    } else if (verb === 'device-timeout') {
      if (type !== 'device') return false;
    } else if (verb === 'listen-failed') {
      if (type !== 'socket') return false;
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

  private bind(cycle: CycleState, f: FailureState, name: string, by: LineRef): void {
    const text = f.ref.text;
    // PID 1's result line was recorded as the unit's failure already: the status line joins it.
    const earlier = cycle.failureByKey.get(`${f.kind}\u0000${name}`);
    if (earlier !== undefined && earlier !== f && earlier.verb === 'unit-failed') {
      const i = cycle.failures.indexOf(f);
      if (i >= 0) {
        cycle.failures.splice(i, 1);
        this.retainedFailures--;
      }
      cycle.failureByKey.set(`${f.kind}\u0000${text}`, earlier);
      earlier.verb = f.verb;
      earlier.line = Math.min(earlier.line, f.line);
      earlier.message = f.message;
      earlier.ref = { ...f.ref, name, partial: false, resolvedBy: 'log' };
      for (const e of f.evidence) addEvidence(earlier.evidence, e);
      return;
    }
    f.ref = { ...f.ref, name, partial: false, resolvedBy: 'log' };
    cycle.failureByKey.set(name, f);
    cycle.failureByKey.set(`${f.kind}\u0000${name}`, f);
    if (!text.includes('…') && !text.startsWith('/')) this.resolver.learn({ name, description: text, text, partial: false, resolvedBy: null });
    addEvidence(f.evidence, { line: by.lineNo, text: clip(by.text), why: `names the unit: ${name}` });
  }

  /** A manager's own complaint about a unit (`foo.service: Failed to spawn executor: …`): evidence for its failure. */
  private unitComplaint(message: string, at: LineRef): void {
    const colon = message.indexOf(': ');
    if (colon < 0) return;
    const unit = message.slice(0, colon);
    if (!isUnitName(unit)) return;
    this.processError(unit.slice(0, unit.lastIndexOf('.')), message.slice(colon + 2), at);
  }

  private processError(ident: string, message: string, at: LineRef): void {
    if (!PROCESS_ERROR.test(message)) return;
    this.processErrors.push({ ident, ev: { line: at.lineNo, text: clip(at.text), why: `${ident}, run by the unit, reports the error` } });
    if (this.processErrors.length > 8) this.processErrors.shift();
  }

  /** The failing unit's own process said why, just before (its name starts with the unit's, or the other way round). */
  private processEvidence(f: FailureState, at: LineRef): void {
    const name = f.ref.name;
    if (name === null || this.processErrors.length === 0) return;
    const stem = name.slice(0, name.lastIndexOf('.')).replace(/@.*$/, '').toLowerCase();
    for (const p of this.processErrors) {
      const ident = p.ident.toLowerCase();
      if (at.lineNo - p.ev.line > NEAR_LINES * 2 || p.ev.line > at.lineNo || ident.length < 3) continue;
      if (stem.startsWith(ident) || ident.startsWith(stem)) addEvidence(f.evidence, p.ev);
    }
  }

  // ---- user managers and audit records -------------------------------------------------------

  /** A user's service manager: its failures are user services, told apart from the system's. */
  private userManagerLine(u: UserManagerLine, at: LineRef): void {
    this.recognised++;
    this.ensureCycle(at.lineNo);
    this.touch();
    if (u.manager === null && u.msg === null && u.message !== undefined) this.unitComplaint(u.message, at);
    const manager = `user manager (PID ${u.pid})`;
    const why = `the user service manager (PID ${u.pid}), not PID 1: a user service`;
    if (u.manager?.kind === 'unit-result' && isUnitName(u.manager.groups[0] ?? '')) {
      const unit = u.manager.groups[0]!;
      const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
      const f = this.recordFailure(this.ensureCycle(at.lineNo), ref, 'failed', 'unit-failed', at, 'journal', manager);
      if (f) {
        f.result ??= u.manager.groups[1] ?? null;
        f.evidence[0] = { ...f.evidence[0]!, why };
        this.attachEarlier(f, unit, manager);
      }
      return;
    }
    if (u.manager?.kind === 'process-exited' && !/^code=exited,? status=0(?:\/|$)/.test(u.manager.groups[1] ?? '')) {
      this.namedResults.push({ name: u.manager.groups[0] ?? '', kind: 'failed', line: at.lineNo, text: clip(at.text), used: false, manager });
      if (this.namedResults.length > 32) this.namedResults.shift();
      return;
    }
    if (u.manager?.kind === 'restart-scheduled') {
      const cycle = this.boot ? currentCycle(this.boot) : null;
      const key = `failed\u0000user\u0000${u.manager.groups[0] ?? ''}`;
      const f = cycle?.failureByKey.get(key);
      if (cycle && f && f.verb === 'unit-failed' && f.manager === manager) {
        cycle.failures.splice(cycle.failures.indexOf(f), 1);
        cycle.failureByKey.delete(key);
        this.retainedFailures--;
      }
      return;
    }
    if (u.msg === null) return;
    const kind = VERB_FAILURE[u.msg.verb];
    if (kind === undefined || kind === 'unsupported') return;
    let ref = parseUnitText(u.msg.unitText);
    if (ref.name === null) ref = this.resolver.resolve(ref);
    const cycle = this.ensureCycle(at.lineNo);
    if (ref.name === null && kind === 'failed') {
      // The same manager's result line named the unit just before (`pipewire.service: Failed with result …`).
      const named = bestBinding(
        cycle.failures.filter((x) => x.manager === manager && x.verb === 'unit-failed' && at.lineNo - x.lastLine <= BIND_LINES && x.ref.name !== null),
        (x) => nameFitsDescription(x.ref.name!, ref.text),
      );
      if (named) {
        named.verb = u.msg.verb;
        named.message = clip(at.text);
        named.ref = { ...named.ref, description: ref.text, text: ref.text };
        cycle.failureByKey.set(`${kind}\u0000user\u0000${ref.text}`, named);
        addEvidence(named.evidence, { line: at.lineNo, text: clip(at.text), why });
        return;
      }
    }
    const f = this.recordFailure(cycle, ref, kind, u.msg.verb, at, 'journal', manager);
    if (f) f.evidence[0] = { ...f.evidence[0]!, why };
  }

  /** A journal line that shows someone logged in: the login prompt was there. */
  private loginSeen(at: LineRef): void {
    const cycle = this.ensureCycle(at.lineNo);
    if (cycle.loginLine === null) {
      cycle.loginLine = at.lineNo;
      this.emit({ type: 'login', boot: this.boot!.index, cycle: cycle.index, line: at.lineNo });
    }
  }

  private audit(a: AuditRecord, at: LineRef): void {
    if (a.type !== 'SERVICE_START') return;
    if (!a.success) {
      const f = this.findFailure(a.unit) ?? this.namedResult(a.unit, 'failed', at);
      if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: 'audit: PID 1 recorded the start as failed' });
      return;
    }
    if (a.unit === 'emergency.service' || a.unit === 'rescue.service') {
      this.enterMode(this.ensureCycle(at.lineNo), a.unit === 'emergency.service' ? 'emergency' : 'rescue', at, null, `audit: ${a.unit} started`);
    }
  }

  /** ARM opens an oops with `Unable to handle kernel NULL pointer dereference at virtual address …`. */
  private unableToHandle: { line: number; what: string; text: string } | null = null;

  private crash(c0: CrashMatch, at: LineRef, uptime: number | null, untimed: boolean): void {
    let c = c0;
    const uth = this.unableToHandle;
    const fromUth = c.kind === 'oops' && uth !== null && at.lineNo - uth.line <= 4 && at.lineNo > uth.line;
    if (fromUth) c = { ...c, title: uth.what };
    // Without a kernel timestamp only unambiguous kernel headers count (a script may print `WARNING:`).
    if (untimed && c.kind === 'warning' && !at.text.includes('CPU:')) return;
    const boot = this.ensureBoot('log-start', at.lineNo);
    this.recognised++;
    const cycle = currentCycle(boot);
    const state: CrashState = {
      kind: c.kind,
      title: c.title,
      line: at.lineNo,
      uptime,
      cycle: cycle?.index ?? null,
      evidence: fromUth ? [{ line: uth!.line, text: uth!.text, why: 'the kernel’s report header' }, { line: at.lineNo, text: clip(at.text), why: 'the oops' }] : [{ line: at.lineNo, text: clip(at.text), why: 'the kernel’s report header' }],
      lookahead: 60,
      located: / in \S+/.test(c.title) || c.kind === 'panic' || c.kind === 'oom',
    };
    // A panic explains itself poorly: the storage errors just before it say why (no root device, …).
    for (const e of this.recentKernelErrors) if (at.lineNo - e.line <= NEAR_LINES && e.line < at.lineNo) addEvidence(state.evidence, { ...e, why: 'kernel error just before the crash' });
    if (boot.crashes.length < LIMITS.crashesPerBoot) boot.crashes.push(state);
    this.openCrashes.push(state);
    if (this.openCrashes.length > 4) this.openCrashes.shift();
    if (c.kind === 'panic') this.endBoot(boot, 'panic', at);
    this.emit({ type: 'crash', boot: boot.index, line: at.lineNo, kind: c.kind, title: c.title });
  }

  private lookForCrashLocation(at: LineRef, location0: string | null): void {
    if (this.openCrashes.length === 0) return;
    for (const c of this.openCrashes) {
      c.lookahead--;
      // A hung task has no RIP: it hangs in the first function of its trace that is not the scheduler's.
      const location = c.kind === 'hung-task' && !c.located ? hungFrame(at.text) : location0;
      if (!c.located && location !== null) {
        c.located = true;
        c.title = `${c.title} in ${location}`;
        addEvidence(c.evidence, { line: at.lineNo, text: clip(at.text), why: 'where the kernel was executing' });
      }
    }
    while (this.openCrashes.length > 0 && this.openCrashes[0]!.lookahead <= 0) this.openCrashes.shift();
  }

  // ---- bookkeeping ---------------------------------------------------------------------------

  private dropOldestBoot(): void {
    const old = this.boots.shift();
    if (old === undefined) return;
    for (const c of old.cycles) this.retainedFailures -= c.failures.length;
    this.droppedBoots++;
  }

  private dropCycle(boot: BootState): void {
    const old = boot.cycles.shift();
    if (old === undefined) return;
    this.retainedFailures -= old.failures.length;
    this.droppedCycles++;
  }

  /** Memory stays bounded however many failures a log holds: the oldest boots, then cycles, give way. */
  private keepWithinBudget(): void {
    while (this.retainedFailures > LIMITS.failuresRetained) {
      if (this.boots.length > 1) this.dropOldestBoot();
      else if (this.boot !== null && this.boot.cycles.length > 1) this.dropCycle(this.boot);
      else break;
    }
  }

  private stampUptime(boot: BootState, uptime: number): void {
    const phase = boot.phases.at(-1);
    const cycle = currentCycle(boot);
    const stamp = (p: PhaseState | undefined): void => {
      if (!p) return;
      p.startUptime ??= uptime;
      p.endUptime = Math.max(p.endUptime ?? uptime, uptime);
    };
    if (cycle) {
      cycle.startUptime ??= uptime;
      cycle.endUptime = Math.max(cycle.endUptime ?? uptime, uptime);
      stamp(cycle.phases.at(-1));
    } else {
      stamp(phase);
    }
  }

  private touch(): void {
    const boot = this.boot;
    if (boot === null) return;
    const line = this.lastLine;
    boot.endLine = Math.max(boot.endLine, line);
    const cycle = currentCycle(boot);
    if (cycle) {
      cycle.endLine = Math.max(cycle.endLine, line);
      const p = cycle.phases.at(-1)!;
      p.endLine = Math.max(p.endLine, line);
    } else {
      const p = boot.phases.at(-1);
      if (p) p.endLine = Math.max(p.endLine, line);
    }
  }
}

/** The candidate whose description fits the name best; the earliest among equals (systemd prints a job's
 *  status line and its result line together, job after job). */
function bestBinding<T>(candidates: readonly T[], score: (c: T) => number): T | undefined {
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

/** Frames of a blocked task's trace that only say it waits. */
const WAITING_FRAME = /^(?:__schedule|schedule\w*|io_schedule\w*|preempt_schedule\w*|wait_for_\w+|__wait\w*|wait_rcu_gp|\w*wait_for_common\w*|__mutex_lock\w*|mutex_lock\w*|rwsem_down\w*|__?down\w*|\w*_slowpath|__switch_to\w*|do_wait\w*|__flush_work|flush_work|__lock_sock|lock_sock\w*|kthread\w*|ret_from_fork\w*)$/;

function hungFrame(line: string): string | null {
  const m = /\]\s+(?:\[<[0-9a-f]+>\]\s+)?([A-Za-z_][\w.]*)\+0x[0-9a-f]+\/0x[0-9a-f]+/.exec(line);
  if (m === null || WAITING_FRAME.test(m[1]!)) return null;
  return m[1]!;
}

export function currentCycle(boot: BootState): CycleState | null {
  return boot.cycles.at(-1) ?? null;
}

/** An ellipsized text (`cloud-init-m…rvice - Cloud-init: Single Process`) could stand for this unit name. */
export function fitsEllipsized(text: string, name: string): boolean {
  const cut = text.indexOf('…');
  if (cut < 0) return text === name || text.startsWith(name + ' - ');
  const prefix = text.slice(0, cut);
  const suffix = text.slice(cut + 1);
  const sep = prefix.indexOf(' - ');
  if (sep >= 0) return prefix.slice(0, sep) === name;
  if (!name.startsWith(prefix)) return false;
  const tail = suffix.indexOf(' - ');
  // With no separator after the cut, the cut took the end of the name and the separator with it.
  return tail < 0 || name.endsWith(suffix.slice(0, tail));
}

function addEvidence(list: Evidence[], ev: Evidence): void {
  if (list.length >= LIMITS.evidencePerFinding) return;
  if (list.some((e) => e.line === ev.line && e.text === ev.text)) return;
  list.push(ev);
}

function clip(text: string): string {
  const t = text.trim();
  return t.length > LIMITS.evidenceText ? t.slice(0, LIMITS.evidenceText - 1) + '…' : t;
}

function whyLine(kind: FailureKind, source: FailureState['source']): string {
  const who = source === 'kmsg' ? 'PID 1 (kernel log)' : source === 'journal' ? 'PID 1 (journal)' : source === 'systemctl' ? 'systemctl' : 'status line';
  switch (kind) {
    case 'dependency':
      return `${who}: a dependency failed`;
    case 'timeout':
      return `${who}: timed out`;
    case 'assert':
      return `${who}: assertion failed`;
    case 'unsupported':
      return `${who}: unsupported`;
    case 'once':
      return `${who}: can only be started once`;
    default:
      return `${who}: the unit failed`;
  }
}

function modeWhy(kind: ModeKind): string {
  switch (kind) {
    case 'emergency':
      return 'emergency mode';
    case 'rescue':
      return 'rescue mode';
    case 'dracut-shell':
      return 'dracut dropped to its emergency shell';
    case 'initramfs-shell':
      return 'initramfs-tools dropped to its shell';
  }
}

