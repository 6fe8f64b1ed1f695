/**
 * Unit references as systemd prints them: a name (`var.mount`), a description (`/var`), or both
 * (`var.mount - /var`), possibly ellipsized in the middle (`cloud-init-m…rvice - Cloud-init: Single Process`).
 */
import { escapeRegExp } from './literals.js';
import { COMMON_UNITS, TEMPLATE_UNITS } from './unit-table.js';

export interface UnitRef {
  /** The full unit name when certain. */
  name: string | null;
  /** The description when printed in full. */
  description: string | null;
  /** The text as printed. */
  text: string;
  /** The name could not be made certain (ellipsized or description-only text that nothing resolves). */
  partial: boolean;
  /** Where a name that the text did not hold came from. */
  resolvedBy: 'log' | 'table' | null;
}

const ELLIPSIS = '…';
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** A unit name: escaped characters, then one of systemd's unit types. */
const NAME = String.raw`[A-Za-z0-9:_.\\@-]+\.(?:service|socket|target|device|mount|automount|swap|timer|path|slice|scope)`;
const UNIT_NAME = new RegExp(`^${NAME}$`);
const GLUED_NAME = new RegExp(`^(${NAME})(?=[A-Z/])`);

/**
 * A copy of a string that does not hold on to the string it was cut from (V8 keeps a long line alive for
 * any slice of it): for what is kept, so that memory follows what is kept and not the lines it came from.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A reference whose strings are owned (see `own`). */
export function ownRef(ref: UnitRef): UnitRef {
  const text = own(ref.text);
  const description = ref.description === null ? null : ref.description === ref.text ? text : own(ref.description);
  return { ...ref, text, name: ref.name === null ? null : ref.name === ref.text ? text : own(ref.name), description };
}

/** Longest unit reference kept whole; systemd prints names of at most 256 characters, cut to the terminal's width. */
const MAX_UNIT_TEXT = 512;
const MAX_NAME = 256;

export function isUnitName(text: string): boolean {
  return UNIT_NAME.test(text);
}

