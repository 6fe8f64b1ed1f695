/**
 * Segmentation: console records → kernel boots → systemd userspace cycles → phases, with the failures,
 * hung jobs, emergency modes and kernel crashes of each. This room reads the unit signals (status
 * lines, PID 1's and user managers' messages, journals, prompts) and dispatches to the timeline
 * (timeline.ts), the failure ledger (ledger.ts) and crashes (crashes.ts). Memory is bounded by LIMITS.
 */
import { isSessionStart, type ConsoleRecord, type LineRef, type UserManagerLine } from '../grammar/classify.js';
import { DRACUT_PREFIX, dracutFailure, isConsoleToolLine, initramfsMissingDevice, initramfsScriptFailure, initramfsRootNotFound, matchMountError, matchPrompt, GETTY_ISSUE, type PromptMatch } from '../grammar/console-lines.js';
import { DISK_READ_ERROR, matchCrash, NAMED_DAMAGE, nfsRootFailed } from '../grammar/kernel.js';
import { VERB_FAILURE, type StatusMessage, type Verb } from '../grammar/status.js';
import { deviceUnitForPath, isUnitName, shippedWithSystemd, typeHint, nameFitsDescription, mountUnitForPath, own, ownRef, parseUnitText, swapUnitForPath, systemdOnlyDescription, type UnitRef, type UnitTypeHint } from '../grammar/units.js';
import type { AuditRecord } from '../grammar/sources.js';
import type { Evidence } from '../report/schema.js';
import type { BootStartReason, BootState, CrashState, CycleState, FailureState } from './state.js';
import { AUDIT_FAILED, BAD_UNIT_FILE, ORDERING_CLOSED_CYCLE } from './state.js';
import { addEvidence, clip, LIMITS, modeWhy, NEAR_LINES, objectList, ring } from './evidence.js';
import { bestBinding, BIND_LINES, INITRAMFS_ROOT, JOB_RESULT_KIND, kernelErrorBurst, lvmMapperPath, PROCESS_ERROR, unitStem } from './ledger.js';
import { CrashTracker, INIT_NOT_RUN } from './crashes.js';
import { currentCycle, fitsEllipsized } from './timeline.js';
import { StartTimes, wallClock, type Clock } from './start-times.js';
/** A frame of the kernel's WARN() in a call trace (`[<ffffffff8106e33c>] warn_slowpath_fmt+0x5c/0x80`, ` __warn+0x84/0x130`). */
const WARN_FRAME = /(?:^|[\s\]])(?:warn_slowpath_\w+|__warn(?:_printk)?)\+0x[0-9a-f]+\/0x[0-9a-f]+/;
/** A DRM driver's location tag before its error (`[drm:psp_sw_init [amdgpu]] *ERROR* `), and the driver it names. */
const DRM_TAG = /^\[drm:[^\s\]]+(?: \[\w+\])?\] \*ERROR\* /;
const DRM_DRIVER = /^\[drm:[^\s\]]+ \[(\w+)\]\]/;
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
/** U-Boot read a kernel, an initrd or a device tree into memory. */
// (Or counted down to its autoboot, `Press Ctrl+q/Q to stop autoboot:  0`: what failed before, a slot with no card in its
// bring-up, did not stop it; what fails in the boot command after is the failure.)
const BOOTLOADER_LOADED = /^(?:Retrieving file: \S|\d+ bytes read in \d+ ms|.{0,40}\bto stop autoboot\b)/;
/** The same, from a line that is a firmware's marker: U-Boot's `… bytes read in …`, EDK II's boot manager starting
 *  a boot option it loaded. */
// (The Raspberry Pi's EEPROM loading the GPU firmware from the next boot mode it tried: `Loading start4.elf hnd: 0x…`.)
const MARKER_LOADED = /^(?:\d+ bytes read in \d+ ms|Hit any key to stop autoboot|BdsDxe: starting Boot[0-9A-Fa-f]{4} |Loading \S+\.elf hnd: |Starting start\w*\.elf @ )/;
const MOUNT_VERBS = new Set<Verb>(['mount-begin', 'mounted', 'mount-failed', 'mount-timeout', 'unmount-begin', 'unmounted', 'unmount-failed']);
const SWAP_VERBS = new Set<Verb>(['swap-begin', 'swap-activated', 'swap-failed', 'swapoff-begin', 'swap-deactivated', 'swapoff-failed']);
const DEVICE_VERBS = new Set<Verb>(['device-expect', 'device-found', 'device-timeout', 'unsupported']);
/** Units whose OnFailure= is emergency.target in systemd's own unit files. */
const EMERGENCY_ON_FAILURE: ReadonlySet<string> = new Set(['local-fs.target', 'initrd.target', 'initrd-root-fs.target', 'initrd-root-device.target', 'initrd-fs.target', 'initrd-switch-root.target', 'initrd-usr-fs.target', 'sysinit.target', 'emergency.target']);

function clipOrNull(s: string | undefined): string | null {
  return s === undefined ? null : clip(s);
}

function ownOrNull(s: string | undefined): string | null {
  return s === undefined ? null : own(s);
}

/** /etc/issue's usual last line as agetty prints it (`\\r on an \\m`). */
// (With the terminal the issue file names by `\l`: `Kernel 6.6.36-2-bpi-f3 on an riscv64 (ttyS0)`.)
const ISSUE_KERNEL = /^Kernel \S+ on an? \S+(?: \([\w/.-]{1,32}\))?\s*$/;
/** /etc/issue before a login prompt naming a release that runs systemd (Ubuntu from 15.04, Debian from 8 and
 *  its testing releases, RHEL and its rebuilds from 7, SLES from 12, Ångström from 2011, and the distributions
 *  that never shipped another init). */
const SYSTEMD_ISSUE =
  /^\s*(?:Ubuntu (?:1[5-9]|[2-9]\d)\.|Debian GNU\/Linux (?:[89]|1\d)\b|Raspbian GNU\/Linux (?:[89]|1\d)\b|(?:CentOS(?: Linux| Stream)?|Red Hat Enterprise Linux(?: Server)?|Rocky Linux|AlmaLinux|Oracle Linux Server) (?:release )?(?:[7-9]|1\d)\b|Fedora\b|Arch Linux\b|Manjaro\b|NixOS\b|Flatcar\b|openSUSE\b|Pop!_OS\b|Linux Mint (?:1[89]|2\d)\b|Amazon Linux 2\b|Armbian\b|Debian GNU\/Linux [a-z]+\/sid\b|[AÅ]ngstr[oö]m v20(?:1[1-9]|[2-9]\d)|SUSE Linux Enterprise (?:Server|Desktop|Micro) (?:1[2-9]|[2-9]\d|[5-9]\.\d)|openEuler\b|EulerOS\b|Anolis OS\b|Alibaba Cloud Linux\b|(?:VMware )?Photon OS\b|Mageia\b|Clear Linux\b|Kylin Linux Advanced Server\b)/;

/** /etc/issue of a distribution that boots with another init by default (BusyBox init, OpenRC, runit,
 *  sysvinit, Guix's Shepherd: `This is the GNU system.  Welcome.`): a login under it, with nothing of systemd in
 *  the log, is no userspace cycle of systemd's. */
