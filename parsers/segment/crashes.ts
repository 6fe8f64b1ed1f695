/** Kernel crashes: each report's header, its title in the manner of syzkaller, where the kernel was. */
import type { LineRef } from '../grammar/classify.js';
import type { CrashMatch } from '../grammar/kernel.js';
import type { BootState, CrashState } from './state.js';
import type { Evidence } from '../report/schema.js';
import { addEvidence, clip, LIMITS, NEAR_LINES, objectList } from './evidence.js';
import { FailureLedger } from './ledger.js';
import { currentCycle } from './timeline.js';
import { own } from '../grammar/units.js';
import { parseKernelPrefix } from '../grammar/kernel.js';
import { newDetails, readReportLine } from './crash-report.js';
/** Frames of a blocked task's trace that only say it waits. */
export const WAITING_FRAME = /^(?:__schedule|schedule\w*|io_schedule\w*|preempt_schedule\w*|wait_for_\w+|__wait\w*|wait_rcu_gp|\w*wait_for_common\w*|__mutex_lock\w*|mutex_lock\w*|rwsem_down\w*|__?down\w*|\w*_slowpath|__switch_to\w*|do_wait\w*|__flush_work|flush_work|__lock_sock|lock_sock\w*|kthread\w*|ret_from_fork\w*|bit_wait\w*|__wait_on_bit\w*|out_of_line_wait_on_bit\w*|__wait_on_buffer|wait_on_page_bit\w*|__bread\w*|__getblk\w*|sb_bread\w*)$/;

/** Panics for want of an init to run. */
const INIT_PANIC = /No working init found|Requested init \S+ failed/;
/** Why an init attempt is quoted when the kernel could not run it (segmenter's initAttempt). */
export const INIT_NOT_RUN = 'init could not be run';
/** The panic arm's and arm64's die() end a fatal oops with, naming it (`Oops: Fatal exception in interrupt`,
 *  `Oops - BUG: Fatal exception`). (x86's bare `Fatal exception` names no oops: the panic is what the log shows.) */
const FATAL_EXCEPTION = /^kernel panic: Oops(?: - [\w ]+)?: Fatal exception\b/;

/** A report line's message: without the kernel's timestamp, or a journal's `host kernel: `. */
/** A report's first line said again for the next frame: the same words before the inlined frame
 *  (`BUG: KASAN: null-ptr-deref in `) and after it (`: Failed to allocate page …`), another frame between. */
function nextFrameOf(inlined: string, line: string): boolean {
  const f = INLINED_FRAME.exec(inlined);
  if (f === null || f.index < 8) return false;
  const head = inlined.slice(0, f.index);
  const tail = inlined.slice(f.index + f[0].length);
  return line.startsWith(head) && line.endsWith(tail) && line.length > head.length + tail.length;
}
const INLINED_FRAME = /[\w.]+ \S+:\d+ \[inline\]/;

function reportMessage(text0: string): string {
  // (A copy with no-break spaces, as the classifier reads it: the line's text is kept as the log has it.)
  const text = text0.includes('\u00a0') ? text0.replace(/\u00a0/g, ' ') : text0;
  const k = parseKernelPrefix(text);
  if (k !== null) return text.slice(k.messageStart);
  const j = text.indexOf(' kernel: ');
  if (j > 0 && j < 80) {
    const rest = text.slice(j + 9);
    const k2 = parseKernelPrefix(rest);
    return k2 !== null ? rest.slice(k2.messageStart) : rest;
  }
  return text;
}

/** BUG lines the kernel follows with an Oops of the same incident (not a lockup's, not a sanitizer's). */
const PAGE_FAULT_BUG = /^BUG: (?:unable to handle|Unable to handle|kernel NULL pointer|Kernel NULL pointer|kernel paging request|Kernel (?:access|attempted))/;
/** Lines from a page fault's header to its Oops line, other lines between. */
const PAGE_FAULT_OOPS_LINES = 80;
const OPENS_OOPS = /^(?:BUG: (?:unable to handle|Unable to handle|kernel NULL pointer|Kernel NULL pointer|kernel paging request|Kernel (?:access|attempted)|Bad page)|[Kk]ernel BUG at )/;
/** Lines from a BUG to its Oops (the fault's details between: `#PF: …`, `PGD 0 P4D 0`, `IP: …`). */
const OOPS_AFTER_BUG = 12;
/** The 0-day robot's verdict on a boot it gave up waiting on (see crash()). */
const ROBOT_HANG = /^BUG: kernel (?:boot )?hang in \w+ stage$/;

export function hungFrame(line: string): string | null {
  // x86 and arm64 (`  ext4_fill_super+0x1c/0x2f0`), or 32-bit ARM (`[<c0303e5c>] (ext4_fill_super) from [<c0243c8c>] (…)`).
  const m = /\]\s+(?:\[<[0-9a-f]+>\]\s+)?([A-Za-z_][\w.]*)\+0x[0-9a-f]+\/0x[0-9a-f]+/.exec(line) ?? /\]\s+\[<[0-9a-f]+>\] \(([A-Za-z_][\w.]*)(?:\+0x[0-9a-f]+\/0x[0-9a-f]+)?\) from \[</.exec(line);
  if (m === null || WAITING_FRAME.test(m[1]!)) return null;
  return m[1]!;
}

/** Frames of the kernel's own reporting, fault handling and scheduling: not where the crash came from. */
export const GENERIC_FRAME = /^(?:dump_stack\w*|show_stack|unwind_backtrace|dump_backtrace|panic|nmi_panic|__warn|warn_slowpath\w*|report_bug|die|die_kernel_fault|bug_handler|do_trap\w*|do_error_trap|do_undefinstr|do_mem_abort|do_page_fault|do_translation_fault|do_bad_area|__do_kernel_fault|handle_bad_stack|el[01]h?_\w+|el1_\w+|__schedule|schedule\w*|ret_from_fork\w*|kthread|worker_thread|process_one_work|call_usermodehelper\w*|do_exit|make_task_dead|oops_end|exc_\w+|asm_exc_\w+|invalid_op|page_fault|handle_mm_fault|__handle_mm_fault|arm64_notify_die|do_el0_\w+|do_el1_\w+|usercopy_abort|kasan_\w+|__kasan_\w+|check_memory_region\w*|__asan_\w+|kmsan_\w+|__msan_\w+|print_address_description\w*|print_report|ubsan_\w+|__ubsan_\w+|kfence_\w+|__kfence_\w+)(?: \[\w+\])?$/;
/** The kernel's library code that a driver or subsystem calls into: the allocators, DMA mapping, copies and
 *  string routines, list and refcount checks, locks. A report raised inside it (`WARNING … at
 *  mm/page_alloc.c:4727 __alloc_pages_noprof`) was led there by the first frame past it (`nvme_setup_host_mem`):
 *  that frame is the caller worth showing. */
