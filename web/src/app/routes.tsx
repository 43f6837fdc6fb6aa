import { createBrowserRouter } from 'react-router-dom';
import { FullPageSpin, RouteError } from './feedback';
import { HomeRedirect, RequireRole, RequireSignIn } from './guards';
import { auditReaders, countyRoles, queueReaders, recorders, storeKeepers, villageViewers } from './nav';

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
        lazy: async () => ({ Component: (await import('../features/board/BoardPage')).BoardPage }),
      },
      {
        path: '/verify',
        lazy: async () => ({
          Component: (await import('../features/certificates/VerifyPage')).VerifyPage,
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
                  Component: (await import('../features/account/AccountPage')).AccountPage,
                }),
              },
              {
                element: <RequireRole roles={['platform_operator']} />,
                children: [
                  {
                    path: 'counties',
                    lazy: async () => ({
                      Component: (await import('../features/counties/CountiesPage')).CountiesPage,
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
                      Component: (await import('../features/dashboard/DashboardPage')).DashboardPage,
                    }),
                  },
                  {
                    path: 'county/templates',
                    lazy: async () => ({
                      Component: (await import('../features/templates/CountyTemplatesPage'))
                        .CountyTemplatesPage,
                    }),
                  },
                  {
                    path: 'county/programs',
                    lazy: async () => ({
                      Component: (await import('../features/rules/RulesPage')).RulesPage,
                    }),
                  },
                  {
                    path: 'county/programs/:ruleSetId',
                    lazy: async () => ({
                      Component: (await import('../features/rules/RuleSetPage')).RuleSetPage,
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
                      Component: (await import('../features/users/CountyUsersPage')).CountyUsersPage,
                    }),
                  },
                  {
                    path: 'county/partners',
                    lazy: async () => ({
                      Component: (await import('../features/partners/PartnersPage')).PartnersPage,
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
                      Component: (await import('../features/villages/VillagePage')).VillagePage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/summary',
                    lazy: async () => ({
                      Component: (await import('../features/dashboard/VillageSummaryPage'))
                        .VillageSummaryPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/rules',
                    lazy: async () => ({
                      Component: (await import('../features/rules/RulesPage')).RulesPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/rules/:ruleSetId',
                    lazy: async () => ({
                      Component: (await import('../features/rules/RuleSetPage')).RuleSetPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/households',
                    lazy: async () => ({
                      Component: (await import('../features/households/HouseholdsPage')).HouseholdsPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/households/:householdId',
                    lazy: async () => ({
                      Component: (await import('../features/households/HouseholdPage')).HouseholdPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/store/items',
                    lazy: async () => ({
                      Component: (await import('../features/store/CatalogPage')).CatalogPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/store/redemptions',
                    lazy: async () => ({
                      Component: (await import('../features/store/RedemptionsPage')).RedemptionsPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/store/report',
                    lazy: async () => ({
                      Component: (await import('../features/store/StoreReportPage')).StoreReportPage,
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
                      Component: (await import('../features/points/ApprovalsPage')).ApprovalsPage,
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
                      Component: (await import('../features/township/TownshipReviewPage')).TownshipReviewPage,
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
                      Component: (await import('../features/audit/AuditPage')).AuditPage,
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
                      Component: (await import('../features/points/RecordPointsPage')).RecordPointsPage,
                    }),
                  },
                  {
                    path: 'villages/:villageId/grid',
                    lazy: async () => ({
                      Component: (await import('../features/points/MonthGridPage')).MonthGridPage,
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
                      Component: (await import('../features/store/CounterPage')).CounterPage,
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
                      Component: (await import('../features/villager/VillagerHome')).VillagerHome,
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
                      Component: (await import('../features/partner/PartnerHome')).PartnerHome,
                    }),
                  },
                  {
                    path: 'partner/certificates',
                    lazy: async () => ({
                      Component: (await import('../features/certificates/CertificatesPage')).CertificatesPage,
                    }),
                  },
                  {
                    path: 'partner/certificates/:certificateId',
                    lazy: async () => ({
                      Component: (await import('../features/certificates/CertificatePage')).CertificatePage,
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
