import type { WritableAtom } from 'nanostores';
import { isRecord } from './guards.ts';
import { versionedAtom } from './versioned.ts';

/** The name a learner typed for their certificate, kept on this device so a reprint needs no retyping. */
export interface CertificateData {
  version: 1;
  name: string;
}

export const CERTIFICATE_NAME_MAX = 80;

let singleton: WritableAtom<CertificateData> | undefined;

export function certificateStore(): WritableAtom<CertificateData> {
  singleton ??= versionedAtom<CertificateData>({
    name: 'alongside:certificate',
    version: 1,
    initial: () => ({ version: 1, name: '' }),
    read: (raw) =>
      isRecord(raw) && raw['version'] === 1 && typeof raw['name'] === 'string'
        ? (raw as unknown as CertificateData)
        : undefined,
  });
  return singleton;
}

/** Trims and collapses spaces; an over-long name is cut at the limit rather than refused. */
export const cleanName = (typed: string): string => typed.replace(/\s+/g, ' ').trim().slice(0, CERTIFICATE_NAME_MAX);
