/** Diagnosis: the segmenter's state → the report, with a root cause for every failed cycle. */
import { parseStartupFinished, phaseDurations } from './timing.js';
import { clip } from '../segment/evidence.js';
import { namesAlike, unitStem } from '../segment/ledger.js';
import type { PatternMatcher } from './patterns.js';
import type { UnitResolver } from '../grammar/units.js';
import { AUDIT_FAILED, BAD_UNIT_FILE, ORDERING_CLOSED_CYCLE } from '../segment/state.js';
import { MAX_KNOWN, deviceUnitForPath, isUnitName, mountUnitForPath, pathForMountUnit, typeHint } from '../grammar/units.js';
import { IRQ_NOBODY_CARED, NAMED_DAMAGE, nfsRootFailed } from '../grammar/kernel.js';
import type { LineSplitterCounters } from '../terminal/line-splitter.js';
import { hintsFor } from './hints.js';
import { SCHEMA_VERSION } from '../report/version.js';
import { askedBecause } from '../report/asked.js';
import {
  type Boot,
  type CascadeNodeT,
  type Cycle,
  type Degraded,
  type Emergency,
  type Evidence,
  type Failure,
  type Gap,
  type Job,
  type KernelCrash,
  type Report,
  type RootCause,
} from '../report/schema.js';
import type { BootState, CrashState, CycleState, FailureState, JobState, ModeState } from '../segment/state.js';
import type { Capped } from '../segment/timeline.js';
import { attribute, deviceOf, EMERGENCY_TRIGGERS, type CascadeEntry } from './cascade.js';
import { GENERIC_FRAME, PANIC_REASON_LOST } from '../segment/crashes.js';
import { SLOWEST_KEPT, StartTimes } from '../segment/start-times.js';

/** A userspace that starts this long after the kernel, with no kernel boot in the log, restarted. */
export const RESTART_UPTIME_S = 60;
export const VERSION = '0.1.0';

export interface ReportInput {
  name: string;
  boots: readonly BootState[];
  droppedBoots: number;
  droppedCycles: number;
  /** What the segmenter's limits left out. */
  capped: Capped;
  resolver: UnitResolver;
  counters: LineSplitterCounters;
  recognised: number;
  gaps: readonly Gap[];
  droppedGaps: number;
  /** The input has ended (not a live snapshot): what was still running at its end never finished. */
  ended?: boolean;
  /** The policy's own patterns, when it has any. */
  patterns?: PatternMatcher | null;
  input: Pick<Report['input'], 'recognisedAs' | 'lineSources' | 'envelopes' | 'compression'> & { splicesRepaired: number; splicesLost: number; damage: string | null };
}

export function buildReport(input: ReportInput): Report {
  const lastBoot = input.boots.at(-1);
  // (A boot that another followed with no end of its own, reset or power-cycled, was cut off where it stood.)
  const boots = input.boots.map((b) => buildBoot(b, input.resolver, input.ended === true && b === lastBoot, b !== lastBoot && b.end === 'log-end'));
  const failed = boots.some(
    (b) => b.rootCause !== null || b.cycles.some((c) => c.outcome !== 'ok' && c.outcome !== 'incomplete' && c.emergency?.requested !== true) || b.crashes.length > 0,
  );
  // Lines were read but no boot came of them (a fragment bootwhy cannot place): not an OK.
  // (A failure found is never EMPTY, however little else was recognised.)
  const verdict: Report['verdict'] = failed ? 'failed' : input.recognised === 0 || (boots.length === 0 && input.droppedBoots === 0) ? 'empty' : 'ok';
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'bootwhy', version: VERSION },
    input: {
      name: input.name,
      bytes: input.counters.bytes,
      lines: input.counters.lines,
      escapeSequences: input.counters.escapeSequences,
      gaps: [...input.gaps],
      recognisedAs: input.input.recognisedAs,
      lineSources: input.input.lineSources,
      envelopes: input.input.envelopes,
      compression: input.input.compression,
    },
    verdict,
    headline: headline(boots, verdict),
    rootCause: firstCause(boots),
    policy: null,
    matches: input.patterns?.result(boots) ?? [],
    hints: boots.flatMap(hintsFor),
    boots,
    droppedBoots: input.droppedBoots,
    droppedCycles: input.droppedCycles,
    degraded: degraded(input),
  };
}

/** The log ends inside initramfs-tools' `Begin: X ...` with no shell and no kernel after: it hung there. */
/** The lines a root cause's evidence stands on, each once, in order. */
function linesOf(evidence: readonly Evidence[]): number[] {
  return [...new Set(evidence.map((e) => e.line))].sort((a, b) => a - b);
}

/** A root cause as the rules build it; `described` words it as the log does before it is reported. */
type Cause = Omit<RootCause, 'description'> & { description?: string | null };

/** A cause the log states in words of its own, with no cascade under it: its lines are its evidence's. */
function statedCause(kind: Cause['kind'], unit: string, headline: string, evidence: Evidence[], description?: string): Cause {
  return { kind, unit, ...(description !== undefined ? { description } : {}), headline, lines: linesOf(evidence), evidence, cascade: null, dependents: 0, crash: null };
}

/** The cause in the log's words (see RootCause.description). */
function described(c: Cause | null, resolver: UnitResolver): RootCause | null {
  if (c === null) return null;
  if (c.description !== undefined) return { ...c, description: c.description };
  let description: string | null = null;
  if (c.kind === 'root-device') {
    // The initramfs's own words: its last, `ALERT!  /dev/sda2 does not exist.  Dropping to a shell!`, where
    // it printed them, else the first evidence (`Gave up waiting for root file system device.  Common problems:`).
    const said = (c.evidence.find((e) => /^\s*(?:\(initramfs\)\s*)?ALERT!\s/.test(e.text)) ?? c.evidence[0])?.text.trim() ?? '';
    // As printed (`ALERT!  /dev/sda does not exist.  Dropping to a shell!`, `ERROR: device 'UUID=…' not
    // found. Skipping fsck`), without the kernel's timestamp, dracut's prefix and level word (`dracut
    // Warning: /dev/centos/root does not exist`), initramfs-tools' hint after its sentence (`  Common
    // problems:`), or the final full stop or ellipsis.
    description = said === '' ? null : said.replace(/^\[\s*\d+\.\d+\]\s+/, '').replace(/^\(initramfs\)\s*/, '').replace(/^(?:dracut(?:-\w+)?(?:\[\d+\])?:? )?(?:Warning|WARNING):?\s+/, '').replace(/\s+Common problems:.*$/, '').trim().replace(/[.…]+$/, '') || null;
  } else if (c.kind === 'unit' && c.unit !== null) description = isUnitName(c.unit) ? resolver.describe(c.unit) : c.unit;
  // (A driver's message without the device it names first: `amdgpu 0000:0b:00.0: Direct firmware load for
  // … failed` says `Direct firmware load for … failed`.)
  else if (c.kind === 'kernel-error' && c.unit !== null) description = c.unit.replace(/^[\w-]+ [0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-9a-f](?: [\w-]+)?: /, '');
  else if (c.kind !== 'unexplained' && c.kind !== 'kernel-crash') description = c.unit;
  return { ...c, description };
}

