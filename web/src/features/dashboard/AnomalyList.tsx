import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Signal } from './dashboard-api';
import { formatMonth, formatRate } from './numbers';

const colors: Record<Signal['kind'], string> = {
  refused_self_approvals: 'red',
  dominant_recorder: 'orange',
  spike: 'gold',
};

/** Signals worth a look, each with its village; nothing here is a verdict. */
export function AnomalyList({ signals }: { signals: Signal[] }) {
  const { t, i18n } = useTranslation();
  const describe = (s: Signal) => {
    switch (s.kind) {
      case 'dominant_recorder':
        return t('dashboard.anomalies.dominant_recorder', {
          recorder: s.recorderName ?? t('dashboard.anomalies.someone'),
          share: formatRate(s.share ?? null),
          value: s.value,
        });
      case 'spike':
        return t('dashboard.anomalies.spike', {
          month: formatMonth(s.month ?? '', i18n.language, true),
          value: s.value,
          baseline: s.baseline ?? 0,
          factor: s.baseline ? (s.value / s.baseline).toFixed(1) : '—',
        });
      default:
        return t('dashboard.anomalies.refused_self_approvals', { value: s.value });
    }
  };
  return (
    <List
      data-testid="anomaly-list"
      size="small"
      dataSource={signals}
      locale={{ emptyText: t('dashboard.anomalies.none') }}
      renderItem={(s) => (
        <List.Item>
          <Tag color={colors[s.kind]}>{t(`dashboard.anomalies.kinds.${s.kind}`)}</Tag>
          <Link to={`/villages/${s.villageId}/summary`}>
            {s.townshipName} · {s.villageName}
          </Link>
          <Typography.Text style={{ marginLeft: 8 }}>{describe(s)}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
