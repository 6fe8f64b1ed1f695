/** The segmenter's working state: boots → userspace cycles → phases, and what failed in each. */
import type { CrashDetails } from './crash-report.js';
import type { UnitRef } from '../grammar/units.js';
import type { OtherInit } from '../grammar/console-lines.js';
import type { FailureKind, Verb } from '../grammar/status.js';
import type { CrashKind } from '../grammar/kernel.js';
import type { Evidence } from '../report/schema.js';
import type { StartTimes } from './start-times.js';
import type { KernelFailure } from '../grammar/classify.js';

export type PhaseName = 'firmware' | 'bootloader' | 'kernel' | 'initrd' | 'system' | 'shutdown';
export type ModeKind = 'emergency' | 'rescue' | 'dracut-shell' | 'initramfs-shell';

export interface PhaseState {
  name: PhaseName;
  startLine: number;
  endLine: number;
  startUptime: number | null;
  endUptime: number | null;
}

export interface FailureState {
  ref: UnitRef;
  kind: FailureKind;
  verb: Verb | 'systemctl-failed' | 'unit-failed';
  line: number;
  message: string;
  source: 'console' | 'kmsg' | 'journal' | 'systemctl';
  /** Known only from PID 1's audit record of the failed start (`msg='unit=foo comm="systemd" … res=failed'`). */
  auditOnly?: boolean;
  /** A unit that would not stop in its time while the system shut down: the shutdown's fault only when the log
   *  ends in it (a shutdown that went on to its end was held up, not stopped). */
  atShutdown?: true;
  /** Times reported, per source (a status line and PID 1's kmsg line report the same failure). */
  counts: Map<string, number>;
  result: string | null;
  evidence: Evidence[];
  /** Order of first arrival in the cycle. */
  seq: number;
  /** Order of the latest report (a repeated [DEPEND] is attributed from its latest occurrence). */
  lastSeq: number;
  /** Line of the latest report. */
  lastLine: number;
  /** A user service manager's failure (`user manager (PID 1203)`); null for PID 1. */
  manager: string | null;
  /** The kernel's uptime when it was first reported (the last stamp at or before its line). */
  uptime: number | null;
  /** Taken out of its cycle's list (a restart was scheduled, or it joined another failure). */
  dropped?: boolean;
  /** Listed in its cycle's `unbound` (it was recorded without a name). */
  unbound?: boolean;
  /** The status message that first reported it (ledger's statusSeq), when one did. */
  statusSeq?: number;
  /** Whether its (unnamed) text fits a unit name: fitsEllipsized with the text taken apart once. */
  fits?: (name: string) => boolean;
}

export interface JobState {
  ref: UnitRef;
  op: 'start' | 'stop';
  firstLine: number;
  lastLine: number;
  elapsed: number | null;
  limit: number | null;
  elapsedText: string;
  limitText: string;
  frames: number;
  outcome: string | null;
  /** The last frame as shown, for evidence. */
  lastText: string;
  /** The kernel's uptime (the last stamp before it) when the spinner showed its longest elapsed time. */
  uptimeAtElapsed: number | null;
}

export interface ModeState {
  kind: ModeKind;
  line: number;
  device: string | null;
  evidence: Evidence[];
  /** The error an init script printed just before its maintenance shell (a mount that failed). */
  cause?: Evidence;
  /** The step the init scripts had announced when they gave up (runit-void's `=> Checking filesystems:`),
   *  as its description: the cause's name. */
  step?: string;
  /** What sent the initramfs to its shell: the root's mount that failed, else its last error before it. */
  lastError?: Evidence;
  /** Entered on dracut's own words (`Entering emergency mode. Exit the shell to continue.`). */
  viaDracut?: boolean;
  /** The shell was asked for (initramfs-tools' `break=`: `Spawning shell within the initramfs`), not a failure. */
  requested?: Evidence;
}

export type CycleEnd = 'soft-reboot' | 'reboot' | 'poweroff' | 'halt' | 'kexec' | 'panic' | 'log-end';

