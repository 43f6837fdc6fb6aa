import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { Redemption } from './store-api';
import './receipt.css';

/**
 * 兑换凭证: what the villager takes home and the code read back at the counter. Printed alone
 * (see receipt.css), so it carries everything: village, household, lines, balance, clerk.
 */
export function Receipt(props: {
  redemption: Redemption;
  villageName?: string;
  balanceAfter?: number;
  /** The program the points came out of: a balance is always one program's. */
  programName?: string;
}) {
  const { t, i18n } = useTranslation();
  const r = props.redemption;
  const n = (value: number) => formatNumber(value, i18n.language);
  const pts = t('store.pointsUnit');
  return (
    <section className="xjf-receipt" data-testid="receipt" aria-label={t('store.receipt.title')}>
      <h2>{t('store.receipt.title')}</h2>
      <div style={{ textAlign: 'center' }}>
        {props.villageName} · {t('store.name')}
      </div>
      <div style={{ marginTop: 12 }}>
        {t('store.receipt.household')}：{r.householdNumber} {r.headName}（{r.group}）
      </div>
      <table>
        <thead>
          <tr>
            <th>{t('store.receipt.item')}</th>
            <th className="num">{t('store.receipt.quantity')}</th>
            <th className="num">{t('store.receipt.price')}</th>
            <th className="num">{t('store.receipt.points')}</th>
          </tr>
        </thead>
        <tbody>
          {r.lines.map((l) => (
            <tr key={l.itemId}>
              <td>{l.name}</td>
              <td className="num">
                {l.quantity}
                {l.unit}
              </td>
              <td className="num">{n(l.price)}</td>
              <td className="num">{n(l.points)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={3}>{t('store.receipt.total')}</th>
            <th className="num" data-testid="receipt-total">
              {n(r.total)} {pts}
            </th>
          </tr>
          {props.balanceAfter !== undefined && (
            <tr>
              <td colSpan={3}>
                {props.programName
                  ? t('store.receipt.balanceAfterOf', { program: props.programName })
                  : t('store.receipt.balanceAfter')}
              </td>
              <td className="num" data-testid="receipt-balance">
                {n(props.balanceAfter)} {pts}
              </td>
            </tr>
          )}
        </tfoot>
      </table>
      <div style={{ textAlign: 'center' }}>{t('store.receipt.code')}</div>
      <div className="xjf-receipt-code" data-testid="receipt-code">
        {r.code}
      </div>
      {r.status === 'cancelled' && (
        <div className="xjf-receipt-void">
          {t('store.receipt.cancelled')}
          <div style={{ fontSize: 12, fontWeight: 400 }}>
            {t('store.receipt.cancelledBy', {
              by: r.cancelledBy ?? '',
              at: formatDateTime(r.cancelledAt),
              reason: r.cancelReason ?? '',
            })}
          </div>
        </div>
      )}
      <div style={{ marginTop: 12, fontSize: 12 }}>
        {t('store.receipt.at')}：{formatDateTime(r.at)}　{t('store.receipt.clerk')}：{r.byName}
      </div>
    </section>
  );
}