export function unitType(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

/**
 * Parses the `%s` of a status message. Longer than MAX_UNIT_TEXT, no console printed it so: its start is
 * kept, as an ellipsized text (and its name, when it has one).
 */
export function parseUnitText(raw: string): UnitRef {
  const ref = parseWhole(raw);
  if (ref.text.length <= MAX_UNIT_TEXT) return ref;
  const name = ref.name !== null && ref.name.length <= MAX_NAME ? own(ref.name) : null;
  return { name, description: null, text: own(ref.text.slice(0, MAX_UNIT_TEXT - 1) + ELLIPSIS), partial: name === null, resolvedBy: null };
}

function parseWhole(raw: string): UnitRef {
  let text = raw.trim();
  // `- /dev/disk/by-label/var_log`: the combined format with the name lost (a copy dropped what it took
  // for an escape): the description alone.
  if (text.charCodeAt(0) === 0x2d /* - */ && text.charCodeAt(1) === 0x20) text = text.slice(2).trimStart();
  const sep = text.indexOf(' - ');
  if (sep > 0) {
    const left = text.slice(0, sep);
    if (UNIT_NAME.test(left)) {
      const description = text.slice(sep + 3);
      return { name: left, description: description.includes(ELLIPSIS) ? null : description, text, partial: false, resolvedBy: null };
    }
  }
  if (UNIT_NAME.test(text)) return { name: text, description: null, text, partial: false, resolvedBy: null };
  // A name glued to its description (`dev-mqueue.mountPOSIX Message Queue…`): systemd's ellipsis and the
  // ` - ` went into a colour sequence it cut, which a terminal drops. No real name runs into a capital.
  const glued = GLUED_NAME.exec(text);
  if (glued) return { name: glued[1]!, description: null, text, partial: false, resolvedBy: null };
  if (text.includes(ELLIPSIS)) return { name: null, description: null, text, partial: true, resolvedBy: null };
  return { name: null, description: text, text, partial: true, resolvedBy: null };
}

/** The mount unit name systemd derives from a path (`/var/lib/nfs` → `var-lib-nfs.mount`). */
export function mountUnitForPath(path: string): string {
  const trimmed = path.replace(/\/+$/, '').replace(/^\/+/, '');
  if (trimmed === '') return '-.mount';
  const escaped = trimmed
    .split('/')
    .filter((p) => p !== '')
    .map((part) => part.replace(/[^A-Za-z0-9:_.]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0')))
    .join('-')
    // (As systemd-escape --path: only a dot that would begin the unit's name is escaped, `/.snapshots` →
    // `\x2esnapshots.mount`; one inside, `/nix/.ro-store` → `nix-.ro\x2dstore.mount`, stays.)
    .replace(/^\./, '\\x2e');
  return escaped + '.mount';
}

/** `root=` and fstab's tags and the /dev/disk directory udev links each to (as systemd's fstab-generator
 *  reads them: `UUID=abc` is `/dev/disk/by-uuid/abc`). */
const TAG_DIRS: Readonly<Record<string, string>> = { UUID: 'by-uuid', LABEL: 'by-label', PARTUUID: 'by-partuuid', PARTLABEL: 'by-partlabel' };

/** The device unit for a device path (`/dev/mapper/rhel-root` → `dev-mapper-rhel\x2droot.device`) or a tag
 *  (`UUID=0b5e…` → `dev-disk-by\x2duuid-0b5e….device`), or null for anything else. A tag's value must be
 *  plain (letters, digits, `-`, `_`, `.`): udev encodes other characters in its link's name. */
export function deviceUnitForPath(path0: string): string | null {
  const eq = path0.charCodeAt(0) === 0x2f /* / */ ? -1 : path0.indexOf('=');
  let path = path0;
  if (eq > 0) {
    const dir = TAG_DIRS[path0.slice(0, eq)];
    const value = path0.slice(eq + 1).replace(/^"(.*)"$/, '$1');
    if (dir === undefined || !/^[A-Za-z0-9._-]+$/.test(value)) return null;
    path = `/dev/disk/${dir}/${value}`;
  }
  // A path cut short (`/dev/disk/by-uuid/[…]`, systemd's or a person's ellipsis) names no one device.
  if (!/^\/dev\/[^\s]+$/.test(path) || path.includes('…') || path.includes('...')) return null;
  return mountUnitForPath(path).replace(/\.mount$/, '.device');
}

/** The swap unit name for a device path (`/dev/vdb2` → `dev-vdb2.swap`). */
export function swapUnitForPath(path: string): string {
  return mountUnitForPath(path).replace(/\.mount$/, '.swap');
}

/** The path a mount unit name stands for (`var-lib-nfs.mount` → `/var/lib/nfs`), or null. */
export function pathForMountUnit(name: string): string | null {
  if (!name.endsWith('.mount') && !name.endsWith('.automount')) return null;
  const base = name.slice(0, name.lastIndexOf('.'));
  if (base === '-') return '/';
  return '/' + base.split('-').map((p) => p.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))).join('/');
}

/** Units remembered (a console names a few hundred); later ones are counted in `forgotten`. */
export const MAX_KNOWN = 5000;
const MAX_CACHED = 256;
/**
 * An ellipsized reference is fitted against the printed forms that start with its head and those that end
 * with its tail, taken in turn: when either runs out, every unit that fits was seen. Past this many of
 * each, both are too common for the text to say which unit it is; it is left unnamed and counted.
 */
const MAX_FIT_STEPS = 16;

/**
 * What the log (and a table of common units) says about unit names and descriptions; resolves
 * ellipsized and description-only references when exactly one unit fits.
 */
export class UnitResolver {
  /** name → description ('' when the log showed the name alone). */
  private readonly known = new Map<string, string>();
  /** Bumped whenever the log teaches something new, which invalidates cached resolutions. */
  private generation = 0;
  /** Resolutions by the text resolved, one map for each type hint (no key to build per line). */
  private readonly cache: Record<UnitTypeHint, Map<string, { generation: number; ref: UnitRef }>> = { any: new Map(), target: new Map(), 'not-target': new Map() };
  /** The texts cached, each once, in the order they came, in a ring: the next to go is at `cachedAt`. */
  private readonly cached: Array<{ map: Map<string, { generation: number; ref: UnitRef }>; text: string }> = [];
  private cachedAt = 0;
  /** Every printed form of the known units, for whole (not ellipsized) references. */
  private readonly forms = new PrintedForms();
  /** The same forms in order of their start and of their end, for ellipsized references. */
  private readonly ends = new FormEnds();
  /** Ellipsized references whose head and tail each fit too many known units to tell (MAX_FIT_STEPS). */
  unresolvable = 0;
  /** Units the log named after MAX_KNOWN others: not remembered. */
  forgotten = 0;

  learn(ref: UnitRef): void {
    const unit = ref.name;
    // Nothing prints a name or a description this long (a status header or a table row may hold one).
    if (unit === null || unit.length > MAX_NAME) return;
    const said = ref.description !== null && ref.description.length <= MAX_UNIT_TEXT ? ref.description : null;
    const prev = this.known.get(unit);
    if (prev === undefined) {
      if (this.known.size >= MAX_KNOWN) {
        this.forgotten++;
        return;
      }
      const name = own(unit);
      const description = own(said ?? '');
      this.known.set(name, description);
      this.forms.addUnit(name, description);
      this.ends.addUnit(name, description, true, this.known.size);
      this.generation++;
    } else if (prev === '' && said) {
      const name = own(unit);
      const description = own(said);
      this.known.set(name, description);
      this.forms.addUnit(name, description);
      this.ends.addUnit(name, description, false, this.known.size);
      this.generation++;
    }
  }

  /** The log has named this unit. */
  knows(name: string): boolean {
    return this.known.has(name);
  }

  /** The description the log showed for a unit, or null. */
  descriptionOf(name: string): string | null {
    const d = this.known.get(name);
    return d ? d : null;
  }

  /**
   * How systemd would have shown this unit: the description the log showed, else that of systemd's own
   * unit by that name, else a mount's or swap's path (a mount without Description= is shown so); null
   * when nothing says.
   */
  /** Descriptions the log printed in full for units it never named (`Starting Wait for network to be
   *  configured by ConnMan...`), at most MAX_KNOWN of them. */
  private readonly nameless = new Set<string>();

  /** A description printed in full that no unit name goes with (yet). */
  learnDescription(text: string): void {
    if (text.length > MAX_UNIT_TEXT || text.includes(ELLIPSIS) || this.nameless.has(text) || this.nameless.size >= MAX_KNOWN) return;
    this.nameless.add(own(text));
  }

  /** The one description printed in full that an ellipsized text of an unnamed unit fits (`Wait for n…k to
   *  be configured by ConnMan`), or null when none or several do. */
  fitDescription(text: string): string | null {
    const cut = text.indexOf(ELLIPSIS);
    if (cut < 0 || text.indexOf(ELLIPSIS, cut + 1) >= 0) return null;
    const head = text.slice(0, cut);
    const tail = text.slice(cut + 1);
    let found: string | null = null;
    for (const d of this.nameless) {
      if (d.length > head.length + tail.length && d.startsWith(head) && d.endsWith(tail)) {
        if (found !== null) return null;
        found = d;
      }
    }
    return found;
  }

  describe(name: string): string | null {
    const known = this.known.get(name);
    if (known) return known;
    const printed = this.printed.get(name);
    if (printed !== undefined) return printed;
    const table = tableDescription(name);
    if (table !== null) return table;
    return name.endsWith('.mount') ? pathForMountUnit(name) : null;
  }

  /** Descriptions the log printed for units the table named (they bind nothing; see `describe`). */
  private readonly printed = new Map<string, string>();
  printedAs(name: string, description: string): void {
    if (this.printed.size < MAX_CACHED && !this.printed.has(name)) this.printed.set(own(name), own(description));
  }

  /**
   * A device, mount or swap unit printed with its escapes lost (`dev-gpt-auto-root.device`, copied
   * through Markdown or retyped): the one unit the log named whose name reads so once `\x2d` is a `-`
   * again (`dev-gpt\x2dauto\x2droot.device`). Null when none or several do.
   */
  escapedTwin(name: string): string | null {
    // (Known with a description of its own, it is a unit in its own right.)
    if (this.known.get(name) || name.includes('\\') || !name.includes('-')) return null;
    let found: string | null = null;
    let checks = 0;
    for (const known of this.known.keys()) {
      if (++checks > MAX_KNOWN) break;
      if (known.length <= name.length || !known.includes('\\x2d')) continue;
      if (known.replaceAll('\\x2d', '-') !== name) continue;
      if (found !== null) return null;
      found = known;
    }
    return found;
  }

  /** A name some of whose bytes the line lost, each run shown as U+FFFD (`systemd-networkd-wait-online.se\ufffdice`):
   *  the one unit, known from the log or the table, whose name fits it; else the name as it came. */
  repaired(name: string): string {
    if (!name.includes('\ufffd')) return name;
    const parts = name.split('\ufffd').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (parts.join('').length < 8) return name;
    const fits = new RegExp(`^${parts.join('.{0,8}')}$`);
    let found: string | null = null;
    for (const known of [...this.known.keys(), ...COMMON_UNITS.map(([n]) => n)]) {
      if (known.includes('\ufffd') || !fits.test(known)) continue;
      if (found !== null && found !== known) return name;
      found = known;
    }
    return found ?? name;
  }

  learnName(name: string): void {
    if (UNIT_NAME.test(name)) this.learn({ name, description: null, text: name, partial: false, resolvedBy: null });
  }

  /**
   * Returns the reference with its name filled in when the log or the table makes it certain. `hint` is
   * what the message says of the unit's type: `Reached target X` is a target, `Failed to start X` and
   * `Starting X...` are not (a target's job prints neither); it decides between units that share a
   * description (`Switch Root` is both initrd-switch-root.service and initrd-switch-root.target).
   */
  resolve(ref: UnitRef, hint: UnitTypeHint = 'any'): UnitRef {
    if (ref.name !== null) return ref;
    // Every text resolved is cached, found or not (a description nothing names would otherwise be looked
    // up in the table and among the templates again on every line). What the log teaches later makes
    // an entry stale; it is looked up again then, in its place.
    const map = this.cache[hint];
    const hit = map.get(ref.text);
    if (hit !== undefined) {
      if (hit.generation !== this.generation) {
        hit.ref = ownRef(this.lookup(ref, hint));
        hit.generation = this.generation;
      }
      return hit.ref;
    }
    const resolved = ownRef(this.lookup(ref, hint));
    // Full: the oldest entry goes (the cache stays its size, and so does memory).
    const old = this.cached[this.cachedAt];
    if (old !== undefined) old.map.delete(old.text);
    this.cached[this.cachedAt] = { map, text: resolved.text };
    this.cachedAt = (this.cachedAt + 1) % MAX_CACHED;
    map.set(resolved.text, { generation: this.generation, ref: resolved });
    return resolved;
  }

  private lookup(ref: UnitRef, hint: UnitTypeHint): UnitRef {
    if (ref.text.startsWith('/') && !ref.text.includes(' ')) {
      // Mounts and swaps without a Description= are shown by path; the log may name the unit.
      for (const name of [mountUnitForPath(ref.text), swapUnitForPath(ref.text)]) {
        if (this.known.has(name)) return { ...ref, name, description: ref.text, partial: false, resolvedBy: 'log' };
      }
    }
    const fromLog = byHint(this.candidates(ref.text, this.forms, this.ends, this.known), hint);
    if (fromLog === null) return ref;
    if (fromLog.size === 1) return resolved(ref, fromLog, 'log');
    if (fromLog.size > 1) return ref;
    // Ellipsized at its start, with the `…` lost (it broke a colour sequence, which a terminal drops
    // with it): the end of one unit's name or description the log showed.
    if (ref.text.length >= 16 && !ref.text.includes(' ')) {
      const tail = this.candidates(`${ELLIPSIS}${ref.text}`, this.forms, this.ends, this.known);
      if (tail !== null && tail.size === 1) return resolved(ref, tail, 'log');
    }
    // An init script run by systemd's sysv-generator is described `LSB: ` and the script's own
    // Short-Description (`LSB: Raise network interfaces.`): the unit that replaced the script says the same.
    const lsb = ref.text.startsWith('LSB: ') && ref.text.length > 9;
    const fromTable = byHint(this.candidates(lsb ? ref.text.slice(5).replace(/\.$/, '') : ref.text, tableForms(), tableEnds(), null), hint);
    if (fromTable === null) return ref;
    if (lsb) return fromTable.size === 1 ? { ...resolved(ref, fromTable, 'table'), description: ref.text } : ref;
    // (A template alone, `wpa_supplicant@.service` for `WPA supplicant daemon (interface-specific version)`, is never
    // what ran: one of its instances did, which the description does not name. The name stays unknown, for PID 1's
    // line on the instance to give it.)
    if (fromTable.size === 1 && [...fromTable.keys()][0]!.includes('@.')) return ref;
    if (fromTable.size === 1) return resolved(ref, fromTable, 'table');
    // (A template whose description names no instance, `quotaon@.service` as `Enable File System Quotas`, runs
    // only as an instance the text does not give: the plain unit of the same description is the one.)
    if (fromTable.size > 1) {
      const plain = new Map([...fromTable].filter(([name]) => !name.includes('@.')));
      // (The candidates stop at two: the table is asked for every plain unit of that description.)
      const description = plain.size === 1 ? [...plain.values()][0] : undefined;
      if (description !== undefined && COMMON_UNITS.filter(([name, d]) => d === description && !name.includes('@.')).length === 1) return resolved(ref, plain, 'table');
    }
    // `systemd-zram…ervice - Create swap on /dev/zram0`: the name was cut, the description names the
    // instance of a template whose name fits what is left of it.
    const sep = ref.text.indexOf(' - ');
    const cut = ref.text.indexOf(ELLIPSIS);
    if (fromTable.size === 0 && sep > 0 && cut >= 0 && cut < sep) {
      const description = ref.text.slice(sep + 3);
      const head = ref.text.slice(0, cut);
      const tail = ref.text.slice(cut + 1, sep);
      const fits = (name: string | null): name is string => name !== null && name.length >= head.length + tail.length && name.startsWith(head) && name.endsWith(tail);
      const name = templateInstance(description);
      if (fits(name)) return { ...ref, name, description, partial: false, resolvedBy: 'table' };
      // `dev-d…evice - /dev/disk/by-uuid/PARTUUID`: a device, mount or swap without a Description= is described
      // by its path, and its name is the path escaped (systemd-escape --path).
      if (description.startsWith('/') && !description.includes(' ') && !description.includes(ELLIPSIS)) {
        const named = [description.startsWith('/dev/') ? deviceUnitForPath(description) : null, mountUnitForPath(description), swapUnitForPath(description)].filter(fits);
        if (named.length === 1) return { ...ref, name: named[0]!, description, partial: false, resolvedBy: 'log' };
      }
      // Both cut, the line at the console's width (`dev-disk-by\x2duuid-0006…8a0.device - /dev/disk/by-uuid/0006…`):
      // a UUID's fixed form tells how the name's end and the path's start overlap, when one way only.
      const uuidPath = /^(\/dev\/disk\/by-(?:uuid|partuuid)\/)([0-9a-fA-F-]{8,35})…$/.exec(description);
      if (uuidPath !== null) {
        const start = (deviceUnitForPath(uuidPath[1]! + uuidPath[2]!) ?? '').replace(/\.device$/, '');
        const named = new Set<string>();
        for (let k = 0; k <= tail.length; k++) {
          const name = start + tail.slice(k);
          const uuid = name.replace(/^dev-disk-by\\x2d(?:part)?uuid-/, '').replace(/\.device$/, '').replace(/\\x2d/g, '-');
          if (fits(name) && UUID.test(uuid)) named.add(name);
        }
        if (named.size === 1) return { ...ref, name: [...named][0]!, description: null, partial: false, resolvedBy: 'log' };
      }
    }
    if (fromTable.size === 0 && !ref.text.includes(ELLIPSIS)) {
      // A screen retyped by hand (`Starting Dracut Emergency shell...`): systemd's own description in
      // another case, when it is one unit's alone.
      const folded = tableByFoldedDescription().get(ref.text.toLowerCase());
      if (folded !== undefined && folded !== null) return { ...ref, name: folded[0], description: folded[1], partial: false, resolvedBy: 'table' };
      const instance = templateInstance(ref.text);
      if (instance !== null) return { ...ref, name: instance, description: ref.text, partial: false, resolvedBy: 'table' };
      // zram-generator's swap units: `Compressed Swap on /dev/zram0` is dev-zram0.swap.
      const zram = /^Compressed [Ss]wap on (\/dev\/\S+)$/.exec(ref.text);
      if (zram) return { ...ref, name: swapUnitForPath(zram[1]!), description: ref.text, partial: false, resolvedBy: 'table' };
    }
    return ref;
  }

  /**
   * Units whose printed form (combined, name or description format) fits the text; stops at two. A whole
   * text is looked up in the index of printed forms (`current` gives a unit's description now, where it can
   * have been learnt after its name); an ellipsized one among the forms that start with its head or end with
   * its tail. Null when both are too common to tell (counted in `unresolvable`).
   */
  private candidates(text: string, index: PrintedForms, ends: FormEnds, current: ReadonlyMap<string, string> | null): Map<string, string> | null {
    const found = new Map<string, string>();
    const cut = text.indexOf(ELLIPSIS);
    if (cut < 0) {
      for (const [name, description] of index.units(text)) found.set(name, current?.get(name) ?? description);
      return found;
    }
    const fits = ends.fit(text.slice(0, cut), text.slice(cut + ELLIPSIS.length));
    if (fits === null) {
      this.unresolvable++;
      return null;
    }
    for (const [name, e] of fits) found.set(name, current?.get(name) ?? e.description);
    return found;
  }
}

/** What a status message says of its unit's type (see `UnitResolver.resolve`). */
export type UnitTypeHint = 'any' | 'target' | 'not-target';

const TARGET_VERBS = new Set(['reached-target', 'stopped-target']);
const NOT_TARGET_VERBS = new Set(['start-failed', 'start-begin', 'started', 'finished', 'start-timeout', 'stop-begin', 'stopped', 'stop-failed', 'stop-timeout', 'assert-failed']);

/** The unit type a status message's verb allows (`Reached target X`: a target; `Failed to start X`: not one). */
export function typeHint(verb: string): UnitTypeHint {
  return TARGET_VERBS.has(verb) ? 'target' : NOT_TARGET_VERBS.has(verb) ? 'not-target' : 'any';
}

/** Of several units that fit a text, those whose type the message allows; one that fits alone stays. */
function byHint(found: Map<string, string> | null, hint: UnitTypeHint): Map<string, string> | null {
  if (found === null || found.size < 2 || hint === 'any') return found;
  const kept = new Map<string, string>();
  for (const [name, description] of found) if (name.endsWith('.target') === (hint === 'target')) kept.set(name, description);
  return kept.size === 0 ? found : kept;
}

function resolved(ref: UnitRef, found: Map<string, string>, by: 'log' | 'table'): UnitRef {
  const [name, description] = found.entries().next().value as [string, string];
  return { ...ref, name, description: description || ref.description, partial: false, resolvedBy: by };
}

/**
 * The forms systemd prints a unit in (`name - description`, name, description) → the first two units
 * printed so, in the order they were added, each with the description it was added with.
 */
class PrintedForms {
  private readonly byForm = new Map<string, Array<[string, string]>>();

  addUnit(name: string, description: string): void {
    if (description) this.add(`${name} - ${description}`, name, description);
    this.add(name, name, description);
    if (description) this.add(description, name, description);
  }

  units(form: string): ReadonlyArray<[string, string]> {
    return this.byForm.get(form) ?? NONE;
  }

  private add(form: string, name: string, description: string): void {
    const list = this.byForm.get(form);
    if (list === undefined) this.byForm.set(form, [[name, description]]);
    else if (list.length < 2 && !list.some(([n]) => n === name)) list.push([name, description]);
  }
}
const NONE: ReadonlyArray<[string, string]> = [];

let tableIndex: PrintedForms | null = null;
let tableByName: Map<string, string> | null = null;
/** The description of systemd's own unit of that name (or of its template's), or null. */
function tableDescription(name: string): string | null {
  tableByName ??= new Map(COMMON_UNITS.filter(([, d]) => d !== '').map(([n, d]) => [n, d]));
  return tableByName.get(name) ?? null;
}

let ownDescriptions: Map<string, string> | null = null;
/** The unit a description names when only systemd has such a unit (its own `systemd-*`, dracut's and the
 *  initrd's hooks, any target), exactly as the table prints it; else null. (`Starting dracut pre-mount hook...`
 *  is systemd starting dracut-pre-mount.service: no init script is so described.) */
export function systemdOnlyDescription(description: string): string | null {
  if (ownDescriptions === null) {
    ownDescriptions = new Map();
    for (const [name, d] of COMMON_UNITS) {
      if (d === '' || d.length < 12 || !(/^(systemd-|dracut-|initrd-)/.test(name) || name.endsWith('.target'))) continue;
      const prev = ownDescriptions.get(d);
      ownDescriptions.set(d, prev === undefined || prev === name ? name : '');
    }
  }
  const name = ownDescriptions.get(description);
  return name === undefined || name === '' ? null : name;
}

let foldedIndex: Map<string, readonly [string, string] | null> | null = null;
/** The table's descriptions in lower case → the one unit so described (null where several are). */
function tableByFoldedDescription(): Map<string, readonly [string, string] | null> {
  if (foldedIndex === null) {
    foldedIndex = new Map();
    for (const [name, description] of COMMON_UNITS) {
      if (description === '') continue;
      const key = description.toLowerCase();
      const prev = foldedIndex.get(key);
      foldedIndex.set(key, prev === undefined || (prev !== null && prev[0] === name) ? [name, description] : null);
    }
  }
  return foldedIndex;
}

function tableForms(): PrintedForms {
  if (tableIndex === null) {
    tableIndex = new PrintedForms();
    for (const [name, description] of COMMON_UNITS) tableIndex.addUnit(name, description);
  }
  return tableIndex;
}

let tableEndsIndex: FormEnds | null = null;
function tableEnds(): FormEnds {
  if (tableEndsIndex === null) {
    tableEndsIndex = new FormEnds();
    COMMON_UNITS.forEach(([name, description], order) => tableEndsIndex!.addUnit(name, description, true, order));
  }
  return tableEndsIndex;
}

interface Form {
  form: string;
  /** The form reversed, for the list in order of ends (made when that list first needs it). */
  rev: string | null;
  name: string;
  description: string;
  /** The first added wins where one unit fits by several (the table names some units twice). */
  order: number;
}

const scratch: number[] = [];
function reversed(s: string): string {
  const n = s.length;
  if (n > 1024) return s.split('').reverse().join('');
  scratch.length = n;
  for (let i = 0; i < n; i++) scratch[n - 1 - i] = s.charCodeAt(i);
  return String.fromCharCode.apply(null, scratch);
}

/**
 * Forms sorted by a key (the form, or the form reversed), kept in chunks so that an insertion moves at most
 * a chunk. New forms wait in `pending` until a search needs them.
 */
class SortedForms {
  private readonly chunks: Form[][] = [];
  private size = 0;
  private pending: Form[] = [];
  /** Where recent searches started (the same heads and tails come again): until the next insertion. */
  private readonly starts = new Map<string, { chunk: number; at: number; prefix: string; wide: boolean }>();

  /** Sorted by the forms reversed (by how they end) rather than by the forms. */
  constructor(private readonly reverse: boolean) {}

  private key(f: Form): string {
    return this.reverse ? (f.rev ??= reversed(f.form)) : f.form;
  }

  add(f: Form): void {
    this.pending.push(f);
  }

  private flush(): void {
    const p = this.pending;
    if (p.length === 0) return;
    this.pending = [];
    this.starts.clear();
    if (p.length < this.size / 4) {
      for (const f of p) this.insert(this.key(f), f);
      return;
    }
    // Many at once (the first search, or the table): sorted with the rest.
    // (Each with its key beside it: the comparator runs some 40,000 times on the table's forms.)
    const keyed = this.chunks.flat().concat(p).map((f) => ({ k: this.key(f), f }));
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    const all = keyed.map((e) => e.f);
    this.chunks.length = 0;
    for (let i = 0; i < all.length; i += CHUNK) this.chunks.push(all.slice(i, i + CHUNK));
    this.size = all.length;
  }

  private insert(k: string, f: Form): void {
    const chunks = this.chunks;
    this.size++;
    if (chunks.length === 0) {
      chunks.push([f]);
      return;
    }
    // The first chunk whose last key sorts after this one, else the last chunk.
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = chunks[mid]!;
      if (this.key(c[c.length - 1]!) > k) hi = mid;
      else lo = mid + 1;
    }
    const chunk = chunks[lo]!;
    let a = 0;
    let b = chunk.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.key(chunk[mid]!) > k) b = mid;
      else a = mid + 1;
    }
    chunk.splice(a, 0, f);
    if (chunk.length >= 2 * CHUNK) chunks.splice(lo + 1, 0, chunk.splice(CHUNK));
  }

  /** The forms that start with `text` (end with it, in the list by ends), in order. */
  from(text: string): FormCursor {
    this.flush();
    const chunks = this.chunks;
    const known = this.starts.get(text);
    if (known !== undefined) return new FormCursor(chunks, known.chunk, known.at, known.prefix, this.reverse);
    const prefix = this.reverse ? reversed(text) : text;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = chunks[mid]!;
      if (this.key(c[c.length - 1]!) >= prefix) hi = mid;
      else lo = mid + 1;
    }
    const chunk = chunks[lo];
    let a = 0;
    if (chunk !== undefined) {
      let b = chunk.length;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (this.key(chunk[mid]!) >= prefix) b = mid;
        else a = mid + 1;
      }
    }
    if (this.starts.size >= 1024) this.starts.clear();
    this.starts.set(text, { chunk: lo, at: a, prefix, wide: false });
    return new FormCursor(chunks, lo, a, prefix, this.reverse);
  }

  /** A search from `text` went as far as it may (FormEnds.fit), or not; until the next insertion. */
  wide(text: string, set = false): boolean {
    const start = this.starts.get(text);
    if (start === undefined) return false;
    if (set) start.wide = true;
    return start.wide;
  }
}
const CHUNK = 256;

