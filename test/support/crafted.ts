/**
 * Crafted inputs that once made the analyzer superlinear (issue 10, point 4), and plain text to compare
 * them with. Each generator returns about `size` bytes (never less than one period of its pattern), so
 * throughput and memory can be measured as ratios to plain text of the same size.
 */

const enc = new TextEncoder();
const ESC = '\u001b';

/** Repeats `line(i)` until `size` bytes are reached. */
function lines(size: number, line: (i: number) => string, head = ''): Uint8Array {
  const parts: string[] = [head];
  let n = head.length;
  for (let i = 0; n < size; i++) {
    const l = line(i);
    parts.push(l);
    n += l.length;
  }
  return enc.encode(parts.join(''));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Two parts: `first(i)` lines for a share of the size (half), then `second(i)` lines for the rest. */
function halves(size: number, first: (i: number) => string, second: (i: number) => string, head = '', share = 0.5): Uint8Array {
  const a = lines(size * share, first, head);
  return concat(a, lines(size - a.length, second));
}

const BOOT = '[    0.000000] Linux version 6.8.0 (builder@host) #1 SMP\r\n[    1.000000] Run /init as init process\r\n';

/** Ordinary text: what a console shows most of, kernel lines and systemd's status lines, nothing repeated. */
export function plain(size: number): Uint8Array {
  return lines(
    size,
    (i) =>
      i % 4 === 3
        ? `[  OK  ] Started app-${i % 500}.service - Application ${i % 500}.\r\n`
        : `[ ${(1 + i / 1000).toFixed(6).padStart(11)}] eth0: link becomes ready, queue ${i} of the device is now up\r\n`,
    BOOT,
  );
}

export interface CraftedClass {
  name: string;
  what: string;
  make: (size: number) => Uint8Array;
}

/** The classes, those that exercise most of the analyzer first (measured in one process, later ones run
 *  with code V8 compiled for the earlier ones). */
export const CRAFTED: readonly CraftedClass[] = [
  {
    name: 'units-then-descriptions',
    what: 'distinct units named with their descriptions, then as many description-only lines',
    make: (size) =>
      halves(
        size,
        (i) => `[  OK  ] Started unit-${i}.service - Something number ${i}.\r\n`,
        (i) => (i % 2 ? `[  OK  ] Started Something number ${i}.\r\n` : `[FAILED] Failed to start Something else ${i}.\r\n`),
        BOOT,
      ),
  },
  {
    name: 'ellipsized',
    what: 'distinct ellipsized unit references (`foo-1234…service - Something.`), the log teaching a unit before each',
    make: (size) =>
      lines(
        size,
        (i) =>
          i % 2 === 0
            ? `[  OK  ] Started foo-${i}.service - Something ${i}.\r\n`
            : i % 4 === 1
              ? `[  OK  ] Started foo-${i}…service - Something.\r\n`
              : `[FAILED] Failed to start f…${i}.service - Other ${i}.\r\n`,
        BOOT,
      ),
  },
  {
    name: 'ellipsized-wide',
    what: 'thousands of units, then distinct ellipsized references whose head and tail each fit many of them',
    make: (size) =>
      halves(
        size,
        // 4,900 units h{a}q{b}z: about 70 share each head h{a}q and each tail q{b}z.
        (i) => `[  OK  ] Started h${i % 70}q${Math.floor(i / 70) % 70}z.service.\r\n`,
        (i) => `[  OK  ] Started h${i % 70}q…q${(Math.floor(i / 70) + 1) % 70}z.service.\r\n`,
        BOOT,
        0.1,
      ),
  },
  {
    name: 'failures-then-pid1',
    what: 'a thousand failures, then PID 1 lines naming units (each searched through every failure)',
    make: (size) => {
      const head = lines(
        Math.min(size / 4, 120000),
        (i) => `[FAILED] Failed to start f${i}…service - Failing ${i}.\r\n[DEPEND] Dependency failed for Dep ${i}.\r\n`,
        BOOT,
      );
      const tail = lines(size - head.length, (i) =>
        [
          `[   12.000000] systemd[1]: u${i % 2000}.service: Main process exited, code=exited, status=1/FAILURE\r\n`,
          `[   12.000000] systemd[1]: u${i % 2000}.service: Failed with result 'exit-code'.\r\n`,
          `[   12.000000] systemd[1]: Job u${i % 2000}.service/start failed with result 'dependency'.\r\n`,
          `See 'systemctl status u${i % 2000}.service' for details.\r\n`,
          `[   12.000000] mount[${i}]: mount: /mnt/m${i}: special device /dev/x${i} does not exist.\r\n`,
          `[FAILED] Failed to start Failing ${i}.\r\n`,
        ][i % 6]!,
      );
      return concat(head, tail);
    },
  },
  {
    name: 'status-blocks',
    what: '`systemctl status` output for units among many failures (each line searched through every failure)',
    make: (size) =>
      lines(
        size,
        (i) =>
          i < 3000
            ? `[FAILED] Failed to start f${i}…service - Failing ${i}.\r\n`
            : `# systemctl status u${i % 500}.service\r\n× u${i % 500}.service - U ${i % 500}\r\n     Active: failed (Result: exit-code) since Mon 2024-01-01 00:00:00 UTC\r\nJan 01 00:00:00 host u[${i}]: error: it failed\r\n`,
        BOOT,
      ),
  },
  {
    name: 'many-boots',
    what: 'boot after boot, each with a cycle, a failure and a crash',
    make: (size) =>
      lines(
        size,
        (i) =>
          `[    0.000000] Linux version 6.8.${i} (b@h) #1 SMP\r\n[    1.000000] Run /init as init process\r\nWelcome to Fedora ${i}!\r\n[FAILED] Failed to start x${i % 50}.service - X ${i % 50}.\r\n` +
          `[    9.000000] BUG: kernel NULL pointer dereference, address: 0000000000000008\r\n[    9.100000] RIP: 0010:foo_${i}+0x1/0x2\r\n[   10.000000] reboot: Restarting system\r\n`,
      ),
  },
  {
    name: 'many-cycles',
    what: 'soft-reboot after soft-reboot in one boot, each cycle with failures',
    make: (size) =>
      lines(
        size,
        (i) => `Welcome to Fedora!\r\n[FAILED] Failed to start x${i % 50}.service - X ${i % 50}.\r\n[DEPEND] Dependency failed for Y ${i % 50}.\r\n[  OK  ] Reached target soft-reboot.target - Reboot System Userspace.\r\n`,
        BOOT,
      ),
  },
  {
    name: 'phases',
    what: 'a boot whose phases change back and forth (each one a new phase)',
    make: (size) =>
      lines(
        size,
        (i) => `[    2.000000] Run /init as init process\r\n[    3.000000] systemd[1]: Switching root.\r\nWelcome to Fedora!\r\n[  OK  ] Stopped target multi-user.target - Multi-User System.\r\n[   ${i}.000000] systemd-shutdown[1]: Syncing.\r\n`,
        BOOT.split('\n')[0] + '\n',
      ),
  },
  {
    name: 'evidence',
    what: 'one failure reported again and again, with kernel errors and process errors around it',
    make: (size) =>
      lines(
        size,
        (i) =>
          `[   ${(10 + i / 1e4).toFixed(6)}] EXT4-fs error (device sda${i % 9}): bad block ${i}\r\n[   11.000000] foo[${i}]: error: failed ${i}\r\n[FAILED] Failed to start foo.service - Foo.\r\n[   11.000000] systemd[1]: foo.service: Failed with result 'exit-code'.\r\n`,
        BOOT,
      ),
  },
  {
    name: 'spinner-jobs',
    what: 'start-job spinners for distinct units, each frame reopening the line',
    make: (size) => lines(size, (i) => `[ *** ] A start job is running for j${i % 2000}.service - Job ${i % 2000} (${i % 90}s / 1min 30s)\r\n${ESC}M\r${ESC}[K`, BOOT),
  },
  {
    name: 'long-units',
    what: 'long status lines, each naming a new unit (a piece of a line kept would keep all of the line)',
    make: (size) => lines(size, (i) => `[  OK  ] Started u${i}.service - Description number ${i}.${' '.repeat(16000)}\r\n`, BOOT),
  },
  {
    name: 'long-lines',
    what: 'lines of 4,000 characters made of brackets, dashes, colons and ellipses',
    make: (size) =>
      lines(size, (i) => {
        const pieces = ['[', '[  OK  ] ', ' - ', ': ', '…', '[    1.0] ', 'a.service ', '\\x2d'];
        return `[  OK  ] Started ${pieces[i % pieces.length]!.repeat(Math.ceil(4000 / pieces[i % pieces.length]!.length))}.\r\n`;
      }),
  },
  {
    name: 'tabs',
    what: 'tabs only, no newline (each tab counted the columns from the line start)',
    make: (size) => enc.encode('\t'.repeat(size)),
  },
  {
    name: 'tabs-after-text',
    what: 'a long line, then tabs after backspaces into it',
    make: (size) => lines(size, (i) => (i % 4000 === 0 ? '\n' + 'x'.repeat(60000) : '\b\b\t')),
  },
  {
    name: 'redraw-long-line',
    what: 'a 65,000-character line redrawn with CR, backspaces and multi-byte characters',
    make: (size) => lines(size, (i) => (i % 1000 === 999 ? '\r\n' + 'a'.repeat(65000) : `\ré\rab\b\bé${i % 10}\r${'x'.repeat(i % 7)}\t\b`), 'a'.repeat(65000)),
  },
  {
    name: 'redraw-erase',
    what: 'a long line cut back with backspace + ESC[K and ESC[1K, over and over',
    make: (size) => lines(size, (i) => (i % 2000 === 0 ? '\r\n' + 'é'.repeat(30000) : `\b${ESC}[K\t\b\b${ESC}[1Kz`)),
  },
  {
    name: 'reopen-long-line',
    what: 'a 60,000-character line reopened by ESC M and changed by one character, over and over',
    make: (size) => lines(size, (i) => (i % 5000 === 0 ? 'y'.repeat(60000) + '\r\n' : i % 2 ? `${ESC}M\r${i % 10}\r\n` : `${ESC}M\r\n`)),
  },
];
