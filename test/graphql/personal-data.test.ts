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

function expectMasked(a: A) {
  if (a.idNumber) expect(a.idNumber).toMatch(/^\d{3}\*+\d{2}$/);
  if (a.phone) expect(a.phone).toMatch(/^\d{3}\*+\d{2}$/);
  for (const word of a.name.split(' ')) expect([...word].slice(1).every((c) => c === '*')).toBe(true);
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
    expect(maskIdNumber('040123456721')).toBe('040*******21');
    expect(maskPhone('0912345678')).toBe('091*****78');
    expect(maskName('Nguyễn Văn Đức')).toBe('N***** V** Đ**');
    expect(maskIdNumber(null)).toBeNull();
  });

  it('searching by applicant name does not reveal the name', async () => {
    const res = await hub.gql<{ dossiers: { nodes: { applicant: A }[] } }>(
      `{ dossiers(first: 5, filter: { search: "nguyen" }) { nodes { ${applicant} } } }`,
    );
    expect(res.data!.dossiers.nodes.length).toBeGreaterThan(0);
    res.data!.dossiers.nodes.forEach((n) => expectMasked(n.applicant));
  });
});
