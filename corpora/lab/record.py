#!/usr/bin/env python3
"""Boots the lab VM under QEMU (software emulation), drives its serial console through a scenario and
records every byte the console sent, unchanged, to corpora/lab/<scenario>/console.log.

Usage: record.py [--suite SUITE] [--journal | --journal-only] SCENARIO [SCENARIO ...] | --all
  --suite SUITE   trixie (the default), bookworm or bullseye: the Debian release to boot (build-image.sh
                  --suite SUITE builds it; record.py runs it when missing). Captures of another suite than
                  trixie go to corpora/lab/SUITE/SCENARIO/.
  --journal       also save the guest's `journalctl -b` (-o short) and `journalctl -b -o short-monotonic`,
                  written to files at the scenario's last shell and read from the disk image after power
                  off, as the cases SCENARIO-journal and SCENARIO-journal-monotonic beside its console
  --journal-only  the same, but the run's console capture goes to the cache, not over the case's own
  --journal-formats  with --journal-only: save the journal as `-o short-iso` and as `-x -o short-precise`
                  (SCENARIO-journal-iso, SCENARIO-journal-precise-catalog) instead
  --journal-json  with --journal-only: save it as `-o json` (SCENARIO-journal-json) instead
  --journal-others  with --journal-only: as `-o short-full`, `short-unix`, `short-delta`, `cat`, `with-unit` and
                  `json-pretty` (SCENARIO-journal-full, -unix, -delta, -cat, -with-unit, -json-pretty) instead
Every wait has a timeout, so a scenario that goes wrong ends with an error instead of hanging.
"""
import os, re, select, shutil, socket, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.environ.get('BOOTWHY_LAB_CACHE', os.path.expanduser('~/.cache/bootwhy-lab'))
ANSI = re.compile(rb'\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])')
PROMPT = rb'root@lab:~# '
# What each Debian release can do: soft-reboot came with systemd 254, so on older ones the scenarios that
# change the system and start again do it with a full `systemctl reboot` (two kernel boots).
SUITES = {
    'trixie': {'systemd': 257, 'soft_reboot': True},
    'bookworm': {'systemd': 252, 'soft_reboot': False},
    'bullseye': {'systemd': 247, 'soft_reboot': False},
}
# The journals --journal saves, by case suffix: the file in the guest and journalctl's options.
JOURNALS = {
    'journal': ('/root/journal-short.txt', '-b --no-pager'),
    'journal-monotonic': ('/root/journal-short-monotonic.txt', '-b -o short-monotonic --no-pager'),
}
# The journal as `journalctl -o json` writes it (--journal-json): one entry an object a line, as CI jobs keep it.
JSON_JOURNALS = {
    'journal-json': ('/root/journal.json', '-b -o json --no-pager'),
}
# The rest of journalctl's short forms (--journal-others): the full date, seconds since the epoch, the delta
# between entries, messages only, and the unit before each identifier.
OTHER_JOURNALS = {
    'journal-full': ('/root/journal-short-full.txt', '-b -o short-full --no-pager'),
    'journal-unix': ('/root/journal-short-unix.txt', '-b -o short-unix --no-pager'),
    'journal-delta': ('/root/journal-short-delta.txt', '-b -o short-delta --no-pager'),
    'journal-cat': ('/root/journal-cat.txt', '-b -o cat --no-pager'),
    'journal-with-unit': ('/root/journal-with-unit.txt', '-b -o with-unit --no-pager'),
    'journal-json-pretty': ('/root/journal-json-pretty.txt', '-b -o json-pretty --no-pager'),
}
# More of journalctl's output forms (--journal-formats): ISO 8601 and microsecond wall clocks, and the
# catalog's explanations (-x) between the entries.
MORE_JOURNALS = {
    'journal-iso': ('/root/journal-short-iso.txt', '-b -o short-iso --no-pager'),
    'journal-precise-catalog': ('/root/journal-short-precise-x.txt', '-b -x -o short-precise --no-pager'),
}


