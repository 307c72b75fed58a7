// Who a process is, in terms another factdeck process can check: its pid, and the scope in which that pid
// means something, this machine and its PID namespace. A process in another container on the same
// machine (same host name, a PID namespace of its own) cannot be seen from here: signalling its pid says
// "no such process" while it runs. So a process is taken for gone only when it shares our scope and the
// system says it does not exist; anywhere else it is unknown, and what it holds is outlived by time, not
// judged by its pid. The lock's owner note, the temp files of durable writes and the runs recorded in the
// database all name their process this way.

import { createHash } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { errorCode } from './errors.js';

export interface ProcessIdentity {
  pid: number;
  host: string;
  /** A short hash of the host name and the PID namespace: equal scopes, comparable pids. */
  scope: string;
}

/** What is known of another process: `scope` is missing in what older versions wrote. */
export interface NamedProcess {
  pid: number;
  host?: string;
  scope?: string;
}

/** The PID namespace of this process (Linux), or null where there is none to read. */
function pidNamespace(): string | null {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
}

export function scopeOf(host: string, namespace: string | null): string {
  return createHash('sha1').update(`${host}\u0000${namespace ?? ''}`).digest('hex').slice(0, 8);
}

let mine: ProcessIdentity | undefined;

export function thisProcess(): ProcessIdentity {
  if (mine === undefined || mine.pid !== process.pid) {
    const host = hostname();
    mine = { pid: process.pid, host, scope: scopeOf(host, pidNamespace()) };
  }
  return mine;
}

/**
 * 'gone' only when certain: same machine and PID namespace, and no such process. 'other-host' and
 * 'unseen' (this machine, another PID namespace, or no scope noted) cannot be checked from here.
 */
export type Liveness = 'alive' | 'gone' | 'other-host' | 'unseen';

export function livenessOf(other: NamedProcess, me: ProcessIdentity = thisProcess()): Liveness {
  if (other.host !== undefined && other.host !== me.host) return 'other-host';
  if (other.scope !== me.scope) return 'unseen';
  if (!Number.isSafeInteger(other.pid) || other.pid <= 0) return 'unseen';
  if (other.pid === me.pid) return 'alive';
  try {
    process.kill(other.pid, 0);
    return 'alive';
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return errorCode(error) === 'ESRCH' ? 'gone' : 'alive';
  }
}
