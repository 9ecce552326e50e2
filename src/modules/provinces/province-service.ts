import type { Runtime } from '../../runtime.ts';
import type { ProvinceModel } from '../../graphql/models.ts';
import { mayReadProvince, type Viewer } from '../../graphql/viewer.ts';
import { provinceInfo } from '../../sources/demo.ts';

/** A source as the API shows it: its end and successor from the province table (src/sources/demo.ts). */
const toModel = (s: { code: string; slug: string; name: string }): ProvinceModel => {
  const info = provinceInfo(s);
  return {
    code: s.code,
    slug: s.slug,
    name: s.name,
    validTo: info.validTo ?? null,
    successor: info.successor ? { code: info.successor.code, name: info.successor.name } : null,
    mergedFrom: (info.mergedFrom ?? []).map((m) => ({
      province: { code: m.code, name: m.name },
      validTo: m.validTo,
    })),
  };
};

/** Provinces are the sources themselves (those the viewer may read); status comes from the health monitor. */
export function createProvinceService(rt: Pick<Runtime, 'sources' | 'health'>, viewer: Viewer) {
  const model = (code: string): ProvinceModel | null => {
    const s = mayReadProvince(viewer, code) ? rt.sources.byCode(code) : undefined;
    return s ? toModel(s) : null;
  };
  return {
    all: (): ProvinceModel[] => rt.sources.all.filter((s) => mayReadProvince(viewer, s.code)).map(toModel),
    byCode: model,
    /** A province every entity points to; its source is always registered. */
    of: (entity: { province: string }): ProvinceModel => model(entity.province)!,
    status: (p: ProvinceModel) => rt.health.status(p.code),
  };
}

export type ProvinceService = ReturnType<typeof createProvinceService>;

declare module '../../graphql/context.ts' {
  interface Services {
    provinces: ProvinceService;
  }
}