class Console:
    def __init__(self, sock, out, soft_reboot=True, journal=False, journals=JOURNALS):
        self.sock, self.out, self.buf = sock, out, b''
        self.soft_reboot, self.journal, self.journals = soft_reboot, journal, journals

    def pump(self, seconds):
        end = time.time() + seconds
        while time.time() < end:
            r, _, _ = select.select([self.sock], [], [], max(0.0, min(0.5, end - time.time())))
            if r:
                data = self.sock.recv(65536)
                if not data:
                    raise EOFError('console closed')
                self.out.write(data)
                self.out.flush()
                self.buf = (self.buf + data)[-65536:]

    def expect(self, pattern, timeout):
        """Waits until the console's text (escapes removed) matches; keeps what came after."""
        end = time.time() + timeout
        rx = re.compile(pattern, re.M)
        while True:
            text = ANSI.sub(b'', self.buf).replace(b'\r', b'')
            m = rx.search(text)
            if m:
                self.buf = b''
                return m
            if time.time() > end:
                raise TimeoutError(f'waiting for {pattern!r}; last output: {text[-300:]!r}')
            try:
                self.pump(0.5)
            except EOFError:
                text = ANSI.sub(b'', self.buf).replace(b'\r', b'')
                if rx.search(text):
                    return rx.search(text)
                raise

    def send(self, line):
        self.sock.sendall(line.encode() + b'\n')

    def run(self, command, timeout=120):
        self.send(command)
        self.expect(PROMPT, timeout)

    def login(self, timeout=600):
        self.expect(rb'lab login: ', timeout)
        self.send('root')
        self.expect(rb'Password: ', 60)
        self.send('lab')
        self.expect(PROMPT, 120)
        self.run('stty cols 120')

    def maintenance_login(self, timeout=900):
        """Emergency or rescue mode: give sulogin the root password and wait for the shell."""
        self.expect(rb'Enter root password for system maintenance|Give root password for maintenance', timeout)
        # The password can come before sulogin has set up the terminal (which drops what was typed): if no
        # shell prompt comes, type it again.
        for attempt in range(3):
            self.send('lab')
            try:
                self.expect(rb'# ', 40 if attempt < 2 else 120)
                return
            except TimeoutError:
                if attempt == 2:
                    raise

    def restart(self):
        """Starts the changed system again: a soft-reboot where systemd has it, else a full reboot."""
        self.send('systemctl soft-reboot' if self.soft_reboot else 'systemctl reboot')

    def poweroff(self, force=False, timeout=300):
        """Ends the scenario at its last shell (a login or a maintenance shell); with --journal, first
        writes the boot's journal to files in the guest for the recorder to read from the disk."""
        if self.journal:
            for path, options in self.journals.values():
                self.send(f'journalctl {options} > {path}')
                self.expect(rb'# ', 120)
            self.send('sync')
            self.expect(rb'# ', 120)
        self.send('poweroff -f' if force else 'poweroff')
        self.finish(timeout)

    def finish(self, timeout=300):
        """Reads until QEMU exits (power off), so the capture holds the whole shutdown."""
        try:
            self.pump(timeout)
        except EOFError:
            return
        raise TimeoutError('the VM did not power off')


def cache_dir(suite):
    return CACHE if suite == 'trixie' else os.path.join(CACHE, suite)


def case_dir(name, suite):
    return os.path.join(HERE, name) if suite == 'trixie' else os.path.join(HERE, suite, name)


def preset(raw, files):
    """Writes files into the raw ext4 image before it boots (debugfs, no mount), so a scenario can fail
    on its first boot: {path: text} for files, {path: ('->', target)} for symbolic links."""
    cmds = []
    tmp = tempfile.mkdtemp(prefix='bootwhy-preset-')
    for i, (path, content) in enumerate(files.items()):
        if isinstance(content, tuple):
            cmds.append(f'symlink {path} {content[1]}')
        else:
            local = os.path.join(tmp, str(i))
            with open(local, 'w') as f:
                f.write(content)
            os.chmod(local, 0o644)
            cmds.append(f'write {local} {path}')
    subprocess.run(['debugfs', '-w', '-f', '-', raw], input='\n'.join(cmds).encode(), check=True, capture_output=True)
    shutil.rmtree(tmp)


def boot(out_path, append_extra='', reboot_exits=True, initrd='initrd.img', suite='trixie', grub=False, files=None, extra_disk=None, **console):
    cache = cache_dir(suite)
    work = tempfile.mkdtemp(prefix='bootwhy-lab-')
    extra = []
    if extra_disk:
        # A second virtio disk (/dev/vdb) that the scenario's function makes in the work directory.
        path = os.path.join(work, 'second.img')
        extra_disk(path)
        extra = ['-drive', f'file={path},if=virtio,format=raw']
    if files:
        # A raw copy that debugfs can write into (sparse, so a few seconds).
        disk, fmt = os.path.join(work, 'disk.img'), 'raw'
        subprocess.run(['cp', '--sparse=always', os.path.join(cache, 'base.img'), disk], check=True)
        preset(disk, files)
    else:
        disk, fmt = os.path.join(work, 'disk.qcow2'), 'qcow2'
        base = os.path.join(cache, 'grub.img' if grub else 'base.img')
        subprocess.run(['qemu-img', 'create', '-q', '-f', 'qcow2', '-b', base, '-F', 'raw', disk], check=True)
    sock_path = os.path.join(work, 'console.sock')
    if grub:
        # The firmware boots the disk: SeaBIOS (on the serial port: no display), then GRUB, then the
        # kernel and command line that GRUB's menu entry gives.
        firmware = ['-machine', 'q35,graphics=off', '-vga', 'none']
    else:
        append = 'console=ttyS0 root=/dev/vda rw ' + append_extra
        firmware = ['-machine', 'q35', '-kernel', os.path.join(cache, 'vmlinuz'), '-initrd', os.path.join(cache, initrd), '-append', append]
    qemu = subprocess.Popen([
        'qemu-system-x86_64', *firmware, '-accel', 'tcg', '-m', '1024', '-smp', '1',
        '-display', 'none', '-monitor', 'none', *(['-no-reboot'] if reboot_exits else []),
        '-drive', f'file={disk},if=virtio,format={fmt}', *extra,
        '-chardev', f'socket,id=con,path={sock_path},server=on,wait=on', '-serial', 'chardev:con',
        '-nic', 'none',
    ], stderr=subprocess.PIPE)
    for _ in range(100):
        if os.path.exists(sock_path):
            break
        time.sleep(0.1)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(sock_path)
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    out = open(out_path, 'wb')
    return qemu, Console(s, out, **console), out, (disk, fmt)


