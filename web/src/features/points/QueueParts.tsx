import { Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDay } from '../../lib/format';
import { PhotoThumbs } from '../photos/PhotoThumbs';
import type { PointRecord } from './points-api';
import { SelfDeclaredTag } from './SelfDeclaredTag';

/** Who decides in this queue, and what the API would refuse them (maker-checker). */
export type Decider = {
  userId: string;
  householdId?: string;
  /** The village has asked its township to review. */
  townshipReview: boolean;
  /** Where this user turns township review on (the village page), when they may. */
  settingLink?: string;
};

export type Block = 'ownRecord' | 'ownHousehold';

/** Why this user may not approve `record`: the API answers self_approval or own_household. */
export function blockOf(record: PointRecord, decider: Decider): Block | undefined {
  if (record.recordedBy === decider.userId) return 'ownRecord';
  if (decider.householdId && record.householdId === decider.householdId) return 'ownHousehold';
  return undefined;
}

/** In place of the buttons: why not, and who can approve instead. */
export function WhoApproves({ block, decider }: { block: Block; decider: Decider }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={0} data-testid="who-approves" style={{ maxWidth: 260, whiteSpace: 'normal' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`review.${block}`)}
      </Typography.Text>
      {decider.townshipReview ? (
        <Typography.Text style={{ fontSize: 12 }}>{t('review.byTownship')}</Typography.Text>
      ) : (
        <Typography.Text style={{ fontSize: 12 }}>
          {t('review.byAnother')}
          {decider.settingLink && (
            <>
              {' '}
              <Link to={decider.settingLink} data-testid="open-township-setting">
                {t('review.openSetting')}
              </Link>
            </>
          )}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * A record on a phone, in one cell: household, rule, points and recorder stay in view at 375 px
 * (the desktop table scrolls sideways instead); the decision buttons or the note come below.
 */
export function PhoneRecordCell(props: { record: PointRecord; household: ReactNode; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const r = props.record;
  const points = r.points ?? r.estimate;
  return (
    <Flex vertical gap={2} style={{ minWidth: 0, whiteSpace: 'normal' }} data-testid="record-cell">
      <Flex justify="space-between" gap={8} align="baseline">
        <span style={{ minWidth: 0 }}>
          {props.household} {r.selfDeclared && <SelfDeclaredTag by={r.recordedByName} />}
        </span>
        <Typography.Text strong style={{ color: points < 0 ? token.colorError : undefined, flexShrink: 0 }}>
          {t('review.points', { points })}
        </Typography.Text>
      </Flex>
      <Typography.Text>
        {r.rule.name}
        {r.quantity !== undefined &&
          r.rule.shape.kind === 'perUnit' &&
          ` · ${r.quantity} ${r.rule.shape.unit}`}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('review.recorder', { name: r.recordedByName ?? '' })} · {formatDay(r.occurredOn, i18n.language)}
      </Typography.Text>
      {/* No expanding rows on a phone: the note and the photos come in the cell. */}
      {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
      {r.evidenceUrls?.length ? <PhotoThumbs urls={r.evidenceUrls} /> : null}
      {props.actions && <div style={{ marginTop: 4 }}>{props.actions}</div>}
    </Flex>
  );
}
