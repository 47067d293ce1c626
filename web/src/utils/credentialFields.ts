// Checks and shapes a source's credential fields before they are saved, by the rules the server applies too
// (required fields, http(s) URLs, whole numbers); the server's answer stays the authority.
import type { CredentialField } from '../types';

/** What the form holds: text fields as typed, checkboxes as booleans. */
export type CredentialValues = Record<string, string | boolean>;
type Values = CredentialValues;

/** The error to show per field; empty when the form can be sent. */
export function validateFields(fields: CredentialField[], values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.name];
    const text = typeof v === 'string' ? v.trim() : '';
    if (f.type === 'checkbox') continue;
    if (f.required && !text) {
      errors[f.name] = `${f.label} is required.`;
      continue;
    }
    if (!text) continue;
    if (f.type === 'url') {
      let ok = false;
      try {
        ok = ['http:', 'https:'].includes(new URL(text).protocol);
      } catch {
        ok = false;
      }
      if (!ok) errors[f.name] = `${f.label} must be a full http(s) URL, like https://example.com.`;
    } else if (f.type === 'number' && !/^-?\d+$/.test(text)) {
      errors[f.name] = `${f.label} must be a whole number.`;
    }
  }
  return errors;
}

/** The body to save: trimmed text, checked boxes only, nothing empty. */
export function toPayload(fields: CredentialField[], values: Values): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.type === 'checkbox') {
      if (v === true) out[f.name] = true;
      continue;
    }
    if (typeof v === 'string' && v.trim()) out[f.name] = v.trim();
  }
  return out;
}