def clean_boot(c):
    c.login()
    c.poweroff()


def soft_reboot(c):
    c.login()
    c.send('systemctl soft-reboot')
    c.login()
    c.poweroff()


def var_bind_soft_reboot(c, full_reboot=False):
    """The seed case: /var is a bind mount whose source vanishes before a soft-reboot."""
    c.login()
    c.run('mkdir -p /srv/deploy/var && cp -a /var/. /srv/deploy/var/')
    c.run("echo '/srv/deploy/var /var none bind 0 0' >> /etc/fstab && systemctl daemon-reload")
    c.run('mount /var && findmnt /var')
    # The deployment goes away and its parent is immutable (as ostree's deployment roots are), so
    # systemd cannot re-create the bind source.
    c.run('mv /srv/deploy/var /srv/var.gone && chattr +i /srv/deploy && sync')
    c.send('systemctl reboot' if full_reboot else 'systemctl soft-reboot')
    c.maintenance_login()
    c.send('systemctl --no-pager status var.mount')
    c.expect(rb'# ', 120)
    c.send('systemctl --no-pager --failed')
    c.expect(rb'# ', 120)
    c.poweroff(force=True)


def soft_reboot_then_var_bind(c):
    """Three userspace cycles on one kernel: a soft-reboot that works, then the seed case's change and a
    second soft-reboot into emergency mode (a good cycle to hold the bad one against, within one log)."""
    c.login()
    c.send('systemctl soft-reboot')
    var_bind_soft_reboot(c)


def var_bind_reboot(c):
    """The seed case's change followed by a full reboot, for systemd before 254 (no soft-reboot)."""
    var_bind_soft_reboot(c, full_reboot=True)


def failing_service(c):
    c.login()
    c.run("printf '[Unit]\\nDescription=Lab service that fails\\n[Service]\\nType=oneshot\\nExecStart=/bin/false\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-broken.service")
    c.run("printf '[Unit]\\nDescription=Lab service that needs the broken one\\nRequires=lab-broken.service\\nAfter=lab-broken.service\\n[Service]\\nType=oneshot\\nExecStart=/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-dependent.service")
    c.run('systemctl enable lab-broken.service lab-dependent.service && sync')
    c.restart()
    c.login()
    c.poweroff()


def ordering_cycle(c):
    # Two services each ordered after the other, both wanted by multi-user.target: at the next start PID 1
    # finds the ordering cycle and deletes one start job to break it (`[ SKIP ] Ordering cycle found, skipping …`).
    c.login()
    c.run("printf '[Unit]\\nDescription=Lab cycle A\\nAfter=lab-cycle-b.service\\n[Service]\\nType=oneshot\\nExecStart=/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-cycle-a.service")
    c.run("printf '[Unit]\\nDescription=Lab cycle B\\nAfter=lab-cycle-a.service\\n[Service]\\nType=oneshot\\nExecStart=/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-cycle-b.service")
    c.run('systemctl enable lab-cycle-a.service lab-cycle-b.service && sync')
    c.restart()
    c.login()
    c.poweroff()


def device_timeout(c):
    c.login()
    c.run("echo 'UUID=0a0a0a0a-dead-beef-0000-0123456789ab /data ext4 defaults,x-systemd.device-timeout=10s 0 2' >> /etc/fstab && mkdir -p /data && systemctl daemon-reload && sync")
    c.restart()
    c.maintenance_login()
    c.poweroff(force=True)


def kernel_panic(c):
    c.finish(600)


def reboot_then_soft_reboot(c):
    c.login()
    c.send('systemctl reboot')
    c.login()
    c.send('systemctl soft-reboot')
    c.login()
    c.poweroff()


def wrong_root(c):
    c.expect(rb'\(initramfs\) ', 600)
    c.send('poweroff -f')
    c.finish()


def nextroot_soft_reboot(c):
    """systemd-soft-reboot.service(8): a prepared /run/nextroot becomes the new root."""
    c.login()
    c.run('mkdir -p /run/nextroot && mount --bind / /run/nextroot && findmnt /run/nextroot')
    c.send('systemctl soft-reboot')
    c.login()
    c.poweroff()


def offline_update(c):
    """An offline update (systemd.offline-updates(7)): /system-update makes the next start enter
    system-update.target; the update unit runs, removes the flag and soft-reboots into the normal system."""
    c.login()
    c.run("printf '[Unit]\\nDescription=Lab offline update\\nDefaultDependencies=no\\nRequires=sysinit.target\\nAfter=sysinit.target system-update-pre.target\\nBefore=system-update.target\\n[Service]\\nType=oneshot\\nExecStart=/bin/sh -c \"echo lab: applying update; sleep 3; rm -f /system-update\"\\nExecStartPost=/usr/bin/systemctl soft-reboot --no-block\\n' > /etc/systemd/system/lab-offline-update.service")
    c.run('mkdir -p /etc/systemd/system/system-update.target.wants && ln -sf ../lab-offline-update.service /etc/systemd/system/system-update.target.wants/ && ln -sfn /var/cache /system-update && sync')
    c.send('systemctl soft-reboot')
    c.login(900)
    c.poweroff()


def quiet_boot(c):
    c.login()
    c.poweroff()