function initramfsHang(b: BootState, endsTheLog: boolean): Cause | null {
  const steps = b.initramfsSteps;
  if (!endsTheLog || steps === undefined || steps.open.length === 0 || b.cycles.length > 0 || b.mode !== null || b.end !== 'log-end') return null;
  // (Nor when the system's own init ran after it and someone could log in: the initramfs was left, its `done.` unsaid.)
  if (b.loginLine !== null && b.init !== null && b.init !== 'busybox') return null;
  const step = steps.open.at(-1)!;
  // A log that ends on the step's own line was cut as the step began: nothing shows that it hung.
  if (steps.contentEnd <= step.line) return null;
  const evidence: Evidence[] = [{ line: step.line, text: step.text, why: `initramfs-tools began '${step.name}' and never said done` }];
  if (steps.error) evidence.push({ line: steps.error.line, text: steps.error.text, why: 'the last error printed inside that step' });
  return {
    // (Hung waiting for its root, `Begin: Waiting for root file system ...`: the root device never came.)
    kind: /^Waiting for root (?:file system|device)\b/.test(step.name) ? 'root-device' : 'unexplained',
    unit: steps.error ? steps.error.text.trim() : null,
    headline: `the initramfs hung in '${steps.open.map((s) => s.name).join(' › ')}' (the log ends there)${steps.error ? `; last error: ${steps.error.text.trim()}` : ''}`,
    lines: evidence.map((e) => e.line),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/** An LSB init script began a step (`[....] Waiting for /dev to be fully populated...`) and nothing of init's
 *  came after it to the log's end, though the log went on (the kernel's lines): the boot hung in that step. */
function lsbStepHang(b: BootState, endsTheLog: boolean): Cause | null {
  const step = b.lsbStep;
  if (!endsTheLog || step === undefined || step.closed || b.cycles.length > 0 || b.mode !== null || b.end !== 'log-end' || b.contentEnd <= step.line) return null;
  if (step.mountall !== undefined) {
    const evidence: Evidence[] = [{ line: step.line, text: step.text, why: 'mountall waits on a file system of /etc/fstab, and init said nothing more' }, ...step.mountall];
    return statedCause('unexplained', step.name, `the boot stopped in mountall: ${step.name} (nothing of init's after it to the log's end)`, evidence, step.name);
  }
  const evidence: Evidence[] = [{ line: step.line, text: step.text, why: `the init scripts began '${step.name}' and said nothing more` }];
  return statedCause('unexplained', step.name, `the boot hung in its init scripts' step '${step.name}' (nothing of init's after it to the log's end)`, evidence, step.name);
}

/** mount(8), as the process systemd runs for a .mount unit, failed in a journal excerpt that shows nothing of
 *  PID 1's: the unit its mount point names failed. */
function journalMountCause(b: BootState): Cause | null {
  const m = b.journalMountError;
  // (Where systemd's own lines show, PID 1 says the mount's result itself: a retry may have mounted it.)
  if (m === undefined || b.cycles.length > 0) return null;
  const unit = mountUnitForPath(m.path);
  return statedCause('unit', unit, `${unit} failed to mount ${m.path} (${m.reason.replace(/\.$/, '')})`, [m.ev, ...m.more], m.path);
}

/** NixOS's stage 2 failed: an activation snippet (the error before it is why), or errors with systemd never
 *  started after them (`/sbin/init: line 146: …/systemd: No such file or directory`): the first error. */
function nixosStage2Failed(b: BootState): Cause | null {
  const st = b.nixosStage2;
  if (st === undefined || (st.snippet === undefined && (st.errors.length === 0 || b.cycles.length > 0))) return null;
  const first = st.snippet !== undefined ? (st.errors.filter((e) => e.line < st.snippet!.line).at(-1) ?? st.snippet) : st.errors[0]!;
  const evidence = [...st.errors, ...(st.snippet !== undefined ? [st.snippet] : [])].sort((x, y) => x.line - y.line);
  const said = first.text.replace(/^.*?\bstage-2-init: /, '').trim();
  const headline = st.snippet !== undefined ? `NixOS's activation failed (${st.snippet.text.replace(/^.*?(?=Activation script snippet)/, '')}): ${said}` : `NixOS's stage 2 did not start systemd: ${said}`;
  return statedCause('unit', said, headline, evidence, said);
}

/** QEMU stopped the machine on an error, Anaconda its installation, or one of debian-installer's steps failed: what it said. */
function overseerFailed(b: BootState): Cause | null {
  const o = b.overseerFailed;
  if (o === undefined) return null;
  const said = o.message.replace(/\.+$/, '');
  // (No disk for Anaconda, after a storage controller's driver failed, or a device's probe: that is why.)
  const sd = b.storageDriverFailure ?? b.probeFailed;
  if (o.who === 'Anaconda' && o.message === 'No disks detected' && sd !== undefined && sd.line < o.ev.line) {
    const what = sd === b.storageDriverFailure ? "a storage controller's driver failed" : 'a device failed to probe';
    const evidence: Evidence[] = [{ line: sd.line, text: sd.text, why: what }, ...(sd === b.storageDriverFailure ? b.storageDriverFailure.more : []), o.ev];
    return { kind: 'kernel-error', unit: sd.message, description: sd.message, headline: `${what} (${sd.message}); Anaconda then found no disk to install on`, lines: linesOf(evidence), evidence, cascade: null, dependents: 0, crash: null };
  }
  return statedCause('unit', o.message, o.who === 'QEMU' ? `QEMU stopped the machine: ${said.replace(/^qemu-[\w-]+: /, '')}` : o.who === 'debian-installer' ? `debian-installer's step "${said}" failed` : `Anaconda stopped the installation: ${said}`, [o.ev], o.message);
}

/** systemd-nspawn could not set the container up (`Failed to write boot id: Permission denied`) and no init of
 *  the container's ran: its first such error. */
function nspawnFailed(b: BootState): Cause | null {
  const errors = b.nspawnErrors ?? [];
  if (errors.length === 0 || b.cycles.length > 0 || b.init !== null) return null;
  const main = errors.find((e) => e.text.startsWith('Failed to ')) ?? errors[0]!;
  const said = main.text.trim().replace(/\.$/, '');
  return statedCause('unit', said, `systemd-nspawn could not start the container: ${said}`, errors, said);
}

/** The initramfs's hand-over to the real root failed (`switch_root: cannot access /init`) after one of its
 *  mounts had failed, and the kernel panicked as its init exited: the mount is why there was nothing to
 *  hand over to (told with the panic, below), not the hand-over's own complaint. */
function handOverAfterMount(b: BootState): boolean {
  const f = b.initrdFailure;
  if (f === undefined || f.message === null || !/^(?:switch_root|run-init): /.test(f.message)) return false;
  if (!(b.mountErrors ?? []).some((m) => m.line < f.line && f.line - m.line <= 60)) return false;
  return b.crashes.some((c) => c.kind === 'panic' && c.line > f.line && /kill(?:ing)? init/i.test(c.title));
}

/** Init printed an error and, a few lines on, the machine stopped (`reboot: Power down`), with no userspace
 *  cycle, login or prompt between: init gave up on its error and shut the machine down (WSL's init that
 *  cannot reach its host, an initramfs script that reboots on failure). */
function initGaveUp(b: BootState): Cause | null {
  const e = b.initError;
  const stop = b.stoppedAt;
  if (e === undefined || stop === undefined || b.initRunLine === undefined || b.cycles.length > 0 || b.loginLine !== null || b.mode !== null) return null;
  // (Promptly: init's start, its error and the stop within a screenful, as init giving up looks; a test
  // suite run by init and then a power-off is longer.)
  if (stop.line < e.line || stop.line - e.line > 15 || e.line - b.initRunLine > 40) return null;
  const said = e.text.trim().replace(/^<[0-7]>\s*/, '');
  const how = b.end === 'reboot' ? 'restarted' : b.end === 'halt' ? 'halted' : 'powered off';
  return {
    kind: 'unexplained',
    unit: said,
    description: said,
    headline: `init failed (${said}) and the machine ${how} before any userspace came up`,
    lines: [e.line, stop.line],
    evidence: [e, stop],
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/** Another init than systemd ran (sysvinit, BusyBox), its scripts printed error after error (`mount: /proc: can't
 *  find in /etc/fstab.`, `… Read-only file system`), and the log ends before any login or shell: the first of
 *  them is where the boot went wrong. */
function initScriptsFailing(b: BootState, endsTheLog: boolean): Cause | null {
  const run = b.initRunLine;
  if (!endsTheLog || run === undefined || b.init === null || b.end !== 'log-end' || b.cycles.length > 0 || b.loginLine !== null || b.mode !== null || b.crashes.length > 0) return null;
  // (Its mounts that failed count too: `mount: /proc: can't find in /etc/fstab.`.)
  const mounts: Evidence[] = (b.mountErrors ?? []).filter((m) => m.line > run).map((m) => ({ line: m.line, text: m.text, why: 'a mount of its scripts failed' }));
  const evidence = [...mounts, ...(b.initError !== undefined ? [b.initError] : []), ...(b.initErrorsAfter ?? [])].sort((x, y) => x.line - y.line).slice(0, 4);
  if (evidence.length < 3) return null;
  const e = evidence[0]!;
  const said = e.text.trim().replace(/^<[0-7]>\s*/, '');
  return {
    kind: 'unexplained',
    unit: said,
    description: said,
    headline: `no systemd (${INIT_NAMES[b.init]}): its startup scripts failed (${said}), then more of them, and the log ends before any login`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/** The kernel could not mount a filesystem, found one damaged or could not load a driver, and nothing
 *  else explains the boot: a mount failure first, else the first of them. */
function kernelFailure(b: BootState): Cause | null {
  // (Not the root filesystem types the kernel tried before the one that mounted, a few lines on: `SQUASHFS
  // error: Can't find a SQUASHFS superblock on mtdblock3`, then `VFS: Mounted root (yaffs filesystem)`.)
  const probed = (f: NonNullable<BootState['kernelFailures']>[number]): boolean => f.kind === 'mount' && b.rootMountedLine !== undefined && b.rootMountedLine > f.line && b.rootMountedLine - f.line <= ROOT_PROBE_LINES;
  const found = (b.kernelFailures ?? []).filter((f) => !probed(f));
  // (An interrupt nobody claimed, that the kernel then turned off, breaks whatever was on it; when nothing
  // failed after it, nothing was: the report alone is no failure.)
  if (found.every((f) => IRQ_NOBODY_CARED.test(f.message))) return null;
  const mount = found.find((f) => f.kind === 'mount');
  // The filesystem's damage reported just before its mount failed on the same device (`BTRFS critical
  // (device sda2): corrupt leaf: …`, then `open_ctree failed`) is why the mount failed.
  const device = mount !== undefined ? FS_DEVICE.exec(mount.message)?.[1] : undefined;
  // (Or a device-mapper target's below the filesystem: dm-verity found the blocks it reads corrupt, `device-mapper:
  // verity: 179:9: metadata block 256001 is corrupted`, then `EXT4-fs (dm-0): unable to read superblock`. It names
  // the device under the mapping by its numbers, not by the mapping's name.)
  const damage = device !== undefined ? found.find((f) => f.kind === 'damage' && NAMED_DAMAGE.test(f.message) && f.line < mount!.line && mount!.line - f.line <= 20 && (FS_DEVICE.exec(f.message)?.[1] === device || (device.startsWith('dm-') && DM_TARGET_DAMAGE.test(f.message)))) : undefined;
  const main = damage ?? mount ?? found[0]!;
  const WHY = { mount: 'the kernel could not mount the filesystem', damage: 'the kernel found the filesystem damaged', driver: 'a driver could not load', hang: 'its driver says the device stopped responding', disk: 'the kernel took the failing disk out of service', network: 'the kernel could not configure its network', settle: 'udev had not finished with the devices when its time ran out', io: 'the disk could not read what was asked of it', suspend: 'the kernel gave up suspending the machine', resume: 'the kernel could not resume the machine from hibernation' };
  const evidence: Evidence[] = found.flatMap((f) => [{ line: f.line, text: f.text, why: WHY[f.kind] }, ...f.more]);
  const what = { mount: 'the kernel could not mount a filesystem', damage: 'the kernel found a filesystem damaged', driver: 'a kernel driver could not load', hang: 'a device stopped responding', disk: 'a disk failed', network: 'the kernel could not configure its network (ip=)', settle: 'udevadm settle timed out', io: 'a disk failed to read', suspend: 'the machine could not suspend', resume: 'the machine could not resume from hibernation' }[main.kind];
  // (A DRM driver's line is named without its location tag, `[drm:i915_hangcheck_hung] *ERROR* `; as printed,
  // with it, is its description.)
  const drm = main.text.indexOf('[drm:');
  // The kernel's own network root (`root=/dev/nfs`) never mounted, and nothing ran after: the root device
  // never came, in the kernel's words.
  const nfsRoot = main.kind === 'mount' && nfsRootFailed(main.message) && b.cycles.length === 0 && b.init === null && b.loginLine === null;
  // (A filesystem the kernel would not mount on the device an initramfs said it was mounting as its root
  // (`mounting /dev/vdb->/booster.root`), and nothing after it: no init of a system, no login.)
  // (A network controller that said it failed before the network root did is why: the root was never reachable.)
  const netdev = nfsRoot && b.netDeviceFailed !== undefined && b.netDeviceFailed[0]!.line < main.line ? b.netDeviceFailed[0]! : undefined;
  if (netdev !== undefined) {
    const said = kernelSaid(netdev.text);
    const all = [...b.netDeviceFailed!, ...evidence].sort((x, y) => x.line - y.line);
    return {
      kind: 'root-device',
      unit: said,
      headline: `the network controller failed (${said}), so the kernel could not mount its root file system over the network`,
      lines: linesOf(all),
      evidence: all,
      cascade: null,
      dependents: 0,
      crash: null,
    };
  }
  const rootNeverMounted = main.kind === 'mount' && b.rootMountDevice !== undefined && FS_DEVICE.exec(main.message)?.[1] === b.rootMountDevice && b.rootMountedLine === undefined && b.cycles.length === 0 && b.init === null && b.loginLine === null && b.mode === null;
  return {
    kind: nfsRoot || rootNeverMounted ? 'root-device' : 'kernel-error',
    unit: main.message,
    ...(drm >= 0 && main.text.includes('*ERROR* ') ? { description: main.text.slice(drm).trim() } : {}),
    headline: `${nfsRoot ? 'the kernel could not mount its root file system over the network (NFS root)' : what}: ${main.message}`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/** dracut's words when it gives up on its root: its initqueue waited in vain, it could not boot, it had no
 *  root to look for or none it knew how to get. */
const DRACUT_ROOT = /^(?:Could not boot|dracut-initqueue timeout|No or empty root= argument|Don't know how to handle 'root=|Can't mount root|Cannot find init)|\broot\b/;

/** What an initramfs's step is about when it is about its root: a mount, a check, a disk or what is on it. */
const ROOT_WORDS = /\b(?:root|mount(?:ing)?|fsck|boot media|media|device|disk|partition|volume|pool|crypt\w*|luks|lvm|raid|md|zfs|btrfs|ext[234]|xfs|squashfs|overlay|modloop|sysroot|filesystems?|file systems?|image)\b/i;

/** How far before an init's failure the kernel's refusal of a filesystem is why it failed. */
const KERNEL_SAID_WHY_LINES = 6;

/** How far before the kernel's `VFS: Mounted root` a failed mount is one of the root's filesystem types tried. */
const ROOT_PROBE_LINES = 10;

/** The bootloader faulted as it handed over (on one of the CPUs), and the kernel ran on: nothing else went
 *  wrong, so the fault (and what the kernel then missed, such as a CPU that never came online) is the story. */
function bootloaderFault(b: BootState): Cause | null {
  const f = b.bootloaderFault;
  if (f === undefined || !b.hasKernel) return null;
  const said = f.ev.text.trim().replace(/^\|\s?/, '').trim();
  if (f.afterKernel === true) {
    // (EDK II frames its exception line with `!!!!`, the CPU's APIC ID last: the words inside, without the CPU.)
    const words = said.replace(/^!{2,}\s*|\s*!{2,}$/g, '').replace(/(?<=\))\s+CPU Apic ID - \w+$/, '');
    return {
      kind: 'bootloader',
      unit: words,
      description: words,
      headline: `the firmware faulted after the kernel ${b.end === 'reboot' ? 'restarted' : b.end === 'halt' ? 'halted' : 'powered down'} the machine: ${words}`,
      lines: [f.ev.line],
      evidence: [f.ev],
      cascade: null,
      dependents: 0,
      crash: null,
    };
  }
  return {
    kind: 'bootloader',
    unit: said,
    description: said,
    headline: `the bootloader faulted (${said}); the kernel it started ran on`,
    lines: [f.ev.line, ...f.more.map((e) => e.line)],
    evidence: [f.ev, ...f.more],
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/** The secure world's firmware panicked (see BootState.secureFirmwarePanic) with nothing failed before it: the
 *  CPU it held never came back to the kernel, whose stalls and hangs after it are what that looked like. */
function secureFirmwareFirst(b: BootState, rootCause: Cause | null): Cause | null {
  const sfp = b.secureFirmwarePanic;
  if (sfp === undefined) return null;
  if (rootCause !== null && rootCause.kind !== 'kernel-crash' && rootCause.kind !== 'unexplained') return null;
  if (rootCause !== null && rootCause.lines.length > 0 && rootCause.lines[0]! < sfp.ev.line) return null;
  const after = rootCause?.evidence[0];
  const evidence = [sfp.ev, ...(after !== undefined ? [{ ...after, why: `after it, the kernel: ${rootCause!.headline}` }] : [])];
  return statedCause('firmware', sfp.message, `the secure firmware panicked: ${sfp.message}`, evidence, sfp.message);
}

/** Device units no storage driver stands behind: terminals (`dev-ttyVUART0.device`), consoles, network interfaces, and other character devices. */
const NOT_STORAGE_DEVICE = /^(?:dev-(?:tty|hvc|ipmi|tpm|watchdog|input|snd|dri|fb\d|kvm|vhost|rfkill|uinput|hidraw|i2c|spi|gpio|serial|console|ptp|rtc|media|video|net)|sys-subsystem-net-devices-)/;

/** The device a filesystem's kernel message names (`BTRFS error (device sda2): …`, `EXT4-fs (vda1): …`, `XFS (dm-0): …`). */
const DM_TARGET_DAMAGE = /^device-mapper: (?:verity|integrity): /;
const FS_DEVICE = /^(?:BTRFS|EXT[234]-fs|XFS|F2FS-fs|bcachefs)[^(]{0,12}\((?:device )?([^):\s]+)/;

/** The device the boot waited for never came (its root device, a device unit that timed out, no root to
 *  mount for the kernel) after the driver of a storage controller failed to probe: that failure is why. */
function behindStorageDriver(b: BootState, rootCause: Cause | null, cycles: readonly Boot['cycles'][number][]): Cause | null {
  // (Or a disk the kernel took out of service: md dropping a member, bcache disabling its cache set.)
  const disk = (b.kernelFailures ?? []).find((f) => f.kind === 'disk');
  const sd = b.storageDriverFailure ?? b.moduleRefused ?? disk;
  if (sd === undefined) return null;
  const refused = sd === b.moduleRefused;
  const waited =
    rootCause !== null
      ? rootCause.kind === 'root-device' || (rootCause.kind === 'kernel-crash' && ROOT_MOUNT_PANIC.test(rootCause.headline))
        ? rootCause
        : null
      : (cycles.map((c) => c.rootCause).find((rc) => rc !== null && (rc.kind === 'root-device' || rc.unit === DRACUT_STILL_WAITING || ((rc.unit ?? '').endsWith('.device') && !NOT_STORAGE_DEVICE.test(rc.unit!)))) ?? null);
  // (After the failure, unless all that shows the wait comes before the kernel's own log began: the shell
  // the boot ended in, where someone typed `dmesg` to show what came before.)
  const typedAfter = waited !== null && b.bannerLine !== null && waited.lines.length > 0 && waited.lines.every((l) => l < b.bannerLine!);
  // (Or while the kernel itself waits for its root (rootwait), as long as it takes: the card that failed then
  // is why it waits still.)
  const duringWait = waited !== null && waited === rootCause && b.rootWait != null && sd.line > b.rootWait.line && /Waiting for root device/.test(b.rootWait.text);
  if (waited === null || ((waited.lines[0] ?? 0) < sd.line && !typedAfter && !duringWait)) return null;
  const what = refused ? 'the kernel refused to load a module' : sd === disk ? 'a disk failed' : b.storageDriverFailure?.link === true ? "the kernel gave up on a disk's link" : b.storageDriverFailure?.card === true ? 'a memory card failed to come up' : "a storage controller's driver failed";
  const evidence: Evidence[] = [{ line: sd.line, text: sd.text, why: what }, ...sd.more, ...waited.evidence.slice(0, 3).map((e) => ({ ...e, why: `then: ${e.why}` }))];
  return {
    kind: 'kernel-error',
    unit: sd.message,
    description: sd.message,
    headline: `${what} (${sd.message}); what the boot waited for never came: ${waited.headline}`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/**
 * A device stopped responding (a GPU's ring that timed out, an NVMe command never completed, an SD controller gone
 * quiet), and a few lines on the first unit failed without saying why: the unit fell with the device it was
 * using (`[drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx_0.0.0 timeout`, then `jupiter-fan-control.service:
 * Main process exited, code=exited, status=1/FAILURE`). The device's hang is the first failure, and why.
 */
function afterDeviceHang(b: BootState, rootCause: Cause | null, cycles: readonly Boot['cycles'][number][]): Cause | null {
  if (rootCause !== null) return null;
  const hang = (b.kernelFailures ?? []).find((f) => f.kind === 'hang');
  if (hang === undefined) return null;
  const cycle = cycles.find((c) => c.rootCause !== null);
  const first = cycle?.rootCause;
  if (cycle === undefined || first === undefined || first === null || first.kind !== 'unit') return null;
  // (Not a start job that was already running when the device hung, and still was: the job began before.)
  if (cycle.hungJobs.some((j) => j.unit.name !== null && j.unit.name === first.unit)) return null;
  const at = first.lines[0];
  if (at === undefined || at <= hang.line || at - hang.line > HANG_THEN_UNIT_LINES) return null;
  const drm = hang.text.indexOf('[drm:');
  const said = drm >= 0 ? hang.text.slice(drm).trim() : hang.message;
  const evidence: Evidence[] = [{ line: hang.line, text: hang.text, why: 'its driver says the device stopped responding' }, ...hang.more, ...first.evidence.slice(0, 3).map((e) => ({ ...e, why: `then: ${e.why}` }))];
  return {
    kind: 'kernel-error',
    unit: said,
    description: said,
    headline: `a device stopped responding (${said.replace(/\.$/, '')}); then: ${first.headline}`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}
/** Lines from a device's hang to a unit failure that fell with it. */
const HANG_THEN_UNIT_LINES = 10;

/**
 * Nothing failed, but a dracut hook's scripts printed error after error (`dracut-pre-pivot[644]: Device sda1
 * not found`, three times) while systemd reported the hook started: the initrd went on without what they
 * looked for. (One complaint is a probe; hooks that say nothing wrong are no story.)
 */
function hookComplained(b: BootState): Cause | null {
  for (const c of b.cycles) {
    const h = c.hookErrors?.find((e) => e.count >= HOOK_COMPLAINTS);
    if (h === undefined) continue;
    // (The initrd went on into the system after them: what they looked for was not what the boot needed,
    // Oracle Cloud's images probing for an iSCSI boot volume that a paravirtualized one serves.)
    if (c.phases.some((p) => p.name === 'system' && p.startLine > h.ev.line)) continue;
    const unit = `${h.ident}.service`;
    const said = h.ev.text.slice(h.ev.text.indexOf(']: ') + 3).trim();
    return {
      kind: 'unit',
      unit,
      headline: `${unit} printed errors though it started (${said}; ${h.count} error lines); nothing else failed`,
      lines: [h.ev.line],
      evidence: [h.ev],
      cascade: null,
      dependents: 0,
      crash: null,
    };
  }
  return null;
}

/** A program stopped on an uncaught error (a Python traceback) with no systemd cycle seen (another init, or an
 *  excerpt of one service's output): what went wrong, in its words. */
function bootTraceback(b: BootState): Cause | null {
  return b.traceback?.exception === undefined || b.cycles.length > 0 ? null : tracebackCause(b.traceback);
}

/** A program's uncaught error in its own words (the traceback's last line), under its unit when the log binds it. */
function tracebackCause(t: NonNullable<BootState['traceback']>): Cause {
  const exception = t.exception!;
  const said = exception.text.slice(exception.text.indexOf(t.ident)).replace(/^[^:]*?\]?: /, '').trim();
  return statedCause('unit', t.unit ?? said, `${t.unit ?? t.ident} stopped on an uncaught error: ${said}`, [exception, t.header], t.unit != null ? undefined : said);
}

/** How many error lines a dracut hook prints before its complaints are the story of a boot where nothing failed. */
const HOOK_COMPLAINTS = 3;

/**
 * The initramfs could not have its root (a manual fsck, a mount that failed) after the kernel's I/O errors
 * on that disk (`blk_update_request: I/O error, dev mmcblk1, sector 136`, then `The root filesystem on
 * /dev/mmcblk1p1 requires a manual fsck`): the disk is why.
 */
function ioBehindRoot(b: BootState, rootCause: Cause | null): Cause | null {
  const io = b.firstStorageError;
  // (The initramfs's own failure before its shell, a fsck that found the damage, is one too.)
  const initramfs = rootCause !== null && (rootCause.kind === 'root-device' || (rootCause.kind === 'unit' && b.cycles.length === 0 && b.mode !== null));
  if (!initramfs || io === undefined || !io.text.includes('I/O error')) return null;
  const disk = IO_ERROR_DISK.exec(io.text)?.[1];
  const first = rootCause.evidence[0];
  if (disk === undefined || first === undefined || io.line >= first.line || !rootCause.evidence.some((e) => e.text.includes(`/dev/${disk}`))) return null;
  const message = io.text.replace(/^\s*\[\s*\d+\.\d+\]\s*/, '').trim();
  const evidence: Evidence[] = [{ ...io, why: 'the kernel could not read the disk' }, ...rootCause.evidence.slice(0, 3).map((e) => ({ ...e, why: `then: ${e.why}` }))];
  return { kind: 'kernel-error', unit: message, description: message, headline: `the disk ${disk} failed (${message}); then: ${rootCause.headline}`, lines: linesOf(evidence), evidence, cascade: null, dependents: 0, crash: null };
}
/** The disk an I/O error names (`I/O error, dev mmcblk1, sector 136`, `Buffer I/O error on dev sda1`). */
const IO_ERROR_DISK = /I\/O error,? (?:on )?dev ([a-z]+\d*[a-z]*?)(?:p?\d+)?\b/;

/**
 * A filesystem or a driver said what went wrong in its own words (`BTRFS critical (device sda): corrupt leaf:
 * …`, `[drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx timeout`), and then the kernel crashed in that same
 * code (a WARNING in `fs/btrfs/…`, a trace through `[amdgpu]`): its words are why, the crash what followed.
 */
/** A driver's failure, the boot's first kernel failure, a few lines before the WARNING (see buildBoot). */
function driverBeforeWarning(b: BootState, crash: CrashState): boolean {
  const first = b.kernelFailures?.[0];
  return first !== undefined && first.kind === 'driver' && first.line < crash.line && crash.line - first.line <= DRIVER_TEARDOWN_LINES;
}
/** Lines from a driver's failure to the WARNING its teardown trips. */
const DRIVER_TEARDOWN_LINES = 12;

function failureInCrashCode(b: BootState, crash: CrashState, crashCause: Cause): Cause | null {
  const frames = crash.details.frames;
  const title = crash.title.toLowerCase();
  const f = (b.kernelFailures ?? []).find((k) => {
    if ((k.kind !== 'damage' && k.kind !== 'hang') || k.line >= crash.line || crash.line - k.line > OWN_CODE_LINES) return false;
    const key = subsystemOf(k.text);
    return key !== null && (title.includes(`fs/${key}/`) || title.includes(`${key}_`) || title.includes(`/${key}/`) || frames.some((fr) => fr.endsWith(`[${key}]`) || fr.startsWith(`${key}_`)));
  });
  if (f === undefined) return null;
  const drm = f.text.indexOf('[drm:');
  const said = drm >= 0 ? f.text.slice(drm).trim() : f.message;
  const evidence: Evidence[] = [{ line: f.line, text: f.text, why: f.kind === 'damage' ? 'the filesystem says it found damage' : 'its driver says the device stopped responding' }, ...f.more, ...crashCause.evidence.slice(0, 2).map((e) => ({ ...e, why: `then, in the same code: ${e.why}` }))];
  return {
    kind: 'kernel-error',
    unit: said,
    description: said,
    headline: `${f.kind === 'damage' ? 'the kernel found a filesystem damaged' : 'a device stopped responding'}: ${said.replace(/\.$/, '')}; then the kernel crashed in the same code (${crash.title})`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}
/** How far before a crash a failure in the same code is why. */
const OWN_CODE_LINES = 400;
/** The filesystem or driver a kernel line speaks for: `BTRFS …` → btrfs, `EXT4-fs (sda1)` → ext4, `[drm:… [amdgpu]]` → amdgpu, `nvme nvme0: …` → nvme. */
function subsystemOf(text: string): string | null {
  const fs = /\b(BTRFS|EXT4-fs|XFS|F2FS-fs)\b/.exec(text);
  if (fs !== null) return fs[1]!.replace(/-fs$/, '').toLowerCase();
  const drm = /\[drm:\w+ \[(\w+)\]\]/.exec(text);
  if (drm !== null) return drm[1]!;
  const drv = /(?:^|\] |: )([a-z][a-z0-9_]{2,15}) (?:[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d|[a-z]+\d+):/.exec(text);
  return drv !== null ? drv[1]! : null;
}

/** Nothing in this boot said what went wrong, but the next boot's firmware says a watchdog reset it. */
function watchdogCause(b: BootState): Cause | null {
  const w = b.watchdogReset;
  if (w === undefined) return null;
  const last = b.phases.at(-1)?.name;
  return {
    kind: 'unexplained',
    unit: null,
    headline: `a watchdog reset the machine${last === 'bootloader' || last === 'firmware' ? ' after the bootloader started the kernel (the kernel printed nothing)' : ''}; the log does not show why it hung`,
    lines: [w.line],
    evidence: [w],
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/** The initramfs could not mount the root file system, and no userspace ran after it (its shell, if any,
 *  is not in the log). */
function rootMountFailed(b: BootState): Cause | null {
  const e = b.rootMountError;
  if (e === undefined || b.cycles.length > 0 || b.mode !== null || b.init !== null || b.loginLine !== null || b.crashes.length > 0) return null;
  const said = e.text.trim();
  return {
    kind: 'root-device',
    unit: null,
    description: said,
    headline: `the initramfs could not mount the root file system (${said}) and no system started`,
    lines: [...(b.rootMountSaid ?? []).map((x) => x.line), e.line],
    evidence: [...(b.rootMountSaid ?? []), e],
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/** The kernel waited for its root device (`rootwait`) and the log ends there: it never came. */
/** An initramfs said it could not find the root (or boot) device and the log ends a few lines on, before any
 *  shell, init or login (postmarketOS's `ERROR: boot partition not found!`, then only its splash's complaints). */
function rootMissingAtEnd(b: BootState, endsTheLog: boolean): Cause | null {
  const m = b.missingDevice;
  if (!endsTheLog || m === undefined || b.cycles.length > 0 || b.mode !== null || b.end !== 'log-end' || b.init !== null || b.loginLine !== null || b.contentEnd - m.ev.line > 5) return null;
  const path = m.path.startsWith('/dev/') ? m.path : null;
  return {
    kind: 'root-device',
    unit: path !== null ? deviceUnitForPath(path) : m.path,
    headline: `the initramfs could not find its ${path !== null ? `root device ${path}` : m.path}, and nothing started after it (the log ends there)`,
    lines: [m.ev.line],
    evidence: [m.ev],
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

function rootWaitHang(b: BootState, endsTheLog: boolean): Cause | null {
  const w = b.rootWait;
  if (!endsTheLog || !w || b.cycles.length > 0 || b.mode !== null || b.end !== 'log-end' || b.init !== null || b.loginLine !== null) return null;
  // (The kernel's own wait says `Waiting for root device`; an initrd's, `waiting for device … to appear`.)
  const kernel = /Waiting for root device/.test(w.text);
  const evidence: Evidence[] = [
    ...(w.gaveUp !== undefined && w.gaveUp.line !== w.line ? [{ line: w.gaveUp.line, text: w.gaveUp.text, why: `the initrd stopped waiting for ${w.device}` }] : []),
    ...(w.triedMount !== undefined ? [{ line: w.triedMount.line, text: w.triedMount.text, why: `the mount the initrd tried anyway without ${w.device} failed` }] : []),
    ...(w.errors ?? []).map((e) => ({ ...e, why: 'a storage error just before the wait' })),
    { line: w.line, text: w.text, why: kernel ? 'the kernel waits for the root device (rootwait) and no init ran after it' : 'the initrd waits for the device, and no system started after it' },
  ];
  // (Its command line named none: `Waiting for root device ...`, and no root= among the arguments.)
  const none = kernel && w.device === '';
  if (none && b.commandLine !== undefined) evidence.unshift(b.commandLine);
  return {
    kind: 'root-device',
    unit: none ? null : deviceUnitForPath(w.device),
    headline: none ? "the kernel waited for a root device, but its command line names none (no root=), and no init ran (the log ends there)" : kernel ? `the kernel waited for the root device ${w.device}, which never appeared (the log ends there)` : `the initrd waited for ${w.device}, which never appeared, and no system started (the log ends there)`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/**
 * The bootloader handed over (`Starting kernel ...`) and the kernel printed nothing: not a line before the
 * log ends, or before the firmware's next boot. The kernel hung or died before its console came up (a
 * wrong image or device tree, an early crash), or `console=` names another port. A log cut right at the
 * handover reads the same; a person pastes one when it stops there.
 */
function silentKernel(b: BootState, endsTheLog: boolean): Cause | null {
  const h = b.handoverAt;
  if (h === null || b.cycles.length > 0 || b.mode !== null || b.init !== null || b.loginLine !== null || b.crashes.length > 0 || b.end !== 'log-end') return null;
  // The kernel's first instant only (`[    0.000000] Booting Linux on physical CPU 0xf`), a line or two
  // after the hand-over, and nothing more: it stopped as it began.
  if (b.hasKernel && b.lastUptime === 0 && b.kernelLastLine !== undefined && b.contentEnd - h.line <= 3) {
    const last = { line: b.kernelLastLine, text: clip(b.kernelLastText ?? '') };
    const said = kernelSaid(last.text);
    return {
      kind: 'unexplained',
      unit: null,
      headline: endsTheLog ? `the kernel stopped after its first line (${said}): nothing more before the log ends` : `the kernel stopped after its first line (${said}), and the machine started again`,
      lines: [h.line, last.line],
      evidence: [
        { line: h.line, text: h.text, why: 'the bootloader hands over to the kernel' },
        { line: last.line, text: last.text, why: 'the kernel’s last line: nothing follows' },
      ],
      cascade: null,
      dependents: 0,
      crash: null,
      description: said,
    };
  }
  if (b.hasKernel) return null;
  if (b.contentEnd > h.line) return null;
  const said = h.text.trim();
  return {
    kind: 'unexplained',
    unit: null,
    headline: endsTheLog
      ? `the bootloader started the kernel, which printed nothing before the log ends (it stopped before its console came up, or console= names another port)`
      : `the bootloader started the kernel, which printed nothing before the machine started again`,
    lines: [h.line],
    evidence: [{ line: h.line, text: h.text, why: 'the bootloader hands over to the kernel; no kernel line follows' }],
    cascade: null,
    dependents: 0,
    crash: null,
    description: said,
  };
}

/** A line's words without the kernel's stamp before them (`[    0.147537] smp: …` → `smp: …`). */
function kernelSaid(text: string): string {
  return text.trim().replace(/^\[\s*\d+\.\d+\]\s*/, '');
}

/**
 * Init ran, and on a console that showed the bootloader (so a capture of the machine's own port, not a dmesg) not a
 * line came from userspace while the kernel's clock went on for a minute and more: a handful of the kernel's own
 * lines (`random: crng init done`) and the log ends. Init hung, or writes to another console; either way the boot
 * went no further that the log shows.
 */
function initSilent(b: BootState, endsTheLog: boolean): Cause | null {
  const run = b.initRunLine;
  if (!endsTheLog || run === undefined || b.handoverAt === null || b.end !== 'log-end' || b.spokeAfterInit === true || b.cycles.length > 0 || b.init !== null || b.loginLine !== null || b.mode !== null || b.crashes.length > 0) return null;
  const t0 = b.initRunUptime;
  const last = b.kernelLastLine;
  if (t0 === null || t0 === undefined || b.lastUptime === null || b.lastUptime - t0 < 60 || last === undefined || last <= run || b.contentEnd - run > 12) return null;
  const said = kernelSaid(b.initRunText ?? '');
  const waited = Math.round(b.lastUptime - t0);
  return {
    kind: 'unexplained',
    unit: null,
    headline: `init started (${said}) and nothing came from userspace in the ${waited} s the kernel's clock ran on before the log ends: it hung, or writes to another console`,
    lines: [run, last],
    evidence: [
      { line: run, text: clip(b.initRunText ?? ''), why: 'the kernel runs init' },
      { line: last, text: clip(b.kernelLastText ?? ''), why: `the kernel's last line, ${waited} s later: nothing of init's in between` },
    ],
    cascade: null,
    dependents: 0,
    crash: null,
    description: said,
  };
}

/**
 * The kernel began a step it says it is doing (`smp: Bringing up secondary CPUs ...`) and the log ends on
 * that line, before init: the kernel stopped there (the step's own `smp: Brought up …` never came). A log
 * ends mid-step when the machine hung, not by chance.
 */
function kernelStoppedMidStep(b: BootState, endsTheLog: boolean): Cause | null {
  if (!endsTheLog || !b.hasKernel || b.end !== 'log-end' || b.crashes.length > 0 || b.initRunLine !== undefined || b.init !== null || b.cycles.length > 0 || b.mode !== null) return null;
  const line = b.kernelLastLine;
  const text = b.kernelLastText;
  if (line === undefined || text === undefined || b.contentEnd > line) return null;
  const said = kernelSaid(text);
  if (!/\S ?\.\.\.$/.test(said)) return null;
  return {
    kind: 'unexplained',
    unit: null,
    headline: `the kernel stopped as it began a step (${said}): nothing more before the log ends`,
    lines: [line],
    evidence: [{ line, text: clip(text), why: 'the kernel’s last line: a step begun, never finished' }],
    cascade: null,
    dependents: 0,
    crash: null,
    description: said,
  };
}

/**
 * The log ends with one program's line said again and again (its numbers aside) on a boot that got to no
 * login: the boot went round in a loop there (`wicked: eth0: Declining DHCPv4 lease with address 10.252.0.53`,
 * `…54`, … a DHCP server that offers addresses already in use). The first of them is named.
 */
function goingRound(b: BootState, endsTheLog: boolean): Cause | null {
  const r = b.repeating?.filter((x) => x.count >= REPEATS_TO_LOOP).sort((x, y) => y.lastLine - x.lastLine)[0];
  if (!endsTheLog || r === undefined || b.end !== 'log-end' || b.contentEnd - r.lastLine > 3) return null;
  if (b.loginLine !== null || b.cycles.some((c) => c.loginLine !== null || c.startupFinished !== null || c.mode !== null)) return null;
  return {
    kind: 'unexplained',
    unit: null,
    headline: `the boot went no further: ${r.message} (said ${r.count} times, its numbers changing, until the log ends)`,
    lines: [r.first.line, r.lastLine],
    evidence: [r.first, { line: r.lastLine, text: r.lastText, why: 'the last of them, where the log ends' }],
    cascade: null,
    dependents: 0,
    crash: null,
    description: r.message,
  };
}
/** A line said this many times in a row at the end of a log is a loop (see goingRound). */
const REPEATS_TO_LOOP = 6;

/**
 * Nothing failed for good, but PID 1 restarted a unit again and again (`Scheduled restart job, restart
 * counter is at 5`, before systemd 236 `Service hold-off time over, scheduling restart.`): it never stays up
 * (a getty on a console that is not there, a daemon that exits at once). The unit restarted most is named.
 */
function restartLoop(c: CycleState): Cause | null {
  let worst: [string, { count: number; first: Evidence; last: Evidence; fromStatus?: boolean }] | null = null;
  for (const entry of c.restarts ?? []) {
    const enough = entry[1].count >= (entry[1].fromStatus === true ? RESTART_LOOP_STARTED : RESTART_LOOP);
    if (enough && (worst === null || entry[1].count > worst[1].count)) worst = entry;
  }
  if (worst === null) return null;
  const [unit, r] = worst;
  const evidence = r.last.line !== r.first.line ? [r.first, r.last] : [r.first];
  return {
    kind: 'unit',
    unit,
    headline:
      r.fromStatus === true
        ? `${unit} keeps exiting and being restarted (started ${r.count + 1} times in this cycle): it never stays up`
        : `${unit} keeps failing and being restarted (${r.count} restarts scheduled): it never stays up`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}
/** Restarts of one unit that make a loop, not a hiccup. */
const RESTART_LOOP = 3;
/** The same, counted from its `Started` status lines (PID 1 prints them only until a getty holds the console,
 *  so fewer come through; a service that started three times without a stop between is already no hiccup). */
const RESTART_LOOP_STARTED = 2;

/**
 * OpenWrt's preinit began (`init: - preinit -`), the log went on past it, and procd never took over
 * (`procd: - early -`): the boot hung in preinit, where the log ends (a failsafe hook that blocks, a mount that
 * never returns). Named by the last thing preinit printed: its failsafe prompt, else its own start.
 */
function preinitHang(b: BootState, endsTheLog: boolean): Cause | null {
  const p = b.preinit;
  if (!endsTheLog || p === undefined || b.init !== null || b.cycles.length > 0 || b.mode !== null || b.loginLine !== null || b.crashes.length > 0 || b.end !== 'log-end') return null;
  const last = p.failsafe ?? { line: p.line, text: p.text, why: 'preinit began' };
  // (A log that ends on preinit's last words was cut there: nothing shows that it hung.)
  if (b.contentEnd <= Math.max(last.line, p.promptEnd ?? 0)) return null;
  const evidence: Evidence[] = [{ line: p.line, text: p.text, why: 'OpenWrt’s preinit began' }, ...(p.failsafe !== undefined ? [p.failsafe] : [])];
  if (b.kernelLastLine !== undefined && b.kernelLastLine > last.line) evidence.push({ line: b.kernelLastLine, text: clip(b.kernelLastText ?? ''), why: 'the last line before the log ends, and nothing of procd' });
  const said = kernelSaid(last.text);
  return {
    kind: 'unexplained',
    unit: null,
    headline: `OpenWrt's preinit never handed over to procd (its last words: ${said}); the log ends there`,
    lines: evidence.map((e) => e.line),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
    description: said,
  };
}

/**
 * The kernel gave up waiting for drivers whose probe it had deferred (`platform fixedregulator-sd: deferred
 * probe pending`, printed when deferred_probe_timeout runs out), started no init, and the log ends a few
 * lines after: it hung there, the devices it waits for never came. (A kernel log that merely stops before
 * init is not enough: dmesg files and quiet consoles show no init either.)
 */
function deferredProbeHang(b: BootState, endsTheLog: boolean): Cause | null {
  const d = b.deferredProbe;
  if (d === undefined || !endsTheLog || b.cycles.length > 0 || b.mode !== null || b.init !== null || b.loginLine !== null || b.crashes.length > 0 || b.end !== 'log-end') return null;
  if (b.initRunLine !== undefined || b.kernelLastLine === undefined || b.kernelLastLine - d.line > 20 || b.contentEnd - b.kernelLastLine > 1) return null;
  const said = kernelSaid(d.text);
  const evidence: Evidence[] = [{ line: d.line, text: d.text, why: 'the kernel gave up waiting for a driver it had deferred' }, ...d.more];
  if (b.kernelLastLine !== d.line && !d.more.some((e) => e.line === b.kernelLastLine)) evidence.push({ line: b.kernelLastLine, text: clip(b.kernelLastText ?? ''), why: 'the kernel’s last line: no init ran, nothing follows' });
  return {
    kind: 'unexplained',
    unit: null,
    headline: `the kernel hung waiting for devices whose drivers never finished probing (${said}); no init ran before the log ends`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
    description: said,
  };
}

/**
 * User processes one after another killed by the kernel for bad memory accesses (three or more different
 * ones), and the boot never got to a login: userspace could not run (a broken libc, an emulator's or a CPU's
 * fault, a userspace built for another memory model). The first is the cause. (One daemon's segfault on a
 * boot that goes on is no cause.)
 */
function userFaultCause(b: BootState): Cause | null {
  const u = b.userFaults;
  if (u === undefined) return null;
  const login = b.loginLine !== null || b.cycles.some((c) => c.loginLine !== null || c.startupFinished !== null);
  // (Or one program crashing again and again, five times and more, on a boot that got to no login: a crash
  // loop, systemd-coredump's own crashes among them.)
  if (u.comms.length < 3 && !(u.comms.length === 1 && u.count >= 5 && !login && b.contentEnd - u.last.line <= 10)) return null;
  // (A login after them is no proof that userspace works when most of what it ran died on the way: five and
  // more killed, of three programs or more, is a userspace that cannot run.)
  if (login && u.count < 5) return null;
  return {
    kind: 'unexplained',
    unit: null,
    headline:
      u.comms.length === 1
        ? `${u.comms[0]} crashed again and again (${u.count} times) and the boot went no further; the first: ${u.message}`
        : `user processes crashed one after another (${u.comms.join(', ')}${u.count > u.comms.length ? ', …' : ''}: ${u.count} killed for bad memory accesses); the first: ${u.message}`,
    lines: u.before !== undefined ? [u.before.line, u.first.line] : [u.first.line],
    evidence: u.before !== undefined ? [u.before, u.first] : [u.first],
    cascade: null,
    dependents: 0,
    crash: null,
    description: u.message,
  };
}

/** Kernel timestamps under this many seconds are the kernel's start. */
const KERNEL_START_SECONDS = 0.3;

/** How the report names an init system other than systemd. */
const INIT_NAMES: Readonly<Record<NonNullable<BootState['init']>, string>> = {
  openrc: 'OpenRC',
  sysvinit: 'sysvinit',
  upstart: 'Upstart',
  busybox: 'BusyBox init',
  talos: "Talos's machined",
  dinit: 'dinit',
  runit: 'runit',
  procd: "OpenWrt's procd",
  android: "Android's init",
  s6: 's6',
  finit: 'Finit',
  shepherd: 'GNU Shepherd',
  kdump: "kdump's capture scripts",
};

function buildBoot(b: BootState, resolver: UnitResolver, endsTheLog = false, cutOff = false): Boot {
  // A journal's boot separator or the log's first line begins a boot only when the kernel's start follows:
  // its banner, or its first few hundred milliseconds (a paste that begins at `[    0.98…] /dev/root: Can't
  // open blockdev` lacks the kernel's start, as the people who read such logs say). (A banner within 20
  // lines is the start: powerpc prints a dozen lines of CPU features before `Linux version`.)
  const startsMidway =
    (b.startReason === 'log-start' || b.startReason === 'journal-boot') && !(b.firstUptime !== null && b.firstUptime < KERNEL_START_SECONDS) && !(b.bannerLine !== null && b.bannerLine - b.startLine <= 20) && b.container !== true;
  const cycles = b.cycles.map((c, i) => buildCycle(c, b, i, startsMidway, resolver, endsTheLog && i === b.cycles.length - 1, cutOff && i === b.cycles.length - 1));
  // Emergency mode with no failed unit to explain it, after the kernel said a filesystem or a disk failed
  // (`XFS (dm-0): Corruption of in-memory data detected. Shutting down filesystem`, then dracut's
  // `Entering emergency mode`): the kernel's words explain it.
  for (const c of cycles) {
    const rc = c.rootCause;
    if (rc === null || rc.kind !== 'unexplained' || rc.dependents > 0 || c.emergency === null || c.emergency.requested) continue;
    const emergencyLine = c.emergency.line;
    if (!(b.kernelFailures ?? []).some((f) => f.kind !== 'driver' && f.kind !== 'network' && f.line < emergencyLine)) continue;
    const kernel = kernelFailure(b);
    if (kernel === null) continue;
    const evidence = [...kernel.evidence, ...c.emergency.evidence.slice(0, 2)];
    c.rootCause = described({ ...kernel, headline: `${kernel.headline}; then the machine entered emergency mode`, evidence, lines: linesOf(evidence) }, resolver);
  }
  const crashes = b.crashes.map(buildCrash);
  let rootCause: Cause | null = null;
  // initramfs-tools says what sent it to its shell in one line (`ALERT!  /dev/sda2 does not exist.  Dropping to a shell!`).
  const alert = b.mode?.kind === 'initramfs-shell' ? b.mode.evidence.find((e) => e.text.includes('ALERT! ')) : undefined;
  // (Other initramfs tools, mkinitcpio's `mount: /new_root: can't find UUID=…` before `You are now being dropped
  // into an emergency shell.`: the error it printed last before its shell.)
  // (dracut's own shell, no systemd: its words as it gave up, `dracut Warning: Could not boot.`.)
  const dracutGaveUp = b.mode?.kind === 'dracut-shell' && b.initrdFailure?.initrd === 'dracut' ? (b.initrdFailure.evidence[0]?.text ?? b.initrdFailure.text).replace(/^\s*\[\s*\d+\.\d+\]\s*/, '').trim() : null;
  const mode = b.mode ? buildMode(b.mode, b.mode.requested !== undefined ? null : alert !== undefined ? alert.text.slice(alert.text.indexOf('ALERT! ')).trimEnd() : b.mode.kind === 'initramfs-shell' ? (b.mode.lastError?.text.trim() ?? null) : (b.mode.step ?? dracutGaveUp), b.mode.requested ?? null) : null;
  // (sysvinit giving up on an inittab entry that respawned too fast is a getty on a console that is not there;
  // with someone logged in on another, it broke nothing. A prompt alone is no login: the prompt may be the
  // getty that failed, or no one could use it.)
  const loggedIn = b.loggedIn ?? false;
  const initFailure = b.initFailures.find((f) => !(loggedIn && f.service.startsWith('INIT: Id ')));
  const initCause = (): Cause | null => {
    if (initFailure === undefined) return null;
    const init = b.init ?? initFailure.init ?? null;
    const initName = init === null ? 'the init system' : INIT_NAMES[init];
    // (Under systemd, kdump's scripts in the capture kernel's initramfs: theirs, not another init's.)
    const whose = b.cycles.length === 0 || b.init !== null ? `no systemd (${initName})` : initName;
    const evidence: Evidence[] = [...(initFailure.said ?? []), { line: initFailure.line, text: initFailure.text, why: initFailure.lsb === true ? 'the init scripts began the step' : `${initName} reports the service failed` }, ...(b.mode?.evidence.slice(0, 2) ?? [])].sort((x, y) => x.line - y.line);
    // The kernel refused the filesystem a line or two before (`jffs2: Too few erase blocks`, then OpenWrt's
    // `mount_root: switching to jffs2 failed`): the kernel's words say why.
    if ((b.kernelFailures ?? []).some((f) => (f.kind === 'mount' || f.kind === 'damage') && f.line < initFailure.line && initFailure.line - f.line <= KERNEL_SAID_WHY_LINES)) {
      const kernel = kernelFailure(b);
      if (kernel !== null) return { ...kernel, evidence: [...kernel.evidence, ...evidence], lines: linesOf([...kernel.evidence, ...evidence]) };
    }
    const more = b.initFailures.filter((f) => f.service !== initFailure.service).length;
    // The script's line as it printed it (`Starting network: Error: ipv4: Address already assigned.`): what
    // stands for a description where no unit file gives one.
    const printed = kernelSaid(initFailure.text).replace(/\s*(?:\[\s*FAIL(?:ED)?\s*\]|FAIL(?:ED)?|failed!?)\s*$/i, '');
    // (A process init respawned again and again: what it said before it exited is why, and says it better.)
    const lastWords = initFailure.respawned === true ? initFailure.said?.[0]?.text.trim() : undefined;
    if (lastWords !== undefined) {
      return statedCause('unit', initFailure.service, `${whose}: ${initFailure.service} keeps exiting and being respawned: ${lastWords}`, evidence, lastWords);
    }
    return {
      kind: 'unit',
      unit: initFailure.service,
      ...(printed.length > initFailure.service.length && printed.includes(initFailure.service) ? { description: printed } : {}),
      // (A failure the init system words itself, `Unable to mount tmpfs on /run.`, is said as it is.)
      headline: `${whose}: ${initFailure.lsb === true ? `the init scripts' step '${initFailure.service}' failed` : initFailure.service.includes(' ') ? initFailure.service.replace(/\.$/, '') : `${initFailure.service} failed`}${more > 0 ? `; ${more} other service${more === 1 ? '' : 's'} failed too` : ''}${b.mode ? ', and the init system asked for the root password for maintenance' : ''}`,
      lines: linesOf(evidence),
      evidence,
      cascade: null,
      dependents: 0,
      crash: null,
    };
  };
  // An init other than systemd ran, and its scripts' mounts failed (`mount -a` in BusyBox's rcS): the
  // first is the cause, in the kernel's words where it said why.
  const initMountCause = (): Cause | null => {
    const initName = b.init === null ? 'the init system' : INIT_NAMES[b.init];
    // (Only one the kernel refused, saying why: boards' rc scripts mount what their kernel lacks —
    // `smackfs`, a busy `devtmpfs` — and boot on.)
    const m = b.mountErrors?.find((x) => x.kernel !== null);
    if (m === undefined || b.init === null || b.cycles.length > 0) return null;
    const evidence: Evidence[] = [
      ...(m.kernel !== null ? [{ line: m.kernel.line, text: m.kernel.text, why: 'the kernel refused the mount' }] : []),
      { line: m.line, text: m.text, why: `${initName}'s startup could not mount a file system` },
      ...(b.mountErrors ?? []).filter((x) => x !== m).map((x) => ({ line: x.line, text: x.text, why: 'another mount that failed' })),
    ];
    const said = m.kernel?.message ?? m.message;
    const more = (b.mountErrors?.length ?? 1) - 1;
    return {
      kind: 'unit',
      unit: said,
      headline: `no systemd (${initName}): a mount at startup failed: ${m.message}${m.kernel !== null ? ` (the kernel: ${m.kernel.message})` : ''}${more > 0 ? `; ${more} other mount${more === 1 ? '' : 's'} failed too` : ''}`,
      lines: linesOf(evidence),
      evidence,
      cascade: null,
      dependents: 0,
      crash: null,
      description: said,
    };
  };
  if (b.mode && b.mode.kind !== 'initramfs-shell' && initFailure !== undefined) {
    rootCause = initCause();
  } else if (b.initrdFailure?.initrd === 'initramfs-script' && b.initrdFailure.message !== null && b.cycles.length === 0 && !handOverAfterMount(b)) {
    // initramfs-tools said why it gave up: its message is the cause.
    const f = b.initrdFailure;
    // (Without a shell to drop to, init exits and the kernel panics: the panic is what the stop led to.)
    const panic = b.crashes.find((c) => c.kind === 'panic' && c.line > f.line && c.line - f.line <= 20);
    const said = panic?.evidence[0];
    // No init on the root because the root was never mounted: the mount's own error while the script
    // mounted it (`mount: can't find /root in /etc/fstab`, no root= it could resolve) is why.
    // (Or, with no steps shown, its mount of the root itself: `mount: mounting /dev/disk/by-uuid/… on /root failed:
    // Invalid argument`.)
    const unmounted = NO_INIT_ON_ROOT.test(f.message ?? '')
      ? (b.initramfsSteps?.firstErrors.find((e) => e.line < f.line && ROOT_MOUNT_STEP.test(e.why) && e.text.trim().startsWith('mount: ')) ??
        (b.mode?.evidence ?? []).filter((e) => e.line < f.line && f.line - e.line <= 20 && / on \/root failed: /.test(e.text)).map((e) => ({ ...e, why: 'the initramfs could not mount the root file system' }))[0] ??
        // (Or the mount's own error as the log shows it, when no shell's prompt came to gather it: the paste ends
        // at the script's last words.)
        (b.rootMountError !== undefined && b.rootMountError.line < f.line && f.line - b.rootMountError.line <= 20 && / on \/root failed: /.test(b.rootMountError.text) ? b.rootMountError : undefined))
      : undefined;
    // (That one is the root device's failure, the README's convention: the root was there and would not mount.)
    const rootItself = unmounted !== undefined && / on \/root failed: /.test(unmounted.text);
    const first = unmounted?.text.trim();
    // switch_root could not move a root that was never mounted (`mount: /sysroot not mounted or bad option`, then
    // `switch_root: failed to mount moving /sysroot to /: Invalid argument`): the root device's failure, in the
    // mount's words.
    const rootMount = first === undefined && SWITCH_ROOT_UNMOUNTED.test(f.message ?? '') && b.rootMountError !== undefined && b.rootMountError.line < f.line ? b.rootMountError : undefined;
    const evidence = [...(unmounted !== undefined ? [{ ...unmounted, why: 'the initramfs could not mount the root file system' }] : []), ...(rootMount !== undefined ? [rootMount] : []), ...f.evidence, ...(b.mode?.evidence.slice(0, 2) ?? []), ...(said !== undefined ? [{ ...said, why: 'the kernel panicked because of it' }] : [])];
    // (A root it could not mount or import, in its own words, is the root device's failure: the README's
    // convention, with the words as its description.)
    const rootDevice = (first === undefined && ROOT_NOT_MOUNTED.test(f.message ?? '')) || rootMount !== undefined || rootItself;
    const mountSaid = first ?? rootMount?.text.trim();
    rootCause = {
      kind: rootDevice ? 'root-device' : 'unit',
      unit: rootDevice ? null : (first ?? f.message),
      ...(mountSaid !== undefined ? { description: mountSaid } : rootDevice ? { description: f.message } : {}),
      headline: `the initramfs stopped: ${mountSaid !== undefined ? `it could not mount the root file system (${mountSaid}), so ${(f.message ?? '').replace(/\.$/, '')}` : f.message}${b.mode ? ' (it dropped to its shell)' : said !== undefined ? ', and the kernel panicked' : ''}`,
      lines: linesOf(evidence),
      evidence,
      cascade: null,
      dependents: 0,
      crash: null,
    };
  } else if (
    b.initrdFailure?.initrd === 'dracut' &&
    b.initrdFailure.message !== null &&
    // dracut's giving up is no cause when it also named the device it waited for (it says so after).
    !((b.initrdFailure.message === 'Could not boot' || b.initrdFailure.message.startsWith('dracut-initqueue timeout')) && (b.missingDevice !== undefined || (b.mode?.device ?? null) !== null || cycles.some((c) => c.rootCause !== null || c.emergency !== null)))
  ) {
    // dracut's own scripts said what stopped them (without systemd, or with it when the log ends before
    // anything of systemd's failed): its message is the cause.
    const f = b.initrdFailure;
    rootCause = {
      // (Giving up on the root, in dracut's words: the root could not be had.)
      kind: DRACUT_ROOT.test(f.message ?? '') ? 'root-device' : 'unit',
      unit: f.message,
      headline: `${b.cycles.length > 0 ? 'dracut stopped in the initrd' : 'no systemd in the initrd: dracut stopped'} (${f.message})${b.mode ? ' and dropped to its shell' : ''}`,
      lines: linesOf(f.evidence),
      evidence: f.evidence,
      cascade: null,
      dependents: 0,
      crash: null,
    };
  } else if (b.mode && b.mode.kind !== 'initramfs-shell' && b.mode.device !== null) {
    rootCause = {
      kind: 'root-device',
      unit: deviceUnitForPath(b.mode.device),
      headline: `the root device ${b.mode.device} never appeared: the initrd gave up and dropped to its shell`,
      lines: b.mode.evidence.map((e) => e.line),
      evidence: b.mode.evidence,
      cascade: null,
      dependents: 0,
      crash: null,
    };
  } else if (b.mode && b.mode.kind !== 'initramfs-shell' && b.mode.cause !== undefined) {
    const cause = b.mode.cause;
    // (And the prompt itself, the last of its evidence, however much was said before it.)
    const evidence = [cause, ...b.mode.evidence.slice(0, 2), ...b.mode.evidence.slice(2).slice(-1)];
    rootCause = {
      kind: 'unit',
      unit: b.mode.step ?? cause.text.trim(),
      headline: b.mode.step !== undefined
        ? `no systemd: the init scripts gave up at their step "${b.mode.step}" and asked for the root password for maintenance`
        : cause.why.startsWith('what went wrong just before')
        ? `no systemd: ${cause.text.trim()}; then a mount failed and the init system asked for the root password for maintenance`
        : cause.why.startsWith('a mount failed')
          ? `no systemd: a mount failed (${cause.text.trim()}) and the init system asked for the root password for maintenance`
          : `no systemd: ${cause.text.trim()}, and the init system asked for the root password for maintenance`,
      lines: linesOf(evidence),
      evidence,
      cascade: null,
      dependents: 0,
      crash: null,
    };
  } else if (b.mode && b.mode.kind !== 'initramfs-shell') {
    rootCause = {
      kind: 'unexplained',
      unit: null,
      headline: `no systemd: the init system asked for the root password for maintenance (${b.mode.kind} shell); the failure before it is not in a form bootwhy reads`,
      lines: b.mode.evidence.map((e) => e.line),
      evidence: b.mode.evidence,
      cascade: null,
      dependents: 0,
      crash: null,
    };
  } else if (!b.mode && b.initrdFailure && b.initrdFailure.initrd === 'nixos-stage-1') {
    const f = b.initrdFailure;
    // A file system stage 1 mounts for the booted system (`mount: mounting /mnt-root/persist/var/lib/nixos on
    // /mnt-root/var/lib/nixos failed: …`) is that system's mount unit, named by its path.
    const target = f.device === null && f.message !== null ? STAGE1_MOUNT_FAILED.exec(f.message)?.[1] : undefined;
    if (target !== undefined) {
      const unit = mountUnitForPath(target);
      rootCause = {
        kind: 'unit',
        unit,
        description: f.message,
        headline: `NixOS stage 1 could not mount ${target} (${unit}) for the system and stopped: ${f.message}`,
        lines: f.evidence.map((e) => e.line),
        evidence: f.evidence,
        cascade: null,
        dependents: 0,
        crash: null,
      };
    } else rootCause = {
      // (Stage 1 is there to mount the root file system: stopped before it found its system's init there, it
      // could not, whatever step failed: `fsck on /dev/vda1 failed.`, a pool it could not import.)
      kind: f.device || !STAGE2_MISSING.test(f.message ?? '') ? 'root-device' : 'unexplained',
      // No unit: the device it waited for, else stage 1's own words as printed.
      unit: f.device ? deviceUnitForPath(f.device) : (f.message ?? /An error occurred in stage 1 of the boot process/.exec(f.evidence.at(-1)?.text ?? '')?.[0] ?? null),
      headline: f.device ? `the root device ${f.device} never appeared: NixOS stage 1 gave up` : f.message ? `NixOS stage 1 stopped: ${f.message}` : 'NixOS stage 1 could not mount the root file system and stopped',
      lines: f.evidence.map((e) => e.line),
      evidence: f.evidence,
      cascade: null,
      dependents: 0,
      crash: null,
    };
  } else if (!b.mode && b.cycles.length === 0 && b.dracutWaiting !== undefined && b.initqueueTimeout !== undefined && b.end === 'log-end') {
    // A journal of the initrd that shows dracut's hooks and none of systemd's own lines: its initqueue timed out
    // and still waits for the root device when the log ends.
    rootCause = dracutWaitingCause(b.dracutWaiting, b.initqueueTimeout);
  } else if (b.mode?.requested !== undefined) {
    // The shell was asked for (`break=`): no failure of its own.
  } else if (b.mode && b.mode.kind === 'initramfs-shell' && b.mode.device === null && b.mode.cause !== undefined) {
    // The initramfs named no device it waited for, but said what went wrong before its shell.
    const cause = b.mode.cause;
    // (And the kernel's reason, just before: `BTRFS error (device sda3): devid 2 uuid … is missing`, then
    // `open_ctree failed`, then busybox's `mount: mounting /dev/sda3 on /root failed`.)
    const kernelSaid = (b.kernelFailures ?? []).filter((k) => (k.kind === 'mount' || k.kind === 'damage') && k.line < cause.line && cause.line - k.line <= KERNEL_SAID_WHY_LINES).flatMap((k) => [{ line: k.line, text: k.text, why: 'the kernel refused the mount' }, ...k.more]);
    const shown = new Set([cause.line]);
    const evidence = [...kernelSaid, cause, ...b.mode.evidence.slice(0, 3).filter((e) => !shown.has(e.line))];
    const said = cause.text.trim().replace(/\.$/, '');
    // (A step that is not about the root, `Setting IP (eth0)... failed.` for a remote unlock's network, is
    // named as printed, without its verdict.)
    const step = ROOT_WORDS.test(said) ? null : /^(.{3,80}?)\s*\.{2,3}\s*(?:failed|FAIL(?:ED)?|\[ ?!! ?\])$/.exec(said)?.[1] ?? null;
    rootCause = {
      // (No device, no unit: the root file system could not be had, in the initramfs's own words.)
      kind: step !== null ? 'unexplained' : 'root-device',
      unit: step,
      description: step ?? said,
      headline: `the initramfs stopped (${said}) and dropped to its shell`,
      lines: linesOf(evidence),
      evidence,
      cascade: null,
      dependents: 0,
      crash: null,
    };
  } else if (b.mode) {
    rootCause = {
      kind: 'root-device',
      unit: b.mode.device ? deviceUnitForPath(b.mode.device) : null,
      headline: b.mode.device
        ? `the root device ${b.mode.device} never appeared: the initramfs gave up and dropped to its shell`
        : b.mode.evidence.some((e) => e.why.startsWith('the mount failed'))
          ? 'mounting the root file system failed: the initramfs gave up and dropped to its shell'
          : 'the root file system device never appeared: the initramfs gave up and dropped to its shell',
      lines: b.mode.evidence.map((e) => e.line),
      evidence: b.mode.evidence,
      cascade: null,
      dependents: 0,
      crash: null,
    };
  } else {
    // (A crash a person asked for explains nothing; another crash of the boot still may: the report that made
    // the tester ask, or a fault on the way into the crash-dump kernel, `crash_vmclear_local_loaded_vmcss`.)
    const asked = explainingCrash(b.crashes);
    const crash = asked !== null && ASKED_CRASH.test(asked.title) ? (explainingCrash(b.crashes.filter((c) => !ASKED_CRASH.test(c.title))) ?? asked) : asked;
    const inCycle = crash !== null && cycles.some((cy) => cy.rootCause?.kind === 'kernel-crash' && cy.rootCause.lines[0] === crash.line);
    // A WARNING is not fatal (a fatal one is followed by its panic): when a userspace cycle failed for a
    // reason of its own, that reason explains the boot, and the WARNING stays a crash of it.
    const explainedByCycle =
      crash !== null &&
      cycles.some(
        (cy) =>
          cy.rootCause !== null &&
          // (Emergency mode with no failure in the log to explain it explains no crash: the crash is the
          // one failure the log shows.)
          cy.rootCause.kind !== 'unexplained' &&
          cy.outcome !== 'ok' &&
          // A failure before the crash explains it when the machine was already down (emergency, rescue)
          // or the crash is init dying; an unrelated failed unit long before a crash does not.
          ((cy.rootCause.lines[0]! < crash.line && (cy.outcome !== 'failed' || /kill(?:ing)? init/i.test(crash.title) || crash.kind === 'warning')) ||
            // (Not a unit known only from PID 1's audit record, said after the WARNING: the console showed no
            // failure of it, while the WARNING was there to read.)
            (crash.kind === 'warning' && b.end !== 'panic' && cy.rootCause.kind !== 'kernel-crash' && cy.rootCause.evidence[0]?.why !== AUDIT_FAILED)) &&
          // (Except on a kernel under development, a release candidate or linux-next, where a WARNING is what its
          // testers look for: a unit that failed with nothing after it (`systemd-modules-load.service`, which a
          // kernel built with another configuration often fails) does not explain it away.)
          !(crash.kind === 'warning' && cy.outcome === 'failed' && cy.rootCause.dependents === 0 && b.kernelVersion !== null && DEVELOPMENT_KERNEL.test(b.kernelVersion)),
      );
    // (Not an error the bootloader got past, loading its files after it, in a run that was then reset
    // with no other error: `** No partition table - mmc 1 **`, then `Retrieving file: /boot/extlinux/extlinux.conf`.)
    if (!b.hasKernel && b.cycles.length === 0 && b.bootloaderError !== null && b.bootloaderError.gotPast !== true) {
      const e = b.bootloaderError;
      const message = e.message.replace(/^(?:ERROR: +|error: +|\*\* )/, '').replace(/[.!]?\s*(?:\*\*)?$/, '');
      rootCause = {
        kind: 'bootloader',
        unit: message,
        headline: `the bootloader failed before any kernel ran: ${message}`,
        lines: [e.line],
        evidence: [...(e.before !== undefined ? [e.before] : []), { line: e.line, text: e.text, why: 'the bootloader reports the error' }, ...e.more].sort((x, y) => x.line - y.line),
        cascade: null,
        dependents: 0,
        crash: null,
        // (As the bootloader printed it: `error: unknown filesystem.`.)
        description: e.message.trim(),
      };
    } else if (crash && !inCycle && !explainedByCycle && crash.kind === 'warning' && driverBeforeWarning(b, crash)) {
      // A driver that gave up on its device, and the WARNING its teardown then tripped (`amdgpu …: Fatal error
      // during GPU init`, `[drm] amdgpu: finishing device.`, `WARNING: … at drm_mm_takedown`): the driver's failure
      // is the cause, the WARNING what followed from it.
      const driver = kernelFailure(b)!;
      rootCause = { ...driver, evidence: [...driver.evidence, ...crash.evidence.slice(0, 1).map((e) => ({ ...e, why: 'then the kernel warned as the driver let go of its device' }))] };
    } else if (crash && !inCycle && !explainedByCycle && !ASKED_CRASH.test(crash.title)) {
      // No init to run because the root never came (`Root-NFS: no NFS server address`, a filesystem the
      // kernel could not mount), then `No working init found`: the root's failure is the cause.
      // (Not a failure the kernel got past: `Sending DHCP requests … timed out!`, then its root mounted all the same.)
      const root = crash.kind === 'panic' && NO_INIT_PANIC.test(crash.title) ? (b.kernelFailures ?? []).find((f) => f.kind === 'mount' && f.line < crash.line && !(b.rootMountedLine !== undefined && b.rootMountedLine > f.line)) : undefined;
      // An initramfs without systemd whose mount failed (`mount: mounting /dev/mtdblock5 on run/initramfs/rw
      // failed: Input/output error`), then its init exited and the kernel panicked: the mount is the cause.
      // (Of several, the first: `…/ro failed: Invalid argument` before `…/rw failed: Input/output error`, one
      // flash that would not read, is where it began.)
      const mount = crash.kind === 'panic' && /kill(?:ing)? init/i.test(crash.title) && b.cycles.length === 0 && b.mountErrors?.some((m) => m.line < crash.line && crash.line - m.line <= 60) ? b.mountErrors.find((m) => m.line < crash.line) : undefined;
      // (Or it asked for a device the kernel does not have, `/dev/mmcblk0p29: Can't lookup blockdev`, and its init
      // exited: the switch to the root that is not there.)
      const lookup = mount === undefined && crash.kind === 'panic' && /kill(?:ing)? init/i.test(crash.title) && b.cycles.length === 0 && b.blockdevMissing !== undefined && b.blockdevMissing.line < crash.line && crash.line - b.blockdevMissing.line <= 20 ? b.blockdevMissing : undefined;
      // (Most who read such logs name the panic; its evidence shows the mount.)
      // (`VFS: Unable to mount root fs via NFS` is the panic's own reason in other words: the panic is named, the line its evidence.)
      const why = root !== undefined && !root.message.startsWith('VFS: Unable to mount root fs') ? kernelFailure(b) : null;
      const panic = crashCause(crash);
      // Tasks hung after the kernel took a disk out of service or a device stopped answering: they wait on
      // I/O that will not complete, and the device is why.
      // (An RCU stall after a controller stopped answering is the same wait, seen by RCU: a CPU stuck on it.)
      const device = crash.kind === 'hung-task' || (crash.kind === 'bug' && /rcu.*stall/i.test(crash.title)) ? (b.kernelFailures ?? []).find((f) => (f.kind === 'disk' || f.kind === 'hang') && f.line < crash.line) : undefined;
      // init killed as it read from a file system the kernel had just found damaged (`SQUASHFS error: zlib
      // decompression failed, data probably corrupt`, then `Attempted to kill init! exitcode=0x00000007`: a SIGBUS
      // from a page that could not be read): the damage is why, closer than any mount that failed before it.
      const damaged = crash.kind === 'panic' && /kill(?:ing)? init/i.test(crash.title) ? (b.kernelFailures ?? []).find((f) => f.kind === 'damage' && f.line < crash.line && crash.line - f.line <= 12) : undefined;
      const handOver = mount !== undefined && b.initrdFailure?.initrd === 'initramfs-script' && b.initrdFailure.line > mount.line && b.initrdFailure.line < crash.line ? b.initrdFailure.evidence : [];
      const mountEvidence: Evidence[] =
        mount !== undefined ? [...(mount.kernel !== null ? [{ line: mount.kernel.line, text: mount.kernel.text, why: 'the kernel refused the mount' }] : []), { line: mount.line, text: mount.text, why: 'the initramfs could not mount a file system it needs; its init exited' }, ...handOver] : [];
      // The network root failed while the network controller's driver was still deferred: no network
      // device, no NFS root.
      const net = root !== undefined && /NFS|DHCP|BOOTP|IP-Config/.test(root.message) && b.deferredProbe?.net !== undefined && b.deferredProbe.net.line < crash.line ? b.deferredProbe.net : undefined;
      const nfsFailure = root !== undefined ? [{ line: root.line, text: root.text, why: 'the kernel could not mount its network root' }] : [];
      const netSaid = net === undefined ? undefined : kernelSaid(net.text);
      rootCause =
        device !== undefined
          ? {
              kind: 'kernel-error',
              unit: device.message,
              headline: `${device.kind === 'disk' ? 'a disk failed' : 'a device stopped responding'}: ${device.message.replace(/\.$/, '')}; then ${crash.kind === 'hung-task' ? 'tasks hung' : 'a CPU stalled'} waiting on it`,
              evidence: [{ line: device.line, text: device.text, why: device.kind === 'disk' ? 'the kernel took the failing disk out of service' : 'its driver says the device stopped responding' }, ...device.more, ...panic.evidence.slice(0, 2).map((e) => ({ ...e, why: 'a task hung after it' }))],
              lines: [device.line, ...panic.lines.slice(0, 2)],
              cascade: null,
              dependents: 0,
              crash: null,
              description: device.message,
            }
          : net !== undefined
          ? {
              kind: 'kernel-error',
              unit: netSaid!,
              headline: `the network controller's driver never finished probing (${netSaid}): without it the NFS root could not be mounted, no init was found and the kernel panicked`,
              evidence: [net, ...nfsFailure, { line: crash.line, text: crash.evidence[0]?.text ?? crash.title, why: 'the kernel panicked for want of an init' }],
              lines: [net.line, ...nfsFailure.map((e) => e.line), crash.line],
              cascade: null,
              dependents: 0,
              crash: null,
              description: netSaid!,
            }
          : damaged !== undefined && !(mount !== undefined && mount.line > damaged.line)
          ? {
              kind: 'kernel-error',
              unit: damaged.message,
              headline: `the kernel found a file system damaged: ${damaged.message.replace(/\.$/, '')}; init died reading it and the kernel panicked`,
              evidence: [{ line: damaged.line, text: damaged.text, why: 'the filesystem says it found damage' }, ...damaged.more, ...(b.kernelFailures ?? []).filter((f) => f.kind === 'damage' && f.line > damaged.line && f.line < crash.line).slice(0, 2).map((f) => ({ line: f.line, text: f.text, why: 'the filesystem says it again' })), ...panic.evidence.slice(0, 2).map((e) => ({ ...e, why: 'then init was killed and the kernel panicked' }))],
              lines: [damaged.line, ...panic.lines.slice(0, 2)],
              cascade: null,
              dependents: 0,
              crash: null,
              description: damaged.message,
            }
          : why !== null
          ? { ...why, headline: `${why.headline}; with no root, the kernel found no init and panicked`, evidence: [...why.evidence, { line: crash.line, text: crash.evidence[0]?.text ?? crash.title, why: 'the kernel panicked for want of an init' }], lines: [...why.lines, crash.line] }
          : mount !== undefined
            ? { ...panic, headline: `${panic.headline} (the initramfs could not mount a file system: ${mount.message})`, evidence: [...mountEvidence, ...panic.evidence], lines: [...new Set([...mountEvidence.map((e) => e.line), ...panic.lines])].sort((a, b) => a - b) }
            : lookup !== undefined
              ? { ...panic, headline: `${panic.headline} (the initramfs asked for ${lookup.path}, which the kernel does not have)`, evidence: [{ line: lookup.line, text: lookup.text, why: 'the kernel has no such device' }, ...panic.evidence], lines: [lookup.line, ...panic.lines] }
              : panic;
      if (rootCause.kind === 'kernel-crash') rootCause = failureInCrashCode(b, crash, rootCause) ?? rootCause;
    }
    else if ((!crash || ASKED_CRASH.test(crash.title)) && cycles.every((c) => c.rootCause === null)) rootCause = initCause() ?? initMountCause() ?? overseerFailed(b) ?? journalMountCause(b) ?? nspawnFailed(b) ?? nixosStage2Failed(b) ?? initramfsHang(b, endsTheLog) ?? lsbStepHang(b, endsTheLog) ?? rootWaitHang(b, endsTheLog) ?? rootMissingAtEnd(b, endsTheLog) ?? rootMountFailed(b) ?? userFaultCause(b) ?? bootloaderFault(b) ?? kernelFailure(b) ?? initGaveUp(b) ?? initScriptsFailing(b, endsTheLog) ?? watchdogCause(b) ?? silentKernel(b, endsTheLog) ?? deferredProbeHang(b, endsTheLog) ?? preinitHang(b, endsTheLog) ?? kernelStoppedMidStep(b, endsTheLog) ?? initSilent(b, endsTheLog) ?? hookComplained(b) ?? bootTraceback(b) ?? goingRound(b, endsTheLog);
  }
  rootCause = secureFirmwareFirst(b, rootCause) ?? behindStorageDriver(b, rootCause, cycles) ?? ioBehindRoot(b, rootCause) ?? afterDeviceHang(b, rootCause, cycles) ?? rootCause;
  return {
    index: b.index,
    startReason: b.startReason,
    startsMidway,
    startLine: b.startLine,
    endLine: b.endLine,
    kernelVersion: b.kernelVersion,
    firstUptime: b.firstUptime,
    lastUptime: b.lastUptime,
    phases: phaseDurations(b.phases, b.cycles[0]?.phases),
    cycles,
    crashes,
    emergency: mode,
    rootCause: described(rootCause, resolver),
    init: b.init,
    loginLine: b.loginLine,
    end: b.end,
  };
}

/** Panics that report an earlier crash rather than a cause of their own. */
/** A crash a person asked for (`echo c > /proc/sysrq-trigger`, to test a crash-dump kernel): shown, not a cause. */
/** A kernel under development: a release candidate (`5.8.0-rc6-00292-g4c873fbf079b5`), linux-next (`5.3.0-rc4-next-20190814`),
 *  or a tree between releases as git describes it (`5.1.0-12510-g09324d3`) or a bisection names it (`6.1.0-830b3c68c1fb`). */
const DEVELOPMENT_KERNEL = /-rc\d|-next-\d{8}|^\d+\.\d+\.\d+-\d+-g[0-9a-f]{7,}|^\d+\.\d+\.\d+-[0-9a-f]{12}\+?$/;
const ASKED_CRASH = /sysrq triggered crash/i;
/** initramfs-tools found no init on the root it was to hand over to. */
const NO_INIT_ON_ROOT = /^(?:Target filesystem doesn'?t have (?:requested )?|No init found)/;
/** switch_root could not move the new root into place: nothing was mounted there. */
const SWITCH_ROOT_UNMOUNTED = /^switch_root: failed to mount moving /;
/** An initramfs script's words for a root it could not mount or import (see initramfsScriptFailure). */
const ROOT_NOT_MOUNTED = /^(?:Failed to mount \S* ?as root file system|Failed to mount the real root device|ZFS: Unable to import pool |cannot import |cannot open '?[^\s':]+'?:? dataset does not exist)/;
/** The initramfs-tools step that mounts the root (`Begin: Mounting root file system ...`). */
const ROOT_MOUNT_STEP = /'Mounting root file system|'Running \/scripts\/local-premount|'Running \/scripts\/nfs-premount/;
/** Panics for want of an init to run. */
const NO_INIT_PANIC = /No working init found|No init found/;
const ROOT_MOUNT_PANIC = /VFS: Unable to mount root fs/;
/** Where the storage stack's code lives (a WARNING's or BUG's ` at drivers/mmc/core/…`). */
const STORAGE_SOURCE = / at (?:drivers\/(?:mtd|mmc|nvme|scsi|ata|block|md|ufs|usb\/storage)|block|fs)\/\S+/;
const CONSEQUENTIAL_PANIC = /Fatal exception|kernel stack overflow|: Kernel Fault$|softlockup: hung tasks|hung_task: blocked tasks|panic_on_warn|Oops|Aiee, killing interrupt handler|System is deadlocked|Fatal machine check|Out of memory and no killable processes|Out of memory: (?:system-wide|compulsory) panic_on_oom|panic_on_oops|hard LOCKUP|Watchdog detected hard LOCKUP|Attempted to kill the idle task|: BUG!$/;

/** A panic that a detector raised says which: when the log lost the report before it, the panic's own
 *  reason names the kind of crash that explains the boot. */
function panicKind(title: string): CrashState['kind'] {
  if (/hung_task: blocked tasks/.test(title)) return 'hung-task';
  // (`System is deadlocked on memory` alone is a panic: the OOM killer's report that would make it an
  // out-of-memory crash is not in the log.)
  if (/Out of memory|panic_on_oom/.test(title)) return 'oom';
  if (/softlockup: hung tasks|hard LOCKUP/.test(title)) return 'bug';
  return 'panic';
}

/**
 * The kernel crash that explains a boot: a panic, unless it reports a crash just before it (`Fatal
 * exception` after an oops, `softlockup: hung tasks` after a soft lockup), in which case that crash;
 * without a panic, the first crash (a WARNING only when nothing worse happened).
 */
export function explainingCrash(crashes: readonly CrashState[]): CrashState | null {
  const panic = crashes.find((c) => c.kind === 'panic');
  if (panic) {
    // init killed by a signal just after an oops (`Attempted to kill init! exitcode=0x0000000b`): the
    // oops took init down with it.
    // (A signal's exit code: SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGKILL, SIGSEGV; an exit status of
    // its own, 0x00000200, is init giving up for its own reason.)
    // (An exit code cut off the line, by a mail client's wrap or a console's width, is read as the oops's
    // when the oops is close before it.)
    const initKilledByOops =
      // (Its digits as the console left them, `exitcode=0x09` on a line cut at its width.)
      (/Attempted to kill init! exitcode=0x0*[4-79b]\b/.test(panic.title) && crashes.some((c) => (c.kind === 'oops' || c.kind === 'bug') && c.line < panic.line && panic.line - c.line <= 400)) ||
      // (Or cut before what it killed, `Attempted to kill` / `the idle task!` on the next line: init or the idle
      // task, either killed by the oops just before.)
      (/Attempted to kill(?: init!)?\s*$/.test(panic.title) && crashes.some((c) => (c.kind === 'oops' || c.kind === 'bug') && c.line < panic.line && panic.line - c.line <= 100));
    // No root file system to mount after the storage stack warned or hit a BUG as it brought a device up
    // (`WARNING: … at drivers/mtd/mtdcore.c:621 add_mtd_device`, the root's flash partition rejected): that
    // report is why the root never came.
    if (ROOT_MOUNT_PANIC.test(panic.title)) {
      const storage = crashes.find((c) => c.line < panic.line && (c.kind === 'warning' || c.kind === 'bug') && STORAGE_SOURCE.test(c.evidence.find((e) => e.line === c.line)?.text ?? ''));
      const said = panic.evidence[0];
      if (storage !== undefined) return said === undefined ? storage : { ...storage, evidence: [...storage.evidence, { ...said, why: 'then the kernel found no root file system to mount' }] };
    }
    // (A panic of its own reason that the same task's WARNINGs led up to, down the same calls: `WARNING … at
    // fs/sysfs/group.c:291 sysfs_remove_group` in driver_init, then `Kernel panic - not syncing: Failed to
    // register CPU subsystem` from driver_init a moment later: the first WARNING began it.)
    // (A panic whose reason was lost off its line says nothing of its own: the crash just before it is why.)
    const reasonLost = PANIC_REASON_LOST.test(panic.title) && crashes.some((c) => c.kind !== 'warning' && c.kind !== 'panic' && c.line < panic.line && panic.line - c.line <= 100);
    if (!CONSEQUENTIAL_PANIC.test(panic.title) && !initKilledByOops && !reasonLost) return ledTo(warningOnTheWay(panic, crashes), panic) ?? panic;
    const near = crashes.filter((c) => c !== panic && c.line <= panic.line && panic.line - c.line <= 400);
    // (An oops the kernel says is not its first, `Oops: 5 [#2]` or `Tainted: … D` (a task died before it): the chain
    // began at that earlier death, however far above, `Internal error: : 1406 [#1]` 500 lines before.)
    const nearHard = near.find((c) => c.kind !== 'warning' && !isFaultShadow(c, crashes));
    const notFirst = nearHard !== undefined && (nearHard.details.tainted?.includes('D') === true || nearHard.evidence.some((e) => (e.line === nearHard.line || e.why === 'the oops') && /\[#(?:[2-9]|\d\d+)\]/.test(e.text)));
    const died = notFirst ? crashes.find((c) => (c.kind === 'oops' || c.kind === 'bug') && c.line < nearHard.line && !isFaultShadow(c, crashes)) : undefined;
    const before = died !== undefined ? crashes.filter((c) => c !== panic && c.line >= died.line && c.line <= panic.line) : near;
    const firstHard = before.find((c) => c.kind !== 'warning' && !isFaultShadow(c, crashes));
    const cause = (firstHard !== undefined ? ledTo(leadingWarning(firstHard, crashes), reportOf(firstHard, crashes)) : null) ?? reportOf(firstHard ?? before[0] ?? panic, crashes);
    // The oops it led to (`BUG: KASAN: …`, then `Internal error: Oops: 96000004 [#1]`), and the panic that
    // reports it, are evidence of what it led to.
    const then = before.filter((c) => c !== cause && c !== panic && c.line > cause.line && (c.kind === 'oops' || c.kind === 'bug')).slice(0, 2);
    const led = then.flatMap((c) => c.evidence.filter((e) => e.line === c.line || e.why === 'the oops').slice(0, 2)).filter((e) => !cause.evidence.some((x) => x.line === e.line)).map((e) => ({ ...e, why: 'then the same fault was reported as an oops' }));
    const withLed = led.length > 0 && cause !== panic ? { ...cause, evidence: [...cause.evidence, ...led] } : cause;
    const said = panic.evidence[0];
    return cause === panic || said === undefined || withLed.evidence.some((e) => e.line === said.line) ? withLed : { ...withLed, evidence: [...withLed.evidence, { ...said, why: 'the kernel panicked because of it' }] };
  }
  const hard = crashes.find((c) => c.kind !== 'warning' && !isFaultShadow(c, crashes));
  if (hard !== undefined) return ledTo(leadingWarning(hard, crashes), reportOf(hard, crashes)) ?? reportOf(hard, crashes);
  return crashes[0] ?? null;
}

/** The WARNING that began a task's chain, with the crash it led to as its evidence (its header and where the
 *  kernel was); null without one. */
function ledTo(warning: CrashState | null, crash: CrashState): CrashState | null {
  if (warning === null) return null;
  const said = crash.evidence.filter((e) => e.line === crash.line || e.why === 'the oops' || e.why === 'where the kernel was executing').slice(0, 3);
  return { ...warning, evidence: [...warning.evidence, ...said.filter((e) => !warning.evidence.some((w) => w.line === e.line)).map((e) => ({ ...e, why: 'the same task then crashed' }))] };
}

/** A WARNING the same task hit just before its oops or BUG (within a couple of seconds, nothing else between):
 *  the first report of one chain of events (a counter gone wrong, then the fault it leads to), and the one
 *  that says where it began. A WARNING of another task, or long before, stays a crash of its own. A soft
 *  lockup is reported when the CPU has been stuck for its threshold: the time it says it was stuck counts
 *  from when it began (`BUG: soft lockup - CPU#0 stuck for 22s!` 26 s after a WARNING in the same task). */
const HUNG_TASK_PID = /INFO: task \S+?:(\d+) blocked for more than/;
/** lockdep's reports of a deadlock it saw coming. */
const LOCKDEP_DEADLOCK = /^WARNING: possible (?:recursive locking|circular locking dependency|irq lock inversion dependency) detected|^WARNING: inconsistent lock state/;

function leadingWarning(c: CrashState, crashes: readonly CrashState[]): CrashState | null {
  // (The task by its id, or when the report gives none, by its name: `BUG: Bad page state in process napi/phy0-324`.)
  // (A hung task's report is printed by khungtaskd: the task that hung is the one it names, `INFO: task swapper/0:1
  // blocked for more than 143 seconds`.)
  const hung = c.kind === 'hung-task' ? HUNG_TASK_PID.exec(c.evidence.find((e) => e.line === c.line)?.text ?? '') : null;
  const pid = hung !== null ? Number(hung[1]) : c.details.pid;
  const comm = pid === null ? (c.details.comm ?? / in process (\S+)/.exec(c.title)?.[1] ?? null) : null;
  if (pid === null && comm === null) return cutAfterWarning(c, crashes);
  const header = c.evidence.find((e) => e.line === c.line)?.text ?? '';
  const stuck = c.title.startsWith('BUG: soft lockup') ? Number(/ stuck for (\d+)s!/.exec(header)?.[1] ?? 0) : 0;
  const began = c.uptime === null ? null : c.uptime - stuck;
  let lead: CrashState | null = null;
  for (const w of crashes) {
    if (w.line >= c.line) break;
    if (c.line - w.line > 200) continue;
    if (w.kind !== 'warning') {
      lead = null;
      continue;
    }
    // (Without timestamps, the same calls say it: a frame they share, not init's own; `WARNING … at
    // block/bio.c:229 bio_free`, then the NULL dereference at `bio_free+0x24/0x70`.)
    // (A task lockdep said would deadlock, `WARNING: possible recursive locking detected` as it took a lock in
    // set_blocksize, that later hangs in the same calls, `INFO: task swapper/0:1 blocked for more than 143 seconds`
    // in down_write: the deadlock it foresaw, however long before the hung-task detector noticed.)
    const foreseen = c.kind === 'hung-task' && LOCKDEP_DEADLOCK.test(w.title) && sharesFrame(w, c);
    const close = foreseen || (w.uptime !== null && began !== null ? began - w.uptime >= -1 && began - w.uptime <= (stuck > 0 ? 5 : 2) : w.uptime === null && c.uptime === null && sharesFrame(w, c));
    // (PID 0 is the boot CPU's own task until init runs: everything early is it. There, the same calls must say so.)
    if ((pid !== null ? w.details.pid === pid : w.details.comm === comm) && close && (pid !== 0 || sharesFrame(w, c))) lead ??= w;
    else lead = null;
  }
  return lead;
}

/** A BUG or oops whose report the log lost after its header (the log ends there), just after a task's WARNING
 *  report: `---[ end trace … ]---`, `------------[ cut here ]------------`, `kernel BUG at lib/dynamic_queue_limits.c:27!`.
 *  Nothing says which task, but nothing came between: the same chain, begun at that task's first WARNING of the run. */
function cutAfterWarning(c: CrashState, crashes: readonly CrashState[]): CrashState | null {
  const at = crashes.indexOf(c);
  const prev = crashes[at - 1];
  if (c.trace !== false || c.details.frames.length > 0 || prev === undefined || prev.kind !== 'warning' || prev.details.pid === null || c.line - prev.line > 120) return null;
  let lead = prev;
  for (let i = at - 2; i >= 0; i--) {
    const w = crashes[i]!;
    if (w.kind !== 'warning' || w.details.pid !== prev.details.pid || lead.line - w.line > 120) break;
    lead = w;
  }
  return lead;
}

/** Two reports pass through the same function (not one every task or report passes through). */
function sharesFrame(a: CrashState, b: CrashState): boolean {
  const own = (f: string): string => f.replace(/\+0x.*$/, '');
  const frames = new Set(a.details.frames.map(own).filter((f) => !INIT_FRAME.test(f) && !GENERIC_FRAME.test(f)));
  return b.details.frames.some((f) => frames.has(own(f)));
}

/** Frames every task started by the kernel's init passes through: sharing them says nothing. */
const INIT_FRAME = /^(?:kernel_init\w*|__primary_switch(?:ed)?|x86_64_start_\w+|i386_start_kernel|do_one_initcall|do_initcalls|do_basic_setup|do_initcall_level|kernel_thread|ret_from_fork\w*|ret_from_kernel_thread|start_kernel|rest_init|arch_call_rest_init|start_secondary|secondary_startup\w*|kthread|worker_thread|process_one_work)$/;

/** The first WARNING of the panicking task, within two seconds before the panic and with nothing worse between,
 *  whose call trace shares a function (not init's own) with the panic's: the same calls went wrong. */
function warningOnTheWay(panic: CrashState, crashes: readonly CrashState[]): CrashState | null {
  const pid = panic.details.pid;
  if (pid === null || panic.uptime === null) return null;
  const frames = new Set(panic.details.frames.map((f) => f.replace(/\+0x.*$/, '')).filter((f) => !INIT_FRAME.test(f) && !GENERIC_FRAME.test(f)));
  if (frames.size === 0) return null;
  let first: CrashState | null = null;
  for (const w of crashes) {
    if (w.line >= panic.line) break;
    if (w.kind !== 'warning') {
      first = null;
      continue;
    }
    if (w.details.pid !== pid || w.uptime === null || panic.uptime - w.uptime > 2 || panic.uptime < w.uptime) continue;
    if (w.details.frames.some((f) => frames.has(f.replace(/\+0x.*$/, '')))) first ??= w;
  }
  return first;
}

/** A page fault taken where sleeping is not allowed complains first (`BUG: sleeping function called from
 *  invalid context at arch/x86/mm/fault.c`) and then reports the fault itself: the fault is the crash. */
function isFaultShadow(c: CrashState, crashes: readonly CrashState[]): boolean {
  return c.kind === 'bug' && /sleeping function called from invalid context at arch\/\S+\/mm\/fault\.c/.test(c.title) && crashes.some((o) => o.line > c.line && o.line - c.line <= 300 && (o.kind === 'oops' || o.kind === 'bug'));
}

/** x86 opens an oops with a `BUG: kernel NULL pointer dereference` line: the report is the oops that follows. */
function reportOf(c: CrashState, crashes: readonly CrashState[]): CrashState {
  if (c.kind !== 'bug' || !/unable to handle|NULL pointer dereference|paging request/i.test(c.title)) return c;
  const oops = crashes.find((o) => o.kind === 'oops' && o.line > c.line && o.line - c.line <= 80);
  if (!oops) return c;
  // One incident: where the BUG said the kernel was is where the oops was (older x86 prints `IP:` between them).
  const at = / in (\S+)$/.exec(c.title);
  const title = at !== null && !/ in \S+$/.test(oops.title) ? `${oops.title} in ${at[1]}` : oops.title;
  return { ...oops, title, evidence: [...oops.evidence, ...c.evidence.filter((e) => !oops.evidence.some((o) => o.line === e.line))] };
}

function crashHeader(c: CrashState): string | null {
  const header = c.evidence.find((e) => e.line === c.line) ?? c.evidence[0];
  if (header === undefined) return null;
  let text = header.text.trim();
  // (From a journal or syslog: the kernel's message after its ident.)
  const k = text.indexOf(' kernel: ');
  if (k > 0 && k < 80) text = text.slice(k + 9);
  return text.replace(/^\[\s*\d+\.\d+\](?:\[\s*[TC]\d+\])?\s*/, '').trim() || null;
}

function crashCause(c: CrashState): Cause {
  return {
    kind: 'kernel-crash',
    unit: null,
    // In the log's words: the kernel's own header line without its timestamp (`rcu: INFO: rcu_sched
    // self-detected stall on CPU`); the headline carries bootwhy's title.
    description: crashHeader(c) ?? c.title,
    headline: c.kind === 'panic' ? `the kernel panicked: ${c.title.replace(/^kernel panic: /, '')}` : `the kernel crashed: ${c.title}`,
    lines: c.evidence.map((e) => e.line),
    evidence: c.evidence,
    cascade: null,
    dependents: 0,
    crash: c.kind === 'panic' ? panicKind(c.title) : c.kind,
  };
}

function buildCrash(c: CrashState): KernelCrash {
  return { kind: c.kind, title: c.title, line: c.line, uptime: c.uptime, cycle: c.cycle, evidence: c.evidence, details: { ...c.details, modules: [...c.details.modules], frames: [...c.details.frames] } };
}

function buildMode(m: ModeState, triggeredBy: string | null, requestedBy: Evidence | null = null): Emergency {
  const evidence = requestedBy ? [requestedBy, ...m.evidence] : m.evidence;
  return { kind: m.kind, line: m.line, triggeredBy, device: m.device, requested: requestedBy !== null, evidence };
}

/** The target each systemd mode is. */
const MODE_TARGET: Partial<Record<ModeState['kind'], string>> = { rescue: 'rescue.target', emergency: 'emergency.target' };

/** A mode nobody failed into: PID 1 was told to start it as the default target, and nothing failed. */
function requestedMode(c: CycleState, failures: number): Evidence | null {
  // systemd enters rescue mode only when asked (`single`, `systemd.unit=rescue.target`, `systemctl
  // rescue`): failures take it to emergency mode. With nothing failed, rescue mode was asked for.
  if (c.mode !== null && c.mode.kind === 'rescue' && failures === 0 && c.fatal === undefined && c.defaultTarget === null) {
    const ev = c.mode.evidence[0];
    if (ev !== undefined) return { line: ev.line, text: ev.text, why: 'rescue mode with nothing failed: systemd enters it only when asked' };
  }
  // PID 1's own word that the mode was its default target, else what asked for it: dracut's shell that rd.break=
  // asked for (`Break before pre-mount`), a command line's `systemd.unit=emergency.service`; with nothing failed.
  const at = c.defaultTargetAt;
  if (c.mode !== null && failures === 0 && c.defaultTarget !== null && MODE_TARGET[c.mode.kind] === c.defaultTarget && at) return { line: at.line, text: at.text, why: `${c.defaultTarget} was the default target: the mode was asked for` };
  if (c.mode !== null && c.mode.requested !== undefined && failures === 0 && c.fatal === undefined) return c.mode.requested;
  return null;
}

/** Resolves names the log made certain later on, and merges what then turns out to be one failure. */
function settleFailures(c: CycleState, resolver: UnitResolver): FailureState[] {
  const merged = new Map<string, FailureState>();
  const out: FailureState[] = [];
  for (const f0 of c.failures) {
    const ref = f0.ref.name === null ? resolver.resolve(f0.ref, typeHint(f0.verb)) : f0.ref;
    const f: FailureState = ref === f0.ref ? f0 : { ...f0, ref };
    const key = `${f.kind}\u0000${f.ref.name ?? f.ref.text}`;
    const prev = merged.get(key);
    if (prev) {
      for (const [s, n] of f.counts) prev.counts.set(s, (prev.counts.get(s) ?? 0) + n);
      for (const e of f.evidence) if (prev.evidence.length < 12 && !prev.evidence.some((x) => x.line === e.line)) prev.evidence.push(e);
      continue;
    }
    const copy: FailureState = { ...f, counts: new Map(f.counts), evidence: [...f.evidence] };
    merged.set(key, copy);
    out.push(copy);
  }
  return out;
}

function buildCycle(c0: CycleState, boot: BootState, position: number, bootStartsMidway: boolean, resolver: UnitResolver, endsTheLog = false, cutOff = false): Cycle {
  // A log that ends at agetty's /etc/issue lost the prompt printed with it (no newline after a prompt,
  // a mail or a screen copy that dropped the last line): the login prompt was there.
  const issueLast = c0.loginLine === null && c0.issueLine !== undefined && endsTheLog && c0.end === 'log-end' && boot.end === 'log-end' && c0.contentEnd - c0.issueLine <= 1;
  const c: CycleState = issueLast ? { ...c0, loginLine: c0.issueLine! } : c0;
  // (A unit that would not stop while the system shut down, the shutdown going on to its end after, or the next
  // boot coming: it was held up, nothing failed of it. Where the log ends in that shutdown, it is what it hung on.)
  const failures = settleFailures(c, resolver).filter((f) => f.atShutdown !== true || (endsTheLog && c.end === 'log-end'));
  const entries = attribute(failures);
  const byFailure = new Map(entries.map((e) => [e.failure, e]));

  const { start, note } = cycleStart(c, boot, position, bootStartsMidway);

  let triggeredBy: string | null = null;
  if (c.mode && (c.mode.kind === 'emergency' || c.mode.kind === 'rescue')) {
    const trigger = EMERGENCY_TRIGGERS.map((t) => entries.find((e) => e.name === t && e.failure.line <= c.mode!.line)).find((e) => e !== undefined);
    triggeredBy = trigger?.name ?? (c.onFailure !== null && c.mode.kind === 'emergency' ? c.onFailure : null);
    // (CoreOS's initrd names the units that sent it there as its emergency shell begins: `Displaying logs
    // from failed units: ignition-ostree-growfs.service`.)
    if (triggeredBy === null) {
      const shown = c.mode.evidence.find((e) => e.text.includes('Displaying logs from failed units: '));
      triggeredBy = shown !== undefined ? (/Displaying logs from failed units: ([\w@.\\:-]+\.(?:service|mount|target|device|socket|swap|path|timer))\b/.exec(shown.text)?.[1] ?? null) : null;
    }
    // (systemd-fsck asks for emergency.target itself, and its unit is reported failed just after, once the check
    // exits: the unit that did not name its device in its own words is the one that asked.)
    if (triggeredBy === null && c.mode.evidence[0]?.why.startsWith('systemd-fsck asked for ')) {
      const at = c.mode.line;
      triggeredBy = entries.find((e) => e.name.startsWith('systemd-fsck') && e.failure.line >= at && e.failure.line - at <= 5)?.name ?? null;
    }
  }
  const panic = boot.crashes.find((cr) => cr.kind === 'panic' && cr.cycle === c.index);

  const requested = requestedMode(c, failures.filter((f) => breaksSomething(f, c)).length);
  const crash = panic ? explainingCrash(boot.crashes.filter((cr) => cr.cycle === c.index && cr.line <= panic.line)) : null;
  let rootCause = requested ? null : cycleRootCause(c, entries, triggeredBy, crash, boot.crashes.length > 0, boot.consoleKernel === true);
  let outcome: Cycle['outcome'] = c.mode
    ? c.mode.kind === 'rescue'
      ? 'rescue'
      : 'emergency'
    : panic
      ? 'panic'
      : failures.some((f) => breaksSomething(f, c)) || c.fatal !== undefined || (rootCause !== null && c.shutdownFailed !== undefined && rootCause.unit === c.shutdownFailed.cause)
        ? 'failed'
        : c.loginLine !== null || c.startupFinished !== null || c.end !== 'log-end'
          ? 'ok'
          : 'incomplete';
  // Nothing failed for good, but a unit was restarted again and again: it never stayed up.
  if ((outcome === 'ok' || outcome === 'incomplete') && rootCause === null && !requested) {
    const loop = restartLoop(c);
    if (loop !== null) {
      rootCause = loop;
      outcome = 'failed';
    }
  }
  // Nothing of systemd's failed, but a program stopped on an uncaught error (a Python traceback): that is what
  // went wrong, in its own words, under its unit when the log binds it.
  if ((outcome === 'ok' || outcome === 'incomplete') && rootCause === null && !requested && c.traceback?.exception !== undefined) {
    rootCause = tracebackCause(c.traceback);
    outcome = 'failed';
  }
  // The machine was reset while its spinner showed a start job running (the next boot began with no end to
  // this one): the boot hung on it, and was restarted by hand or by a watchdog.
  if (outcome === 'incomplete' && rootCause === null && cutOff && c.end === 'log-end') {
    const hung = hungAtEnd(c, 'the machine was restarted', resolver);
    if (hung !== null) {
      rootCause = hung;
      outcome = 'failed';
    }
  }
  // The log ends while start jobs are still running and nothing else happened: the boot hung on them.
  if (outcome === 'incomplete' && rootCause === null && endsTheLog && boot.end === 'log-end') {
    const hung = hungAtEnd(c, undefined, resolver) ?? missingAtEnd(c) ?? dracutStillWaiting(boot, c, position) ?? startCutShort(c, resolver) ?? ignitionStageFailed(c);
    if (hung !== null) {
      rootCause = hung;
      outcome = 'failed';
    }
  }

  // `systemctl list-jobs` showed a start job running whose own process waits on a start queued behind it:
  // the boot cannot finish, whatever the console showed (a login prompt comes before multi-user.target).
  if (rootCause === null && c.listedJobs !== undefined) {
    const stuck = listedStuck(c.listedJobs, c.startsFromWithin);
    if (stuck !== null) {
      rootCause = stuck;
      outcome = 'failed';
    }
  }

  // systemd-modules-load could not load a module, in a log that shows nothing of its unit (a `journalctl -p err`):
  // the unit failed, as it does whenever a module fails.
  if (rootCause === null && c.modulesLoadError !== undefined && c.failures.length === 0 && !c.unitsSeen.has('systemd-modules-load.service')) {
    rootCause = statedCause('unit', 'systemd-modules-load.service', `systemd-modules-load.service failed: ${c.modulesLoadError.text.replace(/^.*?systemd-modules-load\[\d+\]: /, '').trim()}`, [c.modulesLoadError]);
    outcome = 'failed';
  }

  const out: Failure[] = failures.map((f) => {
    const e = byFailure.get(f)!;
    return {
      unit: { ...f.ref },
      kind: f.kind,
      verb: f.verb,
      line: f.line,
      message: f.message,
      source: f.source,
      count: Math.max(...f.counts.values()),
      causedBy: e.parent?.name ?? null,
      rootCause: e.failure.kind === 'dependency' ? (e.root?.name ?? null) : null,
      result: f.result,
      manager: f.manager,
      expected: null,
      evidence: f.evidence,
    };
  });
  const jobStates = [...c.jobs.values()];
  const jobs: Job[] = jobStates.map((j) => {
    const ref = j.ref.name === null ? resolver.resolve(j.ref) : j.ref;
    const failed = failures.find((f) => f.ref.name !== null && f.ref.name === ref.name);
    return {
      unit: { ...ref },
      op: j.op,
      firstLine: j.firstLine,
      lastLine: j.lastLine,
      elapsed: j.elapsed,
      limit: j.limit,
      elapsedText: j.elapsedText,
      limitText: j.limitText,
      frames: j.frames,
      ranToLimit: j.limit !== null && j.elapsed !== null && j.elapsed >= j.limit,
      outcome: j.outcome ?? (failed ? failed.verb : null),
    };
  });

  // The slowest starts: timed from their lines, and the spinner's own count for jobs shown running.
  const starts = new StartTimes(SLOWEST_KEPT);
  for (const s of c.starts?.result() ?? []) starts.add(s);
  for (const [i, j] of jobs.entries()) if (j.op === 'start' && j.elapsed !== null && j.elapsed > 0) starts.spinner(j.unit.name ?? j.unit.text, j.elapsed, j.lastLine, jobStates[i]!.uptimeAtElapsed);
  const startup = c.startupFinished === null ? null : parseStartupFinished(c.startupFinished);
  const beforeKernel = startup !== null && (startup.firmware !== null || startup.loader !== null) ? (startup.firmware ?? 0) + (startup.loader ?? 0) : null;
  // (The first that breaks something: an [UNSUPP] does not, nor a failure whose restart was scheduled.)
  const firstFailure = failures.filter((f) => breaksSomething(f, c)).reduce<FailureState | undefined>((a, f) => (a === undefined || f.line < a.line ? f : a), undefined);
  const milestone = (line: number, uptime: number | null): Cycle['toLogin'] => ({
    line,
    uptime,
    fromPowerOn: uptime !== null && beforeKernel !== null ? Math.round((uptime + beforeKernel) * 1000) / 1000 : null,
  });

  return {
    index: c.index,
    start,
    startNote: note,
    startLine: c.startLine,
    endLine: c.endLine,
    startUptime: c.startUptime,
    endUptime: c.endUptime,
    os: c.os,
    systemdVersion: c.systemdVersion,
    end: c.end,
    outcome,
    phases: phaseDurations(c.phases, boot.cycles[position + 1]?.phases),
    failures: out,
    hungJobs: jobs,
    // (dracut's shell has no unit that failed into it: the root device it gave up on started it.)
    emergency: c.mode ? buildMode(c.mode, requested !== null && c.mode.requested !== undefined ? null : triggeredBy ?? (c.mode.kind === 'dracut-shell' && c.missingDevice ? (c.missingDevice.by ?? deviceUnitForPath(c.missingDevice.path)) : null), requested) : null,
    loginLine: c.loginLine,
    startupFinished: c.startupFinished,
    startup,
    defaultTarget: c.defaultTarget,
    slowest: starts.result(),
    toLogin: c.loginLine === null ? null : milestone(c.loginLine, c.loginUptime ?? null),
    toFailure: firstFailure === undefined ? null : milestone(firstFailure.line, firstFailure.uptime),
    rootCause: described(rootCause, resolver),
    units: { seen: c.unitsSeen.size, dropped: c.unitsDropped },
  };
}

function cycleStart(c: CycleState, boot: BootState, position: number, bootStartsMidway: boolean): { start: Cycle['start']; note: string } {
  const at = c.startUptime !== null ? `${c.startUptime.toFixed(1)} s` : null;
  if (c.transition === 'soft-reboot') {
    return { start: 'soft-reboot', note: `soft-reboot: userspace restarted on the same kernel${at ? ` (kernel uptime ${at})` : ''}` };
  }
  if (c.transition === 'userspace-restart') {
    return { start: 'userspace-restart', note: `a new system manager started without a kernel boot${at ? ` at ${at} of kernel uptime` : ''}: userspace restarted on a running kernel` };
  }
  if (position === 0) {
    if (!bootStartsMidway) return { start: 'kernel-boot', note: 'first userspace after the kernel booted' };
    // (Not a cycle that begins in the initrd: userspace restarts on a running kernel without one. A kernel
    // that kexec'd from a bootloader's own Linux, as petitboot does, can count its uptime on from it.)
    if (c.earlyActivity && c.startUptime !== null && c.startUptime >= RESTART_UPTIME_S && c.phases[0]?.name !== 'initrd') {
      return {
        start: 'userspace-restart',
        note: `started at ~${Math.round(c.startUptime)} s of kernel uptime with no kernel boot before it: userspace restarted on a running kernel (as a soft-reboot does)`,
      };
    }
    if (c.earlyActivity) return { start: 'kernel-boot', note: `the log starts during the boot${at ? ` (kernel uptime ${at})` : ''}` };
    return { start: 'log-start', note: 'the log starts inside this cycle' };
  }
  return { start: 'log-start', note: 'began without a visible start' };
}

/** A result systemd reports that breaks nothing (`[UNSUPP] Starting of X unsupported.`) is a note. */
/** Generators that make units a boot needs (its mounts, its encrypted, verity and integrity devices, the
 *  initrd's root): when one fails, what it should have made is missing. Another generator's failure
 *  (gpt-auto on a root it cannot trace to a disk, getty, rc-local, zram) leaves the boot as it was: PID 1
 *  logs it and goes on. */
const NEEDED_GENERATOR = /(?:^|\/)(?:systemd-(?:fstab|cryptsetup|veritysetup|integritysetup)|dracut-rootfs|ostree-system|ignition-[\w-]+|coreos-[\w-]+|zfs-mount)-generator failed/;

export function breaksSomething(f: FailureState, c?: CycleState): boolean {
  if (f.kind === 'unsupported') return false;
  // (When the log shows the boot going on after it: an excerpt that holds only the generator's failure
  // shows nothing else of the boot, and the failure is what it shows.)
  if (f.verb === 'unit-failed' && f.ref.name === null && f.ref.text.includes('-generator failed with exit status') && !NEEDED_GENERATOR.test(f.ref.text) && (c === undefined || wentOn(c, f))) return false;
  return true;
}

/** The boot went on after a failure: a login, systemd's startup summary, or a good part of the log after it. */
function wentOn(c: CycleState, f: FailureState): boolean {
  return c.loginLine !== null || c.startupFinished !== null || c.contentEnd - f.line > 10;
}

/** A `systemctl list-jobs` table with a unit's start job running and a target's waiting: the boot waited on it. */
function listedStuck(listed: NonNullable<CycleState['listedJobs']>, within: CycleState['startsFromWithin']): Cause | null {
  // (A boot still under way shows the same table; stuck is a running unit whose own process waits on the start
  // of a unit whose job waits for it: neither can finish.)
  const waitingOn = (r: (typeof listed.rows)[number]): { started: string; ev: Evidence } | undefined =>
    within?.find((w) => w.unit === r.unit && listed.rows.some((x) => x.unit === w.started && x.state === 'waiting'));
  const running = listed.rows.filter((r) => r.state === 'running' && r.type === 'start' && !r.unit.endsWith('.target') && waitingOn(r) !== undefined);
  if (running.length === 0) return null;
  const job = running[0]!;
  const loop = waitingOn(job)!;
  const waiting = listed.rows.filter((r) => r.state === 'waiting').map((r) => r.unit);
  const evidence = [job.ev, loop.ev, ...listed.rows.filter((r) => r !== job).slice(0, 4).map((r) => r.ev)].sort((x, y) => x.line - y.line);
  return {
    kind: 'unit',
    unit: job.unit,
    headline: `the boot hung in a deadlock: ${job.unit}'s start job was still running, its own process waiting on systemctl start ${loop.started}, whose job waits for it (systemctl list-jobs at line ${listed.line}: ${waiting.slice(0, 3).join(', ')}${waiting.length > 3 ? ', …' : ''} waiting)`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: waiting.length,
    crash: null,
  };
}

/** The start job a log ended on: the one still running (its spinner the last lines), longest first. */
/** How a boot that hung on a start job is told (firstCause reads it: that boot stopped there). */
const HUNG = 'the boot hung:';

function hungAtEnd(c: CycleState, ended = 'the log ended', resolver?: UnitResolver): Cause | null {
  const running = [...c.jobs.values()].filter((j) => j.op === 'start' && j.outcome === null);
  if (running.length === 0) return null;
  const last = Math.max(...running.map((j) => j.lastLine));
  // The spinner is the last thing the log shows: a job shown before other progress may have finished
  // unsaid (or under a name the console garbled).
  if (c.contentEnd - last > 3) return null;
  const active = running.filter((j) => last - j.lastLine <= 40);
  // The job that has run longest by the log's end: the one that started first. Each spinner frame gives
  // its job's elapsed time when it was shown; with the kernel's clock at each frame, the starts compare
  // (a job shown at 20 s, ten seconds before another shown at 30 s, started first). Without the clock,
  // the longest time shown.
  const started = (j: JobState): number | null => (j.elapsed !== null && j.uptimeAtElapsed !== null ? j.uptimeAtElapsed - j.elapsed : null);
  const clocked = active.every((j) => started(j) !== null);
  const job = active.reduce((a, b) => {
    if (clocked && Math.abs(started(b)! - started(a)!) > 0.5) return started(b)! < started(a)! ? b : a;
    return (b.elapsed ?? 0) > (a.elapsed ?? 0) || ((b.elapsed ?? 0) === (a.elapsed ?? 0) && b.firstLine < a.firstLine) ? b : a;
  });
  // A device's job is described by its path: the unit name follows from it (systemd-escape).
  // (A name that lost bytes on the line is the unit it fits: see UnitResolver.repaired.)
  const nameOf = (j: typeof job): string => (j.ref.name !== null ? (resolver?.repaired(j.ref.name) ?? j.ref.name) : null) ?? deviceUnitForPath(j.ref.text) ?? j.ref.text;
  const name = nameOf(job);
  const others = active.filter((j) => j !== job).map(nameOf);
  // (A spinner copied without its times says `?`.)
  const ran = (j: typeof job): string => (j.elapsedText === '?' ? '' : ` (${j.elapsedText} of ${j.limitText})`);
  const evidence: Evidence[] = active.slice(0, 3).map((j) => ({ line: j.lastLine, text: j.lastText, why: `its start job was still running${ran(j)} when ${ended}` }));
  return {
    kind: 'unit',
    unit: name,
    headline: `${HUNG} ${name}'s start job was still running when ${ended}${ran(job)}${others.length > 0 ? `, with ${others.join(', ')}` : ''}`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/**
 * The log ends just after `Starting X...` and X's own program's error (`ostree-prepare-root[557]: …
 * requires writable / in initramfs`), with nothing said of X since: X failed to start, and the log was cut
 * before PID 1 said so. The program is X's when its name is X's (`ostree-prepare-root` for
 * ostree-prepare-root.service).
 */
function startCutShort(c: CycleState, resolver: UnitResolver): Cause | null {
  const begun = c.lastBegun;
  // The program's last words, when they are an error. (Words that are no error show a start under way
  // where someone cut an excerpt, not one that failed: `upgrade[677]: Mounting /usr with -o defaults,ro`
  // ending a support article's twenty lines of a boot that worked, `pve-guests[2339]: <root@pam> starting
  // task …` a commit message's quote of a journal.)
  const last = c.lastProcessLine;
  const err = c.lastProcessError;
  if (begun === undefined || err === undefined || (last !== undefined && last.line > err.line) || begun.ended || err.line <= begun.at.lineNo || c.contentEnd - err.line > 2) return null;
  const ref = begun.ref.name !== null ? begun.ref : resolver.resolve(begun.ref, 'not-target');
  const ident = err.ident.toLowerCase();
  // A description with no name anywhere in the log (`Starting OSTree Prepare OS/...`), its program speaking
  // right after it (`ostree-prepare-root[557]: …`): the service is named after the program when the
  // description's own words are in the program's name.
  const byProgram = ref.name === null && programNamesDescription(ident, ref.description ?? ref.text) ? `${ident}.service` : null;
  const name = ref.name ?? byProgram;
  if (name === null) return null;
  if (!namesAlike(unitStem(name), ident)) return null;
  const evidence: Evidence[] = [
    { line: begun.at.lineNo, text: clip(begun.at.text), why: byProgram !== null ? `its start began (the unit named by its program, ${ident}, which speaks next)` : 'its start began' },
    { line: err.line, text: err.text, why: `${err.ident}, the unit's program, reports an error; the log ends before the start finished` },
  ];
  return {
    kind: 'unit',
    unit: name,
    headline: `${name} did not start: its program reported an error and the log ends before PID 1 said more`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/** Ignition said CRITICAL in a stage and the log ends before PID 1 said more: that stage's unit failed
 *  (Ignition stops the stage on a critical error). */
function ignitionStageFailed(c: CycleState): Cause | null {
  const ic = c.ignitionCritical;
  if (ic === undefined || c.contentEnd - ic.ev.line > 5) return null;
  const unit = `ignition-${ic.stage}.service`;
  return statedCause('unit', unit, `${unit} failed: Ignition's ${ic.stage} stage reported a critical error (the log ends before PID 1 said more)`, [ic.ev]);
}

/** Generic programs a unit runs whose name is not the unit's (`mount`, a shell, an interpreter). */
const GENERIC_PROGRAM = /^(?:mount|umount|sh|bash|dash|ash|busybox|env|python\d*(?:\.\d+)?|perl|ruby|node|java|logger|sudo|su|systemctl|kernel|\(.*\))$/;

/** A description's words (of four letters or more) are in a program's name: `OSTree Prepare OS/` and
 *  `ostree-prepare-root`. */
function programNamesDescription(ident: string, description: string): boolean {
  if (GENERIC_PROGRAM.test(ident) || !/^[a-z0-9][a-z0-9_.-]{2,63}$/.test(ident) || ident.startsWith('systemd')) return false;
  const parts = new Set(ident.split(/[-_.]/));
  const words = description.toLowerCase().match(/[a-z0-9]{4,}/g) ?? [];
  return words.some((w) => parts.has(w)) && words.filter((w) => parts.has(w)).length * 2 >= Math.min(words.length, 2);
}

/** dracut's initqueue timed out still waiting for a device (its `devexists-…` hook), in the boot's first
 *  cycle (the initrd's), and the log ends before dracut says more: that device never appeared. */
/**
 * The initrd said its root device cannot appear (LVM refused to activate the root's volume, dracut said it
 * does not exist) and the log ends there, before any shell: the boot stops on that device.
 */
/** The initrd could not mount its root: the `root=` it was given, or none at all. */
function rootNotMounted(m: { path: string; noRootArg?: true }): string {
  // (No root= only when the log showed the command line without one; a log begun later does not say.)
  return m.path !== '' ? `the initrd could not mount the root file system ${m.path}` : m.noRootArg === true ? 'the initrd could not mount a root file system: the kernel command line names none (no root=)' : 'the initrd could not mount the root file system';
}

function missingAtEnd(c: CycleState): Cause | null {
  const m = c.missingDevice;
  if (m === undefined || c.phases.some((ph) => ph.name === 'system' && ph.startLine > m.ev.line)) return null;
  const evidence = [m.ev, ...(m.more ?? [])];
  return {
    kind: 'root-device',
    unit: deviceUnitForPath(m.path),
    headline: m.unmounted === true ? `${rootNotMounted(m)}; the log ends in the initrd` : `the root device ${m.path} cannot appear (${m.ev.why}); the log ends in the initrd`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/** NixOS stage 1 mounted the root but found no stage 2 there (`stage 2 init script (/mnt-root//nix/store/…/init) not found`). */
const STAGE2_MISSING = /\bst[a-z]+ 2 init\b.* not found/;
const STAGE1_MOUNT_FAILED = /^mount: mounting \S+ on \/mnt-root(\/[^\s]+?)\/? failed: /;

/** dracut's words as it starts its timeout scripts: the cause's name when the log ends there (see dracutStillWaiting). */
const DRACUT_STILL_WAITING = 'dracut-initqueue timeout - starting timeout scripts';

function dracutStillWaiting(boot: BootState, c: CycleState, position: number): Cause | null {
  const w = boot.dracutWaiting;
  if (position !== 0) return null;
  if (w === undefined) {
    // The initqueue timed out and the log ends with dracut still in its timeout scripts: the root device
    // it waits for never appeared, though the log does not name it. (Those scripts can still bring the
    // root up, LVM or a slow SAN: that boot goes on to switch root and is no longer incomplete.)
    // (dracut's own `Could not boot.` after it is the boot's cause, told with it.)
    const q = boot.initqueueTimeout;
    if (q === undefined || boot.initrdFailure !== undefined || c.phases.some((ph) => ph.name === 'system' && ph.startLine > q.line)) return null;
    // (Named by its words as printed, as when dracut goes on to give up.)
    const said = DRACUT_STILL_WAITING;
    return {
      kind: 'unit',
      unit: said,
      headline: `the boot hung in the initrd: dracut's initqueue timed out waiting for its devices (the root device never appeared) and the log ends while it waits`,
      lines: [q.line],
      evidence: [q],
      cascade: null,
      dependents: 0,
      crash: null,
    };
  }
  return dracutWaitingCause(w, boot.initqueueTimeout);
}

/** dracut's initqueue still waiting for its root device when the log ends (see dracutStillWaiting). */
function dracutWaitingCause(w: NonNullable<BootState['dracutWaiting']>, later?: Evidence): Cause {
  // (The timeout said after the hook was first listed, when none came before it: `timeout, still waiting for
  // following initqueue hooks:` with the same hook again.)
  const timeout = w.timeout ?? (later !== undefined && later.line > w.line ? later : null);
  const evidence: Evidence[] = [...(timeout !== null ? [timeout] : []), { line: w.line, text: w.text, why: `dracut still waits for ${w.device} to appear` }];
  return {
    kind: 'root-device',
    unit: deviceUnitForPath(w.device),
    headline: `dracut's initqueue timed out waiting for ${w.device}, which never appeared (the log ends while it waits)`,
    lines: linesOf(evidence),
    evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

function isStorageFailure(f: FailureState): boolean {
  const name = f.ref.name ?? '';
  return f.verb === 'device-timeout' || f.verb === 'mount-failed' || f.verb === 'mount-timeout' || /\.(?:mount|swap|device)$/.test(name) || name.startsWith('systemd-fsck@');
}

/** A unit named after its device (`systemd-fsck@dev-sda1.service`, `dev-sdb2.swap`) failed for want of
 *  something, and the device's own failure is not in the log: the device is what is missing. */
function missingDevice(top: CascadeEntry, entries: readonly CascadeEntry[], c: CycleState, triggeredBy: string | null): Cause | null {
  const device = deviceOf(top.name);
  if (device === null) return null;
  const deps = entries.filter((e) => e.failure.kind === 'dependency');
  const evidence: Evidence[] = [top.failure.evidence[0]!, ...(c.mode?.evidence.slice(0, 2) ?? [])];
  return {
    kind: 'unit',
    unit: device,
    headline: `${device} is missing: ${top.name} failed for want of it (the device's own failure is not in the log); ${deps.length} unit${deps.length === 1 ? '' : 's'} failed as a result${c.mode && triggeredBy !== null ? `; ${triggeredBy} failed, so the machine entered ${c.mode.kind === 'rescue' ? 'rescue' : 'emergency'} mode` : ''}`,
    lines: linesOf(evidence),
    evidence,
    cascade: { unit: device, kind: 'timeout', line: top.failure.line, children: [toNode(top)] },
    dependents: deps.length,
    crash: null,
  };
}

/** systemd-shutdown could not do a step of the shutdown (`Failed to enumerate /proc/: Invalid argument`, so what was
 *  left was never killed) and went on without it: nothing else failed. */
function shutdownStepFailed(f: NonNullable<CycleState['shutdownFailed']>): Cause {
  return {
    kind: 'manager',
    unit: f.cause,
    description: f.cause,
    headline: `systemd-shutdown (PID 1 at the end) could not do a step of the shutdown: ${f.cause.replace(/\.$/, '')}`,
    lines: linesOf(f.evidence),
    evidence: f.evidence,
    cascade: null,
    dependents: 0,
    crash: null,
  };
}

/** Units that fail when a kernel module they need is missing: kernel file systems' mounts, network devices. */
const NEEDS_MODULE = /^(?:(?:var-lib-nfs-|run-)rpc_pipefs\.mount|proc-sys-fs-binfmt_misc\.mount|proc-fs-nfsd\.mount|sys-fs-fuse-connections\.mount|sys-kernel-config\.mount|sys-subsystem-net-devices-.+\.device)$/;

/** (`ownConsole`: the log is the machine's own console, its kernel's lines on it: see gettyOnly.) */
function cycleRootCause(c: CycleState, entries: readonly CascadeEntry[], triggeredBy: string | null, panic: CrashState | null, kernelCrashed: boolean, ownConsole: boolean): Cause | null {
  // PID 1 itself gave up: nothing after it ran. (A unit it named as it gave up, `Failed to isolate default
  // target: Unit sysroot.mount not found.`, is the more precise cause.)
  if (c.fatal !== undefined && !entries.some((e) => e.failure.kind !== 'dependency')) {
    const f = c.fatal;
    return {
      kind: 'manager',
      unit: f.cause,
      // (The innermost error is the cause; PID 1's own last word, `Failed to mount API filesystems`, is
      // how the console says it.)
      description: f.message,
      headline: `systemd (PID 1) failed and stopped: ${f.message}${f.cause !== f.message ? ` (${f.cause})` : ''}`,
      lines: linesOf(f.evidence),
      evidence: f.evidence,
      cascade: null,
      dependents: 0,
      crash: null,
    };
  }
  // An [UNSUPP] unit breaks something only when units failed for want of it.
  // Each root's dependents, counted once (a cycle can hold a thousand failures).
  const counted = new Map<CascadeEntry, number>();
  for (const e of entries) if (e.root !== null && e.root !== e) counted.set(e.root, (counted.get(e.root) ?? 0) + 1);
  const dependentsOf = (e: CascadeEntry): number => counted.get(e) ?? 0;
  const candidates = entries.filter((e) => e.failure.kind !== 'dependency' && (breaksSomething(e.failure, c) || dependentsOf(e) > 0));
  // The system's failures explain a boot; a user service's failure only when nothing of the system's failed.
  // Emergency and rescue mode's own units fail after whatever called them: never the cause while
  // anything else failed.
  const shellUnit = (e: CascadeEntry): boolean => /^(?:emergency|rescue)\.(?:service|target)$/.test(e.name) || /^(?:Emergency|Rescue) (?:Shell|Mode)$/.test(e.failure.ref.text);
  const notShell = candidates.filter((e) => !shellUnit(e));
  const system = (notShell.length > 0 ? notShell : candidates).filter((e) => e.failure.manager === null);
  // A user service's failure explains nothing when the kernel crashed.
  const all = system.length > 0 ? system : kernelCrashed ? [] : candidates;
  // What failed after emergency mode began did not bring it (a second fsck finishing after the shell
  // started), when something failed before.
  const mode = c.mode;
  const beforeMode = mode !== null && all.some((p) => p.failure.line < mode.line) ? all.filter((p) => p.failure.line < mode.line) : all;
  // A unit skipped to break an ordering cycle is the cause only when nothing failed of itself.
  const primaries = beforeMode.some((p) => p.failure.kind !== 'skipped') ? beforeMode.filter((p) => p.failure.kind !== 'skipped') : beforeMode;
  let root: CascadeEntry | null = null;
  if (triggeredBy !== null) root = entries.find((e) => e.name === triggeredBy)?.root ?? null;
  if (root === null && triggeredBy !== null) {
    // The trigger's chain starts at a [DEPEND] whose own cause is not in the log (the excerpt begins
    // after it); a unit named after its device (systemd-fsck@dev-sda1.service) names that cause.
    let top = entries.find((e) => e.name === triggeredBy) ?? null;
    const seen = new Set<CascadeEntry>();
    while (top !== null && top.parent !== null && !seen.has(top)) {
      seen.add(top);
      top = top.parent;
    }
    if (top !== null && top.failure.kind === 'dependency') {
      const missing = missingDevice(top, entries, c, triggeredBy);
      if (missing !== null) return missing;
    }
  }

  if (root === null && primaries.length > 0) {
    let best = -1;
    // A console that never appeared takes only its getty with it: the machine runs on, without a login
    // there. Another failure explains the boot better. (Not where the log is that console, the machine's own,
    // its kernel's lines on it: the one way in to the machine is what was lost. A container's or a journal's
    // tty is not.)
    const gettyOnly = (p: CascadeEntry): boolean =>
      !ownConsole &&
      /^dev-(?:tty|hvc|console)/.test(p.name) && entries.every((e) => e.root !== p || e === p || /^(?:serial-)?getty@/.test(e.name) || /^(?:Serial )?Getty on /.test(e.failure.ref.text));
    for (const p of primaries) {
      const n = primaries.length > 1 && gettyOnly(p) ? 0 : dependentsOf(p);
      if (n > best) {
        best = n;
        root = p;
      }
    }
    // A device that never appeared, before any other failure and with units failing for want of it:
    // what came after ran without its storage, so it is the one that explains the rest.
    const first = primaries.reduce((a, b) => (b.failure.seq < a.failure.seq ? b : a));
    // (Among storage failures, the one most failed for want of stays.)
    if (root !== null && root !== first && first.failure.verb === 'device-timeout' && dependentsOf(first) > 0 && !isStorageFailure(root.failure)) root = first;
    // The root file system could not be remounted read-write, first of all: what failed after it could
    // not write, whether or not systemd says it needed it.
    if (root !== null && root !== first && first.name === 'systemd-remount-fs.service' && first.failure.kind === 'failed' && primaries.length >= 3) root = first;
    // Kernel modules did not load, first of all: a kernel file system that then would not mount (rpc_pipefs,
    // binfmt_misc), a network device that never appeared (a VirtualBox host's vboxnet0), ran without its module.
    if (root !== null && root !== first && first.name === 'systemd-modules-load.service' && first.failure.kind === 'failed' && NEEDS_MODULE.test(root.name)) root = first;
  }
  // The kernel crashed the cycle: a unit that failed before it explains that only when it took init
  // down with it; else the crash is the cycle's end and its cause.
  if (root !== null && panic && c.mode === null && !/kill(?:ing)? init/i.test(panic.title) && root.failure.line < panic.line) root = null;
  if (root === null) {
    if (panic) return crashCause(panic);
    if (c.mode && c.missingDevice) {
      // dracut gave up on the root device and said so; no unit's failure is in the log.
      const m = c.missingDevice;
      // (What a dracut hook's script said went wrong before the wait ran out: `dmsquash-live-root: … write
      // error: No space left on device`.)
      const hookError = (c.hookErrors ?? []).map((h) => h.ev).filter((ev) => ev.line < m.ev.line).sort((a, b) => a.line - b.line)[0];
      const evidence = [m.ev, ...(m.more ?? []), ...(hookError !== undefined ? [{ ...hookError, why: 'what the initrd’s scripts said went wrong before it gave up' }] : []), ...c.mode.evidence.slice(0, 3)];
      const shell = c.mode.kind === 'dracut-shell' ? "dracut's emergency shell" : 'emergency mode';
      return {
        kind: 'root-device',
        unit: deviceUnitForPath(m.path),
        headline: m.unmounted === true ? `${rootNotMounted(m)}: the initrd gave up and entered ${shell}` : `the root device ${m.path} never appeared: the initrd gave up and entered ${shell}`,
        lines: linesOf(evidence),
        evidence,
        cascade: null,
        dependents: 0,
        crash: null,
      };
    }
    const deps = entries.filter((e) => e.failure.kind === 'dependency');
    if (deps.length === 0 && c.mode === null) return c.shutdownFailed !== undefined ? shutdownStepFailed(c.shutdownFailed) : null;
    // A dracut hook's scripts failed and it gave up to the debug shell, just before the emergency: its
    // service is the failure, its scripts' first error the reason.
    const hook = c.hookGaveUp;
    if (deps.length === 0 && c.mode !== null && hook !== undefined && hook.ev.line <= c.mode.line && c.mode.line - hook.ev.line <= 40) {
      const unit = `${hook.ident}.service`;
      const evidence = [...(hook.firstError !== null && hook.firstError.line < hook.ev.line ? [hook.firstError] : []), hook.ev, ...(hook.last !== undefined ? [hook.last] : []), ...c.mode.evidence.slice(0, 2)];
      const said = (hook.firstError ?? hook.ev).text.slice((hook.firstError ?? hook.ev).text.indexOf(']: ') + 3).trim();
      return {
        kind: 'unit',
        unit,
        headline: `${unit} failed (${said}) and dracut dropped to its emergency shell`,
        lines: linesOf(evidence),
        evidence,
        cascade: null,
        dependents: 0,
        crash: null,
      };
    }
    // No failure of its own in the log, but a start job was seen running and never finishing before the
    // [DEPEND]s: the log lost its timeout line (an excerpt, a console that missed it); that job is the cause.
    const firstDep = deps[0]?.failure.line ?? c.mode?.line ?? Infinity;
    const hung = [...c.jobs.values()].filter((j) => j.op === 'start' && j.outcome === null && j.firstLine <= firstDep).sort((a, b) => a.firstLine - b.firstLine)[0];
    if (hung && deps.length > 0) {
      const name = hung.ref.name ?? hung.ref.text;
      const evidence: Evidence[] = [
        { line: hung.lastLine, text: hung.lastText, why: `its start job was still running (${hung.elapsedText} of ${hung.limitText}) and never finished` },
        ...deps.slice(0, 3).map((d) => d.failure.evidence[0]!),
        ...(c.mode?.evidence.slice(0, 2) ?? []),
      ];
      const names = deps.slice(0, 3).map((d) => d.name);
      const mode = c.mode ? `; the machine entered ${c.mode.kind === 'rescue' ? 'rescue mode' : 'emergency mode'}` : '';
      return {
        kind: 'unit',
        unit: name,
        headline: `${name} never finished starting (its start job ran ${hung.elapsedText} of ${hung.limitText}; the log does not show how it ended); ${deps.length} unit${deps.length === 1 ? '' : 's'} failed as a result (${names.join(', ')}${deps.length > 3 ? ', …' : ''})${mode}`,
        lines: linesOf(evidence),
        evidence,
        cascade: { unit: name, kind: 'timeout', line: hung.firstLine, children: deps.map(toNode) },
        dependents: deps.length,
        crash: null,
      };
    }
    // Only [DEPEND]s, and one of them is named after its device (a swap, an fsck): that device is missing.
    const top = entries.find((e) => e.failure.kind === 'dependency' && deviceOf(e.name) !== null);
    const missing = top !== undefined ? missingDevice(top, entries, c, triggeredBy) : null;
    if (missing !== null) return missing;
    const what = deps.length > 0 ? `${deps.length} unit${deps.length === 1 ? '' : 's'} failed with [DEPEND], but the failure that caused ${deps.length === 1 ? 'it' : 'them'} is not in the log` : '';
    const mode = c.mode ? `${c.mode.kind === 'rescue' ? 'rescue' : 'emergency'} mode was entered${deps.length > 0 ? '' : ', but no failure explaining it is in the log'}` : '';
    const evidence = [...deps.slice(0, 3).map((d) => d.failure.evidence[0]!), ...(c.mode?.evidence.slice(0, 2) ?? [])];
    // (What the log shows first of it: the unit whose [DEPEND] comes first, as far back as the log goes.)
    const shown = deps.length > 0 ? deps.reduce((a, b) => (b.failure.seq < a.failure.seq ? b : a)) : null;
    return {
      kind: 'unexplained',
      unit: shown === null ? null : shown.name,
      description: shown === null ? null : (shown.failure.ref.description ?? (shown.failure.ref.name === null ? shown.failure.ref.text : null)),
      headline: [what, mode].filter((s) => s !== '').join('; '),
      lines: evidence.map((e) => e.line),
      evidence,
      cascade: deps.length > 0 ? { unit: '(not in the log)', kind: 'failed', line: deps[0]!.failure.line, children: deps.map(toNode) } : null,
      dependents: deps.length,
      crash: null,
    };
  }
  const dependents = dependentsOf(root);
  const f = root.failure;
  const parts = [describeFailure(f)];
  if (dependents > 0) {
    const deps = entries.filter((e) => e.root === root && e !== root);
    const names = deps.slice(0, 3).map((d) => d.name);
    parts.push(`${dependents} unit${dependents === 1 ? '' : 's'} failed as a result (${names.join(', ')}${dependents > 3 ? ', …' : ''})`);
  }
  if (c.mode) {
    const modeName = c.mode.kind === 'rescue' ? 'rescue mode' : c.mode.kind === 'dracut-shell' ? 'the dracut emergency shell' : 'emergency mode';
    parts.push(triggeredBy !== null && triggeredBy !== root.name ? `${triggeredBy} failed, so the machine entered ${modeName}` : `the machine entered ${modeName}`);
  }
  const evidence: Evidence[] = [...f.evidence];
  // The same unit's failure told again in another kind just after (`Failed with result 'timeout'`, then
  // `Failed to mount /media/672.`): the same incident, its line too.
  for (const other of c.failures) {
    if (other === f || other.ref.name === null || other.ref.name !== f.ref.name || other.manager !== f.manager || Math.abs(other.line - f.lastLine) > 5) continue;
    if (!evidence.some((x) => x.line === other.line)) evidence.push(other.evidence.find((e) => e.line === other.line) ?? { line: other.line, text: other.message, why: 'the same failure, as PID 1 also printed it' });
  }
  // The chain from the root to the unit whose failure took the machine to emergency mode: the lines
  // that show the way (`[DEPEND] … /boot`, `[DEPEND] … Local File Systems`).
  if (c.mode && triggeredBy !== null && triggeredBy !== root.name) {
    const chain: Evidence[] = [];
    const seen = new Set<CascadeEntry>();
    for (let e = entries.find((x) => x.name === triggeredBy) ?? null; e !== null && e !== root && !seen.has(e) && chain.length < 4; e = e.parent) {
      seen.add(e);
      const first = e.failure.evidence[0];
      if (first !== undefined) chain.unshift(first);
    }
    for (const e of chain) if (!evidence.some((x) => x.line === e.line)) evidence.push(e);
  }
  // Otherwise the first unit that failed for want of it (`[DEPEND] Dependency failed for /dev/disk/by-uuid/…`):
  // the line that shows the failure carried on.
  if (dependents > 0) {
    const deps = entries.filter((e) => e.root === root && e !== root);
    if (!deps.some((d) => evidence.some((x) => x.line === d.failure.line))) {
      const first = deps.reduce((a, b) => (b.failure.line < a.failure.line ? b : a)).failure.evidence[0];
      if (first !== undefined && !evidence.some((x) => x.line === first.line && x.text === first.text)) evidence.push(first);
    }
  }
  // (The mode's lines, but not one already shown for the failure: CoreOS's `Ignition has failed.` is both.)
  if (c.mode) for (const e of c.mode.evidence.slice(0, 3)) if (!evidence.some((x) => x.line === e.line && x.text === e.text)) evidence.push(e);
  const lines = linesOf(evidence);
  return {
    kind: 'unit',
    unit: root.name,
    headline: parts.join('; '),
    lines,
    evidence,
    cascade: toNode(root),
    dependents,
    crash: null,
  };
}

function toNode(e: CascadeEntry): CascadeNodeT {
  return {
    unit: e.name,
    kind: e.failure.kind,
    line: e.failure.line,
    children: [...e.children].sort((a, b) => a.failure.line - b.failure.line).map(toNode),
  };
}

/** One failure in words a person reads: `var.mount failed to mount /var (special device … does not exist)`. */
export function describeFailure(f: FailureState): string {
  const name = f.manager !== null ? `${f.ref.name ?? f.ref.text} (a user service, ${f.manager})` : (f.ref.name ?? f.ref.text);
  const path = f.ref.name ? pathForMountUnit(f.ref.name) : null;
  let what: string;
  switch (f.verb) {
    case 'mount-failed':
      what = `${name} failed to mount ${f.ref.description && f.ref.description.startsWith('/') ? f.ref.description : (path ?? '')}`.trimEnd();
      break;
    case 'mount-timeout':
      what = `${name} timed out mounting`;
      break;
    case 'device-timeout':
      what = `${name} never appeared (timed out waiting for the device)`;
      break;
    case 'start-timeout':
      what = `${name} timed out starting`;
      break;
    case 'stop-timeout':
      what = `${name} timed out stopping`;
      break;
    case 'unmount-failed':
      what = `${name} failed to unmount`;
      break;
    case 'stop-failed':
      what = `${name} failed to stop`;
      break;
    case 'swap-failed':
      what = `${name} failed to activate swap`;
      break;
    case 'swapoff-failed':
      what = `${name} failed to deactivate swap`;
      break;
    case 'listen-failed':
      what = `${name} failed to listen`;
      break;
    case 'automount-failed':
      what = `${name} failed to set up its automount point`;
      break;
    case 'assert-failed':
      what = `${name}: a start assertion failed`;
      break;
    case 'not-active':
      what = `${name} was not active, and units that required it could not start`;
      break;
    case 'unsupported':
      what = `${name}: starting it is unsupported`;
      break;
    case 'cycle-skipped':
      what = f.evidence.some((e) => e.why === ORDERING_CLOSED_CYCLE)
        ? `${name} closed an ordering cycle: systemd deleted a job of its own units to break it`
        : f.evidence.some((e) => e.text.includes('/stop deleted to break ordering cycle'))
        ? `${name} was stopped out of order: systemd deleted its stop job to break an ordering cycle`
        : `${name} was skipped: systemd deleted its start job to break an ordering cycle`;
      break;
    case 'unit-failed':
      what = f.evidence.some((e) => e.why === BAD_UNIT_FILE) ? `${name} never started: PID 1 would not load its unit file (a bad setting)` : `${name} failed`;
      break;
    case 'systemctl-failed':
      what = `${name} failed (shown by systemctl)`;
      break;
    default:
      what = `${name} failed to start`;
  }
  const reason = f.evidence.find((e) => e.why.startsWith('why the mount failed: '));
  if (reason) what += ` (${completeCutReason(reason.why.slice('why the mount failed: '.length), f.evidence).replace(/\.$/, '')})`;
  else if (f.result && f.result !== 'dependency') what += ` (result: ${f.result})`;
  return what;
}

/** systemctl cuts long journal lines (`>` at the end, or `…` in the middle); a mount's `What:` line
 *  often holds the path that was cut. */
function completeCutReason(reason: string, evidence: readonly Evidence[]): string {
  const cutAt = reason.endsWith('>') ? reason.length - 1 : reason.indexOf('…');
  if (cutAt < 0) return reason;
  const head = reason.slice(0, cutAt);
  const tail = reason.endsWith('>') ? '' : reason.slice(cutAt + 1);
  const what = evidence.map((e) => /^What: (\S+)$/.exec(e.text)?.[1]).find((w) => w !== undefined);
  const lastSpace = head.lastIndexOf(' ');
  const token = head.slice(lastSpace + 1);
  if (what !== undefined && token.length > 0 && what.startsWith(token)) return `${head.slice(0, lastSpace + 1)}${what} …${tail}`;
  return `${head}…${tail}`;
}

/** The cause the headline names first: each boot's own, then its cycles', boot after boot. */
function firstCause(boots: readonly Boot[]): Report['rootCause'] {
  // A failure the machine came up despite (a login prompt followed, or the cycle ended in an orderly
  // reboot or shutdown) explains less than one that stopped a boot: of several boots, the first that
  // stopped is the log's story (an upgrade's first reboot into a dracut shell, after a unit of the old
  // system failed as it shut down).
  const all: Array<{ cause: NonNullable<Report['rootCause']>; stopped: boolean }> = [];
  for (const b of boots) {
    const login = b.loginLine !== null || b.cycles.some((c) => c.loginLine !== null);
    // (A boot stopped by its kernel panicking, or before any userspace came; a syslog or journal shows no
    // prompts, so the want of a login alone says nothing.)
    // (The boot's own cause explains its cycles' stops too.)
    // (Or hung on a start job until the log ended or the machine was restarted.)
    const cycleStopped = (c: Boot['cycles'][number]) => c.loginLine === null && (c.outcome === 'emergency' || c.outcome === 'rescue' || c.outcome === 'panic' || (c.outcome === 'failed' && c.rootCause?.headline.startsWith(HUNG) === true));
    const stopped = b.rootCause !== null && b.rootCause.kind !== 'unexplained' && (b.end === 'panic' || b.cycles.some(cycleStopped) || (b.cycles.length === 0 && !login));
    if (b.rootCause) all.push({ cause: { ...b.rootCause, boot: b.index, cycle: null }, stopped });
    for (const c of b.cycles) if (c.rootCause) all.push({ cause: { ...c.rootCause, boot: b.index, cycle: c.index }, stopped: cycleStopped(c) });
  }
  // (Else the first that says what failed: `unexplained` says only that something did.)
  return (all.find((x) => x.stopped) ?? all.find((x) => x.cause.kind !== 'unexplained') ?? all[0])?.cause ?? null;
}

function headline(boots: readonly Boot[], verdict: Report['verdict']): string {
  const cycles = boots.reduce((n, b) => n + b.cycles.length, 0);
  const shape = `${boots.length} boot${boots.length === 1 ? '' : 's'}, ${cycles} userspace cycle${cycles === 1 ? '' : 's'}`;
  if (verdict === 'empty') return 'no boot console output recognised';
  const causes: string[] = [];
  for (const b of boots) {
    if (b.rootCause) causes.push(boots.length > 1 ? `boot ${b.index}: ${b.rootCause.headline}` : b.rootCause.headline);
    // (Not a cycle's cause that the boot's already tells, `…; then: X failed`.)
    for (const c of b.cycles) if (c.rootCause && !(b.rootCause?.headline.endsWith(`then: ${c.rootCause.headline}`) ?? false)) causes.push(cycles > 1 ? `cycle ${c.index}: ${c.rootCause.headline}` : c.rootCause.headline);
  }
  if (causes.length > 0) return `${shape}; ${causes.slice(0, 2).join('; ')}${causes.length > 2 ? `; and ${causes.length - 2} more` : ''}`;
  const crashes = boots.flatMap((b) => b.crashes);
  if (crashes.length > 0) return `${shape}; kernel reported ${crashes[0]!.title}`;
  const asked = boots.flatMap((b) => b.cycles).find((c) => c.emergency?.requested);
  if (asked) return `${shape}; no failures; ${asked.emergency!.kind} mode, as asked (${askedBecause(asked)})`;
  const login = boots.some((b) => b.cycles.some((c) => c.loginLine !== null));
  return `${shape}; no failures${login ? ', reached the login prompt' : ''}`;
}

function degraded(input: ReportInput): Degraded[] {
  const out: Degraded[] = [];
  const c = input.counters;
  if (c.bytes > 64 && (c.controlBytes + c.replacementChars) / c.bytes > 0.1) {
    out.push({ code: 'binary-input', message: `the input looks like binary data (${c.controlBytes} control bytes, ${c.replacementChars} invalid UTF-8 sequences in ${c.bytes} bytes)`, line: null });
  } else if (c.replacementChars > 0) {
    out.push({ code: 'invalid-utf8', message: `${c.replacementChars} invalid UTF-8 sequences were replaced by U+FFFD`, line: null });
  }
  if (c.truncatedLines > 0) out.push({ code: 'long-lines', message: `${c.truncatedLines} lines longer than the maximum line length were split`, line: null });
  if (c.unterminatedStrings > 0) out.push({ code: 'unterminated-escape', message: `${c.unterminatedStrings} unterminated escape strings (OSC/DCS) were given up`, line: null });
  if (input.droppedBoots > 0 || input.droppedCycles > 0) {
    out.push({ code: 'truncated-report', message: `the earliest ${input.droppedBoots} boots and ${input.droppedCycles} userspace cycles were left out of the report to bound memory`, line: null });
  }
  const capped = input.capped;
  const left = [
    [capped.failures, 'failure', 'failures'],
    [capped.jobs, 'update of a hung job', 'updates of hung jobs'],
    [capped.crashes, 'kernel crash', 'kernel crashes'],
    [capped.units, 'unit name', 'unit names'],
    [capped.phases, 'phase', 'phases'],
  ] as const;
  const parts = left.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  if (parts.length > 0) out.push({ code: 'truncated-report', message: `past the limits that bound memory, ${parts.join(', ')} were left out of the report`, line: null });
  if (capped.lookups > 0) {
    out.push({ code: 'truncated-report', message: `${capped.lookups} searches for a unit's failure were cut short (too many userspace cycles or ellipsized failures to look through); a later line about that unit may stand apart from its failure`, line: null });
  }
  if (input.resolver.forgotten > 0) {
    out.push({ code: 'truncated-report', message: `${input.resolver.forgotten} units the log named after the first ${MAX_KNOWN} were not remembered; ellipsized or description-only references to them stay without a name`, line: null });
  }
  if (input.resolver.unresolvable > 0) {
    out.push({ code: 'truncated-report', message: `${input.resolver.unresolvable} ellipsized unit references fit too many of the units the log named to be told apart; they were left without a name`, line: null });
  }
  if (c.reopensRefused > 0) {
    out.push({ code: 'long-lines', message: `${c.reopensRefused} redraws (ESC M) of a long line that was not rewritten were shown as new lines, to bound the work of redrawing`, line: null });
  }
  const gaps = input.gaps.length + input.droppedGaps;
  if (gaps > 0) {
    const first = input.gaps[0]!;
    out.push({ code: 'source-gap', message: `the source went away ${gaps === 1 ? 'once' : `${gaps} times`} (first at line ${first.line}: ${first.reason}); what it sent meanwhile is missing`, line: first.line });
  }
  if (input.input.damage !== null) out.push({ code: 'damaged-input', message: input.input.damage, line: null });
  if (input.input.splicesLost > 0) {
    out.push({ code: 'spliced-lines', message: `${input.input.splicesLost} status line${input.input.splicesLost === 1 ? '' : 's'} cut by another writer could not be read (${input.input.splicesRepaired} others were recovered)`, line: null });
  }
  if (input.recognised === 0 && c.bytes > 0) out.push({ code: 'no-console-output', message: 'nothing in the input looks like boot console output', line: null });
  return out;
}