const OTHER_ISSUE = /^\s*(?:Welcome to (?:Buildroot|Alpine Linux)\b|Alpine Linux \d|Void \d|Devuan GNU\/Linux\b|This is \S+\.\(none\) \(Linux|Slackware \d|Artix Linux\b|This is the GNU system\. {1,2}Welcome\.)/;

/** What follows a WARNING header that is the report's frame, not the warning's own message. */
const WARN_TRAILER = /^(?:Modules linked in|CPU: |Hardware name|RIP|pc : |PC is at|Call Trace|---\[|\s*$)/;

/** e2fsck's summary of a file system it found clean or fixed (`/dev/sda7: clean, 605075/3547136 files, 4742494/14178646 blocks`). */
const FSCK_SUMMARY = /^\/dev\/\S+: (?:clean, )?\d+\/\d+ files, \d+\/\d+ blocks/;

/** The firmware of the next boot says a watchdog reset the machine (U-Boot on i.MX: `Reset cause: WDOG`). */
const WATCHDOG_RESET = /^Reset cause: (?:WDOG|WDT|[Ww]atchdog)\b/;

/** What systemd calls the containers it detects (`systemd-detect-virt --list`, the container half; before v220 in quotes, `'docker'`). */
const CONTAINERS = /^'?(?:docker|podman|lxc|lxc-libvirt|systemd-nspawn|openvz|rkt|wsl|proot|pouch|container-other)'?\.?\s*$/;

/** PID 1 gave up after its fatal error: it freezes, or exits in a container. */
const PID1_GAVE_UP = /^(?:Freezing execution\.?|Exiting PID 1\.*)\s*$/;
/** PID 1's own crash handler (`Caught <SEGV>, dumped core as pid 9.`, then `Freezing execution.`). */
const PID1_CRASHED = /^Caught <[A-Z]{3,6}>(?:, (?:dumped core as pid \d+|cannot fork for core dump|core dump failed)|,? from our own process)/;
/** PID 1's own assertion that failed, which aborts it (`Assertion 'hashmap_isempty(m->jobs)' failed at
 *  src/core/manager.c:1474, function manager_clear_jobs_and_units(). Aborting.`). */
const PID1_ASSERTION = /^Assertion '.+' failed at \S+, function \S+\. Aborting\.?$/;
/** PID 1's setup errors that end it (main.c and cgroup.c: the manager object cannot be made without its
 *  cgroups and API file systems). */
const PID1_SETUP_FATAL = /^(?:Failed to create root cgroup hierarchy|Failed to create \/init\.scope control group|Failed to allocate manager object|Failed to mount API filesystems|Cannot determine cgroup we are running in|Failed to mount cgroup at \S+): \S/;
/** A shell command that starts a machine or container whose console follows. */
const LAUNCHES_MACHINE = /[#$]\s*(?:sudo\s+)?(?:docker|podman|nerdctl)\s+(?:container\s+)?(?:run|start)\b|[#$]\s*(?:sudo\s+)?(?:systemd-nspawn|qemu-system-\S+|virsh\s+(?:console|start)|lxc-start|lxc\s+(?:start|console)|incus\s+(?:start|console)|virt-install|vagrant\s+up|multipass\s+launch)\b/;
/** A shell started on the console without a login (no controlling terminal, or BusyBox's banner). */
const BUSYBOX_VERSION = /^BusyBox v\d[\w.-]*(?: \.{3}| \(.*\))?\s*$/;
const BARE_SHELL = /^(?:BusyBox v\S+ .*(?:[Bb]uilt-in shell \(ash\)|hush - the humble shell)|(?:\/bin\/)?(?:sh|ash|bash): can't access tty[;:] job control turned off)/;
/** The kernel's partition scan names the partition a root device path is (`/dev/mmcblk0p2` in ` mmcblk0: p1 p2`). */
function rootPartitionAppeared(device: string, message: string): boolean {
  // The kernel mounted it (`EXT4-fs (mmcblk0p2): mounted filesystem …`, `VFS: Mounted root (ext4 filesystem)`).
  if (message.startsWith('VFS: Mounted root') || (message.includes('): mounted filesystem') && message.includes(`(${device.slice(5)}): mounted filesystem`))) return true;
  // (One space between the names: a pattern that could split a name two ways backtracks without end.)
  const m = /^\s*([a-z]\w*): (\S+(?: \S+)*)$/.exec(message);
  if (m === null || !device.startsWith(`/dev/${m[1]}`)) return false;
  const wanted = device.slice(5);
  return m[2]!.split(' ').some((p) => p === wanted || `${m[1]}${p}` === wanted);
}
/** An init script's own error words. */
/** A kernel message that complains (a driver that failed, an error, a timeout). */
const COMPLAINT = /\b(?:[Ff]ail(?:ed|ure)?|FAILED|[Ee]rror|[Tt]imed? ?out|timed out)\b/;
/** The programs that write a syslog (their own start comes just before the kernel's lines they replay). */
// (rsyslogd numbers its own messages: `rsyslogd-2039: Could no open output pipe …`.)
const SYSLOG_DAEMONS = /^(?:kernel|rsyslogd(?:-\d+)?|syslogd|syslog-ng|klogd|syslog|systemd-journald|journal)$/;
const DRACUT_SERVICE = /^dracut-(?:cmdline|cmdline-ask|pre-udev|pre-trigger|initqueue|pre-mount|mount|pre-pivot|shutdown)$/;
// (And mkinitcpio's resume hook finding no swap to resume from, `ERROR: resume: hibernation device 'UUID=…' not
// found`: the boot goes on without resuming.)
const IGNORED_WARNING = /^\s*(?:Warning|WARNING|W): .*(?:- ignoring|ignored|skipping)\.?\s*$|^\s*ERROR: resume: hibernation device \S+ not found\s*$/;
const ROOT_ARG = /(?:^|\s)root=(\S+)/;
// (initramfs-tools' lvm2 script says `Unable to find LVM volume VG/LV` when it cannot activate one.)
const LVM_REFUSED = /^\s*(?:WARNING: )?(?:(?:Refusing activation of partial LV|Unable to find LVM volume) "?([\w+-]+(?:\.[\w+-]+)*)\/([\w+-]+(?:\.[\w+-]+)*)"?|Volume group "([\w.+-]+)" not found)/;
const BOOTCONSOLE_OFF = /^(?:printk: )?(?:(?:legacy )?bootconsole \[[\w.-]+\] disabled|console \[[\w.-]+\] enabled, bootconsole disabled)$/;
/** Where an initramfs mounts the real root or its own overlay's writable layer (`/root`, `/sysroot`,
 *  `run/initramfs/rw`, NixOS's `/mnt-root`). */
const INITRAMFS_MOUNT_POINT = /^\/?(?:root|sysroot|new_root|newroot|mnt-root|run\/initramfs)(?:\/|$)/;
/** The process id a user fault names (`[583]` of its prefix, `Process 583(…)` of an aborted core). */
const USER_FAULT_PID = /^(?:\[|Process )(\d+)/;
/** Lines between two of a repeated line that still make one run of it (see repeatSeen). */
const REPEAT_GAP = 3;
const REPEAT_COMPLAINT = /[Ff]ail|[Ee]rror|ERROR|WARN|[Dd]eclin|[Rr]etry|[Rr]etrying|[Tt]imed? ?out|[Uu]nable|[Cc]annot|can't|[Nn]ot ready|not initiali[sz]ed|[Nn]o response|[Rr]efused|[Gg]iving up/;
/** The kernel's last lines that make a loop when they are one complaint (see kernelGoingRound; its ring holds 8). */
const REPEATS_AT_END = 6;
const MMC_INIT_FAILED = /^mmc\d+: error -\d+ whilst initialising (?:SD|MMC|SDIO) card/;
// (And e2fsck's own words for a file system it will not repair unattended: `/dev/hdc2: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.`)
const STAGE1_ERROR = /\b(?:not found|unbound variable|failed|[Ee]rror|ERROR|FATAL|[Ff]atal|cannot|can't|[Uu]nable to|No such file|UNEXPECTED INCONSISTENCY)\b/;

/** An initramfs saying it mounts a device as its root: the device's kernel name. */
const ROOT_MOUNTING = /^[Mm]ounting \/dev\/(?:mapper\/)?([\w.-]+)\s*(?:->|on|at|to)\s*\/(?:sysroot|root|new_root|newroot|booster\.root|mnt\/root|rootfs)\b/;

/** s6-overlay's first words as a container starts (v3's preinit, or s6-rc starting its first service). */
const S6_FIRST_WORDS = /^(?:\/package\/admin\/s6-overlay\/libexec\/preinit: |s6-rc: info: service s6rc-oneshot-runner: starting)/;
/** The container OpenRC says it starts up in, at the end of its banner. */
const OPENRC_CONTAINER = /is starting up .*\[(?:LXC|DOCKER|PODMAN|SYSTEMD-NSPAWN|OPENVZ|VSERVER|RKT|WSL|JAIL|PROOT|UML)\]\s*$/;

/** debian-installer's `The failing step is: …` (its dialog's frame drawn around it, as `x` or `│`). */
const DI_STEP_FAILED = /\bfailing step is: ([A-Z][\w ()/,'.-]{2,80}?)\s*[x│|]?\s*$/;
/** A step runit-void's core services announce (`=> Checking filesystems:`, `=> Mounting rootfs read-write...`);
 *  U-Boot's `=> ` prompt is followed by a command, not a capitalised phrase ending so. */
const STEP_HEADER = /^=> ([A-Z][\w ()/,'-]{2,60}?)(?:\.\.\.|:)\s*$/;
/** The same, as other init scripts announce a step: Debian's and old Ubuntu's (`  *  Checking all file
 *  systems...`, done with `...done.` or `...fail!`) and Red Hat's rc.sysinit (`Checking all file systems.`, its
 *  `[  OK  ]` or `[FAILED]` at the line's end or on a line of its own after what the step printed). */
const SCRIPT_STEP = /^(?:\s*\*\s+([A-Z][\w ()/,'-]{2,60}?)\.\.\.|((?:Checking|Mounting|Remounting|Activating|Setting up|Loading|Enabling|Configuring|Creating|Cleaning up) [\w ()/,'-]{2,60}?)[.:])\s*$/;
/** A step's own end, when it went well (`...done.`, a lone `[  OK  ]`). */
const SCRIPT_STEP_DONE = /^\s*(?:\.\.\.\s*done\.?|\[\s*OK\s*\])\s*$/i;

/** A script's status line that finished (`Starting bluetoothd: OK`, ` * Starting foo ... [ ok ]`, `Starting dbus: done`). */
const OTHER_STATUS_DONE = /(?::|\.\.\.?)\s*(?:OK|done\.?|\[\s*ok\s*\])\s*$/i;

const MIPS_UTH = /^CPU \d+ Unable to handle kernel /;
/** The kernel could not mount the root filesystem (after the filesystem's own failure, or on its own). */
const ROOT_NOT_MOUNTED = /^VFS: (?:Cannot open root device|Unable to mount root)/;
/** A driver's probe that failed: `ibmvscsi 30000069: probe with driver ibmvscsi failed with error -4`, `ahci: probe of 0000:00:1f.2 failed with error -12`. */
/** libata gave up on a disk's link after its error handling (`ata1: failed to reset engine (errno=-5)`, `ata1: EH
 *  pending after 5 tries, giving up`): whatever is on that disk does not come. */
const ATA_GAVE_UP = /^ata\d+(?:\.\d+)?: (?:failed to reset engine \(errno=-\d+\)|EH pending after \d+ tries, giving up)/;
const STORAGE_PROBE_FAILED = /^\S+ \S+: probe with driver (\S+) failed with\b|^(\S+): probe of \S+ failed with error\b/;
/** Drivers of storage controllers (disks, flash, SD/MMC hosts): without them no root device appears. */
const STORAGE_DRIVERS = /^(?:ibmvscsi|ibmvfc|virtio_blk|virtio_scsi|nvme|ahci|ata_piix|mpt[23]sas|mptsas|mptspi|megaraid_sas|megasas|hpsa|smartpqi|aacraid|qla2xxx|lpfc|isci|arcmsr|ipr|zfcp|dasd\S*|sata_\w+|pata_\w+|sym53c8xx|vmw_pvscsi|hv_storvsc|xen[-_]blkfront|usb-storage|uas|sdhci\S*|dw_mmc\S*|mmci?|mmc_spi|mtk-msdc|meson-gx-mmc|omap_hsmmc|mxs-mmc|renesas_sdhi\S*|ufshcd\S*|aspeed-smc|spi-nor|fsl-quadspi|nand\S*|gpmi-nand)$/;
/** A unit name systemd shortened with an ellipsis: no spaces, a unit type at its end. */
const ELLIPSIZED_NAME = /^[\w@:.\\-]+…[\w@:.\\-]*\.(?:service|mount|device|swap|target|socket|timer|path|slice|scope|automount)$/;
/** A bootloader's exception handler (U-Boot's on ARM and RISC-V) and its fatal stop (`### ERROR ### Please RESET the board ###`). */
const BOOTLOADER_FAULT = /^ASSERT \[\w+\] |^(?:!!!! )?\w+ Exception Type - |^(?:data abort|prefetch abort|undefined instruction)$|^"(?:Synchronous Abort|SError|Error)" handler, esr 0x|^exception code: \d+ ,|^Unhandled exception: |^### ERROR ### Please RESET the board/;
/** Lines a kernel may print while it brings up its secondary CPUs (`x86: Booting SMP configuration:` to
 *  `smp: Brought up …`): two for each of hundreds of CPUs. */
/** A filesystem's messages about a device (`EXT4-fs (sda2): …`, `FAT-fs (sda2): …`): the filesystem and the device. */
const FS_DEVICE = /^((?:EXT[234]|FAT|F2FS)-fs|XFS|NILFS|UDF-fs|ISOFS|hfsplus|exFAT-fs) \(([\w.-]+)\)/;
/** isofs's word that it could not read a device (`isofs_fill_super: bread failed, dev=sda2, iso_blknum=16, block=32`). */
const PROBE_DEV = /^isofs_fill_super: bread failed, dev=([\w.-]+),/;
const SMP_BRINGUP_LINES = 4096;
/** systemd-nspawn's end of a container that failed. */
const NSPAWN_FAILED = /^Container \S+ failed with error code \d+\.?$/;
/** NixOS's stage 2 saying what it does before it starts systemd (its words on the console, or in the journal as
 *  `stage-2-init: …`), and an activation script snippet that failed. */
/** A cgroup tree's process that starts a unit and waits (not `--no-block`): `└─901 systemctl start sshd`. */
const CGROUP_STARTS = /[└├]─\d+ (?:\S*\/)?systemctl (?:(?!--no-block)--?[\w-]+ )*(?:re)?start ([\w@.:\\-]+)\s*$/;
/** `systemctl list-jobs`' table: its header and a row (`69  pre-nixos.service start running`). */
const JOBS_HEADER = /^JOB\s+UNIT\s+TYPE\s+STATE\s*$/;
const JOBS_ROW = /^\d+\s+(\S+\.(?:service|target|mount|device|socket|swap|path|timer|slice|scope|automount))\s+(start|stop|restart|reload|verify-active|try-restart)\s+(running|waiting)\s*$/;
const UNIT_ASKED = /\bsystemd\.unit=(emergency|rescue)\.(target|service)\b/;
/** An IOMMU's report of a device access it refused: Intel's DMAR (`DMAR: [DMA Read] Request device [02:00.0]
 *  … fault addr …`, `DMAR: [DMA Write NO_PASID] Request device [0x00:0x02.0] …`), AMD-Vi's `Event logged
 *  [IO_PAGE_FAULT …]`, an Arm SMMU's `Unhandled context fault: fsr=…`. */
const IOMMU_FAULT = /^(?:DMAR: ?\[DMA (?:Read|Write)\b.{0,24}\] Request device \[[\dA-Fa-fx:.]+\].{0,40}fault addr|(?:\S+ \S+: )?AMD-Vi: Event logged \[IO_PAGE_FAULT\b|\S+ \S+: Unhandled context fault: )/;
/** The kernel's rate limit on those reports kicked in (`dmar_fault: 14 callbacks suppressed`). */
const IOMMU_STORM = /^(?:dmar_fault|iommu_print_event|amd_iommu_report_page_fault|arm_smmu_context_fault|arm_smmu_evtq_thread|report_iommu_fault): \d+ callbacks suppressed$/;
/** systemd-hibernate-resume(-generator) refusing or failing to resume the image it found. */
const HIBERNATE_REFUSED = /would not resume from it|[Ff]ailed to (?:resume|write resume device)|[Uu]nable to resume/;
/** Hostboot's lines (`  9.41837|  Initialization Service launched …`) and its error log's first line. */
const HOSTBOOT_LINE = /^\s*\d{1,6}\.\d{5}\|\s{1,4}(\S.*)$/;
const HOSTBOOT_ERROR = /^\s*\d{1,6}\.\d{5}\|Error reported by \S+ \(0x[0-9a-fA-F]+\)\s*$/;
/** QEMU's word that the guest crashed (s390x's disabled wait, a guest panic notifier). */
const GUEST_CRASHED = /^Guest crashed on cpu \d+: \S.*$/;
/** QEMU's fatal errors (not its warnings, nor `terminating on signal 15`, a harness ending the run): `qemu-system-x86_64:
 *  Trying to execute code outside RAM or ROM at …`. */
const QEMU_FATAL = /(?<![A-Za-z_-])(qemu-(?:system-[\w-]+|kvm): (?:Trying to execute code outside RAM or ROM|Execution cannot continue|Failed to |Could not |Unable to |fatal)[^\n]*)/;
const NIXOS_STAGE2 = /^(?:running activation script|setting up \/etc|starting systemd)\.\.\.$/;
const NIXOS_SNIPPET_FAILED = /^Activation script snippet '[^']{1,80}' failed \(\d+\)$/;
const NSPAWN_SPAWNING = /^Spawning container \S+ on \S+?\.?$/;
// (Or the container's first process found no init to run, `execv(/usr/lib/systemd/systemd, /lib/systemd/systemd,
// /sbin/init) failed: No such file or directory`.)
const NSPAWN_ERROR = /^(?:Failed to [^:]{3,120}: \S.*|Child died too early\.|execv\(.{1,300}\) failed: \S.*)$/;
/** A firmware's or bootloader's line that says something could not be done. */
/** Trusted Firmware-A's error lines (`ERROR:   BL2: Failed to load image (-2)`; a page's copy collapses the spaces). */
const FIRMWARE_ERROR = /^ERROR:\s+\S/;
const FIRMWARE_COMPLAINT = /\b(?:[Uu]nable to|[Ff]ailed|[Cc]annot|[Cc]an't|[Ee]rror|not found)\b/;
/** The default targets' descriptions, as PID 1 printed them before it printed names. */
const TARGET_BY_DESCRIPTION: Readonly<Record<string, string>> = { 'Emergency Mode': 'emergency.target', 'Rescue Mode': 'rescue.target', 'Graphical Interface': 'graphical.target', 'Multi-User System': 'multi-user.target' };

/** The kernel refused to load a module (`failed to validate module [jbd2] BTF: -22`, `ext4: Unknown symbol
 *  jbd2_journal_start (err -2)`, `Loading of unsigned module is rejected`). */
const MODULE_REFUSED = /^(?:failed to validate module \[[\w-]+\] BTF: -\d+|[\w-]+: (?:Unknown symbol \S+ \(err -?\d+\)|disagrees about version of symbol \S+)|Loading of (?:unsigned module|module with unavailable key) is rejected)/;

/** Programs that only systemd's own units run: on a console, a systemd userspace runs. */
// (And systemd's own daemons: `systemd-networkd[740]: eth0: Configured`.)
const SYSTEMD_ONLY_HELPER = /^systemd-(?:journald|coredump?|fsck|remount-fs|modules-load|sysctl|growfs|makefs|hibernate-resume|random-seed|vconsole-setup|cryptsetup|veritysetup|sysusers|firstboot|machine-id-setup|networkd|networkd-wait-online|resolved|timesyncd|logind|machined|homed|oomd|userdbd|hostnamed|localed|timedated)$/;

/** A dracut hook's script complaining, and giving up (dracut's `die` and `warn …; dropping to debug`). */
/** A kernel error line (`ACPI Error: …`, `EXT4-fs error (device sda1): …`, `i915 0000:00:02.0: [drm] *ERROR* …`). */
const ERROR_WORD = /\b(?:Error|error|ERROR)\b/;
/** The subsystem or driver a kernel line begins with: a word of three or more letters and digits. */
const SUBSYSTEM_WORD = /^([A-Za-z][A-Za-z0-9]{2,15})\b/;
/** What the process systemd forked for a unit says when it cannot become the unit's program: `Failed at step
 *  … spawning`, `Unable to locate executable`, or the setup step itself before it (`dev-mqueue.mount: Failed to
 *  apply ambient capabilities (before UID change): Invalid argument`, a kernel older than the feature). */
const SPAWN_FAILED = /(\S+\.(?:service|socket|mount|swap)): (?:Failed at step \S+ spawning |Unable to locate executable |Failed to (?:apply|set up|set|drop|change|load|prepare|mount|make|execute)( [^:]{3,80}: (?:Invalid argument|Operation not permitted|Permission denied|No such file or directory|Function not implemented|Protocol not available|Bad file descriptor|Read-only file system)$))/;
const HOOK_ERROR = /\b(?:ERROR|[Ee]rror|FATAL|[Ff]ailed|cannot|[Uu]nable to|No such file|not found)\b|dropping to debug/;
const HOOK_GAVE_UP = /[Dd]ropping to (?:debug|a shell|the debug shell|emergency)/;

/** An error in init's words (a level prefix `<3>` kept by a console that printed it raw). */
const INIT_ERROR = /^(?:<[0-7]>)?\s*(?:ERROR|FATAL|Error|Fatal)\b|\b(?:[Ff]ailed|cannot|can't|[Uu]nable to|[Nn]o such file)\b/;

/** A device the kernel names as a network controller (`cac80000.ethernet`, `ff540000.gmac`, `eth0`). */
const NET_DEVICE = /ethernet|\b(?:eth\d|[gx]?e?mac|fec|enet|stmmac|dwmac)\b/i;

/** An LSB init script's status (Debian's fancy output: `[ ok ]`, `[FAIL]`, `[warn]`, `[info]`, a next step's `[....]`). */
const LSB_STATUS = /\[ ?(?:ok|FAIL|warn|info|\.\.\.\.) ?[\].]/;
/** A step of old-style init scripts (see push): its name, and what followed it on the line. */
const RC_STEP_LINE = /^((?:Starting|Configuring|Setting up|Loading|Mounting|Checking|Activating|Cleaning up|Initializing|Synthesizing|Waiting for|Enabling) [^:.]{2,80}?)(?::|\.{3}) ?(.*)$/;
/** A boot script's step printed alone (`Starting udev`, `Starting syslogd...`): its name. */
const RC_STEP_BARE = /^((?:Starting|Configuring|Setting up|Loading|Mounting|Checking|Activating|Initializing|Populating) [\w./ -]{2,60}?)(?:\.{3})?$/;
/** A step's end on a line of its own. */
const RC_STEP_DONE = /^\s*(?:done|failed|ok|OK)[.!]?\s*$/;
/** The secure world's firmware panicking: OP-TEE's core (`E/TC:<cpu> <thread> Panic '<why>' at <file>:<line>
 *  <<function>>`, or without a reason) and Trusted Firmware-A's (`PANIC at PC : 0x…`, `Unhandled Exception in EL3.`). */
const SECURE_PANIC = /^(?:E\/TC:\S+ \S+ (Panic (?:'[^']*' )?at \S+:\d+(?: <\w+>)?)|(PANIC at PC : 0x[0-9a-f]+|Unhandled Exception (?:in EL3|from lower EL|at EL3)\.?))\s*$/;
/** Upstart's mountall waiting on a file system in /etc/fstab (Ubuntu 10.04 to 14.04), its key prompt below:
 *  `The disk drive for /tmp is not ready yet or not present.` / `Continue to wait, or Press S to skip mounting or
 *  M for manual recovery`. */
const MOUNTALL_WAIT = /^(The disk drive for \S+ is not ready yet or not present|Serious errors were found while checking the disk drive for \S+|An error occurred while mounting \S+)\.?\s*$/;

/** login(1) saying someone logged in, its prefix gone (`journalctl -o cat`). */
const LOGIN_SAID = /^(?:ROOT LOGIN ON \S+\s*$|pam_unix\(login:session\): session opened for user )/;
/** The process an SELinux denial names. */
const AVC_COMM = /\bcomm="([^"\s]{1,32})"/;
/** A function and offset alone on a line: the end of a report's header that wrapped. */
const WRAPPED_FUNCTION = /^([A-Za-z_.$][\w.$]*)\+0x[0-9a-f]+\/0x[0-9a-f]+$/;
/** A disk's I/O errors in a boot that make it a failing disk. */
const DISK_IO_ERRORS = 3;
/** The kernel found a hibernation image and puts it back (`PM: Image signature found, resuming`, `PM: hibernation: resume from hibernation`). */
const RESUMING_IMAGE = /^PM: (?:Image signature found, resuming|(?:hibernation: )?resume from hibernation)/;
/** A storage error on a floppy or optical drive (`I/O error, dev fd0`, `sr 0:0:0:2: [sr0] tag#468 FAILED Result`). */
const REMOVABLE_DRIVE = /(?:\bdev |\[)((?:fd|sr)\d+)\b/;
/** dracut's give-up, printed bare on the console (see push). */
const DRACUT_GAVE_UP_BARE = /^Warning: Could not boot\.?\s*$/;
/** Why a line is quoted that continues the quoted line above it. */
const WRAPPED = 'the line above, wrapped onto this one';

export class Segmenter extends CrashTracker {
  /** The first kernel banner of the current boot, word for word (see kernel()). */
  private bannerSaid: { boot: BootState; message: string; line: number } | null = null;
  /** SELinux denied a process something (`avc:  denied  { append } for  pid=683 comm="chronyd" …`): that process's
   *  error, its unit's evidence when the unit fails. (PID 1's own denials are read where it gives up.) */
  private avcDenied(message: string, at: LineRef): void {
    const comm = AVC_COMM.exec(message);
    if (comm !== null && comm[1] !== 'systemd') this.processError(comm[1]!, message, at);
  }

  /** A `systemctl status` header without its bullet and with no command above it: one if its `Loaded:` line follows. */
  private bareHeader: { unit: string; description: string | null; line: number } | null = null;
  push(rec: ConsoleRecord): void {
    // (Records of many shapes come here: each of their fields read once, as few reads as can be.)
    const at = rec.at;
    const line = at.lineNo;
    // Most of a console is the kernel's plain lines: none of the words the checks below look for is in them
    // (KERNEL_LEDGER_WORDS), so with nothing pending that any line may settle, straight to plainKernel.
    if (rec.kind === 'kernel' && rec.plain && !rec.fromJournal && this.journalBootAt < 0 && this.restartAfterPanic === null && this.skippedBanner === null && at.more === undefined && this.boot !== null && this.boot.journalMountError === undefined) {
      if (line > this.lastLine) this.lastLine = line;
      if (at.text.length > 0 && (at.text.charCodeAt(0) > 0x20 || at.text.trim() !== '')) this.sawContent(line);
      if (this.plainKernel(rec)) return;
      return this.kernel(rec);
    }
    // (The boot after a journal's separator begins with its first line, once one comes.)
    if (this.journalBootAt >= 0 && rec.kind !== 'journal-boot' && at.text.trim() !== '') {
      this.startBoot('journal-boot', line);
      this.journalBootAt = -1;
    }
    if (line > this.lastLine) this.lastLine = line;
    const shown = at.text;
    // (Its first character read once, -1 for an empty line: `charCodeAt(0)` of an empty line is NaN, out of the
    // string, and V8 throws away this function's optimized code at each place that first reads one so.)
    const s0 = shown.length > 0 ? shown.charCodeAt(0) : -1;
    if (shown.length > 0 && (s0 > 0x20 || shown.trim() !== '') && !(rec.kind === 'text' && isConsoleToolLine(shown))) this.sawContent(line);
    if (at.more) for (const m of at.more) if (m > this.lastLine) this.lastLine = m;
    if (this.restartAfterPanic !== null) this.afterPanicRestart(rec);
    // (When this boot's first journal or syslog line was written, for syslogFlushedFirst.)
    if (this.boot !== null && this.boot.firstWall === undefined && (rec.kind === 'journal' || (rec.kind === 'kernel' && rec.fromJournal))) this.boot.firstWall = wallClock(at.text.slice(0, 40))?.t ?? NaN;
    // Kernel lines are most of a console: to their own method at once.
    // QEMU's own fatal error, written into the console's stream (even into the middle of a kernel line).
    if (shown.length > 20 && shown.includes('qemu-') && this.boot !== null && this.boot.overseerFailed === undefined) {
      const q = QEMU_FATAL.exec(shown);
      if (q !== null) this.boot.overseerFailed = { who: 'QEMU', message: clip(q[1]!.trim()), ev: { line, text: clip(shown), why: 'QEMU, running the machine, stopped on an error' } };
    }
    // QEMU's own word that the guest stopped itself for good (s390x's disabled wait, a guest panic notifier):
    // `Guest crashed on cpu 0: disabled-wait`.
    if (s0 === 0x47 /* G */ && shown.startsWith('Guest crashed on cpu ')) {
      const g = GUEST_CRASHED.exec(shown);
      const boot = g === null ? null : this.ensureBoot('log-start', line);
      if (g !== null && boot !== null && boot.overseerFailed === undefined) boot.overseerFailed = { who: 'QEMU', message: clip(g[0].trim()), ev: { line, text: clip(shown), why: 'QEMU, running the machine, says the guest crashed' } };
    }
    // debian-installer's own word that one of its steps failed (`An installation step failed. … The failing
    // step is: Install the GRUB boot loader`), in its dialog's frame.
    if (shown.length > 20 && shown.includes('failing step is: ') && this.boot !== null && this.boot.overseerFailed === undefined) {
      const d = DI_STEP_FAILED.exec(shown);
      if (d !== null) this.boot.overseerFailed = { who: 'debian-installer', message: clip(d[1]!), ev: { line, text: clip(shown.trim()), why: 'debian-installer says which of its steps failed' } };
    }
    // Anaconda's text mode found no disk to install on (`No disks detected.  Please shut down the computer, connect at
    // least one disk,`): the installation stops there.
    if (s0 === 0x4e /* N */ && shown.startsWith('No disks detected.') && this.boot !== null && this.boot.overseerFailed === undefined) {
      this.boot.overseerFailed = { who: 'Anaconda', message: 'No disks detected', ev: { line, text: clip(shown), why: 'Anaconda found no disk to install on' } };
    }
    // CoreOS's emergency banner, then the log of the Ignition stage that failed (`Ignition has failed. …`, `Here are
    // the Ignition logs:`, `Stage: fetch`): that stage ran as its own unit, ignition-<stage>.service.
    if (s0 === 0x49 /* I */ && shown.startsWith('Ignition has failed.')) this.ignitionFailed = { line, text: clip(shown), why: 'Ignition has failed' };
    else if (this.ignitionFailed !== null && s0 === 0x53 /* S */ && shown.startsWith('Stage: ') && line - this.ignitionFailed.line <= 30) this.ignitionStage(shown, at);
    // A command line asking systemd for emergency or rescue mode (the kernel's, or one typed to start a container).
    if (shown.length > 24 && shown.includes('systemd.unit=')) {
      const u = UNIT_ASKED.exec(shown);
      if (u !== null) this.unitAskedBy = { ev: { line, text: clip(shown), why: `the command line asked for it (systemd.unit=${u[1]}.${u[2]})` }, kind: u[1] === 'rescue' ? 'rescue' : 'emergency', boot: this.boot?.index ?? 1 };
    }
    // (Any word of init's or of systemd's after an LSB step began says the step ended; the kernel's do not.)
    if (this.boot?.lsbStep?.closed === false && line > this.boot.lsbStep.line && (rec.kind === 'init' || rec.kind === 'prompt' || rec.kind === 'status' || rec.kind === 'journal' || (rec.kind === 'text' && (LSB_STATUS.test(shown) || RC_STEP_DONE.test(shown) || (this.boot.lsbStep.rc === true && line - this.boot.lsbStep.line > 3 && shown.trim() !== ''))))) this.boot.lsbStep.closed = true;
    // (The kernel's word just after mount(8)'s, on a path beside its mount point, says why it failed.)
    const jm = this.boot?.journalMountError;
    if (jm !== undefined && line > jm.ev.line && line - jm.ev.line <= 3 && jm.more.length < 2 && (rec.kind === 'kernel' || (rec.kind === 'journal' && rec.journal.ident === 'kernel')) && shown.includes(jm.path.slice(0, jm.path.lastIndexOf('/') + 1)) && jm.path.lastIndexOf('/') > 0) jm.more.push({ line, text: clip(shown), why: 'the kernel says why' });
    // The kernel's command line just after a banner taken for `/proc/version` printed: a kernel started there
    // after all (`kexec -e`, with nothing of a restart between), and its boot begins at the banner.
    if (this.skippedBanner !== null && shown.trim() !== '') {
      const banner = this.skippedBanner;
      this.skippedBanner = null;
      if (line - banner.at.lineNo <= 2 && /^\s*(?:\[[\s\d.]+\]\s*)?(?:Kernel )?[Cc]ommand line: /.test(shown)) {
        this.bannerConfirmed = true;
        this.kernel(banner);
        this.bannerConfirmed = false;
      }
    }
    if (rec.kind === 'kernel') {
      if (rec.plain && this.plainKernel(rec)) return;
      return this.kernel(rec);
    }
    if (this.boot !== null && this.boot.initRunLine !== undefined && this.boot.spokeAfterInit !== true && line > this.boot.initRunLine && shown.trim() !== '') this.boot.spokeAfterInit = true;
    // (Another init as PID 1 in a journal or syslog forwards its services' output under its own name,
    // `shepherd[1]: [nbfc_service] modprobe: FATAL: …`: the lines a console would show plain.)
    if (rec.kind === 'journal' && rec.journal.pid === 1 && rec.journal.ident !== 'systemd') this.recentLines[this.recentAt++ & 7] = rec.at;
    else if (rec.kind === 'text' || (rec.kind === 'status' && rec.bare === true)) {
      // (PID 1's fatal error is explained by the plain lines before it.)
      this.recentLines[this.recentAt++ & 7] = rec.at;
      // (PID 1 could not mount the cgroup file system its hierarchy lives in; it goes on, to fail on the hierarchy.)
      if (rec.at.text.includes('Failed to mount cgroup at ')) this.cgroupMountFailed = rec.at;
      this.loadedPast(rec.at, BOOTLOADER_LOADED);
      // (Unless it said it loaded it: `Loading Environment from MMC... OK`.)
      if (s0 === 0x4c /* L */ && rec.at.text.startsWith('Loading Environment from ') && !/\bOK\s*$/.test(rec.at.text)) this.envLoadAt = rec.at.lineNo;
      if (s0 === 0x44 /* D */ && rec.at.text.startsWith('Detected virtualization ')) this.virtualization(rec.at.text, rec.at.lineNo);
      // sysvinit leaving for runlevel 0 while its boot scripts still ran (`Starting udev`, `Missing devtmpfs, which is
      // required for udev to run`, `Halting...`, then `INIT: Switching to runlevel: 0`): a script stopped the boot.
      if (s0 === 0x49 /* I */ && rec.at.text.startsWith('INIT: Switching to runlevel: ')) this.haltedWhileBooting(rec.at);
      // (dracut's warn() on the console, without its name, as a systemd initrd prints it: `Warning: Could not boot.`,
      // then the devices it waited for. It gave up: the line goes with the missing root's evidence, see mountError.)
      if (s0 === 0x57 /* W */ && DRACUT_GAVE_UP_BARE.test(rec.at.text)) this.dracutGaveUp = { line: rec.at.lineNo, text: clip(rec.at.text), why: 'dracut gave up booting' };
      // BusyBox init on its own console, respawning what keeps exiting (`process '/bin/sh' (pid 17) exited.
      // Scheduling it for restart.`), as in a syslog.
      if (s0 === 0x70 /* p */ && rec.at.text.startsWith("process '")) this.respawned(rec.at.text.trimEnd(), rec.at);
    }
    if (rec.kind === 'text' && rec.crash === null && rec.mountError === null && rec.rootNotFound === null && !rec.dracut) return this.textLine(rec, s0);
    return this.otherRecord(rec);
  }

  // (push in three methods, each compiled on its own: see kernel. A record of a kind seen for the first time threw
  // away the optimized code of all of push, the layer's largest function, and V8 compiled it whole again.)

  /** A line of text none of the grammar's rules read (see push): what the boot's own programs said. */
  private textLine(rec: Extract<ConsoleRecord, { kind: 'text' }>, s0: number): void {
    // Trusted Firmware's own errors while it runs (`ERROR:   BL2: Failed to load image (-2)`, `ERROR: Read error =
    // fffffffd`), after its banner and before any kernel: the firmware's failure, as a bootloader's is.
    if (s0 === 0x45 /* E */ && FIRMWARE_ERROR.test(rec.at.text) && this.inFirmware() && [...this.boot!.banners].some((b) => b.startsWith('tf-a'))) return this.bootloaderSaid(rec.at, rec.at.text.trim(), true);
    // OpenPOWER's Hostboot, its clock and a bar before each line, reports an error log by its component, then
    // says what went wrong on the next line (`  9.41837|Error reported by initservice (0x0500)`, `  9.41837|
    // Initialization Service launched a function and the task returned an error.`): the firmware's failure.
    if (rec.at.text.includes('|  ') && (this.boot === null || !this.boot.hasKernel)) {
      const d = HOSTBOOT_LINE.exec(rec.at.text);
      const before = d === null ? undefined : this.recentText(rec.at.lineNo - 1);
      if (d !== null && before !== undefined && HOSTBOOT_ERROR.test(before.text)) return this.bootloaderSaid(rec.at, d[1]!.trim(), true, true);
    }
    // (Before any userspace cycle only: what a scripted initrd said, and /etc/issue before a login.)
    if (this.boot === null || this.boot.cycles.length === 0) this.preCycleText(rec.at);
    if (rec.at.text.length < 160 && rec.at.text.includes('tty') && GETTY_ISSUE.test(rec.at.text.trim())) this.gettyIssue = rec.at;
    if (this.boot !== null) this.repeatSeen(this.boot, rec.at.text, rec.at);
    this.touch();
    this.lookForCrashLocation(rec.at, rec.location ?? null);
    this.noteReportHead(rec.at, rec.at.text.trim());
    // (The kernel's word on its NFS root printed without a timestamp, as a kernel built without printk times does.)
    if (s0 === 0x52 /* R */ && rec.at.text.startsWith('Root-NFS: ') && nfsRootFailed(rec.at.text)) this.rootNfsSaid = { line: rec.at.lineNo, text: clip(rec.at.text), why: 'why the root file system could not be mounted' };
    // ARM's oops opener without a timestamp, as with one (see kernel()).
    const t = rec.at.text;
    const t0 = s0;
    if (t0 > 0x20 && t0 !== 0x5b /* [ */ && this.boot !== null && this.boot.crashes.length > 0) this.wrappedEvidence(this.boot, rec.at);
    if (t0 === 0x28 /* ( */ && this.boot !== null && this.boot.crashes.length > 0 && t.startsWith('(XEN) ')) this.xenPanicReason(this.boot, rec.at);
    if (this.boot !== null && this.boot.end === 'panic' && t.includes('Rebooting in ')) this.rebootingIn(t);
    // (dracut's list of the hooks it waits on, a mail having wrapped each path onto a line of its own.)
    if ((t0 === 0x2f /* / */ || t0 === 0x57) /* W */ && t.includes('/initqueue/finished/devexists-')) this.dracutWaits(t, rec.at);
    // (The OOM killer's report printed without timestamps, as the kernel's lines are with printk.time=0.)
    if (t.length < 300 && t.includes(' invoked oom-killer: ')) this.oomInvoker = { line: rec.at.lineNo, text: clip(t), why: 'the allocation that set off the OOM killer' };
    // Init's own error before any userspace came up (`<3>ERROR: ConnectHvSocket:670: connect failed 19`).
    if (this.boot !== null && this.boot.initRunLine !== undefined && this.boot.end === 'log-end' && this.boot.cycles.length === 0 && this.boot.loginLine === null && t.length < 300 && INIT_ERROR.test(t)) {
      const ev = { line: rec.at.lineNo, text: clip(t), why: 'the error init printed' };
      if (this.boot.initError === undefined) this.boot.initError = ev;
      else if ((this.boot.initErrorsAfter ??= []).length < 3) this.boot.initErrorsAfter.push({ ...ev, why: 'and another error of its scripts' });
    }
    // (OpenWrt's preinit, on a kernel printing without timestamps; then it waits a moment for a key to enter
    // failsafe mode.)
    if (t0 === 0x69 /* i */ && this.boot !== null && this.boot.cycles.length === 0 && t.trimEnd() === 'init: - preinit -') this.boot.preinit ??= { line: rec.at.lineNo, text: clip(t) };
    if (t0 === 0x50 /* P */ && this.boot?.preinit !== undefined && this.boot.preinit.failsafe === undefined && t.startsWith('Press the [f] key')) this.boot.preinit.failsafe = { line: rec.at.lineNo, text: clip(t), why: 'preinit offered failsafe mode' };
    // (Its second line, the debug level, is the same prompt.)
    else if (t0 === 0x50 /* P */ && this.boot?.preinit?.failsafe !== undefined && rec.at.lineNo - this.boot.preinit.failsafe.line <= 2 && t.startsWith('Press the [1]')) this.boot.preinit.promptEnd = rec.at.lineNo;
    // The secure world's firmware panicked (OP-TEE: `E/TC:4 0 Panic 'Secure interrupt handler not defined' at
    // core/kernel/interrupt.c:139 <itr_core_handler>`; Trusted Firmware-A: `PANIC at PC : 0x…`, `Unhandled
    // Exception in EL3.`): its first word.
    if ((t0 === 0x45 /* E */ || t0 === 0x50 /* P */ || t0 === 0x55) /* U */ && this.boot !== null && this.boot.secureFirmwarePanic === undefined) {
      const sp = SECURE_PANIC.exec(t);
      if (sp !== null) this.boot.secureFirmwarePanic = { message: clip(sp[1] ?? sp[2]!), ev: { line: rec.at.lineNo, text: clip(t), why: sp[1] !== undefined ? 'OP-TEE, the secure world’s OS, panicked' : 'Trusted Firmware, the secure monitor, panicked' } };
    }
    // (Indented too, as a mail quotes a log: ` \u00a0Unable to handle kernel NULL pointer dereference …`.)
    if ((t0 === 0x55 /* U */ && t.startsWith('Unable to handle kernel ')) || ((t0 === 0x20 || t0 === 0xa0 || t0 === 0x09) && t.includes('Unable to handle kernel ') && t.trimStart().startsWith('Unable to handle kernel '))) this.unableToHandleKernel(t.trim(), rec.at, null, true);
    // (MIPS names the CPU first, untimed too: `CPU 0 Unable to handle kernel paging request at virtual address 00000000, epc == …`.)
    else if (t0 === 0x43 /* C */ && MIPS_UTH.test(t)) this.unableToHandleKernel(t.trim().replace(MIPS_UTH, 'Unable to handle kernel '), rec.at, null, true);
    else if ((t0 === 0x52 /* R */ || t0 === 0x72) /* r */ && WATCHDOG_RESET.test(t)) this.watchdogReset(rec.at);
    else if (t0 === 0x23 /* # */ && t.startsWith('## Starting application at ')) this.chainLoadLine = rec.at.lineNo;
    // `reset` typed at U-Boot's prompt, and its answer: the machine resets. A log that begins there began in a
    // running bootloader, a boot of its own before the next power-on's banner.
    else if (t0 === 0x72 /* r */ && t.trimEnd() === 'resetting ...' && (this.boot === null || (!this.boot.hasKernel && this.boot.cycles.length === 0 && this.boot.end === 'log-end'))) {
      const typed = this.recentText(rec.at.lineNo - 1);
      if (typed !== undefined && RESET_TYPED.test(typed.text)) {
        const boot = this.boot ?? this.startBoot('log-start', typed.lineNo);
        if (boot.phases.length === 0) this.bootPhase(boot, 'bootloader', typed.lineNo);
        this.endBoot(boot, 'reboot', rec.at);
      }
    }
    // agetty's /etc/issue (`Kernel 5.16.0 on an ppc64le`), printed with the login prompt just below it.
    else if (t0 === 0x4b /* K */ && ISSUE_KERNEL.test(t)) {
      this.issueAt = rec.at.lineNo;
      const cycle = this.boot === null ? null : currentCycle(this.boot);
      if (cycle !== null) cycle.issueLine = rec.at.lineNo;
    }
    else if ((this.boot === null || !this.boot.hasKernel) && t.length < 160 && t.includes(' syslogd started: BusyBox')) this.syslogdStarted(rec.at);
    else if (t0 === 0x2f /* / */ && (this.boot === null || !this.boot.hasKernel) && FSCK_SUMMARY.test(t)) this.rootFsck(t, rec.at);
    else if (t.length < 200 && t.includes('journalctl -u') && this.boot !== null && currentCycle(this.boot) !== null) this.journalPointer(t, rec.at);
    else if (t0 === 0x43 /* C */ && PID1_CRASHED.test(t)) this.managerFatal(t.trim(), rec.at, true);
    // systemd-nspawn's word on its container after PID 1 gave up (`Container sid failed with error code 255.`).
    else if (t0 === 0x43 /* C */ && t.startsWith('Container ') && NSPAWN_FAILED.test(t)) this.containerFailed(rec.at);
    // PID 1's own errors as it sets itself up, which it does not survive (a container's console shows them
    // without a prefix; a log cut before its `Freezing execution.` still shows the failure).
    else if ((t0 === 0x46 /* F */ || t0 === 0x43) /* C */ && PID1_SETUP_FATAL.test(t) && this.boot !== null && currentCycle(this.boot) !== null) this.managerFatal(t.trim(), rec.at, false, true);
    // PID 1's last words without its prefix (`[!!!!!!] …` then `Freezing execution.`).
    else if ((t0 === 0x46 /* F */ || t0 === 0x45) /* E */ && PID1_GAVE_UP.test(t)) this.pid1Froze(rec.at);
    // The real console took over from the early one, in a log without kernel timestamps (see kernel()).
    else if ((t0 === 0x70 /* p */ || t0 === 0x62 /* b */ || t0 === 0x63) /* c */ && t.includes('bootconsole') && BOOTCONSOLE_OFF.test(t.trimEnd())) this.bootconsoleOff = rec.at.lineNo;
    // LVM's own words on a console (an initramfs's `  Volume group "vg0" not found`).
    else if ((t0 === 0x20 || t0 === 0x52 /* R */ || t0 === 0x56 /* V */ || t0 === 0x57 /* W */ || t0 === 0x55) /* U */ && t.length < 300 && (t.includes(' is missing PV ') || t.includes('Refusing activation') || t.includes('Volume group "') || t.includes('Unable to find LVM volume ') || t.includes('Unable to resume '))) {
      this.lvmSaid(t, rec.at);
    }
    // (A journal printed as its messages only, `journalctl -o cat`: PID 1 starting a person's session.)
    else if (t0 === 0x53 /* S */ && isSessionStart(t.trimEnd()) && this.systemdRunning()) this.loginSeen(rec.at);
    // (login(1)'s own words in the same, `ROOT LOGIN ON ttyS0`, `pam_unix(login:session): session opened for user root…`.)
    else if ((t0 === 0x52 /* R */ || t0 === 0x70) /* p */ && LOGIN_SAID.test(t) && this.systemdRunning()) this.loginSeen(rec.at);
    else if (t0 === 0x77 /* w */ && t.startsWith('waiting for device /dev/')) {
      const m = /^waiting for device (\/dev\/\S+) to appear/.exec(t);
      if (m) this.rootWaited(m[1]!, rec.at);
    }
    else if ((t0 === 0x42 /* B */ && t.startsWith('Begin: ')) || (t0 === 0x64 /* d */ && t.startsWith('done.'))) this.initramfsStep(rec.at);
    // A process in the cgroup `systemctl status` shows, itself starting another unit and waiting for it.
    else if (this.statusBlock?.unit != null && (t.includes('└─') || t.includes('├─')) && t.includes('systemctl ') && CGROUP_STARTS.test(t)) {
      const m = CGROUP_STARTS.exec(t)!;
      const started = own(m[1]!.includes('.') ? m[1]! : `${m[1]}.service`);
      const cycle = this.boot !== null ? currentCycle(this.boot) : null;
      if (cycle !== null && (cycle.startsFromWithin ??= []).length < 4) cycle.startsFromWithin.push({ unit: this.statusBlock.unit, started, ev: { line: rec.at.lineNo, text: clip(t), why: `${this.statusBlock.unit} itself runs systemctl start ${m[1]} and waits for it` } });
    }
    // `systemctl list-jobs`: its header, its rows (the jobs queued when it ran), its count.
    else if (t0 === 0x4a /* J */ && JOBS_HEADER.test(t)) {
      this.jobsTable = { line: rec.at.lineNo, rows: [] };
      this.recognised++;
    }
    else if (this.jobsTable !== null && t0 >= 0x30 && t0 <= 0x39 && JOBS_ROW.test(t)) {
      const m = JOBS_ROW.exec(t)!;
      if (this.jobsTable.rows.length < 32) this.jobsTable.rows.push({ unit: own(m[1]!), type: m[2]!, state: m[3] === 'running' ? 'running' : 'waiting', ev: { line: rec.at.lineNo, text: clip(t), why: `systemctl list-jobs: ${m[1]}'s ${m[2]} job was ${m[3]}` } });
      this.recognised++;
    }
    else if (this.jobsTable !== null && t0 >= 0x30 && t0 <= 0x39 && /^\d+ jobs? listed\.\s*$/.test(t)) {
      const cycle = this.boot !== null ? currentCycle(this.boot) : null;
      if (cycle !== null && this.jobsTable.rows.length > 0) cycle.listedJobs = this.jobsTable;
      this.jobsTable = null;
      this.recognised++;
    }
    else if ((t0 === 0x72 /* r */ || t0 === 0x73 /* s */) && NIXOS_STAGE2.test(t.trimEnd())) this.nixosStage2(t, rec.at);
    else if (this.boot?.nixosStage2 !== undefined && this.boot.cycles.length === 0 && (STAGE1_ERROR.test(t) || t0 === 0x41 /* A */)) this.nixosStage2(t, rec.at);
    // systemd-nspawn starting a container (`Spawning container t1 on /srv/t1/rootfs.`), and its own errors
    // before the container's init said anything.
    else if (t0 === 0x53 /* S */ && NSPAWN_SPAWNING.test(t.trimEnd())) {
      const boot = this.boot !== null && this.boot.cycles.length === 0 && (this.boot.nspawnErrors === undefined || this.boot.nspawnErrors.length === 0) ? this.boot : this.startBoot('log-start', rec.at.lineNo);
      if (!boot.hasKernel) boot.container = true;
      boot.nspawnErrors = [];
      this.recognised++;
    }
    else if ((t0 === 0x46 /* F */ || t0 === 0x43 /* C */ || t0 === 0x65) /* e */ && this.boot?.nspawnErrors !== undefined && this.boot.cycles.length === 0 && this.boot.nspawnErrors.length < 4 && NSPAWN_ERROR.test(t.trimEnd())) {
      this.recognised++;
      this.boot.nspawnErrors.push({ line: rec.at.lineNo, text: clip(t), why: t.startsWith('Child') ? "systemd-nspawn: the container's first process died before it could start init" : t.startsWith('execv(') ? "the container's first process found no init to run" : 'systemd-nspawn could not set up the container' });
    }
    else if (t0 === 0x5b /* [ */ && t.startsWith('[....] ') && (this.boot === null || this.boot.cycles.length === 0)) {
      // Debian's LSB scripts begin a step so and write its status over the dots when it ends (`[ ok ]`,
      // `[FAIL]`); a step whose status is on the same line ended.
      // (Their look is theirs alone: an excerpt of them is a boot's init scripts, though it shows no kernel.)
      const m = /^\[\.\.\.\.\] (.{2,160}?)(?:\.\.\.|:)(.*)$/.exec(t.trimEnd());
      if (m !== null) {
        const boot = this.boot ?? this.ensureBoot('log-start', rec.at.lineNo);
        if (!boot.hasKernel) boot.init ??= 'sysvinit';
        boot.lsbStep = { name: m[1]!, line: rec.at.lineNo, text: clip(t), closed: LSB_STATUS.test(m[2]!) || /\b(?:done|failed)[.!]?\s*$/.test(m[2]!) };
      }
    }
    // A step's `failed` on a line of its own, after what its program printed (`[....] Configuring network
    // interfaces...error getting socket: …`, `ifup: failed to lock …`, then `failed.`): the step failed.
    else if ((t0 === 0x20 || t0 === 0x66) /* f */ && this.boot?.lsbStep !== undefined && this.boot.lsbStep.failed === undefined && this.boot.lsbStep.mountall === undefined && rec.at.lineNo > this.boot.lsbStep.line && rec.at.lineNo - this.boot.lsbStep.line <= 6 && /^ ?failed[.!]?\s*$/.test(t) && !this.systemdRunning()) {
      const step = this.boot.lsbStep;
      step.failed = true;
      step.closed = true;
      this.recognised++;
      const said: Evidence[] = [];
      for (let l = step.line + 1; l < rec.at.lineNo && said.length < 3; l++) {
        const x = this.recentText(l);
        if (x !== undefined && x.text.trim() !== '') said.push({ line: l, text: clip(x.text), why: 'what the step printed before it failed' });
      }
      if (this.boot.initFailures.length < LIMITS.initFailures) this.boot.initFailures.push({ service: own(step.name), line: step.line, text: step.text, said: [...said, { line: rec.at.lineNo, text: clip(t), why: 'the init script says the step failed' }], lsb: true });
    }
    // The init scripts of Debian before its LSB look (and of others that copied it) say a step and what it
    // started on one line, `Starting internet superserver: inetd.`, `Configuring network interfaces...done.`:
    // a step whose line ends without its `.` or `done` has not ended (its `done.` may come on a line of its own).
    else if ((t0 === 0x53 /* S */ || t0 === 0x43 /* C */ || t0 === 0x4c /* L */ || t0 === 0x4d /* M */ || t0 === 0x41 /* A */ || t0 === 0x49) /* I */ && this.boot !== null && this.boot.cycles.length === 0 && (this.boot.hasKernel || this.boot.init === 'sysvinit') && RC_STEP_LINE.test(t)) {
      const m = RC_STEP_LINE.exec(t.trimEnd())!;
      // (Their own lines, or a program's, go on under a step that is not stuck: only one followed by no more than
      // a few lines to the log's end is, see above.)
      this.boot.lsbStep = { name: m[1]!, line: rec.at.lineNo, text: clip(t), closed: /(?:\.|\bdone!?|\bOK|\bok|\bfailed!?|\]|\bskipped)\s*$/.test(m[2]!) || LSB_STATUS.test(m[2]!), rc: true };
    }
    // mountall waits (its prompt below), as an LSB step does: the boot stays there unless init goes on.
    // (A second file system it waits on meanwhile is the same wait.)
    else if ((t0 === 0x54 /* T */ || t0 === 0x53 /* S */ || t0 === 0x41) /* A */ && this.boot !== null && this.boot.cycles.length === 0 && MOUNTALL_WAIT.test(t)) {
      const open = this.boot.lsbStep;
      if (open?.closed === false && open.mountall !== undefined) {
        if (open.mountall.length < 4) open.mountall.push({ line: rec.at.lineNo, text: clip(t), why: 'mountall waits on another file system meanwhile' });
      } else this.boot.lsbStep = { name: MOUNTALL_WAIT.exec(t)![1]!, line: rec.at.lineNo, text: clip(t), closed: false, mountall: [] };
    }
    else if (t0 === 0x69 /* i */ && t.startsWith('init: ') && t.endsWith('ended, respawning')) this.upstartRespawn(t, rec.at);
    else if ((t0 === 0x42 /* B */ || t0 === 0x2f /* / */ || t0 === 0x73 /* s */ || t0 === 0x61) /* a */ && BARE_SHELL.test(t)) this.bareShell(rec.at);
    // (BusyBox's banner cut after its version, as a paste shortens it: `BusyBox v1.01 ...`, the shell only after an error.)
    else if (t0 === 0x42 /* B */ && BUSYBOX_VERSION.test(t)) this.bareShell(rec.at, true);
    else if (this.boot?.initramfsSteps?.open.length && STAGE1_ERROR.test(t)) {
      const steps = this.boot.initramfsSteps;
      steps.error = { line: rec.at.lineNo, text: clip(t) };
      if (steps.firstErrors.length < 2) steps.firstErrors.push({ line: rec.at.lineNo, text: clip(t), why: `an error while the initramfs ran '${steps.open.at(-1)!.name}'` });
    }
    return;
  }

  /** Every other record but the kernel's (see push). */
  private otherRecord(rec: Exclude<ConsoleRecord, { kind: 'kernel' }>): void {
    switch (rec.kind) {
      case 'marker': {
        // U-Boot's banner printed by `version` typed at its prompt (`=> vers`): the command's answer, no reset.
        const typed = this.recentText(rec.at.lineNo - 1);
        if (typed !== undefined && VERSION_TYPED.test(typed.text)) {
          this.recognised++;
          return this.touch();
        }
        this.loadedPast(rec.at, MARKER_LOADED);
        return this.marker(rec.marker, rec.banner, rec.at, rec.handover, rec.inside === true);
      }
      case 'status':
        this.statusLines++;
        // Firmware prints `Starting …` too (`Starting depthcharge on …`); before any kernel it is not systemd's.
        if (rec.word === '' && this.inFirmware()) return this.touch();
        // Init scripts print `Starting network...` and `Timed out waiting for device …` too: such a line
        // is systemd's only inside a userspace cycle systemd is known to run, or when it names a unit.
        // (`Starting foo.service - Foo Daemon...` is systemd's own form since v253, however bare; so is
        // `Starting dracut pre-mount hook...`, a description no init script prints.)
        if (rec.bare && !this.systemdRunning() && !(rec.msg !== null && isUnitName(parseUnitText(rec.msg.unitText).name ?? '') && (rec.msg.verb !== 'start-begin' || / - \S/.test(rec.msg.unitText))) && !(rec.msg?.verb === 'start-begin' && systemdOnlyDescription(rec.msg.unitText) !== null)) {
          if (rec.msg?.verb === 'device-timeout') this.initrdWait(rec.msg.unitText, rec.at);
          // (initramfs-tools' own word that the root would not mount, `Failed to mount /dev/sda1 as root file system.`,
          // even with no root= to name, `Failed to mount  as root file system.`: its script's failure.)
          // (Unless mount(8)'s own error on the root came just before: that says more.)
          else if (rec.msg?.verb === 'mount-failed' && (this.boot === null || (this.boot.cycles.length === 0 && this.boot.rootMountError === undefined)) && rec.msg.unitText.endsWith('as root file system')) this.initramfsScript(rec.at, rec.at.text.trim());
          // Only systemd prints `Dependency failed for …`, and a cascade prints it line after line: two in a
          // row (a console copied without its status column, a screen retyped) are its.
          const held = this.bareDependency;
          if (rec.msg?.verb !== 'dependency-failed' || held === null || rec.at.lineNo - held.at.lineNo > 2) {
            this.bareDependency = rec.msg?.verb === 'dependency-failed' ? { msg: rec.msg, at: rec.at } : null;
            return this.touch();
          }
          this.bareDependency = null;
          this.recognised++;
          this.consoleClock();
          this.unitMessage(held.msg, held.at, 'console');
        }
        this.statusBlock = null;
        this.recognised++;
        // systemd 208 prints its shutdown's `Failed unmounting /home.` under an OK status: the job is done
        // (the root file system is remounted read-only last); the status word is what it says.
        if (rec.word === 'OK' && (rec.msg?.verb === 'unmount-failed' || rec.msg?.verb === 'stop-failed')) return this.touch();
        // (`X is not active.` is systemd's only under its INFO word.)
        if (rec.msg?.verb === 'not-active' && rec.word !== 'INFO') return this.touch();
        if (rec.word === '!!!!!!') this.managerFatal(rec.message, rec.at);
        else if (rec.msg) {
          this.consoleClock();
          this.unitMessage(rec.msg, rec.at, 'console');
          // (The dracut hook systemd started last runs the scripts whose words follow: `Starting
          // dracut-pre-mount.service - dracut pre-mount hook...`, then `dracut: FATAL: …`.)
          if (rec.msg.verb === 'start-begin' && rec.msg.unitText.startsWith('dracut-')) {
            const hook = /^(dracut-[\w-]+)\.service\b/.exec(rec.msg.unitText)?.[1];
            if (hook !== undefined) this.lastDracutHook = { ident: own(hook), line: rec.at.lineNo };
          }
        }
        else if (rec.word === '!!' && /^Soft-rebooting/.test(rec.message)) this.softReboot(rec.at);
        // (PID 1 could not run init: `[  !!  ] Failed to execute /sbin/init`, the first of its tries.)
        else if (rec.word === '!!' && rec.message.startsWith('Failed to execute ')) this.initExecFailed = rec.at;
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
        this.journalScope = null;
        return this.prompt(rec.prompt, rec.at);
      case 'command':
        // `dmesg` typed at a prompt prints the ring buffer again: its kernel lines are this boot's, once more.
        if (rec.command.kind === 'dmesg' && this.boot !== null) this.dmesgReplay = this.boot;
        this.journalScope = rec.command.kind === 'journalctl' && rec.command.arg !== null && !rec.command.user ? own(rec.command.arg) : null;
        this.statusBlock =
          rec.command.kind === 'systemctl-status' ? { unit: rec.command.arg, user: rec.command.user } : rec.command.kind === 'systemctl-failed' ? { unit: null, user: rec.command.user } : null;
        return this.touch();
      case 'status-header':
        if (rec.bare && !(this.statusBlock !== null && (this.statusBlock.unit === null || this.statusBlock.unit === rec.unit))) {
          // (Without the command above it, or its bullet lost on the way: a header if its `Loaded:` line follows.)
          this.bareHeader = { unit: rec.unit, description: rec.description, line: rec.at.lineNo };
          return this.touch();
        }
        this.statusBlock = { unit: rec.unit, user: this.statusBlock?.user ?? false };
        this.resolver.learn({ name: rec.unit, description: rec.description, text: rec.unit, partial: false, resolvedBy: null });
        return this.touch();
      case 'status-field': {
        const bare = this.bareHeader;
        if (bare !== null && rec.field === 'Loaded' && rec.at.lineNo === bare.line + 1 && rec.value.includes(`/${bare.unit};`)) {
          this.statusBlock = { unit: bare.unit, user: false };
          this.resolver.learn({ name: bare.unit, description: bare.description, text: bare.unit, partial: false, resolvedBy: null });
          this.recognised++;
        }
        this.bareHeader = null;
        return this.statusField(rec.field, rec.value, rec.at);
      }
      case 'failed-row':
        this.resolver.learn({ name: rec.unit, description: rec.description || null, text: rec.unit, partial: false, resolvedBy: null });
        this.systemctlFailure(rec.unit, null, rec.at, rec.why ?? 'listed by systemctl --failed');
        return this.touch();
      case 'journal':
        return this.journal(rec);
      case 'catalog': {
        this.touch();
        // (A translated subject does not say what became of the unit: it names the failure just above it, if
        // that failure has no name yet, and nothing else.)
        if (rec.failed === null) {
          const last = this.boot !== null ? currentCycle(this.boot)?.failures.at(-1) : undefined;
          if (last !== undefined && last.ref.name === null && rec.at.lineNo - last.line <= 3 && isUnitName(rec.unit)) this.nameIt(last, rec.unit, rec.at);
          return;
        }
        if (!rec.failed || !isUnitName(rec.unit)) return;
        // The catalog names the unit of the failure just above, whatever its kind.
        const f = this.findFailure(rec.unit);
        if (f) {
          // (A failure whose text was cut or ellipsized gets its name from the catalog, just below it.)
          if (f.ref.name === null && rec.at.lineNo - f.line <= 12) this.nameIt(f, rec.unit, rec.at);
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
        // (procd's words on a boot another init runs are some script's: a vendor's BusyBox firmware that carries
        // OpenWrt's ubus, `Failed to connect to ubus` from a tool with the boot going on.)
        if (rec.init === 'procd' && rec.failed !== null && this.boot !== null && this.boot.init !== null && this.boot.init !== 'procd') return this.touch();
        this.recognised++;
        // The init's first words again after it ran (and no kernel of a new boot in between): a new boot
        // whose kernel lines are not in this log (boot.log, syslog of init scripts).
        const boot = this.boot !== null && rec.opens && this.boot.init !== null && !this.systemdRunning() ? this.startBoot('log-start', rec.at.lineNo) : this.ensureBoot('log-start', rec.at.lineNo);
        // A cycle only a login prompt made (a log that begins at `qemux86-64 login:`) with not a word of systemd
        // in it, and now another init speaks (`INIT: Id "S1" respawning too fast`): it was that init's login.
        const only = boot.cycles.length === 1 ? boot.cycles[0]! : null;
        if (only !== null && rec.init !== 'kdump' && boot.init === null && !this.systemdRunning() && only.transition === null && only.systemdVersion === null && only.jobs.size === 0 && only.mode === null && only.pending === null) {
          boot.cycles.length = 0;
          boot.loginLine ??= only.loginLine;
        }
        if (!this.systemdRunning()) boot.init ??= rec.init;
        if (rec.init === 'sysvinit' && rec.at.text.includes('INIT: Entering runlevel')) this.runlevelEntered = boot;
        // s6-overlay's first words with no kernel before them: a container's log, begun where the container began.
        // (Its first: its preinit, or s6-rc starting its first service; a log that opens on a later service's words
        // began after the container did.)
        if (rec.init === 's6' && !boot.hasKernel && boot.cycles.length === 0 && rec.at.lineNo - boot.startLine <= 2 && S6_FIRST_WORDS.test(rec.at.text)) boot.container = true;
        // OpenRC names the container it starts up in (`OpenRC 0.11.8 is starting up Gentoo Linux (x86_64) [LXC]`):
        // with no kernel before it, the log begins where the container did.
        if (rec.init === 'openrc' && !boot.hasKernel && boot.cycles.length === 0 && rec.at.lineNo - boot.startLine <= 4 && OPENRC_CONTAINER.test(rec.at.text)) boot.container = true;
        // BusyBox init's console waits for Enter (OpenWrt, many boards): its login prompt.
        if (rec.init === 'busybox' && rec.failed === null && rec.at.text.includes('to activate this console')) boot.loginLine ??= rec.at.lineNo;
        // (The same service's failure said again at once, `Service x (PID 19010) exited with 3.` then `Service x
        // has been disabled.`: one failure, both its lines.)
        const again = rec.failed === null ? undefined : boot.initFailures.at(-1);
        // (mount_root's fallback just after its own mount of the overlay failed is the same failure, told to its end.)
        const fellBack = again !== undefined && rec.init === 'procd' && again.init === 'procd' && again.service.startsWith('mount_root: failed to mount ') && rec.failed!.includes('fallback to ramoverlay') && rec.at.lineNo - again.line <= 12;
        if (fellBack) {
          if ((again.said ??= []).length < 8) again.said.push({ line: rec.at.lineNo, text: clip(rec.at.text), why: 'mount_root fell back to an overlay in RAM' });
        } else if (again !== undefined && again.step === true && rec.init === 'openrc' && again.init === 'openrc' && rec.step !== true && rec.failed !== null && rec.at.lineNo - again.line <= 6) {
          // OpenRC's step failed (` *   dhcp ...`, ` [ !! ]`), then its service (` * ERROR: net.eth0 failed to start`):
          // one failure, the service's, the step its reason.
          (again.said ??= []).push({ line: again.line, text: again.text, why: 'the step of its start that failed' });
          again.said.sort((a, b) => a.line - b.line);
          again.service = own(rec.failed);
          again.line = rec.at.lineNo;
          again.text = clip(rec.at.text);
          delete again.step;
        } else if (again !== undefined && again.service === rec.failed && rec.at.lineNo - again.line <= 3) {
          if ((again.said ??= []).length < 8) again.said.push({ line: rec.at.lineNo, text: clip(rec.at.text), why: `${rec.failed} failed again` });
        } else if (rec.failed !== null) {
          if (boot.initFailures.length < LIMITS.initFailures) boot.initFailures.push({ service: own(rec.failed), line: rec.at.lineNo, text: clip(rec.at.text), said: rec.step === true && rec.at.more !== undefined ? this.serviceSaid(rec.failed, { lineNo: rec.at.more[0]!, text: rec.at.text }).filter((e) => e.line !== rec.at.lineNo) : this.serviceSaid(rec.failed, rec.at), init: rec.init, ...(rec.step === true ? { step: true as const } : {}) });
          else this.capped.failures++;
        } else if (rec.init === 'talos' && rec.at.text.includes('error running phase ')) {
          // (Talos's sequencer says why its phase failed a few lines on: `error running phase 8 in boot sequence:
          // task 1/1: failed, error opening manifests directory: …`.)
          const last = boot.initFailures.at(-1);
          if (last !== undefined && last.init === 'talos' && rec.at.lineNo - last.line <= 12 && (last.said ??= []).length < 8) last.said.push({ line: rec.at.lineNo, text: clip(rec.at.text), why: 'Talos says why the phase failed' });
        }
        return this.touch();
      }
      case 'nixos-stage': {
        this.recognised++;
        if (rec.stage === 1) {
          const boot = this.ensureBoot('log-start', rec.at.lineNo);
          if (boot.cycles.length === 0 && boot.phases.at(-1)?.name !== 'initrd') this.bootPhase(boot, 'initrd', rec.at.lineNo);
        } else {
          // Stage 2 mounts the rest and starts systemd: the userspace cycle begins here.
          this.ensureCycle(rec.at.lineNo);
        }
        return this.touch();
      }
      case 'bootloader-error':
        // U-Boot reading its saved environment (`Loading Environment from FAT... Card did not respond to voltage
        // select! : -110`, `** Bad device specification mmc 0 **` on the line after): it goes on with its default
        // environment, and the boot with it.
        if (rec.at.text.startsWith('Loading Environment from ')) this.envLoadAt = rec.at.lineNo;
        if (this.envLoadAt >= 0 && rec.at.lineNo - this.envLoadAt <= 1) {
          this.recognised++;
          return this.touch();
        }
        return this.bootloaderSaid(rec.at, rec.message);
      case 'pid1': {
        this.recognised++;
        // PID 1's own words about a unit (`foo.service: Job foo.service/start failed with result …`), read
        // without a prefix: systemd runs here, so its unbracketed status lines are read from now on.
        const unit = rec.manager.groups.find((g) => g !== undefined && g !== '') ?? '';
        if (isUnitName(unit)) this.seeUnit(this.ensureCycle(rec.at.lineNo), unit);
        this.managerEvent(rec.manager.kind, rec.manager.groups, rec.at, 'console');
        return this.touch();
      }
      case 'initrd-failure': {
        this.recognised++;
        const boot = this.ensureBoot('log-start', rec.at.lineNo);
        // Stage 1 says what went wrong on the line or two before (`stage 2 init script (…) not found`).
        const said = this.lastText !== null && rec.at.lineNo - this.lastText.lineNo <= 3 && STAGE1_ERROR.test(this.lastText.text) ? this.lastText : null;
        boot.initrdFailure ??= { initrd: 'nixos-stage-1', message: said ? clip(said.text.trim()) : null, line: rec.at.lineNo, text: clip(rec.at.text), device: this.pendingInitrdDevice?.device ?? null, evidence: [] };
        if (this.pendingInitrdDevice) addEvidence(boot.initrdFailure.evidence, this.pendingInitrdDevice.ev);
        if (said) {
          // (And what the step printed on the two lines before it: `/dev/vda1 has unsupported feature(s):
          // metadata_csum`, `e2fsck: Get a newer version of e2fsck!`, then `fsck on /dev/vda1 failed.`.)
          // (Or the kernel's word on it: `9pnet_virtio: no channels available for device nix-store`, then mount's error.)
          const kernel = this.recentKernelLines(said.lineNo, 2);
          for (const before of [said.lineNo - 2, said.lineNo - 1]) {
            const k = kernel.find((l) => l.line === before);
            const t = this.recentText(before) ?? (k === undefined ? undefined : { lineNo: k.line, text: k.text });
            if (t !== undefined && t.text.trim() !== '' && boot.initrdFailure.evidence.length < 4) addEvidence(boot.initrdFailure.evidence, { line: t.lineNo, text: clip(t.text), why: 'what the failing step printed' });
          }
          addEvidence(boot.initrdFailure.evidence, { line: said.lineNo, text: clip(said.text), why: 'NixOS stage 1 says what failed' });
        }
        for (const m of this.recentMountErrors) {
          if (rec.at.lineNo - m.line <= NEAR_LINES) addEvidence(boot.initrdFailure.evidence, { line: m.line, text: m.text, why: `the mount failed: ${m.reason}` });
        }
        addEvidence(boot.initrdFailure.evidence, { line: rec.at.lineNo, text: clip(rec.at.text), why: 'NixOS stage 1 could not mount the root file system and stopped' });
        return this.touch();
      }
      case 'journal-boot':
        this.recognised++;
        this.journalctlSeen = true;
        this.statusBlock = null;
        // (The boot after `-- Reboot --` begins with its first line: a paste that ends at the separator shows
        // no more of it.)
        if (rec.separator !== 'header') this.journalBootAt = rec.at.lineNo;
        return this.touch();
      case 'text':
        if (this.boot === null || this.boot.cycles.length === 0) this.preCycleText(rec.at);
        if (rec.crash) {
          this.crash(rec.crash, rec.at, null, true);
          // (Untimed as the kernel's timed lines: a WARN()'s own words between `cut here` and the WARNING line.)
          const w = this.boot?.crashes.at(-1);
          if (rec.crash.kind === 'warning' && w !== undefined && w.line === rec.at.lineNo) {
            const said = this.recentText(rec.at.lineNo - 1);
            const cut = this.recentText(rec.at.lineNo - 2);
            if (said !== undefined && cut !== undefined && cut.text.includes('[ cut here ]') && !said.text.includes('cut here') && said.text.trim() !== '') addEvidence(w.evidence, { line: said.lineNo, text: clip(said.text), why: 'what the warning says' });
          }
        }
        if (rec.mountError) {
          // (The mount an initrd tried anyway after it gave up waiting for the device: `mount: mounting
          // /dev/root on /mnt-root/iso failed: No such file or directory`.)
          const wait = this.boot?.rootWait;
          if (wait?.gaveUp !== undefined && wait.triedMount === undefined && this.boot!.cycles.length === 0 && INITRAMFS_MOUNT_POINT.test(rec.mountError.path) && rec.at.lineNo - wait.gaveUp.line <= 5) wait.triedMount = { line: rec.at.lineNo, text: clip(rec.at.text) };
          this.mountError(rec.mountError.path, rec.mountError.reason, rec.at);
          if (rec.mountError.reason !== 'does not exist') this.initMountError(rec.mountError.path, rec.at);
          // (What the initramfs's script said of the same source just before: ZFS's `Message: filesystem
          // 'pool/root' can not be mounted due to error 13`, then busybox's `mount: mounting pool/root on /root// failed`.)
          const b = this.boot;
          const source = /^mount: mounting (\S+) on /.exec(rec.at.text.trim())?.[1];
          if (b !== null && source !== undefined && source.length >= 3 && b.rootMountError?.line === rec.at.lineNo && b.rootMountSaid === undefined) {
            const said = this.recentLines.filter((l) => l !== undefined && l.lineNo < rec.at.lineNo && rec.at.lineNo - l.lineNo <= 3 && l.text.includes(source) && !l.text.trimStart().startsWith('Command:')).sort((x, y) => x.lineNo - y.lineNo);
            if (said.length > 0) b.rootMountSaid = said.map((l) => ({ line: l.lineNo, text: clip(l.text), why: 'the initramfs said of the same file system' }));
          }
        }
        if (rec.rootNotFound !== null) this.rootNotFound(rec.rootNotFound, rec.at);
        if (rec.dracut) {
          this.ensureBoot('log-start', rec.at.lineNo);
          this.dracutMessage(rec.at.text.trim(), rec.at);
        }
        return this.touch();
    }
  }

  /** The root device an initramfs could not find (it gives up next): the device its shell is about. */
  private rootNotFound(device: string, at: LineRef): void {
    this.recognised++;
    const boot = this.ensureBoot('log-start', at.lineNo);
    boot.missingDevice ??= { path: device, ev: { line: at.lineNo, text: clip(at.text), why: `the initramfs could not find the root device ${device}` } };
  }

  /** The bootloader loaded a kernel or an initrd after an error (U-Boot's `Retrieving file: /boot/Image`, `10229248
   *  bytes read in 442 ms`; EDK II's `BdsDxe: starting Boot0003 …`): the error stopped nothing by itself. */
  private loadedPast(at: LineRef, loaded: RegExp): void {
    if (this.boot !== null && this.boot.bootloaderError !== null && !this.boot.hasKernel && loaded.test(at.text)) {
      this.bootloaderLoaded = at.lineNo;
      if (this.boot.bootloaderError.more.length === 0) this.boot.bootloaderError.gotPast = true;
    }
  }

  /** Where U-Boot last said it loads its saved environment (`Loading Environment from FAT... `), or -1. */
  private envLoadAt = -1;

  /** A bootloader's error (or Trusted Firmware's own, `firmware`), before any kernel ran: the first is the cause. */
  private bootloaderSaid(at: LineRef, message: string, firmware = false, saysWhy = false): void {
    this.recognised++;
    // (A capture that begins in the firmware's own log, before any banner bootwhy knows, is a boot too.)
    const boot = this.boot ?? this.ensureBoot('log-start', at.lineNo);
    // Only before a kernel: the same words later are some program's.
    if (!boot.hasKernel && boot.cycles.length === 0 && BOOTLOADER_FAULT.test(message)) {
      const ev = { line: at.lineNo, text: clip(at.text), why: 'the bootloader reports a fault' };
      if (boot.bootloaderFault === undefined) boot.bootloaderFault = { ev, more: [] };
      else if (boot.bootloaderFault.more.length < 3) boot.bootloaderFault.more.push({ ...ev, why: 'what the bootloader said next' });
    }
    // (Or after the kernel stopped the machine, `reboot: Power down`, no firmware banner since: the firmware
    // faulted powering it off or resetting it, `!!!! X64 Exception Type - 0E(#PF - Page-Fault) …`.)
    else if (boot.hasKernel && (boot.end === 'poweroff' || boot.end === 'reboot' || boot.end === 'halt') && BOOTLOADER_FAULT.test(message) && boot.bootloaderFault === undefined) {
      boot.bootloaderFault = { ev: { line: at.lineNo, text: clip(at.text), why: 'the firmware reports a fault after the kernel stopped the machine' }, more: [], afterKernel: true };
    }
    if (!boot.hasKernel && boot.cycles.length === 0) {
      // The first error is the cause; those after it (`Failed to start MokManager`, `you need to load
      // the kernel first`) show what it led to.
      const e = boot.bootloaderError;
      // The bootloader went on and loaded the kernel from elsewhere since (`Retrieving file: /boot/Image`):
      // the error before, a slot with no card, stopped nothing; what failed after the load did.
      const moved = e !== null && this.bootloaderLoaded > e.line;
      if (e === null || moved) {
        // What it was doing just before (`Trying to load:  from: /pci@…/disk@…`, `Calling ibm,client-architecture-support...`).
        let doing: LineRef | undefined;
        for (const l of this.recentLines) if (l !== undefined && l.lineNo < at.lineNo && at.lineNo - l.lineNo <= 3 && l.text.trim() !== '' && (doing === undefined || l.lineNo > doing.lineNo)) doing = l;
        // (A fault or an assertion right after the firmware said what it could not do, `LinuxBoot: unable to
        // load bzImage image` then `ASSERT [DxeCore] …`: that is the failure, the fault its end.)
        let said = doing !== undefined && BOOTLOADER_FAULT.test(message) && FIRMWARE_COMPLAINT.test(doing.text) ? doing : undefined;
        // U-Boot's SPL gave up on every device it tried (`SPL: failed to boot from all boot devices`): the
        // first complaint after `Trying to boot from SPI` is why (`QSPI: QSPI is still busy after poll …`).
        if (said === undefined && message.startsWith('SPL: failed to boot from all')) {
          const recent = this.recentLines.filter((l) => l !== undefined && l.lineNo < at.lineNo && at.lineNo - l.lineNo <= 8).sort((x, y) => x.lineNo - y.lineNo);
          const tried = recent.findLastIndex((l) => l.text.trimStart().startsWith('Trying to boot from '));
          if (tried >= 0) said = recent.slice(tried + 1).find((l) => FIRMWARE_COMPLAINT.test(l.text) || /\b(?:still busy|timed out|timeout)\b/i.test(l.text));
        }
        // (Or any error of the bootloader's right after its own lower-level complaints, one a line, none of them
        // an error bootwhy knows by its words: `Cannot use 64 bit addresses with SDMA` then `Error reading
        // cluster`, `Failed to reserve memory for fdt at 0x9df94718` then `FDT creation failed!`. The first of
        // that run says what went wrong; the rest is what it led to. Not a word alone, CFE's `Failed.`: it says nothing.)
        if (said === undefined && !saysWhy) {
          for (let back = 1; back <= 3; back++) {
            const l = this.recentText(at.lineNo - back);
            if (l === undefined || !FIRMWARE_COMPLAINT.test(l.text) || /^\s*(?:WARNING|\*\* |#)/.test(l.text) || !/\S \S.{8}/.test(l.text.trim())) break;
            said = l;
          }
        }
        const before = said ?? doing;
        boot.bootloaderError = { line: at.lineNo, text: clip(at.text), message: clip(said !== undefined ? said.text.trim().replace(/\.$/, '') : message), more: [], ...(firmware ? { firmware: true as const } : {}), ...(before !== undefined ? { before: { line: before.lineNo, text: clip(before.text), why: said !== undefined ? 'what the firmware could not do' : 'what the bootloader did just before' } } : {}) };
        if (moved) boot.bootloaderError.more.push({ line: e.line, text: e.text, why: 'an error before, which the bootloader got past' });
        // (Trusted Firmware's warnings just before its error tell how it came to it: `WARNING: loading of FWU-Metadata
        // failed, using Bkup-FWU-Metadata`, then `ERROR:  loading of Bkup-FWU-Metadata failed`.)
        for (const l of this.recentLines) {
          if (l !== undefined && l !== before && l.lineNo < at.lineNo && at.lineNo - l.lineNo <= 8 && l.text.startsWith('WARNING: ') && boot.bootloaderError.more.length < 3) boot.bootloaderError.more.push({ line: l.lineNo, text: clip(l.text), why: 'what the firmware warned of before' });
        }
      }
      else if (e.more.length < 5) {
        e.more.push({ line: at.lineNo, text: clip(at.text), why: 'the bootloader’s next error' });
        delete e.gotPast;
      }
    }
    this.touch();
  }

  /** dracut's initqueue timed out and lists the hooks it still waits on: a `devexists-…` hook names a
   *  device that has not appeared (`…/initqueue/finished/devexists-\x2fdev\x2fdisk\x2fby-uuid\x2f….sh`). */
  private dracutWaits(message: string, at: LineRef): void {
    const boot = this.boot;
    const m = /\/initqueue\/finished\/devexists-(\S+?)\.sh\b/.exec(message);
    if (boot === null || m === null || boot.dracutWaiting !== undefined) return;
    const device = m[1]!.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (!device.startsWith('/dev/')) return;
    this.recognised++;
    boot.dracutWaiting = { device: own(device), line: at.lineNo, text: clip(at.text), timeout: this.initqueueTimeout };
  }

  /** The kernel's command line as the kernel or dracut printed it: its `root=`. */
  private commandLine(boot: BootState, text: string, at: LineRef): void {
    const m = ROOT_ARG.exec(text);
    if (m) boot.rootArg = own(m[1]!);
    boot.commandLine ??= { line: at.lineNo, text: clip(at.text), why: m ? `the kernel's command line: root=${m[1]!}` : 'the kernel’s command line, with no root= argument' };
  }

  /** dracut's mount hook could not mount the root (`dracut-mount[670]: Warning: Can't mount root filesystem`): the
   *  initrd has no root to switch to, whether root= named none or one that would not mount. */
  private rootNotMounted(at: LineRef, service: string | null): void {
    const boot = this.ensureBoot('log-start', at.lineNo);
    const holder: { missingDevice?: { path: string; ev: Evidence; more?: Evidence[]; unmounted?: boolean; by?: string; noRootArg?: true } } = currentCycle(boot) ?? boot;
    const ev: Evidence = { line: at.lineNo, text: clip(at.text), why: 'dracut could not mount the root file system' };
    if (holder.missingDevice !== undefined) {
      const more = (holder.missingDevice.more ??= []);
      if (more.length < 3) more.push(ev);
      return;
    }
    this.recognised++;
    const noRoot = boot.rootArg === undefined && boot.commandLine !== undefined;
    holder.missingDevice = { path: boot.rootArg ?? '', ev, unmounted: true, ...(noRoot ? { more: [boot.commandLine!], noRootArg: true as const } : {}), ...(service !== null ? { by: `${service}.service` } : {}) };
  }

  /**
   * LVM would not bring up a volume group or logical volume (`Refusing activation of partial LV Linux/Root.`
   * when a physical volume is missing, `Volume group "vg0" not found`): when it holds the root (the command
   * line's `root=`, or any volume when the log shows no command line), the root device cannot appear, and
   * why is here. Told as dracut's `… does not exist` is.
   */
  private lvmSaid(text: string, at: LineRef): void {
    if (text.includes(' is missing PV ')) {
      this.lvmMissingPv = { line: at.lineNo, text: clip(at.text), why: 'a physical volume of the group is missing' };
      return;
    }
    // (Device mapper could not bring the volume's table live: `Unable to resume debian--wheezy-root (253:0)`.)
    if (/^\s*Unable to resume \S+ \(\d+:\d+\)/.test(text)) {
      this.lvmMissingPv = { line: at.lineNo, text: clip(at.text), why: 'device mapper could not resume the volume' };
      return;
    }
    const m = LVM_REFUSED.exec(text);
    if (m === null) return;
    const boot = this.ensureBoot('log-start', at.lineNo);
    const esc = (s: string): string => s.replace(/-/g, '--');
    const root = boot.rootArg === undefined ? null : (lvmMapperPath(boot.rootArg) ?? boot.rootArg);
    let path: string;
    if (m[1] !== undefined) {
      path = `/dev/mapper/${esc(m[1])}-${esc(m[2]!)}`;
      if (root !== null && root.startsWith('/dev/') && root !== path) return;
    } else {
      // (A whole volume group: the root's volume when root= is in it.)
      if (root === null || !root.startsWith(`/dev/mapper/${esc(m[3]!)}-`)) return;
      path = root;
    }
    const ev = { line: at.lineNo, text: clip(at.text), why: m[1] !== undefined ? (text.includes('Unable to find') ? `LVM could not activate ${m[1]}/${m[2]}` : `LVM refused to activate ${m[1]}/${m[2]}: a physical volume of its group is missing`) : `LVM found no volume group ${m[3]}` };
    const cycle = currentCycle(boot);
    const holder: { missingDevice?: { path: string; ev: Evidence; more?: Evidence[] } } = cycle ?? boot;
    if (holder.missingDevice !== undefined) return;
    const more: Evidence[] = [];
    if (this.lvmMissingPv !== null && at.lineNo - this.lvmMissingPv.line <= NEAR_LINES && at.lineNo >= this.lvmMissingPv.line) more.push(this.lvmMissingPv);
    if (boot.firstStorageError !== undefined) more.push(boot.firstStorageError);
    holder.missingDevice = { path, ev, more };
  }
  /** Where the real console took over from the early one (`bootconsole [pl11] disabled`) in a log without
   *  kernel timestamps, or -1. */
  private bootconsoleOff = -1;

  /**
   * A driver that gave up (`amdgpu 0000:0b:00.0: amdgpu: Fatal error during GPU init`) says first what went
   * wrong, in the lines just before, each naming its device or driver (`… Direct firmware load for
   * amdgpu/navy_flounder_sos.bin failed with error -2`, `[drm:psp_sw_init [amdgpu]] *ERROR* …`): the first
   * error of that run of lines is the failure's message; the giving up is evidence.
   */
  private driverChainStart(entry: { message: string; line: number; text: string; more: Evidence[] }, message: string, last = 'the driver gave up'): void {
    // (A DRM driver's line names its driver in its location tag: `[drm:amdgpu_job_timedout [amdgpu]] *ERROR* …`.)
    const drm = message.startsWith('[drm:') ? DRM_DRIVER.exec(message) : null;
    const colon = drm !== null ? -1 : message.indexOf(': ');
    if (colon <= 0 && drm === null) return;
    const device = drm !== null ? `[drm:` : message.slice(0, colon + 2);
    const driver = drm !== null ? drm[1]! : device.split(' ', 1)[0]!.replace(/:\s*$/, '');
    let first: number = -1;
    let next = entry.line;
    // (The line with content before `next`.)
    let before = entry.line === this.contentLine ? this.prevContentLine : this.contentLine;
    const failing: number[] = [];
    for (let k = 1; k < 8; k++) {
      const r = (this.kRingAt - 1 - k) & 7;
      const line = this.kRingLine[r]!;
      // (Next to each other, or with only lines that hold nothing between: a kmsg record's dictionary, dropped.)
      if (line < 0 || line >= next || (next - line > 2 && before !== line)) break;
      const m = this.kRingMessage[r]!;
      // (Or the DRM core's line for it, `[drm:r600_init] *ERROR* Failed to load firmware!`, or a line on the driver's own
      // firmware file, `r600_cp: Failed to load firmware "radeon/R600_rlc.bin"`.)
      if (!(m.startsWith(device) || m.startsWith(`${driver}: `) || m.startsWith(`${driver} `) || m.includes(` [${driver}]] `) || (m.startsWith('[drm:') && m.includes('*ERROR*')) || m.includes(`"${driver}/`))) break;
      if (/\b(?:fail(?:ed|ure)?|error)\b/i.test(m)) {
        first = r;
        failing.push(r);
      }
      next = line;
      before = this.kRingBefore[r]!;
    }
    if (first < 0) return;
    // (Its failure told on the way, `amdgpu 0000:07:00.0: amdgpu_device_ip_init failed`, between its first error and its last word.)
    for (const r of failing.slice(0, -1).reverse().slice(0, 3)) entry.more.push({ line: this.kRingLine[r]!, text: clip(this.kRingText[r]!), why: 'the driver’s failure, told on' });
    entry.more.push({ line: entry.line, text: entry.text, why: last });
    entry.message = clip(this.kRingMessage[first]!.trim().replace(DRM_TAG, ''));
    entry.line = this.kRingLine[first]!;
    entry.text = clip(this.kRingText[first]!);
  }

  /** The device systemd-fsck last named (`/dev/mapper/vg-var: UNEXPECTED INCONSISTENCY; …`), and its
   *  `fsck failed with error code 4.` */
  private fsckDevice: string | null = null;
  private fsckFailed: Evidence | null = null;
  private fsckDeviceSaid: Evidence | null = null;

  /**
   * systemd-fsck's own words: the device it checks, fsck's failure, and then its request for emergency.target
   * (`Running request emergency.target/start/replace`, what systemd-fsck does when fsck leaves errors it
   * could not fix). systemd of that age may still report the unit `Started`: the check failed, and the
   * machine goes to emergency mode for it.
   */
  private fsckSaid(message: string, at: LineRef, source: 'console' | 'journal'): void {
    const dev = /^(\/dev\/\S+): /.exec(message);
    if (dev !== null) {
      this.fsckDevice = own(dev[1]!);
      if (PROCESS_ERROR.test(message) || /INCONSISTENCY|errors/.test(message)) this.fsckDeviceSaid = { line: at.lineNo, text: clip(at.text), why: 'what fsck found' };
      return;
    }
    if (/^fsck failed with (?:error code|exit status) \d+/.test(message)) {
      this.fsckFailed = { line: at.lineNo, text: clip(at.text), why: 'fsck left errors it could not fix' };
      return;
    }
    const asked = /^Running request (emergency|rescue)\.target\/start/.exec(message);
    const failed = this.fsckFailed;
    if (asked === null || failed === null || at.lineNo - failed.line > 3 || at.lineNo < failed.line) return;
    const boot = this.ensureBoot('log-start', at.lineNo);
    const cycle = this.ensureCycle(at.lineNo);
    const device = this.fsckDevice === null ? null : deviceUnitForPath(this.fsckDevice);
    const root = boot.rootArg === undefined ? null : (lvmMapperPath(boot.rootArg) ?? boot.rootArg);
    const unit = device === null ? null : this.fsckDevice === root ? 'systemd-fsck-root.service' : `systemd-fsck@${device.slice(0, -'.device'.length)}.service`;
    const why = `systemd-fsck asked for ${asked[1]}.target because fsck failed`;
    let f = unit === null ? null : this.findFailure(unit);
    if (unit !== null && (f === null || f.kind === 'dependency')) {
      this.recognised++;
      f = this.recordFailure(cycle, { name: unit, description: null, text: unit, partial: false, resolvedBy: null }, 'failed', 'unit-failed', { lineNo: failed.line, text: failed.text }, source);
    }
    const said = this.fsckDeviceSaid;
    if (f !== null && said !== null && failed.line - said.line <= NEAR_LINES && said.line < failed.line) addEvidence(f.evidence, said);
    this.enterMode(cycle, asked[1] === 'rescue' ? 'rescue' : 'emergency', at, null, why);
  }

  /** CoreOS's `Ignition has failed.` banner (its emergency shell's), until the failed stage is named. */
  private ignitionFailed: Evidence | null = null;

  /** The stage Ignition's log shows after its failure banner (`Stage: disks`): its unit failed. */
  private ignitionStage(shown: string, at: LineRef): void {
    const banner = this.ignitionFailed!;
    this.ignitionFailed = null;
    const stage = /^Stage: ([a-z][a-z-]{1,30})\s*$/.exec(shown)?.[1];
    if (stage === undefined || this.boot === null) return;
    const cycle = currentCycle(this.boot);
    if (cycle === null) return;
    const name = `ignition-${stage}.service`;
    if (this.findFailure(name) !== null) return;
    this.recognised++;
    const f = this.recordFailure(cycle, { name, description: null, text: name, partial: false, resolvedBy: 'log' }, 'failed', 'unit-failed', { lineNo: banner.line, text: banner.text }, 'console');
    if (f !== null) {
      f.evidence[0]!.why = 'Ignition has failed (its emergency banner)';
      addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `the stage whose log follows: ${name} runs it` });
    }
  }

  /** PID 1's `Breaking ordering cycle by deleting job X/start`, before its `Job X/start deleted …`. */
  private cycleBreaking: { unit: string; at: LineRef } | null = null;

  /** The units of the ordering cycle PID 1 is listing (`Found ordering cycle on …`, `Found dependency on …`). */
  private readonly orderingCycle: { unit: string; at: LineRef }[] = [];

  /** LVM's `WARNING: VG Linux is missing PV …`, the last one. */
  private lvmMissingPv: Evidence | null = null;

  /** dracut's `FATAL: …` in a systemd initrd, until its `Refusing to continue`. */
  private dracutFatal: { failure: string; ev: Evidence } | null = null;
  /** The dracut hook whose service spoke last (`dracut-pre-udev[327]: …`). */
  private lastDracutHook: { ident: string; line: number } | null = null;

  /**
   * dracut's messages on the kernel log (`dracut Warning: …`, `dracut-initqueue[312]: …`): its shell, the
   * device it did not find and, when it runs its own scripts (no systemd), the failure that stopped it.
   */
  private dracutMessage(message: string, at: LineRef): void {
    const rest = message.replace(DRACUT_PREFIX, '');
    // dracut's own trace (rd.debug, its PS4 `file@line(function): `): in emergency_shell, its `warn 'X'` is
    // dracut saying `Warning: X` (why it gives up, `Can'\''t mount root filesystem` unquoted as the shell
    // does), and the shell is entered, though the trace may end before the shell's banner.
    if (rest.charCodeAt(0) === 0x2f /* / */ && rest.includes('(emergency_shell): warn ')) {
      const warn = DRACUT_TRACE_WARN.exec(rest);
      if (warn !== null) {
        const prefix = message.slice(0, message.length - rest.length);
        const said = warn[1]!.replaceAll("'\\''", "'");
        this.dracutMessage(`${prefix}${said}`, at);
        if (!said.startsWith('Entering emergency mode')) this.dracutMessage(`${prefix}Entering emergency mode. Exit the shell to continue.`, at);
        return;
      }
    }
    if (rest.startsWith('Using kernel command line parameters:') && this.boot !== null) this.commandLine(this.boot, rest, at);
    if (rest.startsWith('Break ') && /^Break (?:before|after) [\w-]+\s*$/.test(rest)) this.breakAskedBy = { line: at.lineNo, text: clip(at.text), why: 'the kernel command line asked for this shell (rd.break=)' };
    if (rest.charCodeAt(0) === 0x43 /* C */ && /^Can't mount root filesystem\s*$/.test(rest)) this.rootNotMounted(at, /^(dracut-[\w-]+)\[\d+\]/.exec(message)?.[1] ?? null);
    if (rest.includes(' is missing PV ') || rest.includes('Refusing activation') || rest.includes('Volume group "')) this.lvmSaid(rest, at);
    if (rest.includes('/initqueue/finished/devexists-')) this.dracutWaits(rest, at);
    // (Newer dracut says it in two lines: `dracut-initqueue: timeout, still waiting for following initqueue hooks:`, the
    // hooks, then `dracut-initqueue: starting timeout scripts`.)
    if (rest.startsWith('dracut-initqueue timeout') || rest.startsWith('dracut-initqueue: timeout, still waiting') || rest.startsWith('dracut-initqueue: starting timeout scripts')) {
      this.initqueueTimeout = { line: at.lineNo, text: clip(at.text), why: 'dracut gave up waiting for its devices (initqueue timeout)' };
      if (this.boot !== null) this.boot.initqueueTimeout = this.initqueueTimeout;
    }
    // (The prefix took dracut's `Warning: ` with it: `/dev/vgroot/root does not exist` is its root device missing.)
    // (A retyped screen may end it with a full stop.)
    const missing = rest.endsWith(' does not exist') || rest.endsWith(' does not exist.') ? /^"?(\/dev\/[^"\s]+)"? does not exist\.?$/.exec(rest) : null;
    const mount = missing !== null ? { path: missing[1]!, reason: 'does not exist' } : matchMountError(rest);
    if (mount) this.mountError(mount.path, mount.reason, at);
    const boot = this.boot!;
    const noSystemd = !this.systemdRunning() && currentCycle(boot) === null;
    // (A script dracut runs that dies with `fatal:` (awk, sed): its words are why the initrd stops.)
    let failure = dracutFailure(message) ?? (/\bfatal: /.test(rest) && rest.length < 300 ? rest.trim() : null);
    // `Warning: Could not boot.`: dracut gives up; the initqueue timeout just before is why.
    if (failure === null && /^Could not boot\.?\s*$/.test(rest)) {
      this.dracutGaveUp = { line: at.lineNo, text: clip(at.text), why: 'dracut gave up booting' };
      const q = this.initqueueTimeout;
      failure = q !== null && at.lineNo - q.line <= 20 && at.lineNo > q.line ? 'dracut-initqueue timeout - starting timeout scripts' : 'Could not boot';
      // (In a systemd initrd too: the log may end before its emergency shell says more.)
      if (q !== null && failure !== 'Could not boot') {
        boot.initrdFailure ??= { initrd: 'dracut', message: failure, line: q.line, text: q.text, device: null, evidence: [] };
        addEvidence(boot.initrdFailure.evidence, q);
      }
    }
    // dracut's die() in a systemd initrd (`dracut: FATAL: FIPS integrity test failed`, `dracut: Refusing to
    // continue`): the hook whose service spoke last failed, and the initrd stops there (it powers off).
    if (failure !== null && !noSystemd && rest.startsWith('FATAL: ')) this.dracutFatal = { failure, ev: { line: at.lineNo, text: clip(at.text), why: `dracut: ${failure}` } };
    else if (/^[Rr]efusing to continue/.test(rest) && this.dracutFatal !== null && at.lineNo - this.dracutFatal.ev.line <= 5) {
      const fatal = this.dracutFatal;
      this.dracutFatal = null;
      const hook = this.lastDracutHook;
      const cycle = currentCycle(boot);
      if (cycle !== null && hook !== null && fatal.ev.line - hook.line <= 30) {
        const f = this.recordFailure(cycle, parseUnitText(`${hook.ident}.service`), 'failed', 'unit-failed', { lineNo: fatal.ev.line, text: fatal.ev.text }, 'kmsg');
        if (f !== null) {
          addEvidence(f.evidence, fatal.ev);
          addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: 'dracut gives up: the initrd stops' });
        }
        return;
      }
      boot.initrdFailure ??= { initrd: 'dracut', message: fatal.failure, line: fatal.ev.line, text: fatal.ev.text, device: null, evidence: [fatal.ev] };
      addEvidence(boot.initrdFailure.evidence, { line: at.lineNo, text: clip(at.text), why: 'dracut gives up: the initrd stops' });
      return;
    }
    // (dracut's die() says it stops on the next line: `dracut: Refusing to continue`.)
    if (failure === null && /^[Rr]efusing to continue/.test(rest) && boot.initrdFailure !== undefined && at.lineNo - boot.initrdFailure.line <= 5 && at.lineNo > boot.initrdFailure.line) {
      addEvidence(boot.initrdFailure.evidence, { line: at.lineNo, text: clip(at.text), why: 'dracut gives up: the initrd stops' });
    }
    if (failure !== null && (noSystemd || /^(?:Could not boot|dracut-initqueue timeout)/.test(failure))) {
      this.recognised++;
      boot.initrdFailure ??= { initrd: 'dracut', message: failure, line: at.lineNo, text: clip(at.text), device: null, evidence: [] };
      addEvidence(boot.initrdFailure.evidence, { line: at.lineNo, text: clip(at.text), why: `dracut: ${failure}` });
    }
    const p = matchPrompt(rest);
    if (p === null || p.kind === 'login' || p.kind === 'shell') return;
    if (noSystemd) return this.dracutShellNoSystemd(boot, at);
    this.prompt(p, at);
  }

  /** dracut's own shell, no systemd in the initrd: the boot's mode, no userspace cycle. */
  private dracutShellNoSystemd(boot: BootState, at: LineRef): void {
    this.recognised++;
    if (boot.mode === null) {
      boot.mode = { kind: 'dracut-shell', line: at.lineNo, device: boot.missingDevice?.path ?? null, evidence: [] };
      this.emit({ type: 'emergency', boot: boot.index, cycle: null, line: at.lineNo, kind: 'dracut-shell' });
    }
    if (boot.initrdFailure) addEvidence(boot.initrdFailure.evidence, { line: at.lineNo, text: clip(at.text), why: 'dracut gave up and dropped to its shell' });
    addEvidence(boot.mode.evidence, { line: at.lineNo, text: clip(at.text), why: 'dracut gave up and dropped to its shell' });
  }

  end(): void {
    // The capture ended on agetty's /etc/issue, before the `login: ` it prints next: the login was reached.
    const issue = this.gettyIssue;
    if (issue !== null && this.boot !== null && issue.lineNo >= this.boot.startLine && this.contentLine === issue.lineNo) this.prompt({ kind: 'login', announces: false }, issue);
    if (this.boot !== null) this.kernelGoingRound(this.boot);
    if (this.boot !== null) this.closeBoot(this.boot);
    this.openCrashes.length = 0;
    // A unit whose restart was scheduled and that had not started again when the log ended kept failing.
    const cycle = this.boot ? currentCycle(this.boot) : null;
    if (cycle !== null && cycle.end === 'log-end') this.mountsFailedUnsaid(cycle);
    if (cycle !== null && cycle.end === 'log-end' && cycle.restarting !== undefined) {
      for (const f of cycle.restarting.splice(0)) {
        if (!f.dropped || f.ref.name === null || this.findFailure(f.ref.name) !== null) continue;
        f.dropped = false;
        cycle.failures.push(f);
        this.retainedFailures++;
        cycle.failureByKey.set(own(`failed\u0000${f.ref.name}`), f);
        cycle.failureByKey.set(f.ref.name, f);
      }
    }
  }

  /**
   * A mount begun (`Mounting /mnt/h...`) whose mount(8) then failed (`mount: /mnt/h: special device H: does
   * not exist.`), and the log ends before systemd said the result: the mount unit failed, in mount's words.
   */
  private mountsFailedUnsaid(cycle: CycleState): void {
    for (const e of this.recentMountErrors) {
      const unit = mountUnitForPath(e.path);
      const begun = this.mountsBegun.get(unit);
      if (begun === undefined || begun > e.line || e.line < cycle.startLine || this.findFailure(unit) !== null) continue;
      const ref: UnitRef = { ...parseUnitText(e.path), name: unit, description: e.path, partial: false, resolvedBy: 'log' };
      const f = this.recordFailure(cycle, ref, 'failed', 'mount-failed', { lineNo: e.line, text: e.text }, 'journal');
      if (f === null) continue;
      f.evidence[0]!.why = `why the mount failed: ${e.reason}`;
      // (The mount's error was already taken as its failure's evidence.)
      for (let i = f.evidence.length - 1; i > 0; i--) if (f.evidence[i]!.line === e.line) f.evidence.splice(i, 1);
    }
  }

  /** journalctl's own marks were seen (`-- Boot … --`, `-- Logs begin at …`). */
  private journalctlSeen = false;

  /**
   * A journal is systemd-journald's: a boot it shows ran systemd, even when the excerpt holds none of PID
   * 1's lines (`journalctl -k`, a `--grep`, services only). A syslog file looks the same line for line;
   * one that wrote the kernel's stamp inside its lines is a syslog's, and says nothing of the init.
   */
  protected override closeBoot(boot: BootState): void {
    if (!this.journalctlSeen || boot.cycles.length > 0 || boot.init !== null || boot.container === true || boot.journalFirst === undefined || boot.mode !== null) return;
    if ((boot.syslogKernel ?? 0) > 0) return;
    // The journal of a boot whose kernel banner it shows, cut before the kernel was done (only its first
    // lines pasted): userspace is not in the excerpt.
    if (boot.bannerLine !== null && boot.journalPastKernel !== true && boot.initRunLine === undefined) return;
    const cycle = this.newCycle(boot, boot.journalFirst, null);
    cycle.endLine = boot.endLine;
    const phase = cycle.phases.at(-1);
    if (phase !== undefined) phase.endLine = boot.endLine;
  }

  /** initramfs-tools' progress (`Begin: Mounting root file system ... done.`): where it got to. */
  private initramfsStep(at: LineRef): void {
    const boot = this.ensureBoot('log-start', at.lineNo);
    if (boot.cycles.length > 0) return;
    const steps = (boot.initramfsSteps ??= { open: [], error: null, firstErrors: [], contentEnd: at.lineNo });
    // One line may open several steps and close some: `Begin: Mounting root file system ... Begin: Running /scripts/local-top ... done.`
    const re = /Begin: (.+?) \.\.\.|(?:^|\s)done\./g;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(at.text)) !== null && n++ < 16) {
      if (m[1] !== undefined) {
        if (steps.open.length < 16) steps.open.push({ name: clip(m[1]), line: at.lineNo, text: clip(at.text) });
      } else {
        steps.open.pop();
        if (steps.open.length === 0) steps.error = null;
      }
    }
    this.recognised++;
  }

  private initAttempt(at: LineRef, why: string): void {
    this.initAttempts.push({ line: at.lineNo, text: clip(at.text), why });
    if (this.initAttempts.length > 12) this.initAttempts.shift();
  }

  /**
   * A program's line said again and again, its numbers aside (`wicked: eth0: Declining DHCPv4 lease with address
   * 10.252.0.53`, `…54`, …), at most REPEAT_GAP lines apart: a boot going round in a loop, when it ends the log.
   */
  private repeatSeen(boot: BootState, message: string, at: LineRef): void {
    // (A complaint or a retry: a loop that says all is well is no loop to name.)
    if (message.length > 300 || !REPEAT_COMPLAINT.test(message)) return;
    const template = message.trim().replace(/\d+/g, '#');
    if (template.length < 12) return;
    // (Runs of a few lines at once, as another line may come between two of one: `random: crng init done`.)
    const runs = (boot.repeating ??= []);
    for (const r of runs) {
      if (r.template === template && at.lineNo - r.lastLine <= REPEAT_GAP) {
        r.count++;
        r.lastLine = at.lineNo;
        r.lastText = clip(at.text);
        return;
      }
    }
    const run = { template: own(template), first: { line: at.lineNo, text: clip(at.text), why: 'the first of a line said again and again until the log ends' }, message: clip(message.replace(/^[^\s[\]:]{1,64}\[\d{1,9}\]: /, '')), count: 1, lastLine: at.lineNo, lastText: clip(at.text) };
    // (The run that went longest without its line is the one to forget.)
    if (runs.length >= 3) runs.splice(runs.reduce((o, r, k) => (r.lastLine < runs[o]!.lastLine ? k : o), 0), 1);
    runs.push(run);
  }

  /** The kernel's last lines, when they are one complaint said again and again (`fsl_dpa …ethernet@8 eth0: phy
   *  device not initialized`, then eth1, eth2, …): a run for goingRound, read once at the end (the kernel's
   *  plain lines pass by without the work). */
  private kernelGoingRound(boot: BootState): void {
    const last = (this.kRingAt - 1) & 7;
    const lastLine = this.kRingLine[last]!;
    if (this.kRingAt < REPEATS_AT_END || lastLine < boot.startLine || boot.contentEnd - lastLine > 3) return;
    const template = (m: string): string => m.trim().replace(/\d+/g, '#');
    const want = template(this.kRingMessage[last]!);
    if (want.length < 12 || !REPEAT_COMPLAINT.test(want)) return;
    let n = 0;
    let first = last;
    for (let k = 0; k < 8 && k < this.kRingAt; k++) {
      const r = (this.kRingAt - 1 - k) & 7;
      if (this.kRingLine[r]! < boot.startLine || template(this.kRingMessage[r]!) !== want) break;
      n++;
      first = r;
    }
    if (n < REPEATS_AT_END) return;
    (boot.repeating ??= []).push({
      template: own(want),
      first: { line: this.kRingLine[first]!, text: clip(this.kRingText[first]!), why: 'the first of a line said again and again until the log ends' },
      message: clip(this.kRingMessage[first]!.trim()),
      count: n,
      lastLine,
      lastText: clip(this.kRingText[last]!),
    });
  }

  private partialSeen = -1;
  /** agetty's /etc/issue line, the last seen (see end()). */
  private gettyIssue: LineRef | null = null;
  /** The last step runit-void's core services announced (`=> Mounting pseudo-filesystems...`). */
  private stepHeader: { at: LineRef; name: string } | null = null;
  private preCycleText(at: LineRef): void {
    const t = at.text;
    if (t.length === 0) return;
    // An initramfs mounting its root (`mounting /dev/vdb->/booster.root, fs=btrfs`, `Mounting /dev/sda2 on /sysroot`).
    if ((this.boot === null || this.boot.rootMountDevice === undefined) && t.length < 200 && t.includes('/dev/') && /root\b/.test(t)) {
      const m = ROOT_MOUNTING.exec(t);
      if (m !== null && this.boot !== null) this.boot.rootMountDevice = m[1]!;
      else if (m !== null) this.rootMountPending = m[1]!;
    }
    if (t.charCodeAt(0) === 0x3d /* = */ && t.startsWith('=> ')) {
      const m = STEP_HEADER.exec(t);
      if (m !== null) this.stepHeader = { at, name: m[1]! };
    } else if (t.length <= 80 && (t.endsWith('.') || t.endsWith(':') || t.endsWith(' ')) && (this.boot === null || this.boot.cycles.length === 0)) {
      const m = SCRIPT_STEP.exec(t);
      if (m !== null) this.stepHeader = { at, name: (m[1] ?? m[2])! };
      else if (this.stepHeader !== null && SCRIPT_STEP_DONE.test(t)) this.stepHeader = null;
    }
    if (STAGE1_ERROR.test(t)) {
      this.lastText = at;
      this.errorTexts[this.errorTextsAt++ & 7] = at;
    }
    if (t.length < 80 && OTHER_ISSUE.test(t)) this.otherIssueLine = at.lineNo;
    if (t.length < 120 && SYSTEMD_ISSUE.test(t)) {
      this.issueLine = at.lineNo;
      // The motd just after a login names a release that boots with systemd (`Flatcar Container Linux by
      // Kinvolk alpha …`): that login was systemd's, in a userspace cycle the log showed nothing else of.
      const boot = this.boot;
      if (boot !== null && boot.cycles.length === 0 && boot.init === null && boot.mode === null && boot.loginLine !== null && at.lineNo - boot.loginLine <= 6) {
        const login = boot.loginLine;
        boot.loginLine = null;
        this.ensureCycle(login).loginLine = login;
      }
    }
    this.initramfsScript(at, t);
    // initramfs-tools stopping where `break=` asked it to, before its shell.
    if (t.length < 48 && t.startsWith('Spawning shell within the initramfs')) this.breakAsked = { line: at.lineNo, text: clip(t), why: 'the kernel command line asked for this shell (break=)' };
  }
  /** initramfs-tools' `Spawning shell within the initramfs` (see preCycleText): its next shell was asked for. */
  private breakAsked: Evidence | null = null;

  /** An initramfs script's failure (`Target filesystem doesn't have requested /sbin/init.`, an fsck that
   *  failed), on the console or written to the kernel's log. */
  private initramfsScript(at: LineRef, t: string): void {
    const stop = initramfsScriptFailure(t);
    if (stop !== null && stop.rank === 0) {
      // fsck's detail (`/dev/sda6 UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.`): evidence, if the
      // initramfs gives up over it (fsck fixes most such file systems and the boot goes on).
      this.initramfsDetail.push({ line: at.lineNo, text: clip(t), why: 'what fsck found' });
      if (this.initramfsDetail.length > 3) this.initramfsDetail.shift();
    } else if (stop !== null) {
      this.recognised++;
      const boot = this.ensureBoot('log-start', at.lineNo);
      for (const d of this.initramfsDetail.splice(0)) if (at.lineNo - d.line <= 20 && boot.initrdFailure === undefined) (this.initramfsPending ??= []).push(d);
      const f = (boot.initrdFailure ??= { initrd: 'initramfs-script', message: stop.message, line: at.lineNo, text: clip(t), device: null, evidence: this.initramfsPending?.splice(0) ?? [] });
      if (f.initrd !== 'initramfs-script') return;
      if (stop.rank > this.initramfsScriptRank) {
        this.initramfsScriptRank = stop.rank;
        f.message = own(stop.message);
      }
      addEvidence(f.evidence, { line: at.lineNo, text: clip(t), why: 'the initramfs gave up' });
    }
  }

  /** The two kernel lines before this one, as line numbers and messages (a WARNING's own words are
   *  printed just before or after its header); kept in fields, not objects: this runs on every kernel line. */
  private k1Line = -1;
  /** The line where the bootloader last said it loaded a file. */
  private bootloaderLoaded = 0;
  /** The kernel's last words on a fault it reports next (see crashReasons). */
  private faultSaid: Evidence | null = null;
  /** Where the kernel was executing, as it said after faultSaid and before any crash report opened. */
  private faultAt: Evidence | null = null;

  /** A crash just made: the fault the kernel named as it began, and for a panic for want of a root file
   *  system, the kernel's storage and filesystem errors just before (`EXT4-fs (vda): mount failed`,
   *  `VFS: Cannot open root device "/dev/vda" or unknown-block(254,0): error -12`). */
  private crashReasons(made: CrashState, at: LineRef, boot: BootState): void {
    const f = this.faultSaid;
    if (f !== null && f.line < at.lineNo && at.lineNo - f.line <= 40 && f.line >= boot.startLine) {
      addEvidence(made.evidence, f);
      // (And where the CPU was, printed with that fault before the report: arm64's `pc : fn+0x38/0x48` after
      // `SError Interrupt on CPU2 …`.)
      const pc = this.faultAt;
      if (pc !== null && pc.line > f.line && pc.line < at.lineNo) addEvidence(made.evidence, pc);
      this.faultSaid = null;
    }
    this.faultAt = null;
    if (made.kind === 'panic' && /^(?:kernel panic: )?VFS: Unable to mount/.test(made.title)) {
      // (Past the kernel's list of every block device it has, which runs to scores of lines with ramdisks.)
      for (const e of this.recentKernelErrors.slice(-3)) if (e.line < at.lineNo && at.lineNo - e.line <= 80 && e.line >= boot.startLine) addEvidence(made.evidence, { ...e, why: 'why the root file system could not be mounted' });
    }
  }
  /** The first line of a daemon's (not the kernel's or the syslog daemon's) before any kernel line, or -1. */
  private daemonsBeforeKernel = -1;
  /** That line's wall clock (NaN when it shows none). */
  private daemonsBeforeKernelWall = NaN;
  private k1Uptime: number | null = null;
  private k1Message = '';
  private k1Text = '';
  private k2Message = '';
  private k2Line = 0;
  private k2Text = '';

  /** The line of /etc/issue that named a distribution release that boots with systemd. */
  private issueLine = -1;
  /** A line of text just before (an /etc/issue) that names no distribution booting with systemd. */
  private issueOther(line: number): boolean {
    return this.otherIssueLine > 0 && line - this.otherIssueLine <= 3 && !this.systemdIssue(line);
  }
  private otherIssueLine = -1;

  private systemdIssue(line: number): boolean {
    return this.issueLine > 0 && line - this.issueLine <= 6;
  }

  private initramfsScriptRank = 0;
  private readonly initramfsDetail: Evidence[] = [];
  private initramfsPending: Evidence[] | undefined;
  /** A bare `Dependency failed for …` before systemd was seen: systemd's when another follows. */
  private bareDependency: { msg: StatusMessage; at: LineRef } | null = null;
  /** The last line of plain text that reads as an error: what an init script said just before it gave up. */
  private lastText: LineRef | null = null;
  /** The last eight such lines, in a ring: the first of them near a shell is what went wrong first. */
  private readonly errorTexts: Array<LineRef | undefined> = new Array(8);
  private errorTextsAt = 0;

  protected initLastWords(line: number): LineRef | null {
    let last: LineRef | null = null;
    for (const e of this.errorTexts) if (e !== undefined && e.lineNo < line && line - e.lineNo <= 3 && e.text.trim().length >= 12 && (last === null || e.lineNo > last.lineNo)) last = e;
    if (last !== null) return last;
    // (Else the text on the line just before, after the kernel ran init: what init said as it died, in words
    // of its own: glibc's `FATAL: kernel too old`, `/lib64/libc.so.6: CPU ISA level is lower than required`.)
    const run = this.boot?.initRunLine;
    for (const l of this.recentLines) if (l !== undefined && l.lineNo === line - 1 && run !== undefined && l.lineNo > run && l.text.trim().length >= 8) last = l;
    return last;
  }

  /** A kernel line a crash quotes, wrapped by a mail client or a narrow terminal: its untimed tail on the next
   *  line (`… static key '0xc1fb4cb0'`, then `used before call to jump_label_init()`) is quoted with it. */
  /** The Xen hypervisor's panic says why on the line after its `(XEN) Panic on CPU 0:` (`(XEN) Xen BUG at
   *  drivers/passthrough/amd/iommu_init.c:1386`, `(XEN) Timed out waiting for alternatives self-NMI to hit`):
   *  the reason joins the title, and a BUG or a failed assertion there is what the incident is, as the kernel's
   *  `kernel BUG at` is. */
  private xenPanicReason(boot: BootState, at: LineRef): void {
    const c = boot.crashes.at(-1)!;
    if (c.kind !== 'panic' || !c.title.startsWith('Xen hypervisor panic') || c.title.includes(': ') || at.lineNo - c.line > 2 || at.lineNo <= c.line) return;
    const reason = at.text.slice('(XEN) '.length).trim();
    if (reason === '' || /^\*+$/.test(reason)) return;
    c.title = own(`${c.title}: ${clip(reason)}`);
    if (/^(?:Xen BUG at |Assertion '.*' failed at )/.test(reason)) c.kind = 'bug';
    addEvidence(c.evidence, { line: at.lineNo, text: clip(at.text), why: 'why the hypervisor panicked' });
  }

  private wrappedEvidence(boot: BootState, at: LineRef): void {
    for (let i = boot.crashes.length - 1; i >= 0 && i >= boot.crashes.length - 3; i--) {
      const c = boot.crashes[i]!;
      const ev = c.evidence;
      // (The task's line wrapped holds only the kernel's version: not worth a line of evidence.)
      // (Or the line after an untimed sanitizer's header, what it found: `UBSAN: null-ptr-deref in …tbfadt.c:459:37`, then
      // `member access within null pointer of type 'struct acpi_table_fadt'`.)
      const k = ev.findIndex((e) => e.line === at.lineNo - 1 && (e.text.charCodeAt(0) === 0x5b /* [ */ ? !e.why.startsWith('the task that was running') : e.line === c.line && e.text.startsWith('UBSAN: ')));
      if (k < 0 || ev.length >= LIMITS.evidencePerFinding || ev.some((e) => e.line === at.lineNo)) continue;
      ev.splice(k + 1, 0, { line: at.lineNo, text: clip(at.text), why: WRAPPED });
      // (A WARNING's header wrapped before its function, `WARNING: CPU: 0 PID: 0 at kernel/jump_label.c:199`, then
      // `static_key_enable_cpuslocked+0xb8/0xf4`: where the kernel was.)
      const fn = c.kind === 'warning' && !c.located && ev[k]!.line === c.line ? WRAPPED_FUNCTION.exec(at.text.trim()) : null;
      if (fn !== null && c.title.startsWith('WARNING in ')) {
        c.title = `WARNING in ${fn[1]!} (${c.title.slice('WARNING in '.length)})`;
        c.located = true;
      }
    }
  }

  /** The first error text in the `within` lines before `line` and inside the boot (if there is one yet), or null. */
  private firstErrorText(line: number, within: number, boot: BootState | null): LineRef | null {
    let first: LineRef | null = null;
    for (const e of this.errorTexts) {
      // (A word alone, `failed.`, is the end of a line whose start went elsewhere: it says nothing.)
      if (e === undefined || e.lineNo >= line || line - e.lineNo > within || e.text.trim().length < 12) continue;
      // (A warning that says it was passed over, `Warning: /lib/modules/…/modules.devname not found - ignoring`.)
      if (IGNORED_WARNING.test(e.text)) continue;
      if (boot !== null && boot.startReason !== 'log-start' && e.lineNo < boot.startLine) continue;
      if (first === null || e.lineNo < first.lineNo) first = e;
    }
    return first;
  }

  /** A live console's unfinished line: a login or emergency prompt waits there without a newline. */
  partialLine(text: string, lineNo: number): void {
    if (lineNo === this.partialSeen) return;
    const p = matchPrompt(text.trim());
    if (p === null || p.announces) return;
    this.partialSeen = lineNo;
    this.recognised++;
    // (The prompt's line is read, though unfinished: the boot and cycle it opens or ends reach it.)
    if (lineNo > this.lastLine) this.lastLine = lineNo;
    this.prompt(p, { lineNo, text });
  }

  /** A boot that ended in a restart with no firmware banner bound to mark the next (a panic's `Rebooting in`, or kexec,
   *  see restartHow): the lines that come next begin the next boot. */
  private restartAfterPanic: BootState | null = null;
  private static readonly REBOOTING_IN = /^\s*Rebooting in \d+ seconds?\.*\s*$/;

  /** Lines after the restart line that are not the kernel's, since its last one: the first, and how many. */
  private afterRestart: { line: number; count: number } | null = null;

  /** After the panic's `Rebooting in N seconds..` the kernel has little more to say: lines that are not
   *  the kernel's (an option ROM's banner, a firmware this grammar does not know), two of them with no
   *  kernel line between, are the next power-on's: its boot begins at the second (the first was read as
   *  this boot's before the second told). (A vendor kernel that goes on talking
   *  with its timestamps, `[ 13.66] modem_wait_count …`, is still this boot.) */
  private afterPanicRestart(rec: ConsoleRecord): void {
    const boot = this.restartAfterPanic!;
    if (boot !== this.boot) {
      this.restartAfterPanic = null;
      this.afterRestart = null;
      return;
    }
    const t = rec.at.text;
    if (rec.kind === 'kernel') {
      this.afterRestart = null;
      return;
    }
    if (rec.kind === 'marker' || t.trim() === '' || (rec.kind === 'text' && (isConsoleToolLine(t) || Segmenter.REBOOTING_IN.test(t)))) return;
    // (The kernel that was to start the next one crashed doing it, its debugger's report after `Starting new
    // kernel`: no next kernel ran.)
    if (this.restartHow === 'kexec' && rec.kind === 'text' && rec.crash !== null) {
      this.restartAfterPanic = null;
      this.afterRestart = null;
      return;
    }
    const seen = (this.afterRestart ??= { line: rec.at.lineNo, count: 0 });
    if (++seen.count < 2) return;
    this.restartAfterPanic = null;
    this.afterRestart = null;
    // (After kexec the next kernel's boot begins at the first of them: no firmware banner comes to be missed.)
    if (this.restartHow === 'kexec') this.startBoot('kexec', trimTo(boot, seen.line - 1) ? seen.line : rec.at.lineNo);
    else this.startBoot('firmware', rec.at.lineNo);
    this.restartHow = 'firmware';
  }

  /** What restarts the machine whose restart restartAfterPanic waits on: firmware after a reset, or kexec. */
  private restartHow: 'firmware' | 'kexec' = 'firmware';

  /** The panic's restart line, a kernel line or (printk time off) a plain one. */
  private rebootingIn(text: string, at?: LineRef, uptime?: number | null): void {
    if (!Segmenter.REBOOTING_IN.test(text)) return;
    if (this.boot !== null && this.boot.end === 'panic') {
      this.restartAfterPanic = this.boot;
      this.restartHow = 'firmware';
    }
    // panic()'s last words, `Kernel Offset: …` then `Rebooting in 1 seconds..`, with its first line not in the
    // log (an excerpt that begins in the trace): a panic all the same.
    if (this.boot !== null && this.boot.end !== 'panic' && at !== undefined && this.k1Message.startsWith('Kernel Offset: ') && at.lineNo - this.k1Line <= 2 && !this.boot.crashes.some((c) => c.kind === 'panic')) {
      // (What follows is not taken for the next boot's firmware: with so little of the panic shown, the text
      // after it may as well be the host's, a harness reporting the machine gone.)
      this.crash({ kind: 'panic', title: 'Kernel panic (its first line is not in the log)' }, { lineNo: this.k1Line, text: this.k1Text }, uptime ?? null, false);
      const made = this.boot.crashes.at(-1);
      if (made?.kind === 'panic') addEvidence(made.evidence, { line: at.lineNo, text: clip(at.text), why: 'panic() restarts the machine' });
    }
  }

  /** A plain kernel line, read at once (true); false when it must go through kernel(). */
  private plainKernel(rec: Extract<ConsoleRecord, { kind: 'kernel' }>): boolean {
    // Most of a console is the kernel's plain lines (`[    1.23] usb 1-1: new high-speed USB device …`):
    // nothing of a process, a crash, a failure or an event, no rule's words, in a boot whose kernel already
    // spoke, with no crash report or warning open that the line may go on. They only move the clock.
    const boot = this.boot;
    const at = rec.at;
    if (
      boot !== null &&
      boot.hasKernel &&
      rec.event === null &&
      rec.process === null &&
      rec.manager === null &&
      rec.msg === null &&
      rec.userManager === null &&
      rec.crash === null &&
      rec.failure === null &&
      !rec.storageError &&
      !rec.fromJournal &&
      rec.crashLocation === null &&
      rec.audit === null &&
      !rec.login &&
      // (Near 0 s only while the clock is in step: further back is a new kernel's clock, see kernel().)
      (rec.uptime === null || rec.uptime >= 1.5 || (boot.lastUptime !== null && boot.lastUptime - rec.uptime <= 5)) &&
      // (Nor once the kernel said it restarts: a clock back after that may be the next kernel's, see kernel().)
      boot.end === 'log-end' &&
      this.dmesgReplay === null &&
      this.afterWarning === null &&
      this.openCrashes.length === 0 &&
      (boot.rootWait === undefined || boot.rootWait === null) &&
      !this.reference &&
      (boot.crashes.length === 0 || at.lineNo - boot.crashes[boot.crashes.length - 1]!.line > 1)
    ) {
      this.recognised++;
      if (rec.uptime !== null) {
        boot.consoleKernel = true;
        boot.firstUptime ??= rec.uptime;
        boot.lastUptime = rec.uptime;
      }
      if (rec.message !== '') {
        this.kernelSaid(boot, rec.message, at, rec.uptime);
        this.noteReportHead(at, rec.message);
      }
      if (rec.uptime !== null) {
        this.stampUptime(boot, rec.uptime);
        if (rec.uptime < 1.5 && rec.uptime > 0) this.earlySeen(boot, rec.uptime, rec.message);
      }
      this.touch();
      return true;
    }
    return false;
  }

  /**
   * A filesystem that found none of its own on a device another filesystem tried a moment before (`isofs_fill_super:
   * bread failed, dev=sda2, …`, then `EXT4-fs (sda2): unable to read superblock` three times, then `FAT-fs (sda2): …`):
   * mount(8) trying each type in turn for a program probing what the device holds (os-prober, an installer,
   * blkid), not a mount that failed. (The kernel mounting its root tries each type too; its own `VFS: Cannot open
   * root device` says when that failed.)
   */
  private probedBefore(message: string, at: LineRef): boolean {
    const own = FS_DEVICE.exec(message);
    if (own === null) return false;
    for (let k = 2; k <= 4; k++) {
      const r = (this.kRingAt - k) & 7;
      const line = this.kRingLine[r]!;
      if (line < 0 || line >= at.lineNo || at.lineNo - line > 4) continue;
      const other = this.kRingMessage[r]!;
      if (other.startsWith(own[1]!)) continue;
      const dev = FS_DEVICE.exec(other)?.[2] ?? PROBE_DEV.exec(other)?.[1];
      if (dev === own[2]) return true;
    }
    return false;
  }

  /** A disk's I/O errors (see DISK_IO_ERROR): the third in a boot makes a failing disk, named by the first. */
  private diskIoError(boot: BootState, message: string, at: LineRef): void {
    const run = this.ioErrors;
    if (run === null || run.boot !== boot) {
      this.ioErrors = { boot, message: clip(message.trim()), line: at.lineNo, text: clip(at.text), more: [] };
      return;
    }
    if (run.more.length >= DISK_IO_ERRORS - 1) return;
    run.more.push({ line: at.lineNo, text: clip(at.text), why: 'the disk failed again' });
    if (run.more.length === DISK_IO_ERRORS - 1) {
      const seen = (boot.kernelFailures ??= []);
      if (seen.length < 4) seen.push({ kind: 'io', message: run.message, line: run.line, text: run.text, more: run.more });
    }
  }

  /** The boot's disk I/O errors so far (see diskIoError). */
  private ioErrors: { boot: BootState; message: string; line: number; text: string; more: Evidence[] } | null = null;

  /** A suspend or a resume that failed is told over several lines, the device's callback, the driver core's
   *  summary, the PM core's `resume failed (-5)`: one failure, those lines its evidence (true when this line was one). */
  private suspendToldOn(boot: BootState, kind: 'suspend' | 'resume', at: LineRef): boolean {
    const last = boot.kernelFailures?.at(-1);
    if (last === undefined || (last.kind !== 'suspend' && last.kind !== 'resume') || at.lineNo - (last.more.at(-1)?.line ?? last.line) > 5) return false;
    if (last.more.length < 6) last.more.push({ line: at.lineNo, text: clip(at.text), why: kind === 'resume' ? 'the resume failed' : 'the suspend failed' });
    if (kind === 'resume' || this.resumingImage === boot) last.kind = 'resume';
    return true;
  }

  /**
   * A kernel failure's lines that come after it: the driver core's word that it gave up on the device the driver
   * failed (`radeon: probe of 0000:01:05.0 failed with error -2`, `nvidia 0000:09:00.0: probe with driver nvidia
   * failed with error -1` after NVIDIA's own message), the task that would not freeze for a suspend (`task:zulip
   * state:D stack:0 pid:…`).
   */
  private failureToldOn(boot: BootState, message: string, at: LineRef): void {
    const last = boot.kernelFailures!.at(-1);
    if (last === undefined || at.lineNo <= last.line || last.more.length >= 6 || at.lineNo - (last.more.at(-1)?.line ?? last.line) > 12) return;
    if (last.kind === 'suspend' && message.charCodeAt(0) === 0x74 /* t */ && message.startsWith('task:') && last.message.startsWith('Freezing ')) {
      last.more.push({ line: at.lineNo, text: clip(at.text), why: 'the task that would not freeze' });
      return;
    }
    if (last.kind !== 'driver' || !message.includes('probe ')) return;
    const p = STORAGE_PROBE_FAILED.exec(message);
    const driver = p === null ? undefined : (p[1] ?? p[2]);
    if (driver === undefined) return;
    const same = last.message.startsWith(`${driver} `) || last.message.startsWith(`${driver}: `) || last.message.includes(` [${driver}]] `) || (driver === 'nvidia' && last.message.startsWith('NVRM: '));
    if (same) last.more.push({ line: at.lineNo, text: clip(at.text), why: 'the driver core gave up on the device' });
  }

  /** The boot whose kernel said it is resuming from a hibernation image (see kernelSaid). */
  private resumingImage: BootState | null = null;

  /** The first IOMMU fault of a boot, until the kernel says it held more of them back (see kernel()). */
  private iommuFault: { boot: BootState; message: string; line: number; text: string; stormed: boolean; before: { line: number; text: string } | null } | null = null;

  /**
   * rsyslog, as it starts, writes what journald already forwarded of this boot (`systemd[1]: Mounted Kernel
   * Trace File System.`) and then the kernel's ring buffer from its banner, all stamped the same second: the
   * banner is this boot's, not a new one. (A machine does not restart, run firmware and a kernel, and start
   * its syslog within two seconds of wall clock.)
   */
  private syslogFlushedFirst(boot: BootState, rec: Extract<ConsoleRecord, { kind: 'kernel' }>, at: LineRef): boolean {
    // (Its first lines may come before the banner, stamped near 0 too: `random: get_random_bytes called from
    // start_kernel+0x42/0x50d with crng_init=0`.)
    if (!rec.fromJournal || boot.startReason !== 'log-start' || boot.kernelVersion !== null || boot.bannerLine !== null || (boot.firstUptime !== null && boot.firstUptime >= 1.5) || boot.end !== 'log-end' || boot.firstWall === undefined) return false;
    if (boot.cycles.some((c) => c.phases.some((p) => p.name === 'shutdown'))) return false;
    const wall = wallClock(at.text.slice(0, 40));
    // (Nor after a daemon's lines of another time: those were the boot before, `… 22:24:20 … stremio …`, then the
    // kernel at 22:26:26; or later, on a board without a clock that starts again from the time it last saved.)
    if (wall !== null && this.daemonsBeforeKernel >= 0 && this.daemonsBeforeKernel < at.lineNo && Math.abs(wall.t - this.daemonsBeforeKernelWall) > 2) return false;
    return wall !== null && wall.t >= boot.firstWall && wall.t - boot.firstWall <= 2;
  }

  /** A plain text line among the last eight read, by its number. */
  private recentText(lineNo: number): LineRef | undefined {
    for (const l of this.recentLines) if (l !== undefined && l.lineNo === lineNo) return l;
    return undefined;
  }

  private earlySeen(boot: BootState, uptime: number, message: string): void {
    // (Only the current boot's are kept: memory stays bounded whatever the number of boots.)
    if (this.earlyBoot !== boot) {
      if (this.earlyBoot !== null) this.earlyBoot.earlyKernel = undefined;
      this.earlyBoot = boot;
    }
    // (Their stamps and messages as they come, not keys built for a set: most lines are kept, few ever looked up.)
    const seen = (boot.earlyKernel ??= { uptimes: [], messages: [] });
    if (seen.uptimes.length < 2048) {
      seen.uptimes.push(uptime);
      seen.messages.push(message);
    }
  }

  /** The boot whose early kernel lines are kept (see earlySeen). */
  private earlyBoot: BootState | null = null;

  /** PID 1's `[  !!  ] Failed to execute /sbin/init`, the last one. */
  private initExecFailed: LineRef | null = null;

  /** A journal's `-- Boot … --` / `-- Reboot --` separator whose boot has shown no line yet. */
  private journalBootAt = -1;

  /** Where the kernel began bringing up its secondary CPUs (see kernel()). */
  private smpBringup = -1;

  /** Every rule on every kernel line, no fast path (the reference the fast path is tested against). */
  reference = false;

  private kernel(rec: Extract<ConsoleRecord, { kind: 'kernel' }>): void {
    this.recognised++;
    const at = rec.at;
    let boot = this.boot;
    // (The message's first character read once, -1 for an empty one: see push.)
    const m0 = rec.message.length > 0 ? rec.message.charCodeAt(0) : -1;
    if (rec.message.includes('avc:  denied')) this.avcDenied(rec.message, at);
    if (m0 === 0x52 /* R */ && rec.message.startsWith('Rebooting in ')) this.rebootingIn(rec.message, at, rec.uptime);
    // (MIPS says where in the program a killed process faulted on the line after: `epc = 0000000000000360 in
    // systemd[aaab121000+12d000]`.)
    else if (m0 === 0x65 /* e */ && rec.message.startsWith('epc = ') && boot !== null) {
      const u = boot.userFaults;
      if (u !== undefined && at.lineNo > u.last.line && at.lineNo - u.last.line <= 3) u.where ??= { line: at.lineNo, text: clip(at.text), why: 'where in the program it faulted' };
    }
    // A syslog daemon writing to the console replays the ring buffer (BusyBox klogd: `kern.notice kernel:
    // [    0.000000] Linux version …`) after the console already showed those lines: the same boot again,
    // until its uptimes pass where the console's were.
    if (rec.fromJournal && boot !== null && boot.consoleKernel === true && boot.end === 'log-end' && rec.uptime !== null && boot.lastUptime !== null) {
      if (rec.uptime <= boot.lastUptime) return this.touch();
    }
    // (The same for `dmesg` typed at a prompt, until its lines pass where the console's were.)
    if (this.dmesgReplay !== null && boot === this.dmesgReplay && rec.uptime !== null && boot.lastUptime !== null) {
      if (rec.uptime <= boot.lastUptime) return this.touch();
      this.dmesgReplay = null;
    }
    if (!rec.fromJournal && boot !== null && rec.uptime !== null) boot.consoleKernel = true;
    // The real console takes over from the early one (`printk: bootconsole [uart8250] disabled`) and, on
    // the same port, prints the kernel's log again from its first line: the same boot, until the
    // uptimes pass where they were.
    if (boot !== null && !rec.fromJournal && rec.message.includes('bootconsole') && BOOTCONSOLE_OFF.test(rec.message)) {
      if (rec.uptime !== null) this.dmesgReplay = boot;
      else this.bootconsoleOff = at.lineNo;
    }
    // An untimed `Linux version …` after someone logged in is `cat /proc/version` or `dmesg`, not a boot
    // (unless the machine restarted since: `reboot: Restarting system` ended that boot).
    // (Or after init ran, the same kernel's words again with nothing of a restart or crash between (a WARNING
    // stops nothing): a test script printing /proc/version. A log that began after the banner, at `Run
    // /sbin/init`, does not know the kernel's version: there, while another init's services run.)
    if (rec.event?.kind === 'banner' && rec.uptime === null && !rec.fromJournal && !this.bannerConfirmed && boot !== null && boot.end === 'log-end' && (boot.loginLine !== null || boot.cycles.some((c) => c.loginLine !== null) || (boot.initRunLine !== undefined && boot.crashes.every((c) => c.kind === 'warning') && (boot.kernelVersion !== null ? rec.event.detail === boot.kernelVersion : boot.init !== null)))) {
      this.skippedBanner = rec;
      return this.touch();
    }
    // A banner stamped well into the running kernel's own clock, as it goes on (powerpc's xmon and Samsung's
    // sec_debug print `Linux version …` in their crash dumps: `[   29.605257] Linux version 6.12.0-rc1 …`): the
    // same kernel describing itself, no new boot. (A new kernel's clock starts near 0; one that counts from
    // power-on prints its banner with its first lines.)
    if (rec.event?.kind === 'banner' && rec.uptime !== null && rec.uptime > 5 && !rec.fromJournal && boot !== null && boot.end === 'log-end' && boot.lastUptime !== null && rec.uptime >= boot.lastUptime - 0.5 && rec.uptime - boot.lastUptime < 60 && at.lineNo - boot.startLine > 3) {
      return this.touch();
    }
    // The same kernel's banner at 0 s again while its boot had got no further than its first second (a
    // console registering late and printing the log from its start, HiKey960's after `Console: colour dummy
    // device`): the same boot, its lines again until they pass where they were.
    // (Or later, as long as that kernel had not yet run init and nothing stopped it: a kernel does not start
    // again in silence, without a crash, a restart or its firmware in between. Microwatt's replay as its
    // 8250 console registers at 2.5 s.)
    if (rec.event?.kind === 'banner' && rec.uptime !== null && rec.uptime < 0.001 && !rec.fromJournal && boot !== null && boot.end === 'log-end' && boot.cycles.length === 0 && boot.lastUptime !== null && (boot.lastUptime < 1 || (boot.lastUptime < 10 && boot.initRunLine === undefined && boot.crashes.length === 0 && boot.init === null)) && boot.kernelVersion !== null && rec.event.detail === boot.kernelVersion) {
      this.dmesgReplay = boot;
      return this.touch();
    }
    // (Untimed, the same banner word for word again before the kernel ran init, nothing of a crash, a restart or
    // firmware between: the early console's lines printed again by the real one, an AR7 router's 2.6 kernel.)
    if (rec.event?.kind === 'banner' && rec.uptime === null && !rec.fromJournal && boot !== null && boot.end === 'log-end' && boot.cycles.length === 0 && boot.lastUptime === null && boot.initRunLine === undefined && boot.crashes.length === 0 && boot.init === null && boot.kernelVersion !== null && this.bannerSaid !== null && this.bannerSaid.boot === boot && this.bannerSaid.message === rec.message && at.lineNo - this.bannerSaid.line <= 200) {
      return this.touch();
    }
    // (Without timestamps, the replay shows as the same banner again just after the switch.)
    if (rec.event?.kind === 'banner' && rec.uptime === null && boot !== null && this.bootconsoleOff >= 0 && at.lineNo - this.bootconsoleOff <= 2 && boot.end === 'log-end' && boot.kernelVersion !== null && rec.event.detail === boot.kernelVersion && boot.cycles.length === 0) {
      return this.touch();
    }
    // A line of this kernel's first second and a half again, to the microsecond, well after it (a test harness
    // quoting what it matched, `{'case': 'kernel-messages', … 'message': '[    1.400214] RETBleed: …`): the
    // same line quoted, no new kernel.
    // (Not after the kernel said it restarts: a kernel with a coarse clock prints its first lines at the same
    // stamps each boot.)
    if (boot !== null && rec.uptime !== null && rec.uptime > 0 && rec.uptime < 1.5 && (boot.end === 'log-end' || (boot.end === 'panic' && this.restartAfterPanic === null)) && boot.lastUptime !== null && boot.lastUptime - rec.uptime > 5 && earlySaid(boot, rec.uptime, rec.message)) return this.touch();
    if (rec.event?.kind === 'banner') {
      if (boot === null) boot = this.startBoot('kernel-banner', at.lineNo);
      else if (
        // The banner of the kernel whose timestamps just restarted (a syslog may put the previous boot's
        // last journal lines between them): the same boot.
        !(boot.startReason === 'timestamps-restarted' && boot.kernelVersion === null && rec.uptime !== null && rec.uptime <= 1.5 && boot.lastUptime !== null && boot.lastUptime <= 1.5) &&
        (boot.kernelVersion !== null ||
          boot.cycles.length > 0 ||
          // (An init that ran before it, BusyBox's `reboot` typed at its shell: the log began in the boot before.)
          boot.init !== null ||
          // (So did an initramfs that ran before it: NixOS's stage 1 giving up, `retrying...`, and a reboot.)
          boot.phases.some((p) => p.name === 'initrd') ||
          // (Some boards' kernels count from power-on, not from their own start: the banner a moment after
          // the kernel's first line, on the same clock, is that kernel's.)
          (boot.lastUptime !== null && boot.lastUptime > 5 && !(rec.uptime !== null && boot.firstUptime !== null && rec.uptime >= boot.lastUptime && rec.uptime - boot.firstUptime < 2)) ||
          boot.end !== 'log-end' ||
          // A syslog's lines of an earlier boot (no uptimes to tell by): a banner well after them is a new boot.
          (rec.fromJournal && rec.uptime === null && boot.lastUptime === null && at.lineNo - boot.startLine > 20)) &&
        !this.syslogFlushedFirst(boot, rec, at)
      ) {
        boot = this.startBoot('kernel-banner', at.lineNo);
      }
      boot.kernelVersion = rec.event.detail === null ? null : own(rec.event.detail);
      boot.bannerLine ??= at.lineNo;
      if (this.bannerSaid?.boot !== boot) this.bannerSaid = { boot, message: own(rec.message), line: at.lineNo };
    } else if (
      boot !== null &&
      rec.uptime !== null &&
      rec.uptime < 1.5 &&
      // (An empty record stamped 0, as vmcore-dmesg prints one mid-log, says nothing of a kernel start.)
      rec.message.trim() !== '' &&
      // (A secondary CPU brought up just now prints on its own clock, not yet in step: `[    0.056435][    T0]
      // masked ExtINT on CPU#1` after `x86: Booting SMP configuration:` at 13 s. The same kernel.)
      // (All the while they come up, until `smp: Brought up 2 nodes, 96 CPUs`: each new CPU's line is on its clock.)
      !(this.smpBringup >= 0 && at.lineNo - this.smpBringup <= SMP_BRINGUP_LINES && boot.end === 'log-end') &&
      // (A process's line is not a new kernel's first: a kernel prints on its own before any process runs. A
      // capture that lost bytes shows `[   1.084018] sstemd[1]: …` for `[   51.084018] systemd[1]: …`.)
      // (Unless the kernel before said it was handing over, `kexec_core: Starting new kernel`, or restarting: the
      // next kernel's first lines may be lost, a capture that caught up only with its programs.)
      ((boot.lastUptime !== null && boot.lastUptime - rec.uptime > 5 && !(rec.process !== null && !rec.fromJournal && rec.uptime > 0.2 && boot.end === 'log-end')) ||
        // A kernel starting (uptime near 0) after a userspace that ran with no uptimes seen (a syslog). (Not
        // a process's kmsg line on a console, the first stamp seen: a new kernel prints for a while before any
        // process speaks. `Welcome to Fedora 32!`, then `[    1.434571] systemd[1]: Set hostname to <x>` is
        // that userspace's PID 1 on the kernel's clock, first seen.)
        // (Not rsyslog's first write of the ring buffer, the same second as this boot's journal lines it wrote
        // before: see syslogFlushedFirst.)
        (boot.lastUptime === null && boot.cycles.length > 0 && !(!rec.fromJournal && rec.process !== null) && !this.syslogFlushedFirst(boot, rec, at)))
    ) {
      // Timestamps back near zero: a new kernel (its banner may be missing). Backwards to a later
      // time is another writer's line or a redraw, spliced in: not a boot.
      boot = this.startBoot(boot.end === 'log-end' ? 'timestamps-restarted' : 'timestamps-restarted', at.lineNo);
    } else if (boot !== null && rec.uptime !== null && !rec.fromJournal && (boot.end === 'reboot' || boot.end === 'poweroff' || boot.end === 'halt') && boot.lastUptime !== null && boot.lastUptime - rec.uptime > 5 && rec.uptime < 60) {
      // The kernel said it was restarting (`kexec_core: Starting new kernel`, `reboot: Restarting system`), and
      // now a clock well behind its own, in a kernel's first minute: the next kernel's, whose first lines the
      // capture missed. (Not a clock hours in, behind the one before: a fragment of another run a capture file
      // kept from before it was overwritten.)
      boot = this.startBoot('timestamps-restarted', at.lineNo);
    } else if (boot !== null && rec.fromJournal && boot.firstUptime === null && boot.startReason === 'log-start' && this.daemonsBeforeKernel >= 0 && this.daemonsBeforeKernel < at.lineNo && rec.uptime !== null && rec.uptime < 1.5 && !this.syslogFlushedFirst(boot, rec, at)) {
      // A syslog that opens with daemons' lines (cron, ntpd), then a kernel starting: those lines were the
      // boot before; the log began in it.
      boot = this.startBoot('timestamps-restarted', at.lineNo);
    } else if (boot === null) {
      boot = this.startBoot('log-start', at.lineNo);
    }
    this.kernelSays(rec, boot, m0);
    this.kernelFails(rec, boot, m0);
  }

  // (kernel() in three methods, each compiled on its own: a line that takes one of its rarer branches for the first
  // time throws away the optimized code of the method it is in, and V8 compiles that method again. Compiled whole,
  // kernel() took it 0.5 s of CPU each time, a few times an analysis.)

  /** kernel(), once the line's boot is known: what the kernel's line says of the boot (see kernel). */
  private kernelSays(rec: Extract<ConsoleRecord, { kind: 'kernel' }>, boot: BootState, m0: number): void {
    const at = rec.at;
    if (rec.uptime !== null && rec.uptime > 0 && rec.uptime < 1.5) this.earlySeen(boot, rec.uptime, rec.message);
    // A process named systemd read the random pool before it was ready (`random: systemd: uninitialized urandom
    // read (16 bytes read)`): systemd runs, though a dmesg shows nothing else of it.
    if (m0 === 0x72 /* r */ && rec.message.startsWith('random: systemd: ') && currentCycle(boot) === null && boot.init === null) this.ensureCycle(at.lineNo);
    // PID 1's audit record of a unit it started or stopped (`audit: type=1130 … pid=1 … msg='unit=initrd-parse-etc`),
    // its end cut by a wrap: only systemd writes SERVICE_START and SERVICE_STOP records.
    else if (m0 === 0x61 /* a */ && /^audit: type=113[01] audit\([^)]*\): pid=1(?: |$)/.test(rec.message) && currentCycle(boot) === null && boot.init === null) this.ensureCycle(at.lineNo);
    if ((m0 === 0x73 /* s */ && rec.message.startsWith('smp: Bringing up secondary CPUs')) || (m0 === 0x78 /* x */ && rec.message.startsWith('x86: Booting SMP configuration'))) this.smpBringup = at.lineNo;
    else if (m0 === 0x73 /* s */ && rec.message.startsWith('smp: Brought up')) this.smpBringup = -1;
    // (`Kernel command line: … root=/dev/mapper/vg-root …`: which device the initrd must bring up.)
    if ((m0 === 0x4b /* K */ && rec.message.startsWith('Kernel command line: ')) || (m0 === 0x43 /* C */ && rec.message.startsWith('Command line: '))) this.commandLine(boot, rec.message, at);
    if (!boot.hasKernel) {
      boot.hasKernel = true;
      const last = boot.phases.at(-1);
      if (boot.cycles.length === 0 && (last === undefined || last.name === 'firmware' || last.name === 'bootloader')) this.bootPhase(boot, 'kernel', at.lineNo);
    }
    if (rec.uptime !== null) {
      boot.firstUptime ??= rec.uptime;
      boot.lastUptime = rec.uptime;
    }
    if (rec.fromJournal) {
      boot.journalFirst ??= at.lineNo;
      if (boot.journalPastKernel !== true && at.text.includes('Freeing unused')) boot.journalPastKernel = true;
      if (rec.uptime !== null && at.text.charCodeAt(0) !== 0x5b /* [ */) boot.syslogKernel = (boot.syslogKernel ?? 0) + 1;
    }

    if (rec.event) {
      switch (rec.event.kind) {
        case 'run-init':
          boot.rootWait = null;
          if (boot.initRunLine === undefined) {
            boot.initRunUptime = rec.uptime;
            boot.initRunText = at.text;
          }
          boot.initRunLine ??= at.lineNo;
          this.initAttempt(at, 'the kernel tries to start init');
          if (boot.cycles.length === 0 && rec.event.detail === '/init') this.bootPhase(boot, 'initrd', at.lineNo);
          break;
        case 'user-fault': {
          const faulted = rec.process;
          const trap = rec.message.startsWith('traps: ');
          const ev = { line: at.lineNo, text: clip(at.text), why: trap ? 'the kernel stopped a process on a trap' : 'the kernel killed a process for a bad memory access' };
          const u = (boot.userFaults ??= { first: ev, last: ev, message: clip(rec.message.trim()), comms: [], count: 0 });
          // (One crash said twice, its signal and then its aborted core dump, counts once.)
          const pid = trap ? (/\[(\d+)\]/.exec(rec.message)?.[1] ?? null) : (USER_FAULT_PID.exec(faulted !== null ? `[${faulted.pid}]` : rec.message)?.[1] ?? null);
          if (pid !== null && pid === u.lastPid) break;
          u.lastPid = pid;
          u.last = ev;
          // (init's own: what the panic that follows, `Attempted to kill init!`, is about.)
          if (pid === '1') u.init = ev;
          u.count++;
          // (The first crash in the kernel's words for it, rather than an aborted core's (`Process 582(…) has
          // RLIMIT_CORE set to 1`) whose own report came before the log did.)
          if (u.first.text.includes(') has RLIMIT_CORE') && !rec.message.includes(') has RLIMIT_CORE')) {
            u.before = u.first;
            u.first = ev;
            u.message = clip(rec.message.trim());
          }
          const comm = rec.event.detail ?? '';
          // (Evidence for the unit that runs it, when that unit fails just after: `watchdog[1844]: segfault at 0 …`.)
          this.processErrors.push({ ident: comm, ev: { ...ev, why: `${comm}, run by the unit, was killed for a bad memory access` } });
          if (this.processErrors.length > 8) this.processErrors.shift();
          if (u.comms.length < 5 && !u.comms.includes(comm)) u.comms.push(own(comm));
          break;
        }
        case 'root-wait':
          if (boot.cycles.length === 0) {
            // (The storage stack's errors just before: the device the root was to be on could not be set up,
            // `UBI error: cannot attach mtd1`.)
            const errors = this.recentKernelErrors.filter((e) => e.line >= boot.startLine && e.line < at.lineNo && at.lineNo - e.line <= 20).slice(-2);
            // (`Waiting for root device ...`: no root= was given, the device is none.)
            const device = rec.event.detail ?? '';
            boot.rootWait = { device: own(/^\.*$/.test(device) ? '' : device), line: at.lineNo, text: clip(at.text), ...(errors.length > 0 ? { errors } : {}) };
          }
          break;
        case 'restart':
          this.endBoot(boot, 'reboot', at);
          // (kexec starts the next kernel with no firmware between: one booted `quiet` prints nothing of its
          // own, and what comes next, an initramfs's fsck, the login prompt, is its boot's.)
          if (rec.message.startsWith('kexec')) {
            this.restartAfterPanic = boot;
            this.restartHow = 'kexec';
          }
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
    // The disk the kernel waits on came and its partition table holds the root (` mmcblk0: p1 p2`, ` sda: sda1 sda2`).
    if (boot.rootWait !== undefined && boot.rootWait !== null && rootPartitionAppeared(boot.rootWait.device, rec.message)) boot.rootWait = null;
    if (rec.message.startsWith('Unable to handle kernel ')) this.unableToHandleKernel(rec.message, at, rec.uptime, false);
    else if (m0 === 0x55 /* U */ && rec.message.startsWith('Unhandled fault: ')) this.unhandledFault = { line: at.lineNo, what: rec.message.trim(), text: clip(at.text) };
    // (MIPS names the CPU first: `CPU 0 Unable to handle kernel paging request at virtual address 00000084, epc == …`.)
    else if (m0 === 0x43 /* C */ && MIPS_UTH.test(rec.message)) this.unableToHandleKernel(rec.message.replace(MIPS_UTH, 'Unable to handle kernel '), at, rec.uptime, false);
    if (boot.cycles.length === 0 && rec.message.endsWith(': deferred probe pending')) {
      if (boot.deferredProbe === undefined) boot.deferredProbe = { line: at.lineNo, text: clip(at.text), more: [] };
      else if (boot.deferredProbe.more.length < 3) boot.deferredProbe.more.push({ line: at.lineNo, text: clip(at.text), why: 'another driver still deferred' });
      if (boot.deferredProbe.net === undefined && NET_DEVICE.test(rec.message)) boot.deferredProbe.net = { line: at.lineNo, text: clip(at.text), why: 'the network device’s driver never finished probing' };
    }
    // (An initramfs's mount or switch_root naming a device the kernel does not have.)
    if (rec.message.endsWith(": Can't lookup blockdev") && boot.cycles.length === 0 && rec.message.startsWith('/dev/')) boot.blockdevMissing = { path: rec.message.slice(0, rec.message.indexOf(':')), line: at.lineNo, text: clip(at.text) };
    // initramfs-tools writing to the kernel's log (`[    2.6] Target filesystem doesn't have requested /sbin/init.`).
    if ((m0 === 0x54 /* T */ || m0 === 0x4e /* N */) && rec.process === null && boot.cycles.length === 0 && (rec.message.startsWith('Target filesystem ') || rec.message.startsWith('No init found'))) this.initramfsScript(at, rec.message);
    if (m0 === 0x2d /* - */) this.reportFrame(rec.message, at, rec.uptime);
    // (`Failed to execute /init (error -2)`, `Starting init: /sbin/init exists but couldn't execute it (error -8)`.)
    if ((m0 === 0x46 /* F */ && rec.message.startsWith('Failed to execute ')) || (m0 === 0x53 /* S */ && rec.message.startsWith('Starting init: '))) this.initAttempt(at, INIT_NOT_RUN);
    if (rec.crash) {
      this.crash(rec.crash, at, rec.uptime, false);
      // A WARN()'s own words: between `cut here` and the WARNING line (older kernels)…
      const w = this.boot?.crashes.at(-1);
      if (rec.crash.kind === 'warning' && w !== undefined && w.line === at.lineNo && this.k2Message.includes('cut here') && !this.k1Message.includes('cut here') && at.lineNo - this.k1Line <= 1) {
        addEvidence(w.evidence, { line: this.k1Line, text: clip(this.k1Text), why: 'what the warning says' });
      }
      // …and arm64's word on the exception just before its `Internal error: BRK handler: …` (`Unexpected kernel BRK
      // exception at EL1`, a BUG_ON() or a compiler's trap).
      else if (rec.crash.kind === 'oops' && w !== undefined && w.line === at.lineNo && this.k1Message.startsWith('Unexpected kernel ') && at.lineNo - this.k1Line <= 1) {
        addEvidence(w.evidence, { line: this.k1Line, text: clip(this.k1Text), why: 'the exception the kernel took' });
      }
    } else {
      if (rec.crashLocation !== null && this.faultSaid !== null && this.faultAt === null && this.openCrashes.length === 0) this.faultAt = { line: at.lineNo, text: clip(at.text), why: `where the kernel was executing: ${rec.crashLocation}` };
      this.lookForCrashLocation(at, rec.crashLocation);
      this.noteReportHead(at, rec.message);
      // … or right after it (newer kernels), before the modules list and the registers.
      const w = this.boot?.crashes.at(-1);
      if (w !== undefined && w.kind === 'warning' && (at.lineNo - w.line === 1 || (at.lineNo - w.line === 2 && w.evidence.some((e) => e.line === at.lineNo - 1 && e.why === WRAPPED))) && !WARN_TRAILER.test(rec.message)) addEvidence(w.evidence, { line: at.lineNo, text: clip(at.text), why: 'what the warning says' });
    }
    // A WARNING in a driver's code, then that driver's failure just after its report ends (`---[ end trace … ]---`,
    // then `nouveau 57000000.gpu: acr: one-time init failed, -22`, `nouveau: probe of 57000000.gpu failed …`):
    // what the warning led to. (The driver may name itself after its directory: `hid-generic …: parse failed`
    // after a WARNING at drivers/hid/hid-core.c.)
    if (m0 === 0x2d /* - */ && rec.message.startsWith('---[ end trace')) {
      const w = boot.crashes.at(-1);
      const path = w !== undefined && w.kind === 'warning' && at.lineNo - w.line <= 200 ? /\bat ((?:drivers|fs|net|sound|block|arch|kernel|security|crypto|virt)\/\S+?):\d+/.exec(w.evidence[0]?.text ?? '') : null;
      this.afterWarning = path !== null ? { crash: w!, end: at.lineNo, words: new Set(path[1]!.split('/').slice(1, -1)), added: 0 } : null;
    } else if (this.afterWarning !== null) {
      const aw = this.afterWarning;
      if (at.lineNo - aw.end > 8 || aw.added >= 2) this.afterWarning = null;
      else {
        const word = /^([\w-]+)(?:\/[\w-]+)*[ :]/.exec(rec.message)?.[1];
        if (word !== undefined && (aw.words.has(word) || aw.words.has(word.split('-')[0]!)) && COMPLAINT.test(rec.message) && (aw.added === 0 || rec.message.includes('probe'))) {
          addEvidence(aw.crash.evidence, { line: at.lineNo, text: clip(at.text), why: aw.added === 0 ? 'the driver failed just after the warning' : 'and gave up' });
          aw.added++;
        }
      }
    }
    // The kernel's complaint on the line just before an oops or a panic (`mt798x-wmac 18000000.wifi:
    // Failed to start WA firmware`): what went wrong as it began.
    const made = this.boot?.crashes.at(-1);
    // (Not when init's own fault, quoted already, is why: the line before is then another process's.)
    const initFaultSaid = made !== undefined && made.kind === 'panic' && made.evidence.some((e) => e.why === 'init was stopped by a trap it hit');
    if (made !== undefined && made.line === at.lineNo && made.kind !== 'warning' && !initFaultSaid && this.k1Line === at.lineNo - 1 && !(rec.uptime !== null && this.k1Uptime !== null && rec.uptime - this.k1Uptime > 2) && COMPLAINT.test(this.k1Message)) {
      addEvidence(made.evidence, { line: this.k1Line, text: clip(this.k1Text), why: 'what the kernel said just before the crash' });
    } else if (made !== undefined && made.line === at.lineNo && made.kind !== 'warning' && this.k1Line === at.lineNo - 1 && this.k2Line === at.lineNo - 2 && this.k1Message.includes('------------[ cut here ]') && this.k2Message.trim() !== '' && !this.k2Message.includes('cut here')) {
      // The kernel said why just before its report began (`usercopy: Kernel memory exposure attempt detected
      // …`, `------------[ cut here ]------------`, `kernel BUG at mm/usercopy.c:102!`).
      addEvidence(made.evidence, { line: this.k2Line, text: clip(this.k2Text), why: 'what the kernel said as its report began' });
    }
    if (made !== undefined && made.line === at.lineNo && made.kind !== 'warning') this.crashReasons(made, at, boot);
    // The kernel's words for the fault it is about to report: 32-bit ARM's `Unhandled fault: external abort
    // on non-linefetch (0x1028) at 0xfa0b402c` (before its `Internal error:`), arm64's `SError Interrupt on
    // CPU5, code 0xbf000002 -- SError` (before its panic).
    if ((m0 === 0x55 /* U */ && rec.message.startsWith('Unhandled fault: ')) || (m0 === 0x53 /* S */ && rec.message.startsWith('SError Interrupt on CPU'))) {
      this.faultSaid = { line: at.lineNo, text: clip(at.text), why: 'the fault the kernel then reported' };
    }
    if (rec.message !== '') this.kernelSaid(boot, rec.message, at, rec.uptime);
  }

  /** kernel(), last: the failures the kernel's line tells of, and the process that speaks in it (see kernel). */
  private kernelFails(rec: Extract<ConsoleRecord, { kind: 'kernel' }>, boot: BootState, m0: number): void {
    const at = rec.at;
    // A storage controller's driver that did not probe: what the boot waits for next may be behind it.
    if (boot.storageDriverFailure === undefined && rec.process === null && rec.message.includes('probe ')) {
      const p = STORAGE_PROBE_FAILED.exec(rec.message);
      const driver = p === null ? undefined : (p[1] ?? p[2]);
      if (driver !== undefined) boot.probeFailed ??= { message: clip(rec.message.trim()), line: at.lineNo, text: clip(at.text) };
      if (driver !== undefined && STORAGE_DRIVERS.test(driver)) {
        const entry = { message: clip(rec.message.trim()), line: at.lineNo, text: clip(at.text), more: [] as Evidence[] };
        this.driverChainStart(entry, rec.message);
        boot.storageDriverFailure = entry;
      }
    }
    // (Or one that said it could not set its controller up: `smartpqi 0000:23:00.0: failed to allocate PQI error buffer`.)
    if (boot.storageDriverFailure === undefined && rec.process === null && rec.failure === 'driver') {
      const driver = /^(\S+) [0-9a-f]{4}:[0-9a-f]{2}:/.exec(rec.message)?.[1];
      if (driver !== undefined && STORAGE_DRIVERS.test(driver)) boot.storageDriverFailure = { message: clip(rec.message.trim()), line: at.lineNo, text: clip(at.text), more: [] };
    }
    const m0k = m0;
    if (m0k === 0x61 /* a */ && rec.process === null && (boot.storageDriverFailure === undefined || (boot.storageDriverFailure.link === true && boot.storageDriverFailure.more.length < 3)) && ATA_GAVE_UP.test(rec.message)) {
      if (boot.storageDriverFailure === undefined) boot.storageDriverFailure = { message: clip(rec.message.trim()), line: at.lineNo, text: clip(at.text), more: [], link: true };
      else boot.storageDriverFailure.more.push({ line: at.lineNo, text: clip(at.text), why: 'libata gave up on the link again' });
    }
    // An SD or eMMC card its host could not bring up (`mmc1: error -22 whilst initialising SD card`): what is on
    // it does not come.
    if (m0k === 0x6d /* m */ && rec.process === null && (boot.storageDriverFailure === undefined || (boot.storageDriverFailure.card === true && boot.storageDriverFailure.more.length < 2)) && MMC_INIT_FAILED.test(rec.message)) {
      if (boot.storageDriverFailure === undefined) boot.storageDriverFailure = { message: clip(rec.message.trim()), line: at.lineNo, text: clip(at.text), more: [], card: true };
      else boot.storageDriverFailure.more.push({ line: at.lineNo, text: clip(at.text), why: 'the card failed to come up again' });
    }
    if (m0k === 0x56 /* V */ && rec.message.startsWith('VFS: Mounted root')) boot.rootMountedLine = at.lineNo;
    if (rec.process === null && ERROR_WORD.test(rec.message)) {
      const w = SUBSYSTEM_WORD.exec(rec.message);
      if (w !== null) {
        this.recentErrorSaid.push({ line: at.lineNo, text: clip(at.text), word: w[1]!.toLowerCase() });
        if (this.recentErrorSaid.length > 4) this.recentErrorSaid.shift();
      }
    }
    if (m0k === 0x69 /* i */ && rec.message === 'init: - preinit -' && boot.cycles.length === 0) boot.preinit ??= { line: at.lineNo, text: clip(at.text) };
    if (m0k === 0x49 /* I */ && rec.message.startsWith('Initramfs unpacking failed')) boot.initramfsUnpackFailed ??= { line: at.lineNo, text: clip(at.text), why: 'the kernel could not unpack its initramfs' };
    // The kernel refusing a module (its BTF, a symbol, a signature): whatever that module drives never comes.
    if (boot.moduleRefused === undefined && rec.process === null && boot.cycles.length === 0 && (rec.message.includes('module') || rec.message.includes('symbol')) && MODULE_REFUSED.test(rec.message)) {
      boot.moduleRefused = { message: clip(rec.message.trim()), line: at.lineNo, text: clip(at.text), more: [] };
      // (The BTF verifier's reason, a few lines up: `BPF:Invalid offset`.)
      for (let k = 1; k <= 4 && rec.message.includes('BTF'); k++) {
        const r = (this.kRingAt - 1 - k) & 7;
        if (this.kRingLine[r]! >= 0 && at.lineNo - this.kRingLine[r]! <= 6 && /^BPF: ?\S/.test(this.kRingMessage[r]!)) {
          boot.moduleRefused.more.push({ line: this.kRingLine[r]!, text: clip(this.kRingText[r]!), why: "the BTF verifier's reason" });
          break;
        }
      }
    }
    // (The kernel then turns the unclaimed interrupt off: `Disabling IRQ #36`, the end of its report.)
    if (m0k === 0x44 /* D */ && rec.message.startsWith('Disabling IRQ #')) {
      const irq = boot.kernelFailures?.find((f) => f.kind === 'hang' && f.message.startsWith(`irq ${rec.message.slice('Disabling IRQ #'.length).trim()}: nobody cared`));
      if (irq !== undefined && irq.more.length < 4) irq.more.push({ line: at.lineNo, text: clip(at.text), why: 'the kernel turned the interrupt off' });
    }
    this.kernelDamage(rec, boot, m0);
    this.kernelProcess(rec, boot, m0);
  }

  /** kernelFails, next: a device or filesystem the kernel's line says failed (see kernel). */
  private kernelDamage(rec: Extract<ConsoleRecord, { kind: 'kernel' }>, boot: BootState, m0: number): void {
    const at = rec.at;
    // An IOMMU refusing a device's memory accesses (`DMAR: [DMA Read] Request device [02:00.0] … [fault reason
    // 06] PTE Read access is not set`, AMD's `Event logged [IO_PAGE_FAULT …]`, an SMMU's `Unhandled context
    // fault`): one now and then breaks nothing that shows; so many that the kernel holds its reports back
    // (`dmar_fault: 14 callbacks suppressed`) is a device that cannot work. The first fault is what it says.
    if ((rec.message.includes('fault') || rec.message.includes('FAULT')) && IOMMU_FAULT.test(rec.message)) {
      if (this.iommuFault === null || this.iommuFault.boot !== boot) {
        // (Intel's fault report follows its `DMAR: DRHD: handling fault status reg 2` line.)
        const drhd = this.k1Line === at.lineNo && this.k2Line === at.lineNo - 1 && this.k2Message.startsWith('DMAR: DRHD: handling fault status') ? { line: this.k2Line, text: this.k2Text } : null;
        this.iommuFault = { boot, message: rec.message, line: at.lineNo, text: at.text, stormed: false, before: drhd };
      }
    } else if (this.iommuFault !== null && this.iommuFault.boot === boot && !this.iommuFault.stormed && IOMMU_STORM.test(rec.message)) {
      const f = this.iommuFault;
      f.stormed = true;
      const seen = (boot.kernelFailures ??= []);
      const more: Evidence[] = [{ line: at.lineNo, text: clip(at.text), why: 'the kernel holds back its reports of more faults: a storm of them' }];
      if (f.before !== null) more.unshift({ line: f.before.line, text: clip(f.before.text), why: 'the IOMMU reports a fault' });
      if (seen.length < 4) seen.push({ kind: 'hang', message: clip(f.message.trim()), line: f.line, text: clip(f.text), more });
    }
    // The NFS server answers again: its silence before broke nothing for good.
    if (rec.failure === null && rec.message.startsWith('nfs: server ') && rec.message.endsWith(' OK') && boot.kernelFailures !== undefined) {
      const server = rec.message.slice('nfs: server '.length, -' OK'.length);
      boot.kernelFailures = boot.kernelFailures.filter((f) => !(f.kind === 'hang' && f.message.startsWith(`nfs: server ${server} not responding`)));
    }
    if (rec.failure === 'mount' && m0 === 0x52 /* R */ && rec.message.startsWith('Root-NFS: ')) this.rootNfsSaid = { line: at.lineNo, text: clip(at.text), why: 'why the root file system could not be mounted' };
    if (rec.failure === 'netdev') {
      const said = (boot.netDeviceFailed ??= []);
      if (said.length < 3) said.push({ line: at.lineNo, text: clip(at.text), why: 'the network controller said it failed' });
    }
    else if (rec.failure === 'ioerror') this.diskIoError(boot, rec.message, at);
    else if ((rec.failure === 'suspend' || rec.failure === 'resume') && this.suspendToldOn(boot, rec.failure, at)) {
      // (Told on: evidence of the failure before.)
    } else if (rec.failure === 'mount' && this.probedBefore(rec.message, at)) {
      // (Another filesystem tried the same device just before: a program finding out what is on it, not a mount
      // that failed.)
    } else if (rec.failure !== null) {
      // The first mount failure and the errors just before it, else the first few.
      const seen = (boot.kernelFailures ??= []);
      const recent = (this.recentKernelFailures ??= []);
      // (Without the DRM's location tag: `[drm:atom_op_jump [amdgpu]] *ERROR* atombios stuck in loop …`.)
      // (udevadm's words without the program that ran it, `virtme-ng-init: `.)
      const said = rec.failure === 'settle' ? rec.message.slice(rec.message.indexOf('Timed out')) : rec.message;
      const entry = { kind: rec.failure === 'suspend' && this.resumingImage === boot ? ('resume' as const) : rec.failure, message: clip(said.trim().replace(DRM_TAG, '')), line: at.lineNo, text: clip(at.text), more: [] as Evidence[] };
      if (entry.kind === 'driver') this.driverChainStart(entry, rec.message);
      // (A GPU that hung says first what its driver saw go wrong: `[drm:gfx_v10_0_priv_reg_irq [amdgpu]] *ERROR* Illegal
      // register access in command stream`, then the ring's timeout.)
      else if (entry.kind === 'hang' && rec.message.startsWith('[drm:')) this.driverChainStart(entry, rec.message, 'the device stopped responding');
      // A filesystem that could not read a block (`SQUASHFS error: sb_bread failed reading block 0x9b76a`,
      // `EXT4-fs error … unable to read itable block`) just after its disk's read errors (`hdc: media error
      // (bad sector)`, `I/O error, dev sda, sector …`): the disk failed, and the filesystem only says so.
      const burst = this.kernelErrorBurstStart;
      const lastIo = this.recentKernelErrors.at(-1);
      if (entry.kind === 'damage' && !NAMED_DAMAGE.test(entry.message) && burst !== null && lastIo !== undefined && this.kernelErrorBurstMessage !== null && burst.line >= boot.startLine && at.lineNo - lastIo.line <= NEAR_LINES && DISK_READ_ERROR.test(this.kernelErrorBurstMessage)) {
        entry.more.push({ line: entry.line, text: entry.text, why: 'so the filesystem could not read it' });
        Object.assign(entry, { kind: 'io', message: clip(this.kernelErrorBurstMessage.trim()), line: burst.line, text: burst.text });
      }
      // (The kernel's network configuration says what it tried just before it gave up: `ipconfig: eth0:
      // socket(AF_INET): Address family not supported by protocol`, one line an interface.)
      // (So does Xen's frontend, counting down the seconds it waited: `xenbus_probe_frontend: Waiting for devices to
      // initialise: 25s...20s...`.)
      const tried = entry.kind === 'network' ? 'ipconfig: ' : entry.kind === 'hang' && entry.message.startsWith('xenbus_probe_frontend: Timeout') ? 'xenbus_probe_frontend: Waiting' : null;
      if (tried !== null) {
        for (let k = 8; k >= 2; k--) {
          const r = (this.kRingAt - k) & 7;
          if (this.kRingLine[r]! >= 0 && this.kRingLine[r]! < at.lineNo && at.lineNo - this.kRingLine[r]! <= 8 && this.kRingMessage[r]!.startsWith(tried) && entry.more.length < 4) entry.more.push({ line: this.kRingLine[r]!, text: clip(this.kRingText[r]!), why: 'what the kernel tried before it gave up' });
        }
      }
      if (!seen.some((x) => x.kind === 'mount')) {
        if (entry.kind === 'mount') {
          // (The damage a filesystem named before the errors that followed from it stays, however many came after.)
          const named = this.namedDamage !== null && this.namedDamage.line >= boot.startLine && !recent.includes(this.namedDamage) ? [this.namedDamage] : [];
          seen.splice(0, seen.length, ...named, ...recent.filter((x) => x.line >= boot.startLine), entry);
        } else {
          if (seen.length < 4) seen.push(entry);
          recent.push(entry);
          if (recent.length > 3) recent.shift();
          if (entry.kind === 'damage' && NAMED_DAMAGE.test(entry.message) && (this.namedDamage === null || this.namedDamage.line < boot.startLine)) this.namedDamage = entry;
        }
      }
    } else if (boot.kernelFailures !== undefined && rec.message.startsWith('NVRM: ')) {
      // NVIDIA's driver says one thing over several lines.
      const last = boot.kernelFailures.at(-1)!;
      const prev = last.more.at(-1)?.line ?? last.line;
      if (last.kind === 'driver' && at.lineNo - prev === 1 && last.more.length < 4) last.more.push({ line: at.lineNo, text: clip(at.text), why: 'the driver’s message goes on' });
    }
    if (rec.storageError) {
      // The filesystem could not mount, then the kernel could not mount its root (`F2FS-fs (mmcblk1p2): Failed to
      // initialize F2FS segment manager (-117)`, `VFS: Cannot open root device "mmcblk1p2" …: error -117`).
      const mounted = (rec.failure === null || rec.failure === 'mount') && m0 === 0x56 /* V */ && ROOT_NOT_MOUNTED.test(rec.message) ? boot.kernelFailures?.find((x) => x.kind === 'mount' && x.line < at.lineNo && at.lineNo - x.line <= 10) : undefined;
      if (mounted !== undefined && mounted.more.length < 4) mounted.more.push({ line: at.lineNo, text: clip(at.text), why: 'so the kernel could not mount its root' });
      const ev: Evidence = { line: at.lineNo, text: clip(at.text), why: 'kernel storage or filesystem error near the failure' };
      boot.firstStorageError ??= { ...ev, why: 'the kernel’s first storage error in this boot' };
      const prevError = this.recentKernelErrors.at(-1);
      if (prevError === undefined || at.lineNo - prevError.line > NEAR_LINES) {
        this.kernelErrorBurstStart = ev;
        this.kernelErrorBurstMessage = rec.message;
      }
      this.recentKernelErrors.push(ev);
      if (this.recentKernelErrors.length > 8) this.recentKernelErrors.shift();
      const cycle = currentCycle(boot);
      // (Not an empty floppy's or CD drive's I/O error, `blk_update_request: I/O error, dev fd0, sector 0` as QEMU's
      // machines print it, for a failure of anything else.)
      const drive = REMOVABLE_DRIVE.exec(rec.message)?.[1];
      if (cycle) for (const f of cycle.failures.slice(-8)) if (at.lineNo - f.line <= NEAR_LINES && at.lineNo >= f.line && (drive === undefined || f.ref.text.includes(drive) || /cdrom|floppy|media/i.test(f.ref.text))) addEvidence(f.evidence, ev);
    }
  }

  /** kernelFails, last: the process that speaks in the kernel's line (see kernel). */
  private kernelProcess(rec: Extract<ConsoleRecord, { kind: 'kernel' }>, boot: BootState, m0: number): void {
    const at = rec.at;
    if (m0 === 0x64 /* d */ && rec.message.startsWith('dracut')) this.dracutMessage(rec.message, at);
    if (rec.message.includes(' invoked oom-killer: ')) this.oomInvoker = { line: at.lineNo, text: clip(at.text), why: 'the allocation that set off the OOM killer' };
    const proc = rec.process;
    if (proc !== null && proc.ident !== 'systemd') {
      this.processError(proc.ident, rec.message, at);
      this.repeatSeen(boot, rec.message, at);
    }
    else if (proc !== null && proc.pid !== 1 && (rec.message.includes(': Failed at step ') || SPAWN_FAILED.test(rec.message))) this.spawnFailed(rec.message, at);
    if (proc !== null && proc.ident === 'systemd-fsck') this.fsckSaid(rec.message.slice(rec.message.indexOf(': ') + 2), at, 'console');
    if (proc !== null && proc.ident === 'systemd' && proc.pid === 1 && rec.message.includes(']: Caught <')) {
      const rest = rec.message.slice(rec.message.indexOf(']: Caught <') + 3);
      if (PID1_CRASHED.test(rest)) this.managerFatal(rest, at, true);
    }
    if (rec.process?.ident === 'mount') {
      const m = matchMountError(rec.message.slice(rec.message.indexOf(': ') + 2));
      if (m) this.mountError(m.path, m.reason, at);
    }
    if (proc !== null && proc.ident === 'systemd-shutdown' && proc.pid === 1) this.shutdownSaid(rec.message.slice(rec.message.indexOf(']: ') + 3), at);
    const source = rec.fromJournal ? 'journal' : 'kmsg';
    // (`foo.service: Failed to spawn executor: …` is also read as the unit's error: see managerEvent.)
    // (Not the kernel's own words on PID 1, killed for a fault: `systemd[1]: illegal instruction (4) at … nip …`.)
    if ((rec.manager === null || rec.manager.kind === 'unit-error') && rec.msg === null && proc !== null && proc.pid === 1 && proc.ident === 'systemd' && rec.event?.kind !== 'user-fault') {
      this.pid1Said({ at, message: rec.message.slice(rec.message.indexOf(']: ') + 3) });
      // (PID 1's complaint about a unit, `foo.service: Two services allocated for the same bus name …`.)
      this.unitComplaint(this.lastPid1!.message, at);
      // PID 1 is systemd and speaks (`systemd[1]: Successfully loaded SELinux policy …`): a userspace cycle
      // runs, though the log (a dmesg, a quiet console) shows none of its status lines.
      this.ensureCycle(at.lineNo).helperSpoke = true;
    }
    // systemd's own programs on the kernel's log (`systemd-journald[93]: …`, `systemd-xdg-autostart-generator[462]: …`):
    // systemd runs, in a userspace cycle the log shows no more of.
    // dracut's hooks as systemd services (`dracut-initqueue[268]: …`, `dracut-cmdline[190]: …`): journald
    // forwards their output with the service's name and PID; dracut without systemd writes `dracut: ` alone.
    // (Also the helpers only systemd's own units run: `systemd-fsck[83]: root: clean, …` from systemd-fsck@.service.
    // Not systemd-udevd: distributions without systemd as init run it too.)
    // (In a journal too, for dracut's hooks: journald wrote them, from the initrd's systemd.)
    // (Then systemd runs: a bare `Dependency failed for …` after it is its own, see push.)
    if (proc !== null && ((!rec.fromJournal && (SYSTEMD_ONLY_HELPER.test(proc.ident) || (proc.ident.startsWith('systemd-') && proc.ident.endsWith('-generator')))) || (proc.pid !== null && DRACUT_SERVICE.test(proc.ident))) && currentCycle(boot) === null) this.ensureCycle(at.lineNo).helperSpoke = true;
    if (proc !== null && proc.ident === 'dracut-initqueue' && rec.message.includes('/initqueue/finished/devexists-')) this.dracutWaits(rec.message, at);
    if (proc !== null && proc.pid !== null && proc.ident.charCodeAt(0) === 0x64 /* d */ && DRACUT_SERVICE.test(proc.ident)) {
      this.lastDracutHook = { ident: own(proc.ident), line: at.lineNo };
      this.dracutHookSaid(proc.ident, rec.message, at);
    }
    if (rec.manager) this.managerEvent(rec.manager.kind, rec.manager.groups, at, source);
    else if (rec.msg) {
      if (rec.uptime !== null) {
        this.clockT = rec.uptime;
        this.clockWall = false;
        this.clockExact = true;
      } else this.setClock(rec.fromJournal ? wallClock(rec.at.text.slice(0, 40)) : null);
      this.unitMessage(rec.msg, at, source);
    }
    else if (rec.userManager) this.userManagerLine(rec.userManager, at);
    if (rec.audit) this.audit(rec.audit, at);
    if (rec.login) this.loginSeen(at);
    // After the events: a line that starts a cycle or a phase is its first timestamp.
    if (rec.uptime !== null) this.stampUptime(this.boot ?? boot, rec.uptime);
    this.touch();
  }

  /** The kernel's last lines, for the rules that look back at what it said just before. */
  private kernelSaid(boot: BootState, message: string, at: LineRef, uptime: number | null): void {
    // (The kernel begins to put back a hibernated machine: a device that will not freeze now fails the resume.)
    if (message.charCodeAt(0) === 0x50 /* P */ && message.startsWith('PM: ') && RESUMING_IMAGE.test(message)) this.resumingImage = boot;
    if (boot.kernelFailures !== undefined) this.failureToldOn(boot, message, at);
    boot.kernelLastLine = at.lineNo;
    boot.kernelLastText = at.text;
    // (A frame of the WARN machinery in a trace whose header the log does not hold: see reportFrame.)
    if ((this.warnFrame === null || this.warnFrame.line < boot.startLine) && boot.crashes.length === 0 && message.includes('warn') && WARN_FRAME.test(message)) this.warnFrame = { line: at.lineNo, text: clip(at.text), why: 'a frame of the kernel’s WARN() in the trace' };
    this.k2Message = this.k1Message;
    this.k2Line = this.k1Line;
    this.k2Text = this.k1Text;
    this.k1Line = at.lineNo;
    this.k1Uptime = uptime;
    this.k1Message = message;
    this.k1Text = at.text;
    const r = this.kRingAt++ & 7;
    this.kRingLine[r] = at.lineNo;
    this.kRingBefore[r] = at.lineNo === this.contentLine ? this.prevContentLine : this.contentLine;
    this.kRingMessage[r] = message;
    this.kRingText[r] = at.text;
  }

  /** The boot whose sysvinit entered its runlevel (`INIT: Entering runlevel: 5`): its boot scripts had run. */
  private runlevelEntered: BootState | null = null;

  /** sysvinit switched to runlevel 0 (or to 6, after an error) before its boot scripts were done and before any
   *  login: the step that printed last before it is where the boot stopped, what it printed why. */
  private haltedWhileBooting(at: LineRef): void {
    const boot = this.boot;
    const level = at.text.trim().slice('INIT: Switching to runlevel: '.length);
    if (boot === null || boot.init !== 'sysvinit' || this.runlevelEntered === boot || boot.loginLine !== null || boot.cycles.length > 0 || boot.initFailures.length > 0 || (level !== '0' && level !== '6')) return;
    const between: LineRef[] = [];
    let step: RegExpExecArray | null = null;
    let stepAt: LineRef | undefined;
    for (let l = at.lineNo - 1; l >= at.lineNo - 8 && l > 0; l--) {
      const x = this.recentText(l);
      if (x === undefined) continue;
      step = RC_STEP_BARE.exec(x.text.trim());
      if (step !== null) {
        stepAt = x;
        break;
      }
      between.unshift(x);
    }
    if (step === null || stepAt === undefined) return;
    if (level === '6' && !between.some((x) => STAGE1_ERROR.test(x.text))) return;
    this.recognised++;
    const said = between.filter((x) => x.text.trim() !== '').slice(0, 3).map((x) => ({ line: x.lineNo, text: clip(x.text), why: 'what the boot scripts printed before init left for runlevel ' + level }));
    if (boot.initFailures.length < LIMITS.initFailures) boot.initFailures.push({ service: own(step[1]!), line: stepAt.lineNo, text: clip(stepAt.text), said: [...said, { line: at.lineNo, text: clip(at.text), why: level === '0' ? 'init halts the machine while it boots' : 'init restarts the machine while it boots' }], lsb: true });
  }

  /** The first frame of the WARN machinery seen before any crash (see kernelSaid). */
  private warnFrame: Evidence | null = null;

  /** The line with content before the last one (see sawContent). */
  private prevContentLine = 0;
  private sawContent(line: number): void {
    if (line !== this.contentLine) {
      this.prevContentLine = this.contentLine;
      this.contentLine = line;
    }
  }

  /** A WARNING in a driver whose report just ended: the driver's failure lines just after are its evidence. */
  private afterWarning: { crash: CrashState; end: number; words: Set<string>; added: number } | null = null;

  /** The process systemd forked for a unit could not become the unit's program (`systemd[935]:
   *  systemd-logind.service: Failed at step SECCOMP spawning /usr/lib/systemd/systemd-logind: Invalid
   *  argument`): why that unit failed, whether its failure came before or comes after. */
  private spawnFailed(message: string, at: LineRef): void {
    const m = SPAWN_FAILED.exec(message);
    if (m === null) return;
    const unit = m[1]!;
    const ev: Evidence = { line: at.lineNo, text: clip(at.text), why: 'the process systemd forked for the unit says why it could not run' };
    this.processErrors.push({ ident: unitStem(unit), ev });
    if (this.processErrors.length > 8) this.processErrors.shift();
    const f = this.findFailure(unit);
    if (f !== null) addEvidence(f.evidence, ev);
    // (A journal excerpt that shows nothing else of it: a unit whose process could not even be run failed,
    // status 203 and the like.)
    // (`Unable to locate executable` alone is no failure: a command marked `-` may be missing, and the unit goes on.)
    else if ((message.includes(': Failed at step ') || m[2] !== undefined) && isUnitName(unit) && (this.boot === null || currentCycle(this.boot) === null || this.statusLines === 0)) this.recordFailure(this.ensureCycle(at.lineNo), parseUnitText(unit), 'failed', 'unit-failed', at, 'journal');
  }

  /** A dracut hook's service speaking (its scripts' output, forwarded with the service's name): its first
   *  errors, and its giving up to the debug shell. */
  private dracutHookSaid(ident: string, message: string, at: LineRef): void {
    const cycle = this.boot === null ? null : currentCycle(this.boot);
    if (cycle === null || cycle.mode !== null) return;
    const said = message.slice(message.indexOf(']: ') + 3);
    if (said.length > 400 || !HOOK_ERROR.test(said)) return;
    const errors = (cycle.hookErrors ??= []);
    let first = errors.find((e) => e.ident === ident);
    if (first === undefined && errors.length < 6) {
      first = { ident, ev: { line: at.lineNo, text: clip(at.text), why: `the first error in ${ident}.service` }, count: 0 };
      errors.push(first);
    }
    if (first !== undefined) first.count++;
    if (!HOOK_GAVE_UP.test(said)) return;
    if (cycle.hookGaveUp === undefined) cycle.hookGaveUp = { ident, ev: { line: at.lineNo, text: clip(at.text), why: `${ident}.service gives up to the debug shell` }, firstError: first?.ev ?? null };
    // (And says so again, from the script that called the one that failed: its last word.)
    else if (cycle.hookGaveUp.last === undefined) cycle.hookGaveUp.last = { line: at.lineNo, text: clip(at.text), why: 'dracut gives up' };
  }

  /** PID 1's last line that was no event of its own (what it said before it froze), and the three before it. */
  private lastPid1: { at: LineRef; message: string } | null = null;
  private readonly pid1Before: { at: LineRef; message: string }[] = objectList();
  /** PID 1's recent lines of its own words that speak of this unit (its reasons, said before its result). */
  private recentPid1Lines(unit: string, lineNo: number, within: number): Evidence[] {
    const out: Evidence[] = [];
    for (const p of [...this.pid1Before, this.lastPid1]) {
      if (p === null || p.at.lineNo >= lineNo || lineNo - p.at.lineNo > within || !p.message.includes(unit)) continue;
      out.push({ line: p.at.lineNo, text: clip(p.at.text), why: 'PID 1 on why it would not load the unit' });
    }
    return out;
  }

  private pid1Said(said: { at: LineRef; message: string }): void {
    if (this.lastPid1 !== null) {
      this.pid1Before.push(this.lastPid1);
      if (this.pid1Before.length > 3) this.pid1Before.shift();
    }
    this.lastPid1 = said;
  }

  /**
   * `Freezing execution.` (or `Exiting PID 1...` in a container): PID 1 gave up. Its fatal error is on the
   * line before (`[!!!!!!] …`, read already, or its own words without the status column: `Refusing to run
   * in unsupported environment where /usr/ is not populated`).
   */
  private pid1Froze(at: LineRef): void {
    const ev: Evidence = { line: at.lineNo, text: clip(at.text), why: 'PID 1 froze (or exited) after its fatal error' };
    const current = this.boot ? currentCycle(this.boot) : null;
    if (current?.fatal !== undefined) {
      addEvidence(current.fatal.evidence, ev);
      return;
    }
    let last: { at: LineRef; message: string } | null = null;
    const p = this.lastPid1;
    if (p !== null && p.at.lineNo < at.lineNo && at.lineNo - p.at.lineNo <= 3) last = p;
    for (const l of this.recentLines) {
      if (l === undefined || l.lineNo >= at.lineNo || at.lineNo - l.lineNo > 3 || l.text.trim().length < 12) continue;
      if (last === null || l.lineNo > last.at.lineNo) last = { at: l, message: l.text.trim() };
    }
    if (last === null) return this.managerFatal('Freezing execution', at, true);
    this.managerFatal(last.message, last.at);
    const fatal = this.boot ? currentCycle(this.boot)?.fatal : undefined;
    if (fatal !== undefined) addEvidence(fatal.evidence, ev);
  }

  private managerEvent(kind: string, groups: readonly string[], at: LineRef, source: 'kmsg' | 'journal' | 'console' = 'kmsg'): void {
    switch (kind) {
      case 'frozen':
        return this.pid1Froze(at);
      case 'generator-failed': {
        const what = groups[0] ?? '';
        if (this.findFailure(what) === null) this.recordFailure(this.ensureCycle(at.lineNo), parseUnitText(what), 'failed', 'unit-failed', at, source === 'console' ? 'console' : source);
        return;
      }
      case 'start-limit': {
        // Restarted too often: the unit gave up for good (start-limit-hit).
        const unit = groups[0] ?? '';
        if (!isUnitName(unit)) return;
        this.resolver.learnName(unit);
        // (Its `Failed to start …` line usually follows and records the failure; this line is evidence of it.)
        const f = this.findFailure(unit);
        const ev = { line: at.lineNo, text: clip(at.text), why: 'PID 1: it was restarted too often and gave up (start limit hit)' };
        if (f) addEvidence(f.evidence, ev);
        else this.startLimit = { name: own(unit), ev };
        return;
      }
      case 'restart-scheduled': {
        // The unit failed and is being restarted (Restart=): its failure alone broke nothing yet.
        const cycle = this.boot ? currentCycle(this.boot) : null;
        // (Counted: a unit restarted again and again never stays up; see restartLoop. Only restarts after it
        // failed, or in the words of systemd before 236, which said nothing of a clean exit: a getty restarted
        // after each logout is no loop.)
        const unit = groups[0] ?? '';
        const failedBefore = cycle?.failureByKey.get(`failed\u0000${unit}`);
        if (isUnitName(unit) && ((failedBefore !== undefined && failedBefore.verb === 'unit-failed') || at.text.includes('hold-off time over') || at.text.includes('has no hold-off time'))) {
          // (PID 1 scheduling a restart runs a userspace cycle, though the log may show nothing else of it.)
          const restarts = ((cycle ?? this.ensureCycle(at.lineNo)).restarts ??= new Map());
          const ev = { line: at.lineNo, text: clip(at.text), why: 'PID 1 scheduled a restart of it' };
          const r = restarts.get(unit);
          const counter = Number(/restart counter is at (\d+)/.exec(at.text)?.[1] ?? 0);
          if (r !== undefined) {
            r.count = Math.max(r.count + 1, counter);
            r.last = { ...ev, why: 'and again' };
          } else if (restarts.size < 16) restarts.set(own(unit), { count: Math.max(1, counter), first: ev, last: ev });
        }
        const f = cycle?.failureByKey.get(`failed\u0000${groups[0] ?? ''}`);
        if (cycle && f && f.verb === 'unit-failed') {
          this.forgetUnitFailure(cycle, f, groups[0] ?? '');
          const restarting = (cycle.restarting ??= []).filter((r) => r.ref.name !== f.ref.name);
          if (restarting.length < 16) restarting.push(f);
          cycle.restarting = restarting;
        }
        return;
      }
      case 'on-failure': {
        // (Named before or after the words, or not at all: then it is the unit whose failure PID 1 told just before,
        // `Dependency failed for Local File Systems.`, `Job failed with result 'dependency'.`.)
        const cycle0 = this.boot === null ? null : currentCycle(this.boot);
        const unit = groups[0] || groups[1] || (cycle0?.failures.filter((f) => f.line < at.lineNo && at.lineNo - f.line <= 3 && f.ref.name !== null).at(-1)?.ref.name ?? '');
        const failed = this.findFailure(unit);
        if (failed) {
          addEvidence(failed.evidence, { line: at.lineNo, text: clip(at.text), why: `${unit} failed and starts its OnFailure= units` });
          this.ensureCycle(at.lineNo).onFailure = own(unit);
        }
        if (EMERGENCY_ON_FAILURE.has(unit)) {
          const cycle = this.ensureCycle(at.lineNo);
          this.enterMode(cycle, 'emergency', at, null, `${unit} failed and pulls in emergency.target (OnFailure=)`);
        }
        return;
      }
      case 'manager-start':
        return this.managerSignal('manager', at, null, groups[0] || null);
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
        // (Older PID 1 names it by its description: `Queued start job for default target Emergency Mode.`)
        const target = groups[0] ?? '';
        cycle.defaultTarget = ownOrNull(isUnitName(target) ? target : (TARGET_BY_DESCRIPTION[target] ?? target));
        cycle.defaultTargetAt = { line: at.lineNo, text: clip(at.text) };
        return;
      }
      case 'startup-finished':
        this.ensureCycle(at.lineNo).startupFinished = ownOrNull(groups[0]);
        return;
      case 'job-timeout': {
        const unit = groups[0] ?? '';
        this.resolver.learnName(unit);
        let f = this.findFailure(unit) ?? this.namedResult(unit, 'timeout', at);
        // A device's start job timing out is the device timeout itself, when its status line was lost.
        if (f === null && unit.endsWith('.device') && isUnitName(unit)) f = this.recordFailure(this.ensureCycle(at.lineNo), parseUnitText(unit), 'timeout', 'device-timeout', at, source === 'console' ? 'console' : source);
        if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: 'PID 1: the job timed out' });
        return;
      }
      case 'isolate-failed':
      case 'job-failed':
      case 'unit-not-found': {
        const unit = groups[0] ?? '';
        if (!isUnitName(unit)) return;
        this.resolver.learnName(unit);
        if (this.findFailure(unit) === null) this.recordFailure(this.ensureCycle(at.lineNo), parseUnitText(unit), 'failed', 'unit-failed', at, source === 'console' ? 'console' : source);
        return;
      }
      case 'job-result': {
        const [prefix = '', jobUnit = '', , said = ''] = groups;
        // (A result cut off at the end of a pasted line, `… failed with result 'dependenc`: the one it begins.)
        const result = JOB_RESULT_KIND[said] !== undefined || said.length < 4 ? said : (Object.keys(JOB_RESULT_KIND).find((r) => r.startsWith(said)) ?? said);
        const unit = prefix || jobUnit;
        this.resolver.learnName(unit);
        const f = this.findFailure(unit);
        if (f) {
          this.nameIt(f, unit, at);
          addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `PID 1: job failed with result '${result}'` });
        } else {
          const cls = JOB_RESULT_KIND[result];
          const bound = cls ? this.namedResult(unit, cls, at) : null;
          // PID 1's job result is the only word of the failure (a journal grepped for one unit): it stands
          // as the failure itself, of the kind its result says.
          const stopping = this.stoppingNow();
          // (On a console only when it shows no status lines: systemd in a container logs there instead.)
          if (cls && bound === null && (source !== 'console' || this.statusLines === 0) && isUnitName(unit) && !stopping) {
            const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
            const verb: Verb = cls === 'dependency' ? 'dependency-failed' : cls === 'timeout' ? 'start-timeout' : 'start-failed';
            const f = this.recordFailure(this.ensureCycle(at.lineNo), ref, cls, verb, at, source);
            if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `PID 1: job failed with result '${result}'` });
          }
        }
        return;
      }
      case 'assert-result': {
        // The assertion's own line (`Assertion failed for Emergency Shell.`) names the unit by its
        // description only: this line binds it, before or after.
        const [unit = ''] = groups;
        this.resolver.learnName(unit);
        const f = this.findFailure(unit) ?? this.namedResult(unit, 'assert', at);
        if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: 'PID 1: the unit’s assertion failed' });
        break;
      }
      case 'cycle-member': {
        // (The cycle's units, as PID 1 lists them before it deletes a job: see cycle-deleted. PID 1 speaks: systemd runs.)
        this.recognised++;
        this.ensureCycle(at.lineNo);
        if (groups[0] === 'cycle') this.orderingCycle.length = 0;
        if (groups[0] === 'Breaking') {
          this.cycleBreaking = { unit: groups[1] ?? '', at: { lineNo: at.lineNo, text: at.text } };
          // (Its job is gone from here on, whether or not the log goes on to `Job X/start deleted …`: a unit of the
          // system's own is skipped. One of systemd's own units is left to cycle-deleted, which blames another.)
          const unit = groups[1] ?? '';
          if (source !== 'console' && isUnitName(unit) && !shippedWithSystemd(unit) && this.findFailure(unit) === null) {
            this.resolver.learnName(unit);
            const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
            const f = this.recordFailure(this.ensureCycle(at.lineNo), ref, 'skipped', 'cycle-skipped', at, source);
            if (f !== null && f.evidence[0] !== undefined) f.evidence[0].why = 'PID 1 deletes its start job to break an ordering cycle';
          }
        } else if (this.orderingCycle.length < 32 && isUnitName(groups[1] ?? '')) this.orderingCycle.push({ unit: groups[1]!, at: { lineNo: at.lineNo, text: at.text } });
        break;
      }
      case 'cycle-deleted': {
        // The job's unit never runs; the status line that says so (by description) binds to this name.
        // (A stop job deleted so, at a shutdown or a soft-reboot, leaves its unit stopped in an order nobody
        // chose: the cycle is as much a fault, though no status line says so.)
        const unit = groups[1] ?? '';
        const op = groups[2] ?? 'start';
        if (!isUnitName(unit) || (op !== 'start' && op !== 'stop')) break;
        // PID 1 deleted a job of one of systemd's own units (`local-fs-pre.target/start`), which order themselves
        // consistently: the cycle is closed by a unit of the system's own, listed among the cycle's units just
        // before (`Found dependency on coreos-tmpfiles.service/start`). That unit's ordering is the fault.
        const members = this.orderingCycle.filter((m) => at.lineNo - m.at.lineNo <= 40 && m.at.lineNo < at.lineNo);
        this.orderingCycle.length = 0;
        // (Only when it is the one such unit: of two, the log does not say whose ordering is wrong.)
        const others = shippedWithSystemd(unit) ? [...new Set(members.filter((m) => m.unit !== unit && !shippedWithSystemd(m.unit)).map((m) => m.unit))] : [];
        const blamed = others.length === 1 ? members.find((m) => m.unit === others[0]) : undefined;
        if (blamed !== undefined && source !== 'console') {
          this.resolver.learnName(blamed.unit);
          const ref: UnitRef = { name: blamed.unit, description: null, text: blamed.unit, partial: false, resolvedBy: null };
          const f = this.findFailure(blamed.unit) ?? this.recordFailure(this.ensureCycle(at.lineNo), ref, 'skipped', 'cycle-skipped', blamed.at, source);
          if (f !== null) {
            // (Its line was recorded as a skipped job's: it says why this unit is named.)
            const own = f.evidence.find((e) => e.line === blamed.at.lineNo);
            if (own !== undefined) own.why = ORDERING_CLOSED_CYCLE;
            else addEvidence(f.evidence, { line: blamed.at.lineNo, text: clip(blamed.at.text), why: ORDERING_CLOSED_CYCLE });
            addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `PID 1 deleted the ${op} job of ${unit}, one of systemd's own units, to break the cycle` });
          }
          break;
        }
        this.resolver.learnName(unit);
        let f = op === 'stop' ? null : this.findFailure(unit) ?? this.namedResult(unit, 'skipped', at);
        if (f === null && source !== 'console') {
          const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
          f = this.recordFailure(this.ensureCycle(at.lineNo), ref, 'skipped', 'cycle-skipped', at, source);
        }
        if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `PID 1 deleted its ${op} job to break an ordering cycle (starting with ${groups[3] ?? '?'})` });
        // (PID 1 said which job it would delete just before, in the words of its older versions.)
        const breaking = this.cycleBreaking;
        this.cycleBreaking = null;
        if (f && breaking !== null && breaking.unit === unit && at.lineNo - breaking.at.lineNo <= 3 && at.lineNo > breaking.at.lineNo) addEvidence(f.evidence, { line: breaking.at.lineNo, text: clip(breaking.at.text), why: 'PID 1 chose this job to delete' });
        break;
      }
      case 'bad-setting': {
        // The unit never starts: PID 1 would not load its unit file. (Said once, as the target that wants
        // it is started; no status line follows.)
        const [unit = ''] = groups;
        if (!isUnitName(unit) || source === 'console') break;
        this.resolver.learnName(unit);
        const known = this.findFailure(unit);
        const f = known ?? this.recordFailure(this.ensureCycle(at.lineNo), { name: unit, description: null, text: unit, partial: false, resolvedBy: null }, 'failed', 'unit-failed', at, source);
        if (f) {
          if (known === null && f.evidence[0] !== undefined) f.evidence[0].why = BAD_UNIT_FILE;
          else addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: BAD_UNIT_FILE });
          // (PID 1's reason, said as it loaded the unit a few lines before: `lab-typo.service: Service has no
          // ExecStart=, … Refusing.`, the file's line with the mistyped key.)
          for (const e of this.recentPid1Lines(unit, at.lineNo, 12)) addEvidence(f.evidence, e);
        }
        break;
      }
      case 'unit-error': {
        // Evidence of the unit's failure, reported after this line or before it; never a failure by itself.
        const [unit = ''] = groups;
        if (!isUnitName(unit)) break;
        const f = this.findFailure(unit);
        if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: 'PID 1 says what went wrong with the unit' });
        else this.rememberResult(unit, 'failed', at);
        break;
      }
      case 'unit-result': {
        const [unit = '', result = ''] = groups;
        // A socket (or path, or timer) whose service hit its start limit (`systemd-journald.socket: Failed with
        // result 'service-start-limit-hit'.`): it failed for want of that service, as a [DEPEND] does. (systemd's
        // own words for it: trusted without PID 1's prefix.)
        if (result === 'service-start-limit-hit' && /\.(?:socket|path|timer)$/.test(unit) && isUnitName(unit) && this.findFailure(unit) === null) {
          this.resolver.learnName(unit);
          const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
          const f = this.recordFailure(this.ensureCycle(at.lineNo), ref, 'dependency', 'dependency-failed', at, source);
          if (f) {
            // (Its result as PID 1 said it, which the cascade reads: not the `dependency` of a [DEPEND].)
            f.result = result;
            addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `PID 1: unit failed with result '${result}'` });
          }
          return;
        }
        // A line read without PID 1's prefix may be the cut tail of a wrapped one: its unit must be one
        // the log named elsewhere before it stands as a failure of its own.
        const trusted = source !== 'console' || this.resolver.knows(unit);
        this.resolver.learnName(unit);
        let f = this.findFailure(unit);
        if (f === null) f = this.namedResult(unit, 'failed', at);
        // (Known already, from its own process's error in a `journalctl -u` of it: PID 1's
        // `Failed to start <description>.` after this line is still the same unit's.)
        else this.rememberResult(unit, 'failed', at);
        const stopping = this.stoppingNow(unit);
        // `Stopped Foo.` then `foo.service: Failed with result 'signal'`: the signal was the stop's own
        // SIGTERM (a journal filtered to one unit shows no shutdown around it), not a failure to run.
        const stop = this.lastStop;
        // (Not in the initrd: there nothing is stopped but by the switch to the real root, and a unit that the
        // switch killed, initrd-cleanup.service stopped by its own `systemctl isolate`, leaves the initrd stuck.)
        const cycle = this.boot !== null ? currentCycle(this.boot) : null;
        const inInitrd = cycle !== null && cycle.phases[cycle.phases.length - 1]!.name === 'initrd';
        const killedByItsStop = (result === 'signal' || result === '') && stop !== null && at.lineNo - stop.line <= 3 && (stop.name === null || stop.name === unit) && !inInitrd;
        if (f === null && isUnitName(unit) && !stopping && !killedByItsStop && trusted) {
          // A unit that started and then failed has no status line of its own: this line is its failure.
          const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
          f = this.recordFailure(this.ensureCycle(at.lineNo), ref, 'failed', 'unit-failed', at, source);
          if (f) this.attachEarlier(f, unit, null);
        }
        if (f) {
          f.result ??= clip(result);
          addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: `PID 1: unit failed with result '${result}'` });
          this.startLimitEvidence(f);
          // (Its result comes long after the failure was first seen (a journal dumped after the console's
          // status line): its process's errors just before the result are its evidence too.)
          // (Or when it was first seen in `systemctl status`'s header, whose journal lines follow below it.)
          if (at.lineNo - f.line > NEAR_LINES || f.source === 'systemctl') this.processEvidence(f, at);
        }
        return;
      }
      case 'process-exited':
      case 'operation-timeout':
      case 'stop-timeout':
      case 'mount-timeout': {
        const unit = groups[0] || groups[1] || '';
        this.resolver.learnName(unit);
        const success = kind === 'process-exited' && /^code=exited,? status=0(?:\/|$)/.test(groups[1] ?? '');
        let f = this.findFailure(unit) ?? (success ? null : this.namedResult(unit, 'failed', at));
        // (`foo.service: Start operation timed out. Terminating.`: the start failed, whatever comes after it,
        // and a log cut short may not show PID 1's result line. Where the console shows status lines, its
        // own `[FAILED]` line, which may name the unit by description only, is that failure.)
        const startTimeout = kind === 'operation-timeout' && this.statusLines === 0 && /: [Ss]tart(?:-pre|-post)? operation timed out/.test(at.text);
        // A unit's main (or mount, or swap) process that exited with failure: PID 1 logs that only when it
        // failed (a clean exit is a debug message), and says `Failed with result` next, unless the log
        // stops here. (A stop's own SIGTERM is no failure; a restart scheduled after it drops it again.)
        const stop = this.lastStop;
        // (Only an exit status or a crash: SIGTERM, SIGINT, SIGHUP and SIGPIPE end a service cleanly.)
        const exitFailed =
          kind === 'process-exited' &&
          !success &&
          source !== 'console' &&
          /: (?:[Mm]ain|[Cc]ontrol|[Mm]ount|[Ss]wap) process exited/.test(at.text) &&
          /^code=(?:exited,? status=[1-9]|dumped|killed,? status=\d+\/(?:SEGV|ABRT|BUS|ILL|FPE|SYS))/.test(groups[1] ?? '') &&
          !(stop !== null && at.lineNo - stop.line <= 3);
        if (f === null && (exitFailed || (startTimeout && source !== 'console')) && !this.stoppingNow(unit) && isUnitName(unit)) {
          const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
          f = this.recordFailure(this.ensureCycle(at.lineNo), ref, 'failed', 'unit-failed', at, source);
          if (f) {
            if (startTimeout) f.result ??= 'timeout';
            this.attachEarlier(f, unit, null);
          }
        }
        // (A unit killed because it would not stop: the shutdown or restart waited its whole stop timeout on it.)
        // (A service's: a session's scope killed at a shutdown is the session's processes lingering, no service's fault.)
        if (f === null && kind === 'stop-timeout' && source !== 'console' && unit.endsWith('.service') && isUnitName(unit)) {
          const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
          // (Failed, as PID 1's result for it says next: `Failed with result 'timeout'`.)
          const shutdown = this.stoppingNow(unit);
          f = this.recordFailure(this.ensureCycle(at.lineNo), ref, 'failed', 'stop-timeout', at, source);
          if (f !== null) {
            f.result ??= 'timeout';
            if (shutdown) f.atShutdown = true;
          }
        }
        if (f === null && kind === 'mount-timeout' && source !== 'console') {
          // `backup.mount: Mounting timed out. Stopping.`: the mount failed, whatever PID 1 says after it.
          const stopping = this.stoppingNow();
          if (!stopping && isUnitName(unit)) {
            const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
            f = this.recordFailure(this.ensureCycle(at.lineNo), ref, 'timeout', unit.endsWith('.swap') ? 'swap-failed' : 'mount-timeout', at, source);
          }
        }
        if (f) {
          this.coredumpEvidence(f, kind === 'process-exited' ? at.text : '', at.lineNo);
          addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: 'PID 1 on the unit’s process' });
        }
        return;
      }
      default:
        return;
    }
  }

  // ---- unit messages -------------------------------------------------------------------------

  /** A unit (or a description) the cycle's manager spoke of, within the memory limits. */
  private seeUnit(cycle: CycleState, key: string): void {
    if (cycle.unitsSeen.has(key)) return;
    if (cycle.unitsSeen.size < LIMITS.unitsPerCycle && this.retainedUnits < LIMITS.unitsRetained) {
      cycle.unitsSeen.add(own(key));
      this.retainedUnits++;
    } else {
      cycle.unitsDropped++;
      this.capped.units++;
    }
  }

  /** A reference without a name, named if the log or the table can. Named by the table (a template's
   *  description: `Resume from hibernation using device …`), what the log printed describes that unit
   *  in the report (it names nothing: the log did not bind it). */
  private resolveRef(ref: UnitRef, hint: UnitTypeHint): UnitRef {
    const r = this.resolver.resolve(ref, hint);
    if (r.resolvedBy === 'table' && r.name !== null && r.description !== null) this.resolver.printedAs(r.name, r.description);
    return r;
  }

  private unitMessage(msg: StatusMessage, at: LineRef, source: 'console' | 'kmsg' | 'journal'): void {
    const ref = this.unitRefOf(msg);
    const cycle = this.ensureCycle(at.lineNo);
    const name = ref.name;
    const key = name ?? ref.text;
    this.seeUnit(cycle, key);
    this.statusSeq++;
    this.lastStartBegin = msg.verb === 'start-begin' ? { key, seq: this.statusSeq } : null;
    if (msg.verb === 'start-begin' && name === null) this.noteBegun(ref.text, at.lineNo);
    // (The console's status lines in order, the kernel's lines between them not counted.)
    const prevConsoleStatus = this.consoleStatusLine;
    if (source === 'console') this.consoleStatusLine = at.lineNo;
    // (Startup only: a shutdown's stops are not starts.)
    if (this.clockT === this.clockT && cycle.phases[cycle.phases.length - 1]!.name !== 'shutdown') (cycle.starts ??= new StartTimes()).message(key, msg.verb, this.clockT, this.clockWall, this.clockExact, at.lineNo);

    if (msg.verb === 'not-active') {
      this.notActive = { ref, at, last: at.lineNo, recorded: false };
      return;
    }
    // The [DEPEND]s right after `[ INFO ] X is not active.` are of the units that required X: X, not
    // running, is their cause.
    const na = this.notActive;
    if (na !== null && (msg.verb !== 'dependency-failed' || at.lineNo - na.last > 2)) this.notActive = null;
    else if (na !== null) {
      na.last = at.lineNo;
      if (!na.recorded) {
        na.recorded = true;
        const f = this.recordFailure(cycle, na.ref, 'failed', 'not-active', na.at, source);
        if (f) {
          f.evidence[0]!.why = 'systemd: the unit was not active, and the units that required it follow';
          addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: 'a unit that required it could not start' });
        }
      }
    }

    if (msg.verb === 'see-status') {
      // `See 'systemctl status X'` names the unit of the failure just printed, in full.
      const last = this.lastReported(cycle);
      // (Or the console's last status line, with only the kernel's lines of another writer between.)
      const adjacent = last !== undefined && last.kind !== 'dependency' && (at.lineNo - last.lastLine <= 2 || (source === 'console' && prevConsoleStatus === last.lastLine && at.lineNo - last.lastLine <= 8));
      // Right after the failure, systemd's pointer names that unit, whatever the status line shows: a
      // whole description, or one ellipsized (a description has spaces; an ellipsized unit name has none,
      // and must fit the name).
      const text = last?.ref.text ?? '';
      // (A name systemd's table gave the description yields to the one systemd points at: `File System
      // Check on /dev/disk/by-label/\x2f` is systemd-fsck-root.service, not the template's instance.)
      const guessed = last !== undefined && last.ref.resolvedBy === 'table' && adjacent && name !== null && last.ref.name !== name;
      if (last && (last.ref.name === null || guessed) && name !== null && (fitsEllipsized(text, name) || (adjacent && (!text.includes('…') || text.includes(' '))))) {
        last.ref = { ...last.ref, name, partial: false, resolvedBy: 'log' };
        this.named(cycle, last);
        cycle.failureByKey.set(last.ref.name!, last);
        cycle.failureByKey.set(own(`${last.kind}\u0000${name}`), last);
        if (!last.ref.text.includes('…')) this.resolver.learn({ name, description: last.ref.text, text: last.ref.text, partial: false, resolvedBy: null });
        // (Now that it has a name, its own process's errors just before are its evidence.)
        if (last.kind !== 'dependency') this.processEvidence(last, { lineNo: last.line, text: last.message });
      } else if (last && last.ref.name === null && name === null && adjacent && text.includes('…') && ELLIPSIZED_NAME.test(msg.unitText)) {
        // Both shortened by systemd (`File System Check o…03f04-af81-…` and `systemd-fsck@dev…\x2de788adfa1d51.service`):
        // the name as printed says more than the description (its type, its template).
        last.ref = { ...last.ref, name: msg.unitText, partial: true, resolvedBy: 'log' };
        this.named(cycle, last);
        cycle.failureByKey.set(msg.unitText, last);
      }
      const f = name ? cycle.failureByKey.get(name) : undefined;
      if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: 'systemd points at the unit’s status' });
      // systemd points so only at a unit whose start failed: with no failure above it to name (its `[FAILED]`
      // torn apart by the kernel's lines, or cut off before an excerpt began), the pointer is the failure.
      else if (name !== null && (last === undefined || last.ref.name !== null || !adjacent) && this.findFailure(name) === null) {
        const ref: UnitRef = { name, description: null, text: name, partial: false, resolvedBy: 'log' };
        const g = this.recordFailure(cycle, ref, 'failed', 'unit-failed', at, source);
        if (g) g.evidence[0]!.why = 'systemd points at the status of a unit whose start failed (its own status line is not whole in the log)';
      }
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
    if ((msg.verb === 'started' || msg.verb === 'start-begin') && (name === 'emergency.service' || (name === null && ref.text === 'Emergency Shell'))) this.enterMode(cycle, 'emergency', at, null);
    if ((msg.verb === 'started' || msg.verb === 'start-begin') && name === 'rescue.service') this.enterMode(cycle, 'rescue', at, null);
    if ((msg.verb === 'started' || msg.verb === 'start-begin') && name === 'dracut-emergency.service') this.enterMode(cycle, 'dracut-shell', at, null);
    if (msg.verb === 'stopped-target' && (name === 'multi-user.target' || name === 'graphical.target') && cycle.mode === null) {
      this.cyclePhase(cycle, 'shutdown', at.lineNo);
    }

    if (name !== null && name.endsWith('.mount')) {
      if (msg.verb === 'mount-begin') {
        this.mountsBegun.set(name, at.lineNo);
        if (this.mountsBegun.size > 64) this.mountsBegun.delete(this.mountsBegun.keys().next().value!);
      } else if (MOUNT_VERBS.has(msg.verb)) this.mountsBegun.delete(name);
    }
    if (msg.verb === 'stopped') {
      this.lastStop = { name, line: at.lineNo };
      this.failedWhileStopping(cycle, ref, at);
    }
    if (msg.verb === 'started' && cycle.restarting !== undefined) cycle.restarting = cycle.restarting.filter((r) => r.ref.name !== name && r.ref.description !== ref.text);
    if (source === 'console') this.consoleStatusSeq++;
    if (source === 'console' && (msg.verb === 'started' || msg.verb === 'stopped' || msg.verb === 'stop-begin') && (name === null ? !ref.text.includes('…') : name.endsWith('.service'))) {
      this.countStart(cycle, name ?? ref.text, msg.verb === 'started', at, name === null);
    }
    // The latest start begun, and whether anything was said of it since (see startCutShort in the report).
    if (msg.verb === 'start-begin') cycle.lastBegun = { ref, at, ended: false };
    else if (cycle.lastBegun !== undefined && (ref.text === cycle.lastBegun.ref.text || (name !== null && name === cycle.lastBegun.ref.name))) cycle.lastBegun.ended = true;
    const job = cycle.jobs.get(key);
    if (job && job.outcome === null && msg.verb !== 'start-begin' && msg.verb !== 'stop-begin' && msg.verb !== 'mount-begin') job.outcome = msg.verb;

    const kind = VERB_FAILURE[msg.verb];
    if (kind !== undefined) {
      const f = this.recordFailure(cycle, ref, kind, msg.verb, at, source);
      if (f) this.startLimitEvidence(f);
    }
  }

  /** The unit a status message names, or the one its description or path stands for (see unitMessage). (On its own:
   *  each of unitMessage's parts compiled apart, see kernel.) */
  private unitRefOf(msg: StatusMessage): UnitRef {
    let ref = parseUnitText(msg.unitText);
    if (ref.name !== null) this.resolver.learn(ref);
    else {
      ref = this.resolveRef(ref, typeHint(msg.verb));
      // A device fails no dependency of its own: a cut `[DEPEND]` that fits a device's name and path is the
      // swap on that device (`dev-disk-by\…0b0b-dead-beef-0000-0123456789ab`, named and described by them too).
      if (msg.verb === 'dependency-failed' && ref.name !== null && ref.name.endsWith('.device') && ref.text.includes('…')) ref = { ...ref, name: `${ref.name.slice(0, -'.device'.length)}.swap` };
      // A unit the log never names: its description in full, as an earlier line printed it, stands for it.
      if (ref.name === null && ref.text.charCodeAt(0) !== 0x2f /* / */) {
        const full = ref.text.includes('…') ? this.resolver.fitDescription(ref.text) : null;
        if (full !== null) ref = { ...ref, text: full, description: full };
        else this.resolver.learnDescription(ref.text);
      }
    }
    // A device path whose leading `/` a console mangled into block or replacement characters (a colour
    // escape read by the wrong terminal: `▒▒dev/disk/by-label/data`).
    if (ref.name === null && DEVICE_VERBS.has(msg.verb)) {
      // (Or the tail of a colour escape that lost its ESC and `[`: `??m/dev/disk/by-label/root`.)
      const mangled = /^(?:[\u2591-\u2593\ufffd?]{1,4}|[\u2591-\u2593\ufffd?]{0,4}\[?[\d;]*m\/)(dev\/\S+)$/.exec(ref.text);
      if (mangled) ref = { ...ref, text: '/' + mangled[1]! };
    }
    // (A path cut short, `/dev…b-dead-beef-0000-0123456789ab`, names no unit: its escape would be of the cut.)
    if (ref.name === null && /^\/\S*$/.test(ref.text) && !ref.text.includes('…')) {
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
          : DEVICE_VERBS.has(msg.verb)
            ? deviceUnitForPath(ref.text)
            : null;
      if (name !== null) ref = { ...ref, name, description: ref.text, partial: false, resolvedBy: 'log' };
    }
    return ref;
  }

  /**
   * A service's `Started` status line again in the same cycle, with no stop of it between: PID 1 restarted it
   * (Restart=) after its process exited. After the first login prompt the console usually shows no more of
   * it (PID 1 keeps quiet while a getty holds the console), so a daemon that exits at once shows as the same
   * `[  OK  ] Started` line a few times and nothing else. Counted as restarts (see restartLoop in the report).
   * By description (systemd before 243), a start right after the last one, no other status line between, is
   * another instance of one template that shares it (`Started Phosphor Hwmon Poller.` for each sensor, all at
   * once): a restart comes after its RestartSec, other units' lines between.
   */
  private consoleStatusSeq = 0;
  private countStart(cycle: CycleState, key: string, started: boolean, at: LineRef, byDescription: boolean): void {
    const starts = (cycle.startCounts ??= new Map());
    if (!started) {
      starts.delete(key);
      return;
    }
    const ev = { line: at.lineNo, text: clip(at.text), why: 'systemd started it' };
    const s = starts.get(key);
    // (Counted in the console's own status lines: PID 1's kmsg copy of each, early in a boot, is no line between.)
    const seq = this.consoleStatusSeq;
    if (s === undefined) {
      if (starts.size < 512) starts.set(own(key), { count: 1, first: ev, last: ev, seq, burst: false });
      return;
    }
    const burst = byDescription && seq - s.seq <= 1;
    s.seq = seq;
    if (burst || s.burst) {
      // (Instances: never a loop, however many.)
      s.burst = true;
      return;
    }
    s.count++;
    s.last = { ...ev, why: `and started it again (${s.count} starts): its process had exited` };
    const restarts = (cycle.restarts ??= new Map());
    const r = restarts.get(key);
    if (r === undefined) {
      if (restarts.size < 16) restarts.set(own(key), { count: s.count - 1, first: s.first, last: s.last, fromStatus: true });
    } else if (r.fromStatus === true) {
      r.count = s.count - 1;
      r.last = s.last;
    }
  }

  /** `foo.service: Start request repeated too quickly.` comes before the failure it explains. */
  private startLimit: { name: string; ev: Evidence } | null = null;
  private startLimitEvidence(f: FailureState): void {
    const s = this.startLimit;
    if (s === null || (f.ref.name !== s.name && f.lastLine - s.ev.line > 2)) return;
    addEvidence(f.evidence, s.ev);
    this.startLimit = null;
  }

  /** The current cycle is shutting down or handing over (switch-root, soft-reboot, reexec): a unit's
   *  result then is its stop's, not a failure to run. */
  private stoppingNow(unit = ''): boolean {
    const cycle = this.boot ? currentCycle(this.boot) : null;
    if (cycle === null) return false;
    if (cycle.phases.at(-1)?.name === 'shutdown') return true;
    // The unit that does the switch failing is the switch failing, not a unit stopped on the way.
    return cycle.pending !== null && !(cycle.pending === 'switch-root' && unit === 'initrd-switch-root.service');
  }

  /** mount(8) failed on the console of a boot that runs no systemd (yet): an init script's mount, unless it
   *  is the initramfs's mount of the root (its own cause, read elsewhere). The kernel's line just before,
   *  from the same file system (`tmpfs: Unknown parameter 'mode'` before `mount: mounting tmpfs on /tmp
   *  failed: Invalid argument`), says why. Whether it was an init's is decided at the end. */
  private initMountError(path: string, at: LineRef): void {
    const boot = this.boot;
    if (INITRAMFS_ROOT.test(path) || (boot !== null && (!boot.hasKernel || this.systemdRunning()))) return;
    const list = boot !== null ? (boot.mountErrors ??= []) : this.earlyMounts;
    if (list.length >= 3) return;
    const message = at.text.trim();
    const fs = /^mount: mounting (\S+) on /.exec(message)?.[1];
    const kernel = fs !== undefined && at.lineNo - this.k1Line <= 3 && this.k1Message.startsWith(`${fs}: `) ? { line: this.k1Line, text: clip(this.k1Text), message: clip(this.k1Message.trim()) } : null;
    list.push({ line: at.lineNo, text: clip(at.text), message: clip(message), kernel });
  }

  /** mount(8)'s failures printed before anything showed a boot (an excerpt that begins with them): they are
   *  the boot's that the log turns out to begin in the middle of, when it does so soon after them. */
  private earlyMounts: NonNullable<BootState['mountErrors']> = [];
  protected override startBoot(reason: BootStartReason, line: number): BootState {
    const boot = super.startBoot(reason, line);
    const early = this.earlyMounts;
    if (early.length > 0) {
      this.earlyMounts = [];
      if (reason === 'log-start' && boot.index === 1 && line - early[0]!.line <= NEAR_LINES) {
        boot.startLine = early[0]!.line;
        boot.mountErrors = early;
      }
    }
    return boot;
  }

  /** The time of the unit message being read (NaN: its line has none, and none came before it), on which
   *  clock, and whether the line carries it (three fields, not an object: set on every status line). */
  private clockT = NaN;
  private clockWall = false;
  private clockExact = false;
  /** A console's status lines carry no time: the kernel's last stamp stands in. */
  private consoleClock(): void {
    const t = this.boot === null ? null : this.boot.lastUptime;
    this.clockT = t === null ? NaN : t;
    this.clockWall = false;
    this.clockExact = false;
  }
  private setClock(c: Clock | null): void {
    this.clockT = c === null ? NaN : c.t;
    this.clockWall = c !== null && c.clock === 'wall';
    this.clockExact = c !== null && c.exact;
  }

  private readonly journalOnly: { count: number; first: number | null } = { count: 0, first: null };
  /** systemd status lines seen (a console that shows them shows each failure as one too). */
  private statusLines = 0;
  /** The latest kernel failures (a mount failure's evidence is what the kernel said just before it). */
  private recentKernelFailures: NonNullable<BootState['kernelFailures']> | undefined;
  /** The first damage a filesystem named as such (`BTRFS critical (device sda2): corrupt leaf: …`) in this boot. */
  private namedDamage: NonNullable<BootState['kernelFailures']>[number] | null = null;
  /** The last eight lines, whatever they were (PID 1's fatal error is explained by the lines before it). */
  // (Its eight places there from the start, empty until written, as its readers expect: a write past the end of the
  // list, at each analysis's first lines, threw away the optimized code of push, this layer's largest function.)
  private readonly recentLines: LineRef[] = ring(8);

  protected plainLinesBefore(line: number, within: number): LineRef[] {
    return this.recentLines.filter((l) => l !== undefined && l.lineNo < line && line - l.lineNo <= within);
  }
  private recentAt = 0;

  /**
   * What a service printed just before its init system said it failed (OpenRC's ` * Starting networking
   * ...ifquery: could not parse /etc/network/interfaces`, then ` * ERROR: networking failed to start`):
   * the lines of the three before it that name the service or say an error.
   */
  private serviceSaid(service: string, at: LineRef): Evidence[] {
    const name = service.trim();
    // (The kernel's last line too: OpenWrt's fstools write to the kernel's log.)
    // (And the kernel's lines among them: a user-space fault the kernel reported, `makedumpfile[469]: unhandled signal 7 …`.)
    const kernel = this.recentKernelLines(at.lineNo, 8).map((k) => ({ lineNo: k.line, text: k.text }));
    const lines = [...this.recentLines, ...kernel];
    const near = lines.filter((l, i) => l !== undefined && l.lineNo < at.lineNo && at.lineNo - l.lineNo <= 8 && lines.findIndex((x) => x?.lineNo === l.lineNo) === i).sort((a, b) => a!.lineNo - b!.lineNo) as LineRef[];
    // Another service's finished status line in between (`Starting bluetoothd: OK`) closes what came before.
    const other = near.findLastIndex((l) => !(name.length >= 3 && l.text.includes(name)) && OTHER_STATUS_DONE.test(l.text));
    const said = near
      .slice(other + 1)
      .filter((l) => PROCESS_ERROR.test(l.text) || (name.length >= 3 && l.text.includes(name)))
      .map((l) => ({ line: l.lineNo, text: clip(l.text), why: `what ${name.length > 40 ? 'it' : name} printed before it failed` }));
    // The kernel's storage errors that led up to it (a flash that would not erase, under OpenWrt's overlay).
    const burst = kernelErrorBurst(this.recentKernelErrors, at.lineNo, this.kernelErrorBurstStart);
    return [...burst, ...said.filter((e) => !burst.some((b) => b.line === e.line))];
  }

  /** An untimed banner taken for `/proc/version` printed, until the next line says otherwise (see kernel()). */
  private skippedBanner: Extract<ConsoleRecord, { kind: 'kernel' }> | null = null;
  private bannerConfirmed = false;

  /** PID 1's `Failed to mount cgroup at …` on the console, the last seen. */
  private cgroupMountFailed: LineRef | null = null;

  /**
   * `[!!!!!!] Failed to allocate manager object, freezing.`: PID 1 itself failed, before or instead of
   * running any unit (a container without the cgroups or mounts it needs, a broken upgrade). systemd logs
   * the innermost error first and each caller restates it with the same errno
   * (`Failed to create /init.scope control group: Read-only file system`, then `Failed to allocate manager
   * object: Read-only file system`): the first line of that chain is the cause.
   */
  private managerFatal(message: string, at: LineRef, crashed = false, provisional = false): void {
    this.recognised++;
    const said = message.replace(/(?:, freezing)?\.?$/, '');
    const before = this.recentLines.filter((l) => l !== undefined && l.lineNo < at.lineNo && at.lineNo - l.lineNo <= 8).sort((a, b) => a.lineNo - b.lineNo);
    const evidence: Evidence[] = [];
    let cause = said;
    let i = crashed ? -1 : before.findLastIndex((l) => l.text.includes(said + ': '));
    // PID 1 crashed (`Caught <SEGV>, dumped core as pid 3.`) right after an error of its own (`Failed to enqueue
    // loopback interface start request: Operation not supported`): it crashed handling that error, which is
    // the cause.
    // (Or on an assertion of its own that failed: it aborted there.)
    const assertion = crashed ? [...this.pid1Before, this.lastPid1].find((p) => p !== null && p.at.lineNo < at.lineNo && at.lineNo - p.at.lineNo <= 4 && PID1_ASSERTION.test(p.message.trim())) : undefined;
    if (assertion !== undefined && assertion !== null) {
      cause = assertion.message.trim();
      addEvidence(evidence, { line: assertion.at.lineNo, text: clip(assertion.at.text), why: 'PID 1: the assertion that failed, which aborted it' });
    } else if (crashed) {
      const last = before.at(-1);
      if (last !== undefined && at.lineNo - last.lineNo <= 2 && /^(?:systemd\[1\]: )?Failed to .*: \S/.test(last.text.trim()) && !last.text.includes(', ignoring')) {
        cause = last.text.trim().replace(/^systemd\[1\]: /, '');
        addEvidence(evidence, { line: last.lineNo, text: clip(last.text), why: 'PID 1: the error it crashed on' });
      }
    }
    // (An error PID 1 logs and goes on from, `Failed to install release agent, ignoring: …`, is no link.)
    const link = (l: LineRef, errno: string): boolean => l.text.trimEnd().endsWith(': ' + errno) && !l.text.includes(', ignoring: ');
    if (i >= 0) {
      const errno = before[i]!.text.slice(before[i]!.text.indexOf(said + ': ') + said.length + 2).trim();
      while (i > 0 && before[i - 1]!.lineNo === before[i]!.lineNo - 1 && link(before[i - 1]!, errno)) i--;
      cause = before[i]!.text.trim().replace(/^systemd\[1\]: /, '');
      for (const l of before.slice(i)) addEvidence(evidence, { line: l.lineNo, text: clip(l.text), why: 'PID 1: the error, restated by each caller' });
    } else if (!crashed) {
      // Not restated: PID 1's errors just before it are what it could not do (`Failed to mount cgroup at
      // /sys/fs/cgroup/systemd: Operation not permitted`, then `[!!!!!!] Failed to mount API filesystems`);
      // the first of them, with its errno, is the cause.
      // (Its module loading before the mounts, `Failed to look up module alias 'autofs4': Function not implemented`
      // in a container, never stops it: not a link.)
      let k = before.length;
      while (k > 0 && before[k - 1]!.lineNo === (before[k]?.lineNo ?? at.lineNo) - 1 && /^(?:systemd\[1\]: )?Failed to .*: \S/.test(before[k - 1]!.text.trim()) && !before[k - 1]!.text.includes(', ignoring: ') && !before[k - 1]!.text.includes('Failed to look up module alias ')) k--;
      if (k < before.length) cause = before[k]!.text.trim().replace(/^systemd\[1\]: /, '');
      // (The first of them, the cause, and the last two before its last words.)
      for (const l of k < before.length ? [before[k]!, ...before.slice(Math.max(k + 1, before.length - 2))] : []) addEvidence(evidence, { line: l.lineNo, text: clip(l.text), why: 'PID 1: what failed just before it gave up' });
      // (Or on the kernel's log, a line or two up, an audit record between: `systemd[1]: Failed to initialize
      // SELinux labeling handle: Permission denied` before `[!!!!!!] Failed to initialize MAC support.`)
      const p = this.lastPid1;
      if (k === before.length && p !== null && p.at.lineNo < at.lineNo && at.lineNo - p.at.lineNo <= 3 && /^Failed to .*: \S/.test(p.message) && !p.message.includes(', ignoring: ')) {
        // (Restated by each caller on the kernel's log too, an audit record between: `Failed to create
        // /init.scope control group: Permission denied`, then `Failed to allocate manager object: Permission
        // denied`: the first is the cause.)
        const errno = p.message.trim().slice(p.message.lastIndexOf(': ') + 2);
        const chain = [p];
        for (let j = this.pid1Before.length - 1; j >= 0; j--) {
          const q = this.pid1Before[j]!;
          if (chain[0]!.at.lineNo - q.at.lineNo > 3 || !/^Failed to .*: \S/.test(q.message) || q.message.includes(', ignoring: ') || !q.message.trimEnd().endsWith(': ' + errno)) break;
          chain.unshift(q);
        }
        cause = chain[0]!.message.trim();
        for (const q of chain) addEvidence(evidence, { line: q.at.lineNo, text: clip(q.at.text), why: chain.length > 1 ? 'PID 1: the error, restated by each caller' : 'PID 1: what failed just before it gave up' });
        // (The security module's denial of what PID 1 tried, just before: `audit: type=1400 … avc:  denied
        // { write } for  pid=1 comm="systemd" …`, then `Failed to create /init.scope control group: Permission denied`.)
        for (const k of this.recentKernelLines(chain[0]!.at.lineNo, 3)) {
          if (k.message.includes(' denied ') && k.message.includes(' pid=1 ')) addEvidence(evidence, { line: k.line, text: clip(k.text), why: 'the security policy denied PID 1 what it then failed to do' });
        }
      }
    }
    // Its cgroup hierarchy could not be made (`Failed to create root cgroup hierarchy: No such file or directory`)
    // because the cgroup file system was not mounted (`Failed to mount cgroup at /sys/fs/cgroup/systemd:
    // Permission denied`, in a container, before its banner): that mount is the cause.
    const cg = this.cgroupMountFailed;
    if (cg !== null && /cgroup|control group/.test(cause) && cg.lineNo < at.lineNo && at.lineNo - cg.lineNo <= 40 && !cause.includes('Failed to mount cgroup at ')) {
      cause = cg.text.trim().replace(/^systemd\[1\]: /, '');
      evidence.unshift({ line: cg.lineNo, text: clip(cg.text), why: 'PID 1 could not mount the cgroup file system its hierarchy needs' });
    }
    // It could not run init, then not its fallback shell either: the first it could not run is the cause.
    const first = this.initExecFailed;
    if (first !== null && said.startsWith('Failed to execute fallback shell') && first.lineNo < at.lineNo && at.lineNo - first.lineNo <= 6) {
      cause = first.text.replace(/^\[\s*!!\s*\]\s*/, '').trim();
      evidence.unshift({ line: first.lineNo, text: clip(first.text), why: 'PID 1 could not run init' });
    }
    addEvidence(evidence, { line: at.lineNo, text: clip(at.text), why: 'PID 1 failed and froze or exited' });
    // (A log that begins with the chain begins the boot there.)
    // (Its last words may come before the line that began the boot: `Freezing execution.` after them.)
    const fresh = this.boot === null;
    const cycle = this.ensureCycle(this.boot === null ? evidence[0]!.line : Math.max(at.lineNo, this.boot.startLine));
    // (PID 1's setup failing before anything else of a boot showed, no kernel's lines before it: PID 1's start
    // is the log's, a container's (`docker start`, `runc run`, `podman start` printed just before).)
    if (fresh && !crashed && this.boots.length === 1) this.boot!.container = true;
    if (cycle.fatal !== undefined && cycle.fatal.provisional !== true) return;
    // (A crash whose reason is not known yet stands until one said with its reason comes: the same crash in a
    // journal after the console's broadcast of it, `Assertion '…' failed at …` before its `Caught <ABRT>`.)
    if (crashed && cause === said) provisional = true;
    // (The cause is the root cause's name: kept whole up to a longer limit, a container's cgroup path and all.)
    cycle.fatal = { message: own(said), cause: own(clip(cause, LIMITS.evidenceText * 2)), line: at.lineNo, evidence, provisional };
    this.touch();
  }

  /** What systemd-shutdown said, on the kernel's log or in a journal. It runs as PID 1 in place of systemd: the
   *  cycle it ends was systemd's, even when the log shows no more of it than this. */
  private shutdownSaid(said: string, at: LineRef): void {
    const cycle = this.ensureCycle(at.lineNo);
    this.cyclePhase(cycle, 'shutdown', at.lineNo);
    // It could not finish the shutdown and freezes (`Failed to invoke reboot(): Operation not permitted`,
    // then `Critical error while doing system shutdown: Operation not permitted`): its error before is why.
    // (An error it went on after, `Failed to enumerate /proc/: Invalid argument` as it would kill what was left,
    // is a step of the shutdown that failed; those it shrugs off end `, ignoring`.)
    if (said.startsWith('Failed to ') && !said.includes('ignoring')) {
      this.shutdownError = { at, said };
      if (cycle.shutdownFailed === undefined) {
        this.recognised++;
        cycle.shutdownFailed = { cause: own(clip(said.trim())), line: at.lineNo, evidence: [{ line: at.lineNo, text: clip(at.text), why: 'what systemd-shutdown could not do' }] };
      }
    } else if (said.startsWith('Critical error while doing system')) this.shutdownFatal(at);
  }

  /** systemd-shutdown's last `Failed to …` (see shutdownFatal). */
  private shutdownError: { at: LineRef; said: string } | null = null;

  /** systemd-shutdown gave up (`Critical error while doing system shutdown: …`) and freezes: the machine never
   *  powered off or restarted. Its error just before is the cause (a mail may have wrapped its errno onto the
   *  next line: `Failed to invoke reboot():`, `Operation not permitted`). */
  private shutdownFatal(at: LineRef): void {
    const cycle = this.ensureCycle(at.lineNo);
    if (cycle.fatal !== undefined) return;
    const evidence: Evidence[] = [];
    let cause = 'Critical error while doing system shutdown';
    const e = this.shutdownError;
    if (e !== null && at.lineNo - e.at.lineNo <= 4) {
      cause = e.said.trim();
      addEvidence(evidence, { line: e.at.lineNo, text: clip(e.at.text), why: 'what systemd-shutdown could not do' });
      const wrapped = cause.endsWith(':') ? this.recentText(e.at.lineNo + 1) : undefined;
      if (wrapped !== undefined && wrapped.text.trim() !== '') {
        cause = `${cause} ${wrapped.text.trim()}`;
        addEvidence(evidence, { line: wrapped.lineNo, text: clip(wrapped.text), why: 'its error, on the next line' });
      }
    }
    addEvidence(evidence, { line: at.lineNo, text: clip(at.text), why: 'systemd-shutdown gave up and froze' });
    this.recognised++;
    cycle.fatal = { message: 'Critical error while doing system shutdown', cause: own(clip(cause, LIMITS.evidenceText * 2)), line: at.lineNo, evidence };
    this.touch();
  }

  /** The `systemctl list-jobs` table being read. */
  private jobsTable: NonNullable<CycleState['listedJobs']> | null = null;

  /** A line of NixOS's stage 2 (`setting up /etc...`) or, while it runs, an error it printed. */
  private nixosStage2(message: string, at: LineRef): void {
    const m = message.trimEnd();
    if (NIXOS_STAGE2.test(m)) {
      const boot = this.ensureBoot('log-start', at.lineNo);
      if (boot.cycles.length === 0) boot.nixosStage2 ??= { line: at.lineNo, errors: [] };
      this.recognised++;
      return;
    }
    const stage = this.boot?.nixosStage2;
    if (stage === undefined) return;
    if (NIXOS_SNIPPET_FAILED.test(m)) {
      stage.snippet ??= { line: at.lineNo, text: clip(at.text), why: 'NixOS activation: a snippet of its script failed' };
      this.recognised++;
    } else if (STAGE1_ERROR.test(m) && stage.errors.length < 3) stage.errors.push({ line: at.lineNo, text: clip(at.text), why: "an error in NixOS's stage 2, before systemd" });
  }

  private containerFailed(at: LineRef): void {
    const fatal = this.boot === null ? undefined : currentCycle(this.boot)?.fatal;
    if (fatal !== undefined && at.lineNo > fatal.line && at.lineNo - fatal.line <= 3) addEvidence(fatal.evidence, { line: at.lineNo, text: clip(at.text), why: 'the container manager says the container failed' });
    // (Or just after nspawn's own error, before any init of the container ran.)
    const errors = this.boot?.nspawnErrors;
    const last = errors?.at(-1);
    if (last !== undefined && this.boot!.cycles.length === 0 && at.lineNo > last.line && at.lineNo - last.line <= 3 && errors!.length < 4) errors!.push({ line: at.lineNo, text: clip(at.text), why: 'systemd-nspawn says the container ended on the error' });
  }

  /**
   * `Detected virtualization docker.` right after PID 1's banner, with no kernel of its own before it: a
   * container, whose boot begins with PID 1 (there is no firmware or kernel to see).
   */
  private virtualization(text: string, line: number): void {
    // (systemd before 226 named a container it did not know `other`; with no kernel before it, a container's.)
    const what = text.slice('Detected virtualization '.length);
    if (!CONTAINERS.test(what) && !/^'?other'?\.?\s*$/.test(what)) return;
    const boot = this.boot;
    if (boot === null) this.containerPending = true;
    // (Not PID 1 executing itself again well into the container's life, as systemd does on SIGTERM when
    // the container is stopped: the log began before that.)
    else if (!boot.hasKernel && boot.cycles.length <= 1 && this.boots.length === 1 && line - (boot.cycles[0]?.startLine ?? boot.startLine) <= 8) boot.container = true;
  }

  /**
   * A shell on the console with no login before it (`BusyBox v1.20.2 built-in shell (ash)`, `/bin/sh:
   * can't access tty; job control turned off`), right after an initramfs said what went wrong: it gave
   * up and left its shell, whatever words it dropped there with.
   */
  /** Where a BusyBox shell's banner was read as the boot's end, a login (see bareShell). */
  private busyboxShellAt = -1;

  private bareShell(at: LineRef, versionOnly = false): void {
    const boot = this.boot;
    // (After an init system's own scripts ran, a shell on the console is its: KernelCI's buildroot gives one.)
    if (boot !== null && (boot.cycles.length > 0 || boot.mode !== null || boot.loginLine !== null || boot.init !== null || this.systemdRunning())) return;
    const said = this.firstErrorText(at.lineNo, versionOnly ? 4 : 15, boot);
    if (said === null) {
      if (versionOnly) return;
      // With nothing wrong before it, a kernel that booted into a shell: the board's console has no
      // login (Buildroot's `::respawn:-/bin/sh`), the shell is where the boot was to end.
      if (boot !== null && boot.hasKernel && at.text.startsWith('BusyBox v') && boot.loginLine === null) {
        boot.loginLine = at.lineNo;
        this.busyboxShellAt = at.lineNo;
      }
      return;
    }
    // (A log that begins with what the initramfs said begins its boot there.)
    if (boot === null) this.ensureBoot('log-start', said.lineNo);
    this.recognised++;
    this.prompt({ kind: 'initramfs-shell', announces: true }, at);
  }

  /** `init: X main process ended, respawning`: Upstart runs the job again, so the exit just before it broke
   *  nothing yet (`respawning too fast, stopped` is when it gives up). */
  private upstartRespawn(text: string, at: LineRef): void {
    const m = /^init: (\S+) main process ended, respawning$/.exec(text);
    const boot = this.boot;
    if (m === null || boot === null) return;
    const i = boot.initFailures.findLastIndex((f) => f.service === m[1] && at.lineNo - f.line <= 3);
    if (i >= 0) boot.initFailures.splice(i, 1);
  }

  /** BusyBox syslogd starts once a boot (`… localhost syslog.info syslogd started: BusyBox v1.32.1`): in a
   *  syslog without kernel lines, its second start is the next boot. */
  private syslogdStarted(at: LineRef): void {
    this.recognised++;
    const boot = this.boot;
    if (boot !== null && boot.syslogdStarted === true && !boot.hasKernel && !this.systemdRunning()) this.startBoot('log-start', at.lineNo).syslogdStarted = true;
    else this.ensureBoot('log-start', at.lineNo).syslogdStarted = true;
  }

  /**
   * A script's failure that points at its unit's journal (`Inspect 'journalctl -u pre-nixos' for failure
   * details.`): that unit failed, as `See 'systemctl status foo.service' for details.` says of a unit.
   */
  private journalPointer(text: string, at: LineRef): void {
    const m = /journalctl -u '?([\w@.:-]+?)(?:\.service)?'? for (?:failure )?details/.exec(text);
    if (m === null) return;
    const name = `${m[1]}.service`;
    if (!isUnitName(name) || this.findFailure(name) !== null) return;
    const cycle = currentCycle(this.boot!)!;
    const ref: UnitRef = { name, description: null, text: name, partial: false, resolvedBy: null };
    const f = this.recordFailure(cycle, ref, 'failed', 'unit-failed', at, 'console');
    const said = this.recentLines.filter((l) => l !== undefined && l.lineNo < at.lineNo && at.lineNo - l.lineNo <= 2 && /fail/i.test(l.text));
    if (f) for (const l of said) addEvidence(f.evidence, { line: l.lineNo, text: clip(l.text), why: 'what it said of the failure' });
  }

  /** The boot whose ring buffer a typed `dmesg` is printing again. */
  private dmesgReplay: BootState | null = null;

  /**
   * A boot.log has no kernel lines; the initramfs checks the root file system once a boot, before systemd
   * (`/dev/sda7: clean, 605075/3547136 files, …`). The same device's check again after systemd ran in this
   * boot is the next boot.
   */
  private rootFsck(text: string, at: LineRef): void {
    const device = text.slice(0, text.indexOf(':'));
    const boot = this.ensureBoot('log-start', at.lineNo);
    if (boot.rootFsck === undefined) {
      if (boot.cycles.length === 0) boot.rootFsck = own(device);
      return;
    }
    if (boot.rootFsck !== device || !this.systemdRunning()) return;
    this.recognised++;
    this.startBoot('log-start', at.lineNo).rootFsck = boot.rootFsck;
  }

  /** How often BusyBox init restarted each process in this boot. */
  private respawns = new Map<string, number>();
  private respawnBoot: BootState | null = null;

  /** `process '/sbin/getty -L 0 ttyS0 vt100' (pid 1960) exited. Scheduling for restart.`, a third time: it fails. */
  private respawned(message: string, at: LineRef): void {
    const m = /^process '(.+?)' \(pid \d+\) exited\. Scheduling (?:it )?for restart\.?$/.exec(message);
    if (m === null) return;
    const boot = this.ensureBoot('log-start', at.lineNo);
    if (this.respawnBoot !== boot) {
      this.respawnBoot = boot;
      this.respawns.clear();
    }
    const n = (this.respawns.get(m[1]!) ?? 0) + 1;
    if (this.respawns.size < 64 || this.respawns.has(m[1]!)) this.respawns.set(m[1]!, n);
    if (n !== 3 || this.systemdRunning()) return;
    boot.init ??= 'busybox';
    if (boot.initFailures.length >= LIMITS.initFailures) return;
    // (What the process said before it exited, on the line just before: `Can't open /dev/ttyS0: No such file or directory`.)
    const before = this.recentText(at.lineNo - 1);
    const said = before !== undefined && before.text.trim() !== '' && !before.text.startsWith("process '") ? [{ line: before.lineNo, text: clip(before.text), why: 'what the process said before it exited' }] : undefined;
    boot.initFailures.push(said !== undefined ? { service: own(m[1]!), line: at.lineNo, text: clip(at.text), said, respawned: true } : { service: own(m[1]!), line: at.lineNo, text: clip(at.text), respawned: true });
  }

  /** The firmware says a watchdog reset the machine: the boot before this one hung and never said so. */
  private watchdogReset(at: LineRef): void {
    if (!this.inFirmware() || this.boots.length < 2) return;
    const prev = this.boots.at(-2)!;
    if (prev.end === 'log-end' || prev.end === 'reboot') prev.watchdogReset ??= { line: at.lineNo, text: clip(at.text), why: "the next boot's firmware says a watchdog reset the machine" };
  }

  /** Where the latest `------------[ cut here ]------------` was, and how many crashes the boot had then. */
  private cutHere: { line: number; text: string; crashes: number; boot: BootState } | null = null;

  /**
   * `[ cut here ]` opens a WARN or BUG report and `---[ end trace … ]---` closes it. A report whose header
   * the console garbled (`AANNIN: PP::00PPID  0 at …`) is still a crash between the two: a warning, the
   * kind that prints both and goes on.
   */
  private reportFrame(message: string, at: LineRef, uptime: number | null): void {
    const boot = this.boot;
    if (boot === null) return;
    if (message.includes('[ cut here ]')) this.cutHere = { line: at.lineNo, text: clip(at.text), crashes: boot.crashes.length, boot };
    else if (message.startsWith('---[ end Kernel panic - not syncing: ')) {
      // The end of a panic whose first line the excerpt lost: the panic itself.
      // (However long the other CPUs' backtraces between made it, a panic's end for the same reason is its own.)
      const last = boot.crashes.at(-1);
      const c = matchCrash(message.slice('---[ end '.length).replace(/\s*\]---\s*$/, ''));
      if (last !== undefined && last.kind === 'panic' && (at.lineNo - last.line <= 300 || (c !== null && last.title === c.title))) {
        // (The end of the panic arm64's SError report led to, its panic line lost: the report's.)
        if (last.title.startsWith('SError Interrupt on CPU') && c !== null && c.title.includes('SError')) this.serrorPanicked(last, c.title, at, uptime, 'the end of the panic it led to');
        return;
      }
      if (c !== null && c.kind === 'panic') this.crash(c, at, uptime, false);
    }
    else if (message.startsWith('---[ end trace')) {
      const cut = this.cutHere;
      this.cutHere = null;
      // (No header and no `[ cut here ]` before it, in a log that began at most a screenful above: the report
      // began before the log did; see headlessOops.)
      if (cut === null && boot.crashes.length === 0 && boot.startReason === 'log-start' && boot.bannerLine === null && at.lineNo - boot.startLine <= 150) {
        const end = { line: at.lineNo, text: clip(at.text), why: 'the end of a report whose header is not in the log' };
        // (Its frames show the WARN machinery, `warn_slowpath_fmt+0x5c/0x80`, `__warn+0x84/0x130`: the report was a
        // warning's, its header above where the log begins.)
        const w = this.warnFrame;
        if (w !== null && w.line >= boot.startLine && w.line < at.lineNo) {
          this.crash({ kind: 'warning', title: 'WARNING (its header is before the log begins)' }, { lineNo: w.line, text: w.text }, uptime, false);
          const made = boot.crashes.at(-1);
          if (made !== undefined && made.line === w.line) addEvidence(made.evidence, end);
          return;
        }
        this.headless = { boot, end };
      }
      if (cut === null || cut.boot !== boot || boot.crashes.length !== cut.crashes || at.lineNo - cut.line > 200) return;
      this.crash({ kind: 'warning', title: 'WARNING (its header line is unreadable)' }, { lineNo: cut.line, text: cut.text }, uptime, false);
      const w = boot.crashes.at(-1);
      if (w !== undefined && w.line === cut.line) addEvidence(w.evidence, { line: at.lineNo, text: clip(at.text), why: 'the end of the report' });
    }
  }

  /** `[ INFO ] X is not active.` just read, and the line of the last [DEPEND] after it. */
  private notActive: { ref: UnitRef; at: LineRef; last: number; recorded: boolean } | null = null;

  /** The unit `journalctl -u UNIT` (typed at a prompt above) shows: its process's lines are that unit's. */
  private journalScope: string | null = null;

  /**
   * An error the unit's own process logged, in a journal shown for that unit alone: the unit failed, when
   * PID 1's line about it is not in the excerpt (an error it says it goes on after is none).
   */
  private scopedError(unit: string, message: string, at: LineRef): void {
    if (!/^(?:Failed|Error|ERROR|FATAL|Fatal|Cannot|Could not|Unable)\b/.test(message) || /\bignoring\b|\bretrying\b|\bwill retry\b/i.test(message)) return;
    if (this.stoppingNow(unit)) return;
    const known = this.findFailure(unit);
    if (known !== null) {
      if (known.evidence.length < 4) addEvidence(known.evidence, { line: at.lineNo, text: clip(at.text), why: 'the unit’s own process reports the error' });
      return;
    }
    // (A pattern names no unit: the failure is told by the pattern, its name unknown.)
    const named = isUnitName(unit);
    if (named) this.resolver.learnName(unit);
    const ref: UnitRef = named ? parseUnitText(unit) : { name: null, description: null, text: unit, partial: true, resolvedBy: null };
    const f = this.recordFailure(this.ensureCycle(at.lineNo), ref, 'failed', 'unit-failed', at, 'journal');
    if (f) f.evidence[0]!.why = `the unit's own process reports the error (a journal of ${unit} alone)`;
  }

  /** Mounts begun (`Mounting /mnt/h...`) with no result yet, and the line each began on. */
  private readonly mountsBegun = new Map<string, number>();

  /**
   * Just after the initrd switched root, the new PID 1 stops what of the initrd still runs: a daemon whose
   * main process then exits with failure (`haveged.service: Main process exited, … status=1/FAILURE`,
   * `Failed with result 'exit-code'`) and at once `Stopped Entropy Daemon …` was torn down with the
   * initrd, not a unit that failed to run. (A restart says so between the two lines: that failure stays;
   * a stop's own work failing later, `ostree-finalize-staged`'s at shutdown, is a failure.)
   */
  private failedWhileStopping(cycle: CycleState, ref: UnitRef, at: LineRef): void {
    const f = cycle.recent.at(-1);
    if (f === undefined || f.dropped || f.verb !== 'unit-failed' || f.kind !== 'failed' || f.ref.name === null) return;
    const phases = cycle.phases;
    const system = phases.at(-1)!;
    if (system.name !== 'system' || phases.at(-2)?.name !== 'initrd' || f.line < system.startLine || f.line - system.startLine > 40) return;
    if (!f.evidence.some((e) => /: Main process exited/.test(e.text))) return;
    // (Its last line, the result, just before; reported once, not a failure seen again and again.)
    let last = f.lastLine;
    for (const e of f.evidence) if (e.line > last) last = e.line;
    if (at.lineNo - last > 1 || last - f.line > 2) return;
    if (ref.name !== null ? ref.name !== f.ref.name : f.ref.description !== null && f.ref.description !== ref.text) return;
    this.forgetUnitFailure(cycle, f, f.ref.name);
  }

  /** A unit's failure that turned out to break nothing: out of its cycle, and no longer found by its name. */
  private forgetUnitFailure(cycle: CycleState, f: FailureState, name: string): void {
    this.dropFailure(cycle, f);
    cycle.failureByKey.delete(`failed\u0000${name}`);
    cycle.failureByKey.delete(name);
  }

  /** The line of the console's latest status message. */
  private consoleStatusLine = 0;

  /** The latest `Stopped …` status: a unit's stop kills its process, which is no failure. */
  private lastStop: { name: string | null; line: number } | null = null;

  private journal(rec: Extract<ConsoleRecord, { kind: 'journal' }>): void {
    this.touch();
    if (this.boot !== null) {
      this.boot.journalFirst ??= rec.at.lineNo;
      this.boot.journalPastKernel = true;
    }
    const j = rec.journal;
    if ((this.boot === null || !this.boot.hasKernel) && this.daemonsBeforeKernel < 0 && !SYSLOG_DAEMONS.test(j.ident)) {
      this.daemonsBeforeKernel = rec.at.lineNo;
      this.daemonsBeforeKernelWall = wallClock(rec.at.text.slice(0, 40))?.t ?? NaN;
    }
    const unit = this.statusBlock?.unit ?? null;
    const mount = j.ident === 'mount' || j.message.startsWith('mount: ') ? matchMountError(j.message) : null;
    if (mount) {
      this.mountError(mount.path, mount.reason, rec.at);
      if (j.ident === 'mount' && this.statusBlock === null && this.journalScope === null) {
        const boot = this.ensureBoot('log-start', rec.at.lineNo);
        boot.journalMountError ??= { path: mount.path, reason: mount.reason, ev: { line: rec.at.lineNo, text: clip(rec.at.text), why: `mount(8) could not mount ${mount.path}: ${mount.reason}` }, more: [] };
      }
      // (mount(8)'s own words are its unit's evidence too: `mount[333]: mount: /sysroot: wrong fs type, …`.)
      if (j.ident !== 'systemd' && j.ident !== 'kernel') this.processError(j.ident, j.message, rec.at);
      return;
    }
    if (this.statusBlock === null) {
      // A saved journal (journalctl -b): PID 1's messages tell the boot as its kmsg lines would.
      this.recognised++;
      // A journal excerpt of services alone (no kernel or PID 1 line) is still a running machine's:
      // a boot that starts midway, once a few lines show it is a journal and not a stray line.
      if (this.boot === null) {
        this.journalOnly.first ??= rec.at.lineNo;
        // (One line of systemd's own programs, with its time and host, is already a systemd machine's.)
        if (++this.journalOnly.count >= 3) {
          this.ensureBoot('log-start', this.journalOnly.first);
          this.touch();
        } else if (j.ident.startsWith('systemd-') && j.pid !== null && j.host !== '') {
          this.ensureCycle(this.journalOnly.first);
          this.touch();
        }
      }
      // (Newer systemd logs it from the forked child, named after what it was to run: `(strun.sh)[518]: …`.)
      if ((j.ident === 'systemd' || (j.ident.charCodeAt(0) === 0x28 /* ( */ && j.ident.endsWith(')'))) && j.pid !== 1 && (j.message.includes(': Failed at step ') || j.message.includes(': Unable to locate executable ') || SPAWN_FAILED.test(j.message))) this.spawnFailed(j.message, rec.at);
      // systemd's resume from hibernation refused the image it found (another system's, or one it cannot
      // read): the machine boots afresh, and what was open is lost.
      if (j.ident.startsWith('systemd-hibernate-resume') && this.boot !== null && HIBERNATE_REFUSED.test(j.message)) {
        const seen = (this.boot.kernelFailures ??= []);
        if (seen.length < 4 && !seen.some((x) => x.kind === 'resume')) seen.push({ kind: 'resume', message: clip(j.message.trim()), line: rec.at.lineNo, text: clip(rec.at.text), more: [] });
      }
      if (j.ident !== 'systemd' && j.ident !== 'kernel') {
        this.processError(j.ident, j.message, rec.at);
        if (j.ident === 'systemd-fsck') this.fsckSaid(j.message, rec.at, 'journal');
        if (j.pid !== null && SYSTEMD_ONLY_HELPER.test(j.ident)) this.ensureCycle(rec.at.lineNo).helperSpoke = true;
        if (this.journalScope !== null) this.scopedError(this.journalScope, j.message, rec.at);
      }
      if (j.ident === 'systemd-shutdown' && j.pid === 1) this.shutdownSaid(j.message, rec.at);
      if (j.ident === 'stage-2-init' && this.boot?.cycles.length !== undefined) this.nixosStage2(j.message, rec.at);
      // BusyBox init respawning a process that keeps exiting (a getty on a serial port that is not there).
      if (j.ident === 'init' && j.message.startsWith('process ')) this.respawned(j.message, rec.at);
      // sysvinit's shutdown(8) in a syslog: this boot ends here (the next banner is a new one).
      if (j.ident === 'shutdown' && (this.boot === null || this.boot.end === 'log-end')) {
        const sd = /^shutting down for system (reboot|halt|power ?off)/.exec(j.message);
        if (sd) this.endBoot(this.ensureBoot('log-start', rec.at.lineNo), sd[1] === 'reboot' ? 'reboot' : sd[1] === 'halt' ? 'halt' : 'poweroff', rec.at);
      }
      if (rec.userManager) return this.userManagerLine({ pid: rec.journal.pid ?? 0, message: rec.journal.message, msg: rec.msg, manager: rec.manager }, rec.at);
      if ((rec.manager === null || rec.manager.kind === 'unit-error') && rec.msg === null && j.ident === 'systemd') {
        // (PID 1 speaking at all, in words of its own bootwhy has no row for, `sysinit.target: Found ordering
        // cycle on …`: systemd ran, as its kernel-log lines say.)
        if (j.pid === 1 && j.host !== '') this.ensureCycle(rec.at.lineNo);
        if (j.pid === 1 || j.pid === null) {
          this.pid1Said({ at: rec.at, message: j.message });
          // (PID 1's crash handler, in the journal as on the console: `Caught <ABRT>, from our own process.`)
          if (j.message.startsWith('Caught <') && PID1_CRASHED.test(j.message)) this.managerFatal(j.message.trim(), rec.at, true);
        }
        this.unitComplaint(j.message, rec.at);
      }
      if (rec.audit) this.audit(rec.audit, rec.at);
      if (rec.login) this.loginSeen(rec.at);
      if (rec.manager) return this.managerEvent(rec.manager.kind, rec.manager.groups, rec.at, 'journal');
      if (rec.msg) {
        this.setClock(wallClock(j.time));
        return this.unitMessage(rec.msg, rec.at, 'journal');
      }
      return;
    }
    if (j.message.includes('avc:  denied')) this.avcDenied(j.message, rec.at);
    // (`systemctl status`'s journal lines: its programs' errors are the unit's evidence, as in a journal.)
    if (j.ident !== 'systemd' && j.ident !== 'kernel') {
      this.processError(j.ident, j.message, rec.at);
      // (A process the status names by its PID, `Process: 1112 ExecStartPre=/sbin/modprobe nvme-fabrics …`, is the
      // unit's, whatever its name: `modprobe[1112]: modprobe: FATAL: Module nvme-fabrics not found …`.)
      // (Or the program it ran, `Process: 373 ExecStart=/usr/bin/btuart …`: `btuart[414]: Can't set device: …`.)
      const block = this.statusBlock;
      const byPid = j.pid !== null && block?.pids?.includes(j.pid) === true;
      if (unit !== null && (byPid || block?.programs?.includes(j.ident) === true) && (PROCESS_ERROR.test(j.message) || /\bunknown\b/i.test(j.message))) {
        const f = this.findFailure(unit);
        if (f !== null && f.kind !== 'dependency') addEvidence(f.evidence, { line: rec.at.lineNo, text: clip(rec.at.text), why: byPid ? `${j.ident}, the unit's process (PID ${j.pid}), reports the error` : `${j.ident}, the unit's program, reports the error` });
      }
    }
    // (PID 1's own lines there say systemd runs this machine: its userspace cycle, if none was seen yet.)
    else if (j.pid === 1 && j.ident === 'systemd' && j.host !== '' && (this.boot === null || currentCycle(this.boot) === null)) this.ensureCycle(rec.at.lineNo);
    if (rec.msg) {
      let ref = parseUnitText(rec.msg.unitText);
      if (ref.name) this.resolver.learn(ref);
      else ref = this.resolver.resolve(ref, typeHint(rec.msg.verb));
      const kind = VERB_FAILURE[rec.msg.verb];
      const target = ref.name ?? unit;
      if (kind !== undefined && target) {
        const f = this.findFailure(target);
        // A failure the status's own fields did not show (`Active: inactive (dead)` over `Dependency failed
        // for /mnt/data.`): PID 1's line in it is the failure, as it would be in the journal itself.
        if (f === null) {
          this.recognised++;
          return this.unitMessage(rec.msg, rec.at, 'journal');
        }
        if (f) {
          addEvidence(f.evidence, { line: rec.at.lineNo, text: clip(rec.at.text), why: 'journal: PID 1 reports the failure' });
          // (The status's journal lines just above say why: `mount[1025]: mount: unknown filesystem type 'ntfs'`.)
          if (f.kind !== 'dependency') this.processEvidence(f, rec.at);
        }
      }
      return;
    }
    if (rec.manager) {
      const name = rec.manager.groups[0] ?? '';
      if (rec.manager.kind === 'unit-result' || rec.manager.kind === 'process-exited' || rec.manager.kind === 'job-result' || rec.manager.kind === 'operation-timeout' || rec.manager.kind === 'start-limit') {
        const f = this.findFailure(name);
        if (f) {
          if (rec.manager.kind === 'unit-result') f.result ??= clipOrNull(rec.manager.groups[1]);
          if (rec.manager.kind === 'process-exited') this.coredumpEvidence(f, rec.at.text, rec.at.lineNo);
          addEvidence(f.evidence, { line: rec.at.lineNo, text: clip(rec.at.text), why: 'journal: PID 1 on the failed unit' });
        }
        // (Before its failure is told, `Failed to start …` a line or two below: kept for that failure, to bind a
        // description to this name and to say why it failed.)
        else if ((rec.manager.kind === 'unit-result' || rec.manager.kind === 'process-exited') && isUnitName(name) && rec.journal.pid === 1) this.rememberResult(name, 'failed', rec.at);
        else if (rec.manager.kind === 'start-limit' && isUnitName(name) && rec.journal.pid === 1) this.startLimit = { name: own(name), ev: { line: rec.at.lineNo, text: clip(rec.at.text), why: 'PID 1: it was restarted too often and gave up (start limit hit)' } };
      }
      return;
    }
    if (unit !== null && /fail|error|not exist|denied|timed out|No such/i.test(j.message)) {
      const f = this.findFailure(unit);
      if (f) addEvidence(f.evidence, { line: rec.at.lineNo, text: clip(rec.at.text), why: `journal of ${unit}` });
    }
  }

  // ---- jobs, prompts, crashes ----------------------------------------------------------------

  private spinner(rec: Extract<ConsoleRecord, { kind: 'spinner' }>): void {
    const s = rec.spinner;
    let ref = parseUnitText(s.unitText);
    if (ref.name === null) ref = this.resolveRef(ref, 'any');
    else this.resolver.learn(ref);
    // A unit the log never names, its description cut differently in each frame as the times grow (`Lab
    // serv…at never finishes (59s / no limit)`, `Lab serv…ver finishes (1min 31s / no limit)`): one job, under
    // the description its `Starting` line printed in full.
    if (ref.name === null && ref.text.includes('…')) {
      const full = this.resolver.fitDescription(ref.text);
      if (full !== null) ref = { ...ref, text: full, description: full };
    }
    const cycle = this.ensureCycle(rec.at.lineNo);
    let key = ref.name ?? ref.text;
    // (A frame whose name lost its end to damaged bytes, `Job systemd-networkd-wait-online.se…`: the job of
    // this cycle whose name begins so.)
    if (ref.name === null && key.endsWith('…') && !key.includes(' ')) {
      const head = key.slice(0, -1);
      for (const k of cycle.jobs.keys()) if (k.startsWith(head)) { key = k; break; }
    }
    let job = cycle.jobs.get(key);
    if (job === undefined) {
      if (cycle.jobs.size >= LIMITS.jobsPerCycle || this.retainedJobs >= LIMITS.jobsRetained) {
        this.capped.jobs++;
        return;
      }
      this.retainedJobs++;
      job = { ref: ownRef(ref), op: s.op, firstLine: rec.at.lineNo, lastLine: rec.at.lineNo, elapsed: s.elapsed, limit: s.limit, elapsedText: s.elapsedText, limitText: s.limitText, frames: 0, outcome: null, lastText: '', uptimeAtElapsed: null };
      cycle.jobs.set(job.ref.name ?? job.ref.text, job);
      this.emit({ type: 'job', boot: this.boot!.index, cycle: cycle.index, line: rec.at.lineNo, unit: key, elapsed: s.elapsedText, limit: s.limitText });
    }
    job.frames++;
    job.lastLine = rec.at.lineNo;
    job.lastText = clip(rec.at.text);
    if (s.elapsed !== null && (job.elapsed === null || s.elapsed >= job.elapsed)) {
      job.elapsed = s.elapsed;
      job.elapsedText = s.elapsedText;
      job.uptimeAtElapsed = this.boot?.lastUptime ?? null;
    }
    job.limit = s.limit;
    job.limitText = s.limitText;
    this.touch();
  }

  /** The prompt of the host's shell that started the machine (`[me@host dir]$ sudo docker run …`): its
   *  later prompts are the host's, not a login on the machine. */
  private hostPrompt: string | null = null;

  private prompt(p: PromptMatch, at: LineRef): void {
    // (A log that begins at a getty's /etc/issue, then a shell: the boot it shows began before the log, and the
    // login was reached.)
    if (p.kind === 'shell' && this.boot === null && this.issueAt >= 0 && at.lineNo - this.issueAt <= 40) this.ensureBoot('log-start', this.issueAt);
    if (this.boot !== null && ((p.kind === 'shell' && this.boot.mode === null) || (p.kind === 'login' && /\blogin: ?[a-z_][\w.-]{0,31}\s*$/.test(at.text)))) this.boot.loggedIn = true;
    if (p.kind === 'shell') {
      const t = at.text.trimStart();
      const sign = /^(\[?[^\s\]]+@[^\s\]:]+)/.exec(t)?.[1] ?? null;
      if (sign !== null && LAUNCHES_MACHINE.test(t)) this.hostPrompt = sign;
      if (sign !== null && sign === this.hostPrompt) return this.touch();
      // A shell after a login, not one of emergency mode's.
      const cycle = this.boot ? currentCycle(this.boot) : null;
      if (cycle !== null && cycle.mode === null) cycle.loginLine ??= at.lineNo;
      // A root shell on the console of a boot without systemd (busybox, procd): its login.
      // (Or one after a getty's /etc/issue, in a log that begins there: the login the getty asked for.)
      else if (cycle === null && this.boot !== null && (this.boot.hasKernel || (this.issueAt >= 0 && this.issueAt < at.lineNo)) && this.boot.mode === null) this.boot.loginLine ??= at.lineNo;
      return this.touch();
    }
    // (Or the first thing the log shows of its machine, under an /etc/issue of no systemd distribution:
    // `Welcome to Buildroot`, then `buildroot login:`.)
    const unseen = this.boot === null && this.issueOther(at.lineNo);
    if (p.kind === 'login' && (unseen || (this.boot !== null && (this.boot.init !== null || (this.boot.hasKernel && !this.systemdIssue(at.lineNo))) && !this.systemdRunning() && currentCycle(this.boot) === null))) {
      // A login prompt with no systemd seen: OpenRC, sysvinit, busybox; no userspace cycle to put it in.
      // (A console that shows the kernel's messages shows systemd's status too: with the kernel seen and
      // not a word of systemd, another init runs.)
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
      const device = initramfsMissingDevice(at.text) ?? boot.missingDevice?.path ?? null;
      if (cycle === null) {
        // (The BusyBox banner just before was this shell's, the initramfs's: no login.)
        if (boot.loginLine !== null && boot.loginLine === this.busyboxShellAt && at.lineNo - boot.loginLine <= 4) boot.loginLine = null;
        if (boot.mode === null) {
          boot.mode = { kind: 'initramfs-shell', line: at.lineNo, device, evidence: [] };
          if (this.breakAsked !== null && at.lineNo - this.breakAsked.line <= 8) boot.mode.requested = this.breakAsked;
          this.breakAsked = null;
          // What the initramfs said went wrong first, in its own words (`ERROR: musl-1.2.3-r4: BAD archive`,
          // `Mounting root partition /dev/mmcblk0p2 failed`), when it names no device it waited for.
          const said = device === null ? this.firstErrorText(at.lineNo, 40, boot) : null;
          if (said !== null) boot.mode.cause = { line: said.lineNo, text: clip(said.text), why: 'what the initramfs said went wrong' };
          // (Or the step of its init that failed just before, `* Mounting boot media: … failed.`, in no words of an error.)
          else if (device === null && boot.cycles.length === 0) {
            const step = boot.initFailures.findLast((f) => f.line < at.lineNo && at.lineNo - f.line <= 40);
            if (step !== undefined) boot.mode.cause = { line: step.line, text: step.text, why: 'the step of the initramfs that failed' };
          }
          // (mkinitcpio's `mount: /new_root: wrong fs type, bad option, bad superblock on /dev/vda2, …` just
          // before its shell: the root was there and would not mount. That is what went wrong.)
          const mount = device === null ? this.recentMountErrors.findLast((m) => m.line < at.lineNo && at.lineNo - m.line <= NEAR_LINES) : undefined;
          if (mount !== undefined) boot.mode.cause = { line: mount.line, text: mount.text, why: `the root file system would not mount: ${mount.reason}` };
          // (What sent it there: the root's mount that failed, else its last error in its own words.)
          const lastMount = this.recentMountErrors.findLast((m) => m.line < at.lineNo && at.lineNo - m.line <= NEAR_LINES);
          let lastText: LineRef | undefined;
          for (const e of this.errorTexts) if (e !== undefined && e.lineNo < at.lineNo && at.lineNo - e.lineNo <= 8 && (lastText === undefined || e.lineNo > lastText.lineNo)) lastText = e;
          const last = lastMount !== undefined ? { line: lastMount.line, text: lastMount.text } : lastText !== undefined ? { line: lastText.lineNo, text: clip(lastText.text) } : undefined;
          if (last !== undefined) boot.mode.lastError = { ...last, why: 'the last error before the shell' };
          this.emit({ type: 'emergency', boot: boot.index, cycle: null, line: at.lineNo, kind: 'initramfs-shell' });
        }
        boot.mode.device ??= device;
        if (boot.missingDevice && boot.mode.device === boot.missingDevice.path) {
          addEvidence(boot.mode.evidence, boot.missingDevice.ev);
          for (const e of boot.missingDevice.more ?? []) addEvidence(boot.mode.evidence, e);
        }
        // The mount that failed for want of it (`mount: /new_root: can't find UUID=…`).
        for (const m of this.recentMountErrors) {
          if (at.lineNo - m.line <= NEAR_LINES) addEvidence(boot.mode.evidence, { line: m.line, text: m.text, why: `the mount failed: ${m.reason}` });
        }
        addEvidence(boot.mode.evidence, { line: at.lineNo, text: clip(at.text), why: boot.mode.requested !== undefined ? 'the initramfs shell it asked for' : 'the initramfs gave up and dropped to its shell' });
        // Why it never came: what went wrong as the initramfs set it up (nbd-client's `Negotiation: ..Error: …
        // Server said: Export unknown`), and the kernel's storage errors of this boot (`ata1.00: failed to
        // IDENTIFY (I/O error, err_mask=0x2)`).
        if (boot.mode.device !== null) {
          for (const e of boot.initramfsSteps?.firstErrors ?? []) addEvidence(boot.mode.evidence, e);
          // (A quiet initramfs with no steps shown: the errors its programs printed as it waited, `dmraid: error
          // while loading shared libraries: libdl.so.2: …`, say why the device never came.)
          if ((boot.initramfsSteps?.firstErrors ?? []).length === 0) {
            const waited = this.errorTexts.filter((e): e is LineRef => e !== undefined && e.lineNo < at.lineNo && at.lineNo - e.lineNo <= 40 && e.lineNo >= boot.startLine && e.text.trim().length >= 12 && !IGNORED_WARNING.test(e.text) && !/^(?:Gave up waiting|ALERT!)/.test(e.text.trim()));
            waited.sort((a, b) => a.lineNo - b.lineNo);
            for (const e of waited.slice(0, 3)) addEvidence(boot.mode.evidence, { line: e.lineNo, text: clip(e.text), why: 'what the initramfs’s programs said as it waited' });
          }
          let n = 0;
          for (const e of this.recentKernelErrors) if (e.line >= boot.startLine && n++ < 2) addEvidence(boot.mode.evidence, { ...e, why: 'a kernel storage error earlier in this boot' });
        }
        return this.touch();
      }
      this.enterMode(cycle, 'initramfs-shell', at, device);
      return this.touch();
    }
    // systemd-sulogin-shell goes on to the default target once sulogin exits: systemd ran the maintenance
    // shell, whatever was read of it before as an init script's (a bare `sulogin: …` line).
    if (p.kind === 'emergency' && at.text.trim() === 'Reloading system manager configuration') {
      const boot = this.ensureBoot('log-start', at.lineNo);
      const earlier = currentCycle(boot) === null && boot.mode !== null && boot.mode.kind === 'emergency' && at.lineNo - boot.mode.line <= 5 ? boot.mode : null;
      const cycle = this.ensureCycle(earlier?.line ?? at.lineNo);
      if (earlier !== null) {
        boot.mode = null;
        for (const ev of earlier.evidence) this.enterMode(cycle, 'emergency', { lineNo: ev.line, text: ev.text }, null, ev.why.replace(' (no systemd seen)', ''));
      }
      this.enterMode(cycle, 'emergency', at, null, 'systemd-sulogin-shell: the maintenance shell ended and the default target is started');
      return this.touch();
    }
    if ((p.kind === 'emergency' || p.kind === 'rescue') && !p.announces && !this.systemdRunning()) {
      // sulogin asked for the root password with no systemd in sight: an init script's maintenance shell.
      const boot = this.ensureBoot('log-start', at.lineNo);
      if (currentCycle(boot) === null) {
        if (boot.mode === null) {
          // A device waited for in vain just before (`Timed out waiting for device /dev/mapper`) is why.
          const waited = this.pendingInitrdDevice;
          boot.mode = { kind: p.kind, line: at.lineNo, device: waited?.device ?? null, evidence: waited ? [waited.ev] : [] };
          // A mount that failed just before (`mount: mounting /dev/mtdblock5 on run/initramfs/rw failed: …`).
          const mount = this.recentMountErrors.findLast((m) => m.line < at.lineNo && at.lineNo - m.line <= 40 && (m.line >= boot.startLine || boot.startLine === at.lineNo));
          // (Onto where an initramfs puts the real root, or its own writable overlay: the initramfs's script asks,
          // its maintenance shell is the initramfs's.)
          if (mount !== undefined && INITRAMFS_MOUNT_POINT.test(mount.path)) boot.mode.kind = 'initramfs-shell';
          if (mount !== undefined && waited === null) {
            // (What made the mount fail, said just before it: `mkdir: can't create directory 'run/initramfs/rw/work':
            // No space left on device`, then the overlay's `mount: mounting cow on /root failed`.)
            const before = this.firstErrorText(mount.line, 2, boot);
            boot.mode.cause = before !== null ? { line: before.lineNo, text: clip(before.text), why: 'what went wrong just before a mount failed' } : { line: mount.line, text: mount.text, why: `a mount failed just before: ${mount.reason}` };
            if (before !== null) boot.mode.evidence.push({ line: mount.line, text: mount.text, why: `then the mount failed: ${mount.reason}` });
          } else if (waited === null) {
            // Else what the init scripts said went wrong first (`fsck.ext3: No such file or directory while
            // trying to open /dev/sdh`).
            const said = this.firstErrorText(at.lineNo, 40, boot);
            // The step they had announced and not finished (`=> Checking filesystems:`, `  *  Checking all file
            // systems...`, then fsck's own words and `...fail!` or `Cannot continue due to errors above`): that
            // step failed, and what was said inside it is why.
            const step = this.stepHeader !== null && at.lineNo - this.stepHeader.at.lineNo <= 40 && (this.stepHeader.at.lineNo >= boot.startLine || boot.startLine === at.lineNo) ? this.stepHeader : null;
            // (An error before the step began was an earlier step's, which went on: `* Mounting sysfs at /sys [ !! ]`.)
            if (step === null && said !== null) boot.mode.cause = { line: said.lineNo, text: clip(said.text), why: 'what the init scripts said went wrong' };
            else if (step !== null) {
              boot.mode.cause = { line: step.at.lineNo, text: clip(step.at.text), why: 'the step the init scripts were at when they gave up' };
              boot.mode.step = step.name;
              const inside = this.firstErrorText(at.lineNo, at.lineNo - step.at.lineNo - 1, boot);
              if (inside !== null) boot.mode.evidence.push({ line: inside.lineNo, text: clip(inside.text), why: 'what went wrong in that step' });
            }
          }
          // (And the script's own last word before it asked: `Change Root test failed!  Invoking emergency shell.`)
          let said: LineRef | null = null;
          for (const e of this.errorTexts) if (e !== undefined && e.lineNo < at.lineNo && at.lineNo - e.lineNo <= 10 && e.lineNo > (boot.mode.cause?.line ?? 0) && (said === null || e.lineNo > said.lineNo)) said = e;
          if (said !== null) boot.mode.evidence.push({ line: said.lineNo, text: clip(said.text), why: 'what the init scripts said as they gave up' });
          this.emit({ type: 'emergency', boot: boot.index, cycle: null, line: at.lineNo, kind: p.kind });
        }
        addEvidence(boot.mode.evidence, { line: at.lineNo, text: clip(at.text), why: 'the init system asked for the root password for maintenance (no systemd seen)' });
        return this.touch();
      }
    }
    if (p.kind === 'dracut-shell' && DRACUT_PREFIX.test(at.text.trimStart()) && !this.systemdRunning() && (this.boot === null || currentCycle(this.boot) === null)) {
      // `dracut Warning: *** Dropping you to a shell` with no systemd seen: dracut's own scripts gave up.
      this.ensureBoot('log-start', at.lineNo);
      this.dracutMessage(at.text.trim(), at);
      return this.touch();
    }
    // (Its words without its prefix, `Generating "/run/initramfs/rdsosreport.txt"`, after dracut's own scripts
    // gave up with no systemd seen: the same shell.)
    if (p.kind === 'dracut-shell' && this.boot !== null && this.boot.initrdFailure?.initrd === 'dracut' && !this.systemdRunning() && currentCycle(this.boot) === null) {
      this.dracutShellNoSystemd(this.boot, at);
      return this.touch();
    }
    if (p.kind === 'dracut-shell') {
      // dracut's messages in a systemd initrd are emergency.target's (emergency.service runs dracut's
      // hook); its own shell is dracut-emergency.service, or a dracut:/# prompt with nothing before.
      const cycle = this.ensureCycle(at.lineNo);
      const first = cycle.mode === null;
      // (Not when dracut itself gave up on the root device, no unit failed and no emergency.service or .target in
      // sight: its timeout scripts start its own shell, dracut-emergency.service, whose words these are.)
      const dracutGaveUp = (cycle.missingDevice ?? this.boot?.missingDevice) !== undefined && cycle.failures.length === 0 && !cycle.unitsSeen.has('emergency.service') && !cycle.unitsSeen.has('emergency.target');
      const kind = cycle.mode?.kind ?? (p.announces && cycle.unitsSeen.size > 0 && !cycle.unitsSeen.has('dracut-emergency.service') && !dracutGaveUp ? 'emergency' : 'dracut-shell');
      this.enterMode(cycle, kind, at, null, modeWhy('dracut-shell'));
      if (first && cycle.mode !== null) cycle.mode.viaDracut = true;
      // dracut's own prompt (`dracut:/#`) after its words and no systemd emergency of its own: the shell
      // a person sees is dracut's.
      if (!p.announces && cycle.mode?.kind === 'emergency' && cycle.mode.viaDracut === true) cycle.mode.kind = 'dracut-shell';
      return this.touch();
    }
    this.enterMode(this.ensureCycle(at.lineNo), p.kind, at, null);
    this.touch();
  }

  // ---- user managers and audit records -------------------------------------------------------

  /** A user's service manager: its failures are user services, told apart from the system's. */
  private userManagerLine(u: UserManagerLine, at: LineRef): void {
    this.recognised++;
    this.ensureCycle(at.lineNo);
    this.touch();
    if ((u.manager === null || u.manager.kind === 'unit-error') && u.msg === null && u.message !== undefined) this.unitComplaint(u.message, at);
    const manager = `user manager (PID ${u.pid})`;
    const why = `the user service manager (PID ${u.pid}), not PID 1: a user service`;
    if (u.manager?.kind === 'unit-result' && isUnitName(u.manager.groups[0] ?? '')) {
      const unit = u.manager.groups[0]!;
      const ref: UnitRef = { name: unit, description: null, text: unit, partial: false, resolvedBy: null };
      const f = this.recordFailure(this.ensureCycle(at.lineNo), ref, 'failed', 'unit-failed', at, 'journal', manager);
      if (f) {
        f.result ??= clipOrNull(u.manager.groups[1]);
        f.evidence[0] = { ...f.evidence[0]!, why };
        this.attachEarlier(f, unit, manager);
      }
      return;
    }
    // (`xdg-desktop-portal.service: start operation timed out. Terminating.`: why the start that fails next failed.)
    if ((u.manager?.kind === 'process-exited' && !/^code=exited,? status=0(?:\/|$)/.test(u.manager.groups[1] ?? '')) || u.manager?.kind === 'operation-timeout') {
      this.namedResults.push({ name: u.manager.groups[0] || u.manager.groups[1] || '', kind: 'failed', line: at.lineNo, text: clip(at.text), used: false, manager });
      if (this.namedResults.length > 32) this.namedResults.shift();
      return;
    }
    if (u.manager?.kind === 'restart-scheduled') {
      const cycle = this.boot ? currentCycle(this.boot) : null;
      const key = `failed\u0000user\u0000${u.manager.groups[0] ?? ''}`;
      const f = cycle?.failureByKey.get(key);
      if (cycle && f && f.verb === 'unit-failed' && f.manager === manager) {
        this.dropFailure(cycle, f);
        cycle.failureByKey.delete(key);
      }
      return;
    }
    if (u.msg === null) return;
    const kind = VERB_FAILURE[u.msg.verb];
    if (kind === undefined || kind === 'unsupported') return;
    let ref = parseUnitText(u.msg.unitText);
    if (ref.name === null) ref = this.resolver.resolve(ref, typeHint(u.msg.verb));
    const cycle = this.ensureCycle(at.lineNo);
    if (ref.name === null && kind === 'failed') {
      // The same manager's result line named the unit just before (`pipewire.service: Failed with result …`).
      const named = bestBinding(
        this.recentFailures(cycle, (x) => x.manager === manager && x.verb === 'unit-failed' && at.lineNo - x.lastLine <= BIND_LINES && x.ref.name !== null),
        (x) => nameFitsDescription(x.ref.name!, ref.text),
      );
      if (named) {
        named.verb = u.msg.verb;
        named.message = clip(at.text);
        const text = own(ref.text);
        named.ref = { ...named.ref, description: text, text };
        cycle.failureByKey.set(own(`${kind}\u0000user\u0000${ref.text}`), named);
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
      if (f) addEvidence(f.evidence, { line: at.lineNo, text: clip(at.text), why: AUDIT_FAILED });
      // The only word of it (PID 1 prints no status once a getty holds the console; its audit records still
      // reach the kernel's log): the start failed.
      else if (this.boot !== null && currentCycle(this.boot) !== null) {
        const g = this.recordFailure(currentCycle(this.boot)!, { name: a.unit, description: null, text: a.unit, partial: false, resolvedBy: null }, 'failed', 'unit-failed', at, 'kmsg');
        if (g) {
          g.evidence[0]!.why = AUDIT_FAILED;
          g.auditOnly = true;
        }
      }
      return;
    }
    // Started after all (Restart=): a failure known only from its audit record is over.
    const cycle = this.boot !== null ? currentCycle(this.boot) : null;
    const earlier = cycle?.failureByKey.get(`failed\u0000${a.unit}`);
    if (cycle && earlier !== undefined && earlier.auditOnly === true) this.forgetUnitFailure(cycle, earlier, a.unit);
    if (a.unit === 'emergency.service' || a.unit === 'rescue.service') {
      this.enterMode(this.ensureCycle(at.lineNo), a.unit === 'emergency.service' ? 'emergency' : 'rescue', at, null, `audit: ${a.unit} started`);
    }
  }

}

