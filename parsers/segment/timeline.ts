/**
 * The timeline: kernel boots → systemd userspace cycles (initrd and switch-root are one cycle; each
 * soft-reboot starts a new one; a daemon-reexec does not) → phases, and the modes a cycle enters.
 * The first room of the segmenter; the failure ledger, crashes and unit signals build on it.
 */
import type { LineRef } from '../grammar/classify.js';
import { own, UnitResolver } from '../grammar/units.js';
import type { AnalyzerEvent, Evidence } from '../report/schema.js';
import type { BootState, BootStartReason, CycleState, ModeKind, PhaseName, PhaseState } from './state.js';
import { addEvidence, clip, LIMITS, modeWhy } from './evidence.js';
export function currentCycle(boot: BootState): CycleState | null {
  return boot.cycles.at(-1) ?? null;
}

/** fitsEllipsized with the text taken apart once, for texts tried against many names. */
export function ellipsisFit(text: string): (name: string) => boolean {
  const cut = text.indexOf('…');
  if (cut < 0) return (name) => text === name || (text.length >= name.length + 3 && text.startsWith(name) && text.startsWith(' - ', name.length));
  const prefix = text.slice(0, cut);
  const suffix = text.slice(cut + 1);
  const sep = prefix.indexOf(' - ');
  if (sep >= 0) {
    const head = prefix.slice(0, sep);
    return (name) => head === name;
  }
  const tail = suffix.indexOf(' - ');
  // With no separator after the cut, the cut took the end of the name and the separator with it.
  const end = tail < 0 ? '' : suffix.slice(0, tail);
  return (name) => name.startsWith(prefix) && name.endsWith(end);
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

export interface Capped {
  /** Failures past LIMITS.failuresPerCycle. */
  failures: number;
  /** Hung jobs past LIMITS.jobsPerCycle or LIMITS.jobsRetained. */
  jobs: number;
  /** Kernel crashes past LIMITS.crashesPerBoot. */
  crashes: number;
  /** Unit names past LIMITS.unitsPerCycle or LIMITS.unitsRetained (only counted, not kept). */
  units: number;
  /** Phases past LIMITS.phases in a boot or a cycle. */
  phases: number;
  /** Searches for a unit's failure stopped before they were through. */
  lookups: number;
}

export abstract class Timeline {
  readonly resolver = new UnitResolver();
  readonly boots: BootState[] = [];
  droppedBoots = 0;
  droppedCycles = 0;
  /** What the limits that bound memory and work left out (LIMITS; searches for a unit's failure cut short). */
  readonly capped: Capped = { failures: 0, jobs: 0, crashes: 0, units: 0, phases: 0, lookups: 0 };
  protected retainedFailures = 0;
  protected retainedUnits = 0;
  protected retainedJobs = 0;
  /** Something recognisable as boot console output was seen. */
  recognised = 0;

  protected boot: BootState | null = null;
  protected cycleCount = 0;
  protected lastLine = 1;
  protected readonly emit: (event: AnalyzerEvent) => void;
  /** Events are built only when someone listens. */
  protected readonly listening: boolean;

  constructor(onEvent?: (event: AnalyzerEvent) => void) {
    this.emit = onEvent ?? (() => {});
    this.listening = onEvent !== undefined;
  }

  // ---- boots ---------------------------------------------------------------------------------

  protected ensureBoot(reason: BootStartReason, line: number): BootState {
    if (this.boot) return this.boot;
    return this.startBoot(reason, line);
  }

  /** `Detected virtualization docker.` seen before any boot began: the boot to come is a container's. */
  protected containerPending = false;

  /** A boot is over (another begins, or the log ends): what only its whole tells is settled here. */
  protected closeBoot(_boot: BootState): void {}

  /** The root device an initramfs said it mounts, before any boot was seen (see BootState.rootMountDevice). */
  protected rootMountPending: string | undefined = undefined;

  protected startBoot(reason: BootStartReason, line: number): BootState {
    const prev = this.boot;
    if (prev) this.closeBoot(prev);
    if (prev) {
      const cycle = currentCycle(prev);
      if (cycle && cycle.end === 'log-end' && prev.end !== 'log-end') cycle.end = prev.end === 'panic' ? 'panic' : prev.end;
    }
    // Every field present from the start, the optional ones undefined: all boots share one hidden class, and the
    // segmenter's reads of them stay monomorphic (a field added later, in an order each log decides, made 27
    // shapes across the corpus and cost a tenth of the analyzer's speed; test/architecture.test.ts holds to it).
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
      handedOver: false,
      handoverAt: null,
      contentEnd: line,
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
      // Every field a boot may get later, present from the start: one shape for every boot, so V8's
      // property accesses in the per-line code stay monomorphic (a field added later makes a new shape).
      missingDevice: undefined,
      rootFsck: undefined,
      syslogdStarted: undefined,
      watchdogReset: undefined,
      consoleKernel: undefined,
      container: undefined,
      journalFirst: undefined,
      syslogKernel: undefined,
      journalPastKernel: undefined,
      userFaults: undefined,
      initrdFailure: undefined,
      initramfsSteps: undefined,
      kernelFailures: undefined,
      rootWait: undefined,
      kernelLastText: undefined,
      repeating: undefined,
      initRunUptime: undefined,
      initRunText: undefined,
      spokeAfterInit: undefined,
      stoppedAt: undefined,
      deferredProbe: undefined,
      initError: undefined,
      initErrorsAfter: undefined,
      bootloaderFault: undefined,
      kernelLastLine: undefined,
      dracutWaiting: undefined,
      initqueueTimeout: undefined,
      rootArg: undefined,
      firstWall: undefined,
      earlyKernel: undefined,
      commandLine: undefined,
      rootMountDevice: undefined,
      firstStorageError: undefined,
      initRunLine: undefined,
      mountErrors: undefined,
      loggedIn: undefined,
      journalMountError: undefined,
      nixosStage2: undefined,
      overseerFailed: undefined,
      secureFirmwarePanic: undefined,
      traceback: undefined,
      nspawnErrors: undefined,
      lsbStep: undefined,
      rootMountError: undefined,
      rootMountSaid: undefined,
      preinit: undefined,
      netDeviceFailed: undefined,
      storageDriverFailure: undefined,
      probeFailed: undefined,
      rootMountedLine: undefined,
      initramfsUnpackFailed: undefined,
      moduleRefused: undefined,
    };
    if (this.containerPending && prev === null) boot.container = true;
    this.containerPending = false;
    // (An initramfs's words about mounting its root, printed before the log showed its boot begin.)
    if (prev === null && this.rootMountPending !== undefined) boot.rootMountDevice = this.rootMountPending;
    this.rootMountPending = undefined;
    if (this.boots.length >= LIMITS.boots) this.dropOldestBoot();
    this.boots.push(boot);
    this.boot = boot;
    this.emit({ type: 'boot', boot: boot.index, line, reason });
    return boot;
  }

  /** A boot that already shows a kernel or userspace gives way to a new one. */
  protected bootHasRun(boot: BootState): boolean {
    return boot.hasKernel || boot.cycles.length > 0 || boot.end !== 'log-end';
  }

  protected marker(kind: 'firmware' | 'bootloader', banner: string | null, at: LineRef, handover = false, inside = false): void {
    this.recognised++;
    let boot = this.boot;
    // A later stage's own log as the log's first line (the Raspberry Pi's GPU firmware, `MESS:00:00:04.31:0: …`):
    // the power-on was before the log began.
    if (inside && boot === null) {
      boot = this.startBoot('log-start', at.lineNo);
      this.insideOpened = boot;
    }
    // (Unless the firmware's banner comes just after: the log began at the power-on, with the line it prints first.)
    else if (banner !== null && boot !== null && boot === this.insideOpened && boot.startReason === 'log-start' && !this.bootHasRun(boot) && at.lineNo - boot.startLine <= 3) boot.startReason = kind;
    // A bootloader that stamps its lines as the kernel does (`[   36.80] relocating kernel …`) hands over:
    // the timestamps before were its own, and the kernel that follows is this boot's.
    if (handover && boot !== null && boot.startReason === 'log-start' && boot.kernelVersion === null && boot.cycles.length === 0 && boot.crashes.length === 0 && boot.end === 'log-end') {
      boot.hasKernel = false;
      boot.startReason = 'bootloader';
      boot.firstUptime = null;
      boot.lastUptime = null;
      for (const ph of boot.phases) if (ph.name === 'kernel') ph.name = 'bootloader';
    }
    // A firmware stage's banner seen again in the same boot: the machine reset before a kernel ran.
    // Firmware runs before the bootloader: a firmware banner after the bootloader's lines is a reset,
    // unless the bootloader handed over (U-Boot starts OpenSBI on some RISC-V boards).
    const afterBootloader = kind === 'firmware' && banner !== null && boot !== null && !boot.handedOver && boot.phases.at(-1)?.name === 'bootloader';
    // TI K3 and similar chains run SPL twice in one power-on: on the boot core, then (after TF-A's BL31
    // took over) on the application cores, before U-Boot proper. That second SPL is not a reset.
    const chainedSpl = banner === 'u-boot-spl' && boot !== null && boot.banners.has('tf-a-bl31') && !boot.banners.has('u-boot') && !boot.hasKernel;
    // A bootloader that started another one (a vendor U-Boot's `go`: `## Starting application at
    // 0x83000000 ...`, then a newer U-Boot's banner): one power-on, two stages.
    const chainLoaded = boot !== null && !boot.hasKernel && this.chainLoadLine >= boot.startLine && at.lineNo - this.chainLoadLine <= 5;
    if (boot === null || this.bootHasRun(boot) || ((afterBootloader || (banner !== null && boot.banners.has(banner) && !chainedSpl)) && !chainLoaded)) boot = this.startBoot(kind, at.lineNo);
    if (banner !== null) boot.banners.add(banner);
    // (Trusted Firmware's errors, then the next stage's banner: the firmware went on past them.)
    if (banner !== null && boot.bootloaderError?.firmware === true && boot.bootloaderError.line < at.lineNo) boot.bootloaderError = null;
    if (handover) {
      boot.handedOver = true;
      boot.handoverAt = { line: at.lineNo, text: clip(at.text) };
    }
    const last = boot.phases.at(-1);
    if (last?.name !== kind && !(kind === 'firmware' && last?.name === 'bootloader')) this.bootPhase(boot, kind, at.lineNo);
    this.touch();
  }

  /** The boot a line from inside a firmware's run opened (see marker). */
  private insideOpened: BootState | null = null;

  /** The line of U-Boot's `## Starting application at …` (its `go` command), or -1. */
  protected chainLoadLine = -1;

  /** Systemd is running: a cycle of this boot has shown systemd's own lines. */
  protected systemdRunning(): boolean {
    const cycle = this.boot ? currentCycle(this.boot) : null;
    return cycle !== null && (cycle.signals.size > 0 || cycle.unitsSeen.size > 0 || cycle.failures.length > 0 || cycle.helperSpoke === true);
  }

  /** A device an init script waited for in vain (`Timed out waiting for device /dev/root, …`). */
  protected pendingInitrdDevice: { device: string; ev: Evidence } | null = null;
  protected initrdWait(text: string, at: LineRef): void {
    const m = /^(\/dev\/\S+?),?(?:\s|$)/.exec(text.trim());
    if (m) this.pendingInitrdDevice = { device: m[1]!, ev: { line: at.lineNo, text: clip(at.text), why: `the initrd waited for ${m[1]} in vain` } };
    // NixOS stage 1 gives up waiting and tries anyway (`Timed out waiting for device /dev/root, trying to
    // mount anyway.`): a root the kernel's stage never got, if nothing comes after it.
    if (m && text.includes('trying to mount anyway')) this.rootWaited(m[1]!, at, true);
  }

  /** An initrd waits for the root device (NixOS stage 1's `waiting for device /dev/x to appear...`). */
  protected rootWaited(device: string, at: LineRef, gaveUp = false): void {
    this.recognised++;
    const boot = this.ensureBoot('log-start', at.lineNo);
    if (boot.cycles.length > 0) return;
    boot.rootWait ??= { device: own(device), line: at.lineNo, text: clip(at.text) };
    // (Its word that it gave up on the device is the one that says what happened.)
    if (gaveUp && boot.rootWait.device === device) boot.rootWait.gaveUp ??= { line: at.lineNo, text: clip(at.text) };
  }

  protected inFirmware(): boolean {
    const boot = this.boot;
    if (boot === null || boot.hasKernel || boot.cycles.length > 0) return false;
    const phase = boot.phases.at(-1)?.name;
    return phase === 'firmware' || phase === 'bootloader';
  }

  protected bootPhase(boot: BootState, name: PhaseName, line: number): void {
    const last = boot.phases.at(-1);
    if (last) last.endLine = Math.max(last.endLine, line - 1, last.startLine);
    this.keepPhases(boot.phases);
    boot.phases.push({ name, startLine: line, endLine: line, startUptime: null, endUptime: null });
    this.emit({ type: 'phase', boot: boot.index, cycle: null, line, phase: name });
  }

  protected endBoot(boot: BootState, end: BootState['end'], at: LineRef): void {
    boot.end = end;
    if (end !== 'panic') boot.stoppedAt ??= { line: at.lineNo, text: clip(at.text), why: 'the machine stops' };
    const cycle = currentCycle(boot);
    if (cycle && cycle.end === 'log-end') cycle.end = end === 'panic' ? 'panic' : end;
    if (cycle && end !== 'panic') this.cyclePhase(cycle, 'shutdown', at.lineNo);
  }

  // ---- cycles --------------------------------------------------------------------------------

  protected newCycle(boot: BootState, line: number, transition: CycleState['transition']): CycleState {
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
      contentEnd: line,
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
      unbound: [],
      unboundStale: 0,
      named: new Map(),
      recent: [],
      jobs: new Map(),
      mode: null,
      loginLine: null,
      loginUptime: undefined,
      starts: undefined,
      startupFinished: null,
      defaultTarget: null,
      defaultTargetAt: null,
      onFailure: null,
      end: 'log-end',
      unitsSeen: new Set(),
      unitsDropped: 0,
      reports: 0,
      // (One shape for every cycle, as for boots.)
      missingDevice: undefined,
      restarting: undefined,
      fatal: undefined,
      shutdownFailed: undefined,
      helperSpoke: undefined,
      restarts: undefined,
      startCounts: undefined,
      lastBegun: undefined,
      hookGaveUp: undefined,
      hookErrors: undefined,
      lastProcessError: undefined,
      startsFromWithin: undefined,
      modulesLoadError: undefined,
      listedJobs: undefined,
      ignitionCritical: undefined,
      traceback: undefined,
      lastProcessLine: undefined,
      issueLine: undefined,
    };
    // dracut said the root device does not exist before systemd's first line: this cycle's initrd gave up on it.
    if (boot.cycles.length === 0 && boot.missingDevice) cycle.missingDevice = boot.missingDevice;
    boot.cycles.push(cycle);
    this.emit({ type: 'cycle', boot: boot.index, cycle: cycle.index, line, start: transition ?? 'log-start' });
    return cycle;
  }

  protected ensureCycle(line: number): CycleState {
    const boot = this.ensureBoot('log-start', line);
    return currentCycle(boot) ?? this.newCycle(boot, line, null);
  }

  protected cyclePhase(cycle: CycleState, name: PhaseName, line: number): void {
    const last = cycle.phases.at(-1)!;
    if (last.name === name) return;
    last.endLine = Math.max(last.startLine, line - 1);
    this.keepPhases(cycle.phases);
    cycle.phases.push({ name, startLine: line, endLine: line, startUptime: null, endUptime: null });
    this.emit({ type: 'phase', boot: this.boot!.index, cycle: cycle.index, line, phase: name });
  }

  /** The cycle runs in the initrd: its first phase is the initrd, not the system. */
  protected markInitrd(cycle: CycleState): void {
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

  protected managerSignal(type: 'manager' | 'welcome', at: LineRef, os: string | null, version: string | null): void {
    // Another init system's boot: its `Welcome to Alpine!` is a motd, not systemd's banner.
    // (So is one after a login prompt of a boot with no systemd cycle: LinuxKit's `Welcome to LinuxKit!` under
    // its automatic login.)
    if (type === 'welcome' && this.boot !== null && (this.boot.init !== null || this.boot.loginLine !== null) && currentCycle(this.boot) === null) return this.touch();
    // (So is one just after a getty's /etc/issue, `Kernel 6.6.36 on an riscv64 (ttyS0)`: the motd of the login that
    // followed, `Welcome to Alpine!`; PID 1's banner comes long before any getty.)
    if (type === 'welcome' && this.issueAt >= 0 && at.lineNo > this.issueAt && at.lineNo - this.issueAt <= 8) return this.touch();
    const boot = this.ensureBoot('log-start', at.lineNo);
    let cycle = currentCycle(boot);
    // `Welcome to VyOS!` after someone logged in, with no shutdown or restart on the way: a motd.
    if (type === 'welcome' && cycle !== null && cycle.loginLine !== null && cycle.pending === null && cycle.phases.at(-1)?.name !== 'shutdown') return this.touch();
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
    } else if (cycle.signals.has(type) && cycle.phases.at(-1)?.name === 'initrd' && cycle.mode === null) {
      // The initrd's systemd ends by switching root (its `Switching root.` is often only in the kernel
      // log, and a dmesg of older systemd may lack it too): the next `Welcome to`, or PID 1's next
      // `systemd 219 running in system mode`, is the real root's, in the same cycle.
      this.cyclePhase(cycle, 'system', at.lineNo);
      cycle.signals = new Set([type]);
    } else if (cycle.signals.has(type)) {
      // PID 1 re-logs its version on daemon-reexec (after its `Reexecuting.`), so only a second `Welcome to`
      // proves a new start; or its version again after its startup finished, with no `Reexecuting.` before it
      // (a container's or WSL distribution's system manager started anew, its journal kept).
      if (type === 'welcome' || (cycle.startupFinished !== null && cycle.mode === null && cycle.phases.at(-1)?.name === 'system')) {
        cycle = this.newCycle(boot, at.lineNo, 'userspace-restart');
        cycle.signals.add(type);
      }
    } else {
      cycle.signals.add(type);
    }
    cycle.earlyActivity = true;
    if (os !== null) {
      cycle.os = own(os);
      if (/initramfs|initrd/i.test(os)) this.markInitrd(cycle);
    }
    if (version !== null) cycle.systemdVersion = own(version);
    this.touch();
  }

  protected softReboot(at: LineRef): void {
    const cycle = this.ensureCycle(at.lineNo);
    cycle.pending = 'soft-reboot';
    cycle.end = 'soft-reboot';
    this.cyclePhase(cycle, 'shutdown', at.lineNo);
  }

  /** dracut's `Break before pre-mount` (rd.break=): the shell it starts next was asked for. */
  protected breakAskedBy: Evidence | null = null;
  /** The line of the last /etc/issue's `Kernel X on an Y (tty)` a getty printed (see managerSignal). */
  protected issueAt = -1;
  /** A command line that boots systemd into emergency or rescue mode (`systemd.unit=emergency.target` on the
   *  kernel's, or on a container's `docker run … /lib/systemd/systemd systemd.unit=emergency.service`), and the
   *  boot it was for. */
  protected unitAskedBy: { ev: Evidence; kind: ModeKind; boot: number } | null = null;

  protected enterMode(cycle: CycleState, kind: ModeKind, at: LineRef, device: string | null, why: string = modeWhy(kind)): void {
    if (cycle.mode === null) {
      cycle.mode = { kind, line: at.lineNo, device, evidence: [] };
      // (dracut stopping where `rd.break=` asked it to, just before: the shell was asked for.)
      const asked = this.breakAskedBy;
      if (asked !== null && at.lineNo >= asked.line && at.lineNo - asked.line <= BREAK_LINES) cycle.mode.requested = asked;
      this.breakAskedBy = null;
      const unit = this.unitAskedBy;
      if (cycle.mode.requested === undefined && unit !== null && unit.kind === kind && unit.boot === this.boot?.index && unit.ev.line <= at.lineNo) cycle.mode.requested = unit.ev;
      this.emit({ type: 'emergency', boot: this.boot!.index, cycle: cycle.index, line: at.lineNo, kind });
    } else if (cycle.mode.kind === 'emergency' && kind === 'rescue') {
      return;
    }
    cycle.mode.device ??= device;
    addEvidence(cycle.mode.evidence, { line: at.lineNo, text: clip(at.text), why });
  }

  // ---- bookkeeping ---------------------------------------------------------------------------

  /** A phase is about to be added: at the limit, the earliest after the first gives way. */
  private keepPhases(phases: PhaseState[]): void {
    if (phases.length < LIMITS.phases) return;
    phases.splice(1, 1);
    this.capped.phases++;
  }

  protected dropOldestBoot(): void {
    const old = this.boots.shift();
    if (old === undefined) return;
    for (const c of old.cycles) this.forgetCycle(c);
    this.droppedBoots++;
  }

  protected dropCycle(boot: BootState): void {
    const old = boot.cycles.shift();
    if (old === undefined) return;
    this.forgetCycle(old);
    this.droppedCycles++;
  }

  private forgetCycle(c: CycleState): void {
    this.retainedFailures -= c.failures.length;
    this.retainedUnits -= c.unitsSeen.size;
    this.retainedJobs -= c.jobs.size;
  }

  /** Memory stays bounded however many failures a log holds: the oldest boots, then cycles, give way. */
  protected keepWithinBudget(): void {
    while (this.retainedFailures > LIMITS.failuresRetained) {
      if (this.boots.length > 1) this.dropOldestBoot();
      else if (this.boot !== null && this.boot.cycles.length > 1) this.dropCycle(this.boot);
      else break;
    }
  }

  protected stampUptime(boot: BootState, uptime: number): void {
    // Runs on every timed line: no closure, no array copies.
    const cycles = boot.cycles;
    let p: PhaseState | undefined;
    if (cycles.length > 0) {
      const cycle = cycles[cycles.length - 1]!;
      cycle.startUptime ??= uptime;
      if (cycle.endUptime === null || cycle.endUptime < uptime) cycle.endUptime = uptime;
      p = cycle.phases[cycle.phases.length - 1];
    } else {
      p = boot.phases[boot.phases.length - 1];
    }
    if (p !== undefined) {
      p.startUptime ??= uptime;
      if (p.endUptime === null || p.endUptime < uptime) p.endUptime = uptime;
    }
  }

  /** The last line read that had text on it. */
  protected contentLine = 0;

  protected touch(): void {
    const boot = this.boot;
    if (boot === null) return;
    const line = this.lastLine;
    boot.endLine = Math.max(boot.endLine, line);
    if (this.contentLine > boot.contentEnd) boot.contentEnd = this.contentLine;
    const cycle = currentCycle(boot);
    if (cycle) {
      cycle.endLine = Math.max(cycle.endLine, line);
      if (this.contentLine > cycle.contentEnd) cycle.contentEnd = this.contentLine;
      // (When the login came, on the kernel's clock.)
      if (cycle.loginUptime === undefined && cycle.loginLine !== null) cycle.loginUptime = boot.lastUptime;
      const p = cycle.phases.at(-1)!;
      p.endLine = Math.max(p.endLine, line);
    } else {
      const p = boot.phases.at(-1);
      if (p) p.endLine = Math.max(p.endLine, line);
      const steps = boot.initramfsSteps;
      if (steps !== undefined && this.contentLine > steps.contentEnd) steps.contentEnd = this.contentLine;
    }
  }
}

/** How far below dracut's `Break before …` its emergency shell may begin (its service's own lines between). */
const BREAK_LINES = 30;