export interface CycleState {
  /** The last line of this cycle with text on it (blank lines and a paste's fences after it not counted). */
  contentEnd: number;
  /** The device dracut said does not exist (`Warning: /dev/mapper/rootvg-rootlv does not exist`), or the root it
   *  could not mount (`unmounted`: `Warning: Can't mount root filesystem`; `path` then the `root=` argument, or '' when
   *  it is not known; `noRootArg` when the command line was seen and gave none). */
  missingDevice?: { path: string; ev: Evidence; more?: Evidence[]; unmounted?: boolean; by?: string; noRootArg?: true };
  /** The latest failed unit that started its OnFailure= units (emergency.target, for a CoreOS Ignition unit). */
  onFailure: string | null;
  index: number;
  /** What made this cycle start, when a transition announced it. */
  transition: 'soft-reboot' | 'userspace-restart' | null;
  startLine: number;
  endLine: number;
  startUptime: number | null;
  endUptime: number | null;
  os: string | null;
  systemdVersion: string | null;
  phases: PhaseState[];
  /** Manager start signals seen in the current phase (a kmsg line and `Welcome to` announce the same start). */
  signals: Set<'manager' | 'welcome'>;
  /** A program only systemd's own units run spoke (`systemd-fsck[1008]: …`): systemd runs this cycle. */
  helperSpoke?: boolean;
  pending: 'switch-root' | 'soft-reboot' | 'reexec' | null;
  /** The cycle shows what a manager does right after it starts (early targets, udev, fstab mounts). */
  earlyActivity: boolean;
  failures: FailureState[];
  failureByKey: Map<string, FailureState>;
  /** The failures recorded without a name, in order: the ones an ellipsized text or a later line may name. */
  unbound: FailureState[];
  /** Entries of `unbound` since named or dropped (they are swept out when they are many). */
  unboundStale: number;
  /** The failures given each name, whether recorded with it or named later. */
  named: Map<string, FailureState[]>;
  /** The latest reports, oldest first (a failure once per report): what lines just after can refer to. */
  recent: FailureState[];
  jobs: Map<string, JobState>;
  mode: ModeState | null;
  /** Units that failed and whose restart was scheduled, not started since (the latest few). */
  restarting?: FailureState[];
  /** Units PID 1 scheduled a restart of (Restart=), how often, and where first and last. */
  restarts?: Map<string, { count: number; first: Evidence; last: Evidence; fromStatus?: boolean }>;
  /** Services whose `[  OK  ] Started …` status line came more than once in this cycle, not stopped between:
   *  each start after the first is a restart PID 1 made (Restart=) that the console shows no other way. */
  startCounts?: Map<string, { count: number; first: Evidence; last: Evidence; seq: number; burst: boolean }>;
  /** PID 1 itself failed (`[!!!!!!] …`): what it said, and the innermost error before it. */
  /** PID 1 gave up (`provisional`: an error it does not survive, before its own last words came). */
  fatal?: { message: string; cause: string; line: number; evidence: Evidence[]; provisional?: boolean };
  /** systemd-shutdown could not do one of its steps and went on (`Failed to enumerate /proc/: Invalid argument`). */
  shutdownFailed?: { cause: string; line: number; evidence: Evidence[] };
  loginLine: number | null;
  /** The latest `Starting X...`, and whether X was named since (started, failed, …). */
  lastBegun?: { ref: UnitRef; at: { lineNo: number; text: string }; ended: boolean };
  /** A dracut hook's service said it gives up (`dracut-pre-mount[4063]: Warning: ERROR: dvs-setup.sh failed;
   *  dropping to debug.`), and the first error its processes printed before that. */
  hookGaveUp?: { ident: string; ev: Evidence; firstError: Evidence | null; last?: Evidence };
  /** The first error each dracut hook's processes printed in this cycle (a few hooks), and how many they printed. */
  hookErrors?: Array<{ ident: string; ev: Evidence; count: number }>;
  /** The latest error a process other than PID 1 printed in this cycle. */
  lastProcessError?: { ident: string; line: number; text: string };
  /** A unit whose process, as `systemctl status` showed its cgroup, was waiting on `systemctl start` of another
   *  unit (`└─901 systemctl start sshd`): the start it waits for, and the line. */
  startsFromWithin?: Array<{ unit: string; started: string; ev: Evidence }>;
  /** systemd-modules-load's first `Failed to find module 'x'` (or `insert`): its unit fails when one does. */
  modulesLoadError?: Evidence;
  /** The last `systemctl list-jobs` table the log shows: the jobs still queued then, running or waiting. */
  listedJobs?: { line: number; rows: Array<{ unit: string; type: string; state: 'running' | 'waiting'; ev: Evidence }> };
  /** Ignition's first CRITICAL error (`ignition[949]: CRITICAL : files: … [failed] mounting …`): the stage it
   *  ran in fails, and with it the stage's unit (ignition-files.service). */
  ignitionCritical?: { stage: string; ev: Evidence };
  /** A program's uncaught Python traceback (`Traceback (most recent call last):` … `ValueError: …`), the first in
   *  this cycle: its header, its exception line once read, and the unit it ran as when the log binds it. */
  traceback?: { ident: string; header: Evidence; exception?: Evidence; unit?: string | null };
  /** The latest line a process other than PID 1 printed in this cycle (an error or not). */
  lastProcessLine?: { ident: string; line: number; text: string };
  /** agetty's /etc/issue line (`Kernel 5.16.0 on an ppc64le`): its login prompt follows on the next line. */
  issueLine?: number;
  /** The kernel's uptime when the login came (the last stamp at or before it). */
  loginUptime: number | null | undefined;
  /** How long units took to start (made with the first timed `Starting …`). */
  starts: StartTimes | undefined;
  startupFinished: string | null;
  /** The target PID 1 started as the default (system-update.target for an offline update). */
  defaultTarget: string | null;
  /** PID 1's line that names the default target (evidence when that target is rescue or emergency). */
  defaultTargetAt: { line: number; text: string } | null;
  end: CycleEnd;
  unitsSeen: Set<string>;
  unitsDropped: number;
  /** Counts failure reports, repeats included, to order them. */
  reports: number;
}