/** This boot's kernel said this line in its first second and a half, at this very stamp (see earlySeen). */
function earlySaid(boot: BootState, uptime: number, message: string): boolean {
  const seen = boot.earlyKernel;
  if (seen === undefined) return false;
  const head = message.slice(0, 40);
  for (let i = 0; i < seen.uptimes.length; i++) if (seen.uptimes[i] === uptime && seen.messages[i]!.slice(0, 40) === head) return true;
  return false;
}

/** dracut's trace of its emergency_shell warning why (see dracutMessage): the quoted words, `'\\''` a quote in them. */
const DRACUT_TRACE_WARN = /^\/\S+@\d+\(emergency_shell\): warn '((?:[^']|'\\'')*)'\s*$/;

/** `version` typed at a bootloader's prompt (U-Boot's `=> vers`, `U-Boot> version`, a board's own `zynq-uboot> version`). */
const VERSION_TYPED = /^(?:=>|[\w-]*U-Boot>|[\w-]+>) ?vers(?:ion)?\s*$/;
/** `reset` typed at a bootloader's prompt (U-Boot's `=> reset`). */
const RESET_TYPED = /^(?:=>|[\w-]*U-Boot>|[\w-]+>) ?reset\s*$/;

/**
 * A boot's ranges (its own, its cycles' and their phases') ended at `last`, a line already read into it: true when
 * nothing of it began after `last`, and they are cut there; false, untouched, when something did.
 */
function trimTo(boot: BootState, last: number): boolean {
  const phases = [...boot.phases, ...boot.cycles.flatMap((c) => c.phases)];
  if (boot.startLine > last || boot.cycles.some((c) => c.startLine > last) || phases.some((p) => p.startLine > last)) return false;
  boot.endLine = Math.min(boot.endLine, last);
  boot.contentEnd = Math.min(boot.contentEnd, last);
  for (const c of boot.cycles) {
    c.endLine = Math.min(c.endLine, last);
    c.contentEnd = Math.min(c.contentEnd, last);
  }
  for (const p of phases) p.endLine = Math.min(p.endLine, last);
  return true;
}
