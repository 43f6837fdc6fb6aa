import { Alert, Button, Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { api, call, type Schemas } from '../../lib/api';
import { devSignIn } from '../../lib/auth';
import { errorText } from '../../lib/errors';
import { useLoad } from '../../lib/use-load';
import { useSession } from './session';

type DevUser = Schemas['DevUser'];
type Group = { county: string; sections: { title: string; users: DevUser[] }[] };

const byText = (a = '', b = '') => a.localeCompare(b, 'zh-CN');

/** The platform first, then county by county: county staff, then village staff by village. */
function groupUsers(
  users: DevUser[],
  labels: { platform: string; county: string; village: string },
): Group[] {
  const platform = users.filter((u) => !u.countyName);
  const counties = [...new Set(users.flatMap((u) => (u.countyName ? [u.countyName] : [])))].sort(byText);
  const groups = counties.map((county) => {
    const own = users.filter((u) => u.countyName === county);
    return {
      county,
      sections: [
        { title: labels.county, users: own.filter((u) => !u.villageName) },
        {
          title: labels.village,
          users: own.filter((u) => u.villageName).sort((a, b) => byText(a.villageName, b.villageName)),
        },
      ].filter((s) => s.users.length > 0),
    };
  });
  return platform.length > 0
    ? [{ county: labels.platform, sections: [{ title: labels.platform, users: platform }] }, ...groups]
    : groups;
}

const matches = (user: DevUser, query: string) =>
  [user.name, user.username, user.villageName, user.countyName].some((s) => s?.includes(query));

export function DevUserPicker() {
  const { t, i18n } = useTranslation();
  const { signIn } = useSession();
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<string>();
  const users = useLoad(useCallback(() => call(api().GET('/api/dev/users')), []));

  async function signInAs(username: string) {
    setPending(username);
    setError(undefined);
    try {
      await signIn(await devSignIn(username));
    } catch (caught) {
      setError(errorText(caught, t, i18n.language));
      setPending(undefined);
    }
  }

  if (users.error) return <LoadError error={users.error} onRetry={users.reload} />;
  const q = query.trim().toLowerCase();
  const visible = (users.data?.items ?? []).filter((u) => !q || matches(u, q));
  const groups = groupUsers(visible, {
    platform: t('auth.platform'),
    county: t('auth.dev.countyLevel'),
    village: t('auth.dev.villageLevel'),
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('auth.dev.pickerHint')} />
      {error && <Alert type="error" showIcon title={error} />}
      <Input.Search
        allowClear
        placeholder={t('auth.dev.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {users.loading && !users.data && <Card loading />}
      {users.data && groups.length === 0 && <Empty description={t('auth.dev.noUsers')} />}
      {groups.map((group) => (
        <Card key={group.county} size="small" title={group.county}>
          {group.sections.map((section) => (
            <div key={section.title} style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">{section.title}</Typography.Text>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 6 }}>
                {section.users.map((user) => (
                  <Button
                    key={user.username}
                    data-username={user.username}
                    loading={pending === user.username}
                    disabled={pending !== undefined && pending !== user.username}
                    onClick={() => void signInAs(user.username)}
                    style={{ height: 'auto', padding: '6px 12px', textAlign: 'left' }}
                  >
                    <span>
                      <strong>{user.name}</strong> <Tag>{t(`roles.${user.role}`)}</Tag>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[user.villageName, user.username].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </span>
                  </Button>
                ))}
              </div>
            </div>
          ))}
        </Card>
      ))}
    </Space>
  );
}