const LIBRARY_FRAME = /^(?:_{0,3}(?:alloc_pages|get_free_pages|get_zeroed_page|folio_alloc|kmalloc|kzalloc|kcalloc|krealloc|devm_kmalloc|devm_kzalloc|devm_kcalloc|devm_krealloc|kvmalloc|kvzalloc|kvcalloc|kmem_cache|slab_alloc|do_slab_free|slab_free|new_slab|allocate_slab|vmalloc|vzalloc|dma_direct|dma_alloc|dma_map|dma_unmap|dma_free|dma_pool|iommu_dma|swiotlb|memcpy|memset|memmove|strscpy|strcpy|strncpy|copy_to_user|copy_from_user|refcount|list_add|list_del|might_sleep|might_fault|might_resched|lock_acquire|lock_release|raw_spin|mutex_lock|mutex_unlock|down_read|down_write|up_read|up_write)\w*|_copy_\w+)(?:\.(?:isra|constprop|part|cold)(?:\.\d+)*)*(?: \[\w+\])?$/;
const CALLER = 'the call trace: the code that led to it';
/** The return address the report gives beside the faulting one, where the code that called it is: arm64's `lr :`,
 *  MIPS's and RISC-V's `ra :`, 32-bit ARM's `LR is at`, powerpc's `LR [c0000000001a2b3c]`. */
