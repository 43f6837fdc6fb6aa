import { Card, Flex, Statistic, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../rules/rules-api';

/** What a record will be worth under the rules in effect, with the working: recorders and villagers see the same. */
export function EstimateCard(props: { estimate: Evaluation | undefined; testId: string }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { estimate } = props;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid={props.testId}>
      {estimate ? (
        <Flex gap={24} align="center" wrap>
          <Statistic
            title={t('points.preview')}
            value={estimate.points}
            suffix={i18n.language === 'en' ? 'pts' : '分'}
            styles={{ content: { color: estimate.points < 0 ? token.colorError : token.colorSuccess } }}
          />
          <Typography.Text>
            {i18n.language === 'en' ? estimate.explanation.en : estimate.explanation.zh}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('points.previewHint')}</Typography.Text>
      )}
    </Card>
  );
}