def sysrq_crash(c):
    """A kernel crash from a running system: the magic SysRq crash trigger."""
    c.login()
    c.send('echo 1 > /proc/sys/kernel/sysrq; sync; echo c > /proc/sysrq-trigger')
    c.finish(600)


def service_timeout(c):
    """A start job that hangs: a service that never finishes starting (TimeoutStartSec=15s), ordered before
    the logins as services that prepare the system are, and a second service that requires it. The
    spinner counts up to the limit, systemd gives up, the dependent fails, then the login prompt comes.
    (Ordered after the getty instead, it would print nothing: PID 1 keeps quiet while a getty holds the
    console.)"""
    c.login()
    c.run("printf '[Unit]\\nDescription=Lab service that hangs\\nBefore=systemd-user-sessions.service\\n[Service]\\nType=oneshot\\nExecStart=/bin/sleep 600\\nTimeoutStartSec=15s\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-hang.service")
    c.run("printf '[Unit]\\nDescription=Lab service after the hanging one\\nRequires=lab-hang.service\\nAfter=lab-hang.service\\n[Service]\\nType=oneshot\\nExecStart=/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-after-hang.service")
    c.run('systemctl enable lab-hang.service lab-after-hang.service && sync')
    c.restart()
    c.login(900)
    c.poweroff()


def hung_task(c):
    """A task stuck in uninterruptible sleep: a write to a frozen file system, with the hung-task timeout
    lowered to 5 s so the kernel reports it quickly (storage that stops answering looks the same)."""
    c.login()
    c.run('truncate -s 32M /root/frozen.img && mkfs.ext4 -q /root/frozen.img && mkdir -p /mnt/frozen && mount -o loop /root/frozen.img /mnt/frozen')
    c.run('echo 5 > /proc/sys/kernel/hung_task_timeout_secs && fsfreeze -f /mnt/frozen')
    c.run('(touch /mnt/frozen/stuck &) ; sleep 1')
    c.expect(rb'blocked for more than', 120)
    c.pump(3)
    c.run('fsfreeze -u /mnt/frozen && sync')
    c.poweroff()


def oom_kill(c):
    """The kernel's OOM killer: a process that keeps growing a string until the 1 GiB VM runs out of
    memory and the kernel kills it; the service it ran in is stopped and comes back."""
    c.login()
    c.send("perl -e '$s .= \"x\" x 1048576 while 1'; echo exit=$?")
    # The login shell runs inside serial-getty@ttyS0.service (no logind session in the lab image): with
    # OOMPolicy=stop, systemd stops the whole service after the kill, and the getty comes back.
    c.login(600)
    c.poweroff()


def dracut_missing_root(c):
    """Fedora's, RHEL's and bootc's initrd (dracut) waiting for a root device that never appears: the
    device job times out (rd.timeout), the [DEPEND] cascade reaches initrd-root-fs.target, and dracut's
    emergency mode starts."""
    m = c.expect(rb'Give root password for maintenance|Press Enter for maintenance|Press Enter to continue|:/# ', 900)
    if b'continue' in m.group(0):
        # The initrd's root account is locked, so sulogin refuses the shell (as on Fedora and RHEL):
        # the capture ends at its prompt.
        c.pump(3)
        return
    if b'password' in m.group(0):
        c.send('lab')
    elif b'Enter' in m.group(0):
        c.send('')
    if b'# ' not in m.group(0):
        c.expect(rb'# ', 120)
    c.send('poweroff -f')
    c.finish()


def rescue_mode(c):
    """Booted into rescue.target on the kernel command line: systemd's rescue shell asks for the root
    password."""
    c.maintenance_login()
    c.poweroff(force=True)


def debug_boot(c):
    """A boot with PID 1 logging at debug level to the kernel's log, printed on the same serial console as
    its status lines, and a unit that fails: the capture ends a little after the login prompt (the rest is
    more of the same noise)."""
    c.expect(rb'lab login: ', 900)
    c.pump(3)


def grub_fstab_emergency(c):
    """An installed system booted by the firmware through GRUB: a mistyped file system type in a new
    fstab line (ext5), then a full reboot: SeaBIOS, GRUB, the kernel, the mount fails, emergency mode."""
    c.login()
    c.run("echo 'LABEL=labroot /data ext5 defaults 0 2' >> /etc/fstab && mkdir -p /data && sync")
    c.send('systemctl reboot')
    c.maintenance_login()
    c.send('systemctl --no-pager --failed')
    c.expect(rb'# ', 120)
    c.poweroff(force=True)


def crash_loop(c):
    """A service that exits at once with Restart=always: systemd restarts it until the start rate limit
    (5 starts in 10 s) stops it ('start-limit-hit'); the boot goes on to the login."""
    c.login()
    c.run("printf '[Unit]\\nDescription=Lab daemon that keeps crashing\\n[Service]\\nExecStart=/bin/sh -c \"echo lab-crashloop: cannot open /etc/lab.conf; exit 3\"\\nRestart=always\\nRestartSec=100ms\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-crashloop.service")
    c.run('systemctl enable lab-crashloop.service && sync')
    c.restart()
    c.login(900)
    c.poweroff()


