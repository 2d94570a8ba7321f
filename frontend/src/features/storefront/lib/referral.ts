// The referral code rides with the visitor for 30 days: a client who opens a freelancer's
// link and buys later, without the link, is still attributed to that freelancer. Only a
// code the API resolved is kept, and a newer valid code replaces an older one.
import { DAY_MS, isRecord, readJson, remove, writeJson } from './storage';

const KEY = 'partner_hub.referral';
export const REFERRAL_DAYS = 30;

export interface StoredReferral {
  code: string;
  /** The freelancer's display name, to say on later pages who the purchase credits. */
  displayName: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export function rememberReferral(code: string, displayName: string, now = Date.now()): StoredReferral {
  const referral = { code, displayName, expiresAt: now + REFERRAL_DAYS * DAY_MS };
  writeJson(KEY, referral);
  return referral;
}

/** The remembered code while it is fresh; an expired or unreadable one is forgotten. */
export function storedReferral(now = Date.now()): StoredReferral | null {
  const value = readJson(KEY);
  if (
    isRecord(value) &&
    typeof value.code === 'string' &&
    value.code !== '' &&
    typeof value.displayName === 'string' &&
    typeof value.expiresAt === 'number' &&
    value.expiresAt > now
  ) {
    return { code: value.code, displayName: value.displayName, expiresAt: value.expiresAt };
  }
  if (value !== null) remove(KEY);
  return null;
}

export function forgetReferral(): void {
  remove(KEY);
}
