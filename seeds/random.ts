import { hashString } from '../src/random.ts';

export { hashString, Rng } from '../src/random.ts';

/** A salt for PostgreSQL's hashint8extended, distinct per province and purpose. */
export function sqlSalt(provinceCode: string, purpose: string): number {
  return hashString(`${provinceCode}:${purpose}`) & 0x3fffffff;
}