def corrupt_ext4(path):
    """A small ext4 file system whose root directory inode is cleared (debugfs clri), its superblock
    still marked clean."""
    subprocess.run(['truncate', '-s', '64M', path], check=True)
    subprocess.run(['mkfs.ext4', '-q', '-L', 'labdata', path], check=True)
    subprocess.run(['debugfs', '-w', '-R', 'clri <2>', path], check=True, capture_output=True)


def corrupt_data_fs(c):
    """A data file system in fstab (fsck pass 2) on a second disk whose root directory inode is cleared:
    its superblock still says clean, so systemd-fsck@ (e2fsck -a) passes it, and then the mount fails
    (`EXT4-fs (vdb): get root inode failed`): data.mount fails, local-fs.target on the dependency,
    emergency mode; `systemctl --failed` at its shell."""
    c.login()
    c.run("echo '/dev/vdb /data ext4 defaults 0 2' >> /etc/fstab && mkdir -p /data && systemctl daemon-reload && sync")
    c.restart()
    c.maintenance_login()
    c.send('systemctl --no-pager --failed')
    c.expect(rb'# ', 120)
    c.poweroff(force=True)


def remount_root_failure(c):
    """A mistyped mount option on the root file system's fstab line: systemd-remount-fs.service fails
    (the root stays mounted as the initramfs left it) and the boot goes on to the login."""
    c.login()
    c.run("sed -i 's/^LABEL=labroot \\/ ext4 defaults 0 1$/LABEL=labroot \\/ ext4 defaults,lab_no_such_option 0 1/' /etc/fstab && cat /etc/fstab && sync")
    c.restart()
    c.login(900)
    c.poweroff()


def stop_timeout(c):
    """A service that ignores SIGTERM, with TimeoutStopSec=10s: at poweroff the stop job spins until
    the timeout, systemd kills it with SIGKILL, and the shutdown completes."""
    c.login()
    c.run("printf '[Unit]\\nDescription=Lab service that ignores SIGTERM\\n[Service]\\nExecStart=/bin/sh -c \"trap : TERM; while :; do sleep 1; done\"\\nTimeoutStopSec=10s\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-stubborn.service")
    c.run('systemctl daemon-reload && systemctl start lab-stubborn.service && systemctl --no-pager status lab-stubborn.service | head -5')
    c.poweroff()


def initramfs_break(c):
    """break=premount on the kernel command line: initramfs-tools stops before mounting the root and spawns
    its shell, as asked; `exit` there lets the boot go on to the login."""
    c.expect(rb'\(initramfs\) ', 600)
    c.send('exit')
    c.login(900)
    c.poweroff()


def dracut_break(c):
    """rd.break=pre-mount with the dracut initrd: dracut stops before mounting the root and starts its
    emergency shell, as asked (the initrd's root account is locked, so it offers Enter to continue); Enter
    there lets the boot go on to the real root and the login."""
    m = c.expect(rb'Press Enter to continue|Press Enter for maintenance|Give root password for maintenance|:/# ', 900)
    if b'password' in m.group(0):
        c.send('lab')
        c.expect(rb'# ', 120)
        c.send('exit')
    elif b'# ' in m.group(0):
        c.send('exit')
    else:
        c.send('')
    c.login(900)
    c.poweroff()


def sysrq_show(c):
    """The magic SysRq keys that only show state (as someone would press them on a VM that seems stuck):
    `l` (backtraces of the active CPUs), `w` (blocked tasks), `m` (memory), `t` (every task with its stack).
    Call traces with no crash: nothing failed."""
    c.login()
    c.run('echo 1 > /proc/sys/kernel/sysrq && echo l > /proc/sysrq-trigger && echo w > /proc/sysrq-trigger && echo m > /proc/sysrq-trigger')
    c.run('echo t > /proc/sysrq-trigger; sleep 2', 300)
    c.poweroff()


def forward_to_console(c):
    """The journal forwarded to the console (systemd.journald.forward_to_console=1) on a first boot with
    lab-broken.service and lab-dependent.service: every journal entry on the console, in the journal's own
    console form, between the status lines; the capture ends a little after the login prompt."""
    c.expect(rb'lab login: ', 900)
    c.pump(3)


def two_failures(c):
    """Two services that fail on their own, then soft-reboot: lab-first.service (ordered first, nothing needs
    it) and lab-second.service, which two others require. The one with dependency failures is the cause the
    corpus names (corpora/wild/README.md: of independent failures, the one with the most dependents)."""
    c.login()
    for name, desc, deps, cmd in [
        ('lab-first', 'Lab service that fails first', 'Before=lab-second.service\\n', '/bin/false'),
        ('lab-second', 'Lab service that fails second', '', '/bin/false'),
        ('lab-needs-second-a', 'Lab service A that needs the second', 'Requires=lab-second.service\\nAfter=lab-second.service\\n', '/bin/true'),
        ('lab-needs-second-b', 'Lab service B that needs the second', 'Requires=lab-second.service\\nAfter=lab-second.service\\n', '/bin/true'),
    ]:
        c.run(f"printf '[Unit]\\nDescription={desc}\\n{deps}[Service]\\nType=oneshot\\nExecStart={cmd}\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/{name}.service")
    c.run('systemctl enable lab-first.service lab-second.service lab-needs-second-a.service lab-needs-second-b.service && sync')
    c.restart()
    c.login(900)
    c.poweroff()


