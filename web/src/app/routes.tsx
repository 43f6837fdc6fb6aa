import { createBrowserRouter } from 'react-router-dom';
import { loadWords } from '../lib/i18n';
import type { Translation } from '../lib/locales/zh';
import { FullPageSpin, RouteError } from './feedback';
import { HomeRedirect, RequireRole, RequireSignIn } from './guards';
import { auditReaders, countyRoles, queueReaders, recorders, storeKeepers, villageViewers } from './nav';

/**
 * A page's chunk and the sections of words it reads (web/src/lib/i18n.ts), fetched side by side;
 * the sign-in, session and error words come with every page.
 */
async function page<T>(chunk: Promise<T>, ...sections: (keyof Translation)[]): Promise<T> {
  const [module] = await Promise.all([chunk, loadWords(...sections)]);
  return module;
}

/** Every page is its own chunk: a recorder never downloads the county screens. */
export const router = createBrowserRouter([
  {
    HydrateFallback: FullPageSpin,
    errorElement: <RouteError />,
    children: [
      {
        path: '/sign-in',
        lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }),
      },
      {
        path: '/board/:villageId',
        lazy: async () => ({
          Component: (await page(import('../features/board/BoardPage'), 'board')).BoardPage,
        }),
      },
      {
        path: '/verify',
        lazy: async () => ({
          Component: (await page(import('../features/certificates/VerifyPage'), 'certificates')).VerifyPage,
        }),
      },
      {
        path: '/onboarding',
        lazy: async () => ({
          Component: (await import('../features/onboarding/OnboardingPage')).OnboardingPage,
        }),
      },
      {
        element: <RequireSignIn />,
        children: [
          {
            lazy: async () => ({ Component: (await import('./AppLayout')).AppLayout }),
            children: [
              { index: true, element: <HomeRedirect /> },
              {
                path: 'account',
                lazy: async () => ({
                  Component: (await page(import('../features/account/AccountPage'), 'villager')).AccountPage,
                }),
              },
              {
                element: <RequireRole roles={['platform_operator']} />,
                children: [
                  {
                    path: 'counties',
                    lazy: async () => ({
                      Component: (
                        await page(import('../features/counties/CountiesPage'), 'review', 'villager')
                      ).CountiesPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={countyRoles} />,
                children: [
                  {
                    path: 'county',
                    lazy: async () => ({
                      Component: (await import('../features/county/CountyOverviewPage')).CountyOverviewPage,
                    }),
                  },
                  {
                    path: 'county/dashboard',
                    lazy: async () => ({
                      Component: (
                        await page(import('../features/dashboard/DashboardPage'), 'dashboard', 'rules')
                      ).DashboardPage,
                    }),
                  },
                  {
                    path: 'county/templates',
                    lazy: async () => ({
                      Component: (await page(import('../features/templates/CountyTemplatesPage'), 'rules'))
                        .CountyTemplatesPage,
                    }),
                  },
                  {
                    path: 'county/programs',
                    lazy: async () => ({
                      Component: (await page(import('../features/rules/RulesPage'), 'partners', 'rules'))
                        .RulesPage,
                    }),
                  },
                  {
                    path: 'county/programs/:ruleSetId',
                    lazy: async () => ({
                      Component: (await page(import('../features/rules/RuleSetPage'), 'rules')).RuleSetPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={['county_admin']} />,
                children: [
                  {
                    path: 'invites',
                    lazy: async () => ({
                      Component: (await import('../features/invites/InvitesPage')).InvitesPage,
                    }),
                  },
                  {
                    path: 'users',
                    lazy: async () => ({
                      Component: (
                        await page(
                          import('../features/users/CountyUsersPage'),
                          'photos',
                          'review',
                          'villager',
                        )
                      ).CountyUsersPage,
                    }),
                  },
                  {
                    path: 'county/partners',
                    lazy: async () => ({
                      Component: (
                        await page(
                          import('../features/partners/PartnersPage'),
                          'partners',
                          'consents',
                          'tiers',
                          'review',
                          'villager',
                        )
                      ).PartnersPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={villageViewers} />,
                children: [
                  {
                    path: 'villages/:villageId',
                    lazy: async () => ({
                      Component: (
                        await page(
                          import('../features/villages/VillagePage'),
                          'board',
                          'dashboard',
                          'photos',
                          'review',
                          'rules',
                          'store',
                          'villager',
                        )
                      ).VillagePage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/summary',
                    lazy: async () => ({
                      Component: (
                        await page(import('../features/dashboard/VillageSummaryPage'), 'dashboard', 'rules')
                      ).VillageSummaryPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/rules',
                    lazy: async () => ({
                      Component: (await page(import('../features/rules/RulesPage'), 'partners', 'rules'))
                        .RulesPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/rules/:ruleSetId',
                    lazy: async () => ({
                      Component: (await page(import('../features/rules/RuleSetPage'), 'rules')).RuleSetPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/households',
                    lazy: async () => ({
                      Component: (
                        await page(import('../features/households/HouseholdsPage'), 'imports', 'rules')
                      ).HouseholdsPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/households/:householdId',
                    lazy: async () => ({
                      Component: (
                        await page(
                          import('../features/households/HouseholdPage'),
                          'partners',
                          'consents',
                          'tiers',
                          'rules',
                          'store',
                        )
                      ).HouseholdPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/store/items',
                    lazy: async () => ({
                      Component: (await page(import('../features/store/CatalogPage'), 'photos', 'store'))
                        .CatalogPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/store/redemptions',
                    lazy: async () => ({
                      Component: (await page(import('../features/store/RedemptionsPage'), 'rules', 'store'))
                        .RedemptionsPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/store/report',
                    lazy: async () => ({
                      Component: (await page(import('../features/store/StoreReportPage'), 'rules', 'store'))
                        .StoreReportPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={queueReaders} />,
                children: [
                  {
                    path: 'villages/:villageId/approvals',
                    lazy: async () => ({
                      Component: (
                        await page(
                          import('../features/points/ApprovalsPage'),
                          'board',
                          'photos',
                          'review',
                          'villager',
                        )
                      ).ApprovalsPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={['township_reviewer']} />,
                children: [
                  {
                    path: 'township',
                    lazy: async () => ({
                      Component: (await page(import('../features/township/TownshipReviewPage'), 'review'))
                        .TownshipReviewPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={auditReaders} />,
                children: [
                  {
                    path: 'villages/:villageId/audit',
                    lazy: async () => ({
                      Component: (await page(import('../features/audit/AuditPage'), 'audit', 'board'))
                        .AuditPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={recorders} />,
                children: [
                  {
                    path: 'villages/:villageId/record',
                    lazy: async () => ({
                      Component: (
                        await page(
                          import('../features/points/RecordPointsPage'),
                          'imports',
                          'photos',
                          'rules',
                        )
                      ).RecordPointsPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/grid',
                    lazy: async () => ({
                      Component: (await page(import('../features/points/MonthGridPage'), 'grid', 'imports'))
                        .MonthGridPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={storeKeepers} />,
                children: [
                  {
                    path: 'villages/:villageId/store/counter',
                    lazy: async () => ({
                      Component: (await page(import('../features/store/CounterPage'), 'imports', 'store'))
                        .CounterPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={['villager']} />,
                children: [
                  {
                    path: 'mine',
                    lazy: async () => ({
                      Component: (
                        await page(
                          import('../features/villager/VillagerHome'),
                          'photos',
                          'rules',
                          'store',
                          'villager',
                        )
                      ).VillagerHome,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={['partner']} />,
                children: [
                  {
                    path: 'partner',
                    lazy: async () => ({
                      Component: (
                        await page(
                          import('../features/partner/PartnerHome'),
                          'certificates',
                          'partner',
                          'partners',
                          'tiers',
                          'rules',
                        )
                      ).PartnerHome,
                    }),
                  },
                  {
                    path: 'partner/certificates',
                    lazy: async () => ({
                      Component: (
                        await page(import('../features/certificates/CertificatesPage'), 'certificates')
                      ).CertificatesPage,
                    }),
                  },
                  {
                    path: 'partner/certificates/:certificateId',
                    lazy: async () => ({
                      Component: (
                        await page(import('../features/certificates/CertificatePage'), 'certificates')
                      ).CertificatePage,
                    }),
                  },
                ],
              },
              { path: '*', element: <RouteError notFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
