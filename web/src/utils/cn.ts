/** Joins class lists, so a long Tailwind class list can be written across lines. */
export function cn(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}