def swap_timeout(c):
    """A swap device in fstab that does not exist (x-systemd.device-timeout=10s), then soft-reboot: the
    device's start job times out, the swap unit and swap.target fail on the dependency, and the boot goes
    on to the login (swap.target's failure sends no one to emergency mode)."""
    c.login()
    c.run("echo 'UUID=0b0b0b0b-dead-beef-0000-0123456789ab none swap sw,x-systemd.device-timeout=10s 0 0' >> /etc/fstab && systemctl daemon-reload && sync")
    c.restart()
    c.login(900)
    c.poweroff()


def emergency_requested(c):
    """systemd.unit=emergency.target on the kernel command line: emergency mode that was asked for,
    with no failure; the root password is given, then poweroff."""
    c.maintenance_login()
    c.poweroff(force=True)


def modules_load_failure(c):
    """A module in /etc/modules-load.d with an option that its driver rejects (a stale /etc/modprobe.d
    line after an upgrade): the insert fails, systemd-modules-load.service fails early in the boot, and the
    boot goes on to the login. (A module that is simply missing is not an error to systemd 257.)"""
    c.login()
    c.run("echo dummy > /etc/modules-load.d/lab.conf && echo 'options dummy numdummies=lab' > /etc/modprobe.d/lab.conf && sync")
    c.restart()
    c.login(900)
    c.poweroff()


def wait_online_timeout(c):
    """systemd-networkd enabled with nothing to configure (the VM has no network card): its
    wait-online service gives up after its --timeout (20 s here, 120 s by default) and fails;
    network-online.target is only wanted, so the boot goes on to the login. A service that wants the network
    is ordered before the logins, so the login prompt waits for it."""
    c.login()
    c.run("mkdir -p /etc/systemd/system/systemd-networkd-wait-online.service.d && printf '[Service]\\nExecStart=\\nExecStart=/lib/systemd/systemd-networkd-wait-online --timeout=20\\n' > /etc/systemd/system/systemd-networkd-wait-online.service.d/lab.conf")
    c.run("printf '[Unit]\\nDescription=Lab service that wants the network\\nWants=network-online.target\\nAfter=network-online.target\\nBefore=systemd-user-sessions.service\\n[Service]\\nType=oneshot\\nExecStart=/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-online.service")
    c.run('systemctl enable systemd-networkd.service systemd-networkd-wait-online.service lab-online.service && sync')
    c.restart()
    c.login(900)
    c.poweroff()


def hung_start_job(c):
    """A start job that never ends: a oneshot service with no start timeout (TimeoutStartSec=infinity) that
    the logins wait for. The spinner counts up with `no limit`; no login comes. The capture ends after
    a minute and a half of it, as someone gives up on the VM and saves the console."""
    c.login()
    c.run("printf '[Unit]\\nDescription=Lab service that never finishes\\nBefore=systemd-user-sessions.service\\n[Service]\\nType=oneshot\\nExecStart=/bin/sleep infinity\\nTimeoutStartSec=infinity\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-forever.service")
    c.run('systemctl enable lab-forever.service && sync')
    c.restart()
    # (systemd 257 shows the job by name, `Job lab-forever.service/start running (13s / no limit)`; 247 by
    # description, `A start job is running for Lab service that never finishes (13s / no limit)`.)
    c.expect(rb'A start job is running for|Job lab-forever\.service/start running', 600)
    c.expect(rb'1min 30s / no limit', 600)
    c.pump(2)


def panic_reboot_loop(c):
    """init=/bin/false with panic=1 and the VM set to reboot: every kernel boot panics and the next
    starts a second later. The capture ends after the third panic."""
    for _ in range(3):
        c.expect(rb'Rebooting in \d+ seconds', 600)
    c.pump(0.5)


def dirty_corrupt_ext4(path):
    """corrupt_ext4's file system with its superblock saying it was not cleanly unmounted: fsck checks it
    and cannot repair it unattended (the root directory inode is gone)."""
    corrupt_ext4(path)
    subprocess.run(['debugfs', '-w', '-R', 'ssv state 0', path], check=True, capture_output=True)


def fsck_failure(c):
    """A data file system in fstab (fsck pass 2) on a second disk that needs checking and that fsck's
    unattended mode cannot repair: systemd-fsck@ fails (e2fsck exits 4, `UNEXPECTED INCONSISTENCY; RUN fsck
    MANUALLY`), the mount and local-fs.target fail on the dependency, emergency mode."""
    corrupt_data_fs(c)


def bad_unit_file(c):
    """An enabled service whose unit file is broken (no ExecStart=, a mistyped key), then soft-reboot: PID 1
    refuses to load it. What the console shows of a unit that never started is the scenario."""
    c.login()
    c.run("printf '[Unit]\\nDescription=Lab service with a broken unit file\\n[Service]\\nType=oneshot\\nExecStrat=/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-typo.service")
    c.run('systemctl enable lab-typo.service; sync')
    c.restart()
    c.login(900)
    c.poweroff()


