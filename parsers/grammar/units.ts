/**
 * Unit references as systemd prints them: a name (`var.mount`), a description (`/var`), or both
 * (`var.mount - /var`), possibly ellipsized in the middle (`cloud-init-m…rvice - Cloud-init: Single Process`).
 */
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
/** A unit name: escaped characters, then one of systemd's unit types. */
const NAME = String.raw`[A-Za-z0-9:_.\\@-]+\.(?:service|socket|target|device|mount|automount|swap|timer|path|slice|scope)`;
const UNIT_NAME = new RegExp(`^${NAME}$`);
const GLUED_NAME = new RegExp(`^(${NAME})(?=[A-Z/])`);

export function isUnitName(text: string): boolean {
  return UNIT_NAME.test(text);
}

export function unitType(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

/** Parses the `%s` of a status message. */
export function parseUnitText(raw: string): UnitRef {
  const text = raw.trim();
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
    .map((part) => part.replace(/[^A-Za-z0-9:_.]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0')).replace(/^\./, '\\x2e'))
    .join('-');
  return escaped + '.mount';
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

const MAX_KNOWN = 20000;
const MAX_CACHED = 4096;

/**
 * What the log (and a table of common units) says about unit names and descriptions; resolves
 * ellipsized and description-only references when exactly one unit fits.
 */
export class UnitResolver {
  /** name → description ('' when the log showed the name alone). */
  private readonly known = new Map<string, string>();
  /** Bumped whenever the log teaches something new, which invalidates cached resolutions. */
  private generation = 0;
  private readonly cache = new Map<string, { generation: number; ref: UnitRef }>();
  /** Every printed form of the known units, for whole (not ellipsized) references. */
  private readonly forms = new PrintedForms();

  learn(ref: UnitRef): void {
    if (ref.name === null) return;
    const prev = this.known.get(ref.name);
    if (prev === undefined) {
      if (this.known.size >= MAX_KNOWN) return;
      this.known.set(ref.name, ref.description ?? '');
      this.forms.addUnit(ref.name, ref.description ?? '');
      this.generation++;
    } else if (prev === '' && ref.description) {
      this.known.set(ref.name, ref.description);
      this.forms.addUnit(ref.name, ref.description);
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

  learnName(name: string): void {
    if (UNIT_NAME.test(name)) this.learn({ name, description: null, text: name, partial: false, resolvedBy: null });
  }

  /** Returns the reference with its name filled in when the log or the table makes it certain. */
  resolve(ref: UnitRef): UnitRef {
    if (ref.name !== null) return ref;
    const hit = this.cache.get(ref.text);
    if (hit !== undefined && hit.generation === this.generation) return hit.ref;
    const resolved = this.lookup(ref);
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(ref.text, { generation: this.generation, ref: resolved });
    return resolved;
  }

  private lookup(ref: UnitRef): UnitRef {
    if (ref.text.startsWith('/') && !ref.text.includes(' ')) {
      // Mounts and swaps without a Description= are shown by path; the log may name the unit.
      for (const name of [mountUnitForPath(ref.text), swapUnitForPath(ref.text)]) {
        if (this.known.has(name)) return { ...ref, name, description: ref.text, partial: false, resolvedBy: 'log' };
      }
    }
    const fromLog = candidates(ref.text, this.known.entries(), this.forms, this.known);
    if (fromLog.size === 1) return resolved(ref, fromLog, 'log');
    if (fromLog.size > 1) return ref;
    // Ellipsized at its start, with the `…` lost (it broke a colour sequence, which a terminal drops
    // with it): the end of one unit's name or description the log showed.
    if (ref.text.length >= 16 && !ref.text.includes(' ')) {
      const tail = candidates(`${ELLIPSIS}${ref.text}`, this.known.entries(), this.forms, this.known);
      if (tail.size === 1) return resolved(ref, tail, 'log');
    }
    const fromTable = candidates(ref.text, tableEntries(), tableForms(), null);
    if (fromTable.size === 1) return resolved(ref, fromTable, 'table');
    // `systemd-zram…ervice - Create swap on /dev/zram0`: the name was cut, the description names the
    // instance of a template whose name fits what is left of it.
    const sep = ref.text.indexOf(' - ');
    const cut = ref.text.indexOf(ELLIPSIS);
    if (fromTable.size === 0 && sep > 0 && cut >= 0 && cut < sep) {
      const name = templateInstance(ref.text.slice(sep + 3));
      const head = ref.text.slice(0, cut);
      const tail = ref.text.slice(cut + 1, sep);
      if (name !== null && name.startsWith(head) && name.endsWith(tail)) return { ...ref, name, description: ref.text.slice(sep + 3), partial: false, resolvedBy: 'table' };
    }
    if (fromTable.size === 0 && !ref.text.includes(ELLIPSIS)) {
      const instance = templateInstance(ref.text);
      if (instance !== null) return { ...ref, name: instance, description: ref.text, partial: false, resolvedBy: 'table' };
    }
    return ref;
  }
}

function resolved(ref: UnitRef, found: Map<string, string>, by: 'log' | 'table'): UnitRef {
  const [name, description] = found.entries().next().value as [string, string];
  return { ...ref, name, description: description || ref.description, partial: false, resolvedBy: by };
}

/**
 * Units whose printed form (combined, name or description format) fits the text; stops at two. A whole
 * text is looked up in the index of printed forms (`current` gives a unit's description now, where it can
 * have been learnt after its name); an ellipsized one is fitted against every unit.
 */
function candidates(text: string, entries: Iterable<[string, string]>, index: PrintedForms, current: ReadonlyMap<string, string> | null): Map<string, string> {
  const found = new Map<string, string>();
  const cut = text.indexOf(ELLIPSIS);
  if (cut < 0) {
    for (const [name, description] of index.units(text)) found.set(name, current?.get(name) ?? description);
    return found;
  }
  const prefix = text.slice(0, cut);
  const suffix = text.slice(cut + ELLIPSIS.length);
  const fits = (full: string): boolean => full.length >= prefix.length + suffix.length && full.startsWith(prefix) && full.endsWith(suffix);
  for (const [name, description] of entries) {
    if ((description && fits(`${name} - ${description}`)) || fits(name) || (description && fits(description))) {
      if (!found.has(name)) found.set(name, description);
      if (found.size > 1) break;
    }
  }
  return found;
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
function tableForms(): PrintedForms {
  if (tableIndex === null) {
    tableIndex = new PrintedForms();
    for (const [name, description] of COMMON_UNITS) tableIndex.addUnit(name, description);
  }
  return tableIndex;
}

function tableEntries(): Iterable<[string, string]> {
  return COMMON_UNITS as ReadonlyArray<[string, string]>;
}

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

let templates: Array<{ re: RegExp; build: (value: string) => string | null }> | null = null;

/**
 * A description that is a template unit's with its instance filled in (`Serial Getty on hvc0` →
 * `serial-getty@hvc0.service`): the unit name, when exactly one template fits.
 */
export function templateInstance(text: string): string | null {
  templates ??= TEMPLATE_UNITS.flatMap(([template, description]) => {
    const spec = /%([iIfj])/.exec(description);
    const at = template.indexOf('@.');
    if (spec === null || at < 0 || (description.match(/%[a-zA-Z]/g) ?? []).length !== 1) return [];
    const [head, tail] = [description.slice(0, spec.index), description.slice(spec.index + 2)];
    const literal = (x: string): string => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const re = new RegExp(`^${literal(head)}(\\S(?:.*\\S)?)${literal(tail)}$`);
    const kind = spec[1]!;
    const build = (value: string): string | null => {
      let instance: string;
      if (kind === 'f') {
        if (!value.startsWith('/')) return null;
        instance = mountUnitForPath(value).replace(/\.mount$/, '');
      } else if (kind === 'I') instance = escapeInstance(value);
      else instance = value;
      return `${template.slice(0, at + 1)}${instance}${template.slice(at + 1)}`;
    };
    return [{ re, build }];
  });
  let found: string | null = null;
  for (const t of templates) {
    const m = t.re.exec(text);
    if (m === null) continue;
    const name = t.build(m[1]!);
    if (name === null) continue;
    if (found !== null && found !== name) return null;
    found = name;
  }
  return found;
}