class FormCursor {
  constructor(
    private readonly chunks: readonly Form[][],
    private chunk: number,
    private at: number,
    private readonly prefix: string,
    private readonly reverse: boolean,
  ) {}

  /** The next form whose key starts with the prefix, or undefined when there is none left. */
  next(): Form | undefined {
    const c = this.chunks[this.chunk];
    if (c === undefined) return undefined;
    const f = c[this.at++]!;
    if (this.at >= c.length) {
      this.chunk++;
      this.at = 0;
    }
    return (this.reverse ? f.rev! : f.form).startsWith(this.prefix) ? f : undefined;
  }
}

/** The printed forms of units, by how they start and how they end: what an ellipsized text is fitted to. */
class FormEnds {
  private readonly starts = new SortedForms(false);
  private readonly ends = new SortedForms(true);

  /** A unit's forms; with `named` false only those its (newly learnt) description adds. */
  addUnit(name: string, description: string, named: boolean, order: number): void {
    if (description) this.add({ form: `${name} - ${description}`, rev: null, name, description, order });
    if (named) this.add({ form: name, rev: null, name, description, order });
    if (description) this.add({ form: description, rev: null, name, description, order });
  }

  private add(f: Form): void {
    this.starts.add(f);
    this.ends.add(f);
  }

  /**
   * The units with a form that starts with `head` and ends with `tail` (no overlap), each with its first
   * such form; stops at two. The forms with that head are taken first; when they are many, in turn with
   * those with that tail. Null when neither run out within MAX_FIT_STEPS.
   */
  fit(head: string, tail: string): Map<string, Form> | null {
    // The same head and tail ran out of steps before (and nothing was added since): they would again.
    if (this.starts.wide(head) && this.ends.wide(tail)) return null;
    const found = new Map<string, Form>();
    const min = head.length + tail.length;
    // A form from the list by starts starts with the head, one from the list by ends ends with the tail.
    const take = (f: Form, fits: boolean): boolean => {
      if (fits && f.form.length >= min) {
        const prev = found.get(f.name);
        if (prev === undefined || f.order < prev.order) found.set(f.name, f);
      }
      return found.size > 1;
    };
    const a = this.starts.from(head);
    for (let step = 0; step < HEAD_FIRST; step++) {
      const f = a.next();
      if (f === undefined || take(f, f.form.endsWith(tail))) return found;
    }
    const b = this.ends.from(tail);
    for (let step = HEAD_FIRST; step < MAX_FIT_STEPS; step++) {
      const fa = a.next();
      if (fa === undefined || take(fa, fa.form.endsWith(tail))) return found;
      const fb = b.next();
      if (fb === undefined || take(fb, fb.form.startsWith(head))) return found;
    }
    this.starts.wide(head, true);
    this.ends.wide(tail, true);
    return null;
  }
}
/** Forms with an ellipsized text's head looked at before those with its tail (most heads are rare). */
const HEAD_FIRST = 8;

