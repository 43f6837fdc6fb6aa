import { App, Flex, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { HouseholdSelect } from '../points/HouseholdSelect';

/** The household a village user lives in, set by the village admin: they never approve its points. */
export function UserHousehold(props: { villageId: string; user: Schemas['User'] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [householdId, setHouseholdId] = useState(props.user.householdId);

  async function link(next: string | undefined) {
    try {
      const saved = await call(
        api().PATCH('/api/villages/{villageId}/users/{userId}', {
          params: { path: { villageId: props.villageId, userId: props.user.id } },
          body: { householdId: next ?? null },
        }),
      );
      setHouseholdId(saved.householdId);
      void message.success(t('photos.householdSaved'));
    } catch (error) {
      void message.error(errorText(error, t, i18n.language));
    }
  }

  return (
    <Tooltip title={t('photos.householdHint')}>
      <Flex style={{ minWidth: 220 }} data-testid="user-household">
        <HouseholdSelect villageId={props.villageId} value={householdId} onChange={(id) => void link(id)} />
      </Flex>
    </Tooltip>
  );
}
