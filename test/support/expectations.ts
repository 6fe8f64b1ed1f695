import { z } from 'zod';

/** What a corpus case's `expected.json` says the analysis must find. Written by reading the log, never
 *  by copying bootwhy's output. An empty list means "must find nothing"; the unit lists may be left out only
 *  by wild cases (corpora/wild), whose threads do not always settle every line. */
export const CorpusExpectations = z
  .object({
    /** Where the log came from: a URL, or the lab scenario that recorded it. */
    source: z.string().min(1),
    description: z.string().min(1),
    boots: z.number().int().nonnegative(),
    cycles: z.number().int().nonnegative(),
    /** The log begins after the machine started (no firmware, bootloader or kernel banner). */
    startsMidway: z.boolean(),
    /** The unit (full name) or kernel crash kind that the analysis must name as root cause; null: no failure. */
    rootCause: z.string().nullable(),
    /** Emergency, rescue or an initrd shell was entered: which. */
    emergency: z.enum(['none', 'emergency', 'rescue', 'dracut-shell', 'initramfs-shell']),
    /** Units shown as [FAILED] (failed to start/mount/activate/listen, stopped with error). */
    failed: z.array(z.string()).optional(),
    /** Units shown as [DEPEND] Dependency failed for …, in full where the log makes the name certain. */
    dependencyFailed: z.array(z.string()).optional(),
    /** Units shown as [ TIME ] (timed out starting/stopping/waiting for device). */
    timedOut: z.array(z.string()).optional(),
    /** Kernel crash kinds found, in order: panic, oops, bug, warning, hung-task, oom. */
    kernelCrashes: z.array(z.enum(['panic', 'oops', 'bug', 'warning', 'hung-task', 'oom'])),
    /** Optional finer checks. */
    cycleStarts: z.array(z.enum(['kernel-boot', 'soft-reboot', 'userspace-restart', 'log-start'])).optional(),
    /** Substrings that must appear in the root cause's evidence lines. */
    evidenceContains: z.array(z.string()).optional(),
    /** Substrings that must appear in the titles of the kernel crashes, in order. */
    crashTitles: z.array(z.string()).optional(),
    /** Units whose start/stop job was seen hanging (spinner). */
    hungJobs: z.array(z.string()).optional(),
    /** The emergency/rescue mode was triggered by this unit (a target with OnFailure=emergency.target). */
    emergencyTriggeredBy: z.string().optional(),
    loginReached: z.boolean().optional(),
    /** Per cycle, the default target PID 1 queued when the log shows it (system-update.target for an offline update). */
    defaultTargets: z.array(z.string().nullable()).optional(),
    /** What the text is: a console, journalctl output, dmesg, a syslog file or plymouth's boot.log. */
    input: z.enum(['console', 'journal', 'dmesg', 'syslog', 'boot.log']).optional(),
    /** What bootwhy does not yet get right in this log, in words. The case still must not crash, must
     *  give the same report in any chunking, validate, and never say OK on a failing log; the findings
     *  named here are reported by the test, not asserted. */
    knownGap: z.string().min(20).optional(),
    /** Why bootwhy's evidence lacks a line of `evidenceContains` though it names the cause right: those
     *  lines are then reported by the test, not asserted. */
    evidenceGap: z.string().min(20).optional(),
    notes: z.string().optional(),
  })
  .strict();

export type CorpusExpectations = z.infer<typeof CorpusExpectations>;