UNIT = "[Unit]\nDescription={desc}\n{deps}[Service]\nType=oneshot\nExecStart={cmd}\n[Install]\nWantedBy=multi-user.target\n"
# failing-service's two units, enabled, as files to write into the image.
LAB_BROKEN = {
    '/etc/systemd/system/lab-broken.service': UNIT.format(desc='Lab service that fails', deps='', cmd='/bin/false'),
    '/etc/systemd/system/lab-dependent.service': UNIT.format(desc='Lab service that needs the broken one', deps='Requires=lab-broken.service\nAfter=lab-broken.service\n', cmd='/bin/true'),
    '/etc/systemd/system/multi-user.target.wants/lab-broken.service': ('->', '/etc/systemd/system/lab-broken.service'),
    '/etc/systemd/system/multi-user.target.wants/lab-dependent.service': ('->', '/etc/systemd/system/lab-dependent.service'),
}
# Files written into the image before the first boot (preset()), by scenario.
PRESET = {
    'debug-failing-service': LAB_BROKEN,
    'debug-console-failing-service': LAB_BROKEN,
    'forward-to-console-failing-service': LAB_BROKEN,
}

SCENARIOS = {
    'clean-boot': (clean_boot, ''),
    'soft-reboot': (soft_reboot, ''),
    'var-bind-soft-reboot': (var_bind_soft_reboot, ''),
    'var-bind-reboot': (var_bind_reboot, ''),
    'soft-reboot-then-var-bind': (soft_reboot_then_var_bind, ''),
    'failing-service': (failing_service, ''),
    'device-timeout': (device_timeout, ''),
    'ordering-cycle': (ordering_cycle, ''),
    'kernel-panic': (kernel_panic, 'init=/bin/false panic=1'),
    'reboot-then-soft-reboot': (reboot_then_soft_reboot, ''),
    'wrong-root': (wrong_root, 'root=/dev/vdz rootdelay=10'),
    'var-bind-soft-reboot-name-format': (var_bind_soft_reboot, 'systemd.status_unit_format=name'),
    'var-bind-soft-reboot-description-format': (var_bind_soft_reboot, 'systemd.status_unit_format=description'),
    'nextroot-soft-reboot': (nextroot_soft_reboot, ''),
    'quiet-boot': (quiet_boot, 'quiet'),
    'offline-update': (offline_update, ''),
    'sysrq-crash': (sysrq_crash, 'panic=1'),
    'service-timeout': (service_timeout, ''),
    'rescue-mode': (rescue_mode, 'systemd.unit=rescue.target'),
    'hung-task': (hung_task, ''),
    'oom-kill': (oom_kill, ''),
    'dracut-missing-root': (dracut_missing_root, 'root=UUID=0a0a0a0a-dead-beef-0000-0123456789ab rd.retry=20 rd.timeout=30'),
    'debug-failing-service': (debug_boot, 'systemd.log_level=debug systemd.log_target=kmsg printk.devkmsg=on loglevel=8'),
    'debug-console-failing-service': (debug_boot, 'systemd.log_level=debug systemd.log_target=console'),
    'grub-clean-boot': (clean_boot, ''),
    'grub-fstab-emergency': (grub_fstab_emergency, ''),
    'crash-loop': (crash_loop, ''),
    'corrupt-data-fs': (corrupt_data_fs, ''),
    'remount-root-failure': (remount_root_failure, ''),
    'stop-timeout': (stop_timeout, ''),
    'emergency-requested': (emergency_requested, 'systemd.unit=emergency.target'),
    'initramfs-break': (initramfs_break, 'break=premount'),
    'dracut-break': (dracut_break, 'rd.break=pre-mount'),
    'sysrq-show': (sysrq_show, ''),
    'two-failures': (two_failures, ''),
    'swap-timeout': (swap_timeout, ''),
    'forward-to-console-failing-service': (forward_to_console, 'systemd.journald.forward_to_console=1'),
    'modules-load-failure': (modules_load_failure, ''),
    'wait-online-timeout': (wait_online_timeout, ''),
    'hung-start-job': (hung_start_job, ''),
    'panic-reboot-loop': (panic_reboot_loop, 'init=/bin/false panic=1'),
    'fsck-failure': (fsck_failure, ''),
    'bad-unit-file': (bad_unit_file, ''),
}
# Scenarios with a second disk (/dev/vdb), made by this function in the run's work directory.
EXTRA_DISK = {'corrupt-data-fs': corrupt_ext4, 'fsck-failure': dirty_corrupt_ext4}
KEEP_RUNNING_ON_REBOOT = {'reboot-then-soft-reboot', 'grub-fstab-emergency', 'var-bind-reboot', 'panic-reboot-loop'}
# Scenarios that change the system and start it again with Console.restart(): a full reboot on a suite
# without soft-reboot, so QEMU must not exit on it there.
RESTARTS = {'failing-service', 'device-timeout', 'service-timeout', 'ordering-cycle', 'crash-loop', 'corrupt-data-fs',
            'remount-root-failure', 'two-failures', 'swap-timeout',
            'modules-load-failure', 'wait-online-timeout', 'hung-start-job', 'fsck-failure', 'bad-unit-file'}
# Scenarios that are about soft-reboot itself: trixie only.
NEEDS_SOFT_REBOOT = {'soft-reboot', 'var-bind-soft-reboot', 'soft-reboot-then-var-bind', 'reboot-then-soft-reboot', 'var-bind-soft-reboot-name-format',
                     'var-bind-soft-reboot-description-format', 'nextroot-soft-reboot', 'offline-update'}
