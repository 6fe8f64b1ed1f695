import { anyLiteral } from './literals.js';
import { isUnitName } from './units.js';
/**
 * Everything else a console shows around systemd's status lines, one table row per detection: firmware
 * and bootloader markers, the kernel banner, PID 1's own log lines, prompts (login, emergency, rescue,
 * initrd shells), journal-style lines and what `systemctl status` / `systemctl --failed` print.
 */

export type PromptKind = 'login' | 'shell' | 'emergency' | 'rescue' | 'dracut-shell' | 'initramfs-shell';

interface PromptRule {
  kind: PromptKind;
  literal: string;
  pattern: RegExp;
  /** The line announces the mode (a message) rather than waiting for input (a prompt). */
  announces: boolean;
  /** A line the rule must find (test/rules.test.ts feeds it through the whole Analyzer). */
  example: string;
}

export const PROMPT_RULES: readonly PromptRule[] = [
  { kind: 'emergency', literal: 'to emergency mode', pattern: /Welcome to emergency mode!/, announces: true, example: 'Welcome to emergency mode! After logging in, type "journalctl -xb" to view system logs,' },
  { kind: 'rescue', literal: 'to rescue mode', pattern: /Welcome to rescue mode!/, announces: true, example: 'Welcome to rescue mode! Type "systemctl default" or ^D to enter default mode.' },
  { kind: 'emergency', literal: 'emergency mode', pattern: /You are in emergency mode\./, example: 'You are in emergency mode. After logging in, type "journalctl -xb" to view system logs.', announces: true },
  { kind: 'rescue', literal: 'rescue mode', pattern: /You are in rescue mode\./, example: 'You are in rescue mode. After logging in, type "journalctl -xb" to view system logs.', announces: true },
  // (Its first letter may be lost to the console, `[ive root password for maintenance`.)
  { kind: 'emergency', literal: 'root password for', pattern: /(?:Give|Enter|^\S?ive) root password for (?:system )?maintenance/, example: 'Give root password for maintenance', announces: false },
  // (sulogin's second line, the first one lost or garbled: `(or press Control-D to continue): `, older `(or type Control-D …`.)
  { kind: 'emergency', literal: 'Control-D to continue', pattern: /^\(or (?:press|type) Control-D to continue\):/, example: '(or press Control-D to continue): ', announces: false },
  { kind: 'emergency', literal: 'root account is locked', pattern: /Cannot open \w+ to console, the root account is locked/, example: 'Cannot open access to console, the root account is locked.', announces: false },
  { kind: 'emergency', literal: 'Ignition has failed', pattern: /^Ignition has failed\. Please ensure your config is valid/, example: 'Ignition has failed. Please ensure your config is valid. Note that only', announces: true },
  // (CoreOS's emergency shell in its initrd, after Ignition failed: it waits for a key, else reboots.)
  { kind: 'emergency', literal: 'for emergency shell', pattern: /^Press Enter for emergency shell or wait \d+ minutes?(?: \d+ seconds?)? for reboot\.?/, example: 'Press Enter for emergency shell or wait 4 minutes 45 seconds for reboot.', announces: true },
  { kind: 'emergency', literal: 'Displaying logs from failed units', pattern: /^Displaying logs from failed units: /, example: 'Displaying logs from failed units: ignition-disks.service', announces: true },
  { kind: 'dracut-shell', literal: 'Entering emergency mode', pattern: /Entering emergency mode\.(?: [Ee]xit (?:the )?shell to continue\.?|\s*$)/, example: 'Entering emergency mode. Exit the shell to continue.', announces: true },
  { kind: 'dracut-shell', literal: 'rdsosreport', pattern: /Generating "\/run\/initramfs\/rdsosreport\.txt"/, example: 'Generating "/run/initramfs/rdsosreport.txt"', announces: true },
  { kind: 'dracut-shell', literal: 'dracut:/#', pattern: /^dracut:\/#/, example: 'dracut:/# ', announces: false },
  { kind: 'initramfs-shell', literal: 'Gave up waiting', pattern: /Gave up waiting for (?:the )?(?:root|suspend\/resume|\/usr) (?:file ?system )?device/, example: 'Gave up waiting for root file system device.  Common problems:', announces: true },
  { kind: 'initramfs-shell', literal: 'Dropping to', pattern: /ALERT!\s+.*Dropping to (?:a )?shell!?|^Dropping to (?:a )?shell[.!]?\s*$/, example: 'ALERT!  UUID=0b5e3376-c7e9 does not exist.  Dropping to a shell!', announces: true },
  // (The same, retyped or cut before its last words: `ALERT! /dev/mapper/luks-… does not exist`, or a
  // mail's wrap: `… does not exist.  Dropping` / `to a shell!`.)
  { kind: 'initramfs-shell', literal: 'ALERT! ', pattern: /^ALERT!\s+\S+ does not exist(?:\.?\s*$|\.\s+Dropping\b)/, example: 'ALERT! /dev/mapper/luks-d91ba8d3 does not exist', announces: true },
  { kind: 'initramfs-shell', literal: '(initramfs)', pattern: /^\(initramfs\)/, example: '(initramfs) ', announces: false },
  // (Its panic() starting that shell, as the trace of its `debug` boot option shows it: `+ PS1=(initramfs)  /bin/sh -i`.)
  { kind: 'initramfs-shell', literal: '(initramfs)', pattern: /^\+ PS1='?\(initramfs\) ?'? +\/bin\/sh -i\b/, example: '+ PS1=(initramfs)  /bin/sh -i', announces: true },
  // casper (Ubuntu's live media) found no medium with its live file system on it, and gives up to its shell.
  { kind: 'initramfs-shell', literal: 'containing a live file', pattern: /^Unable to find a medium containing a live file ?system/, example: 'Unable to find a medium containing a live file system', announces: true },
  // mkinitcpio (Arch and derivatives): its message, then a busybox prompt.
  { kind: 'initramfs-shell', literal: 'dropped into', pattern: /\bYour? are now being dropped into (?:an )?emergency shell/, example: 'You are now being dropped into an emergency shell.', announces: true },
  { kind: 'initramfs-shell', literal: 'being dropped to', pattern: /You are being dropped to a recovery shell/, example: 'You are being dropped to a recovery shell', announces: true },
  // mkinitcpio when the real root could not be mounted or has no init: its shell replaces it as PID 1.
  { kind: 'initramfs-shell', literal: 'Bailing out', pattern: /^Bailing out, you are on your own\. Good luck\./, example: 'Bailing out, you are on your own. Good luck.', announces: true },
  // archiso's hooks (Arch and Artix live media) when the boot medium did not show up.
  { kind: 'initramfs-shell', literal: 'Falling back to interactive prompt', pattern: /^Falling back to interactive prompt/, example: 'Falling back to interactive prompt', announces: true },
  { kind: 'initramfs-shell', literal: '[rootfs', pattern: /^\[rootfs ?\][#$]/, example: '[rootfs ]# ', announces: false },
  // initramfs-tools' ZFS script when the root pool does not import: the `(initramfs)` shell follows.
  { kind: 'initramfs-shell', literal: 'import the root pool', pattern: /^Manually import the root pool at the command prompt/, example: 'Manually import the root pool at the command prompt then exit.', announces: true },
  // genkernel's initramfs (Gentoo) when no root device it tried was valid: it asks for one at its
  // `root block device() ::` prompt, or a shell.
  { kind: 'initramfs-shell', literal: 'root block device', pattern: /^(?:!! )?(?:Could not find the root block device in|The root block device is unspecified or not detected)/, example: '!! Could not find the root block device in .', announces: true },
  // Init systems of their own (KISS, Chimera, hand-written rc): `… starting emergency shell`.
  { kind: 'emergency', literal: 'emergency shell', pattern: /(?:^|[\s,:>])[Ss]tarting (?:an )?emergency shell\b/, example: '=> Init system encountered an error, starting emergency shell.', announces: false },
  // Alpine's initramfs.
  { kind: 'initramfs-shell', literal: 'emergency recovery shell', pattern: /initramfs emergency recovery shell launched|Launching (?:initramfs )?emergency recovery shell/, example: "initramfs emergency recovery shell launched. Type 'exit' to continue boot", announces: true },
  // dracut without systemd (its own shell scripts: Void, Gentoo, RHEL 6): fsck or a hook gave up.
  { kind: 'dracut-shell', literal: 'Dropping you to a shell', pattern: /\*\*\* Dropping you to a shell(?!; the system will reboot)/, example: 'dracut Warning: *** Dropping you to a shell; the system will try', announces: true },
  // Red Hat's rc.sysinit (sysvinit, before systemd) when fsck fails: its maintenance shell.
  { kind: 'emergency', literal: 'Dropping you to a shell', pattern: /\*\*\* Dropping you to a shell; the system will reboot/, example: '*** Dropping you to a shell; the system will reboot', announces: false },
  // Upstart's mountall and util-linux's sulogin without a root password: `Press enter for maintenance`.
  { kind: 'emergency', literal: 'for maintenance', pattern: /^Press [Ee]nter for maintenance/, example: 'Press enter for maintenance', announces: false },
  // sulogin (the maintenance shell's login) failing, and systemd-sulogin-shell going on to the default
  // target once sulogin exits: the emergency (or rescue) shell was there.
  { kind: 'emergency', literal: 'sulogin: ', pattern: /^sulogin: \S/, example: 'sulogin: cannot open password database', announces: false },
  { kind: 'emergency', literal: 'Reloading system manager configuration', pattern: /^Reloading system manager configuration$/, example: 'Reloading system manager configuration', announces: false },
  { kind: 'dracut-shell', literal: 'Dropping to debug shell', pattern: /Dropping to debug shell/, example: 'dracut Warning: Dropping to debug shell.', announces: true },
  { kind: 'login', literal: 'login:', pattern: /^(?:[A-Za-z0-9][\w.-]{0,62}|\(none\)) login:\s*(?:$|\S)/, example: 'debian login: ', announces: false },
  // Vendor firmware's own getty (routers, ONTs): `Login: ` alone; a network OS's (Cisco IOS XR), `Username: `,
  // typed at or not.
  { kind: 'login', literal: 'Login:', pattern: /^Login: ?$/, example: 'Login: ', announces: false },
  { kind: 'login', literal: 'Username:', pattern: /^Username: ?(?:$|\S+$)/, example: 'Username: ', announces: false },
  // A getty that printed the host name on the line before (or none): `login: ` (another writer may follow).
  { kind: 'login', literal: 'login:', pattern: /^login:(?: |$)/, example: 'login: ', announces: false },
  // A user's shell prompt (`pi@raspberrypi:~$ `): someone logged in, so the login prompt was reached.
  { kind: 'shell', literal: '@', pattern: /^[a-z_][\w.-]{0,31}@[A-Za-z0-9][\w.-]{0,62}:[^\s]*[#$] ?/, example: 'pi@raspberrypi:~$ uname -a', announces: false },
  // Alpine's and other ash PS1 `\h:\w\$ `, in the home directory a login lands in: `localhost:~# uname -a`.
  { kind: 'shell', literal: ':~', pattern: /^[A-Za-z0-9][\w.-]{0,62}:~[^\s#$]{0,60}[#$](?: |$)/, example: 'localhost:~# uname -a', announces: false },
  // BusyBox ash's default prompt, its working directory alone (`~ # `, `/ # `), nothing after it: a shell of
  // the booted system (an initramfs's own shell is told by what it said before, see bareShell).
  { kind: 'shell', literal: ' #', pattern: /^[~/][\w/.~-]{0,40} # ?$/, example: '~ # ', announces: false },
  // A prompt of the user's name alone (PS1='\u# ', Yocto and other embedded images): `root# `.
  { kind: 'shell', literal: 'root#', pattern: /^root# ?$/, example: 'root# ', announces: false },
  // busybox's and Red Hat's bracketed form: `[root@tiny4412 ]# `, `[root@host ~]# `.
  { kind: 'shell', literal: '@', pattern: /^\[[a-z_][\w.-]{0,31}@[A-Za-z0-9][\w.-]{0,62}(?: [^\]]{0,64})?\][#$] ?/, example: '[root@tiny4412 ]# ', announces: false },
  // (Buildroot's `[\u@\h]\w# ` after the bracket: `[root@milkv-duo]~#`.)
  { kind: 'shell', literal: '@', pattern: /^\[[a-z_][\w.-]{0,31}@[A-Za-z0-9][\w.-]{0,62}\][~/][^\s#$]{0,40}[#$] ?$/, example: '[root@milkv-duo]~#', announces: false },
];

export interface PromptMatch {
  kind: PromptKind;
  announces: boolean;
}

/** Every prompt rule's literal but the shell prompt's `@` in one regex: most lines hold none (one test, not
 *  twenty-five). `@` is looked for on its own: as a one-character alternative it kept V8's irregexp from
 *  skipping ahead by the others' length, and the test ran three times slower (measured on the corpus). */
const PROMPT_LITERALS = anyLiteral(PROMPT_RULES.map((r) => r.literal).filter((l) => l !== '@'));

/** agetty's /etc/issue, printed just before its `login: ` (which a capture may lack, ending there): the OS, its
 *  release, the host and the terminal (`Debian GNU/Linux 12 host ttyS0`, `Ubuntu 22.04.3 LTS host ttyS0`,
 *  `Debian GNU/Linux bullseye/sid rpi4vm64 ttyS0`; `Kernel 6.5.6 on an x86_64 (ttyS0)` on Red Hat's). */
export const GETTY_ISSUE = /^[A-Z][\w!/.()+-]*(?: [\w!/.()+-]+){0,6}?(?: GNU\/Linux| \d+(?:\.\d+)*)\b(?: [\w!/.()+-]+){0,4} [a-z0-9][\w-]{0,62} tty[A-Za-z]*\d+\s*$|^Kernel \S+ on an? \S+ \((?:\/dev\/)?tty[A-Za-z]*\d+\)\s*$/;

export function matchPrompt(text: string): PromptMatch | null {
  if (!text.includes('@') && !PROMPT_LITERALS.test(text)) return null;
  for (const rule of PROMPT_RULES) {
    if (!text.includes(rule.literal)) continue;
    if (rule.pattern.test(text)) return { kind: rule.kind, announces: rule.announces };
  }
  return null;
}

/** What `ALERT! UUID=… does not exist.` names: the root device that never appeared. */
export function initramfsMissingDevice(text: string): string | null {
  const m = /ALERT!\s+(.+?) does not exist\./.exec(text);
  return m ? m[1]! : null;
}

/** The root device an initramfs says it cannot find, before it gives up: mkinitcpio's `ERROR: device
 *  'UUID=…' not found. Skipping fsck.` / `ERROR: Unable to find root device 'X'.`, Alpine's `mounting
 *  /dev/sda3 on /sysroot failed`, genkernel's `!! Block device /dev/sda3 is not a valid root device...`. */
export function initramfsRootNotFound(text: string): string | null {
  // genkernel (Gentoo): `!! Block device /dev/sda3 is not a valid root device...` before it asks for another.
  if (text.includes('not a valid root device')) {
    const g = /^(?:!! )?Block device "?(\/dev\/[^"\s]+|[A-Z]+=[^"\s]+)"? is not a valid root device/.exec(text);
    return g ? g[1]! : null;
  }
  if (!text.includes('ERROR: ') && !text.includes(' on /sysroot failed')) return null;
  // (postmarketOS's initramfs: `ERROR: boot partition not found!`, `ERROR: root partition not found!`, and for a
  // system image in one partition, `ERROR: failed to mount subpartitions!`.)
  const m = /ERROR: (?:device ['"]?(.+?)['"]? not found|Unable to (?:find|determine major\/minor number of) root device ['"]?(.+?)['"]?\.?$|['"]?(\S+?)['"]? device did not show up after \d+ seconds|((?:boot|root|subpartition) partition) not found!?$|failed to mount (subpartitions)!?$)|^mounting (\S+) on \/sysroot failed/.exec(text);
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6])! : null;
}

/**
 * What an initramfs's scripts say as they give up (initramfs-tools' `panic` messages before its
 * `(initramfs)` shell, a ZFS root's pool import in any initramfs): the fsck it could not finish, the
 * encrypted root it could not open, the pool it could not import, the root it could not mount or run.
 * The rank puts a summary above the detail it sums up (`fsck exited with status code 4`, then `The root
 * filesystem on /dev/sda6 requires a manual fsck`).
 */
export function initramfsScriptFailure(text: string): { message: string; rank: number } | null {
  const c0 = text.charCodeAt(0);
  if (c0 !== 0x54 /* T */ && c0 !== 0x66 /* f */ && c0 !== 0x63 /* c */ && c0 !== 0x46 /* F */ && c0 !== 0x4e /* N */ && c0 !== 0x2f /* / */ && c0 !== 0x5b /* [ */ && c0 !== 0x73 /* s */ && c0 !== 0x72 /* r */ && c0 !== 0x45 /* E */) return null;
  // mkinitcpio's last words before its shell: the real root did not mount, or has no init.
  if (c0 === 0x45) {
    const mk = MKINITCPIO_FAILURE.exec(text.trim());
    // (Its zfs hook's summary after zpool's own words, `ERROR: ZFS: Unable to import pool rpool.`, is below them.)
    return mk === null ? null : { message: mk[1]!.replace(/\.$/, ''), rank: mk[1]!.startsWith('ZFS: ') ? 1 : 2 };
  }
  // A script's own fatal word (`[FATAL] Failed to determine boot mode`, k3OS's initrd before its rescue shell).
  const fatal = c0 === 0x5b ? /^\[FATAL\] (\S.*?)\s*$/.exec(text) : null;
  if (fatal !== null) return { message: fatal[1]!, rank: 2 };
  const m = INITRAMFS_SCRIPT_FAILURE.exec(text.trim());
  if (m === null) return null;
  // (The hand-over tool's own complaint, `run-init: can't execute '/sbin/init'`, is below the script's
  // summary of it, `Target filesystem doesn't have requested /sbin/init.`, when the script gives one.)
  const rank = /^(?:\S+ UNEXPECTED INCONSISTENCY|\S+ contains (?:a )?file ?system with errors)/.test(m[0]) ? 0 : m[0].startsWith('fsck exited') || m[0].startsWith('cannot open') || m[0].startsWith('run-init: ') || m[0].startsWith('switch_root: ') ? 1 : 2;
  return { message: m[0].replace(/[.,]$/, ''), rank };
}
const MKINITCPIO_FAILURE = /^ERROR: (Root device mounted successfully, but \S+ does not exist\.?|Failed to mount the real root device\.?|ZFS: Unable to import pool \S+?\.?)$/;
const INITRAMFS_SCRIPT_FAILURE =
  /^(?:\/dev\/\S+? UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY[.,]?|\/dev\/\S+ contains (?:a )?file ?system with errors, check(?:ed)? forced\.?|The root file ?system on \S+ requires a manual fsck\.?|fsck exited with status code (?:[4-9]|\d{2,})\.?|cryptsetup: (?:ERROR: )?(?:\S+: )?(?:cryptsetup failed, bad password or options\?|maximum number of tries exceeded.*)|Failed to mount \S* ?as root file system\.?|Target filesystem doesn'?t have (?:requested )?\S+\.?|No init found\. Try passing init= bootarg\.?|cannot import '?[^\s':]+'?:? .*(?:no such pool|one or more devices is currently unavailable|pool was previously in use|more than one matching pool).*|cannot open '?[^\s':]+'?:? dataset does not exist|(?:switch_root|run-init): (?:can't execute|failed to execute|(?:cannot|can't) access|can't chroot|failed to mount moving|\S+: (?:No such file or directory|Exec format error|Permission denied)).*)$/;

/** What a dracut that runs its own scripts (no systemd) says before it gives up: `dracut Warning:
 *  e2fsck returned with 16`, `dracut: FATAL: No or empty root= argument`. Its message, or null. */
export function dracutFailure(message: string): string | null {
  // (dracut before systemd, RHEL 6's: `dracut Warning: No root device "block:/dev/disk/by-label/root" found`.)
  // (And its `Cannot find init!`, then `Please check to make sure you passed a valid root filesystem!`: the root it
  // mounted holds no init. The second line alone says the same, should the first have been lost.)
  const m = /^dracut(?:-[\w-]+)?(?:\[\d+\])?:? (?:Warning: |FATAL: )?((?:e2|xfs_|btrfs)?fsck returned with \d+|FATAL: .+|No or empty root= argument|No root device "[^"]{1,200}" found|Cannot find init!?|.{0,30}\bsure you passed a valid root filesystem!?)/.exec(message);
  if (m !== null && m[1]!.endsWith('valid root filesystem!')) return 'Cannot find init';
  return m ? m[1]!.replace(/^FATAL: /, '').replace(/[.!]$/, '') : null;
}

/** dracut's kmsg prefix (`dracut: `, `dracut Warning: `, `dracut-initqueue[312]: `), for reading what follows. */
// (A page's copy may space the hyphen and drop the space after the colon: `dracut - initqueue[312]:Warning: …`.)
export const DRACUT_PREFIX = /^dracut(?: ?- ?[\w-]+)?(?:\[\d+\])?(?::(?: |(?=\S))| )(?:Warning: ?)?/;

export type MarkerKind = 'firmware' | 'bootloader';

interface MarkerRule {
  kind: MarkerKind;
  literal: string;
  pattern: RegExp;
  /** A banner a firmware stage prints once each time it runs: seen twice in one boot, the machine reset. */
  banner?: string;
  /** A line the rule must find (test/rules.test.ts). */
  example: string;
  /** The bootloader hands over to the kernel here: what follows is the kernel of the same boot. */
  handover?: boolean;
  /** A line from inside a firmware's run, well after its power-on (a later stage's log): a boot that begins
   *  with it began before the log did. */
  inside?: boolean;
  /** Every character a line the rule finds can begin with, when the pattern allows more than its example's
   *  first (a class or alternatives after `^`): rows are tried by a line's first character. */
  firsts?: string;
}

/** Firmware and bootloaders, one row each: the banner they print first, and lines only they print. */
export const MARKER_RULES: readonly MarkerRule[] = [
  { kind: 'firmware', literal: 'SeaBIOS', pattern: /^SeaBIOS \(version/, example: 'SeaBIOS (version 1.16.2-debian-1.16.2-1)', banner: 'seabios' },
  // OpenPOWER's first firmware (then skiboot and petitboot).
  { kind: 'firmware', literal: 'Welcome to Hostboot', pattern: /^--== Welcome to Hostboot /, example: '--== Welcome to Hostboot hostboot-a2ddbf3/hbicore.bin ==--', banner: 'hostboot' },
  // MediaTek's ARM Trusted Firmware between U-Boot and the kernel stamps its lines with its own clock
  // (`[ATF][    13.425391]save kernel info`): firmware, not the kernel's time.
  { kind: 'firmware', literal: '[ATF][', pattern: /^\[ATF\]\[\s*\d+\.\d+\]/, example: '[ATF][    13.425391]save kernel info' },
  // cloud-hypervisor's own banner as it starts a guest (it loads the kernel itself, no firmware runs).
  { kind: 'firmware', literal: 'Cloud Hypervisor Guest', pattern: /^Cloud Hypervisor Guest\s*$/, example: 'Cloud Hypervisor Guest', banner: 'cloud-hypervisor' },
  // QEMU's s390-ccw BIOS says which load parameter it IPLs with, once for each device it tries (no new boot each time).
  { kind: 'firmware', literal: 'LOADPARM=[', pattern: /^LOADPARM=\[.{0,8}\]\s*$/, example: 'LOADPARM=[        ]' },
  { kind: 'firmware', literal: 'iPXE', pattern: /^iPXE \(/, example: 'iPXE (http://ipxe.org) 00:03.0 CA00 PCI2.10 PnP PMM+3FF8C8A0+3FEC8A0 CA00' },
  // iPXE fetching what it boots (`http://10.0.0.1/boot/kernel... ok`, `tftp://…/initrd... 42%`).
  { kind: 'firmware', literal: '://', firsts: 'htfn', pattern: /^(?:https?|tftp|ftp|nfs):\/\/\S+\.\.\. ?(?:ok|\d{1,3}%|Connection timed out|No such file|Permission denied)/, example: 'http://rgw-vip.nmn/boot-images/9e2032aa/kernel... ok' },
  // EDK2's TPM measurement of an image it loads (`DxeTpm2MeasureBootHandler: PeCoffLoaderGetImageInfo failed!`).
  { kind: 'firmware', literal: 'DxeTpm', pattern: /^DxeTpm2?MeasureBootHandler: /, example: 'DxeTpm2MeasureBootHandler: PeCoffLoaderGetImageInfo failed! Status = Unsupported' },
  { kind: 'firmware', literal: 'Booting from ', pattern: /^Booting from (?:Hard Disk|ROM|DVD\/CD|Floppy)/, example: 'Booting from Hard Disk...' },
  { kind: 'firmware', literal: 'BdsDxe', pattern: /^BdsDxe: loading /, example: 'BdsDxe: loading Boot0001 "UEFI QEMU HARDDISK QM00001 " from PciRoot(0x0)/Pci(0x1,0x1)/Ata(Primary,Master,0x0)', banner: 'edk2-bds' },
  // (`starting` follows `loading` in the same boot: not a banner of its own.)
  // (Not its `failed to load Boot0002 …`: the boot option's failure, a bootloader error.)
  { kind: 'firmware', literal: 'BdsDxe', pattern: /^BdsDxe: (?!failed to load Boot)/, example: 'BdsDxe: starting Boot0001 "UEFI Misc Device" from PciRoot(0x0)/Pci(0x3,0x0)' },
  { kind: 'firmware', literal: 'UEFI', pattern: /^UEFI (?:Interactive Shell|v\d)/, example: 'UEFI Interactive Shell v2.2' },
  { kind: 'firmware', literal: 'Machine UUID', pattern: /^Machine UUID [0-9a-f-]+$/, example: 'Machine UUID 8e0b6e3a-3c1f-4d0e-9a3b-2f6c1a2b3c4d' },
  { kind: 'firmware', literal: 'bootblock starting', pattern: /^coreboot-\S+ .*bootblock starting/, example: 'coreboot-v1.9308_26_0.0.22-2597-gfa32d89ed3 Tue Sep 29 21:34:05 UTC 2020 bootblock starting...', banner: 'coreboot' },
  { kind: 'firmware', literal: 'coreboot-', pattern: /^coreboot-\S+ .*(?:verstage|romstage|postcar|ramstage) starting/, example: 'coreboot-v1.9308_26_0.0.22-2597-gfa32d89ed3 Tue Sep 29 21:34:05 UTC 2020 romstage starting...' },
  { kind: 'firmware', literal: 'Starting depthcharge', pattern: /^Starting depthcharge on /, example: 'Starting depthcharge on coral...', banner: 'depthcharge' },
  { kind: 'firmware', literal: 'U-Boot SPL', pattern: /^U-Boot SPL \d{4}\.\d\d/, example: 'U-Boot SPL 2023.01 (Jan 09 2023 - 12:00:00 +0000)', banner: 'u-boot-spl' },
  { kind: 'firmware', literal: 'U-Boot', pattern: /^U-Boot \d{4}\.\d\d/, example: 'U-Boot 2024.07 (Jul 01 2024 - 00:00:00 +0000)', banner: 'u-boot' },
  // (U-Boot 1.x, still on routers: `U-Boot 1.1.4 (Sep 21 2015 - 17:19:07)`.)
  { kind: 'firmware', literal: 'U-Boot', pattern: /^U-Boot 1\.\d+\.\d+\b/, example: 'U-Boot 1.1.4 (Sep 21 2015 - 17:19:07)', banner: 'u-boot' },
  // Other firmware that opens a power-on with its name: Broadcom's CFE, eCos RedBoot, MIPS's YAMON, OpenBIOS
  // (QEMU's sparc and ppc), the Raspberry Pi 4's EEPROM bootloader, Amlogic's boot ROM, Rockchip's DDR init.
  { kind: 'firmware', literal: 'CFE version', pattern: /^CFE version \S+ for /, example: 'CFE version 8.353.1 for BCM963268 (32bit,SP,BE)', banner: 'cfe' },
  // (Intel's CE Firmware Development Kit on its media SoCs, set-top boxes: `CEFDK Version        : CE4200 5.800`.)
  { kind: 'firmware', literal: 'CEFDK Version', pattern: /^CEFDK Version\s*: \S/, example: 'CEFDK Version        : CE4200 5.800 (HT enabled)', banner: 'cefdk' },
  // (A vendor's build of it names the board first: `CFE for WGR614v8 version: 1.3`.)
  { kind: 'firmware', literal: 'CFE for ', pattern: /^CFE for \S+ version: \S+/, example: 'CFE for WGR614v8 version: 1.3', banner: 'cfe' },
  // Samsung's phone bootloader, its lines stamped with its own clock (`[0:       0.230] Samsung S-Boot 4.0 for
  // SM-N770F (…)`), as a ram console saved across a reset shows it between two kernels.
  { kind: 'firmware', literal: 'Samsung S-Boot ', pattern: /^\[\d+:\s*\d+\.\d+\] Samsung S-Boot \d+\.\d+ for \S+/, example: '[0:       0.230] Samsung S-Boot 4.0 for SM-N770F (Jan 30 2024 - 17:55:25 76738385)', banner: 's-boot' },
  { kind: 'firmware', literal: 'Samsung S-Boot ', pattern: /^Samsung S-Boot \d+\.\d+ for \S+/, example: 'Samsung S-Boot 4.0 for SM-N770F (Jan 30 2024 - 17:55:25 76738385)', banner: 's-boot' },
  { kind: 'firmware', literal: 'RedBoot(tm)', pattern: /^RedBoot\(tm\) bootstrap and debug environment/, example: 'RedBoot(tm) bootstrap and debug environment [ROMRAM]', banner: 'redboot' },
  { kind: 'firmware', literal: 'YAMON ROM Monitor', pattern: /^YAMON ROM Monitor/, example: 'YAMON ROM Monitor, Revision 02.22.', banner: 'yamon' },
  { kind: 'firmware', literal: 'Welcome to OpenBIOS', pattern: /^Welcome to OpenBIOS v/, example: 'Welcome to OpenBIOS v1.1 built on Mar 10 2023 08:26', banner: 'openbios' },
  // PA-RISC's boot loader, started by the machine's PDC firmware.
  { kind: 'bootloader', literal: 'palo ipl ', pattern: /^palo ipl \S+ /, example: 'palo ipl debackex@pc5158a Wed Apr 11 17:56:43 CEST 2001', banner: 'palo' },
  // Microchip's (Atmel's) first-stage loader for its SAMA5 and SAM9 SoCs, before U-Boot.
  { kind: 'firmware', literal: 'AT91Bootstrap ', pattern: /^AT91Bootstrap \d+\.\d+/, example: 'AT91Bootstrap 3.8.6 (Thu Oct  6 17:13:00 IDT 2016)', banner: 'at91bootstrap' },
  // LiteX's BIOS on an FPGA soft SoC (VexRiscv, …), under its ASCII-art name.
  { kind: 'firmware', literal: 'Enjoy-Digital', pattern: /^\s*\(c\) Copyright 2012-\d{4} Enjoy-Digital/, example: ' (c) Copyright 2012-2023 Enjoy-Digital', banner: 'litex-bios' },
  // bootcode.bin (Raspberry Pi 1 to 3) with its UART on: not a banner, as the boot ROM may run it twice in one
  // power-on (from the SD card, then from a USB drive it found: `USB MSD boot`, the banner again).
  { kind: 'firmware', literal: 'Raspberry Pi Bootcode', pattern: /^Raspberry Pi Bootcode\s*$/, example: 'Raspberry Pi Bootcode' },
  // The Raspberry Pi 4's and 5's EEPROM bootloader loading the GPU firmware it hands over to (its banner may be
  // cut off a paste): `Loading start4.elf hnd: 0x000002d8`, `Starting start4.elf @ 0xfec00200`.
  { kind: 'firmware', literal: '.elf hnd: ', pattern: /^Loading \S+\.elf hnd: 0x[0-9a-f]+\s*$/, example: 'Loading start4.elf hnd: 0x000002d8' },
  { kind: 'firmware', literal: 'Starting start', pattern: /^Starting start\w*\.elf @ 0x[0-9a-f]+/, example: 'Starting start4.elf @ 0xfec00200' },
  { kind: 'firmware', literal: 'RPi: BOOTLOADER', pattern: /^RPi: BOOTLOADER release VERSION:/, example: 'RPi: BOOTLOADER release VERSION:c2f8c388 DATE: 2020/09/03 TIME: 12:11:43', banner: 'rpi-eeprom' },
  // (Its reset reason, printed before its banner and again after it; newer releases put the seconds since
  // power-on before each line, `  4.89 Starting start4.elf @ 0xfec00200 partition 1`.)
  { kind: 'firmware', literal: 'PM_RSTS: 0x', pattern: /^PM_RSTS: 0x[0-9a-f]{8}\s*$/, example: 'PM_RSTS: 0x00001020', inside: true },
  { kind: 'firmware', literal: '.elf ', firsts: ' 0123456789', pattern: /^\s*\d{1,4}\.\d\d (?:Starting start\w*\.elf @ 0x[0-9a-f]+|Read start\w*\.elf bytes\s+\d+|Loading start\w*\.elf hnd: 0x[0-9a-f]+)/, example: '  4.89 Starting start4.elf @ 0xfec00200 partition 1', inside: true },
  // The GPU firmware it started (start4.elf) logging on the UART: its clock since power-on, its core, its words.
  { kind: 'firmware', literal: 'MESS:', pattern: /^MESS:\d\d:\d\d:\d\d\.\d{6}:\d+: \S/, example: 'MESS:00:00:04.313087:0: arasan: arasan_emmc_open', inside: true },
  { kind: 'firmware', literal: ';FEAT:', firsts: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', pattern: /^[A-Z0-9]{3,5}:BL1?:[0-9a-f]{6}:[0-9a-f]{6};FEAT:/, example: 'GXL:BL1:9ac50e:bb16dc;FEAT:ADFC318C:0;POC:3;RCY:0;EMMC:800;NAND:0;READ:0;0.0;CHK:0;', banner: 'amlogic-rom' },
  { kind: 'firmware', literal: 'DDR ', pattern: /^DDR [Vv]ersion V?\d+\.\d+ \d{8}\s*$/, example: 'DDR Version V1.07 20220412', banner: 'rockchip-ddr' },
  // (Newer Rockchip DDR blobs name their build instead: `DDR d5483af87d cym 23/11/23-16:15:24,fwver: v1.15`.)
  { kind: 'firmware', literal: 'fwver: ', pattern: /^DDR [0-9a-f]{6,} \S+ \d\d\/\d\d\/\d\d-\d\d:\d\d:\d\d,fwver: v\d/, example: 'DDR d5483af87d cym 23/11/23-16:15:24,fwver: v1.15', banner: 'rockchip-ddr' },
  { kind: 'firmware', literal: 'barebox', pattern: /^barebox \d{4}\.\d\d/, example: 'barebox 2023.02.0 #1 Fri Mar 3 12:00:00 UTC 2023', banner: 'barebox' },
  { kind: 'firmware', literal: 'OpenSBI', pattern: /^OpenSBI v\d/, example: 'OpenSBI v1.2', banner: 'opensbi' },
  { kind: 'firmware', literal: 'BL1: ', pattern: /^NOTICE:\s+BL1: v\d/, example: 'NOTICE:  BL1: v2.8(release):v2.8', banner: 'tf-a-bl1' },
  { kind: 'firmware', literal: 'BL2: ', pattern: /^NOTICE:\s+BL2: v\d/, example: 'NOTICE:  BL2: v2.8(release):v2.8', banner: 'tf-a-bl2' },
  // (STM32MP's BL2 names the SoC first: `NOTICE:  CPU: STM32MP157AAA Rev.B`; a part it does not know, `STM32MP157C?? Rev.`.)
  // (Its own banner key: BL2's version line follows it in the same run.)
  { kind: 'firmware', literal: 'CPU: STM32MP', pattern: /^NOTICE:\s+CPU: STM32MP\w+(?:\?\?)? Rev\.\w*/, example: 'NOTICE:  CPU: STM32MP157AAA Rev.B', banner: 'stm32mp-bl2-cpu' },
  { kind: 'firmware', literal: 'BL31: ', pattern: /^NOTICE:\s+BL31: v\d/, example: 'NOTICE:  BL31: v2.8(release):v2.8', banner: 'tf-a-bl31' },
  // A board's first stage training its memory (`DDR3 init.`, `DDR4 initialization`; its later lines, `DRAMC init done.`, are no new start):
  // a machine starting from power-on or reset, whatever vendor's loader follows.
  { kind: 'firmware', literal: ' init', firsts: 'LD', pattern: /^(?:LP)?DDR[2-5]? init(?:iali[sz]ation)?\b/, example: 'DDR3 init.', banner: 'dram-init' },
  { kind: 'firmware', literal: 'BOOT0 is starting', pattern: /HELLO! BOOT0 is starting/, example: '[27]HELLO! BOOT0 is starting!', banner: 'boot0' },
  // NVIDIA Tegra's boot firmware (MB1, then MB2), each line stamped `[ssss.mmm]` and a level (`I>`, `W>`, `E>`, `C>`).
  { kind: 'firmware', literal: '> MB1 (', pattern: /^\[\d{4}\.\d{3}\] I> MB1 \(/, example: '[0000.034] I> MB1 (prd-version: 1.5.1.6-t194-41334769-1740dd39)', banner: 'tegra-mb1' },
  // (The Nano's and TX1's older TegraBoot stamps its lines the same way, without a level: `[0000.163] [L4T TegraBoot] (version …)`.)
  { kind: 'firmware', literal: '[L4T TegraBoot]', pattern: /^\[\d{4}\.\d{3}\] \[L4T TegraBoot\] \(version /, example: '[0000.163] [L4T TegraBoot] (version 00.00.2018.01-l4t-e82258de)', banner: 'tegraboot' },
  { kind: 'firmware', literal: 'F0: ', pattern: /^F0: [0-9A-F]{4} [0-9A-F]{4}$/, example: 'F0: 102B 0000', banner: 'mtk-bootrom' },
  // Qualcomm's SBL1 opens its log with a format line; LK (the Android bootloader) prefixes its lines
  // with its timer in brackets.
  { kind: 'firmware', literal: 'Format: Log Type', pattern: /^Format: Log Type - Time\(microsec\) - Message/, example: 'Format: Log Type - Time(microsec) - Message - Optional Info', banner: 'qcom-sbl1' },
  // Xen started as an EFI application (xen.efi, before dom0's kernel): its loader's banner.
  { kind: 'bootloader', literal: ') EFI loader', pattern: /^Xen \d+\.\d+\S* \(c\/s [^)]*\) EFI loader\s*$/, example: 'Xen 4.14.0 (c/s ) EFI loader', banner: 'xen-efi' },
  // Arista's Aboot (EOS and SONiC switches): its version alone on a line after `Arista Networks Inc...`.
  { kind: 'bootloader', literal: 'Aboot ', pattern: /^Aboot \d+\.\d+\.\d+(?:-\d+)?\s*$/, example: 'Aboot 2.1.0-3037058', banner: 'aboot' },
  { kind: 'bootloader', literal: 'welcome to lk', pattern: /^\[\d+\] (?:\[\d+\] )?welcome to lk\b/, example: '[0] [0] welcome to lk', banner: 'lk' },
  // (Its last words, handing over to what it loaded: a kernel, or U-Boot chain-loaded as one on a DragonBoard.)
  { kind: 'bootloader', literal: 'booting linux @ ', pattern: /^\[\d+\] (?:\[\d+\] )?booting linux @ (?:0x)?[0-9a-fA-F]+, ramdisk @ /, example: '[5300] booting linux @ 0x80080000, ramdisk @ 0x82200000 (0), tags/device tree @ 0x82000000', handover: true },
  { kind: 'bootloader', literal: 'fastboot: ', pattern: /^\[\d+\] (?:\[\d+\] )?fastboot: (?:processing commands|getvar:|download:|flash:|erase:|boot\b)/, example: '[30580] [30580] fastboot: getvar:has-slot:rootfs' },
  { kind: 'bootloader', literal: 'autoboot', pattern: /^Hit any key to stop autoboot/, example: 'Hit any key to stop autoboot:  0 ' },
  { kind: 'bootloader', literal: '## ', pattern: /^## (?:Booting kernel from|Loading kernel from|Flattened Device Tree blob at|Loading init Ramdisk)/, example: '## Booting kernel from Legacy Image at 82000000 ...' },
  { kind: 'bootloader', literal: 'Starting kernel', pattern: /^Starting kernel (?:\.\.\.|at (?:0x)?[0-9a-fA-F]+\.{3})/, example: 'Starting kernel ...', handover: true },
  // IBM's SLOF (QEMU pseries' firmware) opens with its name and a row of stars.
  { kind: 'firmware', literal: 'SLOF ', pattern: /^SLOF \*{10,}/, example: 'SLOF **********************************************************************', banner: 'slof' },
  { kind: 'firmware', literal: 'Welcome to Open Firmware', pattern: /^\s*Welcome to Open Firmware\s*$/, example: '  Welcome to Open Firmware' },
  // PowerPC's prom_init (the kernel's own first stage, still in Open Firmware) names the kernel it boots.
  { kind: 'bootloader', literal: 'Preparing to boot Linux version', pattern: /^Preparing to boot Linux version \S/, example: 'Preparing to boot Linux version 5.4.0-rc3+ (lvivier@localhost) (gcc', handover: true },
  // PowerPC's prom_init (the kernel's own first stage) leaves Open Firmware.
  { kind: 'bootloader', literal: 'Booting Linux via __start', pattern: /^Booting Linux via __start\(\)/, example: 'Booting Linux via __start() @ 0x0000000004800000 ...', handover: true },
  // U-Boot's load commands (`load`, `fatload`, `ext4load`, `tftp`): the bootloader is reading what it will boot.
  { kind: 'bootloader', literal: 'bytes read in ', pattern: /^\s*\d+ bytes read in \d+ ms\b/, example: '8886912 bytes read in 522 ms (16.2 MiB/s)' },
  // x86's decompressor, the first thing the kernel image prints (`Decompressing Linux... Parsing ELF... done.`).
  // (A console that ended the line before its last words: `Decompressing Linux... Parsing ELF... done.`, then
  // `Booting the kernel`.)
  { kind: 'bootloader', literal: 'Decompressing Linux', pattern: /^Decompressing Linux\.\.\. (?:.*Booting the kernel ?\.?|Parsing ELF\.\.\. done\.)\s*$/, example: 'Decompressing Linux... Parsing ELF... done. Booting the kernel.', handover: true },
  { kind: 'bootloader', literal: 'Booting the kernel', pattern: /^Booting the kernel ?\.$/, example: 'Booting the kernel.', handover: true },
  // 32-bit ARM's and MIPS's decompressor: the kernel image's first words.
  { kind: 'bootloader', literal: 'Uncompressing Linux', pattern: /^Uncompressing Linux\.{3}.*\bbooting the kernel\.?\s*$/, example: 'Uncompressing Linux... done, booting the kernel.', handover: true },
  // Other bootloaders frame the same words (rustBoot: `***** Starting kernel *****`).
  { kind: 'bootloader', literal: 'Starting kernel', pattern: /^\s*[*#=~-]{3,}\s*Starting kernel\b/, example: '***************************************** Starting kernel ********************************************', handover: true },
  { kind: 'bootloader', literal: 'Exiting depthcharge', pattern: /^Exiting depthcharge with code/, example: 'Exiting depthcharge with code 4 at timestamp: 26052152' },
  { kind: 'bootloader', literal: 'GRUB', pattern: /Welcome to GRUB!|GNU GRUB\s+version/, example: 'Welcome to GRUB!' },
  // (Retyped from a screen.)
  { kind: 'bootloader', literal: 'Grub!', pattern: /^Welcome to Grub!$/, example: 'Welcome to Grub!' },
  { kind: 'bootloader', literal: 'Booting `', pattern: /^\s*Booting `.+'/, example: '  Booting `Debian GNU/Linux\'' },
  // (GRUB legacy quoted the entry's title both ways round: `Booting 'Ubuntu, kernel 2.6.10-5-386'`.)
  { kind: 'bootloader', literal: 'Booting \'', pattern: /^\s*Booting '[^']+'\s*$/, example: "  Booting 'Ubuntu, kernel 2.6.10-5-386'" },
  { kind: 'bootloader', literal: 'Booting a command list', pattern: /^\s*Booting a command list/, example: 'Booting a command list' },
  { kind: 'bootloader', literal: 'Loading ', pattern: /^\s*Loading (?:Linux \S+|initial ramdisk) \.\.\./, example: 'Loading Linux 6.12.0-amd64 ...' },
  { kind: 'bootloader', literal: 'ISOLINUX', pattern: /^ISOLINUX \d/, example: 'ISOLINUX 6.04 20200816 ETCD Copyright (C) 1994-2015 H. Peter Anvin et al' },
  { kind: 'bootloader', literal: 'SYSLINUX', pattern: /^SYSLINUX \d/, example: 'SYSLINUX 6.04 EDD 20200816 Copyright (C) 1994-2015 H. Peter Anvin et al' },
  { kind: 'bootloader', literal: 'Petitboot', pattern: /^\s*Petitboot \(v/, example: ' Petitboot (v1.7.1-p86c23dd)                                   8335-GTC 131B6DA' },
  { kind: 'bootloader', literal: 'EFI stub', pattern: /^EFI stub: (?!ERROR: )/, example: 'EFI stub: Loaded initrd from LINUX_EFI_INITRD_MEDIA_GUID device path' },
];

export interface MarkerMatch {
  kind: MarkerKind;
  banner: string | null;
  handover: boolean;
  inside: boolean;
}

/** Bootloader errors that leave a machine without a kernel (U-Boot, GRUB, depthcharge). */
export const BOOTLOADER_ERRORS: ReadonlyArray<{ literal: string; pattern: RegExp; example: string; anywhere?: boolean }> = [
  // LK (Qualcomm's Android bootloader) stamps its lines with its timer, and prints its errors at CRITICAL level with
  // an `ERROR: ` of their own (`[13010] ERROR: Updating Device Tree Failed`, `ERROR: Invalid boot image header`).
  { literal: '] ERROR: ', pattern: /^\[\d{1,9}\] (?:\[\d{1,9}\] )?ERROR: \S/, example: '[13010] ERROR: Updating Device Tree Failed ' },
  { literal: 'device tree', pattern: /^(?:ERROR: )?Could not find a valid device tree/, example: 'Could not find a valid device tree' },
  // (bootm's words when the image came without a device tree it can pass: `booti` with no or an overwritten FDT.)
  { literal: 'Flattened Device Tree', pattern: /^(?:ERROR: )?Did not find a cmdline Flattened Device Tree/, example: 'ERROR: Did not find a cmdline Flattened Device Tree' },
  // U-Boot's bootm found no device tree to pass (the one extlinux named did not load, or FDT support is not built in).
  { literal: 'Device tree not found', pattern: /^Device tree not found or missing FDT support$/, example: 'Device tree not found or missing FDT support' },
  // U-Boot's extlinux/PXE loader could not read a file its menu names (`Failed to load '/boot/…/board.dtb'`).
  { literal: "Failed to load '", pattern: /^Failed to load '\/[^']+'$/, example: "Failed to load '/boot/extlinux/../dtbs/board.dtb'" },
  // (U-Boot capitalises its image checks: `Bad Header Checksum`, `Bad Data CRC`.)
  { literal: 'Bad ', pattern: /^Bad (?:Linux \S+ Image magic|[Dd]ata (?:CRC|Hash)|[Hh]eader [Cc]hecksum)/, example: 'Bad Linux ARM64 Image magic!' },
  // U-Boot's verified boot: the FIT image's signature is not by the key its device tree requires (said at the end of
  // `Verifying Hash Integrity ... sha256,rsa2048:dev- `, then `Bad Data Hash` and `ERROR: can't get kernel image!`).
  { literal: 'Failed to verify required signature', pattern: /Failed to verify required signature '[^']+'/, example: "   Verifying Hash Integrity ... sha256,rsa2048:dev- Failed to verify required signature 'key-dev'", anywhere: true },
  // (`bootm`'s words capitalised; `source`'s, a boot script in the wrong format, not: `Wrong image format for "source" command`.)
  { literal: 'ormat for ', pattern: /^Wrong [Ii]mage [Ff]ormat for "?\w+"? command/, example: 'Wrong Image Format for bootm command' },
  { literal: 'error: ', pattern: /^error: (?:file (?:[`'][^']+' )?not found|no such device|no such partition|unknown filesystem|you need to load the kernel first|invalid magic number|out of memory|disk [`'][^']+' not found|attempt to read or write outside of disk|symbol [`'][^']+' not found|cannot allocate kernel buffer|premature end of file|bad shim signature|invalid signature|can't find command [`'][^']+'|unknown command [`'][^']+'|invalid arch-(?:in)?dependent ELF magic|no such disk)/, example: "error: file `/vmlinuz' not found." },
  // GRUB's menu entry failed, and so did its fallback: it gives up and waits for a key.
  { literal: 'Failed to boot both default and fallback entries', pattern: /^Failed to boot both default and fallback entries\.?$/, example: 'Failed to boot both default and fallback entries.' },
  // GRUB built with its debug locations names the source file before the message (`error:
  // ../../grub-core/kern/efi/sb.c:182:bad shim signature.`).
  // (Red Hat's GRUB prints some of them without the `error: `: `../../grub-core/loader/i386/efi/linux.c:215:/boot/vmlinuz-… has invalid signature.`)
  // (Not its video mode, which it falls back from and boots on: `../../grub-core/video/video.c:762:no suitable
  // video mode found.`)
  { literal: 'grub-core/', pattern: /^(?:error: (?:\.\.\/)*|(?:\.\.\/)+)grub-core\/(?!video\/)\S+?\.c:\d+:\s*\S/, example: 'error: ../../grub-core/kern/efi/sb.c:182:bad shim signature' },
  // GRUB legacy (0.97, and Xen's PV-GRUB built from it) names its errors by number: `Error 15: File not found`.
  { literal: 'Error ', pattern: /^Error \d{1,2}: [A-Z][a-z]/, example: 'Error 15: File not found' },
  // Xen's domain builder, which PV-GRUB uses to start the kernel it loaded, rejected that kernel or could
  // not build its memory (`ERROR Invalid kernel: elf_xen_note_check: …`, `xc_dom_parse_image returned -1`).
  { literal: 'ERROR', pattern: /^ERROR:? (?:Invalid kernel: |mmu_update failed\b)/, example: 'ERROR Invalid kernel: elf_xen_note_check: ERROR: Will only load images' },
  // shim (UEFI Secure Boot's first stage) could not load or verify the next stage: no kernel ran.
  { literal: 'EFI\\', pattern: /^Failed to open \\EFI\\\S+ - [A-Z]/, example: 'Failed to open \\EFI\\BOOT\\mmx64.efi - Not Found' },
  { literal: 'Failed to ', pattern: /^Failed to (?:load image|start MokManager|start grub|start image)\b.*: (?:Not Found|Security Violation|Access Denied|Load Error|Invalid Parameter|Unsupported|Out of Resources|Aborted)\s*$/, example: 'Failed to start MokManager: Not Found' },
  { literal: 'Something has gone seriously wrong', pattern: /^Something has gone seriously wrong: \S/, example: 'Something has gone seriously wrong: import_mok_state() failed: Not Found' },
  { literal: 'Verification failed: ', pattern: /^Verification failed: \(0x[0-9A-Fa-f]+\) \S/, example: 'Verification failed: (0x1A) Security Violation' },
  { literal: 'start_image() returned', pattern: /^start_image\(\) returned \S/, example: 'start_image() returned Not Found' },
  // (Not U-Boot's own store of UEFI variables, which it reads at every EFI boot and makes when missing:
  // `Unable to read file ubootefi.var`.)
  { literal: 'Unable to read file', pattern: /^(?:\*\* )?Unable to read file (?!ubootefi\.var\b)\S+/, example: '** Unable to read file Image **' },
  { literal: 'File not found', pattern: /^\*\* File not found \S+ \*\*/, example: '** File not found /boot/Image **' },
  // (`load`'s and `fatload`'s words for a file it could not read: `** Unable to read "zImage" from usb 0:1 **`.)
  { literal: 'Unable to read "', pattern: /^\*\* Unable to read "[^"]+" from \S+ \S+ \*\*$/, example: '** Unable to read "openwrt-initramfs.bin" from usb 0:1 **' },
  // U-Boot found the image it loaded damaged (then `ERROR: can't get kernel image!`): the image's checksum is why.
  { literal: 'Bad Data CRC', pattern: /^Verifying Checksum \.\.\. Bad Data CRC$/, example: 'Verifying Checksum ... Bad Data CRC' },
  // U-Boot's EFI boot manager found nothing to start on any device it tried; it is tried before the other ways on
  // each device, so a kernel loaded after it (`Retrieving file: …`) gets past it: a failure only where nothing did.
  { literal: 'EFI boot manager: ', pattern: /^EFI boot manager: Cannot load any image$/, example: 'EFI boot manager: Cannot load any image' },
  // (U-Boot's boot_targets naming a device this board has no command for: where its list ran out.)
  { literal: '## Error: "', pattern: /^## Error: "\w+" not defined$/, example: '## Error: "bootcmd_nand0" not defined' },
  // QEMU's s390-ccw BIOS could not IPL (initial program load) from a device, or from any.
  { literal: 'IPL', pattern: /^(?:ERROR: )?(?:Failed to IPL this \w+ image!|No suitable device for IPL\b)/, example: 'ERROR: No suitable device for IPL. Halting...' },
  // U-Boot's SPL could not make room for the FIT image it loads (`check CONFIG_SPL_SYS_MALLOC_SIZE` after it).
  { literal: 'Could not get FIT buffer', pattern: /^Could not get FIT buffer of \d+ bytes/, example: 'Could not get FIT buffer of 1074176 bytes' },
  // shim could not read the image it was to start (then `Failed to read header: Unsupported`, `Failed to load image`).
  { literal: 'Invalid image', pattern: /^Invalid image$/, example: 'Invalid image' },
  // OVMF measuring what QEMU handed it for an SEV guest found the kernel, initrd or command line not as measured.
  { literal: 'Hash comparison failed', pattern: /^VerifyBlob: Hash comparison failed for "\w+"/, example: 'VerifyBlob: Hash comparison failed for "kernel"' },
  // U-Boot could not write a file (a boot counter, an environment): its FAT driver's words, then fatwrite's.
  { literal: 'Unable to write', pattern: /^\*\* Unable to write (?:file )?"?[^"\s]+"? (?:from|to) \S+ \S+ \*\*$/, example: '** Unable to write "bootcount.env" from mmc 0:1 **' },
  { literal: 'allocating new dir entry', pattern: /^Error: allocating new dir entry$/, example: 'Error: allocating new dir entry' },
  // U-Boot's loader refused to put a file where the memory is reserved (a board it does not know, an image
  // larger than the room below its own code): nothing was loaded, what is booted next is garbage.
  { literal: 'would overwrite reserved memory', pattern: /^\*\* Reading file would overwrite reserved memory \*\*/, example: '** Reading file would overwrite reserved memory **' },
  { literal: 'Bad gzipped', pattern: /^Error: Bad gzipped \w+/, example: 'Error: Bad gzipped data' },
  // U-Boot could not decompress the kernel it loaded (`Uncompressing SEAMA linux.lzma ... LZMA ERROR 1 - must
  // RESET board to recover`, `GUNZIP: uncompress, out-of-mem or overwrite error - must RESET board to recover`).
  { literal: 'board to recover', pattern: /^(?:Uncompressing .*?\.{3} ?)?(?:\w+:? [^-]*?)?(?:error|ERROR)\b.* - must RESET (?:the )?board to recover/, example: 'Uncompressing SEAMA linux.lzma ... LZMA ERROR 1 - must RESET board to recover' },
  // (Older U-Boot's bootm, the image it loaded overwritten by its own uncompressing: `ERROR: image overwritten -
  // must RESET the board to recover.`; a kernel larger than its limit: `Image too large: increase CONFIG_SYS_BOOTM_LEN`.)
  { literal: 'image overwritten', pattern: /^ERROR: (?:new format )?image overwritten - must RESET the board to recover/, example: 'ERROR: image overwritten - must RESET the board to recover.' },
  { literal: 'Image too large', pattern: /^Image too large: increase CONFIG_SYS_BOOTM_LEN/, example: 'Image too large: increase CONFIG_SYS_BOOTM_LEN' },
  // SLOF's numbered errors (`E3405: No such device`, `E3407: Load failed`) and the exceptions Open
  // Firmware reports with their vector (`( 300 ) Data Storage Exception [ 1dc5f230 ]`).
  { literal: 'E3', pattern: /^E3\d{3}: [A-Z]/, example: 'E3405: No such device' },
  // (SLOF's disk driver read past the disk's end, often glued after its `Trying to load: … ` line.)
  { literal: 'SCSI-DISK: Access beyond end of device', pattern: /SCSI-DISK: Access beyond end of device/, example: 'Trying to load:  from: /pci@800000020000000/scsi@1/disk@100000000000000 ...  slash SCSI-DISK: Access beyond end of device ! ', anywhere: true },
  { literal: ' ) ', pattern: /^\( [0-9a-f]{3,4} \) [A-Z][A-Za-z ]+ \[ [0-9a-f]+ \]/, example: '( 300 ) Data Storage Exception [ 1dc5f230 ]' },
  // U-Boot's distro boot: the board's boot script stopped with an error, and U-Boot goes on to its next
  // boot target (what it says after it is that target's).
  { literal: 'SCRIPT FAILED', pattern: /^SCRIPT FAILED: continuing\.\.\.$/, example: 'SCRIPT FAILED: continuing...' },
  // U-Boot's file systems and its SPL's loaders could not read what they were to boot.
  { literal: 'Error reading cluster', pattern: /^Error reading cluster\b/, example: 'Error reading cluster' },
  { literal: 'invalid extent block', pattern: /^invalid extent block\b/, example: 'invalid extent block' },
  // (The MMC host driver's own word on the read that failed, before the loader's: `dwmci_data_transfer: DATA
  // ERROR!`, `sdhci_send_command: Timeout for status update!`.)
  { literal: 'dwmci_', pattern: /^dwmci_\w+: (?:DATA ERROR!|Response Timeout\.?$|Timeout\.?$)/, example: 'dwmci_data_transfer: DATA ERROR!' },
  { literal: 'sdhci_', pattern: /^sdhci_\w+: (?:Timeout for status update!|MMC: \d+ busy timeout)/, example: 'sdhci_send_command: Timeout for status update!' },
  { literal: 'block read error', pattern: /^\w+: mmc block read error/, example: 'mmc_load_image_raw_sector: mmc block read error' },
  { literal: 'failed to boot from all boot devices', pattern: /^SPL: failed to boot from all boot devices/, example: 'SPL: failed to boot from all boot devices' },
  { literal: '### ERROR ###', pattern: /^### ERROR ### Please RESET the board ###/, example: '### ERROR ### Please RESET the board ###' },
  // U-Boot could not make the device tree it hands the kernel (`FDT creation failed! hanging...`, its hang()'s
  // `### ERROR ### Please RESET the board ###` glued after it): no kernel ran.
  { literal: 'FDT creation failed', pattern: /^FDT creation failed!/, example: 'FDT creation failed! hanging...### ERROR ### Please RESET the board ###' },
  // bootm could not use the image it was given.
  { literal: 'Ramdisk', pattern: /^(?:Wrong Ramdisk Image Format|Ramdisk image is corrupt or invalid)/, example: 'Wrong Ramdisk Image Format' },
  // (Its reason on the line before, when the image was built for another CPU: `Unsupported Architecture 0x2`.)
  { literal: 'Unsupported Architecture 0x', pattern: /^Unsupported Architecture 0x[0-9a-fA-F]+/, example: 'Unsupported Architecture 0x2' },
  { literal: "can't get kernel image", pattern: /^ERROR: can't get kernel image!/, example: "ERROR: can't get kernel image!" },
  // NVIDIA Tegra's boot firmware: an error (`E>`) or critical (`C>`) line before any kernel ran.
  { literal: '> ', pattern: /^\[\d{4}\.\d{3}\] [EC]> \S/, example: '[0000.086] E> LOADER: Failed to verify SMD.' },
  // (TegraBoot, without levels, names what it could not find: `[0000.338] PT: Partition TBC NOT found !`.)
  { literal: ' NOT found', pattern: /^\[\d{4}\.\d{3}\] (?:PT: Partition \S+ NOT found|Find Partition via PT Failed)/, example: '[0000.338] PT: Partition TBC NOT found !' },
  // U-Boot's SD/MMC driver found no card that answers (often after `Loading Environment from FAT... `).
  { literal: 'Card did not respond to voltage select', pattern: /Card did not respond to voltage select!(?: : -?\d+)?/, example: 'Card did not respond to voltage select! : -110', anywhere: true },
  { literal: 'No partition table', pattern: /^\*\* No partition table - \w+ \d+ \*\*/, example: '** No partition table - mmc 0 **' },
  // The kernel's EFI stub could not load what it was told to (the initrd, the kernel itself): no kernel ran.
  // (Not what it says and works around: a firmware that got the image's base or alignment wrong, `ERROR:
  // FIRMWARE BUG: kernel image not aligned on 64k boundary`, or no table for reserved memory; the stub goes on.)
  { literal: 'EFI stub: ERROR: ', pattern: /^EFI stub: ERROR: (?!FIRMWARE BUG: |Failed to install memreserve config table)\S/, example: 'EFI stub: ERROR: Failed to read file' },
  // 32-bit ARM's kernel head found no machine it supports for the ID (or device tree) the bootloader passed:
  // it stops there, before its console comes up (the decompressor's output shows the message).
  { literal: 'unsupported machine ID', pattern: /^Error: (?:invalid dtb and )?unrecognized\/unsupported machine ID\b/, example: 'Error: unrecognized/unsupported machine ID (r1 = 0x00000722).' },
  // EDK II's boot manager tried every boot option and none loaded (it then opens its menu or shell).
  { literal: 'Unable to boot', pattern: /^\[Bds\] ?Unable to boot!?$/, example: '[Bds] Unable to boot!' },
  // U-Boot's bootflow gave up on a boot method (`Boot failed (err=-14)`), and its commands on a device the
  // board does not have (`** Bad device specification mmc 0 **`).
  { literal: 'Boot failed (err=', pattern: /^Boot failed \(err=-?\d+\)$/, example: 'Boot failed (err=-14)' },
  { literal: 'Bad device specification', pattern: /^\*\* Bad device specification \w+ \d+ \*\*$/, example: '** Bad device specification mmc 0 **' },
  // CFE could not load the image it boots (after its checksum of it failed, or no image was there).
  { literal: 'Could not load ', pattern: /^Could not load \S+:: ?[A-Z][\w ]{0,40}$/, example: 'Could not load flash0.os:: Error' },
  // Marvell's SPL and BootROM found the next image's checksum wrong (a bootloader written damaged): no image ran.
  { literal: 'checksum', pattern: /^(?:ERROR: Invalid (?:data|header) checksum in kwbimage|BootROM: Image checksum verification FAILED)/, example: 'ERROR: Invalid data checksum in kwbimage' },
  // U-Boot's command line for the kernel is longer than its limit (extlinux's `append` and the board's bootargs): it does not boot.
  { literal: 'bootarg overflow', pattern: /^bootarg overflow \d+\+\d+\+\d+\+\d+ > \d+$/, example: 'bootarg overflow 265+0+0+1 > 256' },
  // U-Boot's bootflow (extlinux, boot scripts) could not get what it needs from the environment.
  { literal: 'missing environment variable', pattern: /^missing environment variable: \w+$/, example: 'missing environment variable: kernel_addr_r' },
  // U-Boot's own exception handler (32-bit ARM; then its registers and `Resetting CPU ...`): the bootloader,
  // or a kernel it started before that printed a line, faulted.
  { literal: ' abort', pattern: /^(?:data|prefetch) abort$/, example: 'data abort' },
  { literal: 'undefined instruction', pattern: /^undefined instruction$/, example: 'undefined instruction' },
  // … and 64-bit ARM's: `"Synchronous Abort" handler, esr 0x96000010`.
  { literal: '" handler, esr 0x', pattern: /^"(?:Synchronous Abort|SError|Error)" handler, esr 0x[0-9a-f]+/, example: '"Synchronous Abort" handler, esr 0x96000010' },
  // … and RISC-V's: `exception code: 2 , Illegal instruction , epc 88000004 , ra 88000000` (older U-Boot),
  // `Unhandled exception: Illegal instruction` (newer).
  { literal: 'xception', pattern: /^(?:exception code: \d+ , [\w ]+ , epc [0-9a-f]+ , ra [0-9a-f]+|Unhandled exception: [A-Z][\w ]+)\s*$/, example: 'exception code: 2 , Illegal instruction , epc 88000004 , ra 88000000' },
  // A board's U-Boot boot script gives up on its boot source (Toradex's `emmcboot failed`, `sdboot failed`).
  { literal: 'boot failed', pattern: /^(?:emmc|sd|usb|nfs|ubi|nand|mmc|tftp|net|sata|scsi|spi)boot failed$/, example: 'emmcboot failed' },
  // EDK II (OVMF, LinuxBoot, vendors' UEFI) stops on a failed assertion in a debug build, or dumps the CPU's
  // state on an exception: the firmware went no further.
  { literal: 'ASSERT [', pattern: /^ASSERT \[\w+\] \S+\(\d+\): \S/, example: 'ASSERT [DxeCore] /build/edk2/MdeModulePkg/Core/Dxe/DxeMain/DxeMain.c(607): ((BOOLEAN)(0==1))' },
  // (ARM's EDK II default exception handler: `Synchronous Exception at 0x0000000081310C90`.)
  { literal: 'Synchronous Exception at ', pattern: /^Synchronous Exception at 0x[0-9A-Fa-f]+$/, example: 'Synchronous Exception at 0x0000000081310C90' },
  { literal: ' Exception Type - ', pattern: /^!!!! (?:X64|IA32|ARM|AARCH64|RISCV64|LOONGARCH64) Exception Type - /, example: '!!!! X64 Exception Type - 03(#BP - Breakpoint)  CPU Apic ID - 00000000 !!!!' },
  // EDK II's boot manager could not load a boot option (`… "UEFI QEMU DVD-ROM" from PciRoot(0x0)/…: Not Found`,
  // `: Access Denied` when Secure Boot refused it); it tries the next. One that loads is `BdsDxe: starting Boot…`.
  { literal: 'BdsDxe: failed to load Boot', pattern: /BdsDxe: failed to load Boot[0-9A-Fa-f]{4} ".*" from \S.*: [A-Z][A-Za-z ]+$/, example: 'BdsDxe: failed to load Boot0001 "UEFI QEMU DVD-ROM QM00003 " from PciRoot(0x0)/Pci(0x1,0x1)/Ata(Secondary,Master,0x0): Not Found', anywhere: true },
  // GRUB gave up after an error and opens its rescue shell (`grub rescue>`).
  // AT91Bootstrap could not read the next stage from the card's FAT (`*** FATFS: f_open, filename: [u-boot.bin]: error`).
  { literal: 'FATFS: ', pattern: /^(?:\*{3} )?FATFS: \w+, filename: \[[^\]]+\]: error/, example: '*** FATFS: f_open, filename: [u-boot.bin]: error' },
  // (Its word that the stage was not loaded: `SD/MMC: Failed to load image`.)
  { literal: 'Failed to load image', pattern: /^(?:SD\/MMC|NAND|SPI Flash|DataFlash|SF|MMC): Failed to load image$/, example: 'SD/MMC: Failed to load image' },
  // The Raspberry Pi 4's EEPROM bootloader could not open the device of a boot mode (`Boot mode: NVME (06) order f1`,
  // then this): it tries the next mode, and a later load gets past it.
  { literal: 'Failed to open device: ', pattern: /^Failed to open device: '\w+'$/, example: "Failed to open device: 'nvme'" },
  // (And when it cannot read the boot partition it opened, or write its own EEPROM in an update: `FAT read failed @
  // 82112`, then `Read config.txt failed` for each file; `+EEPROM ERROR sector-erase: 0x0 0x0` after its progress mark.)
  { literal: 'FAT read failed @ ', pattern: /^FAT read failed @ \d+/, example: 'FAT read failed @ 82112' },
  { literal: 'EEPROM ERROR ', pattern: /(?<=^\+?)EEPROM ERROR [\w-]+: /, example: '+EEPROM ERROR sector-erase: 0x0 0x0', anywhere: true },
  // PA-RISC's PALO could not read the kernel from its boot device.
  { literal: 'Read from boot device failed', pattern: /^(?:ERROR: )?Read from boot device failed \(status = -?\d+\)/, example: 'ERROR: Read from boot device failed (status = -4).' },
  // OpenBIOS (QEMU's sparc and ppc firmware) took a trap it has no handler for, and stops.
  { literal: 'Unhandled Exception 0x', pattern: /^Unhandled Exception 0x[0-9a-fA-F]+\s*$/, example: 'Unhandled Exception 0x0000000000000020' },
  { literal: 'Entering rescue mode', pattern: /^Entering rescue mode\.\.\.$/, example: 'Entering rescue mode...' },
  // Trusted Firmware stopped on an error it could not go on from (`PANIC at PC : 0x2ffea213`, after its `ERROR:`): no bootloader ran.
  { literal: 'PANIC at PC : ', pattern: /^PANIC at PC : 0x[0-9a-fA-F]+\s*$/, example: 'PANIC at PC : 0x2ffea213' },
  // systemd-boot and its stub stop on a failed assertion (`…, halting.`): no kernel ran.
  { literal: 'failed at ', pattern: /^systemd-(?:boot|stub): Assertion '.+' failed at \S+, halting\.?$/, example: "systemd-boot: Assertion 'prefix' failed at ../src/boot/efi/stub.c:372@load_addons, halting." },
];

const BOOTLOADER_FIRST = new Set(['A', 'I', '!', 'C', 'D', 'E', 'B', 'b', 'W', 'e', 'U', '*', '[', 'm', 's', 'd', 'p', 'u', '"', 'F', 'S', 'V', 'R', '#', 'i', 'n', 't', '(', 'L', 'G', '.', 'P']);

const BOOTLOADER_ANYWHERE = BOOTLOADER_ERRORS.filter((r) => r.anywhere === true);

/** The bootloader's error message on this line (from where it begins), or null. */
const BOOTLOADER_LITERALS = anyLiteral(BOOTLOADER_ERRORS.map((r) => r.literal));

export function matchBootloaderError(text: string): string | null {
  if (!BOOTLOADER_LITERALS.test(text)) return null;
  if (BOOTLOADER_FIRST.has(text[0] ?? '')) {
    // (systemd-boot names itself first, Tegra's firmware its clock and level: the message is what follows.)
    // (Without U-Boot's hang() glued after the message it stopped on: `FDT creation failed! hanging...### ERROR ###
    // Please RESET the board ###` says `FDT creation failed`.)
    for (const row of BOOTLOADER_ERRORS) if (row.anywhere !== true && text.includes(row.literal) && row.pattern.test(text)) return text.replace(/^systemd-(?:boot|stub): |^\[\d{4}\.\d{3}\] (?:[EC]> )?|^\[\d{1,9}\] (?:\[\d{1,9}\] )?(?=ERROR: )|^\*{3} /, '').replace(/(?<=\S)!?\s*(?:hanging\.{3})?\s*### ERROR ### Please RESET the board ###\s*$/, '')
        // (EDK II frames its exception in bangs, with the CPU: `!!!! X64 Exception Type - 0D(#GP - General Protection)  CPU
        // Apic ID - 00000000 !!!!` says `X64 Exception Type - 0D(#GP - General Protection)`.)
        .replace(/^!!!! (\S+ Exception Type - .*?)\s*(?:CPU Apic ID - \w+\s*)?!*\s*$/, '$1');
  }
  for (const row of BOOTLOADER_ANYWHERE) {
    if (!text.includes(row.literal)) continue;
    const m = row.pattern.exec(text);
    if (m) return text.slice(m.index);
  }
  return null;
}

/** Marker rows by the first character their line can start with; rows that match anywhere or after
 *  spaces are tried for every line. */
const MARKER_ANYWHERE = MARKER_RULES.filter((r) => !r.pattern.source.startsWith('^') || r.pattern.source.startsWith('^\\s*'));
const MARKER_ANYWHERE_LITERALS = anyLiteral(MARKER_ANYWHERE.map((r) => r.literal));
const MARKER_BY_FIRST = byFirstChar(
  MARKER_RULES.filter((r) => !MARKER_ANYWHERE.includes(r)),
  (r) => r.firsts ?? r.example[0]!,
);

export function matchMarker(text: string): MarkerMatch | null {
  const first = MARKER_BY_FIRST.get(text[0] ?? '');
  if (first !== undefined) {
    for (const rule of first) if (text.includes(rule.literal) && rule.pattern.test(text)) return { kind: rule.kind, banner: rule.banner ?? null, handover: rule.handover === true, inside: rule.inside === true };
  }
  if (!MARKER_ANYWHERE_LITERALS.test(text)) return null;
  for (const rule of MARKER_ANYWHERE) if (text.includes(rule.literal) && rule.pattern.test(text)) return { kind: rule.kind, banner: rule.banner ?? null, handover: rule.handover === true, inside: rule.inside === true };
  return null;
}

// (systemd puts its `!` right after the name; a firmware's `Welcome to Microwatt !` is not its.)
const WELCOME = /^Welcome to (.+?\S)!\s*$/;

export function matchWelcome(text: string): string | null {
  if (!text.startsWith('Welcome to ')) return null;
  const m = WELCOME.exec(text);
  if (m === null || m[1] === 'GRUB' || m[1] === 'Grub' || m[1] === 'emergency mode' || m[1] === 'rescue mode') return null;
  return m[1]!;
}

/** Kernel messages that mark where a boot is, one row each. */
export type KernelEventKind = 'banner' | 'run-init' | 'restart' | 'power-down' | 'halt' | 'initramfs-unpack' | 'root-wait' | 'user-fault';

export const KERNEL_EVENTS: ReadonlyArray<{ kind: KernelEventKind; literal: string; pattern: RegExp; example: string }> = [
  { kind: 'banner', literal: 'Linux version ', pattern: /^Linux version (\S+)/, example: 'Linux version 6.12.117+deb13-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC' },
  { kind: 'run-init', literal: ' as init process', pattern: /^Run (\S+) as init process/, example: 'Run /init as init process' },
  { kind: 'initramfs-unpack', literal: 'initramfs', pattern: /^(?:Trying to unpack rootfs image as initramfs|Unpacking initramfs)/, example: 'Trying to unpack rootfs image as initramfs...' },
  { kind: 'restart', literal: 'reboot: ', pattern: /^reboot: (?:Restarting system|machine restart)/, example: 'reboot: Restarting system' },
  // (Before 3.14 the kernel said it without its `reboot: `: `Restarting system.`.)
  { kind: 'restart', literal: 'Restarting system.', pattern: /^Restarting system\.\s*$/, example: 'Restarting system.' },
  // kexec hands over to a new kernel without firmware: this boot ends here as a reboot does.
  // (Kernels before 4.13 say it as `kexec: Starting new kernel`.)
  { kind: 'restart', literal: 'kexec', pattern: /^kexec(?:_core)?: Starting new kernel/, example: 'kexec: Starting new kernel' },
  { kind: 'power-down', literal: 'reboot: ', pattern: /^reboot: Power down/, example: 'reboot: Power down' },
  { kind: 'halt', literal: 'reboot: ', pattern: /^reboot: System halted/, example: 'reboot: System halted' },
  // `rootwait` with no initramfs: the kernel waits for the root device, for ever if it never comes.
  { kind: 'root-wait', literal: 'Waiting for root device', pattern: /^Waiting for root device (\S+?)\.{0,3}$/, example: 'Waiting for root device PARTUUID=a6706617-208c-4437-b649-11486e5e3599...' },
  // The kernel killed a user process for a bad memory access (MIPS says so in its own words; x86's
  // `foo[12]: segfault at …` is read with its process prefix): `detail` is the process.
  // (32-bit ARM names the process first: `init: unhandled page fault (11) at 0x000008ec, code 0x005`.)
  { kind: 'user-fault', literal: ': unhandled page fault (', pattern: /^([^\s:]{1,16}): unhandled page fault \(\d+\) at 0x/, example: 'init: unhandled page fault (11) at 0x000008ec, code 0x005' },
  // (A process that crashed while it was itself the core dump helper, whose core the kernel will not pipe
  // to a helper again: `Process 583(systemd-coredum) has RLIMIT_CORE set to 1`, then `Aborting core`.)
  { kind: 'user-fault', literal: ') has RLIMIT_CORE set to 1', pattern: /^Process \d+\(([^)]{1,16})\) has RLIMIT_CORE set to 1$/, example: 'Process 583(systemd-coredum) has RLIMIT_CORE set to 1' },
  // (x86's trap in a user process, the process after `traps:`: `traps: systemd[1] trap invalid opcode ip:…`,
  // `traps: foo[12] general protection fault ip:…`, `… trap divide error ip:…`.)
  { kind: 'user-fault', literal: 'traps: ', pattern: /^traps: (\S+?)\[\d+\] (?:trap [a-z][\w ]*|general protection(?: fault)?) ip:/, example: 'traps: systemd[1] trap invalid opcode ip:7f44c485fee6 sp:7ffee96e6960 error:0 in libm-2.28.so[7f44c481a000+181000]' },
  // (Its access words may be on the next line: a mail wrapped it after `invalid`.)
  { kind: 'user-fault', literal: 'do_page_fault(): sending SIG', pattern: /^do_page_fault\(\): sending SIG(?:SEGV|BUS) to (\S+) for invalid\b/, example: 'do_page_fault(): sending SIGSEGV to mount for invalid write access to 0018a000' },
];

/** How the kernel boot events' messages begin (their patterns are anchored there). */
/** The words the segmenter's kernel rules read a line for (segment/segmenter.ts, kernel()): how the message
 *  begins, and words found anywhere in it. A line with none of them, and none of the grammar's, is plain: the
 *  segmenter only moves its clock. (A superset is harmless; a word missing here is a rule that never fires,
 *  which the fast path's test over the corpus catches: test/fast-path.test.ts.) */
export const KERNEL_LEDGER_STARTS: readonly string[] = ['-', 'Target filesystem ', 'No init found', 'Failed to execute ', 'Starting init: ', 'Unhandled fault: ', 'SError Interrupt', 'ata', 'Initramfs unpacking', 'NVRM: ', 'dracut', 'Rebooting in ', 'Kernel command line: ', 'Command line: ', 'smp: Bringing up secondary CPUs', 'smp: Brought up', 'x86: Booting SMP configuration', 'init: - preinit -', 'random: systemd: ', 'audit: type=113', 'epc = ', 'Disabling IRQ #', 'nfs: server ', 'DMAR: [DMA ', 'DMAR:[DMA '];
/** (With the words push() looks for in any line before its kind's rules, so a plain kernel line skips them:
 *  QEMU's fatal error, debian-installer's failed step, a command line asking for a unit.) */
export const KERNEL_LEDGER_WORDS: readonly string[] = ['bootconsole', 'invoked oom-killer', 'module', 'symbol', 'probe ', 'Unable to handle', 'qemu-', 'failing step is: ', 'systemd.unit=', 'callbacks suppressed', 'IO_PAGE_FAULT', 'Unhandled context fault', 'avc:  denied'];
export const KERNEL_EVENT_LITERALS: readonly string[] = ['Linux version ', 'Run ', 'Trying to unpack rootfs', 'Unpacking initramfs', 'reboot: ', 'Restarting system.', 'kexec_core: ', 'kexec: ', 'Waiting for root device', 'do_page_fault(): sending SIG', 'Process '];

export interface KernelEvent {
  kind: KernelEventKind;
  detail: string | null;
}

const KERNEL_EVENT_GATE = anyLiteral(KERNEL_EVENTS.map((r) => r.literal));

export function matchKernelEvent(message: string): KernelEvent | null {
  if (!KERNEL_EVENT_GATE.test(message)) return null;
  for (const row of KERNEL_EVENTS) {
    if (!message.includes(row.literal)) continue;
    const m = row.pattern.exec(message);
    if (m) return { kind: row.kind, detail: m[1] ?? null };
  }
  return null;
}

/** What PID 1 logs about itself (`systemd[1]: Switching root.`), beyond the status messages. */
export type ManagerEventKind =
  | 'manager-start'
  | 'initrd'
  | 'switch-root'
  | 'soft-reboot'
  | 'reexec'
  | 'shutdown'
  | 'startup-finished'
  | 'job-result'
  | 'unit-result'
  | 'process-exited'
  | 'unit-error'
  | 'cycle-deleted'
  | 'cycle-member'
  | 'operation-timeout'
  | 'stop-timeout'
  | 'mount-timeout'
  | 'default-target'
  | 'on-failure'
  | 'restart-scheduled'
  | 'isolate-failed'
  | 'unit-not-found'
  | 'job-failed'
  | 'start-limit'
  | 'generator-failed'
  | 'job-timeout'
  | 'assert-result'
  | 'bad-setting'
  | 'frozen';

export const MANAGER_EVENTS: ReadonlyArray<{ kind: ManagerEventKind; literal: string; pattern: RegExp; example: string }> = [
  // (A build from git names no number: `systemd +suse.138.gf8adabc2b1 running in system mode.`)
  { kind: 'manager-start', literal: ' running in system mode', pattern: /^systemd (\d+)?\S* running in system mode/, example: 'systemd 257.13-1~deb13u1 running in system mode (+PAM +AUDIT +SELINUX)' },
  { kind: 'initrd', literal: 'Running in initrd', pattern: /^Running in initrd\.?$/, example: 'Running in initrd.' },
  // (Before v243 it said so in words.)
  { kind: 'initrd', literal: 'Running in initial RAM disk', pattern: /^Running in initial RAM disk\.?$/, example: 'Running in initial RAM disk.' },
  { kind: 'switch-root', literal: 'Switching root', pattern: /^Switching root\.?$/, example: 'Switching root.' },
  { kind: 'soft-reboot', literal: 'oft-reboot', pattern: /^(?:Soft-rebooting|Rebooting userspace)\.?$|^Soft-reboot: /i, example: 'Soft-rebooting.' },
  { kind: 'reexec', literal: 'Reexecuting', pattern: /^Reexecuting\.?$/, example: 'Reexecuting.' },
  { kind: 'shutdown', literal: 'Shutting down', pattern: /^Shutting down\.?$/, example: 'Shutting down.' },
  { kind: 'startup-finished', literal: 'Startup finished in ', pattern: /^Startup finished in (.+?)\.?$/, example: 'Startup finished in 1.939s (kernel) + 3.214s (userspace) = 5.153s.' },
  // A unit whose assertion failed (`[ASSERT] Assertion failed for Emergency Shell.` follows, or its kmsg line).
  { kind: 'assert-result', literal: 'asserts failed', pattern: /^(\S+\.(?:service|socket|mount|swap|target|timer|path|automount)): Starting requested but asserts failed\.?$/, example: 'emergency.service: Starting requested but asserts failed.' },
  { kind: 'job-result', literal: 'Job ', pattern: /^(?:(\S+): )?Job (\S+)\/(\w[\w-]*) failed with result ['‘’]([\w-]+)(?:['’]|$)/, example: 'local-fs.target: Job local-fs.target/start failed with result \'dependency\'.' },
  { kind: 'job-result', literal: 'finished, result=', pattern: /^(?:(\S+): )?Job (?:\d+ )?(\S+)\/(\w[\w-]*) finished, result=(failed|dependency|timeout|assert)\b/, example: 'lab-dependent.service: Job 100 lab-dependent.service/start finished, result=dependency' },
  { kind: 'unit-result', literal: ': Failed with result ', pattern: /^(\S+): Failed with result ['‘’]?([\w-]+)['’]?/, example: 'var.mount: Failed with result \'exit-code\'.' },
  // systemd before v233: `Unit kdump.service entered failed state.`, then `kdump.service failed.`
  { kind: 'unit-result', literal: ' failed.', pattern: /^(\S+\.(?:service|socket|mount|swap|device|target|timer|path|automount)) failed\.$/, example: 'kubelet.service failed.' },
  { kind: 'unit-result', literal: 'entered failed state', pattern: /^Unit (\S+) entered failed state\.?$/, example: 'Unit kdump.service entered failed state.' },
  // systemd 230–232: `minecraft@vanilla.service: Unit entered failed state.`
  { kind: 'unit-result', literal: 'entered failed state', pattern: /^(\S+\.(?:service|socket|mount|swap|device|target|timer|path|automount)): Unit entered failed state\.?$/, example: 'minecraft@vanilla.service: Unit entered failed state.' },
  // (Or cut where a pager chopped the line, `less -S`'s `>` at the cut: `… Main process exited, code=>`.)
  { kind: 'process-exited', literal: ' process exited, ', pattern: /^(\S+): (?:[Mm]ain|[Cc]ontrol|[Mm]ount|[Ss]wap) process exited, (code=(?:[^\s,]+,? status=.*?|[^\s,]*>))$/, example: 'lab-broken.service: Main process exited, code=exited, status=1/FAILURE' },
  // PID 1's error about one unit, before its result (`var.mount: Failed to run 'mount' task: No such file or
  // directory`; before v233 without the colon: `foo.socket failed to listen on sockets: Operation not permitted`).
  { kind: 'unit-error', literal: 'ailed to ', pattern: /^(\S+\.(?:service|socket|mount|swap|device|target|timer|path|automount)):? [Ff]ailed to (?!start\b)(.+?)\.?$/, example: "systemd-journald-audit.socket failed to listen on sockets: Operation not permitted" },
  // The units of an ordering cycle PID 1 found, one line each, before it says which job it deleted (`local-fs.target:
  // Found ordering cycle on local-fs.target/start`, then `…: Found dependency on coreos-tmpfiles.service/start`).
  // (The first with `cycle` as its first group: the list begins again.)
  { kind: 'cycle-member', literal: 'Found ordering cycle on ', pattern: /^(?:\S+: )?Found ordering (cycle) on (\S+?)\/(\w+)\s*$/, example: 'local-fs.target: Found ordering cycle on local-fs.target/start' },
  // (And which job it is about to delete, before its `Job … deleted` line: `Breaking ordering cycle by deleting job rpcbind.service/start`.)
  { kind: 'cycle-member', literal: 'Breaking ordering cycle by deleting job ', pattern: /^(?:\S+: )?(Breaking) ordering cycle by deleting job (\S+?)\/(\w+)\s*$/, example: 'local-fs.target: Breaking ordering cycle by deleting job local-fs-pre.target/start' },
  { kind: 'cycle-member', literal: 'Found dependency on ', pattern: /^(?:\S+: )?Found (dependency) on (\S+?)\/(\w+)\s*$/, example: 'local-fs.target: Found dependency on coreos-tmpfiles.service/start' },
  // PID 1 broke an ordering cycle by deleting a job (then `[ SKIP ] Ordering cycle found, skipping …`).
  { kind: 'cycle-deleted', literal: 'deleted to break ordering cycle', pattern: /^(?:(\S+): )?Job (\S+)\/(\w+) deleted to break ordering cycle starting with (\S+?)\/\w+/, example: 'multi-user.target: Job getty.target/start deleted to break ordering cycle starting with multi-user.target/start' },
  // A unit a target wants, which PID 1 could not load (a unit file with no ExecStart=, a mistyped key): it
  // never starts (`multi-user.target: Cannot add dependency job, ignoring: Unit lab-typo.service has a bad
  // unit file setting.`; before v23x `… for unit x.service, ignoring: Unit x.service failed to load: Invalid
  // argument.`). (Not a unit that is not there: `failed to load: No such file or directory`, `not found`.)
  { kind: 'bad-setting', literal: 'Cannot add dependency job', pattern: /^(?:\S+: )?Cannot add dependency job(?: for unit \S+)?, ignoring: Unit (\S+) (?:has a bad unit file setting|failed to load(?: properly)?(?:, please adjust\/correct and reload service manager)?: (?!No such file or directory)[A-Z][\w ]+)\b/, example: 'multi-user.target: Cannot add dependency job, ignoring: Unit lab-typo.service has a bad unit file setting.' },
  // A generator that failed (systemd-fstab-generator on a bad /etc/fstab): units it should have made are missing.
  { kind: 'generator-failed', literal: 'generator failed with exit status', pattern: /^(\S*-generator failed with exit status \d+)\.?$/, example: '/usr/lib/systemd/system-generators/systemd-fstab-generator failed with exit status 1.' },
  { kind: 'start-limit', literal: 'Start request repeated too quickly', pattern: /^(\S+): Start request repeated too quickly/, example: 'display-manager.service: Start request repeated too quickly.' },
  // (Before systemd 230, in lower case with the unit after: `start request repeated too quickly for lightdm.service`.)
  { kind: 'start-limit', literal: 'start request repeated too quickly for ', pattern: /^start request repeated too quickly for (\S+?)\.?$/, example: 'start request repeated too quickly for lightdm.service' },
  { kind: 'restart-scheduled', literal: 'Scheduled restart job', pattern: /^(\S+): Scheduled restart job/, example: 'pipewire.service: Scheduled restart job, restart counter is at 5.' },
  // (The same before systemd 236: `serial-getty@ttyS0.service: Service hold-off time over, scheduling restart.`)
  // (Or with no delay set at all: `serial-getty@ttyS0.service: Service has no hold-off time, scheduling restart.`)
  { kind: 'restart-scheduled', literal: 'scheduling restart', pattern: /^(\S+): Service (?:hold-off time over|has no hold-off time|RestartSec=\S+ expired), scheduling restart/, example: 'serial-getty@ttyS0.service: Service has no hold-off time, scheduling restart.' },
  // (And before systemd 225: `lightdm.service holdoff time over, scheduling restart.`)
  { kind: 'restart-scheduled', literal: 'holdoff time over, scheduling restart', pattern: /^(\S+) holdoff time over, scheduling restart/, example: 'lightdm.service holdoff time over, scheduling restart.' },
  // (systemd before v233 put the unit after: `Triggering OnFailure= dependencies of local-fs.target.`; v229's journal,
  // with the unit only in its fields: `Triggering OnFailure= dependencies.` just after the unit's own failure.)
  { kind: 'on-failure', literal: 'Triggering OnFailure=', pattern: /^(?:(\S+): )?Triggering OnFailure= dependencies(?: of (\S+?))?\.?\s*$/, example: 'local-fs.target: Triggering OnFailure= dependencies.' },
  // Older PID 1 (and every job of a device): `Job dev-sdb1.device/start timed out.`
  { kind: 'job-timeout', literal: ' timed out', pattern: /^(?:\S+: )?Job (\S+?)\/(?:start|stop|reload|restart|verify-active) timed out\.?$/, example: 'Job dev-disk-by\\x2dlabel-data.device/start timed out.' },
  // (Newer PID 1 puts the unit first: `dev-sdb1.device: Job dev-sdb1.device/start timed out.`)
  // PID 1 gives up after its fatal error (`[!!!!!!] …`, or a crash): it freezes, or exits in a container.
  { kind: 'frozen', literal: 'Freezing execution', pattern: /^Freezing execution\.?$/, example: 'Freezing execution.' },
  { kind: 'frozen', literal: 'Exiting PID 1', pattern: /^Exiting PID 1\.*$/, example: 'Exiting PID 1...' },
  // PID 1 could not start the default target at all (then it freezes): the unit it names is missing.
  { kind: 'isolate-failed', literal: 'Failed to isolate default target', pattern: /^Failed to isolate default target: Unit (\S+?) (?:not found\.?$|failed to load properly|is masked|has a bad unit file setting|is not loaded properly)/, example: 'Failed to isolate default target: Unit sysroot.mount not found.' },
  // (Older PID 1 says only that the target it boots into is missing, and stops there: an initrd built without
  // dracut's systemd module has no initrd.target.)
  { kind: 'isolate-failed', literal: '.target not found', pattern: /^Unit ((?:initrd|default)\.target) not found\.?$/, example: 'Unit initrd.target not found.' },
  { kind: 'default-target', literal: 'for default target', pattern: /^Queued start job for default target (\S+?(?= - |\.?$)|.+?)(?: - .*)?\.?$/, example: 'Queued start job for default target graphical.target - Graphical Interface.' },
  { kind: 'operation-timeout', literal: ' timed out', pattern: /^(\S+): (?:[Ss]tart|[Ss]top|[Ss]tart-pre|[Ss]tart-post|[Rr]eload) operation timed out|^(\S+): Job \S+ timed out/, example: 'lab-slow.service: Start operation timed out. Terminating.' },
  // A unit that would not stop in its time, then killed (service.c): what holds a shutdown up for a minute and a
  // half, `A stop job is running for …` on the console meanwhile (`foo.service: State 'stop-sigterm' timed out.
  // Killing.`; before v236 `foo.service stopping timed out. Killing.`).
  { kind: 'stop-timeout', literal: ' timed out', pattern: /^(\S+?):? (?:State '(?:stop-sigterm|stop-final-sigterm|final-sigterm|stop-watchdog|stop-post)' timed out|[Ss]topping timed out)\. (?:Killing|Skipping SIGKILL|Terminating)/, example: "run-r6e26.service: State 'stop-sigterm' timed out. Killing." },
  // A mount's or swap's own timeout (mount.c, swap.c): the unit failed, whatever PID 1 logs after it.
  { kind: 'mount-timeout', literal: ' timed out', pattern: /^(\S+\.(?:mount|swap)): (?:Mounting|Remounting|Mount process|Activation) timed out/, example: 'backup.mount: Mounting timed out. Stopping.' },
];

export interface ManagerEvent {
  kind: ManagerEventKind;
  groups: readonly string[];
}

/** Every manager row's literal in one regex: most of PID 1's messages hold none (one test, not fifteen). */
const MANAGER_LITERALS = anyLiteral(MANAGER_EVENTS.map((r) => r.literal));

export function matchManagerEvent(message: string): ManagerEvent | null {
  if (!MANAGER_LITERALS.test(message)) return null;
  for (const row of MANAGER_EVENTS) {
    if (!message.includes(row.literal)) continue;
    const m = row.pattern.exec(message);
    if (m) return { kind: row.kind, groups: m.slice(1).map((g) => g ?? '') };
  }
  return null;
}

/** systemctl's own error, printed by whatever script ran it (`dracut-initqueue[663]: Failed to start
 *  systemd-cryptsetup@x.service: Unit systemd-cryptsetup@x.service not found.`): the unit could not start. */
const SYSTEMCTL_NOT_FOUND = /^Failed to (?:start|restart) (\S+?\.(?:service|mount|target|socket|swap|device|path|timer)): Unit \1 (?:not found|is masked)\.?$/;
/** Typed at a shell, it may also refuse the job: `Failed to start default.target: Transaction is destructive.`,
 *  as `exit` from an emergency shell asks for the default target while emergency.service's job still runs.
 *  (A script's own attempt refused so, dracut's at its emergency, is no failure of the unit.) */
const SYSTEMCTL_REFUSED = /^Failed to (?:start|restart|isolate) (\S+?\.(?:service|mount|target|socket|swap|device|path|timer)): (?:Transaction (?:for \S+ )?is destructive\b.*|Unit \1 has a bad unit file setting\.?)$/;

/** systemctl's word on a start job that failed (`Job for foo.service failed because the control process
 *  exited with error code.`, `… failed. See "systemctl status foo.service" …`): typed at a shell or run by
 *  a script, it names the unit that failed. (`Job for X canceled.` is no failure.) */
const SYSTEMCTL_JOB_FAILED = /^Job for (\S+?\.(?:service|mount|target|socket|swap|device|path|timer)) failed(?: because |\.)/;

export function matchSystemctlError(message0: string, typed = false): ManagerEvent | null {
  // (Relayed by the program that ran it, as cloud-init reports a command that failed: `Stderr: Job for …`.)
  const message = message0.charCodeAt(0) === 0x53 /* S */ && message0.startsWith('Stderr: Job for ') ? message0.slice(8) : message0;
  const c = message.charCodeAt(0);
  if (c === 0x4a /* J */ && message.startsWith('Job for ')) {
    const j = SYSTEMCTL_JOB_FAILED.exec(message);
    return j ? { kind: 'job-failed', groups: [j[1]!] } : null;
  }
  if (c !== 0x46 /* F */ || !message.startsWith('Failed to ')) return null;
  const m = SYSTEMCTL_NOT_FOUND.exec(message) ?? (typed ? SYSTEMCTL_REFUSED.exec(message) : null);
  return m ? { kind: 'unit-not-found', groups: [m[1]!] } : null;
}

/** `systemd[1]: …` or `systemd-shutdown[1]: …` at the start of a kernel message. */
export function splitProcessPrefix(message: string): { ident: string; pid: number; rest: string } | null {
  // A pid is required: `reboot: Restarting system` and `BUG: …` are the kernel's own prefixes.
  // (Or a process systemd forked for a unit, named in parentheses until it runs the unit's program: `(journald)[559]: …`.)
  const m = /^([\w@.\-/]{1,64}|\([\w@.\-/]{1,62}\))\[(\d{1,9})\]: /.exec(message);
  if (m === null) return null;
  return { ident: m[1]!, pid: Number(m[2]), rest: dropHighlightRemnant(message.slice(m[0].length)) };
}

/**
 * systemd highlights the unit a log message is about (`ESC[0;1;38:5:185mfoo.service ESC[0m: …`); a copy
 * whose escape stripper stopped at the first `:` of the colour leaves `5:185m` glued to the unit's name.
 * (No unit name begins with digits, a colon, digits and `m`.)
 */
export function dropHighlightRemnant(rest: string): string {
  const c = rest.charCodeAt(0);
  if (c < 0x30 || c > 0x39) return rest;
  const m = HIGHLIGHT_REMNANT.exec(rest);
  return m === null ? rest : rest.slice(m[0].length);
}
const HIGHLIGHT_REMNANT = /^\d{1,3}(?::\d{1,3}){1,4}m(?=[A-Za-z])/;

export interface JournalLine {
  time: string;
  host: string;
  ident: string;
  pid: number | null;
  message: string;
}

// `Nov 24 07:19:15 default-0 mount[1356]: …` (month words of any language: `mar 03`, `Okt`, `déc.`),
// `-o short-iso` `2025-11-24T07:19:15+0000 host …`, `-o short-full` `Mon 2025-11-24 07:19:15 UTC host …`,
// `-o short-unix` `1732432755.123456 host …`, syslog's `Nov  4 07:19:15 host …`, BusyBox syslogd's
// `Jan  1 00:00:03 host kern.notice kernel: …` (the facility and level between host and ident).
const JOURNAL =
  /^\s*((?:[^\s\d]{2,4}\.?,? )?(?:[^\s\d[\]]{2,5}\.?|\d{1,2}[月월]) {1,2}\d{1,2},? \d\d:\d\d:\d\d(?:[.,]\d+)?|(?:[^\s\d]{2,4} )?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d| [A-Z]{2,5})?|\d{9,10}\.\d{1,6}) (?:(\S+) )??(?:(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7])\.(?:emerg|alert|crit|err|warn|warning|notice|info|debug) )?([^\s[:]{1,64})(?:\[(\d{1,9})\])?: ?(.*)$/;

/** A journal shown by a log viewer as a table whose columns are ruled with `│` (time, program, message). */
const VIEWER_JOURNAL = /^\s*((?:\d{4}-)?\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?|\d\d:\d\d:\d\d(?:[.,]\d+)?) +([^\s[:\u2502]{1,64})(?:\[(\d{1,9})\])? +\u2502 (.*)$/;

/** A journal whose date column was cut off, the time left (`18:30:06 LibreELEC systemd[1]: …`): only with
 *  `ident[pid]: `, `kernel: ` or systemd's own name after it (a CI clock before console text has none of them;
 *  CentOS 7's syslog names PID 1 `systemd: ` without its PID, and a log viewer may show that with the time alone). */
const TIME_ONLY_JOURNAL = /^\s*(\d\d:\d\d:\d\d(?:[.,]\d+)?) (?:([\w.-]{1,64}) )?(?:([^\s[:]{1,64})\[(\d{1,9})\]|(kernel|systemd(?:-[a-z]{1,24}){0,3})): ?(.*)$/;

/** Anaconda's syslog (the installer's rsyslog writes /tmp/syslog so: the time of day with its milliseconds, the
 *  level, the program, its words after the colon without a space): `04:59:15,984 INFO systemd:Detected virtualization kvm.` */
const LEVEL_JOURNAL = /^(\d\d:\d\d:\d\d,\d{3}) (?:DEBUG|INFO|NOTICE|WARNING|WARN|ERR|ERROR|CRIT|ALERT|EMERG) ([^\s[:]{1,64})(?:\[(\d{1,9})\])?:(.*)$/;

/** A journal whose date and time were both cut off, the host left before `ident[pid]: ` or `kernel: `. */
const HOST_ONLY_JOURNAL = /^([A-Za-z0-9][\w.-]{0,63}) (?:([^\s[:]{1,64})\[(\d{1,9})\]|(kernel)): ?(.*)$/;

export function matchJournalLine(text: string): JournalLine | null {
  const j = journalLine(text);
  // (`journalctl -o with-unit` names each entry by its unit: PID 1's is `init.scope[1]`, a service's program its
  // service, `systemd-logind.service[520]`.)
  if (j !== null && j.pid !== null) {
    if (j.pid === 1 && j.ident === 'init.scope') j.ident = 'systemd';
    else if (j.ident.endsWith('.service') && j.ident.length > 8 && !j.ident.includes('@')) j.ident = j.ident.slice(0, -8);
  }
  return j;
}

function journalLine(text: string): JournalLine | null {
  const m = JOURNAL.exec(text);
  if (m === null) {
    // (A log viewer's table, its columns ruled with `│`: `12-11 23:09:13.784 systemd │ Dependency failed for /boot.`)
    const v = text.includes('\u2502') ? VIEWER_JOURNAL.exec(text) : null;
    if (v !== null) return { time: v[1]!, host: '', ident: v[2]!, pid: v[3] === undefined ? null : Number(v[3]), message: v[4]! };
    // (Its level is no host: read before the time-only form, which would take it for one.)
    const l = text.charCodeAt(2) === 0x3a /* : */ && text.charCodeAt(8) === 0x2c /* , */ ? LEVEL_JOURNAL.exec(text) : null;
    if (l !== null) return { time: l[1]!, host: '', ident: l[2]!, pid: l[3] === undefined ? null : Number(l[3]), message: l[4]! };
    const t = text.charCodeAt(0) <= 0x39 ? TIME_ONLY_JOURNAL.exec(text) : null;
    if (t === null) {
      // (Its time column cut off whole, the host left: `tinynix kernel: Linux version …`, `tinynix systemd[1]: …`.)
      const h = text.includes(' kernel: ') || text.includes(']: ') ? HOST_ONLY_JOURNAL.exec(text) : null;
      if (h === null) return null;
      return { time: '', host: h[1]!, ident: h[2] ?? h[4]!, pid: h[3] === undefined ? null : Number(h[3]), message: dropHighlightRemnant(h[5]!) };
    }
    return { time: t[1]!, host: t[2] ?? '', ident: t[3] ?? t[5]!, pid: t[4] === undefined ? null : Number(t[4]), message: dropHighlightRemnant(t[6]!) };
  }
  return { time: m[1]!, host: m[2] ?? '', ident: m[3]!, pid: m[4] === undefined ? null : Number(m[4]), message: dropHighlightRemnant(m[5]!) };
}

/** A command typed at a shell prompt whose output is evidence: `systemctl status UNIT`, `systemctl --failed`. */
export interface TypedCommand {
  kind: 'systemctl-status' | 'systemctl-failed' | 'journalctl' | 'dmesg' | 'other';
  arg: string | null;
  /** `systemctl --user`: a user's service manager. */
  user: boolean;
}

// After the prompt: `sudo ` and environment assignments (`LC_ALL=C systemctl status foo`).
const TYPED = /(?:^|[#$>]\s*)(?:sudo\s+)?(?:[A-Z_][A-Z0-9_]*=\S*\s+)*(systemctl\b(?:\s+--user)?(?:\s+--no-pager)?(?:\s+-l)?(?:\s+--user)?\s+(status|--failed|list-units\s+--failed|--state=failed)\b\s*(\S+)?(\s+\S+)*\s*|journalctl\b.*|dmesg\b.*)$/;

export function matchTypedCommand(text: string): TypedCommand | null {
  if (!text.includes('systemctl') && !text.includes('journalctl') && !text.includes('dmesg')) return null;
  const m = TYPED.exec(text);
  if (m === null) return null;
  const user = / --user\b/.test(m[1]!);
  if (m[1]!.startsWith('journalctl')) return { kind: 'journalctl', arg: journalUnit(m[1]!), user };
  if (m[1]!.startsWith('dmesg')) return { kind: 'dmesg', arg: null, user: false };
  // (`systemctl status a.mount b.target`: several blocks, each named by its own header.)
  // (Its options aside, `systemctl status -l foo`; a name without a type is a service's, as systemctl reads it.)
  if (m[2] === 'status') {
    const words = `${m[3] ?? ''}${m[4] ?? ''}`.split(/\s+/).filter((w) => w !== '' && !w.startsWith('-'));
    return { kind: 'systemctl-status', arg: words.length === 1 ? typedUnit(words[0]!) : null, user };
  }
  return { kind: 'systemctl-failed', arg: null, user };
}

/** The one unit `journalctl -u UNIT` shows (a name without a type is a service's), or the pattern it
 *  matches units by (`-u 'systemd-cryptsetup@*'`). */
function journalUnit(command: string): string | null {
  const units = [...command.matchAll(/\s(?:-u\s*|--unit[=\s])(\S+)/g)].map((u) => u[1]!.replace(/^['"]|['"]$/g, ''));
  if (units.length !== 1) return null;
  return typedUnit(units[0]!);
}

/** A unit as typed to systemctl or journalctl: a name without a type is a service's; a pattern stays one. */
function typedUnit(word: string): string | null {
  const unit = /\.(?:service|socket|target|device|mount|automount|swap|timer|path|slice|scope)$/.test(word) ? word : `${word}.service`;
  return isUnitName(unit) || (/[*?[]/.test(unit) && /^[\w@.:\\*?[\]-]{1,256}$/.test(unit)) ? unit : null;
}

/** The first line of `systemctl status UNIT`: `× var.mount - /var`. */
// (Outside a UTF-8 locale the failed unit's mark is an `x`: `x systemd-growfs@-.service - Grow File System on /`.)
const STATUS_HEADER = /^\s*(?:[●×○↻*✗x]|\u00d7)\s+(\S+\.(?:service|socket|target|device|mount|automount|swap|timer|path|slice|scope))(?: - (.*))?$/;
/** systemd before v209 printed the first line without its dot: `plymouth-start.service - Show Plymouth Boot Screen`
 *  (a header only right after the command that prints it). */
const BARE_STATUS_HEADER = /^(\S+\.(?:service|socket|target|device|mount|automount|swap|timer|path|slice|scope)) - (.+)$/;

export function matchStatusHeader(text: string): { unit: string; description: string | null; bare: boolean } | null {
  const m = STATUS_HEADER.exec(text);
  if (m !== null) return { unit: m[1]!, description: m[2] ?? null, bare: false };
  const b = BARE_STATUS_HEADER.exec(text);
  return b === null ? null : { unit: b[1]!, description: b[2]!, bare: true };
}

/** `Active: failed (Result: exit-code) since …` and the other fields worth keeping. */
const STATUS_FIELD = /^\s*(Loaded|Active|Where|What|Process|Main PID|TriggeredBy|Docs): (.*)$/;

export function matchStatusField(text: string): { field: string; value: string } | null {
  if (!text.includes(': ')) return null;
  const m = STATUS_FIELD.exec(text);
  if (m === null) return null;
  return { field: m[1]!, value: m[2]! };
}

/** A row of `systemctl --failed`: `● var.mount loaded failed failed /var`. */
// (A test harness may print the rows as comments: `#   ● ublue-system-setup.service loaded failed failed …`.)
const FAILED_ROW = /^\s*(?:#\s+)?(?:[●×*]\s+)?(\S+\.(?:service|socket|target|device|mount|automount|swap|timer|path|slice|scope))\s+(loaded|not-found|masked|error|bad-setting)\s+(failed)\s+(\S+)\s*(.*)$/;

export function matchFailedRow(text: string): { unit: string; sub: string; description: string } | null {
  if (!text.includes(' failed ')) return null;
  const m = FAILED_ROW.exec(text);
  if (m === null) return null;
  return { unit: m[1]!, sub: m[4]!, description: m[5] ?? '' };
}

/** `mount: /var: special device /sysroot/… does not exist.` and friends: why a mount failed. */
// (util-linux before 2.30 put no colon after the mount point: `mount: /sysroot not mounted or bad option`.)
// (Its colon after `mount` lost where a person typed the message again: `mount /new_root: can't find UUID=…`.)
const MOUNT_ERROR = /^mount:? (\/\S*?)(?:: | (?=not mounted or bad option$))(.+)$/;
/** A script's own words that a mount command it quotes failed: its source, then its mount point. */
const QUOTED_MOUNT_FAILED = /(?:^|\s)['"`]mount (?:-[a-z] \S+ |-\S+ )*(\S+) (\/\S*)['"`] failed\b/;
// (BusyBox 1.0x capitalised it: `mount: Mounting /dev/hda1 on /root failed: Device or resource busy`.)
const BUSYBOX_MOUNT_ERROR = /^mount: [Mm]ounting (\S+) on (\/?\S+) failed: (.+)$/;
/** dracut, when the root device never appeared: `Warning: "/dev/disk/by-uuid/…" does not exist`. */
const DRACUT_MISSING = /Warning: "?(\/dev\/[^"\s]+)"? does not exist$/;

export function matchMountError(message: string): { path: string; reason: string } | null {
  if (message.endsWith(' does not exist')) {
    const d = DRACUT_MISSING.exec(message);
    if (d) return { path: d[1]!, reason: 'does not exist' };
  }
  const m = MOUNT_ERROR.exec(message);
  if (m) return { path: m[1]!, reason: m[2]! };
  // busybox: `mount: mounting /dev/root on /mnt-root/iso failed: No such file or directory`.
  const b = BUSYBOX_MOUNT_ERROR.exec(message);
  if (b) return { path: b[2]!, reason: `${b[1]} ${b[3]!}` };
  // initramfs-tools, after the mount failed: `Failed to mount /dev/mapper/crypt as root file system.`
  const r = message.charCodeAt(0) === 0x46 /* F */ ? /^Failed to mount (\/\S+) as root file system\.?$/.exec(message) : null;
  if (r) return { path: r[1]!, reason: 'it could not be mounted as the root file system' };
  // An initrd's script quoting the mount command that failed (`>>> 'mount /dev/nbd0 /newroot' failed`).
  const q = message.includes('mount ') && message.includes(' failed') ? QUOTED_MOUNT_FAILED.exec(message) : null;
  return q ? { path: q[2]!, reason: `mount ${q[1]} failed` } : null;
}

/** Init systems other than systemd: what they print when they start and when a service fails. */
export type OtherInit = 'openrc' | 'sysvinit' | 'upstart' | 'busybox' | 'talos' | 'dinit' | 'runit' | 'procd' | 'android' | 's6' | 'finit' | 'shepherd' | 'kdump';

/** Talos Linux's machined logs its boot on the kernel's log: `[talos] task enforceKSPPRequirements (1/7): failed`,
 *  `[talos] phase config (6/6): failed` (a phase whose task failed). */
// (Its sequencer names a phase that failed by its words: `[talos] error running phase "unmount system disk
// submounts": 1 error occurred:`.)
// (Written to a container's output, or by `talosctl logs`, its lines carry its own clock: `[talos] 2024/02/06 17:46:19 phase
// legacyCleanup (8/11): failed`.)
const TALOS_TASK = /^\[talos\] (?:\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)? )?(?:(?:task|phase) (\S+) \(\d+\/\d+\): failed\b|error running phase "([^"]{1,80})"|)/;
/** Its initramfs stopping for good (`[talos] [initramfs] x86_64 microarchitecture level 2 or higher is required, halting`). */
const TALOS_HALTING = /^\[talos\] (?:\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)? )?(?:\[\w+\] )?(\S.*?,? halting)\.?\s*$/;

/**
 * dinit's own status lines: the status word and the service's name alone (`[  OK  ] syslog-ng`,
 * `[FAILED] dhcpcd`). systemd always says what happened (`Started …`, `Reached target …`), with a capital;
 * dinit's service names are lower case.
 */
export const DINIT_SERVICE = /^[a-z0-9][\w@.+:-]{0,63}$/;

export function matchTalos(message: string): { init: 'talos'; failed: string | null; opens: false } | null {
  if (!message.startsWith('[talos] ')) return null;
  const m = TALOS_TASK.exec(message);
  const halting = m?.[1] === undefined && m?.[2] === undefined ? TALOS_HALTING.exec(message) : null;
  return { init: 'talos', failed: m?.[1] ?? m?.[2] ?? halting?.[1] ?? null, opens: false };
}

/**
 * OpenWrt's procd and its fstools write to the kernel's log under their own names: procd's stages (`procd: -
 * early -`) and mount_root giving up on the writable overlay (`mount_root: switching to jffs2
 * failed - fallback to ramoverlay`: the router runs, but nothing it is told is kept past a reboot).
 */
// (Its own mount of the overlay that failed comes first and says why: `mount_root: failed to mount -t jffs2
// /dev/mtdblock8 /tmp/overlay: I/O error`.)
const PROCD_FAILED = /^mount_root: (?:switching to \S+ failed - fallback to ramoverlay|no usable overlay filesystem found, using tmpfs overlay|failed to mount -t \S+ \S+ \/\S+: \S.*)$/;

export function matchProcd(message: string): { init: 'procd'; failed: string | null; opens: boolean } | null {
  // (Not the first words of a boot: preinit, mount_root's among them, ran before.)
  if (message === 'procd: - early -') return { init: 'procd', failed: null, opens: false };
  if (!message.startsWith('mount_root: ')) return null;
  const m = PROCD_FAILED.exec(message.trimEnd());
  return m === null ? null : { init: 'procd', failed: message.trimEnd(), opens: false };
}

/**
 * Android's init writes to the kernel's log as `init: `: its stages (`init: init first stage started!`) and a
 * critical service that kept dying, after which it reboots into recovery or the bootloader (`init: critical
 * process 'zygote' exited 4 times in 4 minutes; rebooting into recovery mode`).
 */
const ANDROID_STAGE = /^init: (?:init (?:first|second) stage started!|init started!)/;
const ANDROID_FIRST_STAGE = /^init: (Failed to mount required partitions early)\b/;
const ANDROID_CRITICAL = /^init: critical process '([^']{1,64})' exited \d+ times (?:in \d+ minutes|before boot completed)/;

export function matchAndroidInit(message: string): { init: 'android'; failed: string | null; opens: boolean } | null {
  if (!message.startsWith('init: ')) return null;
  const critical = ANDROID_CRITICAL.exec(message);
  if (critical !== null) return { init: 'android', failed: critical[1]!, opens: false };
  // (First stage init could not mount what the device tree's or the ramdisk's fstab lists: it aborts, and the
  // device reboots into its bootloader.)
  const firstStage = ANDROID_FIRST_STAGE.exec(message);
  if (firstStage !== null) return { init: 'android', failed: firstStage[1]!, opens: false };
  return ANDROID_STAGE.test(message) ? { init: 'android', failed: null, opens: false } : null;
}

interface InitRule {
  init: OtherInit;
  literal: string;
  pattern: RegExp;
  /** The group that names a failed service, if the line reports one. */
  failed?: number;
  example: string;
  /** The characters its lines can begin with, when more than its example's first. */
  firsts?: string;
  /** The init system's first words of a boot: seen again after that init ran, the machine booted again. */
  opens?: boolean;
}

export const INIT_RULES: readonly InitRule[] = [
  { init: 'openrc', literal: 'OpenRC', pattern: /^OpenRC \d+\.\S+ is starting up/, example: 'OpenRC 0.52.1 is starting up Linux 6.6.0 (riscv64)' },
  { init: 'openrc', literal: 'ERROR: ', pattern: /^\* ERROR: (\S+) failed to start/, failed: 1, example: ' * ERROR: networking failed to start' },
  // A service its dependents could not start for (`rc_parallel` puts the service's name and `|` first).
  { init: 'openrc', literal: 'would not start', pattern: /^(?:[\w.-]+\s+\| )?\* ERROR: cannot start \S+ as (\S+) would not start/, failed: 1, example: ' * ERROR: cannot start udev as sysfs would not start', firsts: '*abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' },
  { init: 'openrc', literal: 'dependency tree', pattern: /^\* (Failed to update the dependency tree)/, failed: 1, example: ' * Failed to update the dependency tree' },
  // OpenRC's own start (init.sh) when it cannot mount what it needs (`/run` in an unprivileged container).
  { init: 'openrc', literal: 'Unable to mount ', pattern: /^\* (Unable to mount \S+ on \S+)$/, failed: 1, example: ' * Unable to mount tmpfs on /run.' },
  { init: 'sysvinit', literal: 'INIT: ', pattern: /^INIT: version \S+ booting/, example: 'INIT: version 2.88 booting', opens: true },
  { init: 'sysvinit', literal: 'INIT: ', pattern: /^INIT: Entering runlevel/, example: 'INIT: Entering runlevel: 2' },
  // sysvinit gave up restarting an inittab entry (a getty on a console that is not there): it failed.
  { init: 'sysvinit', literal: 'respawning too fast', pattern: /^(INIT: Id "[^"]{1,4}" respawning too fast)/, failed: 1, example: 'INIT: Id "O0" respawning too fast: disabled for 5 minutes' },
  // Linux From Scratch's first bootscript (mountvirtfs): each boot in its boot.log begins here.
  { init: 'sysvinit', literal: 'Mounting virtual file systems', pattern: /^Mounting virtual file systems: .*\bOK$/, example: 'Mounting virtual file systems: /run /proc /sys /dev/shm OK', opens: true },
  { init: 'sysvinit', literal: 'FAIL', pattern: /^\[(?:FAIL|\.\.\.\.)\] (.+?)(?:\s*\.\.\.)?\s*failed[!.]?$/, failed: 1, example: '[FAIL] Starting NTP server: ntpd failed!' },
  // Red Hat's initscripts (`action`, before systemd): the step, then its result where the cursor moved to
  // column 60 (`Finding module dependencies:  [FAILED]`, the move lost in a capture). (A service's own start,
  // `Starting httpd: [FAILED]`, is named by its service, below.)
  { init: 'sysvinit', literal: '[FAILED]', pattern: /^(?!Starting |Stopping )([A-Z][^[\]]{2,80}?):?\s*\[FAILED\]\s*$/, failed: 1, example: 'Finding module dependencies:  [FAILED]', firsts: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
  // Debian's startpar (sysvinit's concurrent boot) sums up the init scripts that failed in a runlevel, after
  // their own lines (which an LSB script may split: `Starting nftables: none`, its error, ` failed!`).
  { init: 'sysvinit', literal: 'startpar: ', pattern: /^startpar: service\(s\) returned failure: (\S+)(?: \S+)* \.\.\. failed!$/, failed: 1, example: 'startpar: service(s) returned failure: hostname.sh ... failed!' },
  // An init script whose daemon's own failure follows its `Starting …:` on the same line (Yocto's sysvinit
  // images: `Starting system message bus: Failed to start message bus: Failed to bind socket …`).
  { init: 'sysvinit', literal: ': Failed to ', pattern: /^Starting ([^:[]{2,60}): Failed to \w/, failed: 1, example: 'Starting system message bus: Failed to start message bus: Failed to bind socket "/var/run/dbus/system_bus_socket": No such file or directory' },
  // Red Hat's initscripts (RHEL/CentOS 5 and 6, SUSE before systemd): the status at the end of the line.
  { init: 'sysvinit', literal: '[  OK  ]', pattern: /^(?:Starting|Stopping) [^[]{1,80}?:?\s*\[  OK  \]$/, example: 'Starting auditd: [  OK  ]' },
  { init: 'sysvinit', literal: '[FAILED]', pattern: /^(?:Starting|Stopping) ([^[:]{1,80}?):?\s*\[FAILED\]$/, failed: 1, example: 'Starting httpd: [FAILED]' },
  // Ubuntu's lsb-base in the Upstart years: ` * Starting X` and the status at the right edge.
  { init: 'upstart', literal: '[ OK ]', pattern: /^\* (?:Starting|Stopping) .{1,100}?\s*\[ OK \]$/, example: '* Starting Mount filesystems on boot                                   [ OK ]' },
  { init: 'upstart', literal: '[fail]', pattern: /^\* ((?:Starting|Stopping) .{1,100}?)\s*\[fail\]$/, failed: 1, example: '* Starting Bridge socket events into upstart                           [fail]' },
  // (lsb-base's failure message with its status, any words: ` * File system check failed    [Fail]`.)
  { init: 'upstart', literal: 'ail]', pattern: /^\* (?!Starting |Stopping )(.{1,100}?)\s*\[[Ff]ail\]$/, failed: 1, example: '* File system check failed                               [Fail]' },
  // (Jobs nothing waits on, whose end breaks nothing: ureadahead only orders the next boot's reads, and exits
  // 4 or 5 when it has no pack to replay or none to write, on boot after boot of working Ubuntu systems;
  // plymouth's splash jobs die on a headless VM's console, where there is no splash to show. A HUP, cupsd's
  // reload signal, ends a job Upstart respawns at once.)
  { init: 'upstart', literal: 'main process', pattern: /^init: (?!ureadahead(?:-other)? main process [(]\d+\) terminated with status [45]\b|plymouth(?:-[\w-]+)? main process )(\S+) main process [(]\d+\) (?:terminated with status [1-9]|killed by (?!TERM signal|HUP signal))/, failed: 1, example: 'init: mountall main process (412) terminated with status 1' },
  // Upstart gave up restarting a job (its `main process ended, respawning` lines said it would try again).
  // (Not plymouth's bridge: as above, there is no splash on a headless console for it to talk to.)
  { init: 'upstart', literal: 'respawning too fast', pattern: /^init: (?!plymouth(?:-[\w-]+)? )(\S+) respawning too fast, stopped/, failed: 1, example: 'init: tty1 respawning too fast, stopped' },
  // BusyBox init's rc scripts (Buildroot, many boards): `Starting syslogd: OK`, `Starting network: FAIL`.
  { init: 'busybox', literal: ': OK', pattern: /^(?:Starting|Stopping|Running|Initializing|Saving|Populating|Seeding) [^:]{1,60}(?::|\.\.\.) OK$/, example: 'Starting syslogd: OK' },
  // Linux From Scratch's bootscripts and other hand-written rc scripts: `Adding default gateway … to the enp0s3 interface...FAIL`.
  { init: 'sysvinit', literal: '...', pattern: /^([A-Z].{2,100}?)\.\.\.(?: ?| \S.{0,200}? )FAIL(?:ED)?$/, failed: 1, example: 'Adding default gateway 10.0.0.2 to the enp0s3 interface...FAIL', firsts: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
  { init: 'busybox', literal: 'FAIL', pattern: /^(?:Starting|Running|Initializing|Populating) ([^:]{1,60})(?::|\.\.\.) FAIL(?:ED)?$/, failed: 1, example: 'Starting network: FAIL' },
  // thingOS's init scripts (motionEyeOS, on BusyBox init): `---- booting motionEyeOS 20160705----`, then a step a
  // line, `- Starting sshd: done`, `- Starting wpa_supplicant: failed (brcmfmac)`.
  { init: 'busybox', literal: '---- booting ', pattern: /^-{4} booting \S.{0,60}-{4}\s*$/, example: '---- booting motionEyeOS 20160705----' },
  { init: 'busybox', literal: ': done', pattern: /^- [A-Z][^:]{2,60}: done\s*$/, example: '- Starting sshd: done' },
  { init: 'busybox', literal: ': failed', pattern: /^- ([A-Z][^:]{2,60}): failed(?: \([^)]{0,80}\))?\s*$/, failed: 1, example: '- Starting wpa_supplicant: failed (brcmfmac)' },
  // CirrOS's rcS (BusyBox init) when one of its rc scripts exits with an error: `WARN: /etc/rc3.d/S40-network failed`.
  { init: 'busybox', literal: ' failed', pattern: /^WARN: \/etc\/rc\d\.d\/(S\d\d[\w.-]{1,60}) failed$/, failed: 1, example: 'WARN: /etc/rc3.d/S40-network failed' },
  { init: 'busybox', literal: 'to activate this console', pattern: /^Please press Enter to activate this console/, example: 'Please press Enter to activate this console.' },
  // BusyBox init's own words: a console program it (re)starts, and its shutdown (`reboot` typed at its shell).
  // A log that begins with them begins inside a running system.
  { init: 'busybox', literal: 'starting pid ', pattern: /^starting pid \d+, tty '[^']*': '/, example: "starting pid 1414, tty '/dev/ttyS0': '/bin/sh -c /var/post_install'" },
  { init: 'busybox', literal: 'The system is going down NOW!', pattern: /^The system is going down NOW!$/, example: 'The system is going down NOW!' },
  { init: 'busybox', literal: ' to all processes', pattern: /^Sent SIG(?:TERM|KILL) to all processes$/, example: 'Sent SIGTERM to all processes' },
  { init: 'busybox', literal: 'Requesting system ', pattern: /^Requesting system (?:reboot|poweroff|halt)$/, example: 'Requesting system reboot' },
  // dinit (Chimera, Artix) stops a service: `[STOPPD] dbus` (its starts are `[  OK  ] dbus`, see DINIT_STATUS).
  { init: 'dinit', literal: '[STOPPD]', pattern: /^\[STOPPD\] [a-z0-9][\w@.+:-]*$/, example: '[STOPPD] dbus' },
  // runit (Void, Artix, containers) speaks as `- runit: `: its first words, its stages, and a stage script
  // that failed or crashed (after stage 1 fails it skips stage 2, the services).
  { init: 'runit', literal: '- runit: ', pattern: /^- runit: \$Id: [^$]*\$: booting\.$/, example: '- runit: $Id: 25da3b86f7bed4038b8a039d2f8e8c9bbcf0822b $: booting.', opens: true },
  { init: 'runit', literal: '- runit: ', pattern: /^- runit: (?:enter|leave) stage: \S+$/, example: '- runit: enter stage: /etc/runit/1' },
  { init: 'runit', literal: '- runit: ', pattern: /^- runit: warning: child (?:crashed|failed): (\S+)$/, failed: 1, example: '- runit: warning: child failed: /etc/runit/1' },
  { init: 'runit', literal: '- runit: ', pattern: /^- runit: fatal: (.+)$/, failed: 1, example: '- runit: fatal: unable to open /dev/console: file does not exist' },
  // s6-overlay (containers) and s6-rc: s6-overlay's first words each time the container starts, its services
  // starting, one it could not start, and its own fatal errors.
  { init: 's6', literal: 's6-rc: ', pattern: /^s6-rc: info: service \S+(?:: starting| successfully started)$/, example: 's6-rc: info: service fix-attrs successfully started' },
  { init: 's6', literal: 's6-rc: ', pattern: /^s6-rc: warning: unable to start service (\S+): .+$/, failed: 1, example: 's6-rc: warning: unable to start service entryinit: command exited 111' },
  { init: 's6', literal: 's6-rc: ', pattern: /^s6-rc: fatal: (.+)$/, failed: 1, example: 's6-rc: fatal: timed out' },
  { init: 's6', literal: 's6-overlay', pattern: /^\/package\/admin\/s6-overlay\/libexec\/preinit: /, example: '/package/admin/s6-overlay/libexec/preinit: notice: /var/run is not a symlink to /run, fixing it', opens: true },
  // Finit (Infix, embedded): `[ OK ] Starting Status daemon` and `[FAIL] Loading startup-config` (systemd's
  // words are `[  OK  ]` and `[FAILED]`).
  { init: 'finit', literal: '[FAIL] ', pattern: /^\[FAIL\] (\S.{0,100})$/, failed: 1, example: '[FAIL] Loading startup-config' },
  // GNU Shepherd (Guix System's PID 1): a service started, one whose process exited with an error or that
  // could not be started, and one it gave up on (after respawning too fast, or failing).
  { init: 'shepherd', literal: 'Service ', pattern: /^Service [\w@.+:-]+ has been started\.$/, example: 'Service nbfc-linux-daemon has been started.' },
  { init: 'shepherd', literal: 'Service ', pattern: /^Service ([\w@.+:-]+) \(PID \d+\) exited with [1-9]\d*\.$/, failed: 1, example: 'Service nginx (PID 412) exited with 1.' },
  { init: 'shepherd', literal: 'Service ', pattern: /^Service ([\w@.+:-]+) (?:could not be started|has been disabled)\.$/, failed: 1, example: 'Service nbfc-linux-daemon has been disabled.' },
  // The kdump capture kernel's scripts (kexec-tools/kdump-utils in a dracut or mkdumprd initramfs) say each
  // step on the console as `kdump: …`: the dump saved, or which step failed (`saving vmcore failed, exitcode:1`,
  // `failed to dump to '/sysroot', it's not a mount point!`, a pre/post hook's non-zero status).
  { init: 'kdump', literal: 'kdump: ', pattern: /^kdump: (?:saving to |saving vmcore(?:-dmesg\.txt)?(?: complete)?$|dump target |Executing final action )/, example: 'kdump: saving vmcore-dmesg.txt complete' },
  { init: 'kdump', literal: 'kdump: ', pattern: /^(kdump: (?:(?:saving (?:vmcore|vmcore-dmesg\.txt|opalcore)|moving vmcore|sync vmcore) failed|failed to dump to .{1,200}|Failed to mount rootfs|\S{1,200} exited with -?\d+ status|kdump_(?:pre|post) script exited with non-zero status!))(?:, exitcode:-?\d+)?\s*$/, failed: 1, example: 'kdump: saving vmcore failed, exitcode:1' },
  // procd (OpenWrt) could not run the login helper its console asks for after Enter: no shell on the console.
  // (The kernel's own words about init end otherwise: `Failed to execute /init (error -2)`.)
  { init: 'procd', literal: 'Failed to execute /', pattern: /^(Failed to execute \/usr\/libexec\/login\.sh)\s*$/, failed: 1, example: 'Failed to execute /usr/libexec/login.sh' },
  // (procd, or a service it started, found no ubusd to talk to: OpenWrt's services and the console's login wait on it.)
  { init: 'procd', literal: 'Failed to connect to ubus', pattern: /^(Failed to connect to ubus)\s*$/, failed: 1, example: 'Failed to connect to ubus' },
  // BusyBox init could not run its startup script (`::sysinit:/etc/init.d/rcS` in inittab).
  { init: 'busybox', literal: "can't run '", pattern: /^(can't run '\/etc\/init\.d\/rcS': .+)$/, failed: 1, example: "can't run '/etc/init.d/rcS': No such file or directory" },
];

/** The rows by the first character their pattern can match (each is anchored at the line's start). */
function byFirstChar<T extends { example: string; pattern: RegExp }>(rows: readonly T[], firsts: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) for (const c of firsts(row)) map.set(c, [...(map.get(c) ?? []), row]);
  return map;
}
const INIT_BY_FIRST = byFirstChar(INIT_RULES, (r) => r.firsts ?? (r.literal === ': OK' || (r.literal === 'FAIL' && r.init === 'busybox') ? 'SRIP' : r.example.trimStart()[0]!));

export function matchOtherInit(text: string): { init: OtherInit; failed: string | null; opens: boolean } | null {
  const rules = INIT_BY_FIRST.get(text[0] ?? '');
  if (rules === undefined) return null;
  for (const rule of rules) {
    if (!text.includes(rule.literal)) continue;
    const m = rule.pattern.exec(text);
    if (m) return { init: rule.init, failed: rule.failed !== undefined ? (m[rule.failed] ?? null) : null, opens: rule.opens === true };
  }
  return null;
}

/** What the program that captured a console says in it (conserver, telnet, minicom, picocom), not the
 *  machine: `[Enter \`^Ec?' for help]`, `Escape character is '^]'.`, `Terminal ready`. */
const CONSOLE_TOOL = /^(?:\[Enter `\^Ec\?' for help\]|\[-- (?:MARK|Console|[Uu]p|[Dd]own)\b|Escape character is '\^\]'\.|Connected to \S+\.$|Trying [\d.:a-fA-F]+\.\.\.$|Terminal ready$|Welcome to minicom |Press CTRL-A Z for help)/;

export function isConsoleToolLine(text: string): boolean {
  const c = text.charCodeAt(0);
  // (Most lines begin otherwise: one comparison before the regex.)
  if (c !== 0x5b /* [ */ && c !== 0x45 /* E */ && c !== 0x43 /* C */ && c !== 0x54 /* T */ && c !== 0x57 /* W */ && c !== 0x50 /* P */) return false;
  return CONSOLE_TOOL.test(text.trimEnd());
}
