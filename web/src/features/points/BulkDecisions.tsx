import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newIdempotencyKey } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { BULK_LIMIT, type BulkAction, decideRecords, type PointRecord } from './points-api';

type Outcome = { action: BulkAction; ok: number; failures: { id: string; label: string; reason: string }[] };

const label = (r: PointRecord) => `${r.householdNumber} ${r.headName} · ${r.rule.name}`;
const pointsOf = (r: PointRecord) => r.points ?? r.estimate;

/**
 * 批量通过 / 批量驳回 of the selected records in one request: a confirmation with the count and
 * the points first, then what happened to each (the refusals with their reasons).
 */
export function BulkDecisions(props: {
  villageId: string;
  selected: PointRecord[];
  /** Some record in view may be decided by this user: otherwise no bulk buttons are offered. */
  selectable: boolean;
  /** Some record in the queue looks like a duplicate: say that select-all leaves those out. */
  duplicates?: boolean;
  /** 疑似重复 (same household, rule and month): counted in the confirmation. */
  isDuplicate?: (record: PointRecord) => boolean;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [asking, setAsking] = useState<BulkAction>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [reason, setReason] = useState('');
  // One key per confirmation: a retry after a lost answer resends it, so nothing is decided twice.
  const key = useRef('');
  const count = props.selected.length;
  const total = props.selected.reduce((sum, r) => sum + pointsOf(r), 0);
  const tooMany = count > BULK_LIMIT;
  const doubtful = props.isDuplicate ? props.selected.filter(props.isDuplicate).length : 0;

  const open = (action: BulkAction) => {
    key.current = newIdempotencyKey();
    setError(undefined);
    setReason('');
    setAsking(action);
  };

  async function send() {
    if (!asking) return;
    const chosen = props.selected;
    setSending(true);
    setError(undefined);
    try {
      const result = await decideRecords(
        props.villageId,
        {
          action: asking,
          recordIds: chosen.map((r) => r.id),
          reason: asking === 'reject' ? reason.trim() || undefined : undefined,
        },
        key.current,
      );
      const failures = result.results.flatMap((r) => {
        if (r.ok) return [];
        const record = chosen.find((c) => c.id === r.recordId);
        return [
          {
            id: r.recordId,
            label: record ? label(record) : r.recordId,
            reason: errorText(new ApiError(403, r.code, r.message), t, lng),
          },
        ];
      });
      setOutcome({ action: asking, ok: result.succeeded, failures });
      setAsking(undefined);
      props.onDone();
    } catch (caught) {
      setError(errorText(caught, t, lng));
    } finally {
      setSending(false);
    }
  }

  const approving = asking === 'approve';
  const rejected = outcome?.action === 'reject';
  const failed = outcome?.failures.length ?? 0;
  return (
    <>
      {outcome && (
        <Alert
          type={failed ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setOutcome(undefined) }}
          style={{ marginBottom: 16 }}
          data-testid="batch-result"
          title={
            failed
              ? t(rejected ? 'review.rejectedDone' : 'points.batchDone', { ok: outcome.ok, failed })
              : t(rejected ? 'review.rejectedAllDone' : 'points.batchAllDone', { ok: outcome.ok })
          }
          description={
            failed > 0 && (
              <>
                {rejected ? t('review.rejectFailures') : t('points.batchFailures')}
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {outcome.failures.map((f) => (
                    <li key={f.id}>
                      {f.label}：{f.reason}
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        />
      )}
      {props.selectable && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={count === 0 || tooMany}
            onClick={() => open('approve')}
          >
            {t('points.approveSelected', { count })}
          </Button>
          <Button
            danger
            icon={<CloseOutlined />}
            disabled={count === 0 || tooMany}
            onClick={() => open('reject')}
          >
            {t('review.rejectSelected', { count })}
          </Button>
          {tooMany && (
            <Typography.Text type="danger">{t('review.tooMany', { max: BULK_LIMIT })}</Typography.Text>
          )}
          {props.duplicates && (
            <Typography.Text type="secondary">{t('review.selectAllSkips')}</Typography.Text>
          )}
        </Flex>
      )}
      {asking && (
        <Modal
          open
          title={approving ? t('review.confirmApproveTitle') : t('review.confirmRejectTitle')}
          okText={approving ? t('review.confirmApproveOk') : t('review.confirmRejectOk')}
          okButtonProps={{ danger: !approving }}
          cancelText={t('common.cancel')}
          confirmLoading={sending}
          onOk={() => void send()}
          onCancel={() => setAsking(undefined)}
        >
          <Typography.Paragraph strong data-testid="bulk-summary">
            {t(approving ? 'review.confirmApprove' : 'review.confirmReject', { count, points: total })}
          </Typography.Paragraph>
          {doubtful > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="bulk-duplicates"
              title={t('review.duplicatesSelected', { count: doubtful })}
            />
          )}
          {!approving && (
            <Form layout="vertical">
              <Form.Item label={t('points.rejectReason')}>
                <Input.TextArea
                  rows={2}
                  maxLength={200}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  placeholder={t('points.rejectReasonPlaceholder')}
                />
              </Form.Item>
            </Form>
          )}
          {error && <Alert type="error" showIcon title={error} />}
        </Modal>
      )}
    </>
  );
}
