import type { ReactNode } from 'react';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages reachable without signing in: sign-in, onboarding, the notice board. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="xjf-public">
      <div className="xjf-public-top">
        <Brand />
        <LanguageSwitch />
      </div>
      <div style={{ width: '100%', maxWidth: 880 }}>{children}</div>
    </div>
  );
}
