/** Errors a user caused (usage, unreadable input): printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export class InputError extends Error {
  override readonly name = 'InputError';
}

/** A one-line message for a failed system call on a path. */
export function describeFsError(err: unknown, path: string): string {
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return `${path}: no such file`;
    case 'EISDIR':
      return `${path}: is a directory, not a console log`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: permission denied`;
    case 'ENOTDIR':
      return `${path}: a part of the path is not a directory`;
    case 'ELOOP':
      return `${path}: too many symbolic links`;
    case 'EIO':
      return `${path}: input/output error`;
    default:
      return `${path}: cannot read (${code ?? (err instanceof Error ? err.message : String(err))})`;
  }
}