/**
 * How many words of a unit's name its description shares (`resin-logs.service` and "Resin persistent
 * logs": 2), matching a word by its first four letters (or all of a shorter one). Ranks the candidates
 * when several description-only failures could be the unit PID 1 named.
 */
export function nameFitsDescription(name: string, description: string): number {
  const base = name.slice(0, name.lastIndexOf('.') < 0 ? name.length : name.lastIndexOf('.')).replace(/\\x2d/g, '-');
  const words = description.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  let score = 0;
  for (const token of base.toLowerCase().split(/[-_@.]+/)) {
    if (token.length < 3) continue;
    const head = token.slice(0, Math.min(4, token.length));
    if (words.some((w) => w.startsWith(head))) score++;
  }
  return score;
}

/** systemd-escape: what an instance name holds for a string (`hvc0`, `sda-1` → `sda\x2d1`, `/` → `-`). */
export function escapeInstance(value: string): string {
  return value.replace(/[^A-Za-z0-9:_.\\/]|\\/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0')).replace(/^\./, '\\x2e').replace(/\//g, '-');
}

let templates: Array<{ head: string; tail: string; re: RegExp; build: (value: string) => string | null }> | null = null;

/**
 * A description that is a template unit's with its instance filled in (`Serial Getty on hvc0` →
 * `serial-getty@hvc0.service`): the unit name, when exactly one template fits.
 */
const SNAP_SERVICE = /^Service for snap application ([a-z0-9][a-z0-9-]*\.[A-Za-z0-9][\w-]*)$/;

export function templateInstance(text: string): string | null {
  templates ??= TEMPLATE_UNITS.flatMap(([template, description]) => {
    const spec = /%([iIfj])/.exec(description);
    const at = template.indexOf('@.');
    if (spec === null || at < 0 || (description.match(/%[a-zA-Z]/g) ?? []).length !== 1) return [];
    const [head, tail] = [description.slice(0, spec.index), description.slice(spec.index + 2)];
    const literal = escapeRegExp;
    // Any case: a screen retyped by hand writes `File system check on /dev/vg0/root`.
    const re = new RegExp(`^${literal(head)}(\\S(?:.*\\S)?)${literal(tail)}$`, 'i');
    const kind = spec[1]!;
    const build = (value: string): string | null => {
      let instance: string;
      if (kind === 'f') {
        // (A path a person shortened, `/dev/disk/by-uuid/e84be969...`, names no unit: its name is not known.)
        if (!value.startsWith('/') || value.includes('...')) return null;
        instance = mountUnitForPath(value).replace(/\.mount$/, '');
      } else if (kind === 'I') instance = escapeInstance(value);
      else instance = value;
      return `${template.slice(0, at + 1)}${instance}${template.slice(at + 1)}`;
    };
    return [{ head: head.toLowerCase(), tail: tail.toLowerCase(), re, build }];
  });
  // snapd writes a unit for each of a snap's daemons, `snap.<snap>.<app>.service`, described `Service for snap
  // application <snap>.<app>`.
  if (text.startsWith('Service for snap application ')) {
    const snap = SNAP_SERVICE.exec(text);
    if (snap !== null) return `snap.${snap[1]!}.service`;
  }
  let found: string | null = null;
  const lower = text.toLowerCase();
  for (const t of templates) {
    // The literal ends first: most descriptions fit none, and these tests are cheaper than the pattern.
    if (!lower.startsWith(t.head) || !lower.endsWith(t.tail)) continue;
    const m = t.re.exec(text);
    if (m === null) continue;
    const name = t.build(m[1]!);
    if (name === null) continue;
    if (found !== null && found !== name) return null;
    found = name;
  }
  return found;
}

/**
 * A unit systemd (or dracut, in the initrd) ships and orders itself: its targets and slices, its own services,
 * sockets and API file systems, the getty and shell units. Their ordering is consistent among themselves; an
 * ordering cycle through them was closed by another unit's.
 */
export function shippedWithSystemd(name: string): boolean {
  return SHIPPED_WITH_SYSTEMD.test(name);
}
const SHIPPED_WITH_SYSTEMD =
  /^(?:[^\s/]+\.(?:target|slice|scope)|(?:systemd|initrd|dracut)-[^\s/]+|(?:dbus|dbus-broker|ldconfig|kmod-static-nodes|emergency|rescue|debug-shell|console-getty|quotaon)\.(?:service|socket)|(?:getty|serial-getty|container-getty|modprobe|user|user-runtime-dir)@[^\s/]*\.service|(?:-|tmp|dev-hugepages|dev-mqueue|proc-sys-fs-binfmt_misc|sys-kernel-[\w-]+|sys-fs-fuse-connections|run-credentials-[^\s/]+|run-user-\d+)\.(?:mount|automount))$/;
