import { Select } from 'antd';
import { useCallback } from 'react';
import { allPages, api, call } from '../../lib/api';
import { useLoad } from '../../lib/use-load';

/** The county's townships, for the township a 乡镇审核员 reviews (a form control: value, onChange). */
export function TownshipSelect(props: {
  countyId: string;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const townships = useLoad(
    useCallback(
      () =>
        allPages((cursor) =>
          call(
            api().GET('/api/counties/{countyId}/townships', {
              params: { path: { countyId: props.countyId }, query: { cursor } },
            }),
          ),
        ),
      [props.countyId],
    ),
  );
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      loading={townships.loading}
      showSearch={{ optionFilterProp: 'label' }}
      options={(townships.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
    />
  );
}
