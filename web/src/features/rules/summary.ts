import type { Rule } from '@xjf/domain';
import type { TFunction } from 'i18next';

const fmt = (n: number) => Number(n.toFixed(2)).toString();

/** "每 5 m² 计 1 分，每年封顶 200 分" / "1 pt per 5 m², capped at 200 pts a year". */
export function ruleSummary(rule: Rule, t: TFunction): string {
  const { shape, cap } = rule;
  const loss = shape.points < 0;
  const points = Math.abs(shape.points);
  const parts: string[] = [];
  if (shape.kind === 'fixed') {
    parts.push(t(loss ? 'rules.summary.fixedLoss' : 'rules.summary.fixedGain', { points }));
  } else {
    const per =
      shape.unitSize === 1
        ? shape.unit
        : t('rules.summary.size', { size: fmt(shape.unitSize), unit: shape.unit });
    parts.push(t(loss ? 'rules.summary.perUnitLoss' : 'rules.summary.perUnitGain', { points, per }));
  }
  if (cap) {
    const period = t(`rules.summary.period.${cap.period}`);
    if (cap.maxPoints !== undefined) parts.push(t('rules.summary.capPoints', { n: cap.maxPoints, period }));
    if (cap.maxOccurrences !== undefined) {
      parts.push(t('rules.summary.capTimes', { n: cap.maxOccurrences, period }));
    }
  }
  return parts.join(t('rules.summary.sep'));
}