# Booted by the firmware from a partitioned disk with GRUB (build-image.sh --grub), not by -kernel.
GRUB = {'grub-clean-boot', 'grub-fstab-emergency'}
# Booted with the dracut initrd (build-image.sh --dracut) instead of Debian's initramfs-tools one.
DRACUT = {'dracut-missing-root', 'dracut-break'}


def ensure_image(suite, grub=False):
    cache = cache_dir(suite)
    if not all(os.path.exists(os.path.join(cache, f)) for f in ('base.img', 'vmlinuz', 'initrd.img')):
        print(f'the lab image for {suite} is missing: building it (build-image.sh --suite {suite})')
        subprocess.run(['bash', os.path.join(HERE, 'build-image.sh'), '--suite', suite], check=True)
    if grub and not os.path.exists(os.path.join(cache, 'grub.img')):
        subprocess.run(['bash', os.path.join(HERE, 'build-image.sh'), '--suite', suite, '--grub'], check=True)


def extract_journals(name, suite, disk, fmt, journals=JOURNALS):
    """Reads the journal files that Console.poweroff() wrote from the powered-off disk (debugfs, no
    mount) into their own cases, byte for byte as journalctl wrote them."""
    raw = disk
    if fmt != 'raw':
        raw = disk + '.raw'
        subprocess.run(['qemu-img', 'convert', '-O', 'raw', disk, raw], check=True)
    for suffix, (path, _) in journals.items():
        dest = case_dir(f'{name}-{suffix}', suite)
        os.makedirs(dest, exist_ok=True)
        subprocess.run(['debugfs', '-R', f'dump {path} {os.path.join(dest, "console.log")}', raw], check=True, capture_output=True)
        if not os.path.exists(os.path.join(dest, 'console.log')):
            sys.exit(f'{name} wrote no {path}: --journal needs a scenario that ends with Console.poweroff() at a shell')
        print(f'{name}-{suffix}: {os.path.getsize(os.path.join(dest, "console.log"))} bytes')


def record(name, suite='trixie', journal=None, journals=JOURNALS):
    if name in NEEDS_SOFT_REBOOT and not SUITES[suite]['soft_reboot']:
        sys.exit(f'{name} needs soft-reboot (systemd 254+); {suite} has systemd {SUITES[suite]["systemd"]}')
    ensure_image(suite, grub=name in GRUB)
    fn, extra = SCENARIOS[name]
    started = time.time()
    if name in DRACUT and not os.path.exists(os.path.join(cache_dir(suite), 'initrd-dracut.img')):
        subprocess.run(['bash', os.path.join(HERE, 'build-image.sh'), '--suite', suite, '--dracut'], check=True)
    initrd = 'initrd-dracut.img' if name in DRACUT else 'initrd.img'
    # --journal-only: the console capture of this run is kept in the cache, the case's own is left alone.
    out_path = os.path.join(case_dir(name, suite), 'console.log')
    if journal == 'only':
        out_path = os.path.join(cache_dir(suite), 'runs', f'{name}.console.log')
    reboot_exits = name not in KEEP_RUNNING_ON_REBOOT and (SUITES[suite]['soft_reboot'] or name not in RESTARTS)
    qemu, console, out, (disk, fmt) = boot(out_path, extra, reboot_exits=reboot_exits, initrd=initrd, suite=suite,
                                           grub=name in GRUB, files=PRESET.get(name), extra_disk=EXTRA_DISK.get(name),
                                           soft_reboot=SUITES[suite]['soft_reboot'], journal=bool(journal), journals=journals)
    try:
        fn(console)
    finally:
        out.close()
        qemu.kill() if qemu.poll() is None else None
        qemu.wait()
    size = os.path.getsize(out_path)
    print(f'{name} ({suite}): {size} bytes in {time.time() - started:.0f} s -> {os.path.relpath(out_path)}')
    if journal:
        extract_journals(name, suite, disk, fmt, journals)
    shutil.rmtree(os.path.dirname(disk), ignore_errors=True)


if __name__ == '__main__':
    args, suite, journal, journals = sys.argv[1:], 'trixie', None, JOURNALS
    while args and args[0].startswith('--') and args[0] != '--all':
        opt = args.pop(0)
        if opt == '--suite' and args:
            suite = args.pop(0)
        elif opt in ('--journal', '--journal-only'):
            journal = 'only' if opt == '--journal-only' else 'with-console'
        elif opt == '--journal-formats':
            # (With --journal-only: the same run's journals in MORE_JOURNALS' forms instead.)
            journals = MORE_JOURNALS
        elif opt == '--journal-json':
            journals = JSON_JOURNALS
        elif opt == '--journal-others':
            journals = OTHER_JOURNALS
        else:
            sys.exit(f'unknown option {opt}')
    if suite not in SUITES:
        sys.exit(f'unknown suite {suite} (suites: {", ".join(SUITES)})')
    names = [n for n in SCENARIOS if n not in NEEDS_SOFT_REBOOT or SUITES[suite]['soft_reboot']] if args == ['--all'] else args
    if not names or any(n not in SCENARIOS for n in names):
        sys.exit(f'usage: record.py [--suite SUITE] [--journal | --journal-only] SCENARIO... | --all   (scenarios: {", ".join(SCENARIOS)})')
    for n in names:
        record(n, suite, journal, journals)
