import { useCallback, useState } from 'react';
import { api, call, type Schemas } from '../../lib/api';
import { useLoad } from '../../lib/use-load';

type Invite = Schemas['Invite'];

/** Invite codes newest first, one page at a time: a county issues them for years. */
export function useInvites(countyId: string) {
  const [more, setMore] = useState<{ items: Invite[]; nextCursor?: string }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const first = useLoad(
    useCallback(async () => {
      setMore(undefined);
      return call(api().GET('/api/counties/{countyId}/invites', { params: { path: { countyId } } }));
    }, [countyId]),
  );

  const nextCursor = more ? more.nextCursor : first.data?.nextCursor;
  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await call(
        api().GET('/api/counties/{countyId}/invites', {
          params: { path: { countyId }, query: { cursor: nextCursor } },
        }),
      );
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    items: [...(first.data?.items ?? []), ...(more?.items ?? [])],
    loading: first.loading,
    error: first.error,
    reload: first.reload,
    hasMore: Boolean(nextCursor),
    loadingMore,
    loadMore,
  };
}

export type InvitesState = ReturnType<typeof useInvites>;
