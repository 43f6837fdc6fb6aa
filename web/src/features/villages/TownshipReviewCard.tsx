import { App, Card, Flex, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../lib/api';
import { errorText } from '../../lib/errors';

/** The anchor the approval queue links to when only township review can unblock a record. */
export const TOWNSHIP_REVIEW_ANCHOR = 'township-review';

/**
 * 乡镇审核: a village with a single cadre asks its township to approve its points. Its admins
 * (and the county admin) switch it; everyone else sees the state.
 */
export function TownshipReviewCard(props: {
  villageId: string;
  on: boolean;
  manages: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  // Opened from the queue's "去开启" link: bring the switch into view.
  useEffect(() => {
    if (window.location.hash === `#${TOWNSHIP_REVIEW_ANCHOR}`)
      document.getElementById(TOWNSHIP_REVIEW_ANCHOR)?.scrollIntoView({ block: 'center' });
  }, []);

  async function change(on: boolean) {
    setSaving(true);
    try {
      await call(
        api().PATCH('/api/villages/{villageId}', {
          params: { path: { villageId: props.villageId } },
          body: { townshipReview: on },
        }),
      );
      void message.success(on ? t('review.switchOn') : t('review.switchOff'));
      props.onChanged();
    } catch (error) {
      void message.error(errorText(error, t, i18n.language));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card id={TOWNSHIP_REVIEW_ANCHOR} style={{ marginBottom: 16 }} data-testid="township-review-card">
      <Flex justify="space-between" align="center" gap={12}>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Typography.Text strong id="township-review-label">
            {t('review.switchTitle')}
          </Typography.Text>
          <Typography.Text type="secondary">{t('review.switchHelp')}</Typography.Text>
        </Flex>
        {props.manages ? (
          <Switch
            checked={props.on}
            loading={saving}
            onChange={(on) => void change(on)}
            aria-labelledby="township-review-label"
            checkedChildren={t('review.on')}
            unCheckedChildren={t('review.offShort')}
          />
        ) : (
          <Typography.Text>{props.on ? t('review.on') : t('review.offShort')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
