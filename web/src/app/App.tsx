import type { RuntimeConfig } from '@xjf/domain';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { RouterProvider } from 'react-router-dom';
import { SessionProvider } from '../features/auth/session';
import { useLanguage } from '../lib/i18n';
import { router } from './routes';

/**
 * A phone that asks for reduced motion (many cheap Androids' battery or accessibility setting)
 * gets no animations: dialogs, menus and messages appear at once instead of easing in.
 */
const reducedMotion =
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const theme = { token: { colorPrimary: '#2f7d4f', borderRadius: 6, motion: !reducedMotion } };

export function App({ config }: { config: RuntimeConfig }) {
  const [language] = useLanguage();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <SessionProvider config={config}>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