// (Or decoded by decode_stacktrace.sh: `lr : rk_iommu_of_xlate (drivers/iommu/rockchip-iommu.c:1152)`.)
const RETURN_ADDRESS = /^\s*(?:lr\s*:|ra\s*:|LR is at|ra is at|LR \[[0-9a-f]+\])\s+(?:[0-9a-f]{8,16}\s+)?([A-Za-z_][\w.]*)(?:\+0x[0-9a-f]+\/0x[0-9a-f]+(?: \[(\w+)\])?| \((?:[\w.+-]+\/)*[\w.+-]+\.[chS]:\d+(?::\d+)?\)?)\s*$/;
const RETURNS_TO = 'the return address: the code that called it';
/** lockdep's RCU report's own line: where the dereference was. */
const RCU_CHECK_SAID = /^\S+\.[ch]:\d+ [A-Za-z][^:]{2,80}!?\s*$/;
const RCU_SUSPICIOUS = /^\S+:\d+ suspicious rcu_dereference_\w+\(\) usage!/;
const REPORT_REASON = /^(?:(?:rcu:\s+)?(?:\w+ kthread (?:starved for \d+ jiffies|timer wakeup didn't happen)|Possible timer handling issue)|Failing address: [0-9a-f]+ TEID: |(?:Read|Write) of size \d+ (?:at addr [0-9a-f]+ )?by task \S+|page dumped because: |in_atomic\(\): \d+, irqs_disabled\(\): )/;

/** The fault said on a line of its own before the report's header: MIPS's bus error, powerpc's refused fetch. */
const FAULT_SAID_FIRST = /(?:^|\] )(?:(?:Data|Instruction) bus error, epc == [0-9a-f]+|kernel tried to execute (?:(?:exec-protected|user) page \(|NX-protected page - )|Accessing user space memory\([0-9a-f]+\) outside uaccess\.h routines|CFI failure at \S+\+0x[0-9a-f]+\/0x[0-9a-f]+ \(target: |Unhandled fault: [\w ]{3,60} \(0x[0-9a-f]+\) at 0x[0-9a-f]+)/;

/** A report's own words before its colon: capitalised words, maybe a parenthesis (`Bad Address (null pointer deref?)`). */
const REPORT_HEAD = /^[A-Z][A-Za-z-]+(?: [A-Za-z-]+){1,5}(?: \([^)]{1,40}\))?$/;

export abstract class CrashTracker extends FailureLedger {
  protected readonly openCrashes: CrashState[] = objectList();
  /** The kernel's last attempts to start init (`Run /bin/sh as init process`, `Failed to execute /init
   *  (error -2)`): why a `No working init found` panic came. */
  protected initAttempts: Evidence[] = [];

  /** ARM opens an oops with `Unable to handle kernel NULL pointer dereference at virtual address …`. */
  protected unableToHandle: { line: number; what: string; text: string } | null = null;

  /**
   * ARM, RISC-V and MIPS open an oops with `Unable to handle kernel NULL pointer dereference at virtual
   * address …`, then the fault's details, then `Internal error: Oops: …`: the opener is the crash (an
   * excerpt may end before the Oops line), and the Oops line that follows is the same one.
   */
  protected unableToHandleKernel(message: string, at: LineRef, uptime: number | null, untimed: boolean): void {
    // A fault while the kernel was still reporting the last one, before its Oops line (a fault in the fault
    // handler, until the stack overflows): the same incident.
    const open = this.openedByUth;
    if (open !== null && at.lineNo > open.line && at.lineNo - open.line <= 40 && this.boot?.crashes.includes(open)) {
      if (open.evidence.filter((e) => e.why === 'a fault while the last was being handled').length < 2) addEvidence(open.evidence, { line: at.lineNo, text: clip(at.text), why: 'a fault while the last was being handled' });
      return;
    }
    // (Without the address; a mail that wrapped the line left `… at virtual` and put the address below.)
    const what = message.replace(/ at (?:virtual )?address.*$| at(?: virtual)?\s*$/, '');
    this.unableToHandle = { line: at.lineNo, what, text: clip(at.text) };
    const before = this.boot?.crashes.length ?? 0;
    this.crash({ kind: 'oops', title: what }, at, uptime, untimed);
    const made = this.boot?.crashes.at(-1);
    this.openedByUth = made !== undefined && (this.boot?.crashes.length ?? 0) > before && made.line === at.lineNo ? made : null;
  }

  /** ARM's `Unhandled fault: … at 0x…`, the last one, for the `Internal error` that may follow it. */
  protected unhandledFault: { line: number; what: string; text: string } | null = null;

  /** The kernel's last word on the NFS root it could not mount (`Root-NFS: Server returned error -128 …`). */
  protected rootNfsSaid: Evidence | null = null;

  /** The last `X invoked oom-killer: …` line: the allocation that set off the OOM killer's report. */
  protected oomInvoker: Evidence | null = null;

  /** The crash an `Unable to handle kernel …` line opened, until its Oops line comes. */
  protected openedByUth: CrashState | null = null;
  /** A report's end (`---[ end trace … ]---`) with no header before it in a log that began inside it: an oops
   *  once a later report's `Tainted: … D` says a task had died (see lookForCrashLocation). */
  protected headless: { boot: BootState; end: Evidence } | null = null;

  protected crash(c0: CrashMatch, at: LineRef, uptime: number | null, untimed: boolean): void {
    // x86's and powerpc's page-fault header (`BUG: unable to handle page fault for address: …`) opens an oops
    // whether or not its `Oops:` line made it into the log: the kernel prints one after it, always.
    let c = c0.kind === 'bug' && PAGE_FAULT_BUG.test(c0.title) ? { ...c0, kind: 'oops' as const } : c0;
    const opened = this.openedByUth;
    if (opened !== null && c.kind === 'oops' && at.lineNo > opened.line) {
      this.openedByUth = null;
      if (at.lineNo - opened.line <= 40) {
        addEvidence(opened.evidence, { line: at.lineNo, text: clip(at.text), why: 'the oops' });
        return;
      }
    }
    // Xen restarting the machine for dom0's crash (`(XEN) Hardware Dom0 crashed: rebooting machine …`) after dom0's
    // kernel told its own crash: the end of that incident, not another.
    const told = this.boot?.crashes.at(-1);
    if (c.kind === 'panic' && c.title.startsWith('Xen: dom0 crashed') && told !== undefined && at.lineNo > told.line) {
      addEvidence(told.evidence, { line: at.lineNo, text: clip(at.text), why: 'Xen restarts the machine for it' });
      return;
    }
    // The 0-day robot's verdict after the console it kept (`BUG: kernel hang in boot stage`, untimed: its
    // harness's words, after its watchdog gave up): the hang of a crash the kernel reported before it is that
    // crash; with none before it, the hang is what the log shows of the kernel.
    const earlier = this.boot?.crashes.at(-1);
    if (untimed && earlier !== undefined && at.lineNo > earlier.line && ROBOT_HANG.test(at.text.trim())) {
      addEvidence(earlier.evidence, { line: at.lineNo, text: clip(at.text), why: 'the test harness gave up waiting on the kernel after it' });
      return;
    }
    // ARM faulting again while it prints an oops (its unwinder reading a bad frame: a second `Unable to handle
    // kernel NULL pointer dereference` a few lines into the first oops's report, with no Oops line of its own):
    // the same incident.
    const before = this.boot?.crashes.at(-1);
    if (c.kind === 'oops' && c.title.startsWith('Unable to handle ') && before !== undefined && before.kind === 'oops' && at.lineNo > before.line && at.lineNo - before.line <= 20 && before.evidence.some((e) => e.why === 'the oops' || /\[#\d+\]/.test(e.text))) {
      addEvidence(before.evidence, { line: at.lineNo, text: clip(at.text), why: 'a fault again while the oops was being reported' });
      return;
    }
    // x86's and powerpc's `BUG: kernel NULL pointer dereference, address: …` (`BUG: unable to handle kernel
    // paging request at …`), the fault's details, then `Oops: 0000 [#1] SMP`; ARM's `kernel BUG at mm/slub.c:12!`
    // then `Internal error: Oops - BUG: 0 [#1]`: one incident, told by its BUG line. The Oops line is its evidence.
    const bug = this.boot?.crashes.at(-1);
    // (The page fault's details and its Oops line can come well after its header, other CPUs' lines between them
    // on an SMP machine still probing its devices.)
    const pageFault = bug !== undefined && bug.kind === 'oops' && PAGE_FAULT_BUG.test(bug.title);
    if (c.kind === 'oops' && bug !== undefined && (bug.kind === 'bug' || pageFault) && at.lineNo > bug.line && (at.lineNo - bug.line <= OOPS_AFTER_BUG || (pageFault && at.lineNo - bug.line <= PAGE_FAULT_OOPS_LINES && !/\[#(?:[2-9]|\d\d+)\]/.test(at.text))) && OPENS_OOPS.test(bug.title) && !bug.evidence.some((e) => e.why === 'the oops')) {
      addEvidence(bug.evidence, { line: at.lineNo, text: clip(at.text), why: 'the oops' });
      // (x86's and powerpc's `BUG:` line is a page fault's header: the incident is an oops, told in the
      // BUG line's words. `kernel BUG at` is a BUG() the kernel hit: it stays one.)
      if (bug.title.startsWith('BUG: ')) bug.kind = 'oops';
      return;
    }
    // A BUG() hit before the kernel's trap handlers are up, caught by x86's early exception handler (`kernel BUG at
    // arch/x86/kernel/setup.c:264!`, then `PANIC: early exception 0x06 IP …`: vector 6, the invalid opcode BUG() is
    // made of): one incident, told by its BUG line.
    if (c.kind === 'panic' && /^PANIC: early exception (?:0x)?0?6$/.test(c.title) && bug !== undefined && bug.kind === 'bug' && /^[Kk]ernel BUG at /.test(bug.title) && at.lineNo > bug.line && at.lineNo - bug.line <= OOPS_AFTER_BUG) {
      addEvidence(bug.evidence, { line: at.lineNo, text: clip(at.text), why: 'the early exception handler caught the BUG' });
      return;
    }
    // syzkaller's symbolised report says the WARNING line again for each inlined frame (`… at kernel/kthread.c:75
    // to_kthread kernel/kthread.c:75 [inline]`, then `… at kernel/kthread.c:75 kthread_should_stop+0xaf/0xd0 …`):
    // one warning, the same CPU, task and place on the next lines.
    const prev = this.boot?.crashes.at(-1);
    // (As many frames as were inlined: each on the line after the last.)
    if (c.kind === 'warning' && prev !== undefined && prev.kind === 'warning' && at.lineNo > prev.line && prev.evidence.some((e) => e.line === at.lineNo - 1)) {
      const place = WARNING_PLACE.exec(at.text)?.[0];
      if (place !== undefined && prev.evidence.some((e) => e.line === prev.line && e.text.includes(place))) {
        addEvidence(prev.evidence, { line: at.lineNo, text: clip(at.text), why: 'the same warning, its next frame' });
        return;
      }
    }
    // (So it does for any report's first line, `BUG: KASAN: null-ptr-deref in get_mm_counter include/linux/mm.h:1996
    // [inline]` then `… in get_mm_rss …`, `Kernel panic - not syncing: kasan_populate_pud … [inline]: Failed to
    // allocate page` then `… kasan_populate_p4d …`: the line before ends a frame inlined into this one.)
    if (prev !== undefined && prev.kind === c.kind && at.lineNo > prev.line) {
      const inlined = prev.evidence.find((e) => e.line === at.lineNo - 1 && e.text.includes(' [inline]'));
      if (inlined !== undefined && nextFrameOf(reportMessage(inlined.text), reportMessage(at.text))) {
        addEvidence(prev.evidence, { line: at.lineNo, text: clip(at.text), why: 'the same report, its next frame' });
        // (The frame nothing was inlined into is the function the report is about, as syzkaller titles it.)
        if (!at.text.includes(' [inline]')) prev.title = c.title;
        return;
      }
    }
    const uth = this.unableToHandle;
    const fromUth = c.kind === 'oops' && uth !== null && at.lineNo - uth.line <= 4 && at.lineNo > uth.line;
    if (fromUth) c = { ...c, title: uth.what };
    // 32-bit ARM's data abort names the fault before its `Internal error: : 1b [#1]` (`Unhandled fault: page domain
    // fault (0x01b) at 0x00000000`): that is the oops's title. (Alone, a user program's fault says the same.)
    const uf = this.unhandledFault;
    const fromFault = !fromUth && c.kind === 'oops' && uf !== null && c.title.startsWith('Internal error') && at.lineNo > uf.line && at.lineNo - uf.line <= 20;
    if (fromFault) {
      c = { ...c, title: uf.what };
      this.unhandledFault = null;
    }
    // Without a kernel timestamp only unambiguous kernel headers count (a script may print `WARNING:`).
    // (Kernels before 3.x: `WARNING: at arch/x86/mm/ioremap.c:104 __ioremap_caller+0xa7/0x290()`; since 6.18 the
    // file comes first again: `WARNING: kernel/locking/mutex.c:156 at mutex_lock+0xcc/0x100, CPU#0: swapper/0/0`.)
    // (Nor before 2.6.25, when the kernel said `Badness in fn at file.c:251`: no script words itself so.)
    // (Nor the undefined-behaviour sanitizer's header, which names the kernel's source line and column: `UBSAN:
    // null-ptr-deref in drivers/acpi/acpica/tbfadt.c:459:37`, as syzbot keeps a console without timestamps.)
    if (untimed && c.kind === 'warning' && !at.text.includes('CPU:') && !/WARNING: (?:at )?\S+:\d+ (?:at )?\S+\+0x|^\s*Badness in \w+ at \S+:\d+\s*$|^\s*UBSAN: [\w -]+ in \S+\.[ch]:\d+:\d+\s*$/.test(at.text)) return;
    const boot = this.ensureBoot('log-start', at.lineNo);
    this.recognised++;
    // `dmesg` run later in the same boot prints the same report again, without timestamps: not a new crash.
    // (A BUG that its Oops made an oops is the same report.)
    if (untimed && boot.crashes.some((x) => (x.kind === c.kind || (c.kind === 'bug' && x.kind === 'oops')) && x.line < at.lineNo && (x.title === c.title || x.title.startsWith(c.title + ' in ')))) return;
    // The same report again at the same kernel time (a test harness quoting the lines it matched, LAVA's results,
    // a log saved twice into one file): one incident.
    if (uptime !== null && boot.crashes.some((x) => x.uptime === uptime && x.kind === c.kind && x.line < at.lineNo && x.title.slice(0, 40) === c.title.slice(0, 40))) return;
    // rcu_preempt and rcu_sched report the same stall on the next line: one incident.
    const last = boot.crashes.at(-1);
    if (last !== undefined && at.lineNo - last.line <= 2 && last.title.startsWith('INFO: rcu') && c.title.startsWith('INFO: rcu') && (uptime === null || last.uptime === null || Math.abs(uptime - last.uptime) < 1)) {
      addEvidence(last.evidence, { line: at.lineNo, text: clip(at.text), why: 'the same stall, reported by another RCU flavour' });
      return;
    }
    // ZFS's SPL assertion that halts (`PANIC at dmu.c:1135:dmu_write()`, then spl_panic's own `Kernel panic -
    // not syncing: VERIFY0(…) failed`): one incident, a panic, told by the assertion's place.
    if (c.kind === 'panic' && last !== undefined && last.kind === 'bug' && last.title.startsWith('SPL PANIC at ') && at.lineNo > last.line && at.lineNo - last.line <= 3) {
      last.kind = 'panic';
      addEvidence(last.evidence, { line: at.lineNo, text: clip(at.text), why: 'spl_panic then panicked the kernel' });
      return;
    }
    // arm64's SError report, then the panic it ends in (`Kernel panic - not syncing: Asynchronous SError Interrupt`):
    // one incident, told by the panic once it comes (the report's first line and where it was are its evidence).
    if (c.kind === 'panic' && last !== undefined && last.kind === 'panic' && last.title.startsWith('SError Interrupt on CPU') && c.title.includes('SError') && at.lineNo > last.line && at.lineNo - last.line <= 200) {
      this.serrorPanicked(last, c.title, at, uptime, 'the kernel panicked on it');
      return;
    }
    // (Other CPUs taking the same abort while the kernel panics report it too: the panic's.)
    if (c.kind === 'panic' && c.title.startsWith('SError Interrupt on CPU') && last !== undefined && last.kind === 'panic' && at.lineNo > last.line && at.lineNo - last.line <= 300) return;
    // `Kernel panic - not syncing: Oops: Fatal exception` is how the kernel ends an oops it cannot survive:
    // an excerpt that begins inside the oops's registers or trace has the panic alone. The oops it names
    // is the crash; its header is not in the log.
    if (c.kind === 'panic' && FATAL_EXCEPTION.test(c.title) && !boot.crashes.some((x) => x.kind !== 'panic')) {
      const cut: CrashState = {
        kind: 'oops',
        title: 'Oops (its report begins before the log does)',
        line: at.lineNo,
        uptime,
        cycle: currentCycle(boot)?.index ?? null,
        evidence: [{ line: at.lineNo, text: clip(at.text), why: 'the panic says an oops was fatal; the oops’s own header is not in the log' }],
        lookahead: 0,
        located: true,
        details: newDetails(''),
        trace: null,
      };
      if (boot.crashes.length < LIMITS.crashesPerBoot) boot.crashes.push(cut);
      this.emit({ type: 'crash', boot: boot.index, line: at.lineNo, kind: 'oops', title: cut.title });
    }
    const cycle = currentCycle(boot);
    const state: CrashState = {
      kind: c.kind,
      title: own(c.title),
      line: at.lineNo,
      uptime,
      cycle: cycle?.index ?? null,
      evidence: fromUth ? [{ line: uth!.line, text: uth!.text, why: 'the kernel’s report header' }, { line: at.lineNo, text: clip(at.text), why: 'the oops' }] : fromFault ? [{ line: uf!.line, text: uf!.text, why: 'the fault the kernel could not handle' }, { line: at.lineNo, text: clip(at.text), why: 'the oops' }] : [{ line: at.lineNo, text: clip(at.text), why: 'the kernel’s report header' }],
      lookahead: 60,
      // (A WARNING that names only its file, `WARNING in kernel/watchdog.c:352`, takes its function from the PC.)
      // (arm64's SError report before its panic says where it was: `pc : setup_arch+0x164/0x58c`.)
      located: c.kind === 'warning' ? c.title.endsWith(')') : / in \S+/.test(c.title) || (c.kind === 'panic' && !c.title.startsWith('SError Interrupt on CPU')) || c.kind === 'oom',
      details: newDetails(fromUth ? uth!.text : at.text),
      trace: false,
    };
    // A report that named itself in the words the panic gives as its reason (`NON-RESUMABLE ERROR: TPC […]
    // <msix_prepare_msi_desc+0x90/0xa0>`, then `Kernel panic - not syncing: Non-resumable error.`; parisc's
    // `Bad Address (null pointer deref?): Code=15 (Data TLB miss fault) at addr …`): the panic ends it.
    if (c.kind === 'panic') {
      const reason = c.title.replace(/^kernel panic: /, '').replace(/[.!\s]+$/, '').toLowerCase();
      const heads = this.reportHeads.get(reason) ?? (reason.startsWith('fatal ') ? this.reportHeads.get(reason.slice(6)) : undefined);
      if (heads !== undefined && heads.length > 0 && at.lineNo - heads[0]!.line <= 300) for (const e of heads) addEvidence(state.evidence, e);
    }
    // (A panic in a subsystem's words, `alg: self-tests for xts-aes-aesni (xts(aes)) failed in fips mode!`: that
    // subsystem's line just before it says what failed, `alg: skcipher: xts-aes-aesni encryption failed on test vector …`.)
    if (c.kind === 'panic') {
      const sub = /^(?:kernel panic: )?([a-z][\w-]{1,15}): /.exec(c.title);
      if (sub !== null) for (const k of this.recentKernelLines(at.lineNo, 4)) if (k.message.startsWith(`${sub[1]!}: `) && k.line >= boot.startLine) addEvidence(state.evidence, { line: k.line, text: clip(k.text), why: `what ${sub[1]!} said just before the panic` });
    }
    // A panic explains itself poorly: the storage errors just before it say why (no root device, …).
    // A panic for want of a root filesystem: the kernel's word on the root device, however long the list
    // of partitions it printed in between.
    const rootPanic = c.kind === 'panic' && c.title.includes('mount root');
    // (No init for want of the initramfs it was in: the kernel could not unpack it, `junk within compressed archive`.)
    if (c.kind === 'panic' && /No working init found|No init found/.test(c.title) && boot.initramfsUnpackFailed !== undefined) addEvidence(state.evidence, boot.initramfsUnpackFailed);
    // (No root because no initramfs: the bootloader could not load it, or the kernel could not unpack it.)
    if (rootPanic) {
      const bl = boot.bootloaderError;
      if (bl !== null && bl.line < at.lineNo && /initrd|initramfs|ramdisk/i.test(bl.text)) addEvidence(state.evidence, { line: bl.line, text: bl.text, why: 'the bootloader could not load the initramfs' });
      if (boot.initramfsUnpackFailed !== undefined) addEvidence(state.evidence, boot.initramfsUnpackFailed);
      // (An NFS root the server refused, `Root-NFS: Server returned error -128 while mounting /export/…`: why the
      // kernel then tried other roots.)
      const nfs = this.rootNfsSaid;
      if (nfs !== null && nfs.line < at.lineNo && at.lineNo - nfs.line <= 80 && nfs.line >= boot.startLine) addEvidence(state.evidence, nfs);
    }
    // The OOM killer's report begins with who asked for the memory, a memory dump before its verdict.
    const invoker = this.oomInvoker;
    if (c.kind === 'oom' && invoker !== null && invoker.line < at.lineNo && invoker.line >= boot.startLine && at.lineNo - invoker.line <= 2000) {
      state.evidence.unshift(invoker);
      this.oomInvoker = null;
    }
    if (c.kind === 'panic' && INIT_PANIC.test(c.title)) {
      // (What the kernel said went wrong with each init it tried comes before its mere `Run X as init process`
      // lines: `Failed to execute /init (error -8)` says why, the last try says what was tried.)
      const tried = this.initAttempts.filter((e) => e.line < at.lineNo && at.lineNo - e.line <= 60 && e.line >= boot.startLine);
      const failed = tried.filter((e) => e.why === INIT_NOT_RUN);
      for (const e of [...failed.slice(0, 3), ...tried.filter((e) => e.why !== INIT_NOT_RUN).slice(-1)].sort((a, b) => a.line - b.line)) addEvidence(state.evidence, e);
    }
    // init's own last words just before it exited (`/init: line 55: syntax error: unexpected end of file`).
    // (init's own fault, named by its PID, says it all: the lines after it are other processes'.)
    const initFault = boot.userFaults?.init;
    // (PID 1 crashed or gave up just before, in its own words (`Caught <ABRT>, dumped core as pid 897.`, `Freezing
    // execution.`): its failure is the cause, and the kernel's panic at its death is what it led to.)
    const fatal = c.kind === 'panic' && /kill(?:ing)? init/i.test(c.title) ? currentCycle(boot)?.fatal : undefined;
    if (fatal !== undefined && fatal.line < at.lineNo && at.lineNo - fatal.line <= 10) addEvidence(fatal.evidence, { line: at.lineNo, text: clip(at.text), why: 'the kernel panicked as init died' });
    if (c.kind === 'panic' && /kill(?:ing)? init/i.test(c.title) && !(initFault !== undefined && at.lineNo - initFault.line <= 60)) {
      const said = this.initLastWords(at.lineNo);
      if (said !== null) addEvidence(state.evidence, { line: said.lineNo, text: clip(said.text), why: 'what init printed just before it exited' });
      // (Or what init wrote to the kernel's log as its last step, under its PID: `systemd-shutdown[1]: Detaching DM
      // devices.` just before the panic, init having exited with a status of its own.)
      else {
        // (And the line before when the last only says it died: Upstart's `init: timer.c:289: Assertion failed in
        // nih_timer_poll: …`, then `init: Caught abort, core dumped`.)
        const own = this.recentKernelLines(at.lineNo, 4).filter((k) => INIT_KMSG.test(k.message)).slice(-2);
        const last = own.at(-1);
        for (const k of last !== undefined && INIT_DIED.test(last.message) ? own : own.slice(-1)) addEvidence(state.evidence, { line: k.line, text: clip(k.text), why: 'what init was doing when it exited' });
      }
    }
    // init killed for a bad memory access (`init: unhandled page fault (11) at 0x000008ec`), then `Attempted
    // to kill init!`: the fault is why.
    // (init's own fault when the kernel named its PID, `traps: systemd[1] trap invalid opcode`, before later ones.)
    const fault = initFault ?? boot.userFaults?.last;
    if (c.kind === 'panic' && /kill(?:ing)? init/i.test(c.title) && fault !== undefined && fault.line < at.lineNo && at.lineNo - fault.line <= 60) {
      addEvidence(state.evidence, { ...fault, why: fault.text.includes('traps: ') ? 'init was stopped by a trap it hit' : 'init was killed for a bad memory access' });
      const where = boot.userFaults?.where;
      if (where !== undefined && where.line > fault.line && where.line < at.lineNo) addEvidence(state.evidence, where);
    }
    // (A line just before the report that names the same fault opens it: powerpc's `Machine check in kernel
    // mode.`, then `Caused by …`, then `Oops: Machine check, sig: 7 [#1]`.)
    const words = c.title.match(/\b[A-Za-z]{5,}\b/g)?.filter((w) => !GENERIC_CRASH_WORDS.has(w.toLowerCase())) ?? [];
    if (words.length >= 2) {
      for (const k of this.recentKernelLines(at.lineNo, 3)) {
        if (k.line >= boot.startLine && words.every((w) => k.message.includes(w))) addEvidence(state.evidence, { line: k.line, text: clip(k.text), why: 'the report begins: the same fault named first' });
      }
    }
    // (MIPS says the bus error before its die report: `Data bus error, epc == 800a9134, ra == 800a9210`, then
    // `Oops in traps.c::do_be, line 385:` or `Oops[#1]:`; powerpc what it refused before `BUG: Unable to handle
    // kernel instruction fetch`: `kernel tried to execute exec-protected page (…) - exploit attempt? (uid: 0)`;
    // kCFI says which check failed before the WARNING it raises: `CFI failure at do_basic_setup+0x64/0xa0 (target: …; expected type: …)`.
    // With timestamps or without.)
    // (A `kernel BUG at mm/usercopy.c:102!` comes after the code that gave up said why, in its file's name:
    // `usercopy: Kernel memory exposure attempt detected from SLUB object …`, before the cut-here line.)
    const file = c.kind === 'bug' ? /^kernel BUG at (?:\S+\/)?([a-z][\w-]{2,30})\.c:\d+/.exec(c.title)?.[1] : undefined;
    // (The kernel's own line may stand a few lines up when a paste put words of its own between: the last
    // two of the kernel's lines are the report's beginning whatever plain text came between.)
    for (const l of [...this.recentKernelLines(at.lineNo, 8).slice(file !== undefined ? -5 : -4).map((k) => ({ lineNo: k.line, text: k.text, kernel: true })), ...this.plainLinesBefore(at.lineNo, file !== undefined ? 5 : 2).map((p) => ({ ...p, kernel: false }))]) {
      if ((l.kernel || at.lineNo - l.lineNo <= 2) && FAULT_SAID_FIRST.test(l.text)) addEvidence(state.evidence, { line: l.lineNo, text: clip(l.text), why: 'the report begins: the fault the CPU took' });
      else if (file !== undefined && at.lineNo - l.lineNo <= 5 && reportMessage(l.text).startsWith(`${file}: `)) addEvidence(state.evidence, { line: l.lineNo, text: clip(l.text), why: `what ${file} said before it gave up` });
    }
    for (const e of this.recentKernelErrors) {
      if (e.line >= at.lineNo || e.line < boot.startLine) continue;
      if (at.lineNo - e.line <= NEAR_LINES || (rootPanic && /\broot\b/.test(e.text))) addEvidence(state.evidence, { ...e, why: 'kernel error just before the crash' });
    }
    if (boot.crashes.length < LIMITS.crashesPerBoot) boot.crashes.push(state);
    else this.capped.crashes++;
    this.openCrashes.push(state);
    if (this.openCrashes.length > 4) this.openCrashes.shift();
    if (c.kind === 'panic') this.endBoot(boot, 'panic', at);
    this.emit({ type: 'crash', boot: boot.index, line: at.lineNo, kind: c.kind, title: c.title });
  }

  /** The error line init printed just before `line` (a few lines at most), if the console showed one. */
  protected abstract initLastWords(line: number): LineRef | null;
  /** The console's own (untimed) lines before `line`, at most `within` lines above it. */
  protected abstract plainLinesBefore(line: number, within: number): LineRef[];

  /** Lines that open a report with a few words of its own before a colon (`NON-RESUMABLE ERROR: …`,
   *  `Bad Address (null pointer deref?): Code=15 …`), by those words: its first lines, and the one that says
   *  where (`TPC`, `Code=`). A panic naming the same words ends that report (see crash()). */
  private readonly reportHeads = new Map<string, Evidence[]>();

  protected noteReportHead(at: LineRef, message: string): void {
    const c = message.charCodeAt(0);
    // APEI's hardware error report, each line under the record's number (`{1}[Hardware Error]: event severity:
    // fatal`), that `Kernel panic - not syncing: Fatal hardware error!` ends: its first lines say what failed.
    if (c === 0x7b /* { */) {
      const ghes = /^\{\d+\}\[Hardware Error\]: /.exec(message);
      if (ghes === null) return;
      let lines = this.reportHeads.get('hardware error');
      if (lines === undefined || (lines.length > 0 && at.lineNo - lines[lines.length - 1]!.line > 50)) this.reportHeads.set('hardware error', (lines = []));
      if (lines.length < 4) lines.push({ line: at.lineNo, text: clip(at.text), why: 'the hardware error report the panic ends' });
      return;
    }
    if (c < 0x41 || c > 0x5a) return;
    const colon = message.indexOf(': ');
    if (colon < 6 || colon > 60) return;
    const head = message.slice(0, colon);
    if (!REPORT_HEAD.test(head)) return;
    const key = head.toLowerCase();
    let lines = this.reportHeads.get(key);
    if (lines === undefined) {
      if (this.reportHeads.size >= 16) this.reportHeads.delete(this.reportHeads.keys().next().value!);
      lines = [];
      this.reportHeads.set(key, lines);
    } else if (lines.length > 0 && at.lineNo - lines[lines.length - 1]!.line > 50) lines.length = 0;
    const where = message.includes(' TPC ') || message.includes(': Code=') || message.includes(': TPC ');
    if (lines.length < 1 || (where && lines.length < 3)) lines.push({ line: at.lineNo, text: clip(at.text), why: 'the report the panic ends' });
  }

  /** arm64's SError report (`SError Interrupt on CPU0, code …`) ended in its panic: the incident is told by the
   *  panic's line and words from now on, the report's first line and where it was kept as evidence. */
  protected serrorPanicked(report: CrashState, title: string, at: LineRef, uptime: number | null, why: string): void {
    report.title = own(title);
    report.located = true;
    report.line = at.lineNo;
    report.uptime = uptime;
    addEvidence(report.evidence, { line: at.lineNo, text: clip(at.text), why });
  }

  /**
   * The first report of a log that began inside an earlier one (its registers, trace and `---[ end trace …]---`,
   * its header before the paste) says `Tainted: … D`: a task had died in an oops before it. That report was the
   * oops, and the first crash.
   */
  private headlessOops(c: CrashState): void {
    const h = this.headless!;
    this.headless = null;
    const boot = h.boot;
    if (boot !== this.boot || boot.crashes[0] !== c || !c.details.tainted!.split(' ').includes('D') || c.line <= h.end.line) return;
    const oops: CrashState = {
      kind: 'oops',
      title: 'Oops (its report begins before the log does)',
      line: h.end.line,
      uptime: null,
      cycle: c.cycle,
      evidence: [h.end, { line: c.line, text: c.evidence[0]!.text, why: 'the next report’s taint (D) says a task had died in an oops before it' }],
      lookahead: 0,
      located: true,
      details: newDetails(''),
      trace: null,
    };
    boot.crashes.unshift(oops);
    if (boot.crashes.length > LIMITS.crashesPerBoot) boot.crashes.pop();
    this.emit({ type: 'crash', boot: boot.index, line: h.end.line, kind: 'oops', title: oops.title });
  }

  protected lookForCrashLocation(at: LineRef, location0: string | null): void {
    const WORKQUEUE = 'the work the kernel worker was doing';
    if (this.openCrashes.length === 0) return;
    const message = reportMessage(at.text);
    for (const c of this.openCrashes) {
      c.lookahead--;
      // A panic whose reason a mail client or a narrow console wrapped onto the next line (`Kernel panic - not
      // syncing:`, then `Fatal exception in interrupt` with no timestamp): the reason is that line.
      if (c.kind === 'panic' && at.lineNo === c.line + 1 && PANIC_REASON_LOST.test(c.title) && at.text.charCodeAt(0) !== 0x5b /* [ */ && message.trim().length > 3) c.title = `kernel panic: ${message.trim()}`;
      const frames = c.details.frames.length;
      const knewTask = c.details.pid !== null;
      c.trace = readReportLine(c.details, message, c.trace);
      if (!knewTask && c.details.tainted !== null && this.headless !== null) this.headlessOops(c);
      // Who crashed: the task and CPU (`CPU: 0 PID: 488 Comm: irq/15-dwc3 Not tainted …`), and the work a
      // kernel worker was doing (`Workqueue: hci0 hci_power_on [bluetooth]`).
      if (!knewTask && c.details.pid !== null) addEvidence(c.evidence, { line: at.lineNo, text: clip(at.text), why: `the task that was running: ${c.details.comm} (PID ${c.details.pid})` });
      else if (message.startsWith('Workqueue: ') && !c.evidence.some((e) => e.why === WORKQUEUE)) addEvidence(c.evidence, { line: at.lineNo, text: clip(at.text), why: WORKQUEUE });
      // The call trace's first frames that are not the kernel's own reporting and fault handling: the
      // code that called into the crash (`tpm2_shutdown+0x88/0xa8` under a fault in `tpm_transmit`).
      if (c.details.frames.length > frames && !GENERIC_FRAME.test(c.details.frames[frames]!) && !LIBRARY_FRAME.test(c.details.frames[frames]!) && !c.title.endsWith(` in ${c.details.frames[frames]!}`) && c.evidence.filter((e) => e.why === CALLER).length < 3) addEvidence(c.evidence, { line: at.lineNo, text: clip(at.text), why: CALLER });
      // (The return address, where the report gives one: the caller when the trace is cut or missing.)
      const r0 = message.charCodeAt(0);
      if ((r0 === 0x6c /* l */ || r0 === 0x72 /* r */ || r0 === 0x4c /* L */ || r0 === 0x20) && !c.evidence.some((e) => e.why === RETURNS_TO)) {
        const ra = RETURN_ADDRESS.exec(message);
        const fn = ra?.[1];
        if (fn !== undefined && !GENERIC_FRAME.test(fn) && !LIBRARY_FRAME.test(fn) && !c.title.endsWith(` in ${fn}`) && !c.title.includes(` ${fn} `)) addEvidence(c.evidence, { line: at.lineNo, text: clip(at.text), why: RETURNS_TO });
      }
      // The report's own reason, where it gives one on a line of its own: why an RCU grace period stalled
      // (`rcu: rcu_sched kthread starved for 2101 jiffies!`), the address s390 faulted at (`Failing address: … TEID: …`).
      const c0 = message.charCodeAt(0);
      // (KASAN's access: `Read of size 5 by task init/1`.)
      if ((c0 === 0x72 /* r */ || c0 === 0x46 /* F */ || c0 === 0x52 /* R */ || c0 === 0x57 /* W */ || c0 === 0x70 /* p */ || c0 === 0x69) /* i */ && REPORT_REASON.test(message)) addEvidence(c.evidence, { line: at.lineNo, text: clip(at.text), why: 'the report says why' });
      // (lockdep's RCU check names the dereference it caught, under its dashes: `lib/maple_tree.c:832
      // suspicious rcu_dereference_check() usage!`.)
      else if (c.kind === 'warning' && message.includes(' suspicious rcu_dereference') && RCU_SUSPICIOUS.test(message)) addEvidence(c.evidence, { line: at.lineNo, text: clip(at.text), why: 'the report says why' });
      // (Its other checks give their own words after the file and line: `arch/x86/kernel/traps.c:261 entry code!`.)
      else if (c.kind === 'warning' && c.title.includes('suspicious RCU usage') && RCU_CHECK_SAID.test(message) && !c.evidence.some((e) => e.why === 'the report says why')) addEvidence(c.evidence, { line: at.lineNo, text: clip(at.text), why: 'the report says why' });
      // A hung task has no RIP: it hangs in the first function of its trace that is not the scheduler's.
      const location = c.kind === 'hung-task' && !c.located ? hungFrame(at.text) : location0;
      if (!c.located && location !== null) {
        c.located = true;
        c.title = c.kind === 'warning' && c.title.startsWith('WARNING in ') ? `WARNING in ${location} (${c.title.slice('WARNING in '.length)})` : `${c.title.replace(/ (?:at|for)$/, '')} in ${location}`; // (A header cut before its address, `… on write at`, loses the word too.)
        addEvidence(c.evidence, { line: at.lineNo, text: clip(at.text), why: 'where the kernel was executing' });
        // The subsystem whose code crashed had said what went wrong just before (`ACPI Error: AE_AML_OPERAND_TYPE …`
        // then a fault in `acpi_ps_delete_parse_tree`).
        const fn = location.toLowerCase();
        const said = this.recentErrorSaid.findLast((e) => e.line < c.line && c.line - e.line <= 40 && fn.startsWith(e.word));
        if (said !== undefined) addEvidence(c.evidence, { line: said.line, text: said.text, why: `what ${said.word} said just before it crashed in its own code` });
      } else if (location !== null && c.kind !== 'panic' && c.kind !== 'hung-task' && !c.evidence.some((e) => e.why === 'where the kernel was executing')) {
        // A title that names the task (`BUG: soft lockup in systemd-udevd`) still shows where the CPU was.
        addEvidence(c.evidence, { line: at.lineNo, text: clip(at.text), why: 'where the kernel was executing' });
      }
    }
    while (this.openCrashes.length > 0 && this.openCrashes[0]!.lookahead <= 0) this.openCrashes.shift();
  }

}

/** A line PID 1 wrote to the kernel's log (`systemd-shutdown[1]: Detaching DM devices.`). */
/** init's own word that it died (`init: Caught abort, core dumped`): what it said before is why. */
const INIT_DIED = /: (?:Caught (?:abort|segmentation fault|signal)|.*\bcore dumped)\b/;
const INIT_KMSG = /^(?:[\w.@-]{1,40}\[1\]|init): \S/;

/** A panic's title with its reason cut off the line. */
export const PANIC_REASON_LOST = /^kernel panic: ?$/;

/** Words every crash header may hold, which say nothing of which fault it was. */
const GENERIC_CRASH_WORDS = new Set(['kernel', 'panic', 'syncing', 'unable', 'handle', 'error', 'internal', 'warning', 'fatal', 'exception']);

/** A WARNING line's CPU, task and place (`WARNING: CPU: 0 PID: 1 at kernel/kthread.c:75`). */
const WARNING_PLACE = /WARNING: CPU: \d+ PID: \d+ at \S+:\d+/;