/** A `mount: PATH: reason` line seen before the failure it explains. */
export interface MountError {
  path: string;
  reason: string;
  line: number;
  text: string;
}

export interface CrashState {
  kind: CrashKind;
  title: string;
  line: number;
  uptime: number | null;
  cycle: number | null;
  evidence: Evidence[];
  /** Lines still to look at for the function the crash happened in. */
  lookahead: number;
  located: boolean;
  /** What the report's lines after its header say (task, taint, modules, frames). */
  details: CrashDetails;
  /** The report's call trace: not reached yet (false), being read (true), ended (null). */
  trace: boolean | null;
}

export type BootStartReason = 'log-start' | 'firmware' | 'bootloader' | 'kernel-banner' | 'timestamps-restarted' | 'journal-boot' | 'kexec';

export interface BootState {
  /** A bootloader error before any kernel ran. */
  bootloaderError: {
    line: number;
    text: string;
    message: string;
    /** The bootloader's errors after the first. */ more: Evidence[];
    /** Its line just before the error. */ before?: Evidence;
    /** It loaded a file after the error (`Retrieving file: …`, `413 bytes read in 25 ms`): it got past it. */ gotPast?: true;
    /** Trusted Firmware's own `ERROR:` line: no cause once a later stage's banner shows the boot went on. */ firmware?: true;
  } | null;
  /** The bootloader's exception handler reported a fault, or it said to reset the board, before the kernel's
   *  first line (a kernel may still run: another CPU faulted, or the fault came after the hand-over). */
  bootloaderFault?: { ev: Evidence; more: Evidence[]; /** After the kernel stopped the machine (`reboot: Power down`): the firmware's, as it powered off or reset. */ afterKernel?: true };
  /** The bootloader said it hands over to the kernel (`Starting kernel ...`). */
  handedOver: boolean;
  /** Where it said so (the last time). */
  handoverAt: { line: number; text: string } | null;
  /** The boot's last kernel line with text (kept as two fields: this is set on every kernel line). */
  kernelLastLine?: number;
  /** The device dracut's initqueue still waited for when it timed out (its `devexists-…` hook). */
  dracutWaiting?: { device: string; line: number; text: string; timeout: Evidence | null };
  /** dracut's initqueue timed out (`Warning: dracut-initqueue timeout - starting timeout scripts`): the last time, in this boot. */
  initqueueTimeout?: Evidence;
  /** The `root=` argument of the kernel's command line (`Kernel command line: …`, dracut's `Using kernel
   *  command line parameters: …`), when the log shows it. */
  rootArg?: string;
  /** The wall-clock time (seconds of the day) of this boot's first journal or syslog line, when it has one. */
  firstWall?: number;
  /** The kernel's lines of its first 1.5 s (stamp and message), to know them when a harness quotes them again. */
  earlyKernel?: { uptimes: number[]; messages: string[] };
  /** The kernel's command line as printed (the first time in this boot). */
  commandLine?: Evidence;
  /** The device an initramfs said it was mounting as the root (`mounting /dev/vdb->/booster.root`), by its
   *  kernel name (`vdb`). */
  rootMountDevice?: string;
  /** The kernel's first storage or filesystem error in this boot (`I/O error, dev nvme0n1, sector …`). */
  firstStorageError?: Evidence;
  /** Where the kernel said it runs init (`Run /sbin/init as init process`). */
  initRunLine?: number;
  /** The kernel's clock when it ran init, and whether any line not the kernel's came after (init's or its
   *  programs' output, a prompt): a console where init stays silent while the kernel's clock runs on hung there. */
  initRunUptime?: number | null;
  initRunText?: string;
  spokeAfterInit?: boolean;
  /** The first error printed after the kernel ran init and before any userspace cycle, login or prompt
   *  (`<3>ERROR: ConnectHvSocket:670: connect failed 19`), and where the machine then stopped
   *  (`reboot: Power down`): an init that gave up and shut the machine down. */
  initError?: Evidence;
  /** Init's scripts' next errors after initError, a few. */
  initErrorsAfter?: Evidence[];
  stoppedAt?: Evidence;
  /** The kernel's first `…: deferred probe pending` (its deferred-probe timeout ran out), and the next few. */
  /** User processes the kernel killed for a bad memory access (`do_page_fault(): sending SIGSEGV to mount …`,
   *  `foo[12]: segfault at …`): the first, and the processes (a few). */
  /** The latest run of one line said again and again (see Segmenter.repeatSeen). */
  repeating?: Array<{ template: string; first: Evidence; message: string; count: number; lastLine: number; lastText: string }>;
  userFaults?: { first: Evidence; last: Evidence; message: string; comms: string[]; count: number; lastPid?: string | null; before?: Evidence; where?: Evidence; init?: Evidence };
  /** `net`: the first of them that is a network device (`platform cac80000.ethernet: deferred probe pending`). */
  deferredProbe?: { line: number; text: string; more: Evidence[]; net?: Evidence };
  kernelLastText?: string;
  /** The last line of this boot with something on it (blank lines do not count). */
  contentEnd: number;
  /** An init system other than systemd, when it said so. */
  init: OtherInit | null;
  /** Services that init system said failed. */
  /** (init: the init system whose words they are, where not the boot's own: kdump's scripts under systemd.) */
  initFailures: Array<{ service: string; line: number; text: string; said?: Evidence[]; init?: OtherInit; step?: true; respawned?: true; lsb?: true }>;
  /** mount(8)'s errors on the console while no systemd ran (an rc script's `mount -a`), the first few,
   *  each with the kernel's reason just before it (`tmpfs: Unknown parameter 'mode'`) where it gave one. */
  /** The kernel could not find a block device something asked it to mount (`/dev/mmcblk0p29: Can't lookup blockdev`). */
  blockdevMissing?: { path: string; line: number; text: string };
  mountErrors?: Array<{ line: number; text: string; message: string; kernel: { line: number; text: string; message: string } | null }>;
  /** A login prompt with no systemd userspace cycle to hold it. */
  loginLine: number | null;
  /** Someone logged in: a user name typed at a login prompt, or a shell's prompt after one. */
  loggedIn?: boolean;
  /** mount(8) under its own name in a journal (`mount[136]: mount: /sysroot/nix/store: special device overlay
   *  does not exist.`): the process systemd runs for a .mount unit, failing. The first, and the lines after it
   *  that say more (the kernel's `overlayfs: failed to resolve …`). */
  journalMountError?: { path: string; reason: string; ev: Evidence; more: Evidence[] };
  /** NixOS's stage 2 (its /sbin/init script: `setting up /etc...`, `starting systemd...`) ran: the errors it
   *  printed before systemd took over (the first few) and an activation snippet that failed. */
  nixosStage2?: { line: number; errors: Evidence[]; snippet?: Evidence };
  /** A program that runs the whole machine or its job gave up on it: QEMU's fatal error in the console stream
   *  (`qemu-system-x86_64: Trying to execute code outside RAM or ROM at …`), Anaconda stopping its
   *  installation (`anaconda[2628]: Non interactive installation failed: …`). The first. */
  overseerFailed?: { who: 'QEMU' | 'Anaconda' | 'debian-installer'; message: string; ev: Evidence };
  /** The secure world's firmware (OP-TEE, Trusted Firmware-A) panicked on the same console, while the kernel
   *  ran or before: the CPU it ran on is gone, and the kernel's stalls after it follow from that. */
  secureFirmwarePanic?: { message: string; ev: Evidence };
  /** A program's uncaught Python traceback with no systemd cycle to put it in (another init, or an excerpt of
   *  a service's output alone: `vyos-router[1490]: Traceback (most recent call last):` … its exception). */
  traceback?: { ident: string; header: Evidence; exception?: Evidence; unit?: string | null };
  /** systemd-nspawn's own errors as it set up a container (`Failed to write boot id: Permission denied`,
   *  `Child died too early.`), before anything of the container's init. */
  nspawnErrors?: Evidence[];
  /** The last step Debian's LSB init scripts began (`[....] Waiting for /dev to be fully populated...`), and
   *  whether a word of init's came after it (its status, the next step, a runlevel, a prompt). */
  /** An LSB init script's step begun and not yet ended; for Upstart's mountall waiting on file systems, the
   *  others it waits on meanwhile (`mountall`). */
  /** (`rc`: an old-style step, `Starting foo: `, whose end need not be printed.) */
  lsbStep?: { name: string; line: number; text: string; closed: boolean; mountall?: Evidence[]; rc?: boolean; failed?: true };
  /** The device dracut said does not exist, before any userspace cycle (see CycleState). */
  missingDevice?: { path: string; ev: Evidence; more?: Evidence[]; unmounted?: boolean; by?: string; noRootArg?: true };
  /** Line of the kernel banner (`Linux version …`), when seen. */
  bannerLine: number | null;
  index: number;
  startReason: BootStartReason;
  startLine: number;
  endLine: number;
  kernelVersion: string | null;
  firstUptime: number | null;
  lastUptime: number | null;
  /** Kernel output was seen (a banner or timestamps). */
  hasKernel: boolean;
  /** The device whose e2fsck summary came first in this boot, before systemd (a boot.log's root check). */
  rootFsck?: string;
  /** BusyBox syslogd said it started (once a boot). */
  syslogdStarted?: boolean;
  /** The next boot's firmware said a watchdog reset the machine during this one. */
  watchdogReset?: Evidence;
  /** Kernel lines came from the console itself (not from a syslog or journal's copy). */
  consoleKernel?: boolean;
  /** A container's boot: PID 1 said it runs in one, and no kernel of its own was seen. */
  container?: boolean;
  /** The first line of this boot in a journal's or syslog's form, and how many of its kernel lines a
   *  syslog wrote with the kernel's own stamp inside (`host kernel: [ 1.2] …`, which journalctl does not). */
  journalFirst?: number;
  syslogKernel?: number;
  /** The journal shows this boot past its kernel's own start-up: a line from userspace, or the kernel
   *  freeing its init memory. A journal of a boot that is cut before it holds no userspace cycle. */
  journalPastKernel?: boolean;
  /** An initrd that is not systemd gave up (NixOS stage 1), and the device it waited for. */
  initrdFailure?: { initrd: 'nixos-stage-1' | 'dracut' | 'initramfs-script'; message: string | null; line: number; text: string; device: string | null; evidence: Evidence[] };
  /** The initramfs could not mount the root file system (`mount: /new_root: unknown filesystem type 'ext4'`). */
  rootMountError?: Evidence;
  /** The lines just before it that name the same source (`Message: filesystem 'pool/root' can not be mounted …`). */
  rootMountSaid?: Evidence[];
  /** initramfs-tools' `Begin: X ...` steps not yet `done.`, innermost last, and the errors printed
   *  inside them: a log that ends there hung in the initramfs. */
  /** OpenWrt's preinit began (procd's `init: - preinit -`), with its failsafe prompt once shown. */
  preinit?: { line: number; text: string; failsafe?: Evidence; promptEnd?: number };
  initramfsSteps?: {
    open: Array<{ name: string; line: number; text: string }>;
    /** The last error printed inside the open steps (cleared when they all close). */
    error: { line: number; text: string } | null;
    /** The first errors printed inside any step (kept): what went wrong as the root device was set up. */
    firstErrors: Evidence[];
    /** The last line with text while the steps ran. */
    contentEnd: number;
  };
  /** Filesystems the kernel could not mount or found damaged, drivers it could not load (the first few). */
  kernelFailures?: Array<{ kind: Exclude<KernelFailure, 'netdev' | 'ioerror'>; message: string; line: number; text: string; more: Evidence[] }>;
  /** The first lines (three) a network controller or its PHY said it failed: why a network root never came, if it does not. */
  netDeviceFailed?: Evidence[];
  /** A storage controller's driver that failed to probe (`ibmvscsi 30000069: probe with driver ibmvscsi failed`),
   *  by its first error (`Error -4 opening adapter`): the disks behind it never come. */
  /** (`link`: not a driver that failed to probe but a disk's link that libata gave up on.) */
  storageDriverFailure?: { message: string; line: number; text: string; more: Evidence[]; link?: true; card?: true };
  /** The first probe of a device that failed, whatever its driver (`virtio-pci: probe of 0000:01:00.0 failed with error -22`):
   *  why an installer then found no disk (see overseerFailed). */
  probeFailed?: { message: string; line: number; text: string };
  /** Where the kernel said it mounted its root (`VFS: Mounted root (ext4 filesystem) on device 254:0.`). */
  rootMountedLine?: number;
  /** The kernel could not unpack its initramfs (`Initramfs unpacking failed: invalid magic at start of compressed archive`). */
  initramfsUnpackFailed?: Evidence;
  /** The first module the kernel refused to load before any userspace cycle (`failed to validate module [jbd2] BTF: -22`). */
  moduleRefused?: { message: string; line: number; text: string; more: Evidence[] };
  /** The kernel said it waits for the root device (`rootwait`) and no init has run since. */
  /** `gaveUp`: the initrd said it stopped waiting (NixOS stage 1: `Timed out waiting for device …, trying to mount anyway.`); `triedMount`: the mount it then tried, which failed. */
  rootWait?: { device: string; line: number; text: string; gaveUp?: { line: number; text: string }; triedMount?: { line: number; text: string }; errors?: Evidence[] } | null;
  /** Firmware banners seen in this boot (`seabios`, `u-boot`, …). */
  banners: Set<string>;
  phases: PhaseState[];
  cycles: CycleState[];
  crashes: CrashState[];
  mode: ModeState | null;
  end: 'reboot' | 'poweroff' | 'halt' | 'panic' | 'log-end';
}

/** Why a failure known from PID 1's audit record of its start is evidence (see Segmenter.audit). */
export const AUDIT_FAILED = 'audit: PID 1 recorded the start as failed';
/** Why a unit failed that PID 1 would not load (`Unit x has a bad unit file setting`). */
/** Why a unit that closed an ordering cycle is named (its own job was not the one deleted). */
export const ORDERING_CLOSED_CYCLE = 'its ordering closed the cycle: it is the one unit in it not of systemd’s own';
export const BAD_UNIT_FILE = 'PID 1 would not load its unit file (a bad setting), so it never started';
