import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Result, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicShell } from '../../components/PublicShell';
import { errorText } from '../../lib/errors';
import { formatDateTime, formatDay } from '../../lib/format';
import { localizeMessage } from '../../lib/i18n';
import {
  type Certificate,
  downloadJson,
  readSigningKeys,
  type Verification,
  verifyCertificate,
} from './certificates-api';

type Outcome = { verification: Verification; certificate?: Certificate };

/** The certificate the text claims to be, if it parses: to name the county whose keys to fetch. */
function claimed(document: unknown): Certificate | undefined {
  const c = (document as { certificate?: Certificate } | null)?.certificate;
  return typeof c?.countyId === 'string' ? c : undefined;
}

/**
 * `/verify`, public: anyone (a loan officer, an auditor, the villager) pastes or uploads a
 * certificate's JSON and learns whether the county signed exactly that.
 */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lng = i18n.language;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [notJson, setNotJson] = useState(false);

  async function check(source = text) {
    setOutcome(undefined);
    let document: unknown;
    try {
      document = JSON.parse(source);
    } catch {
      setNotJson(true);
      return;
    }
    setNotJson(false);
    setBusy(true);
    try {
      setOutcome({ verification: await verifyCertificate(document), certificate: claimed(document) });
    } catch (error) {
      void message.error(errorText(error, t, lng));
    } finally {
      setBusy(false);
    }
  }

  async function downloadKeys(countyId: string) {
    try {
      const keys = await readSigningKeys(countyId);
      downloadJson(keys, `${keys.countyName}-公钥.json`);
    } catch (error) {
      void message.error(errorText(error, t, lng));
    }
  }

  const v = outcome?.verification;
  const c = outcome?.certificate;
  return (
    <PublicShell>
      <Typography.Title level={2}>{t('certificates.verify.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('certificates.verify.intro')}</Typography.Paragraph>
      <Card>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('certificates.verify.placeholder')}
          autoSize={{ minRows: 6, maxRows: 14 }}
          style={{ fontFamily: 'ui-monospace, monospace' }}
          data-testid="verify-input"
        />
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <Button
            type="primary"
            loading={busy}
            disabled={!text.trim()}
            onClick={() => check()}
            data-testid="verify-submit"
          >
            {t('certificates.verify.check')}
          </Button>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={async (file) => {
              const content = await file.text();
              setText(content);
              await check(content);
              // Read in the browser only: nothing is uploaded anywhere.
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('certificates.verify.upload')}</Button>
          </Upload>
        </Flex>
      </Card>
      {notJson && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          title={t('certificates.verify.invalid')}
          description={t('certificates.verify.notJson')}
          data-testid="verify-result"
        />
      )}
      {v && (
        <Card
          style={{ marginTop: 16 }}
          data-testid="verify-result"
          data-valid={v.valid}
          data-reason={v.reason}
        >
          <Result
            style={{ padding: 16 }}
            icon={
              v.valid ? (
                <CheckCircleFilled style={{ color: '#2f7d4f' }} />
              ) : (
                <CloseCircleFilled style={{ color: '#cf1322' }} />
              )
            }
            title={v.valid ? t('certificates.verify.valid') : t('certificates.verify.invalid')}
            subTitle={localizeMessage(v.message, lng)}
          />
          {v.valid && c && (
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('certificates.household')}>
                {c.household.name}（{c.countyName} {c.household.village}，{t('certificates.householdNumber')}{' '}
                {c.household.number}）
              </Descriptions.Item>
              <Descriptions.Item label={t('certificates.program')}>{c.program.name}</Descriptions.Item>
              <Descriptions.Item label={t('certificates.score')}>
                {t('certificates.scoreValue', { score: c.score })}（{t('certificates.asOf')}{' '}
                {formatDay(c.asOf, lng)}）
              </Descriptions.Item>
              <Descriptions.Item label={t('certificates.tier')}>
                {c.tier ? `${c.tier.label} · ${c.tier.benefit}` : t('certificates.noTier')}
              </Descriptions.Item>
              <Descriptions.Item label={t('certificates.partner')}>
                {c.partner.name} · {c.issuedBy.name} · {formatDateTime(c.issuedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('certificates.keyId')}>{v.keyId}</Descriptions.Item>
            </Descriptions>
          )}
          {v.fields && (
            <ul>
              {Object.entries(v.fields).map(([field, problem]) => (
                <li key={field}>
                  <code>{field}</code>：{localizeMessage(problem, lng)}
                </li>
              ))}
            </ul>
          )}
          {c && (
            <Button
              style={{ marginTop: 12 }}
              icon={<DownloadOutlined />}
              onClick={() => downloadKeys(c.countyId)}
            >
              {t('certificates.verify.keys', { county: c.countyName })}
            </Button>
          )}
        </Card>
      )}
    </PublicShell>
  );
}
