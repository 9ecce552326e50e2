import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from '../../src/modules/dossiers/personal-data.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ provinces: ['40', '67'] });
});
afterAll(() => hub?.close());

const applicant = `applicant { type name idNumber phone }`;
type A = { type: string; name: string; idNumber: string | null; phone: string | null };

/** Initials only (no word lengths), and the last three digits of numbers. */
function expectMasked(a: A) {
  if (a.idNumber) expect(a.idNumber).toMatch(/^\*+\d{3}$/);
  if (a.phone) expect(a.phone).toMatch(/^\*+\d{3}$/);
  for (const word of a.name.split(' ')) expect(word).toMatch(/^\S\.$/u);
}

describe('applicant personal data is masked without pii:read', () => {
  it('on every path that reaches an applicant', async () => {
    const res = await hub.gql<Record<string, unknown>>(`{
      dossiers(first: 20) { nodes { id code ${applicant} } }
      units(first: 5, filter: { level: COMMUNE }) { nodes { dossiers(first: 5) { nodes { ${applicant} } } } }
      procedures(first: 5) { nodes { dossiers(first: 5) { nodes { ${applicant} } } } }
      documents(first: 20) { nodes { dossiers(first: 5) { nodes { ${applicant} } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const found: A[] = [];
    JSON.stringify(res.data, (k, v: unknown) => {
      if (k === 'applicant') found.push(v as A);
      return v;
    });
    expect(found.length).toBeGreaterThan(20);
    found.forEach(expectMasked);

    const first = (res.data!.dossiers as { nodes: { id: string; code: string }[] }).nodes[0]!;
    const byId = await hub.gql<{ a: { applicant: A }; b: { applicant: A }; c: { applicant: A } }>(
      `query($id: ID!, $code: String!) { a: node(id: $id) { ... on Dossier { ${applicant} } } b: dossier(id: $id) { ${applicant} } c: dossier(code: $code) { ${applicant} } }`,
      { id: first.id, code: first.code },
    );
    for (const a of [byId.data!.a, byId.data!.b, byId.data!.c]) expectMasked(a.applicant);
  });

  it('the real values stay in the database and masks keep the edges', async () => {
    const row = (await hub.rt.sources
      .byCode('40')!
      .db('dossiers')
      .select('applicant_id_number')
      .where('applicant_type', 'CITIZEN')
      .orderBy('id')
      .first()) as {
      applicant_id_number: string;
    };
    expect(row.applicant_id_number).toMatch(/^\d{12}$/);
    expect(maskIdNumber('040123456721')).toBe('*********721');
    expect(maskIdNumber('0101234567')).toBe('*******567');
    expect(maskPhone('0912345678')).toBe('*******678');
    expect(maskPhone('1234')).toBe('****');
    expect(maskName('Nguyễn Văn Đức')).toBe('N. V. Đ.');
    expect(maskName('đặng  thị   ánh')).toBe('đ. t. á.');
    expect(maskName('Nguyễn Văn Đức')).toBe(maskName('Nông Vũ Đạt'));
    expect(maskIdNumber(null)).toBeNull();
  });

  it('searching by applicant name finds nothing without pii:read (codes only)', async () => {
    const res = await hub.gql<{ dossiers: { totalCount: number } }>(
      `{ dossiers(filter: { search: "nguyen" }) { totalCount } }`,
    );
    expect(res.data!.dossiers.totalCount).toBe(0);
  });
});
