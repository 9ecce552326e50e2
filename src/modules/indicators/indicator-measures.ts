import type { IndicatorRowModel } from '../../graphql/models.ts';
import type { IndicatorMeasure } from '../../graphql/generated/schema-types.ts';

/** Office minutes in a working day (07:00–11:30 and 13:00–17:00). */
export const WORKING_DAY_MINUTES = 510;

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/** The lower median of the histogram, in working days (tenths of a day); null when empty. */
function median(tenths: Map<number, number>): number | null {
  let total = 0;
  for (const n of tenths.values()) total += n;
  if (total === 0) return null;
  const rank = Math.ceil(total / 2);
  let seen = 0;
  for (const t of [...tenths.keys()].sort((a, b) => a - b)) {
    seen += tenths.get(t)!;
    if (seen >= rank) return t / 10;
  }
  return null;
}

/**
 * Every measure of a row from its additive sums (schema/indicators.graphql states each formula and its
 * source). Rates are 0–1 and null when their denominator is 0.
 */
export const measures = {
  onTimeRate: (r: IndicatorRowModel) => ratio(r.early + r.onTime, r.resolved),
  averageProcessingDays: (r: IndicatorRowModel) =>
    r.resolved > 0 ? r.processingMinutes / r.resolved / WORKING_DAY_MINUTES : null,
  medianProcessingDays: (r: IndicatorRowModel) => median(r.processingTenths),
  onlineShare: (r: IndicatorRowModel) => ratio(r.receivedOnline, r.received),
  onlinePaymentRate: (r: IndicatorRowModel) => ratio(r.paidOnline, r.feeDue),
  digitisedRate: (r: IndicatorRowModel) => ratio(r.digitised, r.received),
  electronicResultRate: (r: IndicatorRowModel) => ratio(r.electronicResult, r.resolved),
  dataReusedRate: (r: IndicatorRowModel) => ratio(r.dataReused, r.received),
  satisfactionAverage: (r: IndicatorRowModel) => ratio(r.ratingSum, r.ratings),
  goodRatingShare: (r: IndicatorRowModel) => ratio(r.goodRatings, r.ratings),
  fullOnlineShare: (r: IndicatorRowModel) =>
    r.procedures ? ratio(r.procedures.full, r.procedures.total) : null,
  partialOnlineShare: (r: IndicatorRowModel) =>
    r.procedures ? ratio(r.procedures.partial, r.procedures.total) : null,
};

/** Decision 766 points the data allows (formulas in schema/indicators.graphql `ServiceQualityPoints`). */
export const points = {
  timeliness: (r: IndicatorRowModel) => {
    const rate = measures.onTimeRate(r);
    return rate == null ? null : 20 * rate;
  },
  onlineServices: (r: IndicatorRowModel) => {
    const c = measures.onlineShare(r);
    const p = r.procedures;
    if (c == null || !p || p.total === 0) return null;
    const a = (p.full + p.partial) / p.total;
    const b = p.full / p.total;
    return Math.min(2, (2 * a) / 0.8) + 4 * b + Math.min(6, (6 * c) / 0.5);
  },
  onlinePayment: (r: IndicatorRowModel) => {
    const rate = measures.onlinePaymentRate(r);
    return rate == null ? null : 10 * rate;
  },
  digitisation: (r: IndicatorRowModel) => {
    const e = measures.electronicResultRate(r);
    const d = measures.digitisedRate(r);
    const u = measures.dataReusedRate(r);
    if (e == null && d == null) return null;
    return 6 * (e ?? 0) + 4 * (d ?? 0) + 2 * (u ?? 0);
  },
  satisfaction: (r: IndicatorRowModel) => {
    const g = measures.goodRatingShare(r);
    return g == null ? null : Math.min(6, (6 * g) / 0.9);
  },
};

/** A row's value of a sort measure. */
export function measureOf(r: IndicatorRowModel, m: IndicatorMeasure): number | null {
  switch (m) {
    case 'RECEIVED':
      return r.received;
    case 'RESOLVED':
      return r.resolved;
    case 'EARLY':
      return r.early;
    case 'ON_TIME':
      return r.onTime;
    case 'LATE':
      return r.late;
    case 'PENDING':
      return r.pending;
    case 'OVERDUE':
      return r.overdue;
    case 'NOT_COUNTED':
      return r.notCounted;
    case 'ON_TIME_RATE':
      return measures.onTimeRate(r);
    case 'AVERAGE_PROCESSING_DAYS':
      return measures.averageProcessingDays(r);
    case 'MEDIAN_PROCESSING_DAYS':
      return measures.medianProcessingDays(r);
    case 'ONLINE_SHARE':
      return measures.onlineShare(r);
    case 'ONLINE_PAYMENT_RATE':
      return measures.onlinePaymentRate(r);
    case 'DIGITISED_RATE':
      return measures.digitisedRate(r);
    case 'ELECTRONIC_RESULT_RATE':
      return measures.electronicResultRate(r);
    case 'DATA_REUSED_RATE':
      return measures.dataReusedRate(r);
    case 'SATISFACTION_AVERAGE':
      return measures.satisfactionAverage(r);
    case 'GOOD_RATING_SHARE':
      return measures.goodRatingShare(r);
  }
}
